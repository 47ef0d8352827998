#pragma once
// Tumbling and hop windows with allowed lateness (Flink's WindowOperator + EventTimeTrigger):
// fire when the watermark reaches end - 1, keep state until end - 1 + lateness, re-fire on
// late-but-allowed records, send records whose windows are all past to errors as `late`.
#include <map>

#include "operators/windows/WindowConfig.h"

namespace sw::runtime {

class TimeWindowOperator : public WindowOperatorBase {
public:
    explicit TimeWindowOperator(WindowConfig c) : WindowOperatorBase(std::move(c)) {}
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void processWatermark(EventTime watermark, Collector& out) override;
    void onProcessingTime(std::int64_t nowMs, Collector& out) override;
    void endOfInput(Collector& out) override;

    /// Windows (with state) currently held; for tests and metrics.
    std::size_t windowCount() const { return m_windows.size(); }

private:
    struct Group {
        std::vector<Acc> accs;
    };
    struct Window {
        EventTime start = 0;
        bool fired = false;
        KeyedMap<Group> groups;
    };
    /// Adds `r` to window `w`; returns false when the window is already past its lateness.
    bool addTo(const TimeWindow& w, const KeyView& key, const Record& r, Collector& out);
    void advance(EventTime time, Collector& out);

    std::map<EventTime, Window> m_windows; // by window end: firing order
    EventTime m_time = kMinWatermark;      // watermark, or processing time
};

} // namespace sw::runtime
