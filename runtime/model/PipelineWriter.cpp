// serializePipeline: the canonical text of a pipeline file (docs/pipeline-format.md, "Canonical
// form"). The text is a pure function of the PipelineSpec, and parsing it gives the same spec
// back, so saving an unchanged loaded canonical file reproduces it byte for byte.
#include <cmath>

#include "model/PipelineIo.h"
#include "types/Duration.h"

namespace sw::runtime {
namespace {

using json = nlohmann::json;

std::string scalar(const json& v)
{
    return v.dump(-1, ' ', false, json::error_handler_t::replace);
}
std::string str(std::string_view s)
{
    return scalar(json(std::string(s)));
}
std::string pad(int n)
{
    return std::string(static_cast<std::size_t>(n), ' ');
}

/// Canvas coordinates: whole numbers as integers ("120", not "120.0"), others in the shortest
/// form that reads back to the same double.
std::string coordinate(double d)
{
    if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9007199254740992.0)
        return std::to_string(static_cast<long long>(d));
    return scalar(json(d));
}

bool isFlat(const json& v)
{
    for (const auto& e : v)
        if (e.is_structured()) return false;
    return true;
}

/// Property values: arrays of scalars on one line; arrays of objects one element per line
/// (flat objects inline); other objects one member per line. Members sorted by name (nlohmann's
/// object order), so the text depends only on the value.
void writeValue(std::string& out, const json& v, int indent, bool inArray)
{
    if (!v.is_structured()) {
        out += scalar(v);
        return;
    }
    if (v.empty()) {
        out += v.is_object() ? "{}" : "[]";
        return;
    }
    bool object = v.is_object();
    if (isFlat(v) && (!object || inArray)) {
        std::string sep;
        out += object ? "{" : "[";
        if (object) {
            for (auto it = v.begin(); it != v.end(); ++it) {
                out += sep + str(it.key()) + ": " + scalar(*it);
                sep = ", ";
            }
        } else {
            for (const auto& e : v) {
                out += sep + scalar(e);
                sep = ", ";
            }
        }
        out += object ? "}" : "]";
        return;
    }
    out += object ? "{\n" : "[\n";
    if (object) {
        std::size_t i = 0;
        for (auto it = v.begin(); it != v.end(); ++it, ++i) {
            out += pad(indent + 2) + str(it.key()) + ": ";
            writeValue(out, *it, indent + 2, false);
            out += i + 1 < v.size() ? ",\n" : "\n";
        }
    } else {
        for (std::size_t i = 0; i < v.size(); ++i) {
            out += pad(indent + 2);
            writeValue(out, v[i], indent + 2, true);
            out += i + 1 < v.size() ? ",\n" : "\n";
        }
    }
    out += pad(indent) + (object ? "}" : "]");
}

void writeNode(std::string& out, const NodeSpec& n)
{
    out += "    {\n";
    out += "      \"id\": " + str(n.id) + ",\n";
    out += "      \"type\": " + str(n.type) + ",\n";
    out += "      \"label\": " + str(n.label) + ",\n";
    out +=
        "      \"position\": {\"x\": " + coordinate(n.x) + ", \"y\": " + coordinate(n.y) + "},\n";
    out += "      \"properties\": ";
    if (n.properties.is_null() || (n.properties.is_object() && n.properties.empty())) {
        out += "{}";
    } else if (!n.properties.is_object()) {
        writeValue(out, n.properties, 6, false);
    } else {
        out += "{\n";
        std::size_t i = 0;
        for (auto it = n.properties.begin(); it != n.properties.end(); ++it, ++i) {
            out += pad(8) + str(it.key()) + ": ";
            writeValue(out, *it, 8, false);
            out += i + 1 < n.properties.size() ? ",\n" : "\n";
        }
        out += "      }";
    }
    out += "\n    }";
}

/// A value on one line: `{"a": 1, "b": [2, 3]}` (members sorted by name).
std::string inlineValue(const json& v)
{
    if (!v.is_structured()) return scalar(v);
    std::string out = v.is_object() ? "{" : "[";
    std::string sep;
    for (auto it = v.begin(); it != v.end(); ++it) {
        out += sep + (v.is_object() ? str(it.key()) + ": " : std::string()) + inlineValue(*it);
        sep = ", ";
    }
    return out + (v.is_object() ? "}" : "]");
}

/// `"dashboard": {"views": [...]}`: one view per line.
void writeDashboard(std::string& out, const json& d)
{
    out += ",\n  \"dashboard\": {";
    std::string sep = "\n";
    for (auto it = d.begin(); it != d.end(); ++it) {
        out += sep + "    " + str(it.key()) + ": ";
        if (it->is_array() && !it->empty()) {
            out += "[";
            for (std::size_t i = 0; i < it->size(); ++i)
                out += (i ? ",\n      " : "\n      ") + inlineValue((*it)[i]);
            out += "\n    ]";
        } else {
            out += inlineValue(*it);
        }
        sep = ",\n";
    }
    out += d.empty() ? "}" : "\n  }";
}

std::string portRef(const PortRef& p)
{
    return "{\"node\": " + str(p.node) + ", \"port\": " + str(p.port) + "}";
}

} // namespace

std::string serializePipeline(const PipelineSpec& p)
{
    const PipelineSettings& s = p.settings;
    std::string out = "{\n  \"format\": " + str(kPipelineFormat) + ",\n  \"pipeline\": {\n";
    out += "    \"name\": " + str(s.name) + ",\n";
    out += "    \"description\": " + str(s.description) + ",\n";
    out += "    \"delivery\": " + str(toString(s.delivery)) + ",\n";
    out += "    \"parallelism\": " + std::to_string(s.parallelism) + ",\n";
    out += "    \"checkpoint_interval\": " + str(formatDuration(s.checkpointIntervalMs));
    if (s.restartStrategy != RestartStrategy{}) {
        const RestartStrategy& r = s.restartStrategy;
        out += ",\n    \"restart_strategy\": {\"type\": " + str(toString(r.kind));
        if (r.kind != RestartStrategy::Kind::None)
            out += ", \"attempts\": " + std::to_string(r.attempts) +
                   ", \"delay\": " + str(formatDuration(r.delayMs));
        if (r.kind == RestartStrategy::Kind::ExponentialDelay)
            out += ", \"max_delay\": " + str(formatDuration(r.maxDelayMs));
        out += "}";
    }
    if (s.retainedCheckpoints != PipelineSettings{}.retainedCheckpoints)
        out += ",\n    \"retained_checkpoints\": " + std::to_string(s.retainedCheckpoints);
    if (s.tolerableFailedCheckpoints != PipelineSettings{}.tolerableFailedCheckpoints)
        out += ",\n    \"tolerable_failed_checkpoints\": " +
               std::to_string(s.tolerableFailedCheckpoints);
    if (!s.schemaEvolution.empty()) out += ",\n    \"schema_evolution\": " + str(s.schemaEvolution);
    if (s.alerts != AlertSettings{})
        out += ",\n    \"alerts\": {\"consumer_lag\": " + std::to_string(s.alerts.consumerLag) +
               ", \"error_rate\": " + nlohmann::json(s.alerts.errorRate).dump() + "}";
    if (s.autoscaling)
        out += ",\n    \"autoscaling\": {\"max_parallelism\": " +
               std::to_string(s.autoscaling->maxParallelism) + ", \"target_utilization\": " +
               nlohmann::json(s.autoscaling->targetUtilization).dump() + "}";
    out += "\n  },\n  \"nodes\": [";
    for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        out += i == 0 ? "\n" : ",\n";
        writeNode(out, p.nodes[i]);
    }
    out += p.nodes.empty() ? "],\n" : "\n  ],\n";
    out += "  \"edges\": [";
    for (std::size_t i = 0; i < p.edges.size(); ++i) {
        out += i == 0 ? "\n" : ",\n";
        out += "    {\"from\": " + portRef(p.edges[i].from) + ", \"to\": " + portRef(p.edges[i].to);
        if (p.edges[i].partitioning != EdgePartitioning::Auto) // "auto" is never written
            out += ", \"partitioning\": " + str(toString(p.edges[i].partitioning));
        out += "}";
    }
    out += p.edges.empty() ? "]" : "\n  ]";
    if (!p.dashboard.is_null()) writeDashboard(out, p.dashboard);
    out += "\n}\n";
    return out;
}

} // namespace sw::runtime
