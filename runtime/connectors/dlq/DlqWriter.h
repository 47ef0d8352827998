#pragma once
// Where the `dlq` node writes dead letters: one DlqWriter per target ("sqlite", "jsonl",
// "kafka"). Targets are pluggable: a connector adds its writer with registerDlqWriter() or, for
// the built-in list, one line in DlqWriter.cpp's builtinWriters() (the Kafka connector adds
// "kafka" there). Writers receive rows of errorSchema() (catalog/NodeType.h), in arrival order.
#include <functional>
#include <memory>
#include <string>

#include "exec/Operator.h"

namespace sw::runtime {

class DlqWriter {
public:
    virtual ~DlqWriter() = default;
    /// Opens the target (create file/table/topic). Called on the DLQ subtask's thread.
    virtual Status open() = 0;
    /// Writes the rows of `batch` (errorSchema() columns). An error stops the pipeline (a DLQ
    /// that cannot write must not lose records silently).
    virtual Status write(const RecordBatch& batch) = 0;
    /// Makes everything written so far durable (end of input, stop).
    virtual Status flush() { return Status::ok(); }
    virtual void close() {}

    /// Writers that commit on checkpoints (exactly-once pipelines; the Kafka writer's
    /// transactions): the DLQ operator then calls preCommit at each barrier instead of flush,
    /// commit when a checkpoint completes, and takes part in the final checkpoint
    /// (Operator::isTwoPhaseCommitSink).
    virtual bool twoPhaseCommit() const { return false; }
    virtual Status preCommit(std::int64_t checkpointId)
    {
        (void)checkpointId;
        return flush();
    }
    virtual Status commit(std::int64_t checkpointId)
    {
        (void)checkpointId;
        return Status::ok();
    }
    /// What a two-phase-commit writer keeps in a checkpoint (after preCommit at its barrier) and
    /// restores after open(); a warning (already free of secrets) goes to the run's events.
    virtual void snapshotState(StateWriter& w) const { (void)w; }
    virtual Status restoreState(const StateReader& r, std::string& warning)
    {
        (void)r;
        (void)warning;
        return Status::ok();
    }
};

/// Builds the writer of a target from the dlq node (properties: path, topic, bootstrap_servers,
/// properties, partitions, retention; spec.dataDirectory for relative paths).
using DlqWriterFactory =
    std::function<Result<std::unique_ptr<DlqWriter>>(const OperatorSpec& spec)>;

/// Adds (or replaces) the writer of `target`. Thread-safe; call before pipelines start.
void registerDlqWriter(const std::string& target, DlqWriterFactory factory);
/// The factory of `target`, or an empty function when none is registered.
DlqWriterFactory findDlqWriter(const std::string& target);

// Built-in writers (DlqSqliteWriter.cpp, DlqJsonlWriter.cpp).
Result<std::unique_ptr<DlqWriter>> makeSqliteDlqWriter(const OperatorSpec& spec);
Result<std::unique_ptr<DlqWriter>> makeJsonlDlqWriter(const OperatorSpec& spec);

/// Name of the SQLite dead-letter table: one row per error, columns = errorSchema().
inline constexpr const char* kDeadLetterTable = "dead_letters";

} // namespace sw::runtime
