#pragma once
// The checkpoint coordinator (Flink's CheckpointCoordinator; state persistence below): it
// triggers checkpoint k every interval; each live source subtask, on its own thread between
// polls, snapshots its read positions and sends barrier k in-band on all its outputs; every other
// subtask aligns the barrier on its inputs, makes what came before it durable (sinks flush),
// reports the commit holds of its state and acknowledges k here. When every participant
// acknowledged k (or finished), k is complete: sources learn it through completedId() on their
// own thread and commit their positions at k, never past a hold reported for k.
//
// Replay closure (exact windows after a restart without restored state): sources report
// their read positions per (origin, partition) with their acknowledgement, operators the commit
// holds of their state and the replay units they emitted since their last barrier
// (exec/ReplayUnit.h: the Kafka offset ranges of a fired window, of a duplicate and its
// original). On completion of k the coordinator proposes C = min(position at k, hold at k) per
// (origin, partition) and lowers it until no retained unit is split by a replay from C
// (exec/ReplayClosure.h: every unit is replayed entirely or not at all; chains of units are
// followed to a fixpoint; never below the previous result). completed() publishes that closed
// vector; each source commits its entries for its own partitions. Units arrive with any
// acknowledgement (or finished()) and take part from the next completion on, so a checkpoint
// that is abandoned or subsumed loses none; a unit is dropped once the closed vector is past all
// of its ranges. Operators that cannot be made exact this way (hop windows, whose overlapping
// windows share records so that no offset cut avoids splitting one; sessions and interval-join
// results: see their headers) report no units and keep at-least-once with possible partial
// re-emission after a restart.
//
// At most one periodic checkpoint is pending at a time (a newer one is triggered once it
// completes or times out); triggerNow() (a source ending or stopping) always triggers, and a
// newer barrier subsumes an older one in the alignment (Subtask::onBarrier). abort() (stop,
// cancel, failure) abandons what is pending: nothing completes after it.
//
// Persistence (state/CheckpointWriter.h, optional): with a writer, acknowledgements carry each
// subtask's state blobs; when all acknowledged, the checkpoint goes to the writer's background
// thread and completes (completedId(), sources notified) only once it is durably written. A
// failed write or a timeout fails that checkpoint only (counted, a warning); with persistence,
// `tolerable` consecutive failures fail the run (the failure handler). A participant that ended
// contributes its final state to every later checkpoint. Without a writer, completion happens
// as soon as everyone acknowledged (no state is kept).
//
// Thread-safe. Participants are numbered 0..n-1 (subtasks, chained ones included).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "exec/ReplayClosure.h"
#include "exec/ReplayUnit.h"
#include "exec/SourceHolds.h"
#include "metrics/CheckpointStats.h"
#include "state/CheckpointStore.h"

namespace sw::runtime {

/// What a participant reports when it passes a barrier.
struct CheckpointAck {
    SourceHolds holds;             ///< operators: lowest positions still in their state
    SourceHolds positions;         ///< sources: read positions (next offset) at the barrier
    std::vector<ReplayUnit> units; ///< operators: units emitted since their last barrier
    SubtaskSnapshot state;         ///< its state blobs (empty nodeId: nothing to persist)
};

class CheckpointWriter;

class CheckpointCoordinator {
public:
    /// `participants` subtasks must acknowledge each checkpoint; one is triggered every
    /// `intervalMs` once start() ran.
    CheckpointCoordinator(int participants, std::int64_t intervalMs,
                          int replayUnitMaxAge = kReplayUnitMaxAge);
    /// Closes after which a replay unit kept only by a chain is given up (ReplayClosure.h).
    static constexpr int kReplayUnitMaxAge = 60;

    /// Receives warnings (called on the completing thread, under the coordinator's lock: it must
    /// not call back into the coordinator). Set before start().
    void setWarningSink(std::function<void(const std::string&)> sink) { m_warn = std::move(sink); }
    /// Reports every checkpoint's trigger, acknowledgement and outcome to `stats` (outlives this
    /// coordinator; called under the coordinator's lock). Set before start().
    void setStatsTracker(CheckpointStatsTracker* stats) { m_stats = stats; }
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

    /// Participant `p` passed barrier `id`: everything before it is durable or forwarded;
    /// `ack` holds what its state still needs, its read positions (sources) and the replay
    /// units it emitted since its last barrier.
    void acknowledge(int p, std::int64_t id, CheckpointAck ack);
    void acknowledge(int p, std::int64_t id, const SourceHolds& holds)
    {
        acknowledge(p, id, CheckpointAck{holds, {}, {}});
    }
    /// Participant `p` ended (all input processed, endOfInput done, or stopped without drain).
    /// It counts as acknowledging every later checkpoint, with `holds` (what its state still
    /// needs) and its last reported positions added to each; `units` emitted at its end (e.g.
    /// windows fired by the final watermark) join the closure.
    void finished(int p, const SourceHolds& holds, std::vector<ReplayUnit> units = {},
                  SubtaskSnapshot finalState = {});

    /// Persists checkpoints through `writer` (outlives this coordinator's use of it), each with
    /// `nodes` (compatibility fingerprints); `failRun` is called (without locks held) when
    /// `tolerable` checkpoints in a row failed. Set before start().
    void setPersistence(CheckpointWriter* writer, std::vector<NodeStateInfo> nodes, int tolerable,
                        std::function<void(const std::string&)> failRun);
    /// The id of the first checkpoint triggered (after the ones already in the store).
    void setFirstId(std::int64_t id) { m_nextId = id < 1 ? 1 : id; }

    /// The latest completed checkpoint (0 = none). Lock-free: sources check it every loop.
    std::int64_t completedId() const { return m_completed.load(std::memory_order_acquire); }
    /// The latest completed checkpoint's id and its closed commit vector: per (origin,
    /// partition) the offset a source may commit (min(position, hold) lowered by the replay
    /// closure); keys without a reported position carry the hold alone.
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
    /// Checkpoints that failed (write error, timeout) and the current run of failures.
    std::uint64_t failedCount() const { return m_failedCheckpoints.load(); }
    /// Replay closure: lowerings applied over all completions, units retained now, units given
    /// up for liveness (ReplayClosure::expired()).
    std::uint64_t replayLowerings() const { return m_lowerings.load(); }
    std::size_t replayUnits() const;
    std::uint64_t replayUnitsExpired() const;

private:
    struct Pending {
        std::vector<bool> acked;
        int remaining = 0;
        SourceHolds holds;
        SourceHolds positions;
        std::chrono::steady_clock::time_point triggeredAt;
        std::int64_t triggerWallMs = 0;
        std::vector<SubtaskSnapshot> states; // by participant (with persistence)
    };
    std::int64_t triggerLocked();
    void checkComplete(std::map<std::int64_t, Pending>::iterator it);
    /// The closed commit vector of a completing checkpoint (its proposal's keys).
    SourceHolds closeLocked(const Pending& c);
    void warnOfExpiredUnits(std::int64_t id);
    /// Publishes completed checkpoint `id` with its closed commit vector.
    void publishLocked(std::int64_t id, std::shared_ptr<const SourceHolds> closed);
    /// The writer's outcome for `id` (on the writer's thread).
    void onWritten(std::int64_t id, std::shared_ptr<const SourceHolds> closed, const Status& s);
    /// Counts a failed checkpoint; returns the message for failRun when the run must fail.
    std::string failedLocked(std::int64_t id, const std::string& why);
    void loop(std::stop_token st);

    const int m_participants;
    const std::int64_t m_intervalMs;
    mutable std::mutex m_mutex;
    std::condition_variable_any m_cv;
    std::map<std::int64_t, Pending> m_pending;
    std::vector<bool> m_finished;
    SourceHolds m_finishedHolds; // holds of participants that ended without emitting their state
    std::vector<SourceHolds> m_lastPositions; // per participant, its last reported positions
    SourceHolds m_finishedPositions;          // last positions of sources that ended
    ReplayClosure m_closure;
    std::function<void(const std::string&)> m_warn;
    CheckpointStatsTracker* m_stats = nullptr;
    std::uint64_t m_expiredWarned = 0; // expired units already reported
    std::chrono::steady_clock::time_point m_lastExpiryWarning{};
    std::atomic<std::uint64_t> m_lowerings{0};
    std::int64_t m_nextId = 1;
    CheckpointWriter* m_writer = nullptr;
    std::vector<NodeStateInfo> m_nodes;
    std::vector<SubtaskSnapshot> m_finishedStates; // by participant: final state of ended ones
    int m_tolerable = 3;
    int m_consecutiveFailures = 0;
    std::function<void(const std::string&)> m_failRun;
    std::atomic<std::uint64_t> m_failedCheckpoints{0};
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
