#pragma once
// Group aggregation without a window (Flink's GroupAggFunction, GROUP BY on a stream): one row
// per key, updated by every input record. Emits +I for a key's first row, then -U (the previous
// row) and +U (the new one) per change; when a key's record count drops to zero through
// retractions, -D of its last row and the key is forgotten. As Flink: an unchanged result emits
// nothing (unless a state TTL is set), and a retraction for a key with no state (never seen, or
// expired by the TTL) is ignored. Retracting input (-U/-D) is subtracted for COUNT, SUM, AVG,
// MIN, MAX and COUNT_DISTINCT (the last three keep each value's multiplicity).
//
// State TTL (Flink's table.exec.state.ttl): a key not updated for `ttl` of processing time is
// forgotten without emitting anything; checked on a processing-time timer.
// State: every key's accumulators, record count, last emitted row and last update time
// (runtime/state); restored state continues exactly (sources resume at their checkpointed
// positions), so the operator holds no Kafka positions.
#include "exec/Operator.h"
#include "operators/windows/Aggregates.h"
#include "operators/windows/GroupKey.h"

namespace sw::runtime {

class StateInput;

class GroupAggregateOperator : public Operator {
public:
    GroupAggregateOperator(std::vector<int> keys, Aggregates aggs, std::int64_t ttlMs)
        : m_keys(std::move(keys)), m_aggs(std::move(aggs)), m_ttl(ttlMs)
    {
    }
    Status open(OperatorContext& ctx) override
    {
        m_ctx = &ctx;
        return Status::ok();
    }
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void onProcessingTime(std::int64_t nowMs, Collector& out) override;
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;

    std::size_t stateSize() const { return m_groups.size(); }

private:
    struct Group {
        std::vector<Acc> accs;
        std::int64_t rows = 0;    ///< accumulated minus retracted records (Flink's RecordCounter)
        Row emitted;              ///< the row last emitted for this key
        std::int64_t touched = 0; ///< processing time of the last update (TTL)
    };
    void process(Record& r, Collector& out);
    void emit(RowKind kind, const Row& row, const Record& cause, Collector& out);
    void armTtlTimer(std::int64_t at);
    /// Restore: one group key's item.
    void restoreGroup(StateInput& in);

    std::vector<int> m_keys;
    Aggregates m_aggs;
    std::int64_t m_ttl;
    OperatorContext* m_ctx = nullptr;
    KeyedMap<Group> m_groups;
    std::uint64_t m_seq = 0;
    std::int64_t m_timer = -1; ///< pending TTL timer (-1 = none)
    Row m_row;
    Record m_out;
};

} // namespace sw::runtime
