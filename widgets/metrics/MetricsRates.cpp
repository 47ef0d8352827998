#include "metrics/MetricsRates.h"

#include <algorithm>
#include <climits>

namespace sw::widgets {

const NodeRates* MetricsRates::node(const std::string& id) const
{
    for (const NodeRates& n : nodes)
        if (n.nodeId == id) return &n;
    return nullptr;
}

const EdgeRates* MetricsRates::edge(const runtime::EdgeSpec& e) const
{
    for (const EdgeRates& r : edges)
        if (r.edge == e) return &r;
    return nullptr;
}

namespace {
double delta(std::uint64_t now, std::uint64_t before)
{
    return now >= before ? static_cast<double>(now - before) : static_cast<double>(now);
}

const runtime::NodeMetrics* findNode(const runtime::MetricsSnapshot& s, const std::string& id)
{
    return s.node(id);
}

const runtime::EdgeMetrics* findEdge(const runtime::MetricsSnapshot& s, const runtime::EdgeSpec& e)
{
    for (const auto& m : s.edges)
        if (m.edge == e) return &m;
    return nullptr;
}
} // namespace

MetricsRates RateTracker::update(const runtime::MetricsSnapshot& s)
{
    MetricsRates r;
    const runtime::MetricsSnapshot* prev = m_prev ? &*m_prev : nullptr;
    double dt = 0;
    if (prev && s.takenAtMs > prev->takenAtMs)
        dt = double(s.takenAtMs - prev->takenAtMs) / 1000.0;
    else if (!prev && s.uptimeMs > 0)
        dt = double(s.uptimeMs) / 1000.0;
    r.intervalSec = prev ? dt : 0;
    const bool usable = dt > 0;
    for (const runtime::NodeMetrics& n : s.nodes) {
        NodeRates nr;
        nr.nodeId = n.nodeId;
        const runtime::NodeMetrics* p = prev ? findNode(*prev, n.nodeId) : nullptr;
        runtime::NodeMetrics zero;
        if (!p) p = &zero;
        if (usable) {
            nr.inPerSec = delta(n.recordsIn, p->recordsIn) / dt;
            nr.outPerSec = delta(n.recordsOut, p->recordsOut) / dt;
            nr.errorsPerSec = delta(n.errors, p->errors) / dt;
            const double capacityNs = dt * 1e9 * std::max(1, n.parallelism);
            nr.busy = std::clamp(delta(n.busyNs, p->busyNs) / capacityNs, 0.0, 1.0);
        }
        r.nodes.push_back(nr);
    }
    for (const runtime::EdgeMetrics& e : s.edges) {
        EdgeRates er;
        er.edge = e.edge;
        er.fill = std::clamp(e.fill, 0.0, 1.0);
        const runtime::EdgeMetrics* p = prev ? findEdge(*prev, e.edge) : nullptr;
        runtime::EdgeMetrics zero;
        if (!p) p = &zero;
        if (usable) {
            er.recordsPerSec = delta(e.records, p->records) / dt;
            er.blockedShare = std::max(0.0, delta(e.blockedNs, p->blockedNs) / (dt * 1e9));
        }
        r.edges.push_back(er);
    }
    m_prev = s;
    return r;
}

namespace {
bool known(std::int64_t wm)
{
    return wm != INT64_MIN && wm != INT64_MAX;
}
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
} // namespace

WatermarkLagMode watermarkLagMode(const runtime::MetricsSnapshot& s)
{
    for (const runtime::NodeMetrics& n : s.nodes)
        if (known(n.watermark) &&
            (s.takenAtMs - n.watermark > kDayMs || n.watermark - s.takenAtMs > kDayMs))
            return WatermarkLagMode::EventTime;
    return WatermarkLagMode::ProcessingTime;
}

std::optional<double> watermarkLagMs(const runtime::NodeMetrics& n, std::int64_t nowMs,
                                     WatermarkLagMode mode)
{
    if (!known(n.watermark)) return std::nullopt;
    if (mode == WatermarkLagMode::ProcessingTime)
        return static_cast<double>(std::max<std::int64_t>(0, nowMs - n.watermark));
    if (!known(n.maxEventTime)) return std::nullopt;
    return static_cast<double>(std::max<std::int64_t>(0, n.maxEventTime - n.watermark));
}

} // namespace sw::widgets
