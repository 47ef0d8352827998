// MainWindow: new/open/save, unsaved-changes prompt, dropped files, crash recovery offer.
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>

#include "canvas/NodeCanvas.h"
#include "canvas/PipelineScene.h"
#include "document/Document.h"
#include "files/DocumentIo.h"
#include "files/RecentFiles.h"
#include "files/RecoveryManager.h"
#include "ui/MainWindow.h"

namespace sw::app {

void MainWindow::newDocument()
{
    runtime::PipelineSpec fresh;
    fresh.settings.name = "untitled"; // the file format requires a name
    m_doc->reset(std::move(fresh), QString());
    m_canvas->resetZoom();
    m_canvas->centerOn(0, 0);
    showCanvas();
}

bool MainWindow::openFile(const QString& path)
{
    return loadInto(path, false);
}

bool MainWindow::openCopy(const QString& path)
{
    return loadInto(path, true);
}

bool MainWindow::loadInto(const QString& path, bool asCopy)
{
    auto loaded = loadPipeline(path);
    if (!loaded) {
        showError(tr("Cannot Open Pipeline"),
                  tr("%1 could not be opened:\n\n%2")
                      .arg(QDir::toNativeSeparators(path),
                           QString::fromStdString(loaded.error().toString())));
        return false;
    }
    QString abs = QFileInfo(path).absoluteFilePath();
    m_doc->reset(std::move(*loaded), asCopy ? QString() : abs, asCopy);
    if (!asCopy) m_recent->add(abs);
    showCanvas();
    // Fit once the view has its final size.
    QTimer::singleShot(0, m_canvas, &widgets::NodeCanvas::zoomToFit);
    statusBar()->showMessage(asCopy ? tr("Opened a copy of %1").arg(QFileInfo(path).fileName())
                                    : tr("Opened %1").arg(QDir::toNativeSeparators(abs)),
                             5000);
    return true;
}

bool MainWindow::save()
{
    if (m_doc->filePath().isEmpty()) return saveAs();
    return saveTo(m_doc->filePath());
}

bool MainWindow::saveAs()
{
    QString suggestion = m_doc->filePath();
    if (suggestion.isEmpty()) {
        std::string name = m_doc->pipeline().settings.name;
        suggestion =
            QDir::home().filePath(QString::fromStdString(name.empty() ? "untitled" : name) +
                                  QStringLiteral(".pipeline.json"));
    }
    QString f = QFileDialog::getSaveFileName(this, tr("Save Pipeline"), suggestion,
                                             tr("Pipelines (*.pipeline.json);;All files (*)"));
    if (f.isEmpty()) return false;
    if (!f.endsWith(QStringLiteral(".json"))) f += QStringLiteral(".pipeline.json");
    return saveTo(f);
}

bool MainWindow::saveTo(const QString& path)
{
    runtime::Status st = savePipeline(m_doc->pipeline(), path);
    if (!st) {
        showError(tr("Cannot Save Pipeline"),
                  tr("The pipeline was not saved; %1 is unchanged.\n\n%2")
                      .arg(QDir::toNativeSeparators(path), QString::fromStdString(st.message())));
        return false;
    }
    QString abs = QFileInfo(path).absoluteFilePath();
    m_doc->markSaved(abs);
    m_recent->add(abs);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(abs)), 5000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_doc->isModified()) return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"),
                    tr("Save changes to %1 before closing?").arg(m_doc->displayName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsavedBox"));
    box.setInformativeText(tr("Your changes will be lost if you don't save them."));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

void MainWindow::offerRecovery()
{
    auto orphans = m_recovery->claimOrphans();
    MainWindow* target = this;
    for (const auto& o : orphans) {
        QString name = o.originalPath.isEmpty() ? tr("an untitled pipeline")
                                                : QFileInfo(o.originalPath).fileName();
        QMessageBox box(
            QMessageBox::Question, tr("Recover Unsaved Changes"),
            tr("Streamwright ended without saving %1.\nUnsaved changes from %2 can be recovered.")
                .arg(name, QLocale().toString(o.savedAt.toLocalTime(), QLocale::ShortFormat)),
            QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("recoveryBox"));
        QPushButton* recover = box.addButton(tr("Recover"), QMessageBox::AcceptRole);
        QPushButton* discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        box.addButton(tr("Not Now"), QMessageBox::RejectRole);
        box.setDefaultButton(recover);
        box.exec();
        if (box.clickedButton() == recover) {
            if (!target) {
                target = new MainWindow;
                target->setAttribute(Qt::WA_DeleteOnClose);
                target->show();
            }
            target->m_doc->reset(o.pipeline, o.originalPath, true);
            target->showCanvas();
            target->statusBar()->showMessage(tr("Recovered unsaved changes of %1").arg(name), 8000);
            QTimer::singleShot(0, target->m_canvas, &widgets::NodeCanvas::zoomToFit);
            // Write the recovered state under this window's own recovery file before deleting
            // the orphan, so a crash right now loses nothing.
            target->m_recovery->autosave();
            m_recovery->resolve(o);
            target = nullptr; // a further recovered document gets its own window
        } else if (box.clickedButton() == discard) {
            m_recovery->resolve(o);
        } else {
            m_recovery->release(o);
        }
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    if (!event->mimeData()->hasUrls()) return;
    event->acceptProposedAction();
    QList<QUrl> urls = event->mimeData()->urls();
    // Leave the drop handler before showing dialogs.
    QTimer::singleShot(0, this, [this, urls] { openDroppedUrls(urls); });
}

void MainWindow::openDroppedUrls(const QList<QUrl>& urls)
{
    for (const QUrl& u : urls) {
        if (!u.isLocalFile()) continue;
        if (maybeSave()) openFile(u.toLocalFile());
        return; // one document per window
    }
}

} // namespace sw::app
