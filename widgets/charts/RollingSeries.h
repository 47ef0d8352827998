#pragma once
// The data behind one chart line: (time, value) points of the last `window` milliseconds.
// Plain value type (no Qt Charts), so the chart classes stay thin and the trimming rule is
// unit-tested alone.
#include <cstdint>
#include <deque>

namespace sw::widgets {

struct ChartPoint {
    std::int64_t timeMs = 0; ///< wall clock, ms since the epoch
    double value = 0;
};

class RollingSeries {
public:
    explicit RollingSeries(std::int64_t windowMs = 5 * 60 * 1000) : m_windowMs(windowMs) {}

    std::int64_t windowMs() const { return m_windowMs; }
    void setWindowMs(std::int64_t ms)
    {
        m_windowMs = ms;
        trim();
    }

    /// Appends a point; points older than the newest minus the window are dropped. A point older
    /// than the newest one replaces nothing and is ignored (time never runs backwards).
    void append(std::int64_t timeMs, double value)
    {
        if (!m_points.empty() && timeMs < m_points.back().timeMs) return;
        m_points.push_back({timeMs, value});
        trim();
    }
    void clear() { m_points.clear(); }

    const std::deque<ChartPoint>& points() const { return m_points; }
    std::size_t size() const { return m_points.size(); }
    bool empty() const { return m_points.empty(); }
    /// Largest value in the window (0 when empty).
    double maxValue() const
    {
        double m = 0;
        for (const ChartPoint& p : m_points)
            if (p.value > m) m = p.value;
        return m;
    }

private:
    void trim()
    {
        if (m_points.empty()) return;
        const std::int64_t oldest = m_points.back().timeMs - m_windowMs;
        while (!m_points.empty() && m_points.front().timeMs < oldest)
            m_points.pop_front();
    }

    std::int64_t m_windowMs;
    std::deque<ChartPoint> m_points;
};

} // namespace sw::widgets
