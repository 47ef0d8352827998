#pragma once
// The model the reusable widgets (canvas, property editor, problems view) work on. The
// application's Document implements it: reads are typed accessors over the pipeline, edits are
// requests that the document turns into undoable commands.
#include <string>
#include <utility>
#include <vector>

#include <QObject>
#include <QPointF>

#include "model/PipelineSpec.h"
#include "modelview/ChangeEvent.h"
#include "types/Schema.h"
#include "validate/Validator.h"

namespace sw::widgets {

class PipelineModel : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual const runtime::PipelineSpec& pipeline() const = 0;
    /// Validation of the current pipeline (recomputed lazily after changes).
    virtual const runtime::ValidationResult& validation() const = 0;

    // Edit requests. Each one is a single undo step.
    /// Adds a node of a catalog type at `pos`; returns its id (empty for an unknown type).
    virtual std::string addNode(const std::string& type, QPointF pos) = 0;
    virtual void moveNodes(const std::vector<std::pair<std::string, QPointF>>& positions,
                           const QString& text = {}) = 0;
    virtual void addEdge(const runtime::EdgeSpec& edge) = 0;
    /// Removes nodes (with their edges) and edges.
    virtual void removeItems(const std::vector<std::string>& nodeIds,
                             const std::vector<runtime::EdgeSpec>& edges) = 0;
    /// Sets a property; a null value removes it (the catalog default applies).
    virtual void setProperty(const std::string& nodeId, const std::string& name,
                             const nlohmann::json& value) = 0;
    virtual void setLabel(const std::string& nodeId, const std::string& label) = 0;
    /// Sets how the edge between `edge`'s ports partitions records (its own partitioning is
    /// ignored: ports identify an edge).
    virtual void setEdgePartitioning(const runtime::EdgeSpec& edge,
                                     runtime::EdgePartitioning partitioning) = 0;
    virtual void setSettings(const runtime::PipelineSettings& settings) = 0;

    // Convenience reads built on the accessors above.
    const runtime::NodeSpec* node(const std::string& id) const { return pipeline().findNode(id); }
    /// Schema arriving at input port `port` of node `nodeId` (first edge), or nullptr.
    const runtime::Schema* inputSchema(const std::string& nodeId, int port) const;
    /// Diagnostics about one node (all properties), in validator order.
    std::vector<runtime::Diagnostic> diagnosticsFor(const std::string& nodeId) const;

Q_SIGNALS:
    void changed(const sw::widgets::ChangeEvent& event);
    /// Emitted (coalesced, from the event loop) after changes once validation is up to date.
    void validated();
};

} // namespace sw::widgets
