#pragma once
// What the canvas shows over a running pipeline, as plain values computed from a MetricsSample
// and the PipelineSpec: per edge a rate and a backpressure colour, per node records/s, errors,
// Kafka lag, a hover text with the watermark per input and, for window nodes, the answer to
// "why has no window fired?". No Qt: every text is built by a plain function and unit-tested.
//
// Painting (CanvasOverlay) reads only this model; a canvas that wants to draw the values itself
// reads OverlayModel::node()/edge() in its paint() and calls update() on overlayChanged.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "metrics/MetricsRates.h"
#include "model/PipelineSpec.h"

namespace sw::app {

/// Edge colour by queue fill: green below 60 %, yellow up to 85 %, red above.
enum class BackpressureLevel { Green, Yellow, Red };
BackpressureLevel backpressureLevel(double fill);

struct EdgeOverlay {
    runtime::EdgeSpec edge;
    double recordsPerSec = 0;
    double fill = 0; ///< 0..1
    BackpressureLevel level = BackpressureLevel::Green;
    std::string label; ///< "1.2K/s" or "1.2K/s · 72 %" when the queue is filling
};

struct NodeOverlay {
    std::string nodeId;
    double inPerSec = 0;
    double outPerSec = 0;
    std::uint64_t errors = 0;
    std::uint64_t late = 0;
    std::optional<std::int64_t> kafkaLag; ///< total consumer lag (Kafka sources, when reported)
    std::string badge;             ///< one line under the node: "2.0K/s · 3 errors · lag 120"
    std::string tooltip;           ///< multi-line: watermark per input (+ window explanation)
    std::string windowExplanation; ///< window nodes only
};

struct OverlayModel {
    std::vector<NodeOverlay> nodes;
    std::vector<EdgeOverlay> edges;
    std::int64_t takenAtMs = 0;

    const NodeOverlay* node(const std::string& id) const;
    const EdgeOverlay* edge(const runtime::EdgeSpec& e) const;
    bool empty() const { return nodes.empty() && edges.empty(); }
};

/// Builds the overlay of `pipeline` from one tick of metrics.
OverlayModel buildOverlay(const runtime::PipelineSpec& pipeline, const widgets::MetricsSample& s);

/// "0/s", "950/s", "12.3K/s", "4.5M/s".
std::string formatRate(double perSec);
/// "950", "12.3K", "4.5M".
std::string formatCount(double n);
/// "2024-01-01 00:05:03.000", "none yet" (INT64_MIN) or "end of input" (INT64_MAX).
std::string formatWatermark(std::int64_t wm);
/// "350 ms", "4.2 s", "3 min 20 s", "2 h 5 min", "3 d 4 h".
std::string formatLag(std::int64_t ms);

/// Multi-line text: the watermark arriving on each input of `nodeId` (the watermark of the node
/// feeding it), and the node's own combined watermark. For sources: the output watermark.
std::string watermarkPerInputText(const runtime::PipelineSpec& pipeline,
                                  const widgets::MetricsSample& s, const std::string& nodeId);

/// For window nodes (tumbling/hop/session/global): why no (or no further) window has fired:
/// watermark per input, quiet/idle inputs, open windows and the next window end, late counts.
/// Empty for other node types.
std::string explainWindow(const runtime::PipelineSpec& pipeline, const widgets::MetricsSample& s,
                          const std::string& nodeId);

/// The end of the next event-time window that will fire for a tumbling (size, offset) or hop
/// (slide) window once the watermark is `wm`: the smallest window end e with e - 1 > wm.
std::int64_t nextWindowEnd(std::int64_t wm, std::int64_t step, std::int64_t offset);

} // namespace sw::app
