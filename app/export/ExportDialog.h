#pragma once
// The Export dialog: choose a target, preview every file it produces (syntax-highlighted), see
// the per-node "not exportable" list, and save. All logic lives in runtime/export; this only
// displays exportPipeline()'s result.
#include <QDialog>

#include "export/Exporter.h"
#include "model/PipelineSpec.h"

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
class QSyntaxHighlighter;

namespace sw::app {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(sw::runtime::PipelineSpec pipeline, QWidget* parent = nullptr);

    /// Re-exports for the chosen target and refreshes the file list, preview and issues.
    void setTarget(sw::runtime::exporting::ExportTarget target);
    const sw::runtime::exporting::ExportBundle& bundle() const { return m_bundle; }
    /// Writes the current bundle under `directory`; returns false and shows why on failure.
    bool saveTo(const QString& directory);

Q_SIGNALS:
    /// The user activated an issue of this node (to select it on the canvas).
    void nodeActivated(const QString& nodeId);

private Q_SLOTS:
    void showFile(int row);
    void save();
    void issueActivated(QTreeWidgetItem* item);

private:
    void buildUi();
    void refresh();

    sw::runtime::PipelineSpec m_pipeline;
    sw::runtime::exporting::ExportOptions m_options;
    sw::runtime::exporting::ExportBundle m_bundle;
    QComboBox* m_target = nullptr;
    QLabel* m_status = nullptr;
    QListWidget* m_files = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    QSyntaxHighlighter* m_highlighter = nullptr;
    QTreeWidget* m_issues = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace sw::app
