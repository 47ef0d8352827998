#include "canvas/NodeItem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "canvas/NodeGeometry.h"
#include "canvas/NodePainter.h"
#include "canvas/PipelineScene.h"
#include "catalog/Catalog.h"
#include "modelview/PipelineModel.h"

namespace sw::widgets {

NodeItem::NodeItem(PipelineScene* scene, std::string id) : m_scene(scene), m_id(std::move(id))
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(1);
    // Nodes are the costly part of a frame (text, gradients, icons): keep each one as a pixmap
    // at the current zoom so panning blits instead of repainting; update() drops the cache.
    if (scene->nodeCaching()) setCacheMode(DeviceCoordinateCache);
    syncFromModel();
}

const runtime::NodeSpec* NodeItem::spec() const
{
    return m_scene->model()->node(m_id);
}

const runtime::NodeType* NodeItem::nodeType() const
{
    const runtime::NodeSpec* n = spec();
    return n ? runtime::Catalog::instance().find(n->type) : nullptr;
}

QRectF NodeItem::boundingRect() const
{
    return NodeGeometry::boundingRect(nodeType());
}

QPainterPath NodeItem::shape() const
{
    QPainterPath p;
    QRectF body(QPointF(0, 0), NodeGeometry::size(nodeType()));
    p.addRoundedRect(body, 6, 6);
    // Ports stick out of the body; include them so pressing a port hits this item.
    const runtime::NodeType* t = nodeType();
    if (t) {
        double r = NodeGeometry::kPortHitRadius;
        for (int i = 0; i < static_cast<int>(t->inputs.size()); ++i)
            p.addEllipse(NodeGeometry::portPos(true, i), r, r);
        for (int i = 0; i < static_cast<int>(t->outputs.size()); ++i)
            p.addEllipse(NodeGeometry::portPos(false, i), r, r);
    }
    return p;
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const runtime::NodeSpec* n = spec();
    if (!n) return;
    NodePainter::Input in{
        *n,
        nodeType(),
        m_scene->canvasStyle(),
        isSelected(),
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform()),
        m_scene->font()};
    in.diagnostics = m_scene->model()->diagnosticsFor(m_id);
    in.portState = [this](bool input, int index) { return m_scene->portState(m_id, input, index); };
    in.connected = [this, n](bool input, const std::string& port) {
        const auto& p = m_scene->model()->pipeline();
        return input ? !p.edgesInto(n->id, port).empty() : !p.edgesFrom(n->id, port).empty();
    };
    NodePainter::paint(painter, in, option->exposedRect);
}

void NodeItem::syncFromModel()
{
    const runtime::NodeSpec* n = spec();
    if (!n) return;
    prepareGeometryChange();
    setPos(n->x, n->y);
    update();
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    // Snap while the user drags (the grabber moves every selected node); positions set from
    // the model are taken as they are.
    if (change == ItemPositionChange && m_scene->snapToGrid() && scene() &&
        scene()->mouseGrabberItem())
        return NodeGeometry::snap(value.toPointF());
    if (change == ItemPositionHasChanged) m_scene->nodeItemMoved(this);
    return QGraphicsItem::itemChange(change, value);
}

} // namespace sw::widgets
