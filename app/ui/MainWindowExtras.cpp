// MainWindow: the export dialog, the production-readiness dock, run & debug and the dashboard. Each
// piece lives in its own module (app/export, app/run); this file only plugs them into the window.
#include <QAction>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QTimer>

#include "canvas/NodeCanvas.h"
#include "canvas/PipelineScene.h"
#include "dashboard/DashboardDock.h"
#include "document/Document.h"
#include "export/ExportDialog.h"
#include "export/ReadinessDock.h"
#include "palette/NodePalette.h"
#include "run/RunAndDebug.h"
#include "ui/MainWindow.h"

namespace sw::app {

void MainWindow::createExportAndRun()
{
    QAction* exportAction = new QAction(tr("&Export for Production\u2026"), this);
    exportAction->setObjectName(QStringLiteral("actionExport"));
    exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    exportAction->setStatusTip(tr("Flink SQL, Kubernetes manifests and the Kafka topic plan"));
    connect(exportAction, &QAction::triggered, this, [this] { showExportDialog(); });
    addAction(exportAction);
    if (QMenu* file = menuBar()->findChild<QMenu*>(QStringLiteral("fileMenu"))) {
        QAction* before = action("actionClose");
        file->insertAction(before, exportAction);
        file->insertSeparator(before);
    }

    m_readiness = new ReadinessDock(this);
    addDockWidget(Qt::RightDockWidgetArea, m_readiness);
    if (QDockWidget* props = findChild<QDockWidget*>(QStringLiteral("propertiesDock")))
        tabifyDockWidget(props, m_readiness);
    if (QDockWidget* props = findChild<QDockWidget*>(QStringLiteral("propertiesDock")))
        props->raise();
    m_viewMenu->addAction(m_readiness->toggleViewAction());
    connect(m_readiness, &ReadinessDock::nodeActivated, this,
            [this](const QString& id) { onProblemActivated(id, QString()); });
    // Re-evaluate after edits settle (a drag emits many changes) and only while it is shown.
    auto* refresh = new QTimer(this);
    refresh->setSingleShot(true);
    refresh->setInterval(300);
    connect(refresh, &QTimer::timeout, this, [this] {
        if (m_readiness->isVisible()) m_readiness->setPipeline(m_doc->pipeline());
    });
    connect(m_doc.get(), &Document::changed, refresh, qOverload<>(&QTimer::start));
    connect(m_readiness, &QDockWidget::visibilityChanged, refresh, [refresh](bool visible) {
        if (visible) refresh->start(0);
    });

    RunAndDebug::Hooks hooks;
    hooks.pipeline = [this] { return m_doc->pipeline(); };
    hooks.dataDirectory = [this] {
        // Relative paths in a saved pipeline resolve next to its file, as streamwright-run does.
        return m_doc->filePath().isEmpty() ? QString()
                                           : QFileInfo(m_doc->filePath()).absolutePath();
    };
    hooks.scene = m_scene;
    hooks.problems = m_problems;
    hooks.palette = m_palette;
    m_run = installRunAndDebug(this, std::move(hooks));
    // Pinned results (the document's dashboard section), tabbed with the Metrics dock.
    DashboardDock* dashboard = installDashboard(this, m_doc.get(), m_run->controller(), m_scene,
                                                m_run->overlay(), m_run->metricsDock());
    m_viewMenu->addAction(dashboard->toggleViewAction());
    // Designing comes first: Problems on top of the run docks (Run raises Metrics itself).
    if (QDockWidget* problems = findChild<QDockWidget*>(QStringLiteral("problemsDock")))
        problems->raise(); // sized with the other docks in fitDocksToWindow
}

ExportDialog* MainWindow::showExportDialog()
{
    auto* dialog = new ExportDialog(m_doc->pipeline(), this);
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &ExportDialog::nodeActivated, this,
            [this](const QString& id) { onProblemActivated(id, QString()); });
    dialog->show();
    return dialog;
}

} // namespace sw::app
