// Loading pipeline files: all-or-nothing, one precise error. Order of checks: size -> empty ->
// JsonScanner (syntax, UTF-8, depth, duplicate members) -> nlohmann builds the document ->
// PipelineReader (format, members, catalog types, properties, ids, edges). Errors found on the
// document get their line/column from JsonScanner::locate.
#include "catalog/PipelineLoader.h"

#include <cerrno>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog/PipelineReader.h"
#include "model/JsonScanner.h"

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

} // namespace sw::runtime
