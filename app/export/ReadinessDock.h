#pragma once
// Dock showing the production-readiness report: one row per checklist item (pass / warn /
// fail), its findings as children; activating a finding selects its node. The checks are
// runtime's checkReadiness(); this only displays them.
#include <QDockWidget>

#include "export/ReadinessReport.h"
#include "model/PipelineSpec.h"

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace sw::app {

class ReadinessDock : public QDockWidget {
    Q_OBJECT
public:
    explicit ReadinessDock(QWidget* parent = nullptr);

    /// Re-evaluates the checklist for `pipeline`.
    void setPipeline(const sw::runtime::PipelineSpec& pipeline);
    const sw::runtime::exporting::ReadinessReport& report() const { return m_report; }
    QTreeWidget* tree() const { return m_tree; }

Q_SIGNALS:
    /// A finding naming this node was activated (select it on the canvas).
    void nodeActivated(const QString& nodeId);

private:
    void itemActivated(QTreeWidgetItem* item);

    sw::runtime::exporting::ReadinessReport m_report;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace sw::app
