#pragma once
// The `file-sink` node under `"delivery": "exactly-once"` (Flink's FileSink with an
// on-checkpoint rolling policy): `path` names a directory of part files, and a reader listing
// it sees only whole files of completed checkpoints.
//
// The part files' lifecycle (in-progress, pending, finished), restore and fresh start are
// PartFileCommitter's (connectors/file/PartFileCommitter.h, one bucket: the directory itself):
// this sink writes one part per checkpoint interval (`.part-S-N.ext.inprogress`, a CSV part
// starting with its header line), flushes, fsyncs and stages it at barrier k, and lets the
// committer publish it when k completes. A fresh start deletes the subtask's part files, as the
// at-least-once sink truncates its file.
#include <cstdint>
#include <string>

#include "connectors/file/PartFileCommitter.h"
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

private:
    void openPart();
    void writeBuffer();

    Format m_format;
    PartFileCommitter m_files;
    JsonRowWriter m_json;
    CsvRowWriter m_csv;
    int m_fd = -1; ///< the in-progress part, -1 = none
    PartFileCommitter::Part m_part;
    std::string m_buf;
    bool m_writeKind = false; // updating input: an `op` column first (format/RowKindColumn.h)
    Row m_opRow;
};

} // namespace sw::runtime
