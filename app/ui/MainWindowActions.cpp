// MainWindow: actions, menus and the toolbar.
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>
#include <QUndoStack>

#include "canvas/NodeCanvas.h"
#include "canvas/PipelineScene.h"
#include "document/Document.h"
#include "files/AppPaths.h"
#include "files/RecentFiles.h"
#include "ui/ActionIcons.h"
#include "ui/MainWindow.h"

namespace sw::app {

namespace {
QAction* makeAction(QObject* parent, const char* name, const QString& text,
                    const QKeySequence& key = {}, const QString& icon = {})
{
    auto* a = new QAction(text, parent);
    a->setObjectName(QString::fromLatin1(name));
    if (!key.isEmpty()) a->setShortcut(key);
    if (!icon.isEmpty()) a->setIcon(actionIcon(icon));
    return a;
}
} // namespace

QAction* MainWindow::action(const char* name) const
{
    return findChild<QAction*>(QString::fromLatin1(name));
}

void MainWindow::createActions()
{
    auto add = [this](const char* name, const QString& text, const QKeySequence& key,
                      const QString& icon, auto slot) {
        QAction* a = makeAction(this, name, text, key, icon);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    add("actionNew", tr("&New"), QKeySequence::New, QStringLiteral("new"), [this] {
        if (maybeSave()) newDocument();
    });
    add("actionNewWindow", tr("New &Window"), QKeySequence(tr("Ctrl+Shift+N")), {}, [] {
        auto* w = new MainWindow;
        w->setAttribute(Qt::WA_DeleteOnClose);
        w->showStartPage();
        w->show();
    });
    add("actionOpen", tr("&Open\u2026"), QKeySequence::Open, QStringLiteral("open"), [this] {
        if (!maybeSave()) return;
        QString dir = m_doc->filePath().isEmpty() ? QDir::homePath()
                                                  : QFileInfo(m_doc->filePath()).absolutePath();
        QString f =
            QFileDialog::getOpenFileName(this, tr("Open Pipeline"), dir,
                                         tr("Pipelines (*.pipeline.json *.json);;All files (*)"));
        if (!f.isEmpty()) openFile(f);
    });
    add("actionSave", tr("&Save"), QKeySequence::Save, QStringLiteral("save"), [this] { save(); });
    add("actionSaveAs", tr("Save &As\u2026"), QKeySequence::SaveAs, {}, [this] { saveAs(); });
    add("actionClose", tr("&Close"), QKeySequence::Close, {}, [this] {
        if (!maybeSave()) return;
        newDocument();
        showStartPage();
    });
    add("actionQuit", tr("&Quit"), QKeySequence::Quit, {}, [] { QApplication::closeAllWindows(); });

    QAction* undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(actionIcon(QStringLiteral("undo")));
    addAction(undo);
    QAction* redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(tr("Ctrl+Y"))});
    redo->setIcon(actionIcon(QStringLiteral("redo")));
    addAction(redo);
    add("actionCut", tr("Cu&t"), QKeySequence::Cut, {}, [this] { cutSelection(); });
    add("actionCopy", tr("&Copy"), QKeySequence::Copy, {}, [this] { copySelection(); });
    add("actionPaste", tr("&Paste"), QKeySequence::Paste, {}, [this] { paste(); });
    add("actionDuplicate", tr("Dup&licate"), QKeySequence(tr("Ctrl+D")), {},
        [this] { duplicateSelection(); });
    QAction* del =
        add("actionDelete", tr("&Delete"), QKeySequence::Delete, {}, [this] { deleteSelection(); });
    del->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    add("actionSelectAll", tr("Select &All"), QKeySequence::SelectAll, {}, [this] { selectAll(); });

    add("actionZoomIn", tr("Zoom &In"), QKeySequence::ZoomIn, QStringLiteral("zoom-in"),
        [this] { m_canvas->zoomIn(); });
    action("actionZoomIn")->setShortcuts({QKeySequence::ZoomIn, QKeySequence(tr("Ctrl+="))});
    add("actionZoomOut", tr("Zoom &Out"), QKeySequence::ZoomOut, QStringLiteral("zoom-out"),
        [this] { m_canvas->zoomOut(); });
    add("actionZoomFit", tr("Zoom to &Fit"), QKeySequence(tr("Ctrl+0")), QStringLiteral("zoom-fit"),
        [this] { m_canvas->zoomToFit(); });
    add("actionZoomReset", tr("&Actual Size"), QKeySequence(tr("Ctrl+1")), {},
        [this] { m_canvas->resetZoom(); });
    add("actionAutoLayout", tr("Auto-&Layout"), QKeySequence(tr("Ctrl+L")),
        QStringLiteral("layout"), [this] { autoLayout(); });
    QAction* snap = add("actionSnap", tr("&Snap to Grid"), {}, {},
                        [this](bool on) { m_scene->setSnapToGrid(on); });
    snap->setCheckable(true);
    snap->setChecked(true);
    add("actionPreferences", tr("Pr&eferences\u2026"), QKeySequence(tr("Ctrl+,")), {},
        [this] { showPreferences(); });
    add("actionShortcuts", tr("&Keyboard Shortcuts"), QKeySequence::HelpContents, {},
        [this] { showShortcuts(); });
    add("actionAbout", tr("&About Streamwright"), {}, {}, [this] {
        QMessageBox::about(
            this, tr("About Streamwright"),
            tr("<h3>Streamwright %1</h3><p>Design streaming pipelines visually, run them on an "
               "embedded runtime and export them to Flink SQL and Kubernetes.</p>"
               "<p>Qt %2</p>")
                .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
    for (const char* n :
         {"actionCut", "actionCopy", "actionDuplicate", "actionDelete", "actionPaste",
          "actionSelectAll", "actionZoomIn", "actionZoomOut", "actionZoomFit", "actionZoomReset"})
        action(n)->setShortcutContext(Qt::WindowShortcut);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(action("actionNew"));
    file->addAction(action("actionNewWindow"));
    file->addAction(action("actionOpen"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    m_examplesMenu = file->addMenu(tr("Open E&xample"));
    m_examplesMenu->setObjectName(QStringLiteral("examplesMenu"));
    populateExamplesMenu();
    file->addSeparator();
    file->addAction(action("actionSave"));
    file->addAction(action("actionSaveAs"));
    file->addSeparator();
    file->addAction(action("actionClose"));
    file->addAction(action("actionQuit"));

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    for (const char* n :
         {"actionUndo", "actionRedo", "", "actionCut", "actionCopy", "actionPaste",
          "actionDuplicate", "actionDelete", "", "actionSelectAll", "", "actionPreferences"}) {
        if (*n)
            edit->addAction(action(n));
        else
            edit->addSeparator();
    }

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (const char* n : {"actionZoomIn", "actionZoomOut", "actionZoomFit", "actionZoomReset", "",
                          "actionAutoLayout", "actionSnap", ""}) {
        if (*n)
            m_viewMenu->addAction(action(n));
        else
            m_viewMenu->addSeparator();
    }
    for (QDockWidget* d : findChildren<QDockWidget*>())
        m_viewMenu->addAction(d->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action("actionShortcuts"));
    help->addSeparator();
    help->addAction(action("actionAbout"));
}

void MainWindow::createToolBar()
{
    QToolBar* tb = addToolBar(tr("Main"));
    tb->setObjectName(QStringLiteral("mainToolBar"));
    tb->setMovable(false);
    tb->setIconSize(QSize(20, 20));
    for (const char* n :
         {"actionNew", "actionOpen", "actionSave", "", "actionUndo", "actionRedo", "",
          "actionZoomIn", "actionZoomOut", "actionZoomFit", "actionAutoLayout"}) {
        if (*n)
            tb->addAction(action(n));
        else
            tb->addSeparator();
    }
    m_viewMenu->addAction(tb->toggleViewAction());
}

void MainWindow::updateActions()
{
    bool nodes = !m_scene->selectedNodeIds().empty();
    bool any = nodes || !m_scene->selectedEdges().empty();
    action("actionCut")->setEnabled(nodes);
    action("actionCopy")->setEnabled(nodes);
    action("actionDuplicate")->setEnabled(nodes);
    action("actionDelete")->setEnabled(any);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recent->files();
    for (const QString& f : files) {
        QAction* a = m_recentMenu->addAction(QFileInfo(f).fileName());
        a->setToolTip(f);
        a->setStatusTip(f);
        connect(a, &QAction::triggered, this, [this, f] {
            if (maybeSave()) openFile(f);
        });
    }
    if (files.isEmpty()) m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
    m_recentMenu->addSeparator();
    QAction* clear = m_recentMenu->addAction(tr("Clear Recent Files"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [this] { m_recent->clear(); });
}

void MainWindow::populateExamplesMenu()
{
    m_examplesMenu->clear();
    QDir dir(examplesDir());
    const QStringList files =
        dir.entryList({QStringLiteral("*.pipeline.json")}, QDir::Files, QDir::Name);
    for (const QString& f : files) {
        QString name = f;
        name.chop(QStringLiteral(".pipeline.json").size());
        QString path = dir.filePath(f);
        QAction* a = m_examplesMenu->addAction(name);
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave()) openCopy(path);
        });
    }
    if (files.isEmpty()) m_examplesMenu->addAction(tr("No examples found"))->setEnabled(false);
}

} // namespace sw::app
