#pragma once
// Checkpoint statistics of a run (Flink's CheckpointStatsTracker and CheckpointStatsSnapshot,
// what its web UI's checkpoint tab shows): counts over the whole run (restarts included), a
// bounded history of the latest checkpoints with their status, end-to-end duration, state size
// and per-subtask alignment time and size, the latest completed one, the restart count and the
// checkpoint the run restored. The engine's checkpoint coordinator reports into the tracker from
// its own threads; MetricsSnapshot carries a copy (CheckpointStats), read by the GUI, the CLI
// and the Prometheus endpoint without stalling the pipeline.
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace sw::runtime {

enum class CheckpointStatus : std::uint8_t {
    InProgress, ///< triggered, not every subtask acknowledged or not stored yet
    Completed,  ///< every subtask acknowledged and (with a store) durably written
    Failed,     ///< write error or timeout (counted; the run goes on)
    Abandoned,  ///< subsumed by a newer checkpoint, or the run stopped/restarted first
};
std::string_view toString(CheckpointStatus s);

/// One subtask's part of a checkpoint.
struct SubtaskCheckpointStats {
    std::string nodeId;
    int subtask = 0;
    std::int64_t alignmentMs = 0; ///< first barrier to aligned (0 for sources)
    std::uint64_t stateBytes = 0; ///< its state blobs (keys and values)
};

struct CheckpointRecord {
    std::int64_t id = 0;
    CheckpointStatus status = CheckpointStatus::InProgress;
    int attempt = 0;                  ///< restarts before it was triggered (0 = first attempt)
    std::int64_t triggerMs = 0;       ///< wall clock (ms since epoch)
    std::int64_t endMs = 0;           ///< wall clock when it completed, failed or was abandoned
    std::int64_t durationMs = 0;      ///< trigger to completion (end to end); to failure otherwise
    std::int64_t acknowledgedMs = -1; ///< trigger to every subtask acknowledged (-1 = not yet)
    std::uint64_t stateBytes = 0;     ///< sum over subtasks
    std::int64_t maxAlignmentMs = 0;  ///< max over subtasks
    std::string failure;              ///< why it failed or was abandoned
    /// Per subtask (only when state is persisted: a run without a checkpoint store keeps none).
    std::vector<SubtaskCheckpointStats> subtasks;
};

/// What the run restored at start or at its latest restart.
struct CheckpointRestore {
    std::int64_t id = 0;    ///< 0 = nothing restored (started from scratch)
    std::string path;       ///< the checkpoint store
    std::int64_t atMs = 0;  ///< wall clock
    bool atRestart = false; ///< restored by a restart within the run, not at start
};

struct CheckpointStats {
    bool enabled = false;        ///< the run takes checkpoints (a checkpoint interval is set)
    bool persisted = false;      ///< state goes to a checkpoint store
    std::uint64_t completed = 0; ///< over the whole run, restarts included
    std::uint64_t failed = 0;
    std::uint64_t inProgress = 0;
    int restarts = 0;
    CheckpointRestore restored;
    std::optional<CheckpointRecord> latestCompleted;
    /// The latest checkpoints, newest first (at most CheckpointStatsTracker::kHistory).
    std::vector<CheckpointRecord> history;
    /// Histogram of completed checkpoints' durations (Prometheus' cumulative buckets): count of
    /// durations <= kDurationBucketsSec[i]; their sum in seconds.
    std::vector<std::uint64_t> durationBuckets;
    double durationSumSec = 0;
    /// Changes whenever anything above changes (views rebuild only then).
    std::uint64_t version = 0;
};

/// Upper bounds (seconds) of the duration histogram's buckets (+Inf is `completed`).
inline constexpr double kDurationBucketsSec[] = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                                                 1,    2.5,   5,    10,  30,   60};

/// Thread-safe; every call is short (one lock, no I/O).
class CheckpointStatsTracker {
public:
    static constexpr std::size_t kHistory = 10; ///< Flink's web.checkpoints.history default

    CheckpointStatsTracker() { reset(false, false); }

    /// A new run: clears everything.
    void reset(bool enabled, bool persisted);
    /// The run's checkpointing as it is set up (again after a restart).
    void configure(bool enabled, bool persisted);
    void triggered(std::int64_t id, std::int64_t triggerWallMs);
    /// Every subtask acknowledged `id` with these parts (empty without a store).
    void acknowledged(std::int64_t id, std::vector<SubtaskCheckpointStats> subtasks);
    void completed(std::int64_t id);
    void failed(std::int64_t id, const std::string& why);
    void abandoned(std::int64_t id, const std::string& why);
    /// The run restored checkpoint `id` of the store `path` (at a restart when restarted() was
    /// reported before).
    void restored(std::int64_t id, const std::string& path);
    void restarted();

    CheckpointStats snapshot() const;

private:
    CheckpointRecord* find(std::int64_t id);
    /// Ends in-progress checkpoint `id` (false when it is not in progress): its record, if still
    /// in the history, gets status, duration and reason.
    bool end(std::int64_t id, CheckpointStatus s, const std::string& why);
    /// Ends every in-progress checkpoint older than `id` as abandoned.
    void abandonOlder(std::int64_t id, const std::string& why);

    mutable std::mutex m_mutex;
    CheckpointStats m_stats;
    /// Checkpoints in progress (also those that left the history) and when they were triggered.
    std::map<std::int64_t, std::chrono::steady_clock::time_point> m_started;
};

} // namespace sw::runtime
