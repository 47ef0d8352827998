#pragma once
// Runs batches of commands against one Redis server until every command has its reply, through
// outages: while the server cannot be reached it reconnects with backoff (50 ms, doubling to
// 2 s) and warns on the OutageWarnings schedule (util/OutageWarnings.h: the schedule of the Kafka
// clients' health warnings), then says when the server answers again. Commands whose reply was
// not read are sent again after a reconnect, so they must be safe to repeat (a command executed
// before the connection dropped may run twice). The caller blocks meanwhile: that is the
// backpressure of a sink or dedup on a server that is down; the wait ends at once when the stop
// token is requested. A server that answers but refuses us (authentication, a wrong database)
// is an error, not an outage.
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

#include "redis/RedisConnection.h"
#include "util/OutageWarnings.h"

namespace sw::runtime::redis {

class RedisSession {
public:
    using Warn = std::function<void(const std::string&)>;
    /// `subject` names the user in messages ("redis-sink 'revenue'"); warnings go to `warn`.
    RedisSession(RedisUrl url, std::string subject, Warn warn, int timeoutMs = 2000);

    /// Executes `cmds` in order, `depth` commands per round trip, appending one reply per
    /// command to `replies`. Returns true when all are done, false when `stop` was requested
    /// first (replies then holds those read), an error when the server refuses us.
    Result<bool> execute(const std::vector<RedisCommand>& cmds, std::vector<RedisReply>& replies,
                         std::size_t depth, std::stop_token stop);

    /// Connects now if possible (open()); an unreachable server is no error here (execute
    /// retries), a refusal is.
    Status tryConnect();

    /// Warnings given so far (tests).
    std::uint64_t warnings() const { return m_outage.warnings(); }
    const RedisUrl& url() const { return m_conn.url(); }

private:
    bool ensureConnected(std::stop_token stop, Status& refused);
    void noteFailure(const Status& s);
    void noteSuccess();
    std::string prefix() const { return m_subject + ": "; }

    RedisConnection m_conn;
    std::string m_subject;
    Warn m_warn;
    OutageWarnings m_outage;
    std::int64_t m_backoffMs = 0;
};

} // namespace sw::runtime::redis
