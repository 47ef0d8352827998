#include "exec/PhysicalPlan.h"

#include <algorithm>

#include "catalog/Catalog.h"
#include "validate/Validator.h"

namespace sw::runtime {

int PhysicalPlan::indexOf(const std::string& nodeId) const
{
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].spec->id == nodeId) return static_cast<int>(i);
    return -1;
}

namespace {

std::string describeErrors(const Diagnostics& diags)
{
    std::string msg;
    int n = 0;
    for (const auto& d : diags) {
        if (d.severity != Severity::Error) continue;
        if (n++ == 5) {
            msg += "; ...";
            break;
        }
        if (!msg.empty()) msg += "; ";
        msg += (d.nodeId.empty() ? std::string() : d.nodeId + ": ") +
               (d.property.empty() ? std::string() : d.property + ": ") + d.message;
    }
    return msg;
}

Status resolveEdge(PhysicalPlan& plan, const EdgeSpec& e)
{
    PlanEdge pe;
    pe.spec = e;
    pe.from = plan.indexOf(e.from.node);
    pe.to = plan.indexOf(e.to.node);
    if (pe.from < 0 || pe.to < 0) return makeError("edge refers to a missing node");
    const PlanNode& from = plan.nodes[static_cast<std::size_t>(pe.from)];
    const PlanNode& to = plan.nodes[static_cast<std::size_t>(pe.to)];
    pe.fromPort = from.type->outputIndex(e.from.port);
    pe.toPort = to.type->inputIndex(e.to.port);
    if (pe.fromPort < 0 || pe.toPort < 0) return makeError("edge refers to a missing port");
    pe.changelog = plan.validation.changelogOf(e.from);
    if (e.partitioning != EdgePartitioning::Auto) {
        // Explicit (Flink's rebalance/broadcast/forward); the validator rejects it into a keyed
        // input and a forward between different parallelisms.
        pe.partitioning = e.partitioning == EdgePartitioning::Broadcast   ? Partitioning::Broadcast
                          : e.partitioning == EdgePartitioning::Rebalance ? Partitioning::Rebalance
                                                                          : Partitioning::Forward;
    } else if (auto keys = partitionKeys(*to.spec, *to.type, pe.toPort)) {
        pe.partitioning = Partitioning::KeyHash;
        const Schema& in = to.inputSchemas[static_cast<std::size_t>(pe.toPort)];
        for (const auto& k : *keys) {
            int idx = in.indexOf(k);
            if (idx < 0) return makeError(to.spec->id + ": unknown key column '" + k + "'");
            pe.keys.push_back(idx);
        }
    } else {
        pe.partitioning =
            from.parallelism == to.parallelism ? Partitioning::Forward : Partitioning::Rebalance;
    }
    plan.edges.push_back(std::move(pe));
    return Status::ok();
}

/// Marks the sources from which a node with a connected errors output is reachable (not
/// counting the source itself: its own errors are parse failures, which carry bytes anyway).
void resolveRawBytes(PhysicalPlan& plan)
{
    const std::size_t n = plan.nodes.size();
    std::vector<bool> errorsConnected(n, false);
    std::vector<std::vector<int>> next(n);
    for (const PlanEdge& e : plan.edges) {
        const PlanNode& from = plan.nodes[static_cast<std::size_t>(e.from)];
        if (from.type->outputs[static_cast<std::size_t>(e.fromPort)].errors)
            errorsConnected[static_cast<std::size_t>(e.from)] = true;
        next[static_cast<std::size_t>(e.from)].push_back(e.to);
    }
    for (std::size_t s = 0; s < n; ++s) {
        if (!plan.nodes[s].type->isSource()) continue;
        std::vector<bool> seen(n, false);
        std::vector<int> todo = next[s];
        while (!todo.empty() && !plan.nodes[s].keepRawBytes) {
            const auto i = static_cast<std::size_t>(todo.back());
            todo.pop_back();
            if (seen[i]) continue;
            seen[i] = true;
            if (errorsConnected[i]) plan.nodes[s].keepRawBytes = true;
            todo.insert(todo.end(), next[i].begin(), next[i].end());
        }
    }
}

} // namespace

Result<PhysicalPlan> compilePlan(const PipelineSpec& pipeline)
{
    ValidationResult v = validate(pipeline);
    if (!v.ok()) return makeError("pipeline is not valid: " + describeErrors(v.diagnostics));
    if (v.topologicalOrder.size() != pipeline.nodes.size())
        return makeError("pipeline is not valid: no topological order (cycle?)");
    const Catalog& catalog = Catalog::instance();
    PhysicalPlan plan;
    for (const auto& id : v.topologicalOrder) {
        PlanNode n;
        n.spec = pipeline.findNode(id);
        n.type = n.spec ? catalog.find(n.spec->type) : nullptr;
        if (!n.type) return makeError(id + ": unknown node");
        n.parallelism = nodeParallelism(*n.spec, *n.type, pipeline.settings.parallelism);
        for (const auto& out : n.type->outputs) {
            const Schema* s = v.schemaOf(PortRef{id, out.name});
            n.outputSchemas.push_back(s ? *s : (out.errors ? errorSchema() : Schema()));
        }
        n.inputSchemas.resize(n.type->inputs.size());
        plan.nodes.push_back(std::move(n));
    }
    for (const auto& e : pipeline.edges) {
        int from = plan.indexOf(e.from.node), to = plan.indexOf(e.to.node);
        if (from < 0 || to < 0) continue;
        const PlanNode& fn = plan.nodes[static_cast<std::size_t>(from)];
        PlanNode& tn = plan.nodes[static_cast<std::size_t>(to)];
        int op = fn.type->outputIndex(e.from.port), ip = tn.type->inputIndex(e.to.port);
        if (op >= 0 && ip >= 0)
            tn.inputSchemas[static_cast<std::size_t>(ip)] =
                fn.outputSchemas[static_cast<std::size_t>(op)];
    }
    plan.validation = std::move(v);
    for (const auto& e : pipeline.edges)
        if (Status s = resolveEdge(plan, e); !s) return s.error();
    for (PlanNode& n : plan.nodes) {
        n.inputChangelogs.resize(n.type->inputs.size());
        for (std::size_t i = 0; i < n.type->inputs.size(); ++i) {
            std::vector<ChangelogMode> modes;
            for (const EdgeSpec* e : pipeline.edgesInto(n.spec->id, n.type->inputs[i].name))
                modes.push_back(plan.validation.changelogOf(e->from));
            n.inputChangelogs[i] = mergeChangelogs(modes);
        }
    }
    resolveRawBytes(plan);
    return plan;
}

} // namespace sw::runtime
