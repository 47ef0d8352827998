#include "operators/windows/GlobalWindowOperator.h"

#include "operators/windows/WindowState.h"

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
    StateOutput out;
    out.u64(kGlobalStateFormat);
    out.u64(m_seq);
    out.u64(m_keys.size());
    const std::size_t n = m_c.aggregates.size();
    for (const auto& [key, st] : m_keys) {
        writeKey(out, key);
        writeAccs(out, st.accs.data(), n);
        out.i64(st.sinceFire);
        out.boolean(st.dirty);
        out.row(st.emitted);
    }
    w.put("global", out.take());
}

void GlobalWindowOperator::restoreState(const StateReader& r)
{
    const std::string* blob = r.get("global");
    if (!blob) return;
    StateInput in(*blob);
    readFormat(in, kGlobalStateFormat);
    m_seq = in.u64();
    const std::size_t keys = in.count(3);
    bool dirty = false;
    for (std::size_t k = 0; k < keys && in.ok(); ++k) {
        GroupKey key = readKey(in);
        KeyState st;
        m_c.aggregates.init(st.accs);
        readAccs(in, st.accs.data(), st.accs.size());
        st.sinceFire = in.i64();
        st.dirty = in.boolean();
        st.emitted = in.row();
        dirty = dirty || st.dirty;
        if (!in.ok()) break;
        if (!m_keys.emplace(std::move(key), std::move(st)).second) in.fail("a key appears twice");
    }
    finishRestore(in, "global window state");
    if (dirty && !m_c.countTrigger && !m_timerSet) {
        m_ctx->registerProcessingTimer(
            nextProcessingFire(m_ctx->processingTimeMs(), m_c.triggerInterval));
        m_timerSet = true;
    }
}

} // namespace sw::runtime
