#include "operators/windows/GlobalWindowOperator.h"

#include <algorithm>
#include <stdexcept>

#include "operators/windows/WindowState.h"
#include "state/KeyedState.h"

namespace sw::runtime {

namespace {
constexpr std::uint64_t kGlobalStateFormat = 2; // 2: with the last emitted row per key
}

void GlobalWindowOperator::fire(const GroupKey& key, KeyState& st, EventTime ts, Collector& out)
{
    m_row.assign(key.values.begin(), key.values.end());
    m_c.aggregates.results(st.accs, m_row);
    auto send = [&](RowKind kind, const Row& row) {
        m_out.row.assign(row.begin(), row.end());
        m_out.kind = kind;
        m_out.timestamp = ts;
        m_out.provenance = {};
        out.emit(m_out);
    };
    if (st.emitted.empty()) {
        send(RowKind::Insert, m_row);
    } else {
        if (m_row == st.emitted) return; // unchanged: no update
        send(RowKind::UpdateBefore, st.emitted);
        send(RowKind::UpdateAfter, m_row);
    }
    st.emitted.swap(m_row);
}

void GlobalWindowOperator::processBatch(int, RecordBatch& batch, Collector& out)
{
    const CountTrigger trigger{m_c.triggerCount};
    for (Record& r : batch) {
        ++m_seq;
        KeyView kv = keyViewOf(r.row, m_c.keyColumns);
        auto it = m_keys.find(kv);
        if (it == m_keys.end()) {
            it = m_keys.emplace(toGroupKey(kv), KeyState{}).first;
            m_c.aggregates.init(it->second.accs);
        }
        KeyState& st = it->second;
        m_c.aggregates.add(st.accs, r.row, m_seq);
        if (r.provenance.kind == Provenance::Kind::Kafka) m_holds.hold(r.provenance);
        if (m_c.countTrigger) {
            if (trigger.onElement(st.sinceFire) == TriggerResult::Fire)
                fire(it->first, st, r.timestamp, out);
        } else {
            st.dirty = true;
            if (!m_timerSet) {
                m_ctx->registerProcessingTimer(
                    nextProcessingFire(m_ctx->processingTimeMs(), m_c.triggerInterval));
                m_timerSet = true;
            }
        }
    }
}

void GlobalWindowOperator::onProcessingTime(std::int64_t, Collector& out)
{
    m_timerSet = false;
    for (auto& [key, st] : m_keys) {
        if (!st.dirty) continue;
        fire(key, st, kNoTimestamp, out);
        st.dirty = false;
    }
}

void GlobalWindowOperator::snapshotState(std::int64_t, StateWriter& w)
{
    // Per key group (state/KeyedState.h): one item per key.
    KeyedStateOutput out;
    out.meta().u64(m_seq);
    const std::size_t n = m_c.aggregates.size();
    for (const auto& [key, st] : m_keys) {
        StateOutput& o = out.groupOf(key.values);
        writeKey(o, key);
        writeAccs(o, st.accs.data(), n);
        o.i64(st.sinceFire);
        o.boolean(st.dirty);
        o.row(st.emitted);
    }
    w.put(keyedBlobName("global"), out.finish());
}

void GlobalWindowOperator::restoreState(const StateReader& r)
{
    bool dirty = false, found = false;
    const std::string e = readKeyedState(
        r, "global", "global window state",
        [this](StateInput& in) { m_seq = std::max(m_seq, in.u64()); },
        [&](StateInput& in) {
            while (in.ok() && !in.atEnd())
                dirty = restoreKey(in) || dirty;
        },
        &found);
    if (!e.empty()) throw std::runtime_error(e);
    if (!found) {
        // A checkpoint written before key groups: this subtask's own blob.
        const std::string* blob = r.get("global");
        if (!blob) return;
        StateInput in(*blob);
        readFormat(in, kGlobalStateFormat);
        m_seq = in.u64();
        const std::size_t keys = in.count(3);
        for (std::size_t k = 0; k < keys && in.ok(); ++k)
            dirty = restoreKey(in) || dirty;
        finishRestore(in, "global window state");
    }
    if (dirty && !m_c.countTrigger && !m_timerSet) {
        m_ctx->registerProcessingTimer(
            nextProcessingFire(m_ctx->processingTimeMs(), m_c.triggerInterval));
        m_timerSet = true;
    }
}

bool GlobalWindowOperator::restoreKey(StateInput& in)
{
    GroupKey key = readKey(in);
    KeyState st;
    m_c.aggregates.init(st.accs);
    readAccs(in, st.accs.data(), st.accs.size());
    st.sinceFire = in.i64();
    st.dirty = in.boolean();
    st.emitted = in.row();
    const bool dirty = st.dirty;
    if (!in.ok()) return false;
    if (!m_keys.emplace(std::move(key), std::move(st)).second) in.fail("a key appears twice");
    return dirty;
}

} // namespace sw::runtime
