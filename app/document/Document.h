#pragma once
// The open pipeline: the PipelineSpec, its undo stack, file path and modified state. Every
// user edit goes through a QUndoCommand whose redo/undo call the raw operations below; the raw
// operations emit changed(ChangeEvent) and mark validation stale.
#include <string>

#include <QPointF>
#include <QString>
#include <QUndoStack>

#include "model/PipelineSpec.h"
#include "modelview/PipelineModel.h"
#include "validate/Validator.h"

namespace sw::app {

class Document : public widgets::PipelineModel {
    Q_OBJECT
public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    // PipelineModel: reads.
    const runtime::PipelineSpec& pipeline() const override { return m_pipeline; }
    const runtime::ValidationResult& validation() const override;

    // PipelineModel: edit requests, each pushed as one undo command.
    std::string addNode(const std::string& type, QPointF pos) override;
    void moveNodes(const std::vector<std::pair<std::string, QPointF>>& positions,
                   const QString& text = {}) override;
    void addEdge(const runtime::EdgeSpec& edge) override;
    void removeItems(const std::vector<std::string>& nodeIds,
                     const std::vector<runtime::EdgeSpec>& edges) override;
    void setProperty(const std::string& nodeId, const std::string& name,
                     const nlohmann::json& value) override;
    void setLabel(const std::string& nodeId, const std::string& label) override;
    void setEdgePartitioning(const runtime::EdgeSpec& edge,
                             runtime::EdgePartitioning partitioning) override;
    void setSettings(const runtime::PipelineSettings& settings) override;
    /// Replaces the dashboard section (pinned views; null = none) as one undo step `text`.
    void setDashboard(const nlohmann::json& dashboard, const QString& text);

    /// Inserts a copy of `fragment` (nodes + edges between them) with fresh ids, positions
    /// shifted by `offset`, as one undo step. Returns the new node ids.
    std::vector<std::string> insertFragment(const runtime::PipelineSpec& fragment, QPointF offset,
                                            const QString& text);
    /// The sub-pipeline made of `nodeIds` and the edges between them (for copy/duplicate).
    runtime::PipelineSpec fragment(const std::vector<std::string>& nodeIds) const;

    QUndoStack* undoStack() { return &m_undoStack; }

    // File state.
    const QString& filePath() const { return m_filePath; }
    /// File name, or "Untitled" for a document never saved.
    QString displayName() const;
    bool isModified() const { return m_dirtyWithoutUndo || !m_undoStack.isClean(); }
    /// Replaces the whole pipeline and clears the undo history. `modified` marks content that
    /// was never saved to `path` (an example copy, a recovered document).
    void reset(runtime::PipelineSpec pipeline, const QString& path, bool modified = false);
    /// The document was written to `path`: this state is the clean state.
    void markSaved(const QString& path);

    // Raw operations for undo commands (emit changed; no undo of their own).
    void insertNode(runtime::NodeSpec node, int index);
    runtime::NodeSpec takeNode(const std::string& id, int* index = nullptr);
    void setNodePosition(const std::string& id, QPointF pos);
    nlohmann::json nodeProperty(const std::string& id, const std::string& name) const;
    void setNodeProperty(const std::string& id, const std::string& name, const nlohmann::json& v);
    void setNodeLabel(const std::string& id, const std::string& label);
    void insertEdge(const runtime::EdgeSpec& edge, int index);
    /// Removes the edge between `edge`'s ports; returns its former index or -1 when absent.
    int takeEdge(const runtime::EdgeSpec& edge);
    /// The partitioning of the edge between `edge`'s ports (Auto when absent) / sets it.
    runtime::EdgePartitioning edgePartitioning(const runtime::EdgeSpec& edge) const;
    void setPartitioningOf(const runtime::EdgeSpec& edge, runtime::EdgePartitioning p);
    /// Ports identify an edge (a file never has two edges between the same ports).
    static bool sameEnds(const runtime::EdgeSpec& a, const runtime::EdgeSpec& b)
    {
        return a.from == b.from && a.to == b.to;
    }
    void setPipelineSettings(const runtime::PipelineSettings& settings);
    void setDashboardSection(const nlohmann::json& dashboard);

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);

private:
    void touched(const widgets::ChangeEvent& e);
    void emitModifiedIfChanged();

    runtime::PipelineSpec m_pipeline;
    QUndoStack m_undoStack;
    QString m_filePath;
    bool m_dirtyWithoutUndo = false;
    bool m_lastModified = false;
    mutable runtime::ValidationResult m_validation;
    mutable bool m_validationStale = true;
    bool m_validatedQueued = false;
};

} // namespace sw::app
