#include "connectors/file/PartFileSink.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "connectors/format/RowKindColumn.h"
#include "state/StateCodec.h"

namespace sw::runtime {

namespace fs = std::filesystem;

namespace {
const std::string kStateKey = "part-files";
constexpr std::uint64_t kStateFormat = 1;

const char* extension(PartFileSink::Format f)
{
    return f == PartFileSink::Format::Csv ? "csv" : "jsonl";
}

std::string base(int subtask, std::uint64_t index, PartFileSink::Format f)
{
    char digits[32];
    std::snprintf(digits, sizeof digits, "%06llu", static_cast<unsigned long long>(index));
    return "part-" + std::to_string(subtask) + "-" + digits + "." + extension(f);
}

/// A part file name of `subtask`: its index and whether it is hidden; nullopt for other files.
struct ParsedName {
    std::uint64_t index = 0;
    bool hidden = false;
};
std::optional<ParsedName> parseName(std::string name, int subtask, PartFileSink::Format f)
{
    ParsedName p;
    if (!name.empty() && name[0] == '.') {
        p.hidden = true;
        name.erase(0, 1);
        for (const char* suffix : {".inprogress", ".pending"}) {
            const std::string s = suffix;
            if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
                name.resize(name.size() - s.size());
                break;
            }
        }
    }
    const std::string prefix = "part-" + std::to_string(subtask) + "-";
    const std::string ext = std::string(".") + extension(f);
    if (name.size() <= prefix.size() + ext.size() || name.compare(0, prefix.size(), prefix) != 0 ||
        name.compare(name.size() - ext.size(), ext.size(), ext) != 0)
        return std::nullopt;
    const std::string digits = name.substr(prefix.size(), name.size() - prefix.size() - ext.size());
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(), ::isdigit))
        return std::nullopt;
    p.index = std::stoull(digits);
    return p;
}
} // namespace

std::string PartFileSink::finishedName(int subtask, std::uint64_t index, Format f)
{
    return base(subtask, index, f);
}
std::string PartFileSink::inProgressName(int subtask, std::uint64_t index, Format f)
{
    return "." + base(subtask, index, f) + ".inprogress";
}
std::string PartFileSink::pendingName(int subtask, std::uint64_t index, Format f)
{
    return "." + base(subtask, index, f) + ".pending";
}

PartFileSink::PartFileSink(std::string directory, Format format, Schema schema)
    : m_dir(std::move(directory)), m_format(format), m_json(schema), m_csv(schema)
{
}

PartFileSink::~PartFileSink()
{
    close();
}

std::string PartFileSink::pathOf(const std::string& name) const
{
    return (fs::path(m_dir) / name).string();
}

void PartFileSink::ioError(const std::string& what, const std::string& path) const
{
    throw std::runtime_error(what + " '" + path + "' failed: " + std::strerror(errno));
}

Status PartFileSink::open(OperatorContext& ctx)
{
    m_ctx = &ctx;
    m_subtask = ctx.subtask();
    std::error_code ec;
    if (fs::exists(m_dir, ec) && !fs::is_directory(m_dir, ec))
        return makeError("node '" + ctx.nodeId() + "': '" + m_dir +
                         "' is a file; under exactly-once the file sink writes a directory of "
                         "part files there (choose another path or remove the file)");
    fs::create_directories(m_dir, ec);
    if (ec)
        return makeError("node '" + ctx.nodeId() + "': cannot create the directory '" + m_dir +
                         "': " + ec.message());
    return Status::ok();
}

void PartFileSink::startFresh()
{
    m_started = true;
    m_nextIndex = 0;
    m_pending.clear();
    removeLeftovers(true);
}

void PartFileSink::removeLeftovers(bool fresh)
{
    std::error_code ec;
    std::vector<fs::path> doomed;
    for (const fs::directory_entry& e : fs::directory_iterator(m_dir, ec)) {
        const std::string name = e.path().filename().string();
        const auto p = parseName(name, m_subtask, m_format);
        if (!p) continue;
        const bool pending = std::any_of(m_pending.begin(), m_pending.end(),
                                         [&](const Pending& x) { return x.index == p->index; });
        if (fresh || (p->hidden && !pending)) {
            doomed.push_back(e.path());
        } else if (!p->hidden && p->index >= m_nextIndex) {
            if (m_ctx)
                m_ctx->warn("removed '" + e.path().string() +
                            "': it was committed by a checkpoint newer than the one restored, "
                            "whose records are written again");
            doomed.push_back(e.path());
        }
    }
    if (ec) throw std::runtime_error("listing '" + m_dir + "' failed: " + ec.message());
    for (const fs::path& p : doomed)
        if (!fs::remove(p, ec) && ec)
            throw std::runtime_error("removing '" + p.string() + "' failed: " + ec.message());
    if (!doomed.empty()) syncDirectory();
}

void PartFileSink::openPart()
{
    const std::string path = pathOf(inProgressName(m_subtask, m_nextIndex, m_format));
    m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (m_fd < 0) ioError("creating", path);
    ++m_nextIndex;
    if (m_format == Format::Csv) {
        m_csv.appendHeader(m_buf);
        m_buf += '\n';
    }
}

void PartFileSink::writeBuffer()
{
    std::size_t done = 0;
    while (done < m_buf.size()) {
        const ssize_t n = ::write(m_fd, m_buf.data() + done, m_buf.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) ioError("writing", pathOf(inProgressName(m_subtask, m_nextIndex - 1, m_format)));
        done += static_cast<std::size_t>(n);
    }
    m_buf.clear();
}

void PartFileSink::processBatch(int, RecordBatch& batch, Collector&)
{
    if (!m_started) startFresh();
    if (batch.size() == 0) return;
    if (m_fd < 0) openPart();
    for (const Record& r : batch) {
        const Row& row = rowToWrite(r, m_writeKind, m_opRow);
        if (m_format == Format::Csv)
            m_csv.append(row, m_buf);
        else
            m_json.append(row, m_buf);
        m_buf += '\n';
    }
    writeBuffer();
}

void PartFileSink::prepareSnapshotPreBarrier(std::int64_t checkpointId, Collector&)
{
    if (!m_started) startFresh();
    if (m_fd < 0) return; // nothing arrived since the last barrier
    const std::uint64_t index = m_nextIndex - 1;
    const std::string from = pathOf(inProgressName(m_subtask, index, m_format));
    writeBuffer();
    if (::fsync(m_fd) != 0) ioError("syncing", from);
    ::close(m_fd);
    m_fd = -1;
    const std::string to = pathOf(pendingName(m_subtask, index, m_format));
    if (std::rename(from.c_str(), to.c_str()) != 0) ioError("renaming", from);
    syncDirectory();
    m_pending.push_back({checkpointId, index});
}

void PartFileSink::snapshotState(std::int64_t, StateWriter& w)
{
    StateOutput out;
    out.u64(kStateFormat);
    out.u64(m_nextIndex);
    out.u64(m_pending.size());
    for (const Pending& p : m_pending) {
        out.i64(p.checkpoint);
        out.u64(p.index);
    }
    w.put(kStateKey, out.take());
}

void PartFileSink::restoreState(const StateReader& r)
{
    m_started = true;
    m_pending.clear();
    m_nextIndex = 0;
    if (const std::string* blob = r.get(kStateKey)) {
        StateInput in(*blob);
        if (in.u64() != kStateFormat) in.fail("unknown format");
        m_nextIndex = in.u64();
        const std::size_t n = in.count(2);
        for (std::size_t i = 0; i < n && in.ok(); ++i) {
            Pending p;
            p.checkpoint = in.i64();
            p.index = in.u64();
            m_pending.push_back(p);
        }
        if (std::string e = in.finish("the file sink's state"); !e.empty())
            throw std::runtime_error(e);
    }
    // Everything pending in the restored checkpoint is part of it: finish it now.
    for (const Pending& p : m_pending)
        finish(p);
    m_pending.clear();
    removeLeftovers(false);
    syncDirectory();
}

void PartFileSink::finish(const Pending& p)
{
    const std::string from = pathOf(pendingName(m_subtask, p.index, m_format));
    const std::string to = pathOf(finishedName(m_subtask, p.index, m_format));
    if (std::rename(from.c_str(), to.c_str()) == 0) return;
    const int err = errno;
    std::error_code ec;
    if (err == ENOENT && fs::exists(to, ec)) return; // finished before the crash
    errno = err;
    ioError("finishing the part file of checkpoint " + std::to_string(p.checkpoint) + ":", from);
}

void PartFileSink::notifyCheckpointComplete(std::int64_t checkpointId)
{
    auto done = std::stable_partition(m_pending.begin(), m_pending.end(), [&](const Pending& p) {
        return p.checkpoint <= checkpointId;
    });
    if (done == m_pending.begin()) return;
    for (auto it = m_pending.begin(); it != done; ++it)
        finish(*it);
    m_pending.erase(m_pending.begin(), done);
    syncDirectory();
}

void PartFileSink::endOfInput(Collector&)
{
    if (!m_started) startFresh(); // nothing arrived: still a fresh start
}

void PartFileSink::syncDirectory()
{
    const int fd = ::open(m_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) ioError("opening the directory", m_dir);
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) ioError("syncing the directory", m_dir);
}

void PartFileSink::close()
{
    // An in-progress part stays hidden: the next start removes it (its records are after the
    // last checkpoint and are read again).
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
    m_buf.clear();
}

} // namespace sw::runtime
