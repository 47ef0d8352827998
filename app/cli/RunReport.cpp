#include "RunReport.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "catalog/Catalog.h"
#include "connectors/kafka/ClientConfig.h"
#include "types/Value.h"

namespace sw::cli {
namespace {

bool isSource(const runtime::PipelineSpec& p, const std::string& id)
{
    const auto* n = p.findNode(id);
    const auto* t = n ? runtime::Catalog::instance().find(n->type) : nullptr;
    return t && t->isSource();
}

bool isSink(const runtime::PipelineSpec& p, const std::string& id)
{
    const auto* n = p.findNode(id);
    const auto* t = n ? runtime::Catalog::instance().find(n->type) : nullptr;
    return t && t->isResultSink();
}

std::string human(double v)
{
    char buf[32];
    if (v >= 1e6)
        std::snprintf(buf, sizeof buf, "%.2fM", v / 1e6);
    else if (v >= 1e4)
        std::snprintf(buf, sizeof buf, "%.1fK", v / 1e3);
    else
        std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

std::uint64_t totalErrors(const runtime::MetricsSnapshot& s)
{
    std::uint64_t e = 0;
    for (const auto& n : s.nodes)
        e += n.errors;
    return e;
}

} // namespace

std::uint64_t sourceRecords(const runtime::MetricsSnapshot& s, const runtime::PipelineSpec& p)
{
    std::uint64_t r = 0;
    for (const auto& n : s.nodes)
        if (isSource(p, n.nodeId)) r += n.recordsOut;
    return r;
}

std::uint64_t sinkRecords(const runtime::MetricsSnapshot& s, const runtime::PipelineSpec& p)
{
    std::uint64_t r = 0;
    for (const auto& n : s.nodes)
        if (isSink(p, n.nodeId)) r += n.recordsIn;
    return r;
}

void StatusLine::clear()
{
    if (m_drawn) std::fputs("\r\033[2K", stderr);
    m_drawn = false;
}

void StatusLine::update(const runtime::MetricsSnapshot& s)
{
    std::uint64_t in = sourceRecords(s, m_pipeline), out = sinkRecords(s, m_pipeline);
    if (m_lastAt > 0 && s.takenAtMs > m_lastAt) {
        double dt = static_cast<double>(s.takenAtMs - m_lastAt) / 1000.0;
        m_inRate = static_cast<double>(in - std::min(in, m_lastIn)) / dt;
        m_outRate = static_cast<double>(out - std::min(out, m_lastOut)) / dt;
    }
    m_lastIn = in;
    m_lastOut = out;
    m_lastAt = s.takenAtMs;
    if (!m_live) return;
    double worstFill = 0;
    std::string worstEdge;
    for (const auto& e : s.edges)
        if (e.fill > worstFill) {
            worstFill = e.fill;
            worstEdge = e.edge.from.node + "->" + e.edge.to.node;
        }
    std::int64_t lag = 0;
    for (const auto& n : s.nodes)
        lag = std::max(lag, n.eventTimeLagMs);
    char line[512];
    std::snprintf(
        line, sizeof line,
        "[%s %.1fs] in %s/s  out %s/s  | backpressure %3.0f%% %s | wm lag %.1fs | errors %llu",
        std::string(runtime::toString(s.state)).c_str(), static_cast<double>(s.uptimeMs) / 1000.0,
        human(m_inRate).c_str(), human(m_outRate).c_str(), worstFill * 100.0, worstEdge.c_str(),
        static_cast<double>(lag) / 1000.0, static_cast<unsigned long long>(totalErrors(s)));
    clear();
    std::fputs(line, stderr);
    std::fputs(m_extra.c_str(), stderr);
    std::fflush(stderr);
    m_drawn = true;
}

void StatusLine::message(const std::string& text)
{
    clear();
    std::fprintf(stderr, "%s\n", text.c_str());
}

void StatusLine::finish(const runtime::MetricsSnapshot& s)
{
    update(s);
    if (m_drawn) std::fputs("\n", stderr);
    m_drawn = false;
}

void RunLog::add(const runtime::EngineEvent& e, StatusLine& status)
{
    using K = runtime::EngineEvent::Kind;
    m_events.push_back(e);
    if (e.kind == K::StateChanged) return;
    // Operators redact their messages; this is the last line of defence before the terminal and
    // the report (every secret a Kafka client of this process was configured with).
    m_events.back().message = runtime::kafka::redactSecrets(e.message);
    if (e.kind == K::Warning) ++m_warnings;
    if (e.kind == K::Error) ++m_errors;
    const char* label = e.kind == K::Error ? "error" : e.kind == K::Warning ? "warning" : "info";
    status.message(std::string(label) + (e.nodeId.empty() ? "" : " [" + e.nodeId + "]") + ": " +
                   m_events.back().message);
}

void printSummary(const runtime::MetricsSnapshot& s, const runtime::PipelineSpec& p,
                  const std::string& dataDir)
{
    std::printf("%s: %s after %.1f s (data directory %s)\n", p.settings.name.c_str(),
                std::string(runtime::toString(s.state)).c_str(),
                static_cast<double>(s.uptimeMs) / 1000.0, dataDir.c_str());
    std::printf("  %-24s %12s %12s %9s %9s %9s\n", "node", "in", "out", "errors", "late",
                "dropped");
    for (const auto& n : s.nodes)
        std::printf("  %-24s %12llu %12llu %9llu %9llu %9llu\n", n.nodeId.c_str(),
                    static_cast<unsigned long long>(n.recordsIn),
                    static_cast<unsigned long long>(n.recordsOut),
                    static_cast<unsigned long long>(n.errors),
                    static_cast<unsigned long long>(n.late),
                    static_cast<unsigned long long>(n.dropped));
}

runtime::Status writeReport(const std::string& path, const std::string& pipelineFile,
                            const std::string& dataDir, const runtime::PipelineSpec& p,
                            const runtime::MetricsSnapshot& s, const RunLog& log,
                            const nlohmann::json& kafka)
{
    using nlohmann::json;
    json nodes = json::array(), edges = json::array(), events = json::array();
    for (const auto& n : s.nodes) {
        // No watermark yet: null; the final MAX watermark of an ended input: "end of input".
        json w = n.watermark == INT64_MIN   ? json(nullptr)
                 : n.watermark == INT64_MAX ? json("end of input")
                                            : json(runtime::formatTimestamp(n.watermark));
        nodes.push_back({{"id", n.nodeId},
                         {"type", p.findNode(n.nodeId) ? p.findNode(n.nodeId)->type : ""},
                         {"parallelism", n.parallelism},
                         {"records_in", n.recordsIn},
                         {"records_out", n.recordsOut},
                         {"errors", n.errors},
                         {"late", n.late},
                         {"dropped", n.dropped},
                         {"filtered", n.filtered},
                         {"busy_ms", n.busyNs / 1000000},
                         {"watermark", w},
                         {"event_time_lag_ms", n.eventTimeLagMs}});
    }
    for (const auto& e : s.edges)
        edges.push_back({{"from", e.edge.from.node + "." + e.edge.from.port},
                         {"to", e.edge.to.node + "." + e.edge.to.port},
                         {"records", e.records},
                         {"blocked_ms", e.blockedNs / 1000000},
                         {"fill", e.fill}});
    for (const auto& e : log.events()) {
        if (e.kind == runtime::EngineEvent::Kind::StateChanged) continue;
        const char* k = e.kind == runtime::EngineEvent::Kind::Error     ? "error"
                        : e.kind == runtime::EngineEvent::Kind::Warning ? "warning"
                                                                        : "info";
        events.push_back(
            {{"kind", k}, {"node", e.nodeId}, {"message", e.message}, {"time_ms", e.timeMs}});
    }
    json report = {{"pipeline", p.settings.name},
                   {"file", pipelineFile},
                   {"data_directory", dataDir},
                   {"state", runtime::toString(s.state)},
                   {"uptime_ms", s.uptimeMs},
                   {"records_from_sources", sourceRecords(s, p)},
                   {"records_to_sinks", sinkRecords(s, p)},
                   {"warnings", log.warningCount()},
                   {"nodes", nodes},
                   {"edges", edges},
                   {"events", events}};
    const runtime::CheckpointStats& c = s.checkpoints;
    json checkpoints = {{"completed", c.completed},
                        {"failed", c.failed},
                        {"restarts", c.restarts},
                        {"restored_checkpoint", c.restored.id}};
    if (c.latestCompleted)
        checkpoints["latest"] = {{"id", c.latestCompleted->id},
                                 {"duration_ms", c.latestCompleted->durationMs},
                                 {"state_bytes", c.latestCompleted->stateBytes},
                                 {"max_alignment_ms", c.latestCompleted->maxAlignmentMs}};
    report["checkpoints"] = checkpoints;
    if (!kafka.is_null()) report["kafka"] = kafka;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return runtime::Status(runtime::makeError("cannot write report " + path));
    out << report.dump(2) << "\n";
    if (!out) return runtime::Status(runtime::makeError("failed writing report " + path));
    return {};
}

} // namespace sw::cli
