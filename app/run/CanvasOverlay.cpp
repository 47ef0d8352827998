#include "run/CanvasOverlay.h"

#include <QGraphicsObject>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneHelpEvent>
#include <QMenu>
#include <QPainter>
#include <QToolTip>

#include "canvas/EdgeItem.h"
#include "canvas/NodeGeometry.h"
#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "metrics/MetricsRates.h"
#include "run/RunController.h"

namespace sw::app {

namespace {
QColor levelColor(BackpressureLevel l)
{
    switch (l) {
    case BackpressureLevel::Green:
        return QColor(0x2e, 0x9d, 0x57);
    case BackpressureLevel::Yellow:
        return QColor(0xe0, 0xa8, 0x00);
    case BackpressureLevel::Red:
        return QColor(0xd6, 0x45, 0x41);
    }
    return Qt::gray;
}

/// The rectangle of a pill with `text` centred horizontally on `anchor.x()`, top at
/// `anchor.y()` (or centred vertically when `centred`).
QRectF pillRect(const QPainter* p, QPointF anchor, const QString& text, bool centred)
{
    const QFontMetricsF fm(p->font());
    const double w = fm.horizontalAdvance(text) + 14;
    const double h = fm.height() + 4;
    return QRectF(anchor.x() - w / 2, centred ? anchor.y() - h / 2 : anchor.y(), w, h);
}

void drawPill(QPainter* p, const QRectF& r, const QString& text, QColor border, QColor fill,
              QColor ink)
{
    p->setPen(QPen(border, 1.2));
    p->setBrush(fill);
    p->drawRoundedRect(r, r.height() / 2, r.height() / 2);
    p->setPen(ink);
    p->drawText(r, Qt::AlignCenter, text);
}
} // namespace

/// One overlay layer: paints from the model, never takes events (empty shape).
class OverlayLayer : public QGraphicsObject {
public:
    enum class Kind { Edges, Badges };
    OverlayLayer(Kind kind, widgets::PipelineScene* scene, const OverlayModel* model)
        : m_kind(kind), m_scene(scene), m_model(model)
    {
        setZValue(kind == Kind::Edges ? 0.5 : 2.5);
        setAcceptedMouseButtons(Qt::NoButton);
        setAcceptHoverEvents(false);
        setFlag(ItemHasNoContents, false);
    }
    void refresh()
    {
        const QRectF r = m_scene->nodesBoundingRect().adjusted(-160, -100, 160, 120);
        if (r != m_rect) {
            prepareGeometryChange(); // only when nodes moved: it re-indexes the item
            m_rect = r;
        }
        update();
    }
    QRectF boundingRect() const override { return m_rect; }
    QPainterPath shape() const override { return {}; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        p->setRenderHint(QPainter::Antialiasing);
        if (m_kind == Kind::Edges)
            paintEdges(p);
        else
            paintBadges(p);
    }

private:
    QPainterPath edgePath(const runtime::EdgeSpec& e) const
    {
        return widgets::EdgeItem::curve(m_scene->portScenePos(e.from, false),
                                        m_scene->portScenePos(e.to, true));
    }
    void paintEdges(QPainter* p) const
    {
        for (const EdgeOverlay& e : m_model->edges) {
            if (!m_scene->nodeItem(e.edge.from.node) || !m_scene->nodeItem(e.edge.to.node))
                continue;
            QPen pen(levelColor(e.level), 3.2);
            pen.setCapStyle(Qt::RoundCap);
            if (e.edge.from.port == "errors") pen.setStyle(Qt::DashLine);
            p->setPen(pen);
            p->setBrush(Qt::NoBrush);
            p->drawPath(edgePath(e.edge));
        }
    }
    QRectF nodeRect(const std::string& id) const
    {
        widgets::NodeItem* item = m_scene->nodeItem(id);
        return item ? item->mapRectToScene(
                          QRectF(QPointF(0, 0), widgets::NodeGeometry::size(item->nodeType())))
                    : QRectF();
    }
    /// An edge's rate pill sits on the edge's middle; when the edge is too short for it (nodes
    /// side by side) it would hide the port names, so it moves above the gap between the two
    /// nodes with a leader line down to the edge.
    void paintEdgeLabel(QPainter* p, const EdgeOverlay& e, QColor fill, QColor ink) const
    {
        const QPointF mid = edgePath(e.edge).pointAtPercent(0.5);
        const QString text = QString::fromStdString(e.label);
        QRectF r = pillRect(p, mid, text, true);
        const QRectF from = nodeRect(e.edge.from.node), to = nodeRect(e.edge.to.node);
        if (r.intersects(from) || r.intersects(to)) {
            const double top = std::min(from.top(), to.top());
            r.moveBottom(top - 6);
            p->setPen(QPen(levelColor(e.level), 1));
            p->drawLine(QPointF(mid.x(), r.bottom()), mid);
        }
        drawPill(p, r, text, levelColor(e.level), fill, ink);
    }
    void paintBadges(QPainter* p) const
    {
        const widgets::CanvasStyle& style = m_scene->canvasStyle();
        QFont f = p->font();
        f.setPointSizeF(f.pointSizeF() * 0.9);
        p->setFont(f);
        const QColor fill = style.dark ? QColor(0x26, 0x2a, 0x30) : QColor(0xff, 0xff, 0xff);
        const QColor ink = style.dark ? QColor(0xe8, 0xe8, 0xe8) : QColor(0x20, 0x24, 0x28);
        for (const EdgeOverlay& e : m_model->edges) {
            if (!m_scene->nodeItem(e.edge.from.node) || !m_scene->nodeItem(e.edge.to.node))
                continue;
            paintEdgeLabel(p, e, fill, ink);
        }
        for (const NodeOverlay& n : m_model->nodes) {
            const QRectF r = nodeRect(n.nodeId);
            if (r.isNull()) continue;
            const QColor border = n.errors > 0 ? style.badgeError : style.nodeBorder;
            const QString text = QString::fromStdString(n.badge);
            drawPill(p, pillRect(p, QPointF(r.center().x(), r.bottom() + 6), text, false), text,
                     border, fill, ink);
        }
    }

    Kind m_kind;
    widgets::PipelineScene* m_scene;
    const OverlayModel* m_model;
    QRectF m_rect;
};

CanvasOverlay::CanvasOverlay(RunController* controller, widgets::PipelineScene* scene,
                             QObject* parent)
    : QObject(parent), m_scene(scene)
{
    m_edgeLayer = new OverlayLayer(OverlayLayer::Kind::Edges, scene, &m_model);
    m_badgeLayer = new OverlayLayer(OverlayLayer::Kind::Badges, scene, &m_model);
    m_edgeLayer->setVisible(false);
    m_badgeLayer->setVisible(false);
    scene->addItem(m_edgeLayer);
    scene->addItem(m_badgeLayer);
    scene->installEventFilter(this);
    if (controller) {
        connect(controller, &RunController::ticked, this,
                [this, controller](const widgets::MetricsSample& s) {
                    update(controller->pipeline(), s);
                });
        connect(controller, &RunController::runEnded, this, [this] { clear(); });
    }
}

CanvasOverlay::~CanvasOverlay()
{
    // The scene owns the layers; delete them unless the scene is already gone.
    if (m_scene) {
        m_scene->removeEventFilter(this);
        delete m_edgeLayer.data();
        delete m_badgeLayer.data();
    }
}

void CanvasOverlay::update(const runtime::PipelineSpec& pipeline,
                           const widgets::MetricsSample& sample)
{
    m_model = buildOverlay(pipeline, sample);
    m_active = true;
    for (OverlayLayer* l : {m_edgeLayer.data(), m_badgeLayer.data()}) {
        if (!l) continue;
        l->setVisible(true);
        l->refresh();
    }
}

void CanvasOverlay::clear()
{
    m_model = {};
    m_active = false;
    for (OverlayLayer* l : {m_edgeLayer.data(), m_badgeLayer.data()})
        if (l) l->setVisible(false);
}

QString CanvasOverlay::nodeToolTip(const std::string& nodeId) const
{
    const NodeOverlay* n = m_active ? m_model.node(nodeId) : nullptr;
    if (!n) return {};
    QString html = QStringLiteral("<b>%1</b> · %2<br/>")
                       .arg(QString::fromStdString(nodeId).toHtmlEscaped(),
                            QString::fromStdString(n->badge).toHtmlEscaped());
    const QStringList lines =
        QString::fromStdString(n->tooltip).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines)
        html += line.toHtmlEscaped().replace(QStringLiteral("  "), QStringLiteral("&nbsp;&nbsp;")) +
                QStringLiteral("<br/>");
    return QStringLiteral("<div style='white-space:pre-wrap'>%1</div>").arg(html);
}

bool CanvasOverlay::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_scene) {
        if (event->type() == QEvent::GraphicsSceneHelp && m_active) return showToolTip(event);
        if (event->type() == QEvent::GraphicsSceneContextMenu) return showEdgeMenu(event);
    }
    return QObject::eventFilter(watched, event);
}

bool CanvasOverlay::showToolTip(QEvent* event)
{
    auto* help = static_cast<QGraphicsSceneHelpEvent*>(event);
    for (QGraphicsItem* item : m_scene->items(help->scenePos())) {
        if (item->type() != widgets::NodeItem::Type) continue;
        auto* node = static_cast<widgets::NodeItem*>(item);
        // Ports keep the designer's schema tooltip.
        if (widgets::NodeGeometry::portAt(node->nodeType(), node->mapFromScene(help->scenePos()))
                .valid())
            return false;
        const QString text = nodeToolTip(node->id());
        if (text.isEmpty()) return false;
        QToolTip::showText(help->screenPos(), text, help->widget());
        event->accept();
        return true;
    }
    return false;
}

bool CanvasOverlay::showEdgeMenu(QEvent* event)
{
    auto* ctx = static_cast<QGraphicsSceneContextMenuEvent*>(event);
    for (QGraphicsItem* item : m_scene->items(ctx->scenePos())) {
        if (item->type() == widgets::NodeItem::Type) return false; // nodes come first
        if (item->type() != widgets::EdgeItem::Type) continue;
        const runtime::EdgeSpec edge = static_cast<widgets::EdgeItem*>(item)->edge();
        QMenu menu;
        QAction* inspect = menu.addAction(tr("Inspect records on this edge"));
        for (const EdgeMenuEntries& add : m_edgeMenuEntries)
            add(menu, edge);
        if (menu.exec(ctx->screenPos()) == inspect) Q_EMIT inspectRequested(edge);
        event->accept();
        return true;
    }
    return false;
}

} // namespace sw::app
