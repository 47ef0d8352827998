// Atomic saving of pipeline files (temp file + fsync + rename). Loading, which checks every node
// against the catalog, is catalog/PipelineLoader.cpp.
#include "model/PipelineIo.h"

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sw::runtime {
namespace {

std::string errnoText(int err)
{
    return std::generic_category().message(err);
}

std::string quotePath(const std::string& s)
{
    return "'" + s + "'";
}

Status writeAll(int fd, std::string_view data)
{
    while (!data.empty()) {
        ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return makeError(errnoText(errno));
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return {};
}

/// Creates a fresh temporary file next to `target` (same directory, so rename is atomic).
int createTemp(const std::filesystem::path& target, std::string& tempPath)
{
    static std::atomic<unsigned> counter{0};
    std::filesystem::path dir = target.parent_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string name = "." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                           "-" + std::to_string(counter.fetch_add(1));
        tempPath = (dir.empty() ? std::filesystem::path(name) : dir / name).string();
        int fd = ::open(tempPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    errno = EEXIST;
    return -1;
}

void syncDirectory(const std::filesystem::path& target)
{
    std::string dir = target.parent_path().empty() ? "." : target.parent_path().string();
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return; // best effort: the rename itself already happened
    ::fsync(fd);
    ::close(fd);
}

} // namespace

Status savePipelineFile(const PipelineSpec& pipeline, const std::string& path)
{
    namespace fs = std::filesystem;
    auto fail = [&](const std::string& why) {
        return Status(makeError("cannot save " + quotePath(path) + ": " + why));
    };
    if (path.empty()) return Status(makeError("cannot save: no file name given"));
    std::error_code ec;
    fs::path target(path);
    if (fs::is_symlink(target, ec)) { // write through the link, keep the link
        fs::path resolved = fs::canonical(target, ec);
        if (!ec) target = resolved;
    }
    if (fs::is_directory(target, ec)) return fail("it is a directory");
    std::string text;
    try {
        text = serializePipeline(pipeline);
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    std::string temp;
    int fd = createTemp(target, temp);
    if (fd < 0) {
        std::string dir = target.parent_path().empty() ? "." : target.parent_path().string();
        return fail("cannot create a temporary file in " + quotePath(dir) + ": " +
                    errnoText(errno));
    }
    struct stat old {};
    if (::stat(target.c_str(), &old) == 0) ::fchmod(fd, old.st_mode & 07777); // keep permissions
    Status written = writeAll(fd, text);
    if (written && ::fsync(fd) != 0) written = makeError(errnoText(errno));
    if (::close(fd) != 0 && written) written = makeError(errnoText(errno));
    if (!written) {
        ::unlink(temp.c_str());
        return fail("writing failed: " + written.error().message);
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        int err = errno;
        ::unlink(temp.c_str());
        return fail("cannot replace the file: " + errnoText(err));
    }
    syncDirectory(target);
    return {};
}

} // namespace sw::runtime
