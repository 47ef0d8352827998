#pragma once
// Window assigners (Flink semantics): stateless, unit-tested alone. Windows are [start, end).
#include <cstdint>
#include <vector>

#include "time/EventTime.h"

namespace sw::runtime {

struct TimeWindow {
    EventTime start = 0;
    EventTime end = 0;
    /// The last timestamp inside the window (Flink's maxTimestamp()).
    EventTime maxTimestamp() const { return end - 1; }
    /// Flink's TimeWindow.intersects: windows that touch (end == start) intersect too.
    bool intersects(const TimeWindow& o) const { return start <= o.end && end >= o.start; }
    friend bool operator==(const TimeWindow&, const TimeWindow&) = default;
};

/// Flink's TimeWindow.getWindowStartWithOffset: ts - mod(ts - offset, size), mod non-negative.
inline EventTime windowStart(EventTime ts, std::int64_t offset, std::int64_t size)
{
    std::int64_t rem = (ts - offset) % size;
    return rem < 0 ? ts - (rem + size) : ts - rem;
}

/// Tumbling windows of `size` shifted by `offset`.
struct TumblingAssigner {
    std::int64_t size;
    std::int64_t offset = 0;
    TimeWindow assign(EventTime ts) const
    {
        EventTime s = windowStart(ts, offset, size);
        return {s, s + size};
    }
};

/// Hop (sliding) windows of `size` every `slide`: size / slide windows per element, latest first
/// (SlidingEventTimeWindows.assignWindows).
struct HopAssigner {
    std::int64_t size;
    std::int64_t slide;
    std::int64_t offset = 0;
    template <typename F> void forEach(EventTime ts, F&& f) const
    {
        for (EventTime s = windowStart(ts, offset, slide); s > ts - size; s -= slide) f(TimeWindow{s, s + size});
    }
    std::vector<TimeWindow> assign(EventTime ts) const
    {
        std::vector<TimeWindow> w;
        forEach(ts, [&](const TimeWindow& x) { w.push_back(x); });
        return w;
    }
};

/// Session windows: each element starts [ts, ts + gap); intersecting windows merge.
struct SessionAssigner {
    std::int64_t gap;
    TimeWindow assign(EventTime ts) const { return {ts, ts + gap}; }
};

/// Flink's TriggerResult.
enum class TriggerResult : std::uint8_t { Continue, Fire, Purge, FireAndPurge };

/// EventTimeTrigger: fires when the watermark passes the window's max timestamp; an element that
/// arrives for a window the watermark already passed (allowed lateness) fires it again at once.
struct EventTimeTrigger {
    static TriggerResult onElement(const TimeWindow& w, EventTime watermark)
    {
        return w.maxTimestamp() <= watermark ? TriggerResult::Fire : TriggerResult::Continue;
    }
    static TriggerResult onEventTime(const TimeWindow& w, EventTime time)
    {
        return time == w.maxTimestamp() ? TriggerResult::Fire : TriggerResult::Continue;
    }
    /// Window state lives until the watermark reaches maxTimestamp + allowedLateness.
    static bool isCleanupTime(const TimeWindow& w, std::int64_t allowedLateness, EventTime watermark)
    {
        return w.maxTimestamp() + allowedLateness <= watermark;
    }
    /// WindowOperator.isWindowLate: an element for this window is dropped.
    static bool isWindowLate(const TimeWindow& w, std::int64_t allowedLateness, EventTime watermark)
    {
        return isCleanupTime(w, allowedLateness, watermark);
    }
};

/// CountTrigger for global windows: fires (without purging) every `count` elements per key.
struct CountTrigger {
    std::int64_t count;
    /// `seen` is the element count since the last firing, including this one.
    TriggerResult onElement(std::int64_t& seen) const
    {
        if (++seen >= count) {
            seen = 0;
            return TriggerResult::Fire;
        }
        return TriggerResult::Continue;
    }
};

/// ContinuousProcessingTimeTrigger's schedule: the next firing time after `now`, aligned to
/// multiples of `interval`.
inline std::int64_t nextProcessingFire(std::int64_t now, std::int64_t interval)
{
    return windowStart(now, 0, interval) + interval;
}

} // namespace sw::runtime
