// The source side of Subtask: poll loop with batching, watermarks, idleness, pause and stop.
#include <thread>

#include "exec/Subtask.h"

namespace sw::runtime {

void Subtask::sourceWatermarks(std::int64_t nowMs, bool force)
{
    if (!m_wm) return;
    if (m_maxTs != kMinWatermark) m_wm->onEvent(m_maxTs);
    // An idle source emits no watermarks (as Flink's WatermarksWithIdleness): downstream a
    // watermark marks its channel active again, so one sent after Idle would hold the other
    // inputs back until this source produces again. Activity sends Active, then watermarks.
    if (m_idleness.idle()) return;
    if (!force && m_env.options.watermarkIntervalMs > 0 &&
        nowMs - m_lastWatermarkAt < m_env.options.watermarkIntervalMs)
        return;
    m_lastWatermarkAt = nowMs;
    EventTime w = m_wm->currentWatermark();
    if (auto split = m_source->splitWatermark()) w = *split; // per-split (Kafka partitions)
    if (w > m_lastWatermark) {
        m_lastWatermark = w;
        m_counters.watermark.set(w);
        m_out.emitWatermark(w);
    }
}

void Subtask::sourceIdleness(std::int64_t nowMs, bool produced)
{
    if (produced) {
        if (m_idleness.onActivity(nowMs)) m_out.emitControl(StreamElement::active());
    } else if (m_idleness.checkIdle(nowMs)) {
        m_out.emitControl(StreamElement::idle());
    }
}

void Subtask::sourceEnd()
{
    // Like Flink at the end of a bounded input (or a draining stop): a final MAX watermark
    // fires all event-time windows, then end-of-input.
    if (m_wm) {
        m_counters.watermark.set(kMaxWatermark);
        m_out.emitWatermark(kMaxWatermark);
    }
    m_out.emitControl(StreamElement::endOfInput());
    m_out.updateCounters();
}

void Subtask::runSource(const std::stop_token& st)
{
    using namespace std::chrono;
    const auto maxAge = milliseconds(m_env.options.flushIntervalMs);
    const std::size_t maxRecords = m_env.options.sourcePollRecords;
    m_lastWatermarkAt = OperatorContext::processingTimeMs();
    while (!st.stop_requested()) {
        if (m_env.draining.load(std::memory_order_acquire)) {
            m_source->stopReading();
            break;
        }
        if (m_env.paused.load(std::memory_order_acquire)) {
            flushChain();
            std::this_thread::sleep_for(milliseconds(5));
            continue;
        }
        auto t0 = steady_clock::now();
        std::uint64_t before = m_counters.recordsOut.get();
        SourceStatus s = m_source->poll(m_out, maxRecords);
        m_out.updateCounters();
        std::uint64_t produced = m_counters.recordsOut.get() - before;
        m_counters.recordsIn.add(produced);
        if (m_maxTs != kMinWatermark) m_counters.maxEventTime.set(m_maxTs);
        std::int64_t now = OperatorContext::processingTimeMs();
        sourceIdleness(now, produced > 0);
        sourceWatermarks(now, false);
        fireChainTimers(now);
        auto t1 = steady_clock::now();
        m_counters.busyNs.add(static_cast<std::uint64_t>((t1 - t0).count()));
        if (s == SourceStatus::End) break;
        if (s == SourceStatus::Idle) {
            flushChain();
            std::this_thread::sleep_for(milliseconds(1));
        } else if (chainHasStale(t1, maxAge)) {
            flushChain();
        }
        for (const OutputPort& p : m_out.ports())
            if (!p.live()) return; // a push was abandoned: we are being cancelled
    }
    if (st.stop_requested()) return;
    sourceWatermarks(OperatorContext::processingTimeMs(), true);
    sourceEnd();
}

} // namespace sw::runtime
