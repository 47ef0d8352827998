// Loading (all-or-nothing, one precise error) and atomic saving of pipeline files.
// Order of checks: size -> empty -> JsonScanner (syntax, UTF-8, depth, duplicate members) ->
// nlohmann builds the document -> PipelineReader (format, members, catalog types, properties,
// ids, edges). Errors found on the document get their line/column from JsonScanner::locate.
#include "model/PipelineIo.h"

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/JsonScanner.h"
#include "model/PipelineReader.h"

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

std::string tooLarge(const char* what, std::size_t size)
{
    return std::string(what) + " is " + std::to_string(size) +
           " bytes; the largest pipeline file accepted is " +
           std::to_string(kMaxPipelineFileBytes) + " bytes (" +
           std::to_string(kMaxPipelineFileBytes / (1024 * 1024)) + " MiB)";
}

bool isBlank(std::string_view t)
{
    if (t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
    return t.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

Result<PipelineSpec> parseChecked(std::string_view text)
{
    JsonScanner scanner(text, kMaxPipelineJsonDepth);
    if (Status s = scanner.validate(); !s) return s.error();
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        // The scanner accepts only what nlohmann accepts; this is a safety net.
        std::string what = e.what();
        if (auto p = what.find(": "); p != std::string::npos) what = what.substr(p + 2);
        TextPosition tp = textPosition(text, e.byte > 0 ? e.byte - 1 : 0);
        return makeError("not valid JSON: " + what, {}, tp.line, tp.column);
    }
    PipelineSpec spec;
    if (auto problem = readPipelineDocument(doc, spec)) {
        Error err = makeError(problem->message, problem->path);
        if (auto offset = scanner.locate(problem->path, problem->atName)) {
            TextPosition tp = textPosition(text, *offset);
            err.line = tp.line;
            err.column = tp.column;
        }
        return err;
    }
    return spec;
}

/// Reads at most kMaxPipelineFileBytes + 1 bytes (so a growing or endless file is bounded).
Status readAll(int fd, const std::string& path, std::string& out)
{
    char buf[65536];
    while (out.size() <= kMaxPipelineFileBytes) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return makeError("cannot read " + quotePath(path) + ": " + errnoText(errno));
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    return {};
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

Result<PipelineSpec> parsePipeline(std::string_view text)
{
    if (text.size() > kMaxPipelineFileBytes)
        return makeError(tooLarge("the pipeline text", text.size()));
    if (isBlank(text))
        return makeError("the file is empty; expected a JSON object with \"format\": \"" +
                         std::string(kPipelineFormat) + "\"");
    try {
        return parseChecked(text);
    } catch (const std::exception& e) { // e.g. std::bad_alloc: report, never crash
        return makeError(std::string("cannot load the pipeline: ") + e.what());
    }
}

Result<PipelineSpec> loadPipelineFile(const std::string& path, LoadFailure* failure)
{
    auto result = [&](Result<PipelineSpec> r, LoadFailure f) {
        if (failure) *failure = r ? LoadFailure::None : f;
        return r;
    };
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return result(makeError("cannot open " + quotePath(path) + ": " + errnoText(errno)),
                      LoadFailure::CannotRead);
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ::close(fd);
        return result(makeError("cannot open " + quotePath(path) + ": it is a directory"),
                      LoadFailure::CannotRead);
    }
    if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > kMaxPipelineFileBytes) {
        ::close(fd);
        return result(makeError(tooLarge("the file", static_cast<std::size_t>(st.st_size))),
                      LoadFailure::BadContent);
    }
    std::string text;
    Status read = readAll(fd, path, text);
    ::close(fd);
    if (!read) return result(read.error(), LoadFailure::CannotRead);
    if (text.size() > kMaxPipelineFileBytes)
        return result(makeError("the file has more than " + std::to_string(kMaxPipelineFileBytes) +
                                " bytes; the largest pipeline file accepted is " +
                                std::to_string(kMaxPipelineFileBytes) + " bytes"),
                      LoadFailure::BadContent);
    return result(parsePipeline(text), LoadFailure::BadContent);
}

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
