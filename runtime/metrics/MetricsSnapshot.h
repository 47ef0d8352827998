#pragma once
// A point-in-time copy of the engine's live counters: a plain value the GUI and CLI read
// (4-10 Hz) without stalling the pipeline. Rates = difference of two snapshots / their time gap.
#include <cstdint>
#include <string>
#include <vector>

#include "metrics/CheckpointStats.h"
#include "metrics/SplitMetrics.h"
#include "model/PipelineSpec.h"

namespace sw::runtime {

enum class EngineState : std::uint8_t {
    Idle,
    Running,
    Paused,
    Stopping,
    Finished,
    Stopped,
    Failed
};
std::string_view toString(EngineState s);

struct NodeMetrics {
    std::string nodeId;
    int parallelism = 1;
    std::uint64_t recordsIn = 0;
    std::uint64_t recordsOut = 0; ///< on data ports
    std::uint64_t errors = 0;     ///< records sent to the errors port (all classes)
    std::uint64_t late = 0;       ///< late records (subset of errors)
    std::uint64_t dropped = 0;    ///< dedup duplicates
    std::uint64_t filtered = 0;   ///< records a filter rejected
    std::uint64_t busyNs = 0;     ///< processing time summed over subtasks
    /// Source loop turns that did not poll because the run is paused (sum over subtasks): each
    /// one is a moment the source observed the pause.
    std::uint64_t pausedTurns = 0;
    /// Minimum watermark over subtasks (INT64_MIN = none yet).
    std::int64_t watermark = INT64_MIN;
    /// Largest event time seen (INT64_MIN = none yet).
    std::int64_t maxEventTime = INT64_MIN;
    /// Event-time lag: maxEventTime - watermark, in ms (0 when unknown).
    std::int64_t eventTimeLagMs = 0;
};

struct EdgeMetrics {
    EdgeSpec edge;
    std::uint64_t records = 0;         ///< records carried
    std::uint64_t batches = 0;         ///< batches carried
    std::uint64_t queuedBatches = 0;   ///< batches waiting now, over all physical channels
    std::uint64_t capacityBatches = 0; ///< total capacity of the physical channels
    double fill = 0;                   ///< queuedBatches / capacityBatches, 0..1
    std::uint64_t blockedNs = 0;       ///< producers' time blocked on full channels (backpressure)
    /// Producers waiting on a full channel right now (Flink's isBackPressured, per channel).
    /// blockedNs grows only when a wait ends; this shows a wait that is still going on.
    std::uint64_t blockedProducers = 0;
};

struct MetricsSnapshot {
    EngineState state = EngineState::Idle;
    std::int64_t takenAtMs = 0;     ///< wall clock (ms since epoch)
    std::int64_t uptimeMs = 0;      ///< since start()
    std::vector<NodeMetrics> nodes; ///< in topological order
    std::vector<EdgeMetrics> edges; ///< in pipeline edge order
    /// Source splits (Kafka partitions) with their positions and lag, by node then subtask.
    std::vector<SplitMetrics> splits;
    /// Checkpoints of the run: counts, history, restarts, what was restored.
    CheckpointStats checkpoints;

    const NodeMetrics* node(const std::string& id) const
    {
        for (const auto& n : nodes)
            if (n.nodeId == id) return &n;
        return nullptr;
    }
};

} // namespace sw::runtime
