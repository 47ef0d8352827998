#pragma once
// Waiting inside a source's poll() without ever sleeping past a stop request.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <stop_token>
#include <thread>

namespace sw::runtime {

/// Sleeps for `d` or until `stop` is requested, whichever comes first. Returns false when a
/// stop was requested.
inline bool sleepUnlessStopped(const std::stop_token& stop, std::chrono::nanoseconds d)
{
    if (d <= std::chrono::nanoseconds::zero()) return !stop.stop_requested();
    if (!stop.stop_possible()) {
        std::this_thread::sleep_for(d);
        return true;
    }
    std::mutex m;
    std::condition_variable_any cv;
    std::unique_lock lock(m);
    return !cv.wait_for(lock, stop, d, [] { return false; });
}

/// Token bucket on a source's own (steady) clock: `rate` tokens per second, at most `burst`
/// banked (so a source that was blocked by backpressure or paused does not burst unboundedly).
class TokenBucket {
public:
    TokenBucket() = default;
    TokenBucket(double ratePerSecond, double burst)
        : m_rate(ratePerSecond), m_burst(burst < 1 ? 1 : burst)
    {
    }

    bool unlimited() const { return m_rate <= 0; }
    /// Whole tokens available now (refills first).
    std::uint64_t available(std::chrono::steady_clock::time_point now)
    {
        refill(now);
        return static_cast<std::uint64_t>(m_tokens);
    }
    void take(std::uint64_t n) { m_tokens -= static_cast<double>(n); }
    /// Time until one token is available.
    std::chrono::nanoseconds untilNext() const
    {
        double missing = 1.0 - m_tokens;
        if (missing <= 0 || m_rate <= 0) return std::chrono::nanoseconds::zero();
        return std::chrono::nanoseconds(static_cast<std::int64_t>(missing / m_rate * 1e9) + 1);
    }

private:
    void refill(std::chrono::steady_clock::time_point now)
    {
        if (!m_started) {
            m_started = true;
            m_last = now;
            m_tokens = 1; // the first event goes out at once
            return;
        }
        double dt = std::chrono::duration<double>(now - m_last).count();
        m_last = now;
        m_tokens += dt * m_rate;
        if (m_tokens > m_burst) m_tokens = m_burst;
    }

    double m_rate = 0;
    double m_burst = 1;
    double m_tokens = 0;
    bool m_started = false;
    std::chrono::steady_clock::time_point m_last{};
};

} // namespace sw::runtime
