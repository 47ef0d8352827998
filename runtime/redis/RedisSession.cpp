#include "redis/RedisSession.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace sw::runtime::redis {

namespace {

constexpr std::int64_t kFirstBackoffMs = 50;
constexpr std::int64_t kMaxBackoffMs = 2000;

/// Sleeps `ms` unless `stop` is requested first; false when it was.
bool sleepFor(std::int64_t ms, std::stop_token stop)
{
    std::mutex m;
    std::condition_variable_any cv;
    std::unique_lock lock(m);
    return !cv.wait_for(lock, stop, std::chrono::milliseconds(ms), [] { return false; }) &&
           !stop.stop_requested();
}

} // namespace

RedisSession::RedisSession(RedisUrl url, std::string subject, Warn warn, int timeoutMs)
    : m_conn(std::move(url), timeoutMs), m_subject(std::move(subject)), m_warn(std::move(warn))
{
}

void RedisSession::noteFailure(const Status& s)
{
    const std::int64_t now = OutageWarnings::steadyNowMs();
    m_outage.failed(now, s.message());
    if (auto w = m_outage.due(now, prefix() + "cannot reach Redis at " + url().redacted()))
        if (m_warn) m_warn(*w);
}

void RedisSession::noteSuccess()
{
    m_backoffMs = 0;
    if (!m_outage.inOutage()) return;
    if (auto w =
            m_outage.recovered(OutageWarnings::steadyNowMs(), prefix() + "connection to Redis at " +
                                                                  url().redacted() + " restored"))
        if (m_warn) m_warn(*w);
}

Status RedisSession::tryConnect()
{
    if (m_conn.isConnected()) return Status::ok();
    Status s = m_conn.connect();
    if (s) return s;
    if (m_conn.refused())
        return Status(makeError(prefix() + url().redacted() + ": " + s.message()));
    noteFailure(s);
    return Status::ok();
}

bool RedisSession::ensureConnected(std::stop_token stop, Status& refused)
{
    while (!m_conn.isConnected()) {
        if (stop.stop_requested()) return false;
        Status s = m_conn.connect();
        if (s) return true;
        if (m_conn.refused()) {
            refused = Status(makeError(prefix() + url().redacted() + ": " + s.message()));
            return false;
        }
        noteFailure(s);
        m_backoffMs = m_backoffMs ? std::min(m_backoffMs * 2, kMaxBackoffMs) : kFirstBackoffMs;
        if (!sleepFor(m_backoffMs, stop)) return false;
    }
    return true;
}

Result<bool> RedisSession::execute(const std::vector<RedisCommand>& cmds,
                                   std::vector<RedisReply>& replies, std::size_t depth,
                                   std::stop_token stop)
{
    const std::size_t base = replies.size();
    depth = std::max<std::size_t>(depth, 1);
    while (replies.size() - base < cmds.size()) {
        Status refused;
        if (!ensureConnected(stop, refused)) {
            if (!refused) return refused.error();
            return false;
        }
        const std::size_t from = replies.size() - base;
        const std::size_t to = std::min(cmds.size(), from + depth);
        Status s = m_conn.execute(cmds, from, to, replies);
        if (s) {
            noteSuccess();
            continue;
        }
        // The server went away: what was acknowledged stays done, the rest is sent again.
        noteFailure(s);
    }
    return true;
}

} // namespace sw::runtime::redis
