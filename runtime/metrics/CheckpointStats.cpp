#include "metrics/CheckpointStats.h"

#include <algorithm>

namespace sw::runtime {

namespace {
std::int64_t wallNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}
} // namespace

std::string_view toString(CheckpointStatus s)
{
    switch (s) {
    case CheckpointStatus::InProgress:
        return "in progress";
    case CheckpointStatus::Completed:
        return "completed";
    case CheckpointStatus::Failed:
        return "failed";
    case CheckpointStatus::Abandoned:
        return "abandoned";
    }
    return "in progress";
}

void CheckpointStatsTracker::reset(bool enabled, bool persisted)
{
    std::lock_guard lock(m_mutex);
    const std::uint64_t version = m_stats.version;
    m_stats = CheckpointStats{};
    m_stats.enabled = enabled;
    m_stats.persisted = persisted;
    m_stats.durationBuckets.assign(std::size(kDurationBucketsSec), 0);
    m_stats.version = version + 1;
    m_started.clear();
}

void CheckpointStatsTracker::configure(bool enabled, bool persisted)
{
    std::lock_guard lock(m_mutex);
    m_stats.enabled = enabled;
    m_stats.persisted = persisted;
    ++m_stats.version;
}

CheckpointRecord* CheckpointStatsTracker::find(std::int64_t id)
{
    for (CheckpointRecord& r : m_stats.history)
        if (r.id == id) return &r;
    return nullptr;
}

void CheckpointStatsTracker::triggered(std::int64_t id, std::int64_t triggerWallMs)
{
    std::lock_guard lock(m_mutex);
    CheckpointRecord r;
    r.id = id;
    r.attempt = m_stats.restarts;
    r.triggerMs = triggerWallMs;
    m_stats.history.insert(m_stats.history.begin(), std::move(r));
    if (m_stats.history.size() > kHistory) m_stats.history.pop_back();
    m_started[id] = std::chrono::steady_clock::now();
    m_stats.inProgress = m_started.size();
    ++m_stats.version;
}

void CheckpointStatsTracker::acknowledged(std::int64_t id,
                                          std::vector<SubtaskCheckpointStats> subtasks)
{
    std::lock_guard lock(m_mutex);
    CheckpointRecord* r = find(id);
    auto started = m_started.find(id);
    if (!r || started == m_started.end()) return;
    r->acknowledgedMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - started->second)
                            .count();
    r->stateBytes = 0;
    r->maxAlignmentMs = 0;
    for (const SubtaskCheckpointStats& s : subtasks) {
        r->stateBytes += s.stateBytes;
        r->maxAlignmentMs = std::max(r->maxAlignmentMs, s.alignmentMs);
    }
    r->subtasks = std::move(subtasks);
    ++m_stats.version;
}

bool CheckpointStatsTracker::end(std::int64_t id, CheckpointStatus s, const std::string& why)
{
    auto started = m_started.find(id);
    if (started == m_started.end()) return false;
    const std::int64_t durationMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::steady_clock::now() - started->second)
                                        .count();
    m_started.erase(started);
    m_stats.inProgress = m_started.size();
    if (CheckpointRecord* r = find(id)) {
        r->status = s;
        r->endMs = wallNowMs();
        r->durationMs = durationMs;
        r->failure = why;
    }
    return true;
}

void CheckpointStatsTracker::abandonOlder(std::int64_t id, const std::string& why)
{
    std::vector<std::int64_t> older;
    for (const auto& [other, t] : m_started)
        if (other < id) older.push_back(other);
    for (std::int64_t o : older)
        end(o, CheckpointStatus::Abandoned, why);
}

void CheckpointStatsTracker::completed(std::int64_t id)
{
    std::lock_guard lock(m_mutex);
    if (!end(id, CheckpointStatus::Completed, {})) return;
    ++m_stats.completed;
    if (const CheckpointRecord* r = find(id)) {
        const double sec = static_cast<double>(r->durationMs) / 1000.0;
        m_stats.durationSumSec += sec;
        for (std::size_t i = 0; i < std::size(kDurationBucketsSec); ++i)
            if (sec <= kDurationBucketsSec[i]) ++m_stats.durationBuckets[i];
        m_stats.latestCompleted = *r;
    }
    // Older ones still pending were subsumed: the coordinator dropped them.
    abandonOlder(id, "subsumed by checkpoint " + std::to_string(id));
    ++m_stats.version;
}

void CheckpointStatsTracker::failed(std::int64_t id, const std::string& why)
{
    std::lock_guard lock(m_mutex);
    ++m_stats.failed;
    end(id, CheckpointStatus::Failed, why);
    abandonOlder(id, "dropped with checkpoint " + std::to_string(id));
    ++m_stats.version;
}

void CheckpointStatsTracker::abandoned(std::int64_t id, const std::string& why)
{
    std::lock_guard lock(m_mutex);
    if (end(id, CheckpointStatus::Abandoned, why)) ++m_stats.version;
}

void CheckpointStatsTracker::restored(std::int64_t id, const std::string& path)
{
    std::lock_guard lock(m_mutex);
    m_stats.restored = CheckpointRestore{id, path, wallNowMs(), m_stats.restarts > 0};
    ++m_stats.version;
}

void CheckpointStatsTracker::restarted()
{
    std::lock_guard lock(m_mutex);
    ++m_stats.restarts;
    ++m_stats.version;
}

CheckpointStats CheckpointStatsTracker::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

} // namespace sw::runtime
