#pragma once
// The designer window: canvas in the centre, palette (left), properties (right), problems
// (bottom), menus, toolbar and status bar. One document per window.
#include <functional>
#include <memory>

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QMenu;
class QSettings;
class QDialog;
class QStackedWidget;

namespace sw::widgets {
class NodeCanvas;
class NodePalette;
class PipelineScene;
class ProblemsView;
class PropertyEditor;
} // namespace sw::widgets

namespace sw::app {

class Document;
class ExportDialog;
class ReadinessDock;
class RecentFiles;
class RunAndDebug;
class RecoveryManager;
class StartPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Document* document() const { return m_doc.get(); }
    widgets::NodeCanvas* canvas() const { return m_canvas; }
    widgets::PipelineScene* scene() const { return m_scene; }
    widgets::NodePalette* nodePalette() const { return m_palette; }
    widgets::PropertyEditor* propertyEditor() const { return m_properties; }
    widgets::ProblemsView* problemsView() const { return m_problems; }
    RecoveryManager* recovery() const { return m_recovery.get(); }
    ReadinessDock* readinessDock() const { return m_readiness; }
    RunAndDebug* runAndDebug() const { return m_run; }
    /// File > Export: opens the (window-modal, self-deleting) export dialog on the document.
    ExportDialog* showExportDialog();
    /// Action by object name ("actionSave", ...), for tests and the toolbar.
    QAction* action(const char* name) const;

    /// Opens a pipeline file into this window. On failure shows the loader's message and
    /// leaves the current document untouched.
    bool openFile(const QString& path);
    /// Opens a copy of `path` as a new unsaved document (examples).
    bool openCopy(const QString& path);
    bool save();
    bool saveAs();
    bool saveTo(const QString& path);
    void newDocument();
    /// Asks about unsaved changes; false when the user cancels.
    bool maybeSave();
    /// Offers to recover documents of sessions that ended without saving.
    void offerRecovery();
    /// Shows the start page in place of the canvas (no pipeline open); opening, creating or
    /// recovering a pipeline shows the canvas again.
    void showStartPage();
    bool isStartPageShown() const;
    StartPage* startPage() const { return m_startPage; }
    /// Help > Keyboard Shortcuts and Edit > Preferences (non-modal, self-deleting).
    QDialog* showShortcuts();
    QDialog* showPreferences();
    /// The size and position of a first window on `available` (no saved geometry): about 80 %
    /// of the screen's available area, centred.
    static QRect firstRunGeometry(const QRect& available);

    void copySelection();
    void cutSelection();
    void paste();
    void duplicateSelection();
    void deleteSelection();
    void selectAll();
    void autoLayout();

    /// The last error shown to the user (tests read it; dialogs may be suppressed).
    const QString& lastError() const { return m_lastError; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createDocks();
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void createExportAndRun();
    void connectDocument();
    void readSettings();
    void writeSettings();
    void updateTitle();
    void updateActions();
    void updateStatus();
    void updateRecentMenu();
    void populateExamplesMenu();
    void onSelectionChanged();
    void onProblemActivated(const QString& nodeId, const QString& property);
    void addNodeAtCenter(const QString& type);
    bool loadInto(const QString& path, bool asCopy);
    void showError(const QString& title, const QString& text);
    void openDroppedUrls(const QList<QUrl>& urls);
    QPointF pastePosition() const;
    bool editTargetsCanvas() const;
    void applyStyle();
    void showCanvas();
    void fitDocksToWindow();
    void createStartPage();

    std::unique_ptr<Document> m_doc;
    std::unique_ptr<RecoveryManager> m_recovery;
    std::unique_ptr<RecentFiles> m_recent;
    widgets::PipelineScene* m_scene = nullptr;
    widgets::NodeCanvas* m_canvas = nullptr;
    QStackedWidget* m_central = nullptr;
    StartPage* m_startPage = nullptr;
    widgets::NodePalette* m_palette = nullptr;
    widgets::PropertyEditor* m_properties = nullptr;
    widgets::ProblemsView* m_problems = nullptr;
    ReadinessDock* m_readiness = nullptr;
    RunAndDebug* m_run = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_examplesMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QLabel* m_validationLabel = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QString m_lastError;
    int m_pasteCount = 0;
    bool m_restoredLayout = false; ///< dock layout came from the settings
};

} // namespace sw::app
