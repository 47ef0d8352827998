#pragma once
// The checkpoint coordinator (Flink's CheckpointCoordinator, without state persistence): it
// triggers checkpoint k every interval; each live source subtask, on its own thread between
// polls, snapshots its read positions and sends barrier k in-band on all its outputs; every other
// subtask aligns the barrier on its inputs, makes what came before it durable (sinks flush),
// reports the commit holds of its state and acknowledges k here. When every participant
// acknowledged k (or finished), k is complete: sources learn it through completedId() on their
// own thread and commit their positions at k, never past a hold reported for k.
//
// At most one periodic checkpoint is pending at a time (a newer one is triggered once it
// completes or times out); triggerNow() (a source ending or stopping) always triggers, and a
// newer barrier subsumes an older one in the alignment (Subtask::onBarrier). abort() (stop,
// cancel, failure) abandons what is pending: nothing completes after it.
//
// Thread-safe. Participants are numbered 0..n-1 (subtasks, chained ones included).
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "exec/SourceHolds.h"

namespace sw::runtime {

class CheckpointCoordinator {
public:
    /// `participants` subtasks must acknowledge each checkpoint; one is triggered every
    /// `intervalMs` once start() ran.
    CheckpointCoordinator(int participants, std::int64_t intervalMs);
    ~CheckpointCoordinator();
    CheckpointCoordinator(const CheckpointCoordinator&) = delete;
    CheckpointCoordinator& operator=(const CheckpointCoordinator&) = delete;

    /// Starts the periodic trigger thread.
    void start();
    /// Abandons pending checkpoints; nothing triggers or completes afterwards. Never blocks on
    /// the pipeline.
    void abort();
    bool aborted() const { return m_aborted.load(std::memory_order_acquire); }

    /// The latest checkpoint triggered (0 = none yet). Sources poll it between polls.
    std::int64_t latestTrigger() const { return m_trigger.load(std::memory_order_acquire); }
    /// Triggers a checkpoint now (a source that ends); returns its id (0 when aborted).
    std::int64_t triggerNow();

    /// Participant `p` passed barrier `id`: everything before it is durable or forwarded, and
    /// `holds` are the positions its state still needs.
    void acknowledge(int p, std::int64_t id, const SourceHolds& holds);
    /// Participant `p` ended (all input processed, endOfInput done, or stopped without drain).
    /// It counts as acknowledging every later checkpoint, with `holds` (what its state still
    /// needs) added to each.
    void finished(int p, const SourceHolds& holds);

    /// The latest completed checkpoint (0 = none). Lock-free: sources check it every loop.
    std::int64_t completedId() const { return m_completed.load(std::memory_order_acquire); }
    /// The holds of the latest completed checkpoint and its id.
    std::pair<std::int64_t, std::shared_ptr<const SourceHolds>> completed() const;

    /// Committing sources that end take a final checkpoint, commit it and then wait here for
    /// each other before they close: a consumer that leaves its group triggers a rebalance, and
    /// the broker refuses the other members' commits while it runs.
    void setCommittingSources(int n) { m_committingSources = n; }
    void finalCommitDone() { m_finalCommits.fetch_add(1); }
    bool allFinalCommitsDone() const { return m_finalCommits.load() >= m_committingSources; }

    // ---- observability ----
    std::uint64_t triggeredCount() const { return m_triggered.load(); }
    std::uint64_t completedCount() const { return m_completions.load(); }

private:
    struct Pending {
        std::vector<bool> acked;
        int remaining = 0;
        SourceHolds holds;
        std::chrono::steady_clock::time_point triggeredAt;
    };
    std::int64_t triggerLocked();
    void checkComplete(std::map<std::int64_t, Pending>::iterator it);
    void loop(std::stop_token st);

    const int m_participants;
    const std::int64_t m_intervalMs;
    mutable std::mutex m_mutex;
    std::condition_variable_any m_cv;
    std::map<std::int64_t, Pending> m_pending;
    std::vector<bool> m_finished;
    SourceHolds m_finishedHolds; // holds of participants that ended without emitting their state
    std::int64_t m_nextId = 1;
    std::shared_ptr<const SourceHolds> m_completedHolds;
    std::atomic<std::int64_t> m_trigger{0};
    std::atomic<std::int64_t> m_completed{0};
    std::atomic<bool> m_aborted{false};
    std::atomic<std::uint64_t> m_triggered{0};
    std::atomic<std::uint64_t> m_completions{0};
    int m_committingSources = 0;
    std::atomic<int> m_finalCommits{0};
    std::jthread m_thread;
};

} // namespace sw::runtime
