#include "exec/CheckpointCoordinator.h"

#include <algorithm>

#include "state/CheckpointWriter.h"

namespace sw::runtime {

namespace {
/// A pending checkpoint older than this is abandoned so a newer one can be triggered (Flink's
/// checkpoint timeout): e.g. a sink that cannot flush while the broker is down.
std::chrono::milliseconds timeoutFor(std::int64_t intervalMs)
{
    return std::chrono::milliseconds(std::max<std::int64_t>(30000, 10 * intervalMs));
}
} // namespace

CheckpointCoordinator::CheckpointCoordinator(int participants, std::int64_t intervalMs,
                                             int replayUnitMaxAge)
    : m_participants(participants), m_intervalMs(std::max<std::int64_t>(1, intervalMs)),
      m_finished(static_cast<std::size_t>(participants), false),
      m_lastPositions(static_cast<std::size_t>(std::max(participants, 0))),
      m_closure(ReplayClosure::kDefaultMaxUnits, replayUnitMaxAge),
      m_finishedStates(static_cast<std::size_t>(std::max(participants, 0))),
      m_completedHolds(std::make_shared<const SourceHolds>())
{
}

CheckpointCoordinator::~CheckpointCoordinator()
{
    abort();
    if (m_thread.joinable()) {
        m_thread.request_stop();
        m_thread.join();
    }
}

void CheckpointCoordinator::start()
{
    m_thread = std::jthread([this](std::stop_token st) { loop(std::move(st)); });
}

void CheckpointCoordinator::abort()
{
    {
        std::lock_guard lock(m_mutex);
        m_aborted.store(true, std::memory_order_release);
        if (m_stats)
            for (const auto& [id, p] : m_pending)
                m_stats->abandoned(id, "aborted: the run stopped, failed or restarts");
        m_pending.clear();
    }
    m_cv.notify_all();
}

void CheckpointCoordinator::loop(std::stop_token st)
{
    std::unique_lock lock(m_mutex);
    while (!st.stop_requested() && !m_aborted.load()) {
        m_cv.wait_for(lock, st, std::chrono::milliseconds(m_intervalMs),
                      [&] { return m_aborted.load(); });
        if (st.stop_requested() || m_aborted.load()) break;
        // One periodic checkpoint at a time, its asynchronous write included (a slow store
        // never piles up copies of the state); a stuck one is abandoned after the timeout.
        if (m_writer && m_writer->inFlight() > 0) continue;
        auto now = std::chrono::steady_clock::now();
        if (!m_pending.empty()) {
            if (now - m_pending.rbegin()->second.triggeredAt < timeoutFor(m_intervalMs)) continue;
            const std::int64_t id = m_pending.rbegin()->first;
            m_pending.clear();
            std::string fatal = failedLocked(id, "not acknowledged by every subtask within the "
                                                 "checkpoint timeout");
            if (!fatal.empty() && m_failRun) {
                lock.unlock();
                m_failRun(fatal);
                lock.lock();
                continue;
            }
        }
        triggerLocked();
    }
}

std::int64_t CheckpointCoordinator::triggerNow()
{
    std::lock_guard lock(m_mutex);
    if (m_aborted.load()) return 0;
    return triggerLocked();
}

std::int64_t CheckpointCoordinator::triggerLocked()
{
    const std::int64_t id = m_nextId++;
    Pending p;
    p.acked = m_finished;
    p.remaining = static_cast<int>(std::count(m_finished.begin(), m_finished.end(), false));
    p.holds = m_finishedHolds;
    p.positions = m_finishedPositions;
    p.triggeredAt = std::chrono::steady_clock::now();
    p.triggerWallMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
    if (m_writer) p.states = m_finishedStates;
    auto it = m_pending.emplace(id, std::move(p)).first;
    m_triggered.fetch_add(1);
    if (m_stats) m_stats->triggered(id, it->second.triggerWallMs);
    m_trigger.store(id, std::memory_order_release);
    checkComplete(it); // everyone finished already
    return id;
}

void CheckpointCoordinator::acknowledge(int p, std::int64_t id, CheckpointAck ack)
{
    std::lock_guard lock(m_mutex);
    if (p < 0 || p >= m_participants) return;
    // Units and positions count even when `id` was abandoned or subsumed: units take part from
    // the next completion on (more units only make the closure more conservative).
    for (ReplayUnit& u : ack.units)
        m_closure.add(std::move(u));
    if (!ack.positions.empty()) m_lastPositions[static_cast<std::size_t>(p)] = ack.positions;
    auto it = m_pending.find(id);
    if (it == m_pending.end()) return; // abandoned or subsumed
    Pending& c = it->second;
    if (c.acked[static_cast<std::size_t>(p)]) return;
    c.acked[static_cast<std::size_t>(p)] = true;
    --c.remaining;
    c.holds.merge(ack.holds);
    c.positions.merge(ack.positions);
    if (m_writer) c.states[static_cast<std::size_t>(p)] = std::move(ack.state);
    checkComplete(it);
}

void CheckpointCoordinator::finished(int p, const SourceHolds& holds, std::vector<ReplayUnit> units,
                                     SubtaskSnapshot finalState)
{
    std::lock_guard lock(m_mutex);
    if (p < 0 || p >= m_participants || m_finished[static_cast<std::size_t>(p)]) return;
    m_finished[static_cast<std::size_t>(p)] = true;
    m_finishedStates[static_cast<std::size_t>(p)] = std::move(finalState);
    m_finishedHolds.merge(holds);
    for (ReplayUnit& u : units)
        m_closure.add(std::move(u));
    const SourceHolds& positions = m_lastPositions[static_cast<std::size_t>(p)];
    m_finishedPositions.merge(positions);
    std::vector<std::int64_t> ids;
    for (const auto& [id, c] : m_pending)
        ids.push_back(id);
    for (std::int64_t id : ids) {
        auto it = m_pending.find(id); // completing one erases the older ones
        if (it == m_pending.end()) continue;
        Pending& c = it->second;
        if (!c.acked[static_cast<std::size_t>(p)]) {
            c.acked[static_cast<std::size_t>(p)] = true;
            --c.remaining;
            c.holds.merge(holds);
            c.positions.merge(positions);
            if (m_writer)
                c.states[static_cast<std::size_t>(p)] =
                    m_finishedStates[static_cast<std::size_t>(p)];
        }
        checkComplete(it);
    }
}

void CheckpointCoordinator::checkComplete(std::map<std::int64_t, Pending>::iterator it)
{
    if (it->second.remaining > 0 || m_aborted.load()) return;
    const std::int64_t id = it->first;
    auto closed = std::make_shared<const SourceHolds>(closeLocked(it->second));
    warnOfExpiredUnits(id);
    if (!m_writer) {
        publishLocked(id, std::move(closed));
        m_pending.erase(m_pending.begin(), std::next(it)); // older pending ones are subsumed
        if (m_stats) {
            m_stats->acknowledged(id, {});
            m_stats->completed(id);
        }
        return;
    }
    // The asynchronous phase: completes once the writer stored it (onWritten).
    CheckpointData data;
    data.id = id;
    data.triggerMs = it->second.triggerWallMs;
    data.durationMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - it->second.triggeredAt)
                          .count();
    data.nodes = m_nodes;
    std::vector<SubtaskCheckpointStats> parts;
    for (SubtaskSnapshot& s : it->second.states) {
        if (s.nodeId.empty()) continue;
        parts.push_back({s.nodeId, s.subtask, s.alignmentMs, s.bytes()});
        data.subtasks.push_back(std::move(s));
    }
    if (m_stats) m_stats->acknowledged(id, std::move(parts));
    m_pending.erase(m_pending.begin(), std::next(it));
    m_writer->submit(std::move(data), [this, closed](std::int64_t done, const Status& st) {
        onWritten(done, closed, st);
    });
}

void CheckpointCoordinator::publishLocked(std::int64_t id,
                                          std::shared_ptr<const SourceHolds> closed)
{
    if (id <= m_completed.load()) return;
    m_completedHolds = std::move(closed);
    m_completions.fetch_add(1);
    m_completed.store(id, std::memory_order_release);
}

void CheckpointCoordinator::onWritten(std::int64_t id, std::shared_ptr<const SourceHolds> closed,
                                      const Status& s)
{
    std::string fatal;
    {
        std::lock_guard lock(m_mutex);
        if (s) {
            m_consecutiveFailures = 0;
            // Durably stored: completed (a restart restores it) even when the run was aborted
            // meanwhile and its sources are no longer notified.
            if (m_stats) m_stats->completed(id);
            if (!m_aborted.load()) publishLocked(id, std::move(closed));
            return;
        }
        fatal = failedLocked(id, s.message());
    }
    if (!fatal.empty() && m_failRun) m_failRun(fatal);
}

std::string CheckpointCoordinator::failedLocked(std::int64_t id, const std::string& why)
{
    m_failedCheckpoints.fetch_add(1);
    if (m_stats) m_stats->failed(id, why);
    if (m_aborted.load()) return {};
    if (m_writer) ++m_consecutiveFailures;
    if (m_warn)
        m_warn("checkpoint " + std::to_string(id) + " failed: " + why +
               (m_writer ? " (" + std::to_string(m_consecutiveFailures) +
                               " in a row; the run "
                               "fails after " +
                               std::to_string(m_tolerable) + ")"
                         : std::string()));
    if (!m_writer || m_consecutiveFailures < m_tolerable) return {};
    return std::to_string(m_consecutiveFailures) +
           " checkpoints in a row failed (the last: " + why + ")";
}

void CheckpointCoordinator::setPersistence(CheckpointWriter* writer,
                                           std::vector<NodeStateInfo> nodes, int tolerable,
                                           std::function<void(const std::string&)> failRun)
{
    std::lock_guard lock(m_mutex);
    m_writer = writer;
    m_nodes = std::move(nodes);
    m_tolerable = tolerable < 1 ? 1 : tolerable;
    m_failRun = std::move(failRun);
}

SourceHolds CheckpointCoordinator::closeLocked(const Pending& c)
{
    // The proposal: min(position, hold) per (origin, partition); a hold without a position
    // (a source that reports none) passes as it is.
    ReplayClosure::CommitVector proposal;
    for (const SourceHolds::Entry& e : c.positions.entries())
        proposal[{e.origin, e.partition}] = e.position;
    for (const SourceHolds::Entry& e : c.holds.entries()) {
        auto [it, inserted] = proposal.try_emplace({e.origin, e.partition}, e.position);
        if (!inserted && e.position < it->second) it->second = e.position;
    }
    const ReplayClosure::CommitVector& closed = m_closure.close(proposal);
    m_lowerings.fetch_add(m_closure.lastLowerings());
    SourceHolds out; // keys kept from earlier completions stay inside the closure
    for (const auto& [key, v] : proposal)
        out.hold(key.first, key.second, closed.at(key));
    return out;
}

void CheckpointCoordinator::warnOfExpiredUnits(std::int64_t id)
{
    // Once when units are first given up, then at most every 10 minutes while more are.
    const std::uint64_t expired = m_closure.expired();
    if (!m_warn || expired == m_expiredWarned) return;
    const auto now = std::chrono::steady_clock::now();
    if (m_expiredWarned > 0 && now - m_lastExpiryWarning < std::chrono::minutes(10)) return;
    const std::uint64_t count = expired - m_expiredWarned;
    m_expiredWarned = expired;
    m_lastExpiryWarning = now;
    m_warn("checkpoint " + std::to_string(id) + ": " + std::to_string(count) +
           " fired window(s) given up by the replay closure: event time is interleaved across "
           "every window boundary, so no commit point splits none of them, and Kafka offsets "
           "were committed past them to keep the consumer group from lagging without bound; a "
           "restart may re-emit those windows with partial results (docs/kafka.md)");
}

std::size_t CheckpointCoordinator::replayUnits() const
{
    std::lock_guard lock(m_mutex);
    return m_closure.unitCount();
}

std::uint64_t CheckpointCoordinator::replayUnitsExpired() const
{
    std::lock_guard lock(m_mutex);
    return m_closure.expired();
}

std::pair<std::int64_t, std::shared_ptr<const SourceHolds>> CheckpointCoordinator::completed() const
{
    std::lock_guard lock(m_mutex);
    return {m_completed.load(), m_completedHolds};
}

} // namespace sw::runtime
