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
    /// The "no problems" note shown over the empty list.
    QLabel* emptyNote() const { return m_empty; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void problemActivated(const QString& nodeId, const QString& property);
    void countsChanged(int errors, int warnings);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateEmptyNote();

    PipelineModel* m_model;
    QTreeWidget* m_tree;
    QLabel* m_empty = nullptr;
    int m_errors = 0;
    int m_warnings = 0;
};

} // namespace sw::widgets
