#include "canvas/PipelineScene.h"

#include <algorithm>
#include <set>

#include <QGraphicsPathItem>

#include "canvas/EdgeItem.h"
#include "canvas/NodeItem.h"
#include "catalog/Catalog.h"
#include "modelview/PipelineModel.h"

namespace sw::widgets {

using runtime::EdgeSpec;

PipelineScene::PipelineScene(PipelineModel* model, QObject* parent)
    : QGraphicsScene(parent), m_model(model)
{
    // A large fixed area so the view can pan anywhere; the index copes with sparse items.
    setSceneRect(-20000, -20000, 40000, 40000);
    connect(model, &PipelineModel::changed, this, &PipelineScene::onChanged);
    connect(model, &PipelineModel::validated, this, &PipelineScene::onValidated);
    rebuild();
}

PipelineScene::~PipelineScene()
{
    // Items call back into the scene while being destroyed; drop them first.
    m_edges.clear();
    m_nodes.clear();
    clear();
}

void PipelineScene::setNodeCaching(bool on)
{
    if (on == m_nodeCaching) return;
    m_nodeCaching = on;
    for (auto& [id, item] : m_nodes)
        item->setCacheMode(on ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache);
}

void PipelineScene::setCanvasStyle(const CanvasStyle& style)
{
    m_style = style;
    setBackgroundBrush(style.background);
    for (auto& [id, item] : m_nodes)
        item->update(); // drops the item's cached pixmap; a scene update() would not
    update();
}

NodeItem* PipelineScene::nodeItem(const std::string& id) const
{
    auto it = m_nodes.find(id);
    return it == m_nodes.end() ? nullptr : it->second;
}

EdgeItem* PipelineScene::edgeItem(const EdgeSpec& edge) const
{
    for (EdgeItem* e : m_edges)
        if (e->edge().from == edge.from && e->edge().to == edge.to) return e;
    return nullptr;
}

std::vector<std::string> PipelineScene::selectedNodeIds() const
{
    std::vector<std::string> out;
    for (const auto& n : m_model->pipeline().nodes)
        if (NodeItem* item = nodeItem(n.id); item && item->isSelected()) out.push_back(n.id);
    return out;
}

std::vector<EdgeSpec> PipelineScene::selectedEdges() const
{
    std::vector<EdgeSpec> out;
    for (EdgeItem* e : m_edges)
        if (e->isSelected()) out.push_back(e->edge());
    return out;
}

void PipelineScene::selectNodes(const std::vector<std::string>& ids)
{
    QSignalBlocker block(this);
    clearSelection();
    for (const auto& id : ids)
        if (NodeItem* item = nodeItem(id)) item->setSelected(true);
    block.unblock();
    Q_EMIT selectionChanged();
}

QRectF PipelineScene::nodesBoundingRect() const
{
    QRectF r;
    for (const auto& [id, item] : m_nodes)
        r |= item->sceneBoundingRect();
    return r;
}

QPointF PipelineScene::portScenePos(const runtime::PortRef& port, bool input) const
{
    NodeItem* item = nodeItem(port.node);
    if (!item) return {};
    const runtime::NodeType* t = item->nodeType();
    int index = t ? (input ? t->inputIndex(port.port) : t->outputIndex(port.port)) : -1;
    return item->mapToScene(NodeGeometry::portPos(input, std::max(index, 0)));
}

void PipelineScene::nodeItemMoved(const NodeItem* item)
{
    for (EdgeItem* e : m_edges)
        if (e->edge().from.node == item->id() || e->edge().to.node == item->id()) e->updatePath();
}

void PipelineScene::rebuild()
{
    m_drag.reset();
    for (EdgeItem* e : m_edges)
        delete e;
    m_edges.clear();
    for (auto& [id, item] : m_nodes)
        delete item;
    m_nodes.clear();
    for (const auto& n : m_model->pipeline().nodes)
        addNodeItem(n);
    for (const auto& e : m_model->pipeline().edges)
        addEdgeItem(e);
}

void PipelineScene::addNodeItem(const runtime::NodeSpec& node)
{
    if (m_nodes.count(node.id)) return;
    auto* item = new NodeItem(this, node.id);
    m_nodes[node.id] = item;
    addItem(item);
}

void PipelineScene::removeNodeItem(const std::string& id)
{
    auto it = m_nodes.find(id);
    if (it == m_nodes.end()) return;
    NodeItem* item = it->second;
    m_nodes.erase(it);
    delete item;
}

void PipelineScene::addEdgeItem(const EdgeSpec& edge)
{
    if (edgeItem(edge) || !nodeItem(edge.from.node) || !nodeItem(edge.to.node)) return;
    auto* item = new EdgeItem(this, edge);
    m_edges.push_back(item);
    addItem(item);
    // Port fill shows connectedness.
    nodeItem(edge.from.node)->update();
    nodeItem(edge.to.node)->update();
}

void PipelineScene::removeEdgeItem(const EdgeSpec& edge)
{
    auto it = std::find_if(m_edges.begin(), m_edges.end(), [&](EdgeItem* e) {
        return e->edge().from == edge.from && e->edge().to == edge.to;
    });
    if (it == m_edges.end()) return;
    EdgeItem* item = *it;
    m_edges.erase(it);
    delete item;
    if (NodeItem* n = nodeItem(edge.from.node)) n->update();
    if (NodeItem* n = nodeItem(edge.to.node)) n->update();
}

void PipelineScene::onChanged(const ChangeEvent& e)
{
    m_syncing = true;
    switch (e.type) {
    case ChangeEvent::Type::Reset:
        rebuild();
        break;
    case ChangeEvent::Type::NodeAdded:
        if (const auto* n = m_model->node(e.nodeId)) addNodeItem(*n);
        // Edges of a re-inserted node (undo of a delete) arrive as EdgeAdded afterwards.
        break;
    case ChangeEvent::Type::NodeRemoved:
        removeNodeItem(e.nodeId);
        break;
    case ChangeEvent::Type::NodeMoved:
    case ChangeEvent::Type::NodeChanged:
        if (NodeItem* item = nodeItem(e.nodeId)) item->syncFromModel();
        break;
    case ChangeEvent::Type::EdgeAdded:
        addEdgeItem(e.edge);
        break;
    case ChangeEvent::Type::EdgeRemoved:
        removeEdgeItem(e.edge);
        break;
    case ChangeEvent::Type::EdgeChanged:
        if (EdgeItem* item = edgeItem(e.edge)) item->setEdge(e.edge);
        break;
    case ChangeEvent::Type::SettingsChanged:
    case ChangeEvent::Type::DashboardChanged:
        break;
    }
    m_syncing = false;
}

void PipelineScene::onValidated()
{
    for (auto& [id, item] : m_nodes)
        item->update();
}

void PipelineScene::commitMoves()
{
    std::vector<std::pair<std::string, QPointF>> moves;
    for (const auto& n : m_model->pipeline().nodes) {
        NodeItem* item = nodeItem(n.id);
        if (item && item->pos() != QPointF(n.x, n.y)) moves.emplace_back(n.id, item->pos());
    }
    if (!moves.empty()) m_model->moveNodes(moves);
}

} // namespace sw::widgets
