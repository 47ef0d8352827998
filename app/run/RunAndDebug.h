#pragma once
// Installs run & debug into a designer window in one call: Run menu and toolbar (Run F5, which
// resumes from the latest completed checkpoint, Run from Scratch Ctrl+F5, Pause, Stop Shift+F5,
// Restart Ctrl+Shift+F5), the Metrics, Checkpoints and Dead Letters docks, canvas overlays,
// "Inspect records" on edges (a dock per inspected edge), the status-bar run status, runtime
// problems in the Problems dock, structural edits disabled while a pipeline runs, and the
// metrics endpoint of Preferences (its URL in the status bar and the Metrics dock).
//
// The window keeps ownership of its document; RunAndDebug reads the pipeline through
// Hooks::pipeline when Run is pressed.
#include <functional>
#include <map>
#include <memory>

#include <QObject>
#include <QPointer>
#include <QString>

#include "model/PipelineSpec.h"

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QMenu;
class QTemporaryDir;
class QToolBar;

namespace sw::widgets {
struct ChangeEvent;
class CheckpointsPanel;
class MetricsPanel;
class PipelineScene;
class ProblemsView;
} // namespace sw::widgets

namespace sw::app {

class CanvasOverlay;
class DlqBrowser;
class EventInspector;
class RunController;

class RunAndDebug : public QObject {
    Q_OBJECT
public:
    struct Hooks {
        /// The pipeline to run (the document's current content).
        std::function<runtime::PipelineSpec()> pipeline;
        /// Directory relative paths resolve against; empty = a temporary directory per window.
        std::function<QString()> dataDirectory;
        widgets::PipelineScene* scene = nullptr;   ///< canvas overlays, edge menu
        widgets::ProblemsView* problems = nullptr; ///< runtime problems are listed there
        QWidget* palette = nullptr;                ///< disabled while running
        /// Object names of actions that change the structure (disabled while running).
        QStringList structuralActions = {
            QStringLiteral("actionCut"),       QStringLiteral("actionPaste"),
            QStringLiteral("actionDuplicate"), QStringLiteral("actionDelete"),
            QStringLiteral("actionUndo"),      QStringLiteral("actionRedo"),
            QStringLiteral("actionNew"),       QStringLiteral("actionOpen")};
    };

    RunAndDebug(QMainWindow* window, Hooks hooks);
    ~RunAndDebug() override;

    RunController* controller() const { return m_controller; }
    widgets::MetricsPanel* metrics() const { return m_metrics; }
    widgets::CheckpointsPanel* checkpoints() const { return m_checkpoints; }
    QDockWidget* checkpointsDock() const { return m_checkpointsDock; }
    QAction* runFromScratchAction() const { return m_runFromScratch; }
    QLabel* metricsUrlLabel() const { return m_metricsUrl; }
    DlqBrowser* dlq() const { return m_dlq; }
    CanvasOverlay* overlay() const { return m_overlay; }
    QDockWidget* metricsDock() const { return m_metricsDock; }
    QDockWidget* dlqDock() const { return m_dlqDock; }
    QMenu* runMenu() const { return m_menu; }
    QAction* runAction() const { return m_run; }
    QAction* pauseAction() const { return m_pause; }
    QAction* stopAction() const { return m_stop; }
    QAction* restartAction() const { return m_restart; }
    QLabel* statusLabel() const { return m_status; }

    /// Opens (or raises) the inspector of `edge` in a dock.
    EventInspector* inspect(const runtime::EdgeSpec& edge);
    EventInspector* inspector(const runtime::EdgeSpec& edge) const;

    /// Run: start from the latest completed checkpoint (or resume when paused).
    void run();
    /// Run from Scratch: discard the pipeline's checkpoints and start.
    void runFromScratch();

private:
    void createActions();
    void createDocks();
    void createCheckpointsDock();
    /// Data directory and metrics endpoint from the hooks and Preferences, before a start.
    void prepareStart();
    void onMetricsUrlChanged(const QString& url);
    void updateActions();
    void onRunningChanged(bool running);
    void disableStructuralActions();
    void showMetrics();
    void updateStatus();
    void onDocumentChanged(const widgets::ChangeEvent& e);
    void refreshProblems();
    QString dataDirectory();
    bool eventFilter(QObject* watched, QEvent* event) override;

    QMainWindow* m_window;
    Hooks m_hooks;
    RunController* m_controller = nullptr;
    CanvasOverlay* m_overlay = nullptr;
    widgets::MetricsPanel* m_metrics = nullptr;
    DlqBrowser* m_dlq = nullptr;
    QDockWidget* m_metricsDock = nullptr;
    QDockWidget* m_dlqDock = nullptr;
    widgets::CheckpointsPanel* m_checkpoints = nullptr;
    QDockWidget* m_checkpointsDock = nullptr;
    QMenu* m_menu = nullptr;
    QToolBar* m_toolBar = nullptr;
    QAction* m_run = nullptr;
    QAction* m_runFromScratch = nullptr;
    QAction* m_pause = nullptr;
    QAction* m_stop = nullptr;
    QAction* m_restart = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_metricsUrl = nullptr;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    bool m_editedWhileRunning = false;
    std::map<std::string, QPointer<QDockWidget>> m_inspectors; // by edge key
};

/// Creates RunAndDebug for `window` (owned by the window).
RunAndDebug* installRunAndDebug(QMainWindow* window, RunAndDebug::Hooks hooks);

} // namespace sw::app
