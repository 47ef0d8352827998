// PipelineScene: mouse interaction (connection drags, committing moves) and tooltips.
#include <memory>

#include <QActionGroup>
#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneHelpEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QMenu>
#include <QToolTip>

#include "canvas/EdgeItem.h"
#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "catalog/Catalog.h"
#include "common/SchemaText.h"
#include "modelview/PipelineModel.h"

namespace sw::widgets {

using runtime::EdgeSpec;

namespace {
/// Up to this many nodes, every candidate port shows its full (schema) verdict while dragging;
/// above it, non-hovered ports show the structural verdict and the hovered one the full verdict.
constexpr std::size_t kFullVerdictNodeLimit = 40;
} // namespace

std::optional<PipelineScene::PortKey> PipelineScene::portAt(QPointF scenePos) const
{
    double r = NodeGeometry::kPortHitRadius;
    for (QGraphicsItem* item : items(QRectF(scenePos - QPointF(r, r), QSizeF(2 * r, 2 * r)))) {
        if (item->type() != NodeItem::Type) continue;
        auto* node = static_cast<NodeItem*>(item);
        PortHit hit = NodeGeometry::portAt(node->nodeType(), node->mapFromScene(scenePos));
        if (hit.valid()) return PortKey{node->id(), hit.input, hit.index};
    }
    return std::nullopt;
}

std::string PipelineScene::portName(const PortKey& k) const
{
    const runtime::NodeSpec* n = m_model->node(k.node);
    const runtime::NodeType* t = n ? runtime::Catalog::instance().find(n->type) : nullptr;
    if (!t) return {};
    const auto& ports = k.input ? t->inputs : t->outputs;
    return k.index >= 0 && k.index < static_cast<int>(ports.size())
               ? ports[static_cast<std::size_t>(k.index)].name
               : std::string();
}

std::optional<EdgeSpec> PipelineScene::edgeBetween(const PortKey& a, const PortKey& b) const
{
    if (a.input == b.input) return std::nullopt;
    const PortKey& out = a.input ? b : a;
    const PortKey& in = a.input ? a : b;
    return EdgeSpec{{out.node, portName(out)}, {in.node, portName(in)}};
}

std::string PipelineScene::verdict(const PortKey& target, bool full) const
{
    auto edge = edgeBetween(m_drag->from, target);
    if (!edge) return "ports of the same direction cannot be connected";
    return full ? m_drag->checker->full(*edge) : m_drag->checker->structural(*edge);
}

PortState PipelineScene::portState(const std::string& nodeId, bool input, int index) const
{
    if (!m_drag) return PortState::Normal;
    const PortKey& from = m_drag->from;
    if (from.node == nodeId && from.input == input && from.index == index) return PortState::Source;
    if (input == from.input) return PortState::Normal;
    PortKey k{nodeId, input, index};
    bool hovered = m_drag->hovered && m_drag->hovered->node == nodeId &&
                   m_drag->hovered->input == input && m_drag->hovered->index == index;
    bool full = hovered || m_model->pipeline().nodes.size() <= kFullVerdictNodeLimit;
    bool ok = verdict(k, full).empty();
    if (hovered) return ok ? PortState::HoverCompatible : PortState::HoverIncompatible;
    return ok ? PortState::Compatible : PortState::Incompatible;
}

void PipelineScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && !m_drag) {
        if (auto port = portAt(event->scenePos())) {
            m_drag = Drag{
                *port, std::nullopt,
                std::make_unique<ConnectionChecker>(m_model->pipeline(), m_model->validation())};
            m_dragPath = new QGraphicsPathItem;
            m_dragPath->setZValue(3);
            QPen pen(m_style.selection, 2, Qt::DashLine, Qt::RoundCap);
            m_dragPath->setPen(pen);
            addItem(m_dragPath);
            updateDragPath(event->scenePos());
            for (auto& [id, item] : m_nodes)
                item->update();
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

void PipelineScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (!m_drag) {
        QGraphicsScene::mouseMoveEvent(event);
        return;
    }
    updateDragPath(event->scenePos());
    std::optional<PortKey> hovered = portAt(event->scenePos());
    if (hovered && hovered->input == m_drag->from.input) hovered.reset();
    auto same = [](const std::optional<PortKey>& a, const std::optional<PortKey>& b) {
        if (a.has_value() != b.has_value()) return false;
        return !a || (a->node == b->node && a->input == b->input && a->index == b->index);
    };
    if (same(hovered, m_drag->hovered)) return;
    if (m_drag->hovered)
        if (NodeItem* n = nodeItem(m_drag->hovered->node)) n->update();
    m_drag->hovered = hovered;
    if (!hovered) {
        Q_EMIT hint({});
        return;
    }
    if (NodeItem* n = nodeItem(hovered->node)) n->update();
    std::string why = verdict(*hovered, true);
    Q_EMIT hint(why.empty() ? tr("Release to connect")
                            : tr("Cannot connect: %1").arg(QString::fromStdString(why)));
}

void PipelineScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_drag) {
        if (event->button() == Qt::LeftButton)
            finishConnection(event->scenePos(), event->screenPos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton) commitMoves();
}

void PipelineScene::updateDragPath(QPointF scenePos)
{
    const PortKey& f = m_drag->from;
    QPointF anchor = nodeItem(f.node)->mapToScene(NodeGeometry::portPos(f.input, f.index));
    m_dragPath->setPath(f.input ? EdgeItem::curve(scenePos, anchor)
                                : EdgeItem::curve(anchor, scenePos));
}

void PipelineScene::finishConnection(QPointF scenePos, QPoint screenPos)
{
    std::optional<PortKey> target = portAt(scenePos);
    std::optional<EdgeSpec> edge;
    std::string why;
    if (target && target->input != m_drag->from.input) {
        edge = edgeBetween(m_drag->from, *target);
        why = verdict(*target, true);
    }
    delete m_dragPath;
    m_dragPath = nullptr;
    m_drag.reset();
    for (auto& [id, item] : m_nodes)
        item->update();
    Q_EMIT hint({});
    if (!edge) return;
    if (why.empty()) {
        m_model->addEdge(*edge);
        return;
    }
    QString reason = QString::fromStdString(why);
    QWidget* viewport = views().isEmpty() ? nullptr : views().front()->viewport();
    QToolTip::showText(screenPos, tr("Cannot connect: %1").arg(reason), viewport);
    Q_EMIT connectionRefused(reason);
}

QMenu* PipelineScene::edgeMenu(const EdgeSpec& edge, QWidget* parent)
{
    using runtime::EdgePartitioning;
    auto* menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("edgeMenu"));
    menu->addSection(tr("Partitioning"));
    auto* group = new QActionGroup(menu);
    const runtime::EdgePartitioning current = [&] {
        for (const EdgeSpec& e : m_model->pipeline().edges)
            if (e.from == edge.from && e.to == edge.to) return e.partitioning;
        return EdgePartitioning::Auto;
    }();
    const std::pair<EdgePartitioning, QString> choices[] = {
        {EdgePartitioning::Auto,
         tr("Auto (key-hash into keyed inputs, else forward or rebalance)")},
        {EdgePartitioning::Rebalance, tr("Rebalance (round robin over the subtasks)")},
        {EdgePartitioning::Broadcast, tr("Broadcast (every record to every subtask)")},
        {EdgePartitioning::Forward, tr("Forward (subtask i to subtask i)")},
    };
    for (const auto& [kind, text] : choices) {
        QAction* a = menu->addAction(text);
        a->setObjectName(QString::fromStdString(std::string(runtime::toString(kind))));
        a->setCheckable(true);
        a->setChecked(kind == current);
        group->addAction(a);
        const EdgePartitioning chosen = kind;
        connect(a, &QAction::triggered, this,
                [this, edge, chosen] { m_model->setEdgePartitioning(edge, chosen); });
    }
    return menu;
}

void PipelineScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event)
{
    for (QGraphicsItem* item : items(event->scenePos())) {
        auto* edge = qgraphicsitem_cast<EdgeItem*>(item);
        if (!edge) continue;
        clearSelection();
        edge->setSelected(true);
        std::unique_ptr<QMenu> menu(edgeMenu(edge->edge()));
        menu->exec(event->screenPos());
        event->accept();
        return;
    }
    QGraphicsScene::contextMenuEvent(event);
}

void PipelineScene::helpEvent(QGraphicsSceneHelpEvent* event)
{
    QString text = toolTipAt(event->scenePos());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->screenPos(), text, event->widget());
    event->accept();
}

QString PipelineScene::toolTipAt(QPointF scenePos) const
{
    const auto& validation = m_model->validation();
    if (auto port = portAt(scenePos)) {
        std::string name = portName(*port);
        QString heading = QStringLiteral("%1 '%2'").arg(port->input ? tr("Input") : tr("Output"),
                                                        QString::fromStdString(name));
        const runtime::Schema* s = nullptr;
        if (port->input) {
            auto in = m_model->pipeline().edgesInto(port->node, name);
            if (!in.empty()) s = validation.schemaOf(in.front()->from);
        } else {
            s = validation.schemaOf({port->node, name});
        }
        return s ? schemaToolTip(*s, heading) : heading + tr("<br/><i>schema unknown</i>");
    }
    for (QGraphicsItem* item : items(scenePos)) {
        if (item->type() == NodeItem::Type) {
            auto* node = static_cast<NodeItem*>(item);
            auto diags = m_model->diagnosticsFor(node->id());
            QPointF local = node->mapFromScene(scenePos);
            if (!diags.empty() && NodeGeometry::badgeRect().adjusted(-3, -3, 3, 3).contains(local))
                return diagnosticsToolTip(diags);
            const runtime::NodeType* t = node->nodeType();
            QString text =
                QStringLiteral("<b>%1</b>").arg(QString::fromStdString(node->id()).toHtmlEscaped());
            if (t)
                text += QStringLiteral("<br/>%1").arg(
                    QString::fromStdString(t->description).toHtmlEscaped());
            if (!diags.empty()) text += QStringLiteral("<hr/>") + diagnosticsToolTip(diags);
            return text;
        }
        if (item->type() == EdgeItem::Type) {
            const EdgeSpec& e = static_cast<EdgeItem*>(item)->edge();
            QString heading =
                QStringLiteral("%1.%2 \u2192 %3.%4")
                    .arg(QString::fromStdString(e.from.node), QString::fromStdString(e.from.port),
                         QString::fromStdString(e.to.node), QString::fromStdString(e.to.port));
            if (e.partitioning != runtime::EdgePartitioning::Auto)
                heading += QStringLiteral(" (%1)").arg(
                    QString::fromStdString(std::string(toString(e.partitioning))));
            const runtime::Schema* s = validation.schemaOf(e.from);
            return s ? schemaToolTip(*s, heading)
                     : QStringLiteral("<b>%1</b><br/><i>%2</i>")
                           .arg(heading.toHtmlEscaped(), tr("schema unknown"));
        }
    }
    return {};
}

} // namespace sw::widgets
