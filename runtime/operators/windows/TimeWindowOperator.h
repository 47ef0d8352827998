#pragma once
// Tumbling and hop windows with allowed lateness (Flink's WindowOperator + EventTimeTrigger):
// fire when the watermark reaches end - 1, keep state until end - 1 + lateness, re-fire on
// late-but-allowed records, send records whose windows are all past to errors as `late`.
//
// State layout (hot path without allocation): keys are interned once per operator
// (KeyDictionary); each window holds a flat index key id -> slot and one contiguous array of
// accumulators (slot * aggregates).
#include <map>

#include "operators/windows/KeyDictionary.h"
#include "operators/windows/WindowConfig.h"

namespace sw::runtime {

class StateInput;

class TimeWindowOperator : public WindowOperatorBase {
public:
    explicit TimeWindowOperator(WindowConfig c) : WindowOperatorBase(std::move(c)) {}
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    /// Windows in state (open, or fired and within the allowed lateness) hold the lowest Kafka
    /// position of their records.
    void collectHolds(SourceHolds& holds) const override;

    /// Event-time tumbling windows report one replay unit per window when it leaves state
    /// (fired, lateness over): the offset ranges of all its records, all keys together. Hop
    /// windows report none: overlapping windows share records, so every offset cut splits one
    /// of them and a closure over them would never let the commit move (a restart may
    /// re-emit a partial hop window, as before).
    void collectReplayUnits(std::vector<ReplayUnit>& units) override;

    /// State (state/KeyedState.h, per key group: restorable at any parallelism): every window
    /// in state (start, end, fired, per key its accumulators in slot order), the operator's
    /// time (watermark or processing time) and arrival sequence (meta: the maximum over the old
    /// subtasks). Restored windows hold no Kafka positions and report no replay unit
    /// (their records are behind the restored source positions); processing-time windows
    /// re-register their timers.
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;

    /// Windows (with state) currently held; for tests and metrics.
    std::size_t windowCount() const { return m_windows.size(); }

private:
    struct Window {
        EventTime start = 0;
        bool fired = false;
        FlatIndex index;                   // key id -> slot
        std::vector<std::uint32_t> keyIds; // slot -> key id
        std::vector<Acc> accs;             // slot * aggregates
        ReplayUnit records;                // Kafka offset ranges of its records
    };
    /// Adds `r` to window `w`; returns false when the window is already past its lateness.
    bool addTo(const TimeWindow& w, std::uint32_t keyId, const Record& r, Collector& out);
    Window& windowFor(const TimeWindow& w);
    void emitWindow(const TimeWindow& w, const Window& win, Collector& out);
    void purge(std::map<EventTime, Window>::iterator it);
    void advance(EventTime time, Collector& out) override;
    /// One window's item of a snapshot (its start, end, fired and keys with accumulators).
    /// A window being restored from key-group sections (each key with its old slot).
    struct Restoring {
        int owner = -1;      ///< the old subtask whose keys were placed at their slots
        bool direct = false; ///< keys placed at their old slots (holes between)
        std::vector<std::uint32_t> oldSlots; ///< appended: the old slot of each position
    };
    static constexpr std::uint32_t kHole = 0xffffffffu;
    /// One window item of old subtask `old` (-1: a checkpoint before key groups, no slots).
    void restoreWindow(StateInput& in, int old);
    /// Reads a key's values and interns it.
    std::uint32_t readRestoredKey(StateInput& in);
    /// Removes the holes of a directly placed window (recording the old slots when asked).
    void compact(Window& win, std::vector<std::uint32_t>* oldSlots);
    void toAppendMode(Window& win, Restoring& rs);
    void permuteToSlotOrder(Window& win, const std::vector<std::uint32_t>& oldSlots);
    /// After restoring: every window's keys in the order of their old slots, then indexed.
    void finishRestoredWindows();

    std::map<EventTime, Window> m_windows; // by window end: firing order
    KeyDictionary m_dict;
    static constexpr std::size_t kMaxUnits = 1024;
    std::vector<ReplayUnit> m_units;     // of windows that left state since the last barrier
    EventTime m_time = kMinWatermark;    // watermark, or processing time
    EventTime m_lastEnd = kMinWatermark; // one-entry cache of the last window looked up
    Window* m_last = nullptr;
    Row m_keyValues;                                         // restore: one key's values, reused
    std::vector<int> m_keyCols;                              // restore: 0..k-1
    std::map<EventTime, Restoring> m_restoring;              // restore: windows in progress
    std::vector<std::map<EventTime, std::size_t>> m_oldKeys; // restore: keys per old window
};

} // namespace sw::runtime
