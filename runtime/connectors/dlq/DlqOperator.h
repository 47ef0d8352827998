#pragma once
// The `dlq` node: collects error records (errorSchema()) from any number of `errors` outputs,
// writes them with the DlqWriter of its `target` and counts them per error_class.
// It runs as one subtask (the node type has no parallelism property).
#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "connectors/dlq/DeadLetterCounts.h"
#include "connectors/dlq/DlqWriter.h"

namespace sw::runtime {

class DlqOperator final : public Operator, public DeadLetterCounts {
public:
    DlqOperator(std::unique_ptr<DlqWriter> writer, std::string target);

    Status open(OperatorContext& ctx) override;
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void endOfInput(Collector& out) override;
    /// A checkpoint barrier: the dead letters before it are durable (the writer flushes), or
    /// pre-committed (a two-phase-commit writer, DlqWriter::twoPhaseCommit).
    void prepareSnapshotPreBarrier(std::int64_t checkpointId, Collector& out) override;
    void notifyCheckpointComplete(std::int64_t checkpointId) override;
    bool isTwoPhaseCommitSink() const override { return m_writer->twoPhaseCommit(); }
    void snapshotState(std::int64_t, StateWriter& w) override { m_writer->snapshotState(w); }
    void restoreState(const StateReader& r) override;
    void close() override;

    std::map<std::string, std::uint64_t> countsByClass() const override;
    std::uint64_t total() const override { return m_total.load(std::memory_order_relaxed); }

private:
    void count(const Record& r);

    std::unique_ptr<DlqWriter> m_writer;
    std::string m_target;
    std::string m_nodeId;
    static constexpr std::size_t kClasses = 5; // ErrorClass values
    std::array<std::atomic<std::uint64_t>, kClasses> m_counts{};
    std::atomic<std::uint64_t> m_total{0};
    mutable std::mutex m_otherMutex;
    std::map<std::string, std::uint64_t> m_other; ///< classes outside ErrorClass (rare)
    bool m_open = false;
    OperatorContext* m_ctx = nullptr;
};

} // namespace sw::runtime
