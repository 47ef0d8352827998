#include "operators/windows/TimeWindowOperator.h"

namespace sw::runtime {

bool TimeWindowOperator::addTo(const TimeWindow& w, const KeyView& key, const Record& r, Collector& out)
{
    const std::int64_t lateness = m_c.eventTime ? m_c.allowedLateness : 0;
    if (m_c.eventTime && EventTimeTrigger::isWindowLate(w, lateness, m_time)) return false;
    auto it = m_windows.find(w.end);
    if (it == m_windows.end()) {
        // A window created behind the watermark (late but allowed) fires on this element alone
        // and must not fire again on the next watermark.
        bool fired = m_c.eventTime && w.maxTimestamp() <= m_time;
        it = m_windows.emplace(w.end, Window{w.start, fired, {}}).first;
        if (!m_c.eventTime) m_ctx->registerProcessingTimer(w.maxTimestamp());
    }
    Window& win = it->second;
    auto git = win.groups.find(key);
    if (git == win.groups.end()) {
        git = win.groups.emplace(toGroupKey(key), Group{}).first;
        m_c.aggregates.init(git->second.accs);
    }
    m_c.aggregates.add(git->second.accs, r.row, m_seq);
    // Late but within the allowed lateness: the window already fired; fire it again (Flink's
    // EventTimeTrigger.onElement returns FIRE when the watermark is past the window).
    if (m_c.eventTime && EventTimeTrigger::onElement(w, m_time) == TriggerResult::Fire)
        emitResult(&w, git->first, git->second.accs, w.maxTimestamp(), out);
    return true;
}

void TimeWindowOperator::processBatch(int, RecordBatch& batch, Collector& out)
{
    for (Record& r : batch) {
        ++m_seq;
        EventTime ts = timeOf(r);
        if (ts == kNoTimestamp) [[unlikely]] {
            out.emitError(ErrorClass::Type, "record has no event time", r, m_c.input);
            continue;
        }
        KeyView key = keyViewOf(r.row, m_c.keyColumns);
        bool accepted = false;
        if (m_c.kind == WindowConfig::Kind::Tumbling) {
            accepted = addTo(TumblingAssigner{m_c.size, m_c.offset}.assign(ts), key, r, out);
        } else {
            HopAssigner{m_c.size, m_c.slide, 0}.forEach(ts, [&](const TimeWindow& w) {
                accepted = addTo(w, key, r, out) || accepted;
            });
        }
        if (!accepted) emitLate(r, out);
    }
}

void TimeWindowOperator::advance(EventTime time, Collector& out)
{
    m_time = time;
    const std::int64_t lateness = m_c.eventTime ? m_c.allowedLateness : 0;
    for (auto it = m_windows.begin(); it != m_windows.end();) {
        TimeWindow w{it->second.start, it->first};
        if (w.maxTimestamp() > time) break;
        if (!it->second.fired) {
            for (const auto& [key, g] : it->second.groups) emitResult(&w, key, g.accs, w.maxTimestamp(), out);
            it->second.fired = true;
        }
        if (EventTimeTrigger::isCleanupTime(w, lateness, time)) it = m_windows.erase(it);
        else ++it;
    }
}

void TimeWindowOperator::processWatermark(EventTime watermark, Collector& out)
{
    if (m_c.eventTime) advance(watermark, out);
    out.emitWatermark(watermark);
}

void TimeWindowOperator::onProcessingTime(std::int64_t nowMs, Collector& out)
{
    if (!m_c.eventTime) advance(nowMs, out);
}

void TimeWindowOperator::endOfInput(Collector& out)
{
    // Event time: the final MAX watermark already fired everything. Processing time: flush the
    // open windows so a bounded run reports all its data.
    advance(kMaxWatermark, out);
}

} // namespace sw::runtime
