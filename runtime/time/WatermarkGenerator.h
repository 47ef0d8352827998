#pragma once
// Watermark generation at sources (Flink's WatermarkGenerator: onEvent / onPeriodicEmit).
#include <cstdint>
#include <vector>

#include "time/EventTime.h"

namespace sw::runtime {

/// Bounded out-of-orderness: W = maxTs - bound - 1 (kMinWatermark before the first event).
/// Emitted periodically (not per event) by the source task.
class BoundedOutOfOrdernessWatermarks {
public:
    explicit BoundedOutOfOrdernessWatermarks(std::int64_t boundMs) : m_bound(boundMs) {}
    void onEvent(EventTime ts)
    {
        if (ts > m_maxTs) m_maxTs = ts;
    }
    /// The current watermark (never decreases).
    EventTime currentWatermark() const
    {
        return m_maxTs == kMinWatermark ? kMinWatermark : m_maxTs - m_bound - 1;
    }
    EventTime maxTimestamp() const { return m_maxTs; }
    std::int64_t bound() const { return m_bound; }

private:
    std::int64_t m_bound;
    EventTime m_maxTs = kMinWatermark;
};

/// Idleness detection: a source that produced no record for `timeoutMs` of processing time is
/// idle (excluded from downstream watermark alignment) until its next record. 0 = never idle.
class IdlenessTimer {
public:
    explicit IdlenessTimer(std::int64_t timeoutMs) : m_timeout(timeoutMs) {}
    /// A record was produced at processing time `nowMs`; returns true when this ends idleness.
    bool onActivity(std::int64_t nowMs)
    {
        m_last = nowMs;
        bool was = m_idle;
        m_idle = false;
        return was;
    }
    /// Checks at processing time `nowMs`; returns true exactly when the source becomes idle.
    bool checkIdle(std::int64_t nowMs)
    {
        if (m_timeout <= 0 || m_idle) return false;
        if (m_last < 0) m_last = nowMs;
        if (nowMs - m_last >= m_timeout) {
            m_idle = true;
            return true;
        }
        return false;
    }
    bool idle() const { return m_idle; }

private:
    std::int64_t m_timeout;
    std::int64_t m_last = -1;
    bool m_idle = false;
};

/// Combines per-channel watermarks of a multi-input operator: the minimum over non-idle,
/// non-ended channels; never decreases. All channels idle -> the combined input is idle.
class WatermarkAligner {
public:
    void reset(std::size_t channels);
    /// Returns true when the combined watermark advanced (read it with current()).
    bool onWatermark(std::size_t channel, EventTime w);
    bool onIdle(std::size_t channel);   ///< may advance the combined watermark
    bool onActive(std::size_t channel); ///< never advances it
    bool onEnd(std::size_t channel);    ///< an ended channel no longer holds the watermark back
    EventTime current() const { return m_current; }
    /// True when every channel that has not ended is idle (and at least one is idle).
    bool allIdle() const;
    /// Per-channel watermarks, for a checkpoint (state/ restores them with restore()).
    std::vector<EventTime> channelWatermarks() const;
    /// Restores per-channel watermarks and the combined one from a checkpoint (after reset();
    /// a different channel count restores only the combined watermark).
    void restore(const std::vector<EventTime>& channels, EventTime current);

private:
    bool recompute();
    struct Ch {
        EventTime w = kMinWatermark;
        bool idle = false;
        bool ended = false;
    };
    std::vector<Ch> m_ch;
    EventTime m_current = kMinWatermark;
};

} // namespace sw::runtime
