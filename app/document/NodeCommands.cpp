#include "document/NodeCommands.h"

#include <algorithm>
#include <set>

#include <QCoreApplication>

#include "document/Document.h"

namespace sw::app {

using runtime::EdgeSpec;
using runtime::NodeSpec;

AddNodesCommand::AddNodesCommand(Document* doc, std::vector<NodeSpec> nodes,
                                 std::vector<EdgeSpec> edges, const QString& text,
                                 QUndoCommand* parent)
    : QUndoCommand(text, parent), m_doc(doc), m_nodes(std::move(nodes)), m_edges(std::move(edges))
{
}

void AddNodesCommand::redo()
{
    for (const auto& n : m_nodes)
        m_doc->insertNode(n, static_cast<int>(m_doc->pipeline().nodes.size()));
    for (const auto& e : m_edges)
        m_doc->insertEdge(e, static_cast<int>(m_doc->pipeline().edges.size()));
}

void AddNodesCommand::undo()
{
    for (auto it = m_edges.rbegin(); it != m_edges.rend(); ++it)
        m_doc->takeEdge(*it);
    for (auto it = m_nodes.rbegin(); it != m_nodes.rend(); ++it)
        m_doc->takeNode(it->id);
}

RemoveItemsCommand::RemoveItemsCommand(Document* doc, const std::vector<std::string>& nodeIds,
                                       const std::vector<EdgeSpec>& edges, QUndoCommand* parent)
    : QUndoCommand(parent), m_doc(doc)
{
    const auto& p = doc->pipeline();
    std::set<std::string> ids(nodeIds.begin(), nodeIds.end());
    for (std::size_t i = 0; i < p.nodes.size(); ++i)
        if (ids.count(p.nodes[i].id)) m_nodes.emplace_back(static_cast<int>(i), p.nodes[i]);
    for (std::size_t i = 0; i < p.edges.size(); ++i) {
        const EdgeSpec& e = p.edges[i];
        bool picked = ids.count(e.from.node) || ids.count(e.to.node) ||
                      std::any_of(edges.begin(), edges.end(),
                                  [&](const EdgeSpec& x) { return Document::sameEnds(x, e); });
        if (picked) m_edges.emplace_back(static_cast<int>(i), e);
    }
    // Literal context and a plain count variable: lupdate extracts these as plural messages
    // (it skips a translate() whose count argument is a static_cast<...>(...)).
    const int nodes = static_cast<int>(m_nodes.size());
    const int edgeCount = static_cast<int>(m_edges.size());
    if (nodes > 0)
        setText(
            QCoreApplication::translate("sw::app::Document", "Delete %n Node(s)", nullptr, nodes));
    else
        setText(QCoreApplication::translate("sw::app::Document", "Delete %n Connection(s)", nullptr,
                                            edgeCount));
}

void RemoveItemsCommand::redo()
{
    // Highest index first so the recorded indices stay valid.
    for (auto it = m_edges.rbegin(); it != m_edges.rend(); ++it)
        m_doc->takeEdge(it->second);
    for (auto it = m_nodes.rbegin(); it != m_nodes.rend(); ++it)
        m_doc->takeNode(it->second.id);
}

void RemoveItemsCommand::undo()
{
    for (const auto& [index, node] : m_nodes)
        m_doc->insertNode(node, index);
    for (const auto& [index, edge] : m_edges)
        m_doc->insertEdge(edge, index);
}

MoveNodesCommand::MoveNodesCommand(Document* doc, std::vector<Move> moves, const QString& text,
                                   QUndoCommand* parent)
    : QUndoCommand(text, parent), m_doc(doc), m_moves(std::move(moves))
{
}

void MoveNodesCommand::redo()
{
    for (const auto& m : m_moves)
        m_doc->setNodePosition(m.id, m.to);
}

void MoveNodesCommand::undo()
{
    for (const auto& m : m_moves)
        m_doc->setNodePosition(m.id, m.from);
}

} // namespace sw::app
