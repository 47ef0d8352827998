#pragma once
// An ordered set of timer times (ms), duplicates coalesced; used for processing-time timers
// and by operators for event-time timers fired on watermark advance.
#include <cstdint>
#include <set>

namespace sw::runtime {

class TimerQueue {
public:
    /// Registers `time`; registering a time that is already queued has no effect.
    void add(std::int64_t time) { m_times.insert(time); }
    bool empty() const { return m_times.empty(); }
    /// The earliest time; only when !empty().
    std::int64_t next() const { return *m_times.begin(); }
    /// Removes and returns the earliest time if it is <= `upTo`; false when none is due.
    bool popDue(std::int64_t upTo, std::int64_t& time)
    {
        if (m_times.empty() || *m_times.begin() > upTo) return false;
        time = *m_times.begin();
        m_times.erase(m_times.begin());
        return true;
    }
    void remove(std::int64_t time) { m_times.erase(time); }
    std::size_t size() const { return m_times.size(); }
    void clear() { m_times.clear(); }

private:
    std::set<std::int64_t> m_times;
};

} // namespace sw::runtime
