#pragma once
// Keep-last-row deduplication (dedup with `keep: last`; Flink's
// ProcTimeDeduplicateKeepLastRowFunction and RowTimeDeduplicateFunction with keepLastRow): the
// latest row per key, as an updating stream: +I for a key's first row, then -U (the previous
// row) and +U (the new one) for every later row. In event time a row older than the key's
// current row (smaller event time) does not replace it (dropped and counted), as Flink's
// isDuplicate(keepLastRow) compares rowtimes; in processing time every row replaces.
// A key is forgotten `ttl` after its last replacement (the watermark, else processing time);
// its next row is a +I again (as after Flink's state TTL).
// State: per key its row, event time and expiry (runtime/state).
#include <map>

#include "exec/Operator.h"
#include "operators/windows/GroupKey.h"

namespace sw::runtime {

class StateInput;

class DedupLastOperator : public Operator {
public:
    DedupLastOperator(std::vector<int> keys, std::int64_t ttlMs, bool eventTime)
        : m_keys(std::move(keys)), m_ttl(ttlMs), m_eventTime(eventTime)
    {
    }
    Status open(OperatorContext& ctx) override
    {
        m_ctx = &ctx;
        return Status::ok();
    }
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void processWatermark(EventTime watermark, Collector& out) override;
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;

    std::size_t stateSize() const { return m_last.size(); }

private:
    struct Last {
        Row row;
        EventTime ts = 0;
        EventTime expiry = 0;
    };
    void expire(EventTime upTo);
    void remember(const GroupKey& key, Last& last, EventTime expiry);
    /// Restore: one key's item.
    void restoreKey(StateInput& in);

    std::vector<int> m_keys;
    std::int64_t m_ttl;
    bool m_eventTime;
    OperatorContext* m_ctx = nullptr;
    KeyedMap<Last> m_last;
    /// expiry -> key; stale entries (the key was replaced later) are skipped when they come up.
    std::multimap<EventTime, const GroupKey*> m_expiry;
    Record m_before;
};

/// dedup with keep = last.
Result<std::unique_ptr<Operator>> makeDedupLastOperator(const OperatorSpec& spec);

} // namespace sw::runtime
