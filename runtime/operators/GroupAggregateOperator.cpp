#include "operators/GroupAggregateOperator.h"

#include <algorithm>

#include "catalog/PropertyAccess.h"
#include "operators/OperatorFactories.h"
#include "operators/windows/WindowState.h"
#include "state/KeyedState.h"

namespace sw::runtime {

namespace {
constexpr std::uint64_t kGroupAggStateFormat = 1;
}

void GroupAggregateOperator::emit(RowKind kind, const Row& row, const Record& cause, Collector& out)
{
    m_out.row.assign(row.begin(), row.end());
    m_out.kind = kind;
    m_out.timestamp = cause.timestamp;
    m_out.provenance = cause.provenance;
    out.emit(m_out);
}

void GroupAggregateOperator::process(Record& r, Collector& out)
{
    const KeyView kv = keyViewOf(r.row, m_keys);
    auto it = m_groups.find(kv);
    const bool accumulate = isAccumulate(r.kind);
    const bool first = it == m_groups.end();
    if (first) {
        if (!accumulate) return; // nothing to retract from (never seen, or expired by the TTL)
        it = m_groups.emplace(toGroupKey(kv), Group{}).first;
        m_aggs.init(it->second.accs);
    }
    Group& g = it->second;
    if (accumulate) {
        m_aggs.add(g.accs, r.row, ++m_seq);
        ++g.rows;
    } else {
        m_aggs.retract(g.accs.data(), r.row);
        --g.rows;
    }
    if (m_ttl > 0) {
        g.touched = m_ctx->processingTimeMs();
        armTtlTimer(g.touched + m_ttl);
    }
    if (g.rows <= 0) { // every row of the key retracted: delete its result
        if (!first) emit(RowKind::Delete, g.emitted, r, out);
        m_groups.erase(it);
        return;
    }
    m_row.assign(it->first.values.begin(), it->first.values.end());
    m_aggs.results(g.accs, m_row);
    if (first) {
        emit(RowKind::Insert, m_row, r, out);
    } else {
        if (m_ttl <= 0 && m_row == g.emitted) return; // unchanged: Flink emits nothing
        emit(RowKind::UpdateBefore, g.emitted, r, out);
        emit(RowKind::UpdateAfter, m_row, r, out);
    }
    g.emitted.swap(m_row);
}

void GroupAggregateOperator::processBatch(int, RecordBatch& batch, Collector& out)
{
    for (Record& r : batch)
        process(r, out);
}

void GroupAggregateOperator::armTtlTimer(std::int64_t at)
{
    if (m_timer >= 0 && m_timer <= at) return;
    m_timer = at;
    m_ctx->registerProcessingTimer(at);
}

void GroupAggregateOperator::onProcessingTime(std::int64_t nowMs, Collector&)
{
    if (m_ttl <= 0 || m_timer < 0 || nowMs < m_timer) return;
    m_timer = -1;
    std::int64_t next = -1;
    for (auto it = m_groups.begin(); it != m_groups.end();) {
        const std::int64_t expiry = it->second.touched + m_ttl;
        if (expiry <= nowMs) {
            it = m_groups.erase(it); // expired state vanishes silently, as Flink's state TTL
            continue;
        }
        next = next < 0 ? expiry : std::min(next, expiry);
        ++it;
    }
    if (next >= 0) armTtlTimer(next);
}

void GroupAggregateOperator::snapshotState(std::int64_t, StateWriter& w)
{
    // Per key group (state/KeyedState.h): one item per group key.
    KeyedStateOutput out;
    out.meta().u64(m_seq);
    const std::size_t n = m_aggs.size();
    for (const auto& [key, g] : m_groups) {
        StateOutput& o = out.groupOf(key.values);
        writeKey(o, key);
        writeAccs(o, g.accs.data(), n);
        writeAccCounts(o, g.accs.data(), n);
        o.i64(g.rows);
        o.row(g.emitted);
        o.i64(g.touched);
    }
    w.put(keyedBlobName("groups"), out.finish());
}

void GroupAggregateOperator::restoreState(const StateReader& r)
{
    bool found = false;
    const std::string e = readKeyedState(
        r, "groups", "group aggregate state",
        [this](StateInput& in) { m_seq = std::max(m_seq, in.u64()); },
        [this](StateInput& in) {
            while (in.ok() && !in.atEnd())
                restoreGroup(in);
        },
        &found);
    if (!e.empty()) throw std::runtime_error(e);
    if (found) return;
    // A checkpoint written before key groups: this subtask's own blob.
    const std::string* blob = r.get("groups");
    if (!blob) return;
    StateInput in(*blob);
    readFormat(in, kGroupAggStateFormat);
    m_seq = in.u64();
    const std::size_t groups = in.count(4);
    for (std::size_t i = 0; i < groups && in.ok(); ++i)
        restoreGroup(in);
    finishRestore(in, "group aggregate state");
}

void GroupAggregateOperator::restoreGroup(StateInput& in)
{
    GroupKey key = readKey(in);
    Group g;
    m_aggs.init(g.accs);
    readAccs(in, g.accs.data(), g.accs.size());
    readAccCounts(in, g.accs.data(), g.accs.size());
    g.rows = in.i64();
    g.emitted = in.row();
    g.touched = in.i64();
    if (!in.ok()) return;
    const std::int64_t expiry = g.touched + m_ttl;
    if (!m_groups.emplace(std::move(key), std::move(g)).second)
        in.fail("a key appears twice");
    else if (m_ttl > 0)
        armTtlTimer(expiry);
}

Result<std::unique_ptr<Operator>> makeGroupAggregateOperator(const OperatorSpec& spec)
{
    const Schema& in = spec.inputSchemas.at(0);
    std::vector<int> keys;
    auto kv = propertyValue(spec.node, "keys");
    for (std::size_t i = 0; kv.is_array() && i < kv.size(); ++i) {
        int idx = kv[i].is_string() ? in.indexOf(kv[i].get<std::string>()) : -1;
        if (idx < 0) return makeError("keys: unknown column " + kv[i].dump());
        keys.push_back(idx);
    }
    auto aggs = Aggregates::fromProperty(propertyValue(spec.node, "aggregates"), in,
                                         spec.outputSchemas.at(0), keys.size());
    if (!aggs) return aggs.error();
    const bool updating = !spec.inputChangelogs.empty() && spec.inputChangelogs[0].updating();
    if (updating && !aggs->canRetract())
        return makeError("aggregates: FIRST_VALUE and LAST_VALUE cannot retract an updating input");
    aggs->setRetractable(updating);
    PropertyReader props(spec.node);
    const std::int64_t ttl = props.durationMs("state_ttl");
    if (!props.ok()) return props.error();
    if (ttl < 0) return makeError("state_ttl: must not be negative");
    return makeOperator<GroupAggregateOperator>(std::move(keys), std::move(aggs).value(), ttl);
}

} // namespace sw::runtime
