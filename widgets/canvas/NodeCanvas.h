#pragma once
// The canvas view: zoom (wheel, keyboard), pan (middle button or space + drag), rubber-band
// selection, drops from the palette (create a node where it lands) and of files (open).
#include <QGraphicsView>
#include <QList>
#include <QTimer>
#include <QUrl>

namespace sw::widgets {

class PipelineScene;

/// MIME type of a palette drag; the payload is the catalog type name (UTF-8).
inline constexpr const char* kNodeTypeMime = "application/x-streamwright-node-type";

class NodeCanvas : public QGraphicsView {
    Q_OBJECT
public:
    explicit NodeCanvas(PipelineScene* scene, QWidget* parent = nullptr);

    PipelineScene* pipelineScene() const { return m_scene; }
    double zoom() const { return transform().m11(); }
    void setZoom(double zoom, QPointF viewAnchor = QPointF(-1, -1));
    /// Scene point at the centre of the viewport.
    QPointF viewCenter() const;
    /// Grid-snapped scene position for a new node centred under `scenePos`.
    QPointF placementFor(QPointF scenePos, const std::string& type) const;

    static constexpr double kMinZoom = 0.1;
    static constexpr double kMaxZoom = 4.0;
    /// Zoom to Fit never goes below this (node text stays readable); a larger pipeline scrolls.
    static constexpr double kMinFitZoom = 0.75;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void zoomToFit();
    /// Scrolls so the node is visible (keeps zoom).
    void ensureNodeVisible(const QString& nodeId);

Q_SIGNALS:
    void zoomChanged(double zoom);
    void filesDropped(const QList<QUrl>& urls);

protected:
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    /// An empty pipeline shows how to start.
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void startPan(QPoint pos);
    void stopPan();

    PipelineScene* m_scene;
    QTimer* m_zoomSettle = nullptr; ///< re-enables node caching once zooming pauses
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_lastPanPos;
};

} // namespace sw::widgets
