#pragma once
// Session windows per key (Flink's MergingWindowSet + EventTimeTrigger): each record opens
// [ts, ts + gap); sessions that intersect (touching counts) merge, accumulators included.
#include <set>

#include "operators/windows/KeyTable.h"
#include "operators/windows/WindowConfig.h"

namespace sw::runtime {

class StateInput;

class SessionWindowOperator : public WindowOperatorBase {
public:
    explicit SessionWindowOperator(WindowConfig c) : WindowOperatorBase(std::move(c)) {}
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    /// Sessions in state (open, or fired and within the allowed lateness) hold the lowest Kafka
    /// position of their records; merging sessions merges their holds.
    /// No replay units (exec/ReplayUnit.h): sessions of different keys overlap in offsets almost
    /// always (an open session of one key starts before a fired one of another key ends), so a
    /// closure over them would rarely leave the commit a cut to move to. After a restart a
    /// fired session may be re-emitted partially (at-least-once, as before).
    void collectHolds(SourceHolds& holds) const override;

    /// State (state/KeyedState.h, per key group: restorable at any parallelism): per key its
    /// sessions (window, fired, accumulators) and pending timers; the operator's time and
    /// arrival sequence (meta: the maximum over the old subtasks). Restored keys get new key-table
    /// ids (timers due at the same time may fire in another key order than without the
    /// restart). Restored sessions hold no Kafka positions.
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;

    std::size_t keyCount() const { return m_keys.size(); }

private:
    struct Session {
        TimeWindow window;
        bool fired = false;
        std::vector<Acc> accs;
        SourceHolds holds; // lowest Kafka positions of its records
    };
    struct KeyState {
        std::vector<Session> sessions; // disjoint (non-intersecting), unordered
        /// Pending timers, registered in m_timers too. Strictly decreasing: a timer is only added
        /// below all pending ones (lazy timers), and the earliest (back) is the one that fires.
        std::vector<EventTime> timers;
    };
    using KeyId = KeyTable<KeyState>::Id;

    void add(const Record& r, EventTime ts, Collector& out);
    std::size_t absorb(std::vector<Session>& ss, std::size_t target);
    /// Fires/cleans the sessions of one key at `time`; re-registers timers; true if now empty.
    bool processKey(KeyId id, KeyState& st, EventTime time, Collector& out);
    void registerTimer(KeyId id, KeyState& st, EventTime t);
    /// Restore: one key's sessions and timers (after its key).
    void restoreKey(StateInput& in, KeyId id);
    /// Restore of a checkpoint written before key groups (one blob per subtask, key ids kept).
    void restoreLegacy(const StateReader& r);
    void advance(EventTime time, Collector& out) override;

    KeyTable<KeyState> m_keys;
    std::set<std::pair<EventTime, KeyId>> m_timers; // (time, key): every key's pending timers
    EventTime m_time = kMinWatermark;
};

} // namespace sw::runtime
