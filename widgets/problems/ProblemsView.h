#pragma once
// The Problems list: validation diagnostics of the pipeline, errors first. Double-click (or
// Enter) asks to select the node and focus the property.
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace sw::widgets {

class PipelineModel;

class ProblemsView : public QWidget {
    Q_OBJECT
public:
    explicit ProblemsView(PipelineModel* model, QWidget* parent = nullptr);

    QTreeWidget* tree() const { return m_tree; }
    int errorCount() const { return m_errors; }
    int warningCount() const { return m_warnings; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void problemActivated(const QString& nodeId, const QString& property);
    void countsChanged(int errors, int warnings);

private:
    PipelineModel* m_model;
    QTreeWidget* m_tree;
    int m_errors = 0;
    int m_warnings = 0;
};

} // namespace sw::widgets
