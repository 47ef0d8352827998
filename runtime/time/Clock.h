#pragma once
// Processing time: the one clock every operator, timer, processing-time trigger, idle
// detection, source pacing and state TTL reads (OperatorContext::processingTimeMs). A run owns
// it (EngineOptions::clock): the system clock by default, or a VirtualClock that moves only when
// told, so a replayed run sees exactly the processing times of the run it recorded
// (docs/recording.md). Wall-clock uses that are not processing-time semantics (metrics
// timestamps, checkpoint durations, network deadlines) read std::chrono directly.
#include <atomic>
#include <chrono>
#include <cstdint>

namespace sw::runtime {

class Clock {
public:
    virtual ~Clock() = default;
    /// Processing time in ms since the epoch. Thread-safe.
    virtual std::int64_t nowMs() const = 0;
    /// Monotonic time for pacing intervals (token buckets, replay speed): only differences
    /// mean anything. The system clock answers with std::chrono::steady_clock.
    virtual std::chrono::steady_clock::time_point pacingNow() const
    {
        return std::chrono::steady_clock::time_point(std::chrono::milliseconds(nowMs()));
    }
    /// True when time moves only when told (VirtualClock): nothing may wait for it to pass.
    virtual bool isVirtual() const { return false; }
};

/// The wall clock (std::chrono::system_clock): processing time of a live run.
class SystemClock final : public Clock {
public:
    std::int64_t nowMs() const override
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
    std::chrono::steady_clock::time_point pacingNow() const override
    {
        return std::chrono::steady_clock::now();
    }
    /// The shared instance (stateless).
    static const SystemClock& instance()
    {
        static const SystemClock c;
        return c;
    }
};

/// Time that advances only through advanceTo/advanceBy, never backwards. Readers on any
/// thread see a value the owner set (relaxed atomics suffice: processing time orders nothing
/// else).
class VirtualClock final : public Clock {
public:
    explicit VirtualClock(std::int64_t startMs = 0) : m_now(startMs) {}
    std::int64_t nowMs() const override { return m_now.load(std::memory_order_acquire); }
    bool isVirtual() const override { return true; }
    /// Moves time to `t` when later than now; returns true when it moved.
    bool advanceTo(std::int64_t t)
    {
        std::int64_t cur = m_now.load(std::memory_order_relaxed);
        while (t > cur)
            if (m_now.compare_exchange_weak(cur, t, std::memory_order_acq_rel)) return true;
        return false;
    }
    bool advanceBy(std::int64_t deltaMs) { return advanceTo(nowMs() + deltaMs); }

private:
    std::atomic<std::int64_t> m_now;
};

} // namespace sw::runtime
