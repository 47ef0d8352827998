#include "canvas/EdgeItem.h"

#include <algorithm>
#include <cmath>

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include "canvas/PipelineScene.h"
#include "catalog/Catalog.h"
#include "modelview/PipelineModel.h"

namespace sw::widgets {

EdgeItem::EdgeItem(PipelineScene* scene, runtime::EdgeSpec edge)
    : m_scene(scene), m_edge(std::move(edge))
{
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(0);
    updatePath();
}

bool EdgeItem::fromErrorsPort() const
{
    const runtime::NodeSpec* n = m_scene->model()->node(m_edge.from.node);
    const runtime::NodeType* t = n ? runtime::Catalog::instance().find(n->type) : nullptr;
    int i = t ? t->outputIndex(m_edge.from.port) : -1;
    return i >= 0 && t->outputs[static_cast<std::size_t>(i)].errors;
}

QPainterPath EdgeItem::curve(QPointF from, QPointF to)
{
    double dx = std::max(50.0, std::abs(to.x() - from.x()) * 0.5);
    QPainterPath path(from);
    path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
    return path;
}

void EdgeItem::updatePath()
{
    prepareGeometryChange();
    m_path =
        curve(m_scene->portScenePos(m_edge.from, false), m_scene->portScenePos(m_edge.to, true));
    QPainterPathStroker stroker;
    stroker.setWidth(12);
    m_shape = stroker.createStroke(m_path);
}

QRectF EdgeItem::boundingRect() const
{
    return m_path.boundingRect().adjusted(-4, -4, 4, 4);
}

QPainterPath EdgeItem::shape() const
{
    return m_shape;
}

void EdgeItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const CanvasStyle& s = m_scene->canvasStyle();
    bool errors = fromErrorsPort();
    QColor color = errors ? s.errorsEdge : s.edge;
    double width = 2.0;
    if (isSelected()) {
        color = s.selection;
        width = 3.0;
    }
    QPen pen(color, width, errors ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap);
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    p->drawPath(m_path);
}

} // namespace sw::widgets
