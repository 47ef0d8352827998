#pragma once
// Rates derived from two consecutive MetricsSnapshots (counters are cumulative; a rate is the
// difference over the time between the snapshots). Plain C++: the metrics dock, the canvas
// overlay and the status bar all read the same numbers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "metrics/MetricsSnapshot.h"

namespace sw::widgets {

struct NodeRates {
    std::string nodeId;
    double inPerSec = 0;
    double outPerSec = 0;
    double errorsPerSec = 0;
    /// Share of the node's subtasks' time spent processing (0..1 per subtask, averaged).
    double busy = 0;
};

struct EdgeRates {
    runtime::EdgeSpec edge;
    double recordsPerSec = 0;
    double fill = 0;         ///< queue fill 0..1 now
    double blockedShare = 0; ///< share of the interval producers spent blocked (0..1, summed)
};

/// Kafka consumer lag of one partition read by a source node. Not part of MetricsSnapshot: the
/// run controller reads it from the Kafka sources' lag registry at each tick.
struct PartitionLag {
    std::string nodeId;
    std::string topic;
    int partition = 0;
    std::int64_t lag = 0;
};

struct MetricsRates {
    std::vector<NodeRates> nodes; ///< same order as the snapshot's nodes
    std::vector<EdgeRates> edges; ///< same order as the snapshot's edges
    double intervalSec = 0;       ///< time between the two snapshots (0 for the first)

    const NodeRates* node(const std::string& id) const;
    const EdgeRates* edge(const runtime::EdgeSpec& e) const;
};

/// One tick's worth of metrics for the views.
struct MetricsSample {
    runtime::MetricsSnapshot snapshot;
    MetricsRates rates;
    std::vector<PartitionLag> partitionLag;
    /// True when the engine reports consumer lag (then an empty list means "no lag data").
    bool lagReported = false;
};

/// Turns a stream of snapshots into rates. The first snapshot of a run is rated over its uptime.
class RateTracker {
public:
    void reset() { m_prev.reset(); }
    MetricsRates update(const runtime::MetricsSnapshot& s);

private:
    std::optional<runtime::MetricsSnapshot> m_prev;
};

/// How watermark lag is measured for a set of nodes (see watermarkLagMode()).
enum class WatermarkLagMode {
    ProcessingTime, ///< wall clock minus watermark (live data)
    EventTime,      ///< newest event time seen minus watermark (historical/synthetic timestamps)
};

/// Processing-time lag is meaningful only when event times are close to the wall clock; for
/// replayed or synthetic data (e.g. generators starting in 2024) it would be a constant of
/// months. Returns ProcessingTime when every known watermark is within a day of `nowMs`.
WatermarkLagMode watermarkLagMode(const runtime::MetricsSnapshot& s);
/// The lag of `n` in ms under `mode`, or nullopt when the node has no watermark yet (or its
/// input ended: the watermark is +infinity).
std::optional<double> watermarkLagMs(const runtime::NodeMetrics& n, std::int64_t nowMs,
                                     WatermarkLagMode mode);

} // namespace sw::widgets
