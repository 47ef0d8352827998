#pragma once
// Live status line, event log, summary and JSON report of `streamwright-run run`.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "exec/Engine.h"
#include "metrics/MetricsSnapshot.h"
#include "model/PipelineSpec.h"
#include "util/Result.h"

namespace sw::cli {

/// One status line on a terminal, redrawn in place: state, uptime, throughput in/out,
/// worst backpressure, worst watermark lag, errors. Silent when not live.
class StatusLine {
public:
    StatusLine(const runtime::PipelineSpec& p, bool live) : m_pipeline(p), m_live(live) {}
    void update(const runtime::MetricsSnapshot& s);
    /// Text appended to the line from the next update on (e.g. the Kafka address and lag).
    void setExtra(std::string text) { m_extra = std::move(text); }
    /// Prints a message on its own line (keeps the status line below it).
    void message(const std::string& text);
    void finish(const runtime::MetricsSnapshot& s);

private:
    void clear();
    const runtime::PipelineSpec& m_pipeline;
    bool m_live;
    bool m_drawn = false;
    std::uint64_t m_lastIn = 0, m_lastOut = 0;
    std::int64_t m_lastAt = 0;
    double m_inRate = 0, m_outRate = 0;
    std::string m_extra;
};

/// Engine events of the run, printed to stderr as they arrive and kept for the report (messages
/// redacted once more with kafka::redactSecrets).
class RunLog {
public:
    void add(const runtime::EngineEvent& e, StatusLine& status);
    bool hasErrors() const { return m_errors > 0; }
    int warningCount() const { return m_warnings; }
    const std::vector<runtime::EngineEvent>& events() const { return m_events; }

private:
    std::vector<runtime::EngineEvent> m_events;
    int m_errors = 0;
    int m_warnings = 0;
};

/// Records emitted by source nodes (data ports), summed.
std::uint64_t sourceRecords(const runtime::MetricsSnapshot& s, const runtime::PipelineSpec& p);
/// Records received by sink nodes, summed.
std::uint64_t sinkRecords(const runtime::MetricsSnapshot& s, const runtime::PipelineSpec& p);

void printSummary(const runtime::MetricsSnapshot& s, const runtime::PipelineSpec& p,
                  const std::string& dataDir);
runtime::Status writeReport(const std::string& path, const std::string& pipelineFile,
                            const std::string& dataDir, const runtime::PipelineSpec& p,
                            const runtime::MetricsSnapshot& s, const RunLog& log,
                            const nlohmann::json& kafka = nullptr);

} // namespace sw::cli
