#include "connectors/file/FileIo.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace sw::runtime {

namespace {
[[noreturn]] void fail(const std::string& what, const std::string& path)
{
    throw std::runtime_error(what + " '" + path + "' failed: " + std::strerror(errno));
}
} // namespace

int createFile(const std::string& path, bool exclusive)
{
    const int fd =
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC), 0644);
    if (fd < 0) fail("creating", path);
    return fd;
}

void writeAll(int fd, std::string_view data, const std::string& path)
{
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("writing", path);
        done += static_cast<std::size_t>(n);
    }
}

void syncAndClose(int fd, const std::string& path)
{
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        errno = err;
        fail("syncing", path);
    }
    if (::close(fd) != 0) fail("closing", path);
}

void syncPath(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail("opening", path);
    syncAndClose(fd, path);
}

} // namespace sw::runtime
