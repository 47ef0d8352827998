#pragma once
// Dedup (the idempotent-consumer pattern): keeps the first record per key and drops (and counts)
// later records with the same key while the key is remembered. A key is remembered for `ttl`
// after its first record: in event time until the watermark reaches firstTs + ttl, else in
// processing time. State is bounded by the TTL.
#include <map>

#include "exec/Operator.h"
#include "operators/windows/GroupKey.h"

namespace sw::runtime {

class DedupOperator : public Operator {
public:
    DedupOperator(std::vector<int> keys, std::int64_t ttlMs, bool eventTime)
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

    std::size_t stateSize() const { return m_seen.size(); }

private:
    void expire(EventTime upTo);

    std::vector<int> m_keys;
    std::int64_t m_ttl;
    bool m_eventTime;
    OperatorContext* m_ctx = nullptr;
    KeyedMap<EventTime> m_seen;                       // key -> expiry time
    std::multimap<EventTime, const GroupKey*> m_expiry; // expiry time -> key
};

} // namespace sw::runtime
