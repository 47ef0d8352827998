#pragma once
// The `file-sink` node under `"delivery": "exactly-once"` (Flink's FileSink with an
// on-checkpoint rolling policy): `path` names a directory of part files, and a reader listing
// it sees only whole files of completed checkpoints.
//
// Lifecycle of a part file of subtask S (index N, six digits, increasing; ext = jsonl | csv):
//   in-progress  `.part-S-N.ext.inprogress`  rows of the running checkpoint interval are
//                appended (a CSV part starts with the header line);
//   pending      `.part-S-N.ext.pending`     at barrier k the file is flushed, fsync'ed and
//                renamed; the sink's state for k lists it (with k) and the next index;
//   finished     `part-S-N.ext`              when k (or a later checkpoint) completes, the
//                pending files of checkpoints <= k are renamed and the directory fsync'ed.
// Names starting with '.' are hidden by convention (ls, Flink's readers, Spark, Hive skip them);
// a rename is atomic, so a visible file is never partial.
//
// Restore from a checkpoint: its pending files are finished (renamed unless that happened before
// the crash; a pending file that is neither there nor finished is an error naming it); every
// other hidden file of the subtask is deleted (data after the cut: the sources replay it), and
// so is a finished file with an index at or past the restored next index (committed by a
// checkpoint newer than the one restored: a warning names it). A fresh start (no state
// restored) deletes the subtask's part files, as the at-least-once sink truncates its file.
#include <cstdint>
#include <string>
#include <vector>

#include "connectors/format/CsvRowWriter.h"
#include "connectors/format/JsonRowWriter.h"
#include "exec/Operator.h"

namespace sw::runtime {

class PartFileSink final : public Operator {
public:
    enum class Format { Jsonl, Csv };
    PartFileSink(std::string directory, Format format, Schema schema);
    void setWriteRowKind(bool on) { m_writeKind = on; }
    ~PartFileSink() override;

    Status open(OperatorContext& ctx) override;
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void endOfInput(Collector& out) override;
    void close() override;

    bool isTwoPhaseCommitSink() const override { return true; }
    void prepareSnapshotPreBarrier(std::int64_t checkpointId, Collector& out) override;
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;
    void notifyCheckpointComplete(std::int64_t checkpointId) override;

    /// File names of part `index` of `subtask` (no directory).
    static std::string finishedName(int subtask, std::uint64_t index, Format f);
    static std::string inProgressName(int subtask, std::uint64_t index, Format f);
    static std::string pendingName(int subtask, std::uint64_t index, Format f);

private:
    struct Pending {
        std::int64_t checkpoint = 0;
        std::uint64_t index = 0;
    };
    std::string pathOf(const std::string& name) const;
    void startFresh();
    void openPart();
    void writeBuffer();
    /// Renames a pending part to its finished name (done already when only that one exists).
    void finish(const Pending& p);
    /// Deletes this subtask's leftovers: fresh = every part file; else the hidden files not
    /// pending in the restored state and finished ones at or past the next index.
    void removeLeftovers(bool fresh);
    void syncDirectory();
    [[noreturn]] void ioError(const std::string& what, const std::string& path) const;

    std::string m_dir;
    Format m_format;
    JsonRowWriter m_json;
    CsvRowWriter m_csv;
    int m_subtask = 0;
    OperatorContext* m_ctx = nullptr;
    bool m_started = false;
    int m_fd = -1;                 ///< the in-progress part, -1 = none
    std::uint64_t m_nextIndex = 0; ///< index of the next part to create
    std::vector<Pending> m_pending;
    std::string m_buf;
    bool m_writeKind = false; // updating input: an `op` column first (format/RowKindColumn.h)
    Row m_opRow;
};

} // namespace sw::runtime
