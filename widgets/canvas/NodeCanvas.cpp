#include "canvas/NodeCanvas.h"

#include <algorithm>
#include <cmath>

#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include "canvas/NodeGeometry.h"
#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "catalog/Catalog.h"
#include "modelview/PipelineModel.h"

namespace sw::widgets {

NodeCanvas::NodeCanvas(PipelineScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent), m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontSavePainterState);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    connect(scene->model(), &PipelineModel::changed, this, [this](const ChangeEvent& e) {
        using T = ChangeEvent::Type;
        bool countChanged =
            e.type == T::NodeAdded || e.type == T::NodeRemoved || e.type == T::Reset;
        if (countChanged && m_scene->model()->pipeline().nodes.size() <= 1) viewport()->update();
    });
}

void NodeCanvas::setZoom(double z, QPointF viewAnchor)
{
    z = std::clamp(z, kMinZoom, kMaxZoom);
    double factor = z / zoom();
    if (std::abs(factor - 1.0) < 1e-9) return;
    if (!m_zoomSettle) {
        m_zoomSettle = new QTimer(this);
        m_zoomSettle->setSingleShot(true);
        m_zoomSettle->setInterval(200);
        connect(m_zoomSettle, &QTimer::timeout, this, [this] { m_scene->setNodeCaching(true); });
    }
    m_scene->setNodeCaching(false);
    m_zoomSettle->start();
    if (viewAnchor.x() >= 0) {
        QPointF before = mapToScene(viewAnchor.toPoint());
        ViewportAnchor old = transformationAnchor();
        setTransformationAnchor(NoAnchor);
        scale(factor, factor);
        QPointF delta = mapFromScene(before) - viewAnchor;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() +
                                        int(std::round(delta.x())));
        verticalScrollBar()->setValue(verticalScrollBar()->value() + int(std::round(delta.y())));
        setTransformationAnchor(old);
    } else {
        ViewportAnchor old = transformationAnchor();
        setTransformationAnchor(AnchorViewCenter);
        scale(factor, factor);
        setTransformationAnchor(old);
    }
    Q_EMIT zoomChanged(zoom());
}

QPointF NodeCanvas::viewCenter() const
{
    return mapToScene(viewport()->rect().center());
}

QPointF NodeCanvas::placementFor(QPointF scenePos, const std::string& type) const
{
    QSizeF s = NodeGeometry::size(runtime::Catalog::instance().find(type));
    return NodeGeometry::snap(scenePos - QPointF(s.width() / 2, s.height() / 2));
}

void NodeCanvas::zoomIn()
{
    setZoom(zoom() * 1.25);
}
void NodeCanvas::zoomOut()
{
    setZoom(zoom() / 1.25);
}
void NodeCanvas::resetZoom()
{
    setZoom(1.0);
}

void NodeCanvas::zoomToFit()
{
    QRectF r = m_scene->nodesBoundingRect();
    if (r.isEmpty()) {
        resetZoom();
        centerOn(0, 0);
        return;
    }
    r.adjust(-40, -40, 40, 40);
    QRectF vp = viewport()->rect();
    const double z =
        std::clamp(std::min(vp.width() / r.width(), vp.height() / r.height()), kMinFitZoom, 1.0);
    setZoom(z);
    // What does not fit scrolls: show the top-left part (the sources) rather than the middle.
    const double halfW = vp.width() / z / 2, halfH = vp.height() / z / 2;
    centerOn(std::min(r.center().x(), r.left() + halfW), std::min(r.center().y(), r.top() + halfH));
}

void NodeCanvas::ensureNodeVisible(const QString& nodeId)
{
    if (NodeItem* item = m_scene->nodeItem(nodeId.toStdString())) ensureVisible(item, 60, 60);
}

void NodeCanvas::drawBackground(QPainter* p, const QRectF& rect)
{
    const CanvasStyle& s = m_scene->canvasStyle();
    p->fillRect(rect, s.background);
    const double grid = NodeGeometry::kGrid;
    auto drawGrid = [&](double step, const QColor& color) {
        if (step * zoom() < 7) return; // too dense to be useful
        QPen pen(color, 0);
        p->setPen(pen);
        double left = std::floor(rect.left() / step) * step;
        double top = std::floor(rect.top() / step) * step;
        QVector<QLineF> lines;
        for (double x = left; x < rect.right(); x += step)
            lines.append(QLineF(x, rect.top(), x, rect.bottom()));
        for (double y = top; y < rect.bottom(); y += step)
            lines.append(QLineF(rect.left(), y, rect.right(), y));
        p->drawLines(lines);
    };
    p->setRenderHint(QPainter::Antialiasing, false);
    drawGrid(grid, s.gridMinor);
    drawGrid(grid * 5, s.gridMajor);
}

void NodeCanvas::drawForeground(QPainter* p, const QRectF&)
{
    if (!m_scene->model()->pipeline().nodes.empty()) return;
    p->save();
    p->resetTransform();
    QFont f = font();
    if (f.pointSizeF() > 0) f.setPointSizeF(f.pointSizeF() + 1.5);
    p->setFont(f);
    p->setPen(m_scene->canvasStyle().subtitle);
    p->drawText(
        viewport()->rect(), Qt::AlignCenter,
        tr("Drag a node from the palette to start,\nor open an example: File \u25b8 Open Example"));
    p->restore();
}

void NodeCanvas::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    // The empty-canvas hint is fixed to the viewport: repaint it whole.
    if (m_scene->model()->pipeline().nodes.empty()) viewport()->update();
}

void NodeCanvas::wheelEvent(QWheelEvent* event)
{
    double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    setZoom(zoom() * std::pow(1.15, steps), event->position());
    event->accept();
}

void NodeCanvas::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && !m_scene->isConnecting()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Space) {
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void NodeCanvas::keyReleaseEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        if (!m_panning) viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void NodeCanvas::focusOutEvent(QFocusEvent* event)
{
    m_spaceHeld = false;
    stopPan();
    QGraphicsView::focusOutEvent(event);
}

void NodeCanvas::startPan(QPoint pos)
{
    m_panning = true;
    m_lastPanPos = pos;
    viewport()->setCursor(Qt::ClosedHandCursor);
}

void NodeCanvas::stopPan()
{
    if (!m_panning) return;
    m_panning = false;
    if (m_spaceHeld)
        viewport()->setCursor(Qt::OpenHandCursor);
    else
        viewport()->unsetCursor();
}

void NodeCanvas::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        startPan(event->position().toPoint());
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void NodeCanvas::mouseMoveEvent(QMouseEvent* event)
{
    if (m_panning) {
        QPoint pos = event->position().toPoint();
        QPoint d = pos - m_lastPanPos;
        m_lastPanPos = pos;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void NodeCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        stopPan();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

namespace {
/// Node types from the palette and files (opened by the window) may be dropped here.
void acceptOurDrags(QDropEvent* event)
{
    const QMimeData* mime = event->mimeData();
    if (mime->hasFormat(kNodeTypeMime) || mime->hasUrls())
        event->acceptProposedAction();
    else
        event->ignore();
}
} // namespace

void NodeCanvas::dragEnterEvent(QDragEnterEvent* event)
{
    acceptOurDrags(event);
}

void NodeCanvas::dragMoveEvent(QDragMoveEvent* event)
{
    acceptOurDrags(event);
}

void NodeCanvas::dropEvent(QDropEvent* event)
{
    const QMimeData* mime = event->mimeData();
    if (mime->hasFormat(kNodeTypeMime)) {
        std::string type = mime->data(kNodeTypeMime).toStdString();
        QPointF at = placementFor(mapToScene(event->position().toPoint()), type);
        std::string id = m_scene->model()->addNode(type, at);
        if (!id.empty()) m_scene->selectNodes({id});
        event->acceptProposedAction();
        setFocus();
        return;
    }
    if (mime->hasUrls()) {
        Q_EMIT filesDropped(mime->urls());
        event->acceptProposedAction();
        return;
    }
    event->ignore();
}

} // namespace sw::widgets
