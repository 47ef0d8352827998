#pragma once
// Global windows: one window per key for all time, emitting the updated aggregate (an updating
// stream, never purged) on a count trigger (every N records of the key, like Flink's
// GlobalWindows + CountTrigger) or a processing-time trigger (every interval, aligned to
// multiples of it, like ContinuousProcessingTimeTrigger; only keys that changed since their last
// firing are emitted). As in Flink, nothing fires at the end of input.
#include "operators/windows/WindowConfig.h"

namespace sw::runtime {

class GlobalWindowOperator : public WindowOperatorBase {
public:
    explicit GlobalWindowOperator(WindowConfig c) : WindowOperatorBase(std::move(c)) {}
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void onProcessingTime(std::int64_t nowMs, Collector& out) override;

private:
    struct KeyState {
        std::vector<Acc> accs;
        std::int64_t sinceFire = 0;
        bool dirty = false;
    };
    KeyedMap<KeyState> m_keys;
    bool m_timerSet = false;
};

} // namespace sw::runtime
