// Stream time (EngineOptions::streamTime, a replay): a subtask's processing time follows the
// elements it takes (exec/InputGate.h: the ordered merge) or, for a source, the time of the
// recorded input it polls next. Recording (--record): what a source's poll produced.
#include <climits>

#include "exec/Subtask.h"

namespace sw::runtime {

void Subtask::useClock(const Clock* clock)
{
    m_ctx.setClock(clock);
    m_out.setClock(&m_ctx.clock());
    if (!m_env.options.streamTime) return;
    for (OutputPort& p : m_out.ports())
        p.setTimeTag(&m_ctx.clock());
}

void Subtask::advanceStreamTime(std::int64_t t)
{
    // Timers before t fire in time order, each at its own time, with what the chain produced
    // before sent first (so everything downstream sees the same order). A timer at T fires
    // once time passes T: every element of instant T is processed first, whichever channel
    // brings it, so the result does not depend on how many channels there are (parallelism).
    while (true) {
        std::int64_t next = INT64_MAX;
        forChain([&](Subtask& m) {
            if (!m.m_ctx.processingTimers().empty())
                next = std::min(next, m.m_ctx.processingTimers().next());
        });
        if (next >= t) break;
        if (next > m_streamClock->nowMs()) {
            flushChain();
            m_streamClock->advanceTo(next);
        }
        fireChainTimers(next);
        m_out.updateCounters();
    }
    if (t <= m_streamClock->nowMs()) return;
    flushChain();
    m_streamClock->advanceTo(t);
    m_out.emitControl(StreamElement::time(t)); // chained members forward it (handle)
}

void Subtask::recordPoll(bool produced, EventTime watermarkBefore, bool idleBefore)
{
    const std::int64_t now = m_ctx.processingTimeMs();
    if (produced) m_recorder->onBatch(now);
    if (m_idleness.idle() != idleBefore) m_recorder->onIdle(now, m_idleness.idle());
    if (m_lastWatermark != watermarkBefore) m_recorder->onWatermark(now, m_lastWatermark);
}

} // namespace sw::runtime
