#pragma once
// Ports on 127.0.0.1 for tests: one held busy (BoundPort), or one that was free a moment ago
// (freePort: bound, then closed - nothing listens there until someone binds it; a small race
// with other processes that tests accept).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sw::test {

/// A socket bound to 127.0.0.1 on a free port and listening (kept while the object lives).
struct BoundPort {
    int fd = -1;
    int port = 0;
    BoundPort()
    {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        socklen_t len = sizeof a;
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
            ::listen(fd, 1) != 0 || ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0)
            return;
        port = ntohs(a.sin_port);
    }
    ~BoundPort()
    {
        if (fd >= 0) ::close(fd);
    }
    BoundPort(const BoundPort&) = delete;
    BoundPort& operator=(const BoundPort&) = delete;
};

/// A port that was free a moment ago and that nothing listens on now (0 when none was found).
inline int freePort()
{
    BoundPort p;
    return p.port;
}

} // namespace sw::test
