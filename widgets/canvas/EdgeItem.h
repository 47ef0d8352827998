#pragma once
#include <QGraphicsItem>
#include <QPainterPath>
#include <QString>

#include "model/PipelineSpec.h"

namespace sw::widgets {

class EdgeLabelItem;
class PipelineScene;

/// A connection on the canvas, identified by its (from, to) ports.
class EdgeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    EdgeItem(PipelineScene* scene, runtime::EdgeSpec edge);
    ~EdgeItem() override;
    int type() const override { return Type; }
    const runtime::EdgeSpec& edge() const { return m_edge; }
    /// The model's edge between the same ports changed (its partitioning): re-read it.
    void setEdge(runtime::EdgeSpec edge);
    /// The label drawn at the curve's middle: the partitioning unless it is auto ("" then).
    QString label() const;
    /// Scene rectangle of the label (empty when there is none).
    QRectF labelRect() const { return m_labelRect; }
    /// True when the edge leaves an `errors` port (drawn dashed in the error colour).
    bool fromErrorsPort() const;

    /// Recomputes the curve from the current port positions.
    void updatePath();
    static QPainterPath curve(QPointF from, QPointF to);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    friend class EdgeLabelItem;
    void paintLabel(QPainter* painter) const;

    PipelineScene* m_scene;
    runtime::EdgeSpec m_edge;
    QPainterPath m_path;
    QPainterPath m_shape;
    QRectF m_labelRect;
    /// Draws the label above the nodes (a short edge has its middle under them); a separate
    /// top-level item because a child cannot rise above its parent's siblings.
    EdgeLabelItem* m_label = nullptr;
};

} // namespace sw::widgets
