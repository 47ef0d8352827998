#include "canvas/EdgeItem.h"

#include <algorithm>
#include <cmath>

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include "canvas/PipelineScene.h"
#include "catalog/Catalog.h"
#include "modelview/PipelineModel.h"

namespace sw::widgets {

/// The partitioning label of an edge, above the nodes. The edge owns it; whichever of the two is
/// destroyed first (the scene may clear items in any order) unlinks the other.
class EdgeLabelItem final : public QGraphicsItem {
public:
    explicit EdgeLabelItem(EdgeItem* edge) : m_edge(edge)
    {
        setZValue(2); // nodes are 1, a connection being dragged 3
        setAcceptedMouseButtons(Qt::LeftButton);
    }
    ~EdgeLabelItem() override
    {
        if (m_edge) m_edge->m_label = nullptr;
    }
    void unlink() { m_edge = nullptr; }
    void geometryChanged()
    {
        prepareGeometryChange();
        update();
    }
    QRectF boundingRect() const override
    {
        return m_edge ? m_edge->labelRect().adjusted(-1, -1, 1, 1) : QRectF();
    }
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        if (m_edge) m_edge->paintLabel(p);
    }

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override
    {
        // Clicking the label selects its edge (the label is not selectable itself).
        if (m_edge && scene()) {
            scene()->clearSelection();
            m_edge->setSelected(true);
        }
        event->accept();
    }

private:
    EdgeItem* m_edge;
};

EdgeItem::~EdgeItem()
{
    if (m_label) {
        m_label->unlink();
        delete m_label;
    }
}

EdgeItem::EdgeItem(PipelineScene* scene, runtime::EdgeSpec edge)
    : m_scene(scene), m_edge(std::move(edge))
{
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(0);
    updatePath();
}

void EdgeItem::setEdge(runtime::EdgeSpec edge)
{
    m_edge = std::move(edge);
    updatePath();
    update();
}

QString EdgeItem::label() const
{
    if (m_edge.partitioning == runtime::EdgePartitioning::Auto) return {};
    return QString::fromStdString(std::string(runtime::toString(m_edge.partitioning)));
}

namespace {
QFont labelFont()
{
    QFont f;
    f.setPointSizeF(f.pointSizeF() > 0 ? f.pointSizeF() * 0.85 : 8);
    return f;
}
} // namespace

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
    const QPointF from = m_scene->portScenePos(m_edge.from, false);
    const QPointF to = m_scene->portScenePos(m_edge.to, true);
    m_path = curve(from, to);
    QPainterPathStroker stroker;
    stroker.setWidth(12);
    m_shape = stroker.createStroke(m_path);
    m_labelRect = QRectF();
    if (const QString text = label(); !text.isEmpty()) {
        const QFontMetricsF fm(labelFont());
        const QSizeF size(fm.horizontalAdvance(text) + 10, fm.height() + 4);
        QPointF centre = m_path.pointAtPercent(0.5);
        // Between close nodes the pill would cover both ports: lift it just above the curve.
        if (std::abs(to.x() - from.x()) < size.width() + 24) centre.ry() -= size.height() / 2 + 6;
        m_labelRect = QRectF(centre - QPointF(size.width(), size.height()) / 2, size);
        m_shape.addRoundedRect(m_labelRect, 4, 4); // the label is clickable too
        if (!m_label) {
            m_label = new EdgeLabelItem(this);
            m_scene->addItem(m_label);
        }
        m_label->geometryChanged();
    } else if (m_label) {
        m_label->unlink();
        delete m_label;
        m_label = nullptr;
    }
}

QRectF EdgeItem::boundingRect() const
{
    return m_path.boundingRect().adjusted(-4, -4, 4, 4).united(m_labelRect.adjusted(-1, -1, 1, 1));
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

QVariant EdgeItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemSelectedHasChanged && m_label) m_label->update(); // selection colour
    return QGraphicsItem::itemChange(change, value);
}

void EdgeItem::paintLabel(QPainter* p) const
{
    if (m_labelRect.isEmpty()) return;
    // A pill with the partitioning ("broadcast", "rebalance", "forward") over the curve.
    const CanvasStyle& s = m_scene->canvasStyle();
    const QColor color = isSelected() ? s.selection : fromErrorsPort() ? s.errorsEdge : s.edge;
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setPen(QPen(color, isSelected() ? 1.5 : 1.0));
    p->setBrush(s.nodeBody);
    p->drawRoundedRect(m_labelRect, 4, 4);
    p->setFont(labelFont());
    p->setPen(isSelected() ? s.selection : s.subtitle);
    p->drawText(m_labelRect, Qt::AlignCenter, label());
}

} // namespace sw::widgets
