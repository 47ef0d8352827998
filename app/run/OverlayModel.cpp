#include "run/OverlayModel.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <map>

#include "catalog/Catalog.h"
#include "catalog/PropertyAccess.h"
#include "types/Duration.h"
#include "types/Value.h"

namespace sw::app {

using runtime::MetricsSnapshot;
using runtime::NodeMetrics;
using runtime::NodeSpec;
using runtime::PipelineSpec;

BackpressureLevel backpressureLevel(double fill)
{
    if (fill < 0.60) return BackpressureLevel::Green;
    if (fill <= 0.85) return BackpressureLevel::Yellow;
    return BackpressureLevel::Red;
}

const NodeOverlay* OverlayModel::node(const std::string& id) const
{
    for (const NodeOverlay& n : nodes)
        if (n.nodeId == id) return &n;
    return nullptr;
}

const EdgeOverlay* OverlayModel::edge(const runtime::EdgeSpec& e) const
{
    for (const EdgeOverlay& x : edges)
        if (x.edge == e) return &x;
    return nullptr;
}

namespace {

std::string printf1(const char* fmt, double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}

bool knownWatermark(std::int64_t wm)
{
    return wm != INT64_MIN && wm != INT64_MAX;
}

std::string labelOf(const PipelineSpec& p, const std::string& id)
{
    const NodeSpec* n = p.findNode(id);
    return n && !n->label.empty() ? n->label : id;
}

} // namespace

std::string formatCount(double n)
{
    const double a = std::fabs(n);
    if (a < 1000) return printf1("%.0f", n);
    if (a < 1e6) return printf1(a < 1e4 ? "%.1fK" : "%.0fK", n / 1e3);
    if (a < 1e9) return printf1(a < 1e7 ? "%.1fM" : "%.0fM", n / 1e6);
    return printf1("%.1fG", n / 1e9);
}

std::string formatRate(double perSec)
{
    return formatCount(perSec) + "/s";
}

std::string formatWatermark(std::int64_t wm)
{
    if (wm == INT64_MIN) return "none yet";
    if (wm == INT64_MAX) return "end of input";
    return runtime::formatTimestamp(wm);
}

std::string formatLag(std::int64_t ms)
{
    if (ms < 0) ms = 0;
    if (ms < 1000) return std::to_string(ms) + " ms";
    if (ms < 60'000) return printf1("%.1f s", double(ms) / 1000.0);
    const std::int64_t s = ms / 1000;
    if (s < 3600) return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
    if (s < 86400)
        return std::to_string(s / 3600) + " h " + std::to_string((s % 3600) / 60) + " min";
    return std::to_string(s / 86400) + " d " + std::to_string((s % 86400) / 3600) + " h";
}

std::int64_t nextWindowEnd(std::int64_t wm, std::int64_t step, std::int64_t offset)
{
    if (step <= 0) return INT64_MAX;
    const std::int64_t base = wm + 2; // smallest e with e - 1 > wm
    std::int64_t r = (base - offset) % step;
    if (r < 0) r += step;
    return r == 0 ? base : base + (step - r);
}

namespace {

/// "  in ← Dedup: 2024-01-01 00:04:58.999" lines, one per edge into each input port.
void appendInputWatermarks(std::string& out, const PipelineSpec& p, const widgets::MetricsSample& s,
                           const NodeSpec& node, const runtime::NodeType* type)
{
    std::vector<std::string> ports;
    if (type)
        for (const auto& in : type->inputs)
            ports.push_back(in.name);
    for (const std::string& port : ports) {
        auto edges = p.edgesInto(node.id, port);
        if (edges.empty()) out += "  " + port + ": not connected\n";
        for (const runtime::EdgeSpec* e : edges) {
            const NodeMetrics* up = s.snapshot.node(e->from.node);
            std::string line = "  " + port + " ← " + labelOf(p, e->from.node) + ": ";
            line += up ? formatWatermark(up->watermark) : "no metrics";
            if (up && knownWatermark(up->watermark) && knownWatermark(up->maxEventTime))
                line += " (" + formatLag(up->maxEventTime - up->watermark) +
                        " behind its newest event)";
            out += line + "\n";
        }
    }
}

} // namespace

std::string watermarkPerInputText(const PipelineSpec& p, const widgets::MetricsSample& s,
                                  const std::string& nodeId)
{
    const NodeSpec* node = p.findNode(nodeId);
    if (!node) return {};
    const runtime::NodeType* type = runtime::Catalog::instance().find(node->type);
    const NodeMetrics* m = s.snapshot.node(nodeId);
    std::string out;
    if (type && type->isSource()) {
        out +=
            "Output watermark: " + (m ? formatWatermark(m->watermark) : std::string("no metrics")) +
            "\n";
        if (m && knownWatermark(m->maxEventTime))
            out += "Newest event time: " + formatWatermark(m->maxEventTime) + "\n";
        return out;
    }
    out += "Watermark per input:\n";
    appendInputWatermarks(out, p, s, *node, type);
    out +=
        "Combined watermark: " + (m ? formatWatermark(m->watermark) : std::string("no metrics")) +
        "\n";
    return out;
}

namespace {

using runtime::WindowKind;

WindowKind windowOf(const NodeSpec& n)
{
    const runtime::NodeType* t = runtime::nodeTypeOf(n);
    return t ? t->window : WindowKind::None;
}

std::string windowKind(const NodeSpec& n)
{
    switch (windowOf(n)) {
    case WindowKind::Tumbling:
        return "tumbling " + runtime::formatDuration(durationProperty(n, "size"));
    case WindowKind::Hop:
        return "hop " + runtime::formatDuration(durationProperty(n, "size")) + " every " +
               runtime::formatDuration(durationProperty(n, "slide"));
    case WindowKind::Session:
        return "session, gap " + runtime::formatDuration(durationProperty(n, "gap"));
    case WindowKind::Global:
    case WindowKind::None:
        break;
    }
    return "global";
}

/// Inputs whose upstream produced nothing in the last interval.
std::vector<std::string> quietInputs(const PipelineSpec& p, const widgets::MetricsSample& s,
                                     const NodeSpec& node)
{
    std::vector<std::string> quiet;
    if (s.rates.intervalSec <= 0) return quiet;
    for (const runtime::EdgeSpec* e : p.edgesInto(node.id)) {
        const widgets::EdgeRates* r = s.rates.edge(*e);
        if (r && r->recordsPerSec <= 0)
            quiet.push_back(e->to.port + " ← " + labelOf(p, e->from.node));
    }
    return quiet;
}

void explainEventTimeWindow(std::string& out, const NodeSpec& n, const NodeMetrics& m)
{
    const std::int64_t wm = m.watermark;
    if (wm == INT64_MAX) {
        out += "All inputs ended: the final watermark fired every window.\n";
        return;
    }
    if (wm == INT64_MIN) {
        out += "No watermark has reached this node yet. Event-time windows fire only when the "
               "watermark passes their end - 1. Check that the source has an event-time column "
               "and a watermark strategy, and that every input receives records (an input "
               "without records holds the combined watermark back unless it is marked idle).\n";
        return;
    }
    std::int64_t step = 0;
    std::int64_t offset = 0;
    const WindowKind kind = windowOf(n);
    if (kind == WindowKind::Tumbling) {
        step = durationProperty(n, "size");
        offset = durationProperty(n, "offset");
    } else if (kind == WindowKind::Hop) {
        step = durationProperty(n, "slide");
    }
    if (step > 0) {
        const std::int64_t end = nextWindowEnd(wm, step, offset);
        out += "Next window end: " + formatWatermark(end) + " (fires when the watermark reaches " +
               formatWatermark(end - 1) + ", " + formatLag(end - 1 - wm) +
               " of event time to go).\n";
        if (knownWatermark(m.maxEventTime) && m.maxEventTime >= end) {
            const std::int64_t open = (m.maxEventTime - end) / step + 1;
            const std::int64_t perRecord =
                kind == WindowKind::Hop
                    ? std::max<std::int64_t>(1, durationProperty(n, "size") / step)
                    : 1;
            out += "Open windows: about " + std::to_string(open + perRecord - 1) +
                   " per key (event times up to " + formatWatermark(m.maxEventTime) +
                   " are buffered; estimated from the watermark and the newest event).\n";
        } else {
            out += "Open windows: the window ending " + formatWatermark(end) +
                   " per key that received records (estimated).\n";
        }
    } else if (kind == WindowKind::Session) {
        const std::int64_t gap = durationProperty(n, "gap");
        out += "A session closes when the watermark passes its last event + gap (" +
               runtime::formatDuration(gap) + ").\n";
        if (knownWatermark(m.maxEventTime))
            out += "The newest session can close when the watermark reaches " +
                   formatWatermark(m.maxEventTime + gap - 1) + ".\n";
    }
}

} // namespace

std::string explainWindow(const PipelineSpec& p, const widgets::MetricsSample& s,
                          const std::string& nodeId)
{
    const NodeSpec* n = p.findNode(nodeId);
    if (!n || windowOf(*n) == WindowKind::None) return {};
    const NodeMetrics* m = s.snapshot.node(nodeId);
    if (!m) return {};
    const bool eventTime = propertyValue(*n, "time") != "processing-time";
    std::string out = m->recordsOut == 0 ? "Why has no window fired?\n"
                                         : "Windows fired: " + formatCount(double(m->recordsOut)) +
                                               " results so far.\n";
    out += "Window: " + windowKind(*n) + (eventTime ? ", event time" : ", processing time") + "\n";
    out += watermarkPerInputText(p, s, nodeId);
    if (windowOf(*n) == WindowKind::Global) {
        const bool count = propertyValue(*n, "trigger") != "processing-time";
        out += count ? "Global windows fire every " + propertyValue(*n, "trigger_count").dump() +
                           " records per key (count trigger); no watermark is needed.\n"
                     : "Global windows fire every " +
                           runtime::formatDuration(durationProperty(*n, "trigger_interval")) +
                           " of processing time.\n";
    } else if (!eventTime) {
        out += "Processing-time windows fire on the wall clock at each window end, whatever "
               "the watermark.\n";
    } else {
        explainEventTimeWindow(out, *n, *m);
    }
    const auto quiet = quietInputs(p, s, *n);
    for (const std::string& q : quiet)
        out += "Quiet input: " + q +
               " (0 records/s in the last interval; the engine does not "
               "report idleness per input).\n";
    out += "Late records: " + formatCount(double(m->late)) + " (allowed lateness " +
           runtime::formatDuration(durationProperty(*n, "allowed_lateness")) +
           "; late records go to the errors output).\n";
    return out;
}

namespace {

std::string nodeBadge(const NodeOverlay& o, const runtime::NodeType* t)
{
    std::string b;
    const bool source = t && t->isSource();
    const bool sink = t && t->outputs.empty();
    if (source)
        b = formatRate(o.outPerSec);
    else if (sink)
        b = formatRate(o.inPerSec);
    else
        b = formatRate(o.inPerSec) + " → " + formatRate(o.outPerSec);
    if (o.errors > 0)
        b += " · " + formatCount(double(o.errors)) + (o.errors == 1 ? " error" : " errors");
    if (o.kafkaLag) b += " · lag " + formatCount(double(*o.kafkaLag));
    return b;
}

} // namespace

OverlayModel buildOverlay(const PipelineSpec& p, const widgets::MetricsSample& s)
{
    OverlayModel m;
    m.takenAtMs = s.snapshot.takenAtMs;
    std::map<std::string, std::int64_t> lag;
    for (const widgets::PartitionLag& l : s.partitionLag)
        lag[l.nodeId] += l.lag;
    for (const NodeSpec& n : p.nodes) {
        NodeOverlay o;
        o.nodeId = n.id;
        if (const widgets::NodeRates* r = s.rates.node(n.id)) {
            o.inPerSec = r->inPerSec;
            o.outPerSec = r->outPerSec;
        }
        if (const NodeMetrics* nm = s.snapshot.node(n.id)) {
            o.errors = nm->errors;
            o.late = nm->late;
        }
        if (auto it = lag.find(n.id); it != lag.end()) o.kafkaLag = it->second;
        const runtime::NodeType* t = runtime::Catalog::instance().find(n.type);
        o.badge = nodeBadge(o, t);
        o.windowExplanation = explainWindow(p, s, n.id);
        o.tooltip =
            o.windowExplanation.empty() ? watermarkPerInputText(p, s, n.id) : o.windowExplanation;
        m.nodes.push_back(std::move(o));
    }
    for (const runtime::EdgeSpec& e : p.edges) {
        EdgeOverlay o;
        o.edge = e;
        if (const widgets::EdgeRates* r = s.rates.edge(e)) {
            o.recordsPerSec = r->recordsPerSec;
            o.fill = r->fill;
        }
        o.level = backpressureLevel(o.fill);
        o.label = formatRate(o.recordsPerSec);
        if (o.fill >= 0.05) o.label += " · " + printf1("%.0f", o.fill * 100) + " %";
        m.edges.push_back(std::move(o));
    }
    return m;
}

} // namespace sw::app
