#include "validate/Validator.h"

#include <algorithm>
#include <map>
#include <set>

#include "catalog/Catalog.h"
#include "catalog/ChangelogRules.h"
#include "catalog/PropertyAccess.h"
#include "validate/Partitioning.h"

namespace sw::runtime {
namespace {

struct Graph {
    const PipelineSpec& p;
    const Catalog& catalog;
    ValidationResult& r;

    void error(const std::string& node, std::string prop, std::string msg)
    {
        r.diagnostics.push_back({Severity::Error, node, std::move(prop), std::move(msg), 0});
    }
    void warning(const std::string& node, std::string prop, std::string msg)
    {
        r.diagnostics.push_back({Severity::Warning, node, std::move(prop), std::move(msg), 0});
    }

    void checkNodesAndProperties();
    std::vector<const EdgeSpec*> checkEdges();
    void order(const std::vector<const EdgeSpec*>& edges);
    void checkPorts(const std::vector<const EdgeSpec*>& edges);
    void propagate(const std::vector<const EdgeSpec*>& edges);
    void checkTopics();
    void checkPartitioning(const std::vector<const EdgeSpec*>& edges);
    void checkDelivery();
    void inferChangelogs(const std::vector<const EdgeSpec*>& edges);
};

void Graph::checkNodesAndProperties()
{
    std::set<std::string> ids;
    for (const auto& n : p.nodes) {
        if (!ids.insert(n.id).second) error(n.id, "", "duplicate node id '" + n.id + "'");
        const NodeType* t = catalog.find(n.type);
        if (!t) {
            error(n.id, "", "unknown node type '" + n.type + "'");
            continue;
        }
        if (n.properties.is_object()) {
            for (auto it = n.properties.begin(); it != n.properties.end(); ++it) {
                const PropertySpec* ps = t->findProperty(it.key());
                if (!ps) {
                    error(n.id, it.key(), "unknown property '" + it.key() + "' of " + n.type);
                    continue;
                }
                if (Status s = ps->check(*it); !s) error(n.id, it.key(), s.error().message);
            }
        }
        for (const auto& ps : t->properties)
            if (ps.required && (!n.properties.is_object() || !n.properties.contains(ps.name)) &&
                (ps.defaultValue.is_null() ||
                 (ps.defaultValue.is_string() && ps.defaultValue.get<std::string>().empty())))
                error(n.id, ps.name, "'" + ps.label + "' is required");
    }
}

std::vector<const EdgeSpec*> Graph::checkEdges()
{
    std::vector<const EdgeSpec*> good;
    std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
    for (const auto& e : p.edges) {
        const NodeSpec* from = p.findNode(e.from.node);
        const NodeSpec* to = p.findNode(e.to.node);
        std::string desc = e.from.node + "." + e.from.port + " -> " + e.to.node + "." + e.to.port;
        if (!from || !to) {
            error(from ? e.from.node : e.to.node, "", // on the node that exists, if any
                  "edge " + desc + " refers to a missing node");
            continue;
        }
        const NodeType* ft = catalog.find(from->type);
        const NodeType* tt = catalog.find(to->type);
        if (!ft || !tt) continue;
        if (ft->outputIndex(e.from.port) < 0) {
            error(from->id, e.from.port, "edge " + desc + ": " + from->type + " has no output '" + e.from.port + "'");
            continue;
        }
        if (tt->inputIndex(e.to.port) < 0) {
            error(to->id, e.to.port, "edge " + desc + ": " + to->type + " has no input '" + e.to.port + "'");
            continue;
        }
        if (!seen.insert({e.from.node, e.from.port, e.to.node, e.to.port}).second) {
            error(to->id, e.to.port, "duplicate edge " + desc);
            continue;
        }
        good.push_back(&e);
    }
    return good;
}

void Graph::order(const std::vector<const EdgeSpec*>& edges)
{
    std::map<std::string, int> indeg;
    std::map<std::string, std::vector<std::string>> succ;
    for (const auto& n : p.nodes) indeg[n.id];
    for (const auto* e : edges) {
        ++indeg[e->to.node];
        succ[e->from.node].push_back(e->to.node);
    }
    std::vector<std::string> ready;
    for (const auto& n : p.nodes)
        if (indeg[n.id] == 0) ready.push_back(n.id);
    std::vector<std::string> out;
    while (!ready.empty()) {
        std::string id = ready.front();
        ready.erase(ready.begin());
        out.push_back(id);
        for (const auto& s : succ[id])
            if (--indeg[s] == 0) ready.push_back(s);
    }
    if (out.size() == indeg.size()) {
        r.topologicalOrder = std::move(out);
        return;
    }
    // Nodes left over are on a cycle or downstream of one; name only those that reach themselves.
    auto reachesItself = [&](const std::string& start) {
        std::vector<std::string> stack = succ[start];
        std::set<std::string> seen;
        while (!stack.empty()) {
            std::string id = stack.back();
            stack.pop_back();
            if (id == start) return true;
            if (!seen.insert(id).second) continue;
            for (const auto& s : succ[id]) stack.push_back(s);
        }
        return false;
    };
    std::vector<std::string> cyclic;
    for (const auto& n : p.nodes)
        if (indeg[n.id] > 0 && reachesItself(n.id)) cyclic.push_back(n.id);
    std::string members;
    for (const auto& id : cyclic) members += (members.empty() ? "" : ", ") + id;
    for (const auto& id : cyclic)
        error(id, "", "node is part of a cycle (" + members + "); pipelines must be acyclic");
}

void Graph::checkPorts(const std::vector<const EdgeSpec*>& edges)
{
    for (const auto& n : p.nodes) {
        const NodeType* t = catalog.find(n.type);
        if (!t) continue;
        for (const auto& in : t->inputs) {
            auto count = std::count_if(edges.begin(), edges.end(), [&](const EdgeSpec* e) {
                return e->to.node == n.id && e->to.port == in.name;
            });
            if (count == 0) error(n.id, in.name, "input '" + in.name + "' is not connected");
            if (count > 1 && !in.multiple)
                error(n.id, in.name, "input '" + in.name + "' accepts one edge, but has " + std::to_string(count));
        }
        for (const auto& o : t->outputs) {
            if (o.errors) continue;
            bool used = std::any_of(edges.begin(), edges.end(), [&](const EdgeSpec* e) {
                return e->from.node == n.id && e->from.port == o.name;
            });
            if (!used) warning(n.id, o.name, "output '" + o.name + "' is not connected; its records are discarded");
        }
    }
}

void Graph::propagate(const std::vector<const EdgeSpec*>& edges)
{
    for (const auto& id : r.topologicalOrder) {
        const NodeSpec* n = p.findNode(id);
        const NodeType* t = n ? catalog.find(n->type) : nullptr;
        if (!t) continue;
        std::vector<const Schema*> inputs(t->inputs.size(), nullptr);
        bool complete = true;
        for (std::size_t i = 0; i < t->inputs.size(); ++i) {
            for (const auto* e : edges) {
                if (e->to.node != id || e->to.port != t->inputs[i].name) continue;
                const Schema* s = r.schemaOf(e->from);
                if (!s) {
                    complete = false;
                    continue;
                }
                if (!inputs[i]) inputs[i] = s;
                else if (s->fields() != inputs[i]->fields())
                    error(id, t->inputs[i].name,
                          "incompatible schemas on input '" + t->inputs[i].name + "': (" +
                              inputs[i]->toString() + ") vs (" + s->toString() + ") from " + e->from.node);
            }
            if (!inputs[i]) complete = false;
        }
        if (!complete && !t->inputs.empty()) continue; // upstream problem already reported
        auto outs = catalog.deriveSchemas(*n, inputs, r.diagnostics);
        for (std::size_t i = 0; i < outs.size() && i < t->outputs.size(); ++i)
            if (!outs[i].empty()) r.outputSchemas[{id, t->outputs[i].name}] = std::move(outs[i]);
    }
}

void Graph::checkTopics()
{
    for (const auto& n : p.nodes) {
        const NodeType* t = catalog.find(n.type);
        if (!t || t->kafkaRoleOf(n) == KafkaRole::None) continue;
        auto topic = propertyValue(n, "topic");
        if (!topic.is_string() || topic.get<std::string>().empty()) continue;
        if (std::string why = checkTopicName(topic.get<std::string>()); !why.empty())
            warning(n.id, "topic", why);
    }
}

void Graph::checkPartitioning(const std::vector<const EdgeSpec*>& edges)
{
    for (const EdgeSpec* e : edges) {
        if (e->partitioning == EdgePartitioning::Auto) continue;
        const NodeSpec* from = p.findNode(e->from.node);
        const NodeSpec* to = p.findNode(e->to.node);
        const NodeType* ft = from ? catalog.find(from->type) : nullptr;
        const NodeType* tt = to ? catalog.find(to->type) : nullptr;
        if (!ft || !tt) continue;
        const std::string kind(toString(e->partitioning));
        const std::string desc = "edge " + e->from.node + "." + e->from.port + " -> " + e->to.node +
                                 "." + e->to.port + ": ";
        if (auto keys = partitionKeys(*to, *tt, tt->inputIndex(e->to.port))) {
            std::string names;
            for (const auto& k : *keys)
                names += (names.empty() ? "" : ", ") + k;
            error(to->id, e->to.port,
                  desc + "input '" + e->to.port + "' of " + to->type + " is keyed (" +
                      (names.empty() ? "one group" : names) +
                      ") and needs key-hash partitioning; set the edge's partitioning to auto "
                      "instead of " +
                      kind);
            continue;
        }
        const int pf = nodeParallelism(*from, *ft, p.settings.parallelism);
        const int pt = nodeParallelism(*to, *tt, p.settings.parallelism);
        if (e->partitioning == EdgePartitioning::Forward && pf != pt)
            error(to->id, e->to.port,
                  desc + "forward partitioning needs equal parallelism on both ends (" + from->id +
                      ": " + std::to_string(pf) + ", " + to->id + ": " + std::to_string(pt) +
                      "); use rebalance or auto");
        if (e->partitioning == EdgePartitioning::Broadcast && tt->isSink())
            warning(to->id, e->to.port,
                    desc + "broadcast into a sink: each of its " + std::to_string(pt) +
                        " subtask(s) writes every record (one copy per subtask)");
    }
}

} // namespace

const Schema* ValidationResult::schemaOf(const PortRef& output) const
{
    auto it = outputSchemas.find({output.node, output.port});
    return it == outputSchemas.end() ? nullptr : &it->second;
}

const ChangelogMode& ValidationResult::changelogOf(const PortRef& output) const
{
    static const ChangelogMode append;
    auto it = changelogs.find({output.node, output.port});
    return it == changelogs.end() ? append : it->second;
}

ChangelogMode mergeChangelogs(const std::vector<ChangelogMode>& modes)
{
    ChangelogMode m;
    for (std::size_t i = 0; i < modes.size(); ++i) {
        if (i == 0)
            m = modes[i];
        else if (!(modes[i] == m))
            m = ChangelogMode::retract(); // different keys or kinds
    }
    return m;
}

void Graph::inferChangelogs(const std::vector<const EdgeSpec*>& edges)
{
    for (const auto& id : r.topologicalOrder) {
        const NodeSpec* n = p.findNode(id);
        const NodeType* t = n ? catalog.find(n->type) : nullptr;
        if (!t) continue;
        std::vector<ChangelogContext::Input> inputs;
        for (const auto& port : t->inputs) {
            std::vector<ChangelogMode> modes;
            ChangelogContext::Input in;
            in.port = port.name;
            for (const auto* e : edges) {
                if (e->to.node != id || e->to.port != port.name) continue;
                modes.push_back(r.changelogOf(e->from));
                if (modes.back().updating() && in.from.empty()) in.from = e->from.node;
            }
            in.mode = mergeChangelogs(modes);
            inputs.push_back(std::move(in));
        }
        const Schema* out =
            t->outputs.empty() ? nullptr : r.schemaOf(PortRef{id, t->outputs[0].name});
        ChangelogContext ctx(*n, std::move(inputs), out);
        if (t->changelog)
            t->changelog(ctx);
        else
            changelog_rules::appendOnly("it only consumes insert-only (append) streams")(ctx);
        r.diagnostics.insert(r.diagnostics.end(), ctx.diagnostics().begin(),
                             ctx.diagnostics().end());
        for (const auto& o : t->outputs)
            if (!o.errors && ctx.output().updating()) r.changelogs[{id, o.name}] = ctx.output();
    }
}

void Graph::checkDelivery()
{
    // Under exactly-once every result sink must commit with checkpoints; one that cannot
    // (console) writes again what came after the last checkpoint when a run restarts.
    if (p.settings.delivery != DeliveryGuarantee::ExactlyOnce) return;
    for (const auto& n : p.nodes) {
        const NodeType* t = catalog.find(n.type);
        if (!t || !t->isResultSink() || t->exactlyOnce) continue;
        warning(n.id, "",
                "sink '" + n.id + "' (" + n.type +
                    ") cannot take part in exactly-once: after a failure or a resume it writes "
                    "again what came after the last checkpoint. Use a SQLite, file or Kafka sink "
                    "for exact results, or set the pipeline's delivery to at-least-once");
    }
}

ValidationResult validate(const PipelineSpec& pipeline)
{
    ValidationResult r;
    Graph g{pipeline, Catalog::instance(), r};
    if (pipeline.settings.parallelism < 1 || pipeline.settings.parallelism > 256)
        g.error("", "parallelism", "pipeline parallelism must be between 1 and 256");
    if (pipeline.nodes.empty()) g.warning("", "", "the pipeline has no nodes");
    g.checkNodesAndProperties();
    auto edges = g.checkEdges();
    g.order(edges);
    g.checkPorts(edges);
    g.propagate(edges);
    g.inferChangelogs(edges);
    g.checkTopics();
    g.checkPartitioning(edges);
    g.checkDelivery();
    return r;
}

} // namespace sw::runtime
