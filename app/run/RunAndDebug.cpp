#include "run/RunAndDebug.h"

#include <algorithm>

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QGraphicsSceneMouseEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QMetaObject>
#include <QStatusBar>
#include <QStyle>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTreeWidget>

#include "canvas/NodeGeometry.h"
#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "checkpoints/CheckpointsPanel.h"
#include "dlq/DlqBrowserView.h"
#include "metrics/MetricsPanel.h"
#include "modelview/PipelineModel.h"
#include "problems/ProblemsView.h"
#include "run/CanvasOverlay.h"
#include "run/DlqBrowser.h"
#include "run/EventInspector.h"
#include "run/RunController.h"
#include "run/RunSettings.h"
#include "ui/ActionIcons.h"

namespace sw::app {

namespace {
/// ProblemsView's item role holding the node id (activating an item selects that node).
constexpr int kProblemNodeRole = Qt::UserRole + 1;
/// Marks the items this class adds, so they can be replaced.
constexpr int kRuntimeProblemRole = Qt::UserRole + 40;

std::string edgeKey(const runtime::EdgeSpec& e)
{
    return e.from.node + "." + e.from.port + ">" + e.to.node + "." + e.to.port;
}
} // namespace

RunAndDebug::RunAndDebug(QMainWindow* window, Hooks hooks)
    : QObject(window), m_window(window), m_hooks(std::move(hooks))
{
    m_controller = new RunController(this);
    createActions();
    createDocks();
    if (m_hooks.scene) {
        m_overlay = new CanvasOverlay(m_controller, m_hooks.scene, this);
        connect(m_overlay, &CanvasOverlay::inspectRequested, this,
                [this](const runtime::EdgeSpec& e) { inspect(e); });
        m_hooks.scene->installEventFilter(this);
    }
    m_status = new QLabel(m_controller->statusText(), window);
    m_status->setObjectName(QStringLiteral("runStatusLabel"));
    window->statusBar()->addPermanentWidget(m_status);
    m_metricsUrl = new QLabel(window);
    m_metricsUrl->setObjectName(QStringLiteral("metricsUrlLabel"));
    m_metricsUrl->setOpenExternalLinks(true);
    m_metricsUrl->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_metricsUrl->hide();
    window->statusBar()->addPermanentWidget(m_metricsUrl);
    connect(m_controller, &RunController::metricsUrlChanged, this,
            &RunAndDebug::onMetricsUrlChanged);
    connect(m_controller, &RunController::statusChanged, this, &RunAndDebug::updateStatus);
    if (m_hooks.scene)
        connect(m_hooks.scene->model(), &widgets::PipelineModel::changed, this,
                &RunAndDebug::onDocumentChanged);
    connect(m_controller, &RunController::stateChanged, this, &RunAndDebug::updateActions);
    connect(m_controller, &RunController::runningChanged, this, &RunAndDebug::onRunningChanged);
    connect(m_controller, &RunController::runStarted, this,
            [this](int, const runtime::PipelineSpec& p) {
                m_editedWhileRunning = false;
                m_metrics->setPipeline(p);
                m_checkpoints->clear();
                m_checkpoints->setStorePath(
                    QDir::toNativeSeparators(m_controller->checkpointStorePath(p)));
                showMetrics();
            });
    connect(m_controller, &RunController::ticked, m_metrics, &widgets::MetricsPanel::addSample);
    connect(m_controller, &RunController::ticked, m_checkpoints,
            [this](const widgets::MetricsSample& s) {
                m_checkpoints->setStats(s.snapshot.checkpoints);
            });
    connect(m_controller, &RunController::problemsChanged, this, &RunAndDebug::refreshProblems);
    if (m_hooks.problems)
        connect(m_hooks.problems, &widgets::ProblemsView::countsChanged, this,
                &RunAndDebug::refreshProblems, Qt::QueuedConnection);
    updateActions();
}

RunAndDebug::~RunAndDebug() = default;

void RunAndDebug::createActions()
{
    m_run = new QAction(actionIcon(QStringLiteral("run")), tr("&Run"), this);
    m_run->setObjectName(QStringLiteral("actionRun"));
    m_run->setShortcut(Qt::Key_F5);
    connect(m_run, &QAction::triggered, this, &RunAndDebug::run);
    m_pause = new QAction(actionIcon(QStringLiteral("pause")), tr("&Pause"), this);
    m_pause->setObjectName(QStringLiteral("actionPause"));
    m_pause->setShortcut(Qt::Key_F6);
    m_pause->setToolTip(tr("Pause the sources; in-flight records keep flowing (F6)"));
    connect(m_pause, &QAction::triggered, m_controller, &RunController::togglePause);
    m_stop = new QAction(actionIcon(QStringLiteral("stop")), tr("&Stop"), this);
    m_stop->setObjectName(QStringLiteral("actionStop"));
    m_stop->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_stop->setToolTip(tr("Stop: drain in-flight records, then end (Shift+F5)"));
    connect(m_stop, &QAction::triggered, m_controller, &RunController::stop);
    m_restart = new QAction(actionIcon(QStringLiteral("restart")), tr("R&estart"), this);
    m_restart->setObjectName(QStringLiteral("actionRestart"));
    m_restart->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5));
    m_restart->setToolTip(tr("Stop and run the current pipeline again (Ctrl+Shift+F5)"));
    connect(m_restart, &QAction::triggered, this, [this] {
        prepareStart();
        m_controller->restart(m_hooks.pipeline());
    });
    m_runFromScratch =
        new QAction(actionIcon(QStringLiteral("run-scratch")), tr("Run &from Scratch"), this);
    m_runFromScratch->setObjectName(QStringLiteral("actionRunFromScratch"));
    m_runFromScratch->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F5));
    m_runFromScratch->setToolTip(
        tr("Discard the pipeline's checkpoints and run it from the beginning (Ctrl+F5)"));
    connect(m_runFromScratch, &QAction::triggered, this, &RunAndDebug::runFromScratch);
    m_run->setToolTip(
        tr("Run the pipeline, resuming from its latest completed checkpoint when there is one "
           "(F5)"));
    for (QAction* a : {m_run, m_runFromScratch, m_pause, m_stop, m_restart})
        a->setShortcutContext(Qt::WindowShortcut);

    m_menu = new QMenu(tr("&Run"), m_window);
    m_menu->setObjectName(QStringLiteral("runMenu"));
    m_menu->addActions({m_run, m_runFromScratch, m_pause, m_stop, m_restart});
    QList<QAction*> menus = m_window->menuBar()->actions();
    m_window->menuBar()->insertMenu(menus.size() > 1 ? menus.last() : nullptr,
                                    m_menu); // before Help
    m_toolBar = m_window->addToolBar(tr("Run"));
    m_toolBar->setObjectName(QStringLiteral("runToolBar"));
    m_toolBar->setIconSize(QSize(20, 20));
    m_toolBar->addActions({m_run, m_runFromScratch, m_pause, m_stop, m_restart});
}

void RunAndDebug::createDocks()
{
    m_metrics = new widgets::MetricsPanel(m_window);
    m_metricsDock = new QDockWidget(tr("Metrics"), m_window);
    m_metricsDock->setObjectName(QStringLiteral("metricsDock"));
    m_metricsDock->setWidget(m_metrics);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_metricsDock);
    // Share the bottom area with the Problems dock (tabs) rather than splitting it.
    QDockWidget* problemsDock = nullptr;
    for (QWidget* w = m_hooks.problems; w && !problemsDock; w = w->parentWidget())
        problemsDock = qobject_cast<QDockWidget*>(w);
    if (problemsDock && m_window->dockWidgetArea(problemsDock) == Qt::BottomDockWidgetArea)
        m_window->tabifyDockWidget(problemsDock, m_metricsDock);

    m_dlq = new DlqBrowser(m_controller, m_window);
    m_dlqDock = new QDockWidget(tr("Dead Letters"), m_window);
    m_dlqDock->setObjectName(QStringLiteral("dlqDock"));
    m_dlqDock->setWidget(m_dlq);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_dlqDock);
    m_window->tabifyDockWidget(m_metricsDock, m_dlqDock);
    m_metricsDock->raise();
    // Explicit minimums: otherwise the layouts' minimum size hints (chart tabs, the DLQ table
    // over its detail pane) hold the whole bottom dock area, Problems included, ~250 px tall.
    m_metrics->setMinimumHeight(110);
    m_dlq->setMinimumHeight(110);
    connect(m_dlq, &DlqBrowser::countChanged, this,
            [this](int n) { m_dlqDock->setWindowTitle(tr("Dead Letters (%1)").arg(n)); });
    m_menu->addSeparator();
    m_menu->addAction(m_metricsDock->toggleViewAction());
    m_menu->addAction(m_dlqDock->toggleViewAction());
    createCheckpointsDock();
}

void RunAndDebug::createCheckpointsDock()
{
    m_checkpoints = new widgets::CheckpointsPanel(m_window);
    m_checkpoints->setMinimumHeight(110);
    m_checkpointsDock = new QDockWidget(tr("Checkpoints"), m_window);
    m_checkpointsDock->setObjectName(QStringLiteral("checkpointsDock"));
    m_checkpointsDock->setWidget(m_checkpoints);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_checkpointsDock);
    m_window->tabifyDockWidget(m_metricsDock, m_checkpointsDock);
    m_metricsDock->raise();
    m_menu->addAction(m_checkpointsDock->toggleViewAction());
}

void RunAndDebug::onMetricsUrlChanged(const QString& url)
{
    m_metricsUrl->setText(url.isEmpty() ? QString()
                                        : tr("Metrics: <a href=\"%1\">%1</a>").arg(url));
    m_metricsUrl->setToolTip(tr("Prometheus metrics of the run (Edit > Preferences)"));
    m_metricsUrl->setVisible(!url.isEmpty());
    m_metrics->setEndpointUrl(url);
}

void RunAndDebug::showMetrics()
{
    // Charts need room: a bottom area sized for a problem list is made taller once.
    if (!m_metricsDock->isVisible()) m_metricsDock->show();
    m_metricsDock->raise();
    // Only as far as the canvas (central widget) keeps at least half the window's height.
    constexpr int kChartHeight = 320;
    QWidget* central = m_window->centralWidget();
    const int spare = central ? central->height() - m_window->height() / 2 : 0;
    const int target = std::min(kChartHeight, m_metricsDock->height() + std::max(0, spare));
    if (target > m_metricsDock->height())
        m_window->resizeDocks({m_metricsDock}, {target}, Qt::Vertical);
}

void RunAndDebug::run()
{
    if (m_controller->state() == RunState::Paused) {
        m_controller->resume();
        return;
    }
    if (m_controller->state() != RunState::Idle) return;
    prepareStart();
    m_controller->start(m_hooks.pipeline(), StartFrom::LatestCheckpoint);
}

void RunAndDebug::runFromScratch()
{
    if (m_controller->state() != RunState::Idle) return;
    prepareStart();
    m_controller->start(m_hooks.pipeline(), StartFrom::Scratch);
}

void RunAndDebug::prepareStart()
{
    m_controller->setDataDirectory(dataDirectory());
    const MetricsEndpointSetting endpoint = loadMetricsEndpointSetting();
    m_controller->setMetricsEndpoint(endpoint.enabled ? std::optional<int>(endpoint.port)
                                                      : std::nullopt);
}

QString RunAndDebug::dataDirectory()
{
    QString dir = m_hooks.dataDirectory ? m_hooks.dataDirectory() : QString();
    if (!dir.isEmpty()) return dir;
    if (!m_tempDir) m_tempDir = std::make_unique<QTemporaryDir>();
    return m_tempDir->path();
}

void RunAndDebug::updateStatus()
{
    QString text = m_controller->statusText();
    if (m_editedWhileRunning && m_controller->isRunning())
        text += tr(" · edited: Restart applies the changes");
    m_status->setText(text);
}

void RunAndDebug::onDocumentChanged(const widgets::ChangeEvent& e)
{
    // The engine runs a copy of the pipeline taken at Run; no property applies to a running
    // pipeline (the engine has no live update), so every edit says it waits for Restart.
    // Pinned dashboard views are the designer's, not the pipeline's: they apply at once.
    if (!m_controller->isRunning() || e.type == widgets::ChangeEvent::Type::NodeMoved ||
        e.type == widgets::ChangeEvent::Type::DashboardChanged)
        return;
    QString what;
    switch (e.type) {
    case widgets::ChangeEvent::Type::NodeChanged:
        what = e.property.empty()
                   ? tr("The label of %1 changed").arg(QString::fromStdString(e.nodeId))
                   : tr("%1.%2 changed")
                         .arg(QString::fromStdString(e.nodeId), QString::fromStdString(e.property));
        break;
    case widgets::ChangeEvent::Type::SettingsChanged:
        what = tr("The pipeline settings changed");
        break;
    default:
        what = tr("The pipeline's structure changed");
        break;
    }
    m_editedWhileRunning = true;
    // The undo stack re-enables Undo after this edit's push returns: switch it off again then.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_controller->isRunning()) disableStructuralActions();
        },
        Qt::QueuedConnection);
    m_window->statusBar()->showMessage(
        tr("%1: the running pipeline keeps the version it started with; Restart "
           "(Ctrl+Shift+F5) runs the edited one")
            .arg(what),
        8000);
    updateStatus();
}

void RunAndDebug::updateActions()
{
    const RunState s = m_controller->state();
    m_run->setEnabled(s == RunState::Idle || s == RunState::Paused);
    m_run->setText(s == RunState::Paused ? tr("&Resume") : tr("&Run"));
    m_runFromScratch->setEnabled(s == RunState::Idle);
    m_pause->setEnabled(s == RunState::Running);
    m_stop->setEnabled(s == RunState::Running || s == RunState::Paused || s == RunState::Starting);
    m_restart->setEnabled(s != RunState::Stopping);
}

void RunAndDebug::onRunningChanged(bool running)
{
    if (m_hooks.palette) m_hooks.palette->setEnabled(!running);
    for (const QString& name : m_hooks.structuralActions)
        if (auto* a = m_window->findChild<QAction*>(name)) a->setEnabled(!running);
    if (running)
        m_window->statusBar()->showMessage(tr("Running: structural edits are disabled; property "
                                              "changes apply at the next run"),
                                           6000);
    // The window re-enables selection-dependent actions on selection changes; keep them off.
    if (m_hooks.scene) {
        if (running)
            connect(m_hooks.scene, &QGraphicsScene::selectionChanged, this,
                    &RunAndDebug::disableStructuralActions, Qt::UniqueConnection);
        else
            disconnect(m_hooks.scene, &QGraphicsScene::selectionChanged, this,
                       &RunAndDebug::disableStructuralActions);
    }
}

void RunAndDebug::disableStructuralActions()
{
    for (const QString& name : m_hooks.structuralActions)
        if (auto* a = m_window->findChild<QAction*>(name)) a->setEnabled(false);
}

bool RunAndDebug::eventFilter(QObject* watched, QEvent* event)
{
    // While running, a press on a port would start a new connection: refuse it.
    if (watched == m_hooks.scene && m_controller->isRunning() &&
        event->type() == QEvent::GraphicsSceneMousePress) {
        auto* me = static_cast<QGraphicsSceneMouseEvent*>(event);
        for (QGraphicsItem* item : m_hooks.scene->items(me->scenePos())) {
            if (item->type() != widgets::NodeItem::Type) continue;
            auto* node = static_cast<widgets::NodeItem*>(item);
            if (widgets::NodeGeometry::portAt(node->nodeType(), node->mapFromScene(me->scenePos()))
                    .valid()) {
                m_window->statusBar()->showMessage(tr("Stop the pipeline to change connections"),
                                                   4000);
                event->accept();
                return true;
            }
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

EventInspector* RunAndDebug::inspector(const runtime::EdgeSpec& edge) const
{
    auto it = m_inspectors.find(edgeKey(edge));
    if (it == m_inspectors.end() || !it->second) return nullptr;
    return qobject_cast<EventInspector*>(it->second->widget());
}

EventInspector* RunAndDebug::inspect(const runtime::EdgeSpec& edge)
{
    if (EventInspector* existing = inspector(edge)) {
        existing->parentWidget()->show();
        existing->parentWidget()->raise();
        return existing;
    }
    const runtime::PipelineSpec pipeline =
        m_controller->isRunning() ? m_controller->pipeline() : m_hooks.pipeline();
    auto* view = new EventInspector(m_controller, pipeline, edge);
    auto* dock = new QDockWidget(tr("Inspect %1").arg(view->title()), m_window);
    dock->setObjectName(
        QStringLiteral("inspectDock_%1").arg(QString::fromStdString(edgeKey(edge))));
    dock->setAttribute(Qt::WA_DeleteOnClose);
    dock->setWidget(view);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    m_window->tabifyDockWidget(m_metricsDock, dock);
    dock->show();
    dock->raise();
    m_inspectors[edgeKey(edge)] = dock;
    return view;
}

void RunAndDebug::refreshProblems()
{
    if (!m_hooks.problems) return;
    QTreeWidget* tree = m_hooks.problems->tree();
    for (int i = tree->topLevelItemCount() - 1; i >= 0; --i)
        if (tree->topLevelItem(i)->data(0, kRuntimeProblemRole).toBool())
            delete tree->takeTopLevelItem(i);
    QStyle* st = m_window->style();
    for (const RunProblem& p : m_controller->problems()) {
        auto* item = new QTreeWidgetItem;
        item->setText(0, p.message);
        item->setText(1, p.nodeId.isEmpty() ? tr("pipeline") : p.nodeId);
        item->setText(2, tr("run %1").arg(p.run));
        item->setIcon(0, st->standardIcon(p.severity == RunProblem::Severity::Error
                                              ? QStyle::SP_MessageBoxCritical
                                          : p.severity == RunProblem::Severity::Warning
                                              ? QStyle::SP_MessageBoxWarning
                                              : QStyle::SP_MessageBoxInformation));
        item->setData(0, kProblemNodeRole, p.nodeId);
        item->setData(0, kRuntimeProblemRole, true);
        item->setToolTip(0, p.message.toHtmlEscaped());
        tree->insertTopLevelItem(0, item); // runtime problems first: they are what just happened
    }
}

RunAndDebug* installRunAndDebug(QMainWindow* window, RunAndDebug::Hooks hooks)
{
    return new RunAndDebug(window, std::move(hooks));
}

} // namespace sw::app
