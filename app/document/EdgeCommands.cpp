#include "document/EdgeCommands.h"

#include <QCoreApplication>

#include "document/Document.h"

namespace sw::app {

AddEdgeCommand::AddEdgeCommand(Document* doc, runtime::EdgeSpec edge, QUndoCommand* parent)
    : QUndoCommand(QCoreApplication::translate("sw::app::Document", "Connect"), parent), m_doc(doc),
      m_edge(std::move(edge))
{
}

void AddEdgeCommand::redo()
{
    m_index = static_cast<int>(m_doc->pipeline().edges.size());
    m_doc->insertEdge(m_edge, m_index);
}

void AddEdgeCommand::undo()
{
    m_doc->takeEdge(m_edge);
}

} // namespace sw::app
