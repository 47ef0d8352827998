#pragma once
// The `lake-sink` node: a data-lake archive of part files in Hive-style partition directories
// by event time (`dt=2026-12-07/hr=14/part-0-000003.avro`), as Flink's FileSink with a
// DateTimeBucketAssigner on the record's event time (UTC) and a bulk format.
//
// Each subtask keeps one open (in-progress, hidden) part per partition directory it is writing
// (at most kMaxOpenParts; a new partition beyond that rolls the least recently written one).
// A part rolls when its size reaches `roll_size` (LakePartWriter::size()), when it has been
// open `roll_interval` (processing time), at every checkpoint barrier and at end of input.
// A rolled part is complete (the writer finished, flushed and fsync'ed it) and goes through
// PartFileCommitter (connectors/file/PartFileCommitter.h):
//   - exactly-once delivery: it is staged (hidden `.pending`), assigned to the next barrier,
//     and published when that checkpoint completes (two-phase commit; restore and leftovers as
//     the file sink's);
//   - otherwise: it is published at once (renamed to its visible name).
// Either way a visible part is always a whole, valid file. A fresh start keeps the finished
// parts already in the directory (an archive is appended to) and numbers new ones after them.
//
// Rows that cannot be written go to `errors` (class sink): a record without event time (its
// partition is unknown), a value that does not fit its column, a row too large for an Avro
// block. File system failures stop the pipeline with the path and reason.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "connectors/file/PartFileCommitter.h"
#include "connectors/lake/LakeFormat.h"
#include "exec/Operator.h"
#include "time/PartitionPattern.h"

namespace sw::runtime {

class LakeSink final : public Operator {
public:
    struct Settings {
        std::string directory;
        std::string format = "avro"; ///< lakeFormatNames()
        PartitionPattern pattern;
        std::uint64_t rollSize = 128ull << 20;
        std::int64_t rollIntervalMs = 30 * 60 * 1000;
        bool exactlyOnce = false;
    };
    static constexpr std::size_t kMaxOpenParts = 16;

    LakeSink(Settings settings, Schema schema);
    ~LakeSink() override;

    Status open(OperatorContext& ctx) override;
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void onProcessingTime(std::int64_t nowMs, Collector& out) override;
    void endOfInput(Collector& out) override;
    void close() override;

    bool isTwoPhaseCommitSink() const override { return m_s.exactlyOnce; }
    void prepareSnapshotPreBarrier(std::int64_t checkpointId, Collector& out) override;
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;
    void notifyCheckpointComplete(std::int64_t checkpointId) override;

private:
    struct OpenPart {
        PartFileCommitter::Part part;
        std::unique_ptr<LakePartWriter> writer;
        std::int64_t openedMs = 0;
        std::uint64_t lastUse = 0;
        std::uint64_t rows = 0;
    };
    OpenPart& partFor(const std::string& bucket);
    const std::string& bucketOf(std::int64_t eventTime);
    void roll(std::size_t i);
    void rollAll();

    Settings m_s;
    Schema m_schema;
    OperatorContext* m_ctx = nullptr;
    std::unique_ptr<LakeFormat> m_format;
    std::unique_ptr<PartFileCommitter> m_files;
    std::vector<OpenPart> m_open;
    std::uint64_t m_useClock = 0;
    // The partition of the last record's time span (PartitionPattern::granularityMs).
    std::int64_t m_cachedSpan = 0;
    bool m_cacheValid = false;
    std::string m_cachedBucket;
};

} // namespace sw::runtime
