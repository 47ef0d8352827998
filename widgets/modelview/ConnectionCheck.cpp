#include "modelview/ConnectionCheck.h"

#include <algorithm>
#include <set>
#include <vector>

#include "catalog/Catalog.h"

namespace sw::widgets {

using runtime::EdgeSpec;
using runtime::PipelineSpec;

namespace {

std::string nodeName(const runtime::NodeSpec& n)
{
    return n.label.empty() ? n.id : n.label;
}

/// A path from `from` to `to` following edges (node ids), or empty when there is none.
std::vector<std::string> findPath(const PipelineSpec& p, const std::string& from,
                                  const std::string& to)
{
    std::map<std::string, std::string> parent;
    std::vector<std::string> queue{from};
    std::set<std::string> seen{from};
    for (std::size_t i = 0; i < queue.size(); ++i) {
        const std::string cur = queue[i];
        if (cur == to) {
            std::vector<std::string> path{to};
            for (std::string n = to; n != from;)
                path.push_back(n = parent[n]);
            std::reverse(path.begin(), path.end());
            return path;
        }
        for (const auto& e : p.edges)
            if (e.from.node == cur && seen.insert(e.to.node).second) {
                parent[e.to.node] = cur;
                queue.push_back(e.to.node);
            }
    }
    return {};
}

} // namespace

std::string structuralConnectionProblem(const PipelineSpec& p, const EdgeSpec& edge)
{
    const auto& catalog = runtime::Catalog::instance();
    const runtime::NodeSpec* from = p.findNode(edge.from.node);
    const runtime::NodeSpec* to = p.findNode(edge.to.node);
    if (!from || !to) return "unknown node";
    const runtime::NodeType* ft = catalog.find(from->type);
    const runtime::NodeType* tt = catalog.find(to->type);
    if (!ft || !tt) return "unknown node type";
    if (ft->outputIndex(edge.from.port) < 0)
        return "'" + edge.from.port + "' is not an output of " + nodeName(*from);
    int in = tt->inputIndex(edge.to.port);
    if (in < 0) return "'" + edge.to.port + "' is not an input of " + nodeName(*to);
    if (from->id == to->id) return "a node cannot be connected to itself";
    if (std::find(p.edges.begin(), p.edges.end(), edge) != p.edges.end())
        return "these ports are already connected";
    if (!tt->inputs[static_cast<std::size_t>(in)].multiple &&
        !p.edgesInto(to->id, edge.to.port).empty())
        return "input '" + edge.to.port + "' of " + nodeName(*to) +
               " accepts one connection and is already connected";
    auto loop = findPath(p, to->id, from->id);
    if (!loop.empty()) {
        std::string chain;
        for (const auto& id : loop)
            chain += id + " \u2192 ";
        return "this would create a cycle (" + chain + to->id + ")";
    }
    return {};
}

std::string schemaConnectionProblem(const PipelineSpec& p, const runtime::ValidationResult& current,
                                    const EdgeSpec& edge)
{
    PipelineSpec trial = p;
    trial.edges.push_back(edge);
    runtime::ValidationResult r = runtime::validate(trial);
    for (const auto& d : r.diagnostics) {
        if (d.severity != runtime::Severity::Error || d.nodeId != edge.to.node) continue;
        if (d.property != edge.to.port) continue;
        bool existed = std::find(current.diagnostics.begin(), current.diagnostics.end(), d) !=
                       current.diagnostics.end();
        if (!existed) return d.message;
    }
    return {};
}

std::string connectionProblem(const PipelineSpec& p, const runtime::ValidationResult& current,
                              const EdgeSpec& edge)
{
    if (std::string s = structuralConnectionProblem(p, edge); !s.empty()) return s;
    return schemaConnectionProblem(p, current, edge);
}

const std::string& ConnectionChecker::structural(const EdgeSpec& edge)
{
    Key k = key(edge);
    auto it = m_structural.find(k);
    if (it == m_structural.end())
        it = m_structural.emplace(k, structuralConnectionProblem(m_pipeline, edge)).first;
    return it->second;
}

const std::string& ConnectionChecker::full(const EdgeSpec& edge)
{
    Key k = key(edge);
    auto it = m_full.find(k);
    if (it == m_full.end()) {
        const std::string& s = structural(edge);
        it = m_full.emplace(k, s.empty() ? schemaConnectionProblem(m_pipeline, m_current, edge) : s)
                 .first;
    }
    return it->second;
}

} // namespace sw::widgets
