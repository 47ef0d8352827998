#include "operators/DedupLastOperator.h"

#include <stdexcept>

#include "catalog/PropertyAccess.h"
#include "operators/windows/WindowState.h"
#include "state/KeyedState.h"
#include "types/Duration.h"

namespace sw::runtime {

namespace {
constexpr std::uint64_t kDedupLastStateFormat = 1;
}

void DedupLastOperator::expire(EventTime upTo)
{
    while (!m_expiry.empty() && m_expiry.begin()->first <= upTo) {
        auto node = m_expiry.extract(m_expiry.begin());
        auto it = m_last.find(*node.mapped());
        if (it != m_last.end() && it->second.expiry == node.key()) m_last.erase(it);
    }
}

void DedupLastOperator::remember(const GroupKey& key, Last& last, EventTime expiry)
{
    last.expiry = expiry;
    m_expiry.emplace(expiry, &key);
}

void DedupLastOperator::processBatch(int, RecordBatch& batch, Collector& out)
{
    const EventTime now = m_ctx->processingTimeMs();
    if (!m_eventTime) expire(now);
    std::uint64_t dropped = 0;
    for (Record& r : batch) {
        const EventTime t = m_eventTime && r.timestamp != kNoTimestamp ? r.timestamp : now;
        const KeyView kv = keyViewOf(r.row, m_keys);
        auto it = m_last.find(kv);
        if (it == m_last.end()) {
            it = m_last.emplace(toGroupKey(kv), Last{r.row, t, 0}).first;
            remember(it->first, it->second, t + m_ttl);
            out.emit(r); // +I (the record's kind: the input is append-only)
            continue;
        }
        Last& last = it->second;
        if (m_eventTime && t < last.ts) { // an older row does not replace a newer one
            ++dropped;
            continue;
        }
        m_before.row.swap(last.row);
        m_before.timestamp = last.ts;
        m_before.kind = RowKind::UpdateBefore;
        m_before.provenance = r.provenance;
        last.row = r.row;
        last.ts = t;
        remember(it->first, last, t + m_ttl);
        out.emit(m_before);
        r.kind = RowKind::UpdateAfter;
        out.emit(r);
    }
    if (dropped) m_ctx->counters().dropped.add(dropped);
}

void DedupLastOperator::processWatermark(EventTime watermark, Collector& out)
{
    if (m_eventTime) expire(watermark);
    out.emitWatermark(watermark);
}

void DedupLastOperator::snapshotState(std::int64_t, StateWriter& w)
{
    // Per key group (state/KeyedState.h): one item per key.
    KeyedStateOutput out;
    for (const auto& [key, last] : m_last) {
        StateOutput& o = out.groupOf(key.values);
        writeKey(o, key);
        o.row(last.row);
        o.time(last.ts);
        o.time(last.expiry);
    }
    w.put(keyedBlobName("last"), out.finish());
}

void DedupLastOperator::restoreState(const StateReader& r)
{
    bool found = false;
    const std::string e = readKeyedState(
        r, "last", "keep-last dedup state", [](StateInput&) {},
        [this](StateInput& in) {
            while (in.ok() && !in.atEnd())
                restoreKey(in);
        },
        &found);
    if (!e.empty()) throw std::runtime_error(e);
    if (found) return;
    // A checkpoint written before key groups: this subtask's own blob.
    const std::string* blob = r.get("last");
    if (!blob) return;
    StateInput in(*blob);
    readFormat(in, kDedupLastStateFormat);
    const std::size_t n = in.count(4);
    for (std::size_t i = 0; i < n && in.ok(); ++i)
        restoreKey(in);
    finishRestore(in, "keep-last dedup state");
}

void DedupLastOperator::restoreKey(StateInput& in)
{
    GroupKey key = readKey(in);
    Last last;
    last.row = in.row();
    last.ts = in.time();
    const EventTime expiry = in.time();
    if (!in.ok()) return;
    auto [it, inserted] = m_last.emplace(std::move(key), std::move(last));
    if (!inserted) {
        in.fail("a key appears twice");
        return;
    }
    remember(it->first, it->second, expiry);
}

Result<std::unique_ptr<Operator>> makeDedupLastOperator(const OperatorSpec& spec)
{
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
    return makeOperator<DedupLastOperator>(std::move(keys), *d, !in.rowtime().empty());
}

} // namespace sw::runtime
