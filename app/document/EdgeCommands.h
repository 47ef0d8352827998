#pragma once
#include <QUndoCommand>

#include "model/PipelineSpec.h"

namespace sw::app {

class Document;

/// Connects an output port to an input port.
class AddEdgeCommand : public QUndoCommand {
public:
    AddEdgeCommand(Document* doc, runtime::EdgeSpec edge, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_doc;
    runtime::EdgeSpec m_edge;
    int m_index = -1;
};

} // namespace sw::app
