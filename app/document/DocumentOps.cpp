// Document's raw operations: the only code that mutates the pipeline. Called by undo commands.
#include <algorithm>

#include "document/Document.h"

namespace sw::app {

using runtime::EdgeSpec;
using runtime::NodeSpec;
using widgets::ChangeEvent;

void Document::insertNode(NodeSpec node, int index)
{
    auto& nodes = m_pipeline.nodes;
    index = std::clamp(index, 0, static_cast<int>(nodes.size()));
    std::string id = node.id;
    nodes.insert(nodes.begin() + index, std::move(node));
    touched({ChangeEvent::Type::NodeAdded, id});
}

NodeSpec Document::takeNode(const std::string& id, int* index)
{
    auto& nodes = m_pipeline.nodes;
    auto it =
        std::find_if(nodes.begin(), nodes.end(), [&](const NodeSpec& n) { return n.id == id; });
    if (it == nodes.end()) {
        if (index) *index = -1;
        return {};
    }
    if (index) *index = static_cast<int>(it - nodes.begin());
    NodeSpec n = std::move(*it);
    nodes.erase(it);
    touched({ChangeEvent::Type::NodeRemoved, id});
    return n;
}

void Document::setNodePosition(const std::string& id, QPointF pos)
{
    NodeSpec* n = m_pipeline.findNode(id);
    if (!n) return;
    n->x = pos.x();
    n->y = pos.y();
    touched({ChangeEvent::Type::NodeMoved, id});
}

nlohmann::json Document::nodeProperty(const std::string& id, const std::string& name) const
{
    const NodeSpec* n = m_pipeline.findNode(id);
    if (!n || !n->properties.is_object()) return nullptr;
    auto it = n->properties.find(name);
    return it == n->properties.end() ? nlohmann::json() : *it;
}

void Document::setNodeProperty(const std::string& id, const std::string& name,
                               const nlohmann::json& v)
{
    NodeSpec* n = m_pipeline.findNode(id);
    if (!n) return;
    if (!n->properties.is_object()) n->properties = nlohmann::json::object();
    if (v.is_null())
        n->properties.erase(name);
    else
        n->properties[name] = v;
    touched({ChangeEvent::Type::NodeChanged, id, name});
}

void Document::setNodeLabel(const std::string& id, const std::string& label)
{
    NodeSpec* n = m_pipeline.findNode(id);
    if (!n) return;
    n->label = label;
    touched({ChangeEvent::Type::NodeChanged, id, ""});
}

void Document::insertEdge(const EdgeSpec& edge, int index)
{
    auto& edges = m_pipeline.edges;
    index = std::clamp(index, 0, static_cast<int>(edges.size()));
    edges.insert(edges.begin() + index, edge);
    ChangeEvent e{ChangeEvent::Type::EdgeAdded};
    e.edge = edge;
    touched(e);
}

int Document::takeEdge(const EdgeSpec& edge)
{
    auto& edges = m_pipeline.edges;
    auto it = std::find_if(edges.begin(), edges.end(),
                           [&](const EdgeSpec& x) { return sameEnds(x, edge); });
    if (it == edges.end()) return -1;
    int index = static_cast<int>(it - edges.begin());
    ChangeEvent e{ChangeEvent::Type::EdgeRemoved};
    e.edge = *it;
    edges.erase(it);
    touched(e);
    return index;
}

runtime::EdgePartitioning Document::edgePartitioning(const EdgeSpec& edge) const
{
    for (const EdgeSpec& e : m_pipeline.edges)
        if (sameEnds(e, edge)) return e.partitioning;
    return runtime::EdgePartitioning::Auto;
}

void Document::setPartitioningOf(const EdgeSpec& edge, runtime::EdgePartitioning p)
{
    for (EdgeSpec& e : m_pipeline.edges) {
        if (!sameEnds(e, edge)) continue;
        e.partitioning = p;
        ChangeEvent ev{ChangeEvent::Type::EdgeChanged};
        ev.edge = e;
        touched(ev);
        return;
    }
}

void Document::setPipelineSettings(const runtime::PipelineSettings& settings)
{
    m_pipeline.settings = settings;
    touched({ChangeEvent::Type::SettingsChanged});
}

void Document::setDashboardSection(const nlohmann::json& dashboard)
{
    m_pipeline.dashboard = dashboard;
    touched({ChangeEvent::Type::DashboardChanged});
}

} // namespace sw::app
