#pragma once
// Runtime services an operator reaches from open(): identity, schemas, processing-time timers,
// the stop token and its metric counters. Owned by the subtask; valid until close() returns.
#include <chrono>
#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

#include "metrics/NodeMetrics.h"
#include "metrics/SplitMetrics.h"
#include "time/Clock.h"
#include "time/EventTime.h"
#include "time/TimerQueue.h"
#include "types/Schema.h"

namespace sw::runtime {

class OperatorContext {
public:
    OperatorContext(std::string nodeId, int subtask, int parallelism, std::vector<Schema> inputs,
                    std::vector<Schema> outputs, SubtaskCounters& counters)
        : m_nodeId(std::move(nodeId)), m_subtask(subtask), m_parallelism(parallelism),
          m_inputs(std::move(inputs)), m_outputs(std::move(outputs)), m_counters(&counters)
    {
    }

    const std::string& nodeId() const { return m_nodeId; }
    int subtask() const { return m_subtask; }
    int parallelism() const { return m_parallelism; }
    const std::vector<Schema>& inputSchemas() const { return m_inputs; }
    const std::vector<Schema>& outputSchemas() const { return m_outputs; }

    /// Processing time in ms since the epoch: the run's clock (time/Clock.h; the system clock
    /// unless the run is virtual-time, e.g. a replay). Every processing-time decision (timers,
    /// processing-time windows and triggers, TTLs, idleness, pacing) reads this, never the wall
    /// clock, so a replay decides the same.
    std::int64_t processingTimeMs() const { return m_clock->nowMs(); }
    const Clock& clock() const { return *m_clock; }
    /// Engine side: the clock of this subtask (must outlive the context).
    void setClock(const Clock* c) { m_clock = c ? c : &SystemClock::instance(); }
    /// Asks for Operator::onProcessingTime(t) once processing time reaches `timeMs`. Timers at
    /// the same time coalesce; they fire on the subtask thread, between batches.
    void registerProcessingTimer(std::int64_t timeMs) { m_timers.add(timeMs); }
    TimerQueue& processingTimers() { return m_timers; }
    const TimerQueue& processingTimers() const { return m_timers; }

    /// The combined input watermark the operator has seen (kMinWatermark before any).
    EventTime currentWatermark() const { return m_watermark; }
    void setCurrentWatermark(EventTime w) { m_watermark = w; }

    /// Requested when the pipeline is cancelled: an operator that waits (a throttled sink, a
    /// connector retry loop) must wait on this token and return promptly when it is requested.
    std::stop_token stopToken() const { return m_stop; }
    void setStopToken(std::stop_token t) { m_stop = std::move(t); }

    /// This subtask's counters (in/out/errors are counted by the engine; operators add
    /// late records and dedup drops here).
    SubtaskCounters& counters() { return *m_counters; }

    /// Sources with splits (Kafka partitions): replaces this subtask's published split metrics
    /// (positions, lag), which Engine::snapshot reports in MetricsSnapshot::splits. Any thread
    /// of the operator's (a monitor thread joined by close()), at most a few times a second.
    /// Without a slot (tests driving operators directly) nothing is published.
    void publishSplits(std::vector<SplitMetrics> splits)
    {
        if (!m_splits) return;
        for (SplitMetrics& s : splits) {
            s.nodeId = m_nodeId;
            s.subtask = m_subtask;
        }
        m_splits->publish(std::move(splits));
    }
    void setSplitSlot(SplitSlot* slot) { m_splits = slot; }

    /// Reports a warning about this node to the run (an EngineEvent of kind Warning: the CLI
    /// prints it, the designer lists it). Call from the operator's own thread; the text must
    /// already be free of secrets. Without a handler (tests driving operators directly) it is
    /// dropped.
    void warn(const std::string& message) const
    {
        if (m_warn) m_warn(message);
    }
    void setWarnHandler(std::function<void(const std::string&)> h) { m_warn = std::move(h); }

    /// Directory for relative file paths ("" = current directory).
    const std::string& dataDirectory() const { return m_dataDir; }
    void setDataDirectory(std::string d) { m_dataDir = std::move(d); }

private:
    std::string m_nodeId;
    int m_subtask = 0;
    int m_parallelism = 1;
    std::vector<Schema> m_inputs;
    std::vector<Schema> m_outputs;
    SubtaskCounters* m_counters;
    TimerQueue m_timers;
    EventTime m_watermark = kMinWatermark;
    std::stop_token m_stop;
    std::string m_dataDir;
    std::function<void(const std::string&)> m_warn;
    SplitSlot* m_splits = nullptr;
    const Clock* m_clock = &SystemClock::instance();
};

} // namespace sw::runtime
