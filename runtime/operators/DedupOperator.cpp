#include "operators/DedupOperator.h"

#include <stdexcept>

#include "catalog/PropertyAccess.h"
#include "operators/DedupLastOperator.h"
#include "operators/OperatorFactories.h"
#include "operators/windows/WindowState.h"
#include "state/KeyedState.h"
#include "types/Duration.h"

namespace sw::runtime {

void DedupOperator::expire(EventTime upTo)
{
    while (!m_expiry.empty() && m_expiry.begin()->first <= upTo) {
        const GroupKey* k = m_expiry.begin()->second;
        m_expiry.erase(m_expiry.begin());
        m_seen.erase(*k);
    }
}

void DedupOperator::processBatch(int, RecordBatch& batch, Collector& out)
{
    if (m_store) return processWithStore(batch, out);
    if (!m_eventTime) expire(m_ctx->processingTimeMs());
    std::uint64_t dropped = 0;
    for (Record& r : batch) {
        KeyView kv = keyViewOf(r.row, m_keys);
        if (auto seen = m_seen.find(kv); seen != m_seen.end()) {
            ++dropped;
            linkDuplicate(seen->second, r.provenance);
            continue;
        }
        EventTime t =
            m_eventTime && r.timestamp != kNoTimestamp ? r.timestamp : m_ctx->processingTimeMs();
        Seen first{t + m_ttl};
        if (r.provenance.kind == Provenance::Kind::Kafka && r.provenance.origin) {
            first.origin = r.provenance.origin.get();
            first.partition = r.provenance.partition;
            first.position = r.provenance.position;
        }
        auto it = m_seen.emplace(toGroupKey(kv), first).first;
        m_expiry.emplace(t + m_ttl, &it->first);
        out.emit(r);
    }
    if (dropped) m_ctx->counters().dropped.add(dropped);
}

void DedupOperator::linkDuplicate(const Seen& first, const Provenance& dup)
{
    if (!first.origin || first.position < 0 || dup.kind != Provenance::Kind::Kafka || !dup.origin ||
        dup.position < 0)
        return;
    if (m_units.size() >= kMaxUnits) { // bounded: later ones merge into the last (coarser)
        m_units.back().add(first.origin, first.partition, first.position);
        m_units.back().add(dup);
        return;
    }
    ReplayUnit& u = m_units.emplace_back();
    u.add(first.origin, first.partition, first.position);
    u.add(dup);
}

void DedupOperator::collectReplayUnits(std::vector<ReplayUnit>& units)
{
    for (ReplayUnit& u : m_units)
        units.push_back(std::move(u));
    m_units.clear();
}

void DedupOperator::processWatermark(EventTime watermark, Collector& out)
{
    if (m_eventTime) expire(watermark);
    out.emitWatermark(watermark);
}

void DedupOperator::snapshotState(std::int64_t, StateWriter& w)
{
    // Per key group (state/KeyedState.h): one item (expiry, key) per key, in expiry order.
    KeyedStateOutput out;
    for (const auto& [expiry, key] : m_expiry) {
        StateOutput& o = out.groupOf(key->values);
        o.time(expiry);
        writeKey(o, *key);
    }
    w.put(keyedBlobName("seen"), out.finish());
}

void DedupOperator::restoreState(const StateReader& r)
{
    bool found = false;
    const std::string e = readKeyedState(
        r, "seen", "dedup state", [](StateInput&) {},
        [this](StateInput& in) {
            while (in.ok() && !in.atEnd())
                restoreKey(in);
        },
        &found);
    if (!e.empty()) throw std::runtime_error(e);
    if (found) return;
    // A checkpoint written before key groups: this subtask's own blob.
    const std::string* blob = r.get("seen");
    if (!blob) return;
    StateInput in(*blob);
    readFormat(in);
    const std::size_t n = in.count(2);
    for (std::size_t i = 0; i < n && in.ok(); ++i)
        restoreKey(in);
    finishRestore(in, "dedup state");
}

void DedupOperator::restoreKey(StateInput& in)
{
    const EventTime expiry = in.time();
    GroupKey key = readKey(in);
    if (!in.ok()) return;
    auto [it, inserted] = m_seen.emplace(std::move(key), Seen{expiry});
    if (!inserted) {
        in.fail("a key appears twice");
        return;
    }
    m_expiry.emplace(expiry, &it->first);
}

Result<std::unique_ptr<Operator>> makeDedupOperator(const OperatorSpec& spec)
{
    if (propertyValue(spec.node, "keep") == "last") return makeDedupLastOperator(spec);
    const Schema& in = spec.inputSchemas.at(0);
    std::vector<int> keys;
    auto kv = propertyValue(spec.node, "keys");
    for (std::size_t i = 0; kv.is_array() && i < kv.size(); ++i) {
        int idx = kv[i].is_string() ? in.indexOf(kv[i].get<std::string>()) : -1;
        if (idx < 0) return makeError("keys: unknown column " + kv[i].dump());
        keys.push_back(idx);
    }
    if (keys.empty()) return makeError("keys: at least one key column is required");
    auto ttl = propertyValue(spec.node, "ttl");
    auto d = ttl.is_string() ? parseDuration(ttl.get<std::string>()) : std::nullopt;
    if (!d || *d <= 0) return makeError("ttl: expected a positive duration");
    auto op = std::make_unique<DedupOperator>(keys, *d, !in.rowtime().empty());
    if (stringProperty(spec.node, "store") == "redis") {
        auto store = makeRedisDedupStore({stringProperty(spec.node, "redis_url"),
                                          stringProperty(spec.node, "redis_key_prefix"), keys, *d,
                                          spec.pipelineName + "/" + spec.node.id});
        if (!store) return store.error();
        op->setStore(std::move(*store));
    }
    return std::unique_ptr<Operator>(std::move(op));
}

// ------------------------------------------------------------------ external store

void DedupOperator::processWithStore(RecordBatch& batch, Collector& out)
{
    auto done = m_store->markFirst(batch, m_first, m_storeErrors);
    if (!done) throw std::runtime_error(done.error().message);
    if (!*done) { // stopped while the store was unreachable: the run is being cancelled
        m_ctx->warn("dedup '" + m_ctx->nodeId() + "': stopped while its store was unreachable; " +
                    std::to_string(batch.size()) +
                    " record(s) not passed on (the sources have not committed them)");
        return;
    }
    std::uint64_t dropped = 0;
    std::size_t i = 0;
    for (Record& r : batch) {
        const std::uint8_t f = m_first[i];
        const std::string& why = m_storeErrors[i];
        ++i;
        if (f == 1)
            out.emit(r);
        else if (f == 0)
            ++dropped;
        else
            out.emitError(ErrorClass::Sink, why, r, m_ctx->inputSchemas().at(0));
    }
    if (dropped) m_ctx->counters().dropped.add(dropped);
}

} // namespace sw::runtime
