#pragma once
#include <string>
#include <vector>

#include <QPointF>
#include <QUndoCommand>

#include "model/PipelineSpec.h"

namespace sw::app {

class Document;

/// Adds nodes and edges among them (new node, paste, duplicate).
class AddNodesCommand : public QUndoCommand {
public:
    AddNodesCommand(Document* doc, std::vector<runtime::NodeSpec> nodes,
                    std::vector<runtime::EdgeSpec> edges, const QString& text,
                    QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_doc;
    std::vector<runtime::NodeSpec> m_nodes;
    std::vector<runtime::EdgeSpec> m_edges;
};

/// Removes nodes (with every edge touching them) and edges; undo restores the exact order.
class RemoveItemsCommand : public QUndoCommand {
public:
    RemoveItemsCommand(Document* doc, const std::vector<std::string>& nodeIds,
                       const std::vector<runtime::EdgeSpec>& edges, QUndoCommand* parent = nullptr);
    bool isEmpty() const { return m_nodes.empty() && m_edges.empty(); }
    void redo() override;
    void undo() override;

private:
    Document* m_doc;
    std::vector<std::pair<int, runtime::NodeSpec>> m_nodes; ///< by ascending index
    std::vector<std::pair<int, runtime::EdgeSpec>> m_edges; ///< by ascending index
};

/// Moves nodes; a whole drag (or an auto-layout) is one command.
class MoveNodesCommand : public QUndoCommand {
public:
    struct Move {
        std::string id;
        QPointF from;
        QPointF to;
    };
    MoveNodesCommand(Document* doc, std::vector<Move> moves, const QString& text,
                     QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_doc;
    std::vector<Move> m_moves;
};

} // namespace sw::app
