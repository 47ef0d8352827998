#include "connectors/file/PartFileCommitter.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "state/StateCodec.h"

namespace sw::runtime {

namespace fs = std::filesystem;

namespace {
// Format 1: next index, then (checkpoint, index) per pending part (no buckets: the file sink).
// Format 2: the same with each part's bucket after its index (the lake sink).
constexpr std::uint64_t kFormatFlat = 1;
constexpr std::uint64_t kFormatBuckets = 2;

std::string base(int subtask, std::uint64_t index, const std::string& ext)
{
    char digits[32];
    std::snprintf(digits, sizeof digits, "%06llu", static_cast<unsigned long long>(index));
    return "part-" + std::to_string(subtask) + "-" + digits + "." + ext;
}

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() > suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// A part file name of `subtask`: its index and whether it is hidden; nullopt for other files.
struct ParsedName {
    std::uint64_t index = 0;
    bool hidden = false;
};
std::optional<ParsedName> parseName(std::string name, int subtask, const std::string& extension)
{
    ParsedName p;
    if (!name.empty() && name[0] == '.') {
        p.hidden = true;
        name.erase(0, 1);
        for (const char* suffix : {".inprogress", ".pending"})
            if (endsWith(name, suffix)) {
                name.resize(name.size() - std::strlen(suffix));
                break;
            }
    }
    const std::string prefix = "part-" + std::to_string(subtask) + "-";
    const std::string ext = "." + extension;
    if (name.size() <= prefix.size() + ext.size() || name.compare(0, prefix.size(), prefix) != 0 ||
        !endsWith(name, ext))
        return std::nullopt;
    const std::string digits = name.substr(prefix.size(), name.size() - prefix.size() - ext.size());
    if (digits.empty() || digits.size() > 19 ||
        !std::all_of(digits.begin(), digits.end(), ::isdigit))
        return std::nullopt;
    p.index = std::stoull(digits);
    return p;
}
} // namespace

std::string PartFileCommitter::finishedName(int subtask, std::uint64_t index,
                                            const std::string& ext)
{
    return base(subtask, index, ext);
}
std::string PartFileCommitter::inProgressName(int subtask, std::uint64_t index,
                                              const std::string& ext)
{
    return "." + base(subtask, index, ext) + ".inprogress";
}
std::string PartFileCommitter::pendingName(int subtask, std::uint64_t index, const std::string& ext)
{
    return "." + base(subtask, index, ext) + ".pending";
}

PartFileCommitter::PartFileCommitter(Options options) : m_opt(std::move(options)) {}

std::string PartFileCommitter::pathOf(const std::string& bucket, const std::string& name) const
{
    fs::path p(m_opt.directory);
    if (!bucket.empty()) p /= bucket;
    return (p / name).string();
}
std::string PartFileCommitter::inProgressPath(const Part& p) const
{
    return pathOf(p.bucket, inProgressName(m_subtask, p.index, m_opt.extension));
}
std::string PartFileCommitter::pendingPath(const Part& p) const
{
    return pathOf(p.bucket, pendingName(m_subtask, p.index, m_opt.extension));
}
std::string PartFileCommitter::finishedPath(const Part& p) const
{
    return pathOf(p.bucket, finishedName(m_subtask, p.index, m_opt.extension));
}

void PartFileCommitter::ioError(const std::string& what, const std::string& path) const
{
    throw std::runtime_error(what + " '" + path + "' failed: " + std::strerror(errno));
}

Status PartFileCommitter::open(OperatorContext& ctx, const std::string& what)
{
    m_ctx = &ctx;
    m_subtask = ctx.subtask();
    const std::string& dir = m_opt.directory;
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        return makeError("node '" + ctx.nodeId() + "': '" + dir + "' is a file; " + what +
                         " writes a directory of part files there (choose another path or "
                         "remove the file)");
    fs::create_directories(dir, ec);
    if (ec)
        return makeError("node '" + ctx.nodeId() + "': cannot create the directory '" + dir +
                         "': " + ec.message());
    return Status::ok();
}

void PartFileCommitter::ensureStarted()
{
    if (!m_started) startFresh();
}

void PartFileCommitter::startFresh()
{
    m_started = true;
    m_nextIndex = 0;
    m_pending.clear();
    removeLeftovers(true);
}

void PartFileCommitter::removeLeftovers(bool fresh)
{
    std::error_code ec;
    std::vector<fs::path> doomed;
    std::set<std::string> dirs;
    std::uint64_t kept = 0; // 1 + the highest finished index kept
    auto visit = [&](const fs::directory_entry& e) {
        const std::string name = e.path().filename().string();
        const auto p = parseName(name, m_subtask, m_opt.extension);
        if (!p || !e.is_regular_file(ec)) return;
        const bool pending = std::any_of(m_pending.begin(), m_pending.end(), [&](const Pending& x) {
            return x.part.index == p->index;
        });
        if (p->hidden ? (fresh || !pending) : (fresh && !m_opt.keepFinished)) {
            doomed.push_back(e.path());
        } else if (!p->hidden && !fresh && p->index >= m_nextIndex) {
            if (m_ctx)
                m_ctx->warn("removed '" + e.path().string() +
                            "': it was committed by a checkpoint newer than the one restored, "
                            "whose records are written again");
            doomed.push_back(e.path());
        } else if (!p->hidden) {
            kept = std::max(kept, p->index + 1);
        }
    };
    if (m_opt.buckets) {
        for (auto it = fs::recursive_directory_iterator(m_opt.directory, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
            visit(*it);
    } else {
        for (const fs::directory_entry& e : fs::directory_iterator(m_opt.directory, ec))
            visit(e);
    }
    if (ec) throw std::runtime_error("listing '" + m_opt.directory + "' failed: " + ec.message());
    for (const fs::path& p : doomed) {
        if (!fs::remove(p, ec) && ec)
            throw std::runtime_error("removing '" + p.string() + "' failed: " + ec.message());
        dirs.insert(p.parent_path().string());
    }
    if (fresh) m_nextIndex = std::max(m_nextIndex, kept);
    for (const std::string& d : dirs)
        syncDirectory(fs::relative(d, m_opt.directory).lexically_normal().string());
}

PartFileCommitter::Part PartFileCommitter::newPart(const std::string& bucket)
{
    ensureStarted();
    Part p{bucket, m_nextIndex++};
    if (!bucket.empty()) {
        // New directories must be durable before a rename into them is: sync each new one's
        // parent.
        fs::path dir = fs::path(m_opt.directory) / bucket;
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) {
            std::vector<fs::path> created;
            for (fs::path d = dir; !fs::exists(d, ec) && d != fs::path(m_opt.directory);
                 d = d.parent_path())
                created.push_back(d);
            fs::create_directories(dir, ec);
            if (ec)
                throw std::runtime_error("creating the directory '" + dir.string() +
                                         "' failed: " + ec.message());
            for (const fs::path& d : created) {
                const std::string rel =
                    fs::relative(d.parent_path(), m_opt.directory).lexically_normal().string();
                syncDirectory(rel == "." ? std::string() : rel);
            }
        }
    }
    return p;
}

void PartFileCommitter::stage(const Part& part)
{
    const std::string from = inProgressPath(part);
    if (std::rename(from.c_str(), pendingPath(part).c_str()) != 0) ioError("renaming", from);
    syncDirectory(part.bucket);
    m_pending.push_back({std::nullopt, part});
}

void PartFileCommitter::preCommit(std::int64_t checkpointId)
{
    ensureStarted();
    for (Pending& p : m_pending)
        if (!p.checkpoint) p.checkpoint = checkpointId;
}

void PartFileCommitter::publish(const Part& part)
{
    const std::string from = inProgressPath(part);
    if (std::rename(from.c_str(), finishedPath(part).c_str()) != 0) ioError("renaming", from);
    syncDirectory(part.bucket);
}

void PartFileCommitter::snapshot(StateWriter& w) const
{
    StateOutput out;
    out.u64(m_opt.buckets ? kFormatBuckets : kFormatFlat);
    out.u64(m_nextIndex);
    std::size_t n = 0;
    for (const Pending& p : m_pending)
        n += p.checkpoint ? 1 : 0;
    out.u64(n);
    for (const Pending& p : m_pending) {
        if (!p.checkpoint) continue; // staged after the barrier: not part of this checkpoint
        out.i64(*p.checkpoint);
        out.u64(p.part.index);
        if (m_opt.buckets) out.bytes(p.part.bucket);
    }
    w.put(m_opt.stateKey, out.take());
}

void PartFileCommitter::restore(const StateReader& r)
{
    m_pending.clear();
    m_nextIndex = 0;
    const std::string* blob = r.get(m_opt.stateKey);
    if (!blob && m_opt.keepFinished) {
        startFresh(); // the sink took no part in the checkpoint (at-least-once): append
        return;
    }
    m_started = true;
    if (blob) {
        StateInput in(*blob);
        const std::uint64_t format = in.u64();
        if (format != kFormatFlat && format != kFormatBuckets) in.fail("unknown format");
        m_nextIndex = in.u64();
        const std::size_t n = in.count(2);
        for (std::size_t i = 0; i < n && in.ok(); ++i) {
            Pending p;
            p.checkpoint = in.i64();
            p.part.index = in.u64();
            if (format == kFormatBuckets) p.part.bucket = in.bytes();
            m_pending.push_back(p);
        }
        if (std::string e = in.finish("the part files' state"); !e.empty())
            throw std::runtime_error(e);
    }
    // Everything pending in the restored checkpoint is part of it: finish it now.
    for (const Pending& p : m_pending)
        finish(p);
    std::set<std::string> buckets;
    for (const Pending& p : m_pending)
        buckets.insert(p.part.bucket);
    m_pending.clear();
    removeLeftovers(false);
    buckets.insert(std::string());
    for (const std::string& b : buckets)
        syncDirectory(b);
}

void PartFileCommitter::finish(const Pending& p)
{
    const std::string from = pendingPath(p.part);
    const std::string to = finishedPath(p.part);
    if (std::rename(from.c_str(), to.c_str()) == 0) return;
    const int err = errno;
    std::error_code ec;
    if (err == ENOENT && fs::exists(to, ec)) return; // finished before the crash
    errno = err;
    ioError("finishing the part file of checkpoint " + std::to_string(p.checkpoint.value_or(0)) +
                ":",
            from);
}

void PartFileCommitter::commitUpTo(std::int64_t checkpointId)
{
    auto done = std::stable_partition(m_pending.begin(), m_pending.end(), [&](const Pending& p) {
        return p.checkpoint && *p.checkpoint <= checkpointId;
    });
    if (done == m_pending.begin()) return;
    std::set<std::string> buckets;
    for (auto it = m_pending.begin(); it != done; ++it) {
        finish(*it);
        buckets.insert(it->part.bucket);
    }
    m_pending.erase(m_pending.begin(), done);
    for (const std::string& b : buckets)
        syncDirectory(b);
}

void PartFileCommitter::syncDirectory(const std::string& bucket) const
{
    const std::string dir = bucket.empty() || bucket == "."
                                ? m_opt.directory
                                : (fs::path(m_opt.directory) / bucket).string();
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) ioError("opening the directory", dir);
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) ioError("syncing the directory", dir);
}

} // namespace sw::runtime
