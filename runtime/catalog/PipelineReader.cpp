#include "catalog/PipelineReader.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "catalog/Catalog.h"
#include "catalog/ReaderSupport.h"
#include "model/JsonScanner.h"
#include "model/NameSuggest.h"
#include "types/Duration.h"

namespace sw::runtime {
namespace {

using namespace reader;

constexpr int kMaxParallelism = 256;

/// Reads an optional string member (required: missing is an error naming `what`).
Problem readString(const json& obj, const std::string& path, const char* key, std::string& out,
                   const char* missing = nullptr)
{
    auto it = obj.find(key);
    if (it == obj.end())
        return missing ? fail(path, std::string("missing member \"") + key + "\" (" + missing + ")")
                       : Problem{};
    if (!it->is_string()) return fail(at(path, key), "expected a string, found " + typeName(*it));
    out = it->get<std::string>();
    return {};
}

bool isValidId(std::string_view id)
{
    auto alpha = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    };
    if (id.empty() || !alpha(id[0])) return false;
    return std::all_of(id.begin(), id.end(), [&](char c) {
        return alpha(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
    });
}

Problem readDelivery(const json& p, PipelineSettings& s)
{
    std::string d;
    if (auto e = readString(p, "/pipeline", "delivery", d)) return e;
    if (!p.contains("delivery")) return {};
    auto g = parseDeliveryGuarantee(d);
    if (!g)
        return fail("/pipeline/delivery", "unknown delivery guarantee " + quote(d) +
                                              "; use \"at-least-once\" or \"exactly-once\"");
    s.delivery = *g;
    return {};
}

Problem readSettingsNumbers(const json& p, PipelineSettings& s)
{
    if (auto it = p.find("parallelism"); it != p.end()) {
        std::string range = "expected an integer between 1 and " + std::to_string(kMaxParallelism);
        if (!it->is_number_integer())
            return fail("/pipeline/parallelism", range + ", found " + it->dump());
        bool big = it->is_number_unsigned() && it->get<std::uint64_t>() > kMaxParallelism;
        auto v = big ? 0 : it->get<std::int64_t>();
        if (v < 1 || v > kMaxParallelism)
            return fail("/pipeline/parallelism", range + ", found " + it->dump());
        s.parallelism = static_cast<int>(v);
    }
    std::string ci;
    if (auto e = readString(p, "/pipeline", "checkpoint_interval", ci)) return e;
    if (p.contains("checkpoint_interval")) {
        std::string err;
        auto ms = parseDuration(ci, &err);
        if (!ms) return fail("/pipeline/checkpoint_interval", err);
        if (*ms <= 0)
            return fail("/pipeline/checkpoint_interval",
                        "the checkpoint interval must be positive, e.g. \"10 s\"");
        s.checkpointIntervalMs = *ms;
    }
    return {};
}

/// A number member of `obj` within [lo, hi] (`expected` says so); absent leaves `out`.
Problem readNumber(const json& obj, const std::string& path, const char* key, double lo, double hi,
                   const char* expected, double& out)
{
    auto it = obj.find(key);
    if (it == obj.end()) return {};
    if (!it->is_number() || it->get<double>() < lo || it->get<double>() > hi)
        return fail(at(path, key), std::string(expected) + ", found " + it->dump());
    out = it->get<double>();
    return {};
}

/// `alerts` {consumer_lag, error_rate} and `autoscaling` {max_parallelism, target_utilization}.
Problem readMonitoring(const json& p, PipelineSettings& s)
{
    if (auto it = p.find("alerts"); it != p.end()) {
        if (!it->is_object())
            return fail("/pipeline/alerts",
                        "expected an object {\"consumer_lag\": records, \"error_rate\": per "
                        "second}, found " +
                            typeName(*it));
        if (auto e = checkMembers(*it, "/pipeline/alerts", {"consumer_lag", "error_rate"}))
            return e;
        double lag = static_cast<double>(s.alerts.consumerLag);
        if (auto e = readNumber(*it, "/pipeline/alerts", "consumer_lag", 1, 1e15,
                                "expected a number of records >= 1", lag))
            return e;
        s.alerts.consumerLag = static_cast<std::int64_t>(lag);
        if (auto e = readNumber(*it, "/pipeline/alerts", "error_rate", 0, 1e12,
                                "expected a number of records per second >= 0", s.alerts.errorRate))
            return e;
    }
    if (auto it = p.find("autoscaling"); it != p.end()) {
        if (!it->is_object())
            return fail("/pipeline/autoscaling",
                        "expected an object {\"max_parallelism\": n, \"target_utilization\": "
                        "0..1}, found " +
                            typeName(*it));
        if (auto e = checkMembers(*it, "/pipeline/autoscaling",
                                  {"max_parallelism", "target_utilization"}))
            return e;
        AutoscalingSettings a;
        double maxp = a.maxParallelism;
        if (auto e = readNumber(*it, "/pipeline/autoscaling", "max_parallelism", 1, kMaxParallelism,
                                "expected an integer between 1 and 256", maxp))
            return e;
        if (maxp != static_cast<double>(static_cast<int>(maxp)))
            return fail("/pipeline/autoscaling/max_parallelism",
                        "expected an integer between 1 and 256, found " +
                            it->at("max_parallelism").dump());
        a.maxParallelism = static_cast<int>(maxp);
        if (auto e = readNumber(*it, "/pipeline/autoscaling", "target_utilization", 0.05, 1,
                                "expected a fraction between 0.05 and 1", a.targetUtilization))
            return e;
        s.autoscaling = a;
    }
    return {};
}

Problem readSettings(const json& doc, PipelineSettings& s)
{
    auto it = doc.find("pipeline");
    if (it == doc.end())
        return fail("", "missing member \"pipeline\" (the pipeline's name and settings)");
    const json& p = *it;
    if (!p.is_object())
        return fail("/pipeline",
                    "expected an object with the pipeline's name and settings, found " +
                        typeName(p));
    if (auto e = checkMembers(p, "/pipeline",
                              {"name", "description", "delivery", "parallelism",
                               "checkpoint_interval", "restart_strategy", "retained_checkpoints",
                               "tolerable_failed_checkpoints", "schema_evolution", "alerts",
                               "autoscaling"}))
        return e;
    if (auto e = readString(p, "/pipeline", "name", s.name, "the pipeline's name")) return e;
    if (s.name.empty()) return fail("/pipeline/name", "the pipeline name must not be empty");
    if (auto e = readString(p, "/pipeline", "description", s.description)) return e;
    if (auto e = readDelivery(p, s)) return e;
    if (auto e = readSettingsNumbers(p, s)) return e;
    if (auto e = readMonitoring(p, s)) return e;
    if (auto e = readRecoverySettings(p, s)) return e;
    if (auto e = readString(p, "/pipeline", "schema_evolution", s.schemaEvolution)) return e;
    static const std::vector<std::string> evolutions = {"backward", "forward", "full", "none"};
    if (p.contains("schema_evolution") &&
        std::find(evolutions.begin(), evolutions.end(), s.schemaEvolution) == evolutions.end())
        return fail("/pipeline/schema_evolution", "unknown schema evolution " +
                                                      quote(s.schemaEvolution) +
                                                      "; use one of: " + joined(evolutions));
    return {};
}

Problem readPosition(const json& n, const std::string& path, NodeSpec& node)
{
    auto it = n.find("position");
    if (it == n.end()) return {};
    std::string p = at(path, "position");
    if (!it->is_object())
        return fail(p, "expected an object {\"x\": number, \"y\": number}, found " + typeName(*it));
    if (auto e = checkMembers(*it, p, {"x", "y"})) return e;
    for (const char* k : {"x", "y"}) {
        auto v = it->find(k);
        if (v == it->end()) return fail(p, std::string("missing member \"") + k + "\"");
        if (!v->is_number() || !std::isfinite(v->get<double>()))
            return fail(at(p, k), "expected a number, found " + typeName(*v));
        (k[0] == 'x' ? node.x : node.y) = v->get<double>();
    }
    return {};
}

Problem readProperties(const json& n, const std::string& path, const NodeType& type, NodeSpec& node)
{
    auto it = n.find("properties");
    if (it == n.end()) return {};
    std::string p = at(path, "properties");
    if (!it->is_object())
        return fail(p, "expected an object of properties, found " + typeName(*it));
    std::vector<std::string> names;
    for (const auto& ps : type.properties)
        names.push_back(ps.name);
    for (auto m = it->begin(); m != it->end(); ++m) {
        const PropertySpec* spec = type.findProperty(m.key());
        std::string who = "node " + quote(node.id) + " (" + type.name + ")";
        if (!spec) {
            std::string hint = didYouMean(m.key(), names);
            if (hint.empty()) hint = "; its properties: " + joined(names);
            return fail(at(p, m.key()), who + " has no property " + quote(m.key()) + hint, true);
        }
        // Shape and range only: an empty required property (a half-finished design) still
        // loads, and validation reports it. The catalog's check() is the one type definition.
        PropertySpec shape = *spec;
        shape.required = false;
        if (Status st = shape.check(*m); !st)
            return fail(at(p, m.key()),
                        "property " + quote(m.key()) + " of " + who + ": " + st.error().message);
    }
    node.properties = *it;
    return {};
}

Problem readNodeId(const json& n, const std::string& path, NodeSpec& node,
                   std::map<std::string, std::size_t>& seen, std::size_t index)
{
    if (auto e = readString(n, path, "id", node.id, "every node needs a unique id")) return e;
    if (!isValidId(node.id))
        return fail(at(path, "id"), "invalid node id " + quote(node.id) +
                                        ": an id starts with a letter or '_' and continues with "
                                        "letters, digits, '_', '.' or '-'");
    auto [pos, fresh] = seen.emplace(node.id, index);
    if (!fresh)
        return fail(at(path, "id"), "duplicate node id " + quote(node.id) +
                                        " (also used by /nodes/" + std::to_string(pos->second) +
                                        ")");
    return {};
}

Problem readNode(const json& n, std::size_t index, std::map<std::string, std::size_t>& seen,
                 NodeSpec& node)
{
    std::string path = "/nodes/" + std::to_string(index);
    if (!n.is_object()) return fail(path, "expected a node object, found " + typeName(n));
    if (auto e = checkMembers(n, path, {"id", "type", "label", "position", "properties"})) return e;
    if (auto e = readNodeId(n, path, node, seen, index)) return e;
    if (auto e = readString(n, path, "type", node.type, "the node type, e.g. \"filter\"")) return e;
    const NodeType* type = Catalog::instance().find(node.type);
    if (!type) {
        std::vector<std::string> names;
        for (const auto& t : Catalog::instance().types())
            names.push_back(t.name);
        std::string hint = didYouMean(node.type, names);
        if (hint.empty()) hint = "; known types: " + joined(names);
        return fail(at(path, "type"), "unknown node type " + quote(node.type) + hint);
    }
    if (auto e = readString(n, path, "label", node.label)) return e;
    if (auto e = readPosition(n, path, node)) return e;
    return readProperties(n, path, *type, node);
}

std::string portList(const std::vector<PortSpec>& ports)
{
    std::vector<std::string> n;
    for (const auto& p : ports)
        n.push_back(p.name);
    return joined(n);
}

/// Reads one end of an edge: {"node": id, "port": name}; `from` = must be an output port.
Problem readEnd(const json& e, const std::string& path, bool from, const PipelineSpec& spec,
                PortRef& ref, const PortSpec*& port)
{
    auto it = e.find(from ? "from" : "to");
    if (it == e.end())
        return fail(path, from ? "missing member \"from\" (the output port the edge starts at)"
                               : "missing member \"to\" (the input port the edge ends at)");
    std::string p = at(path, from ? "from" : "to");
    if (!it->is_object())
        return fail(p, "expected an object {\"node\": id, \"port\": name}, found " + typeName(*it));
    if (auto x = checkMembers(*it, p, {"node", "port"})) return x;
    if (auto x = readString(*it, p, "node", ref.node, "a node id")) return x;
    if (auto x = readString(*it, p, "port", ref.port, "a port name")) return x;
    const NodeSpec* node = spec.findNode(ref.node);
    if (!node) {
        std::vector<std::string> ids;
        for (const auto& n : spec.nodes)
            ids.push_back(n.id);
        return fail(at(p, "node"),
                    "no node with id " + quote(ref.node) + didYouMean(ref.node, ids));
    }
    const NodeType& type = *Catalog::instance().find(node->type);
    const auto& ports = from ? type.outputs : type.inputs;
    const auto& others = from ? type.inputs : type.outputs;
    std::string who = "node " + quote(node->id) + " (" + type.name + ")";
    for (const auto& ps : ports)
        if (ps.name == ref.port) {
            port = &ps;
            return {};
        }
    const char* kind = from ? "output" : "input";
    for (const auto& ps : others)
        if (ps.name == ref.port)
            return fail(at(p, "port"),
                        quote(ref.port) + " is an " + (from ? "input" : "output") + " port of " +
                            who + "; an edge " +
                            (from ? "starts at an output port (" : "ends at an input port (") +
                            portList(ports) + ")");
    if (ports.empty()) return fail(at(p, "port"), who + " has no " + kind + " ports");
    std::vector<std::string> names;
    for (const auto& ps : ports)
        names.push_back(ps.name);
    return fail(at(p, "port"), who + " has no " + kind + " port " + quote(ref.port) +
                                   didYouMean(ref.port, names) + "; its " + kind +
                                   " ports: " + portList(ports));
}

/// Reads an edge's optional "partitioning": "auto" (default), "rebalance", "broadcast", "forward".
Problem readPartitioning(const json& e, const std::string& path, EdgePartitioning& out)
{
    auto it = e.find("partitioning");
    if (it == e.end()) return {};
    const std::string p = at(path, "partitioning");
    const char* expected = "expected one of \"auto\", \"rebalance\", \"broadcast\", \"forward\"";
    if (!it->is_string()) return fail(p, std::string(expected) + ", found " + typeName(*it));
    auto v = parseEdgePartitioning(it->get<std::string>());
    if (!v)
        return fail(p, "unknown partitioning " + quote(it->get<std::string>()) + "; " + expected);
    out = *v;
    return {};
}

std::string edgeText(const EdgeSpec& e)
{
    return e.from.node + "." + e.from.port + " -> " + e.to.node + "." + e.to.port;
}

Problem readEdges(const json& doc, PipelineSpec& out)
{
    auto edges = doc.find("edges");
    if (edges == doc.end()) return {};
    if (!edges->is_array())
        return fail("/edges", "expected an array of edges, found " + typeName(*edges));
    std::map<std::string, std::size_t> seen, into;
    out.edges.resize(edges->size());
    for (std::size_t i = 0; i < edges->size(); ++i) {
        const json& e = (*edges)[i];
        EdgeSpec& edge = out.edges[i];
        std::string path = "/edges/" + std::to_string(i);
        if (!e.is_object()) return fail(path, "expected an edge object, found " + typeName(e));
        if (auto x = checkMembers(e, path, {"from", "to", "partitioning"})) return x;
        const PortSpec* fromPort = nullptr;
        const PortSpec* toPort = nullptr;
        if (auto x = readEnd(e, path, true, out, edge.from, fromPort)) return x;
        if (auto x = readEnd(e, path, false, out, edge.to, toPort)) return x;
        if (auto x = readPartitioning(e, path, edge.partitioning)) return x;
        std::string key =
            edge.from.node + '\0' + edge.from.port + '\0' + edge.to.node + '\0' + edge.to.port;
        if (auto [it, fresh] = seen.emplace(key, i); !fresh)
            return fail(path, "duplicate edge " + edgeText(edge) + " (same as /edges/" +
                                  std::to_string(it->second) + ")");
        if (toPort->multiple) continue;
        auto [it, fresh] = into.emplace(edge.to.node + '\0' + edge.to.port, i);
        if (!fresh)
            return fail(
                at(path, "to"),
                "input port " + quote(edge.to.port) + " of node " + quote(edge.to.node) +
                    " takes one edge and already has one from " + out.edges[it->second].from.node +
                    "." + out.edges[it->second].from.port + " (/edges/" +
                    std::to_string(it->second) + "); merge streams with a union node first");
    }
    return {};
}

} // namespace

std::optional<LoadProblem> readPipelineDocument(const json& doc, PipelineSpec& out)
{
    if (!doc.is_object())
        return fail("", "expected a JSON object at the top level, found " + typeName(doc));
    auto f = doc.find("format");
    std::string supported = "supported formats: " + quote(kPipelineFormat);
    if (f == doc.end())
        return fail("", "missing member \"format\": this is not a Streamwright pipeline file (" +
                            supported + ")");
    if (!f->is_string() || f->get<std::string>() != kPipelineFormat)
        return fail("/format", "unsupported format " +
                                   f->dump(-1, ' ', false, json::error_handler_t::replace) + "; " +
                                   supported);
    if (auto e = checkMembers(doc, "", {"format", "pipeline", "nodes", "edges", "dashboard"}))
        return e;
    if (auto e = readSettings(doc, out.settings)) return e;
    auto nodes = doc.find("nodes");
    if (nodes == doc.end())
        return fail("", "missing member \"nodes\" (an array of nodes; may be empty)");
    if (!nodes->is_array())
        return fail("/nodes", "expected an array of nodes, found " + typeName(*nodes));
    std::map<std::string, std::size_t> seen;
    out.nodes.resize(nodes->size());
    for (std::size_t i = 0; i < nodes->size(); ++i)
        if (auto e = readNode((*nodes)[i], i, seen, out.nodes[i])) return e;
    if (auto e = readEdges(doc, out)) return e;
    return readDashboard(doc, out);
}

} // namespace sw::runtime
