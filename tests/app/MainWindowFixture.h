#pragma once
// The designer window under test: a MainWindow with its settings and recovery files in a
// temporary directory, and helpers that drive it like a user (drops, port positions).
#include <memory>

#include <QApplication>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "canvas/NodeCanvas.h"
#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "catalog/PipelineLoader.h"
#include "document/Document.h"
#include "palette/NodePalette.h"
#include "ui/MainWindow.h"

class MainWindowFixture {
protected:
    QTemporaryDir m_settings;
    std::unique_ptr<sw::app::MainWindow> m_w;

    QWidget* vp() const { return m_w->canvas()->viewport(); }
    QPoint portPoint(const std::string& node, const std::string& port, bool input) const
    {
        return m_w->canvas()->mapFromScene(m_w->scene()->portScenePos({node, port}, input));
    }
    QPoint nodePoint(const std::string& node) const
    {
        return m_w->canvas()->mapFromScene(
            m_w->scene()->nodeItem(node)->mapToScene(QPointF(110, 20)));
    }
    std::string json() const { return sw::runtime::serializePipeline(m_w->document()->pipeline()); }

    void dropType(const QString& type, QPoint at)
    {
        sw::widgets::NodePalette* palette = m_w->nodePalette();
        QModelIndex index = palette->tree()->indexFromItem(palette->itemForType(type));
        std::unique_ptr<QMimeData> mime(palette->tree()->model()->mimeData({index}));
        QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(vp(), &enter);
        QDropEvent drop(QPointF(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(vp(), &drop);
    }

    /// Drags `mime` over the canvas and drops it there, as a file manager would.
    void dropOnCanvas(const QMimeData* mime)
    {
        const QPoint at = vp()->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(vp(), &enter);
        QDragMoveEvent move(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(vp(), &move);
        QDropEvent drop(QPointF(at), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(vp(), &drop);
    }

    std::unique_ptr<sw::app::MainWindow> newWindow()
    {
        auto w = std::make_unique<sw::app::MainWindow>();
        w->resize(1400, 900);
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get())) qWarning("window not exposed");
        activate(w.get());
        return w;
    }

    static void activate(QWidget* w)
    {
        w->activateWindow();
        if (!QTest::qWaitForWindowActive(w)) qWarning("window not active");
    }

    QString recoveryDir() const { return m_settings.filePath(QStringLiteral("recovery")); }

    /// initTestCase(): settings and recovery files go to the temporary directory.
    bool setUpEnvironment()
    {
        if (!m_settings.isValid()) return false;
        qputenv("SW_SETTINGS_DIR", m_settings.path().toUtf8());
        qputenv("SW_AUTOSAVE_MS", "200");
        return true;
    }

    /// init(): a fresh window at 100 % zoom.
    void openWindow()
    {
        m_w = newWindow();
        m_w->canvas()->resetZoom();
        m_w->canvas()->centerOn(500, 200);
    }

    /// cleanup(): closes the window without the unsaved-changes prompt.
    void closeWindow()
    {
        if (m_w) {
            m_w->document()->markSaved(m_w->document()->filePath());
            m_w.reset();
        }
    }
};
