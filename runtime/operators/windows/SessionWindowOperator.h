#pragma once
// Session windows per key (Flink's MergingWindowSet + EventTimeTrigger): each record opens
// [ts, ts + gap); sessions that intersect (touching counts) merge, accumulators included.
#include <set>

#include "operators/windows/WindowConfig.h"

namespace sw::runtime {

class SessionWindowOperator : public WindowOperatorBase {
public:
    explicit SessionWindowOperator(WindowConfig c) : WindowOperatorBase(std::move(c)) {}
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void processWatermark(EventTime watermark, Collector& out) override;
    void onProcessingTime(std::int64_t nowMs, Collector& out) override;
    void endOfInput(Collector& out) override;

    std::size_t keyCount() const { return m_keys.size(); }

private:
    struct Session {
        TimeWindow window;
        bool fired = false;
        std::vector<Acc> accs;
    };
    struct KeyState {
        std::vector<Session> sessions; // disjoint (non-intersecting), unordered
        std::set<EventTime> timers;    // registered in m_timers too
    };

    void add(const Record& r, EventTime ts, Collector& out);
    std::size_t absorb(std::vector<Session>& ss, std::size_t target);
    /// Fires/cleans the sessions of one key at `time`; re-registers timers; true if now empty.
    bool processKey(const GroupKey& key, KeyState& st, EventTime time, Collector& out);
    void registerTimer(const GroupKey* key, KeyState& st, EventTime t);
    void advance(EventTime time, Collector& out);

    KeyedMap<KeyState> m_keys;
    std::set<std::pair<EventTime, const GroupKey*>> m_timers;
    EventTime m_time = kMinWatermark;
};

} // namespace sw::runtime
