#include "operators/windows/SessionWindowOperator.h"

namespace sw::runtime {

void SessionWindowOperator::registerTimer(const GroupKey* key, KeyState& st, EventTime t)
{
    if (st.timers.insert(t).second) {
        m_timers.insert({t, key});
        if (!m_c.eventTime) m_ctx->registerProcessingTimer(t);
    }
}

void SessionWindowOperator::add(const Record& r, EventTime ts, Collector& out)
{
    const std::int64_t lateness = m_c.eventTime ? m_c.allowedLateness : 0;
    KeyView kv = keyViewOf(r.row, m_c.keyColumns);
    auto kit = m_keys.find(kv);
    TimeWindow w = SessionAssigner{m_c.gap}.assign(ts);
    // Merge with every intersecting session of the key.
    Session merged{w, false, {}};
    m_c.aggregates.init(merged.accs);
    bool mergedAny = false;
    if (kit != m_keys.end()) {
        auto& ss = kit->second.sessions;
        for (std::size_t i = 0; i < ss.size();) {
            if (!ss[i].window.intersects(merged.window)) {
                ++i;
                continue;
            }
            merged.window.start = std::min(merged.window.start, ss[i].window.start);
            merged.window.end = std::max(merged.window.end, ss[i].window.end);
            m_c.aggregates.merge(merged.accs, ss[i].accs);
            mergedAny = true;
            ss[i] = std::move(ss.back());
            ss.pop_back();
            i = 0; // the grown window may now intersect sessions checked before
        }
    }
    // Only a window that merged with nothing can be late (merging extends a live session).
    if (!mergedAny && m_c.eventTime && EventTimeTrigger::isWindowLate(merged.window, lateness, m_time)) {
        emitLate(r, out);
        return;
    }
    if (kit == m_keys.end()) kit = m_keys.emplace(toGroupKey(kv), KeyState{}).first;
    m_c.aggregates.add(merged.accs, r.row, m_seq);
    KeyState& st = kit->second;
    const GroupKey* key = &kit->first;
    if (m_c.eventTime && EventTimeTrigger::onElement(merged.window, m_time) == TriggerResult::Fire) {
        emitResult(&merged.window, *key, merged.accs, merged.window.maxTimestamp(), out);
        merged.fired = true;
        registerTimer(key, st, merged.window.maxTimestamp() + lateness);
    } else {
        registerTimer(key, st, merged.window.maxTimestamp());
    }
    st.sessions.push_back(std::move(merged));
}

void SessionWindowOperator::processBatch(int, RecordBatch& batch, Collector& out)
{
    for (Record& r : batch) {
        ++m_seq;
        EventTime ts = timeOf(r);
        if (ts == kNoTimestamp) [[unlikely]] {
            out.emitError(ErrorClass::Type, "record has no event time", r, m_c.input);
            continue;
        }
        add(r, ts, out);
    }
}

bool SessionWindowOperator::processKey(const GroupKey& key, KeyState& st, EventTime time, Collector& out)
{
    const std::int64_t lateness = m_c.eventTime ? m_c.allowedLateness : 0;
    auto& ss = st.sessions;
    for (std::size_t i = 0; i < ss.size();) {
        Session& s = ss[i];
        if (!s.fired && s.window.maxTimestamp() <= time) {
            emitResult(&s.window, key, s.accs, s.window.maxTimestamp(), out);
            s.fired = true;
        }
        if (s.fired && EventTimeTrigger::isCleanupTime(s.window, lateness, time)) {
            ss[i] = std::move(ss.back());
            ss.pop_back();
            continue;
        }
        registerTimer(&key, st, s.fired ? s.window.maxTimestamp() + lateness : s.window.maxTimestamp());
        ++i;
    }
    return ss.empty();
}

void SessionWindowOperator::advance(EventTime time, Collector& out)
{
    m_time = time;
    while (!m_timers.empty() && m_timers.begin()->first <= time) {
        auto [t, keyPtr] = *m_timers.begin();
        m_timers.erase(m_timers.begin());
        auto kit = m_keys.find(*keyPtr);
        if (kit == m_keys.end()) continue;
        KeyState& st = kit->second;
        st.timers.erase(t);
        if (processKey(kit->first, st, time, out)) {
            for (EventTime rest : st.timers) m_timers.erase({rest, &kit->first});
            m_keys.erase(kit);
        }
    }
}

void SessionWindowOperator::processWatermark(EventTime watermark, Collector& out)
{
    if (m_c.eventTime) advance(watermark, out);
    out.emitWatermark(watermark);
}

void SessionWindowOperator::onProcessingTime(std::int64_t nowMs, Collector& out)
{
    if (!m_c.eventTime) advance(nowMs, out);
}

void SessionWindowOperator::endOfInput(Collector& out) { advance(kMaxWatermark, out); }

} // namespace sw::runtime
