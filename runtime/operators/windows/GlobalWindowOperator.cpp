#include "operators/windows/GlobalWindowOperator.h"

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

} // namespace sw::runtime
