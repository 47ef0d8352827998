#pragma once
// Dedup (the idempotent-consumer pattern): keeps the first record per key and drops (and counts)
// later records with the same key while the key is remembered. A key is remembered for `ttl`
// after its first record: in event time until the watermark reaches firstTs + ttl, else in
// processing time. State is bounded by the TTL.
//
// Replay units: dedup state is not persisted, so a restart whose replay starts between an
// original and its duplicate would admit the duplicate. Each dropped duplicate reports a unit
// (exec/ReplayUnit.h) covering its Kafka offset and its original's, so the coordinator never
// commits between them (a cheap compare per drop; at most kMaxUnits units per checkpoint, later
// drops merge into the last one). A duplicate read only after its original was committed past
// cannot be protected this way (that needs persisted state); with duplicates that carry their
// original's event time and no late data, the original's window is still open (and holds it)
// whenever its duplicate arrives.
//
// Store (`store` property, DedupStore.h): `memory` is the state above; `redis` keeps the seen
// keys in Redis instead (shared by several pipelines; no replay units, no checkpointed keys).
#include <map>
#include <memory>

#include "exec/Operator.h"
#include "operators/DedupStore.h"
#include "operators/windows/GroupKey.h"

namespace sw::runtime {

class StateInput;

class DedupOperator : public Operator {
public:
    DedupOperator(std::vector<int> keys, std::int64_t ttlMs, bool eventTime)
        : m_keys(std::move(keys)), m_ttl(ttlMs), m_eventTime(eventTime)
    {
    }
    Status open(OperatorContext& ctx) override
    {
        m_ctx = &ctx;
        return m_store ? m_store->open(ctx) : Status::ok();
    }
    /// Keeps the seen keys in `store` instead of the operator's state (before open()).
    void setStore(std::unique_ptr<DedupStore> store) { m_store = std::move(store); }
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void processWatermark(EventTime watermark, Collector& out) override;

    void collectReplayUnits(std::vector<ReplayUnit>& units) override;
    /// State: every remembered key with its expiry, in expiry order. A restored key has no
    /// first-record provenance (its duplicates report no replay unit: both are behind the
    /// restored source positions or the duplicate is dropped from restored state anyway).
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;

    std::size_t stateSize() const { return m_seen.size(); }

private:
    void expire(EventTime upTo);
    void processWithStore(RecordBatch& batch, Collector& out);
    /// Restore: one remembered key (its expiry, then the key).
    void restoreKey(StateInput& in);

    std::vector<int> m_keys;
    std::int64_t m_ttl;
    bool m_eventTime;
    OperatorContext* m_ctx = nullptr;
    struct Seen {
        EventTime expiry = 0;
        const std::string* origin = nullptr; // Kafka provenance of the first record (or null)
        std::int32_t partition = -1;
        std::int64_t position = -1;
    };
    static constexpr std::size_t kMaxUnits = 256;
    void linkDuplicate(const Seen& first, const Provenance& dup);

    KeyedMap<Seen> m_seen;                              // key -> expiry, first record
    std::multimap<EventTime, const GroupKey*> m_expiry; // expiry time -> key
    std::vector<ReplayUnit> m_units;                    // duplicates dropped since the last barrier

    std::unique_ptr<DedupStore> m_store; // null: the memory store (m_seen)
    std::vector<std::uint8_t> m_first;
    std::vector<std::string> m_storeErrors;
};

} // namespace sw::runtime
