#include "replay/SourceRecording.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

namespace sw::runtime {

namespace {

/// One source subtask's JSONL file (format: replay/RecordingFormat.h).
class JsonlSourceRecorder final : public SourceRecorder {
public:
    JsonlSourceRecorder(RecordingSession& session, std::string path, std::vector<Schema> schemas)
        : m_session(session), m_path(std::move(path)), m_schemas(std::move(schemas))
    {
    }
    ~JsonlSourceRecorder() override
    {
        if (m_file && !m_ended) end(m_lastT, "closed");
        if (m_file) std::fclose(m_file);
    }
    bool open(const std::string& header)
    {
        m_file = std::fopen(m_path.c_str(), "wb");
        if (!m_file) return false;
        writeLine(header);
        return true;
    }

    void onRecord(int port, const Record& r) override
    {
        if (m_ended) return;
        if (m_pendingRecords > 0) m_pending += ',';
        const auto p = static_cast<std::size_t>(port);
        encodeRecord(m_pending, port, r, p < m_schemas.size() ? m_schemas[p] : m_schemas[0]);
        ++m_pendingRecords;
    }
    void onBatch(std::int64_t t) override
    {
        if (m_ended || m_pendingRecords == 0) return clearPending();
        if (!m_session.admit(m_pendingRecords, m_pending.size(), t)) {
            clearPending();
            return end(t, "limit");
        }
        std::string line = "{\"t\":" + std::to_string(t) + ",\"records\":[";
        line += m_pending;
        line += "]}";
        writeLine(line);
        m_lastT = t;
        clearPending();
    }
    void onWatermark(std::int64_t t, EventTime w) override
    {
        if (!live(t)) return;
        writeLine("{\"t\":" + std::to_string(t) + ",\"watermark\":" + std::to_string(w) + "}");
    }
    void onIdle(std::int64_t t, bool idle) override
    {
        if (!live(t)) return;
        writeLine("{\"t\":" + std::to_string(t) + ",\"idle\":" + (idle ? "true" : "false") + "}");
    }
    void onEnd(std::int64_t t) override
    {
        if (!m_ended) end(std::max(t, m_lastT), "input");
    }

private:
    bool live(std::int64_t t)
    {
        if (m_ended) return false;
        if (m_session.limited()) {
            end(std::max(t, m_lastT), "limit");
            return false;
        }
        m_lastT = std::max(t, m_lastT);
        return true;
    }
    void clearPending()
    {
        m_pending.clear();
        m_pendingRecords = 0;
    }
    void end(std::int64_t t, const char* reason)
    {
        m_ended = true;
        writeLine("{\"t\":" + std::to_string(t) + ",\"end\":\"" + reason + "\"}");
        if (m_file) std::fflush(m_file);
    }
    void writeLine(const std::string& s)
    {
        if (!m_file) return;
        if (std::fwrite(s.data(), 1, s.size(), m_file) != s.size() ||
            std::fputc('\n', m_file) == EOF)
            m_session.setError("cannot write " + m_path);
    }

    RecordingSession& m_session;
    std::string m_path;
    std::vector<Schema> m_schemas; // by output port
    std::FILE* m_file = nullptr;
    std::string m_pending;
    std::uint64_t m_pendingRecords = 0;
    std::int64_t m_lastT = 0;
    bool m_ended = false;
};

} // namespace

RecordingSession::RecordingSession(std::string dir, RecordingLimits limits, std::int64_t startedMs)
    : m_dir(std::move(dir)), m_limits(limits), m_startedMs(startedMs)
{
}

Status RecordingSession::prepare()
{
    std::error_code ec;
    std::filesystem::create_directories(m_dir, ec);
    if (ec) return makeError("cannot create recording directory " + m_dir + ": " + ec.message());
    for (const auto& entry : std::filesystem::directory_iterator(m_dir, ec)) {
        const auto name = entry.path().filename().string();
        if (name == kRecordingManifest || entry.path().extension() == ".jsonl")
            std::filesystem::remove(entry.path(), ec);
    }
    return Status::ok();
}

SourceRecorderFactory RecordingSession::factory()
{
    return [this](const std::string& node, int subtask, int parallelism,
                  const std::vector<Schema>& schemas) -> std::unique_ptr<SourceRecorder> {
        const Schema schema = schemas.empty() ? Schema() : schemas[0];
        const std::string file = recordingFileName(node, subtask);
        {
            std::lock_guard lock(m_mutex);
            auto it = std::find_if(m_sources.begin(), m_sources.end(),
                                   [&](const RecordedSource& s) { return s.node == node; });
            if (it == m_sources.end()) {
                m_sources.push_back({node, parallelism, schema.toString(), {}});
                it = m_sources.end() - 1;
            }
            it->files.resize(static_cast<std::size_t>(parallelism));
            it->files[static_cast<std::size_t>(subtask)] = file;
        }
        auto r = std::make_unique<JsonlSourceRecorder>(
            *this, (std::filesystem::path(m_dir) / file).string(),
            schemas.empty() ? std::vector<Schema>{Schema()} : schemas);
        if (!r->open(encodeHeader(node, subtask, parallelism, schema))) {
            setError("cannot create " + file + " in " + m_dir);
            return nullptr;
        }
        return r;
    };
}

Status RecordingSession::writeManifest(const std::string& pipelineName)
{
    RecordingManifest m;
    m.pipeline = pipelineName;
    m.startedMs = m_startedMs;
    m.limits = m_limits;
    {
        std::lock_guard lock(m_mutex);
        m.sources = m_sources;
        if (!m_error.empty()) return makeError(m_error);
    }
    std::sort(m.sources.begin(), m.sources.end(),
              [](const RecordedSource& a, const RecordedSource& b) { return a.node < b.node; });
    m.fingerprint = recordingFingerprint(m.sources);
    return runtime::writeManifest(m_dir, m);
}

bool RecordingSession::admit(std::uint64_t records, std::uint64_t bytes, std::int64_t t)
{
    if (m_limited.load()) return false;
    bool over = m_limits.maxDurationMs > 0 && t - m_startedMs >= m_limits.maxDurationMs;
    const std::uint64_t r = m_records.fetch_add(records) + records;
    const std::uint64_t b = m_bytes.fetch_add(bytes) + bytes;
    over = over || (m_limits.maxRecords > 0 && r > m_limits.maxRecords) ||
           (m_limits.maxBytes > 0 && b > m_limits.maxBytes);
    if (over) {
        m_records.fetch_sub(records);
        m_bytes.fetch_sub(bytes);
        m_limited = true;
    }
    return !over;
}

std::string RecordingSession::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

void RecordingSession::setError(const std::string& e)
{
    std::lock_guard lock(m_mutex);
    if (m_error.empty()) m_error = e;
}

} // namespace sw::runtime
