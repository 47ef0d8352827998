#pragma once
// One synchronous hiredis connection with pipelining: a batch of commands is written in one go,
// then the replies are read in order (one round trip per batch instead of per command).
// Connects with a timeout, authenticates (AUTH [user] password) and selects the database of the
// URL. Reads and writes time out (timeoutMs), so a server that hangs looks like one that went
// away. No message of this class contains the password.
#include <cstdint>
#include <string>
#include <vector>

#include "redis/RedisUrl.h"
#include "util/Result.h"

struct redisContext;

namespace sw::runtime::redis {

/// One command as its arguments ("SET", key, value, ...), binary safe.
using RedisCommand = std::vector<std::string>;

struct RedisReply {
    enum class Type : std::uint8_t { Status, Error, Integer, String, Nil, Array };
    Type type = Type::Nil;
    std::string text;         ///< Status/Error/String text
    std::int64_t integer = 0; ///< Integer value; Array: its element count
    bool isError() const { return type == Type::Error; }
};

class RedisConnection {
public:
    explicit RedisConnection(RedisUrl url, int timeoutMs = 2000);
    ~RedisConnection();
    RedisConnection(const RedisConnection&) = delete;
    RedisConnection& operator=(const RedisConnection&) = delete;

    /// Connects (closing any previous connection). On failure `refused()` tells a server that
    /// answered and refused us (authentication, database) from one that cannot be reached.
    Status connect();
    void close();
    bool isConnected() const { return m_ctx != nullptr; }
    bool refused() const { return m_refused; }

    /// Pipelines cmds[from, to) and appends their replies, in order, to `replies`. An I/O error
    /// (the server went away, a timeout) closes the connection and returns the error; `replies`
    /// then holds the replies read before it (those commands were executed, the others may or
    /// may not have been).
    Status execute(const std::vector<RedisCommand>& cmds, std::size_t from, std::size_t to,
                   std::vector<RedisReply>& replies);

    const RedisUrl& url() const { return m_url; }

private:
    Status fail(const std::string& what);
    Status command(const RedisCommand& cmd, RedisReply& reply);

    RedisUrl m_url;
    int m_timeoutMs;
    redisContext* m_ctx = nullptr;
    bool m_refused = false;
    std::vector<const char*> m_argv;
    std::vector<std::size_t> m_argvLen;
};

} // namespace sw::runtime::redis
