#pragma once
// When to warn about a server that cannot be reached, and when to say it is back: the schedule
// of kafka::ClientHealth's transient problems (connectors/kafka/ClientHealth.h), for clients
// that see their outages directly (Redis): a warning once the problem persisted warnAfterMs,
// repeated after repeatEveryMs, then at doubling intervals (at most 10 min), and a notice when
// the server answers again after a warning. Single-threaded (the owner's thread).
#include <cstdint>
#include <optional>
#include <string>

namespace sw::runtime {

class OutageWarnings {
public:
    struct Policy {
        std::int64_t warnAfterMs = 5000;
        std::int64_t repeatEveryMs = 30000;
        std::int64_t maxRepeatMs = 600000;
    };
    /// Process-wide default of new trackers (tests shorten it).
    static void setPolicy(const Policy& p);
    static Policy policy();

    OutageWarnings() : m_policy(policy()) {}
    explicit OutageWarnings(Policy p) : m_policy(p) {}

    /// A failed attempt at `nowMs` (steady clock); `error` is the last error (free of secrets).
    void failed(std::int64_t nowMs, std::string error);
    /// "<what> for N s; retrying (last error: ...)" when a warning is due now.
    std::optional<std::string> due(std::int64_t nowMs, const std::string& what);
    /// A successful attempt: "<what> after N s" when a warning was given for this outage.
    std::optional<std::string> recovered(std::int64_t nowMs, const std::string& what);

    bool inOutage() const { return m_since >= 0; }
    std::uint64_t warnings() const { return m_warnings; }

    /// Steady-clock milliseconds (the clock the owners pass in).
    static std::int64_t steadyNowMs();

private:
    Policy m_policy;
    std::int64_t m_since = -1;
    std::int64_t m_lastWarnAt = 0;
    std::int64_t m_repeatMs = 0;
    bool m_warned = false;
    std::string m_error;
    std::uint64_t m_warnings = 0;
};

} // namespace sw::runtime
