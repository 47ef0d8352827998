#pragma once
// Recording what every source emits (streamwright-run run --record DIR; docs/recording.md).
// An engine feature: the session's factory (EngineOptions::sourceRecorders) gives each source
// subtask a recorder that the engine calls from the source's Collector and poll loop, so no
// connector knows about it. Only what the sources emitted is written (rows, positions, raw
// bytes when the source kept them, watermarks, idleness, arrival times): never a node
// property, so no secret reaches a recording.
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "exec/SourceRecorder.h"
#include "replay/RecordingFormat.h"

namespace sw::runtime {

class RecordingSession {
public:
    /// Records into `dir` (created; an existing recording there is replaced) within `limits`,
    /// starting at processing time `startedMs`.
    RecordingSession(std::string dir, RecordingLimits limits, std::int64_t startedMs);
    /// Creates the directory and removes an older recording's files. Call before the run.
    Status prepare();
    /// For EngineOptions::sourceRecorders. The session must outlive the engine's run.
    SourceRecorderFactory factory();
    /// After Engine::start (every source subtask has its recorder): writes manifest.json.
    Status writeManifest(const std::string& pipelineName);

    // ---- recorder side (any source thread) ----
    /// Takes `records`/`bytes` of a batch arriving at `t` from the budget; false once a limit
    /// is reached (then the whole recording stops: every file ends with "limit").
    bool admit(std::uint64_t records, std::uint64_t bytes, std::int64_t t);
    bool limited() const { return m_limited.load(); }
    const std::string& dir() const { return m_dir; }
    std::uint64_t records() const { return m_records.load(); }
    std::uint64_t bytes() const { return m_bytes.load(); }
    /// The first write error ("" = none).
    std::string error() const;
    void setError(const std::string& e);

private:
    std::string m_dir;
    RecordingLimits m_limits;
    std::int64_t m_startedMs;
    mutable std::mutex m_mutex; // m_sources, m_error
    std::vector<RecordedSource> m_sources;
    std::string m_error;
    std::atomic<std::uint64_t> m_records{0};
    std::atomic<std::uint64_t> m_bytes{0};
    std::atomic<bool> m_limited{false};
};

} // namespace sw::runtime
