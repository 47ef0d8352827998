#include "operators/windows/GlobalWindowOperator.h"

#include "operators/windows/WindowState.h"

namespace sw::runtime {

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
                emitResult(nullptr, it->first, st.accs.data(), r.timestamp, out);
        } else {
            st.dirty = true;
            if (!m_timerSet) {
                m_ctx->registerProcessingTimer(
                    nextProcessingFire(OperatorContext::processingTimeMs(), m_c.triggerInterval));
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
        emitResult(nullptr, key, st.accs.data(), kNoTimestamp, out);
        st.dirty = false;
    }
}

void GlobalWindowOperator::snapshotState(std::int64_t, StateWriter& w)
{
    StateOutput out;
    out.u64(kOperatorStateFormat);
    out.u64(m_seq);
    out.u64(m_keys.size());
    const std::size_t n = m_c.aggregates.size();
    for (const auto& [key, st] : m_keys) {
        writeKey(out, key);
        writeAccs(out, st.accs.data(), n);
        out.i64(st.sinceFire);
        out.boolean(st.dirty);
    }
    w.put("global", out.take());
}

void GlobalWindowOperator::restoreState(const StateReader& r)
{
    const std::string* blob = r.get("global");
    if (!blob) return;
    StateInput in(*blob);
    readFormat(in);
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
        dirty = dirty || st.dirty;
        if (!in.ok()) break;
        if (!m_keys.emplace(std::move(key), std::move(st)).second) in.fail("a key appears twice");
    }
    finishRestore(in, "global window state");
    if (dirty && !m_c.countTrigger && !m_timerSet) {
        m_ctx->registerProcessingTimer(
            nextProcessingFire(OperatorContext::processingTimeMs(), m_c.triggerInterval));
        m_timerSet = true;
    }
}

} // namespace sw::runtime
