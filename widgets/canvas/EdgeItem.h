#pragma once
#include <QGraphicsItem>
#include <QPainterPath>

#include "model/PipelineSpec.h"

namespace sw::widgets {

class PipelineScene;

/// A connection on the canvas, identified by its (from, to) ports.
class EdgeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    EdgeItem(PipelineScene* scene, runtime::EdgeSpec edge);
    int type() const override { return Type; }
    const runtime::EdgeSpec& edge() const { return m_edge; }
    /// True when the edge leaves an `errors` port (drawn dashed in the error colour).
    bool fromErrorsPort() const;

    /// Recomputes the curve from the current port positions.
    void updatePath();
    static QPainterPath curve(QPointF from, QPointF to);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    PipelineScene* m_scene;
    runtime::EdgeSpec m_edge;
    QPainterPath m_path;
    QPainterPath m_shape;
};

} // namespace sw::widgets
