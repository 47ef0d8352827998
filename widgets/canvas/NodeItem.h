#pragma once
#include <string>

#include <QGraphicsItem>

#include "model/PipelineSpec.h"

namespace sw::runtime {
struct NodeType;
}

namespace sw::widgets {

class PipelineScene;

/// A node on the canvas. Holds only the node id; everything else is read from the model.
class NodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };

    NodeItem(PipelineScene* scene, std::string id);
    int type() const override { return Type; }
    const std::string& id() const { return m_id; }
    const runtime::NodeSpec* spec() const;
    const runtime::NodeType* nodeType() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    /// Re-reads position and geometry from the model.
    void syncFromModel();

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    PipelineScene* m_scene;
    std::string m_id;
};

} // namespace sw::widgets
