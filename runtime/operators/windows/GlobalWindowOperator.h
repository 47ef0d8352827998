#pragma once
// Global windows: one window per key for all time, emitting the updated aggregate (an updating
// stream, never purged: +I for a key's first firing, then -U of the previous result and +U of
// the new one, nothing when the result did not change, as Flink's GroupAggFunction) on a count
// trigger (every N records of the key, like Flink's GlobalWindows + CountTrigger) or a
// processing-time trigger (every interval, aligned to multiples of it, like
// ContinuousProcessingTimeTrigger; only keys that changed since their last firing are emitted). As
// in Flink, nothing fires at the end of input.
//
// Commit hold: the state is cumulative and kept forever, and it is not persisted, so the only way
// a restart can rebuild it is to replay every record it absorbed: the operator holds the first
// Kafka position it absorbed per (source, partition) for good. A Kafka pipeline with a global
// window therefore never commits past its first record (replay after a restart re-emits the
// cumulative results, the last value per key is exact); that changes with state persistence.
#include "operators/windows/WindowConfig.h"

namespace sw::runtime {

class StateInput;

class GlobalWindowOperator : public WindowOperatorBase {
public:
    explicit GlobalWindowOperator(WindowConfig c) : WindowOperatorBase(std::move(c)) {}
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void onProcessingTime(std::int64_t nowMs, Collector& out) override;
    void collectHolds(SourceHolds& holds) const override { holds.merge(m_holds); }
    /// State: per key its accumulators, records since the last count firing and whether it
    /// changed since the last processing-time firing; the arrival sequence. After a restore
    /// the state no longer needs the first positions held (they are behind the restored source
    /// positions), so a restored operator holds nothing for them.
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;

private:
    struct KeyState {
        std::vector<Acc> accs;
        std::int64_t sinceFire = 0;
        bool dirty = false;
        Row emitted; ///< the result last emitted (empty before the first firing)
    };
    void fire(const GroupKey& key, KeyState& st, EventTime ts, Collector& out);
    /// Restore: one key's item; true when the key changed since its last firing.
    bool restoreKey(StateInput& in);
    Row m_row;
    KeyedMap<KeyState> m_keys;
    SourceHolds m_holds; // first Kafka positions absorbed, kept for good
    bool m_timerSet = false;
};

} // namespace sw::runtime
