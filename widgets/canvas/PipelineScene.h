#pragma once
// The canvas scene: a view of a PipelineModel. Items hold ids only and read the model when they
// paint; every edit the user makes here becomes a model request (one undo step each).
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QGraphicsScene>

#include "canvas/CanvasStyle.h"
#include "canvas/NodeGeometry.h"
#include "modelview/ChangeEvent.h"
#include "modelview/ConnectionCheck.h"

class QGraphicsPathItem;
class QMenu;

namespace sw::widgets {

class EdgeItem;
class NodeItem;
class PipelineModel;

/// How a port is drawn while a connection is being dragged.
enum class PortState {
    Normal,
    Source,
    Compatible,
    Incompatible,
    HoverCompatible,
    HoverIncompatible
};

class PipelineScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit PipelineScene(PipelineModel* model, QObject* parent = nullptr);
    ~PipelineScene() override;

    PipelineModel* model() const { return m_model; }
    const CanvasStyle& canvasStyle() const { return m_style; }
    void setCanvasStyle(const CanvasStyle& style);

    NodeItem* nodeItem(const std::string& id) const;
    EdgeItem* edgeItem(const runtime::EdgeSpec& edge) const;
    const std::vector<EdgeItem*>& edgeItems() const { return m_edges; }

    std::vector<std::string> selectedNodeIds() const; ///< in pipeline order
    std::vector<runtime::EdgeSpec> selectedEdges() const;
    void selectNodes(const std::vector<std::string>& ids);
    QRectF nodesBoundingRect() const;

    /// Node items keep a pixmap of themselves at the current zoom (fast panning). A view
    /// turns this off while the zoom changes (each step would re-render every pixmap).
    bool nodeCaching() const { return m_nodeCaching; }
    void setNodeCaching(bool on);

    bool snapToGrid() const { return m_snap; }
    void setSnapToGrid(bool on) { m_snap = on; }

    /// Scene position of a port of a node (output when !input).
    QPointF portScenePos(const runtime::PortRef& port, bool input) const;
    PortState portState(const std::string& nodeId, bool input, int index) const;
    bool isConnecting() const { return m_drag.has_value(); }

    /// Rich-text tooltip at a scene position: port or edge schema, node badge diagnostics.
    QString toolTipAt(QPointF scenePos) const;

    /// The context menu of an edge: its partitioning (auto, rebalance, broadcast, forward), each
    /// choice one undoable model request. The caller owns the menu.
    QMenu* edgeMenu(const runtime::EdgeSpec& edge, QWidget* parent = nullptr);

    // Called by NodeItem.
    void nodeItemMoved(const NodeItem* item);

Q_SIGNALS:
    /// A connection drop was refused; the reason is also shown as a tooltip.
    void connectionRefused(const QString& reason);
    /// Short status text (hovered port verdict, connection hints); empty to clear.
    void hint(const QString& text);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void helpEvent(QGraphicsSceneHelpEvent* event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;

private:
    struct PortKey {
        std::string node;
        bool input = false;
        int index = -1;
    };
    struct Drag {
        PortKey from;
        std::optional<PortKey> hovered;
        std::unique_ptr<ConnectionChecker> checker;
    };

    void rebuild();
    void onChanged(const ChangeEvent& e);
    void onValidated();
    void addNodeItem(const runtime::NodeSpec& node);
    void removeNodeItem(const std::string& id);
    void addEdgeItem(const runtime::EdgeSpec& edge);
    void removeEdgeItem(const runtime::EdgeSpec& edge);

    std::optional<PortKey> portAt(QPointF scenePos) const;
    std::string portName(const PortKey& k) const;
    /// The edge a drag between `a` and `b` would create (output -> input), if directions fit.
    std::optional<runtime::EdgeSpec> edgeBetween(const PortKey& a, const PortKey& b) const;
    std::string verdict(const PortKey& target, bool full) const;
    void updateDragPath(QPointF scenePos);
    void finishConnection(QPointF scenePos, QPoint screenPos);
    void commitMoves();

    PipelineModel* m_model;
    CanvasStyle m_style;
    std::map<std::string, NodeItem*> m_nodes;
    std::vector<EdgeItem*> m_edges;
    bool m_snap = true;
    bool m_nodeCaching = true;
    bool m_syncing = false; ///< positions are being set from the model
    std::optional<Drag> m_drag;
    QGraphicsPathItem* m_dragPath = nullptr;
    bool m_pressOnItem = false;
};

} // namespace sw::widgets
