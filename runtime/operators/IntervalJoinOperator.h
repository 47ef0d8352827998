#pragma once
// Interval join (Flink's IntervalJoinOperator): joins left and right records with equal keys
// where l.ts + lower <= r.ts <= l.ts + upper (bounds inclusive); output = left columns + right
// columns with event time max(l.ts, r.ts). Each side's records are buffered per key until the
// watermark makes a match impossible; records behind the watermark are `late` (errors port).
#include <map>

#include "exec/Operator.h"
#include "operators/windows/GroupKey.h"

namespace sw::runtime {

class StateInput;

class IntervalJoinOperator : public Operator {
public:
    IntervalJoinOperator(std::vector<int> leftKeys, std::vector<int> rightKeys, std::int64_t lower,
                         std::int64_t upper, Schema left, Schema right)
        : m_keys{std::move(leftKeys), std::move(rightKeys)}, m_lower(lower),
          m_upper(upper), m_schemas{std::move(left), std::move(right)}
    {
    }
    Status open(OperatorContext& ctx) override
    {
        m_ctx = &ctx;
        return Status::ok();
    }
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void processWatermark(EventTime watermark, Collector& out) override;
    /// Buffered records hold their Kafka positions until their cleanup time.
    /// No replay units (exec/ReplayUnit.h): buffered rows do not keep their provenance (a
    /// joined row carries the probing record's), and a replay that re-reads only one side of a
    /// match re-emits a subset of the earlier joined rows, identical to them: harmless for an
    /// upsert sink keyed by the join row, but a window downstream may count fewer joined rows
    /// for its window after a restart. Tracking it would cost a provenance per buffered row.
    void collectHolds(SourceHolds& holds) const override;
    /// State: per side every buffered row (key, timestamp, row, in buffer order) and the cleanup
    /// schedule. Restored rows hold no Kafka positions (they are behind the restored source
    /// positions).
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;

    std::size_t bufferedKeys(int side) const { return m_side[side].buffers.size(); }

private:
    struct Side {
        KeyedMap<std::multimap<EventTime, Row>> buffers;
        std::multimap<EventTime, GroupKey> cleanup; // cleanup time -> key
        std::map<EventTime, SourceHolds> holds;     // cleanup time -> Kafka positions buffered
    };
    /// How long after its timestamp a record of `side` can still match (Flink's cleanup time).
    std::int64_t keepFor(int side) const
    {
        return side == 0 ? std::max<std::int64_t>(m_upper, 0) : std::max<std::int64_t>(-m_lower, 0);
    }
    void join(int side, const Record& r, const KeyView& key, Collector& out);
    /// Restore: one key's buffered rows / one cleanup entry of side `s`.
    void restoreBuffer(StateInput& in, Side& s);
    void restoreCleanup(StateInput& in, Side& s);

    std::vector<int> m_keys[2];
    std::int64_t m_lower;
    std::int64_t m_upper;
    Schema m_schemas[2];
    Side m_side[2];
    OperatorContext* m_ctx = nullptr;
    Record m_out;
};

} // namespace sw::runtime
