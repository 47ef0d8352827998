#pragma once
// A Redis server address in the URL form Redis clients use:
//   redis://[[user]:password@]host[:port][/db]
// (defaults: port 6379, db 0; user and password percent-decoded; `redis://:pw@host` is a
// password without a user, i.e. AUTH pw; `[::1]` for IPv6). TLS (`rediss://`) and Unix sockets
// are not supported. The password is a secret: redacted() and address() never contain it.
#include <string>
#include <string_view>

#include "util/Result.h"

namespace sw::runtime::redis {

struct RedisUrl {
    std::string host = "127.0.0.1";
    int port = 6379;
    int db = 0;
    std::string user;     ///< "" = none (AUTH <password> when a password is set)
    std::string password; ///< secret

    /// Errors name what is wrong and never echo the password.
    static Result<RedisUrl> parse(std::string_view url);
    /// The URL with the password as "******" (for messages, reports and logs).
    std::string redacted() const;
    /// "host:port/db" (messages).
    std::string address() const;
};

} // namespace sw::runtime::redis
