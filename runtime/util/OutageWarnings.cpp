#include "util/OutageWarnings.h"

#include <algorithm>
#include <chrono>
#include <mutex>

namespace sw::runtime {

namespace {
std::mutex g_mutex;
OutageWarnings::Policy g_policy;

std::string seconds(std::int64_t ms)
{
    return std::to_string((ms + 500) / 1000) + " s";
}
} // namespace

void OutageWarnings::setPolicy(const Policy& p)
{
    std::lock_guard lock(g_mutex);
    g_policy = p;
}

OutageWarnings::Policy OutageWarnings::policy()
{
    std::lock_guard lock(g_mutex);
    return g_policy;
}

std::int64_t OutageWarnings::steadyNowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

void OutageWarnings::failed(std::int64_t nowMs, std::string error)
{
    if (m_since < 0) m_since = nowMs;
    m_error = std::move(error);
}

std::optional<std::string> OutageWarnings::due(std::int64_t nowMs, const std::string& what)
{
    if (m_since < 0 || nowMs - m_since < m_policy.warnAfterMs) return std::nullopt;
    if (m_warned && nowMs - m_lastWarnAt < m_repeatMs) return std::nullopt;
    m_repeatMs = m_warned ? std::min(m_repeatMs * 2, m_policy.maxRepeatMs) : m_policy.repeatEveryMs;
    m_warned = true;
    m_lastWarnAt = nowMs;
    ++m_warnings;
    return what + " for " + seconds(nowMs - m_since) + "; retrying (last error: " + m_error + ")";
}

std::optional<std::string> OutageWarnings::recovered(std::int64_t nowMs, const std::string& what)
{
    if (m_since < 0) return std::nullopt;
    const std::int64_t lasted = nowMs - m_since;
    const bool warned = m_warned;
    m_since = -1;
    m_warned = false;
    m_repeatMs = 0;
    m_error.clear();
    if (!warned) return std::nullopt;
    ++m_warnings;
    return what + " after " + seconds(lasted);
}

} // namespace sw::runtime
