// MainWindow: first-run geometry, the start page, Help > Keyboard Shortcuts and Preferences.
#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QStackedWidget>

#include "canvas/NodeCanvas.h"
#include "document/Document.h"
#include "ui/MainWindow.h"
#include "ui/PreferencesDialog.h"
#include "ui/ShortcutsDialog.h"
#include "ui/StartPage.h"

namespace sw::app {

QRect MainWindow::firstRunGeometry(const QRect& available)
{
    QRect r(QPoint(0, 0), available.size() * 0.8);
    r.moveCenter(available.center());
    return r;
}

void MainWindow::createStartPage()
{
    m_startPage = new StartPage(m_central);
    m_central->addWidget(m_startPage);
    connect(m_startPage, &StartPage::newRequested, this, [this] {
        newDocument();
        showCanvas();
    });
    connect(m_startPage, &StartPage::openRequested, this,
            [this] { action("actionOpen")->trigger(); });
    connect(m_startPage, &StartPage::openFileRequested, this, [this](const QString& path) {
        if (maybeSave()) openFile(path);
    });
    connect(m_startPage, &StartPage::openExampleRequested, this, [this](const QString& path) {
        if (maybeSave()) openCopy(path);
    });
    // Adding a node (palette double-click) while the start page shows brings the canvas back.
    connect(m_doc.get(), &Document::changed, this, [this] {
        if (isStartPageShown() && !m_doc->pipeline().nodes.empty()) showCanvas();
    });
}

void MainWindow::showStartPage()
{
    m_central->setCurrentWidget(m_startPage);
}

void MainWindow::showCanvas()
{
    m_central->setCurrentWidget(m_canvas);
}

bool MainWindow::isStartPageShown() const
{
    return m_central->currentWidget() == m_startPage;
}

QDialog* MainWindow::showShortcuts()
{
    auto* d = new ShortcutsDialog(this, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
    return d;
}

QDialog* MainWindow::showPreferences()
{
    auto* d = new PreferencesDialog(this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setWindowModality(Qt::WindowModal);
    d->show();
    return d;
}

} // namespace sw::app
