// The designer window end to end: palette drops, connections, property edits, clipboard,
// files (save/reopen, failed save, bad file), unsaved prompt and crash recovery.
#include <csignal>
#include <sys/resource.h>

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QMimeData>
#include <QProcess>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include "DialogDriver.h"
#include "MainWindowFixture.h"
#include "TestUtil.h"
#include "canvas/NodeCanvas.h"
#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "document/Document.h"
#include "files/RecoveryManager.h"
#include "palette/NodePalette.h"
#include "problems/ProblemsView.h"
#include "properties/PropertyEditor.h"
#include "properties/fields/ExpressionField.h"
#include "ui/MainWindow.h"

using namespace sw;
using app::MainWindow;

class TestMainWindow : public QObject, protected MainWindowFixture {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(setUpEnvironment()); }
    void init() { openWindow(); }
    void cleanup() { closeWindow(); }

    void buildPipelineWithMouse()
    {
        dropType(QStringLiteral("generator"), m_w->canvas()->mapFromScene(QPointF(100, 60)));
        dropType(QStringLiteral("filter"), m_w->canvas()->mapFromScene(QPointF(500, 60)));
        const auto& p = m_w->document()->pipeline();
        QCOMPARE(p.nodes.size(), 2u);
        std::string g = p.nodes[0].id, f = p.nodes[1].id;
        // Double-click in the palette adds at the view centre.
        widgets::NodePalette* palette = m_w->nodePalette();
        QTreeWidgetItem* sinkItem = palette->itemForType(QStringLiteral("console-sink"));
        palette->tree()->scrollToItem(sinkItem);
        QRect r = palette->tree()->visualItemRect(sinkItem);
        QVERIFY(!r.isEmpty());
        // A real double click starts with a click (QTest::mouseDClick alone is no press+release).
        QTest::mouseClick(palette->tree()->viewport(), Qt::LeftButton, {}, r.center());
        QTest::mouseDClick(palette->tree()->viewport(), Qt::LeftButton, {}, r.center());
        QCOMPARE(p.nodes.size(), 3u);
        std::string s = p.nodes[2].id;
        QCOMPARE(QString::fromStdString(p.nodes[2].type), QStringLiteral("console-sink"));
        QRectF sinkRect = m_w->scene()->nodeItem(s)->sceneBoundingRect();
        QVERIFY(sinkRect.contains(m_w->canvas()->viewCenter()) ||
                QLineF(sinkRect.center(), m_w->canvas()->viewCenter()).length() < 80);
        m_w->document()->moveNodes({{s, QPointF(900, 60)}});
        // Connect with the mouse.
        drag(vp(), portPoint(g, "out", false), portPoint(f, "in", true));
        drag(vp(), portPoint(f, "out", false), portPoint(s, "in", true));
        QCOMPARE(p.edges.size(), 2u);
        // An invalid connection is refused; the reason is in the status bar.
        auto d = m_w->document()->addNode("dlq", {500, 300});
        drag(vp(), portPoint(f, "out", false), portPoint(d, "in", true));
        QCOMPARE(p.edges.size(), 2u);
        QVERIFY2(m_w->statusBar()->currentMessage().contains(QStringLiteral("Cannot connect")),
                 qPrintable(m_w->statusBar()->currentMessage()));
        // Edit the filter's condition with an error, then fix it.
        m_w->scene()->selectNodes({f});
        QTest::qWait(20);
        auto* cond = qobject_cast<widgets::ExpressionField*>(
            m_w->propertyEditor()->field(QStringLiteral("condition")));
        QVERIFY(cond);
        cond->edit()->setFocus();
        QTest::keyClicks(cond->edit(), QStringLiteral("amount >> 3"));
        QTest::keyClick(cond->edit(), Qt::Key_Return);
        QTest::qWait(20);
        QVERIFY(!m_w->propertyEditor()->message(QStringLiteral("condition")).isEmpty());
        QVERIFY(m_w->document()->nodeProperty(f, "condition").is_null());
        QTest::keyClick(cond->edit(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(cond->edit(), QStringLiteral("amount > 3"));
        QTest::keyClick(cond->edit(), Qt::Key_Return);
        QCOMPARE(m_w->document()->nodeProperty(f, "condition"), nlohmann::json("amount > 3"));
        QVERIFY(m_w->isWindowModified());
    }

    void keyboardEditingAndClipboard()
    {
        m_w->document()->reset(loadExample("orders.pipeline.json"), {});
        m_w->canvas()->resetZoom();
        m_w->canvas()->centerOn(400, 100);
        QTest::mouseClick(vp(), Qt::LeftButton, {}, nodePoint("dedup"));
        QCOMPARE(m_w->scene()->selectedNodeIds(), std::vector<std::string>{"dedup"});
        QCOMPARE(m_w->propertyEditor()->nodeId(), QStringLiteral("dedup"));
        std::string before = json();
        // Copy puts pipeline JSON text on the clipboard.
        QTest::keyClick(vp(), Qt::Key_C, Qt::ControlModifier);
        QString text = QApplication::clipboard()->text();
        auto parsed = runtime::parsePipeline(text.toStdString());
        QVERIFY2(parsed.isOk(), parsed.isOk() ? "" : parsed.error().toString().c_str());
        QCOMPARE(parsed->nodes.size(), 1u);
        QTest::keyClick(vp(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(m_w->document()->pipeline().nodes.size(), 6u);
        QVERIFY(m_w->document()->node("dedup_2"));
        QCOMPARE(m_w->document()->node("dedup_2")->properties,
                 m_w->document()->node("dedup")->properties);
        // Paste into another window, too.
        auto other = newWindow();
        other->canvas()->setFocus();
        other->paste();
        QCOMPARE(other->document()->pipeline().nodes.size(), 1u);
        other->document()->markSaved({});
        other.reset();
        activate(m_w.get());
        // Duplicate, delete, undo.
        m_w->scene()->selectNodes({"revenue"});
        m_w->canvas()->setFocus();
        QTest::keyClick(vp(), Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(m_w->document()->pipeline().nodes.size(), 7u);
        QCOMPARE(m_w->scene()->selectedNodeIds(), std::vector<std::string>{"revenue_2"});
        QTest::keyClick(vp(), Qt::Key_Delete);
        QCOMPARE(m_w->document()->pipeline().nodes.size(), 6u);
        m_w->scene()->selectNodes({"dedup"});
        QTest::keyClick(vp(), Qt::Key_Delete);
        QCOMPARE(m_w->document()->pipeline().edges.size(), 3u);
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(vp(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(json(), before);
        QVERIFY(!m_w->isWindowModified()); // back at the loaded state
        // Select all + auto-layout is one step.
        QTest::keyClick(vp(), Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(m_w->scene()->selectedNodeIds().size(), 5u);
        int steps = m_w->document()->undoStack()->index();
        m_w->action("actionAutoLayout")->trigger();
        QCOMPARE(m_w->document()->undoStack()->index(), steps + 1);
        double zoom = m_w->canvas()->zoom();
        m_w->action("actionZoomIn")->trigger();
        QVERIFY(m_w->canvas()->zoom() > zoom);
    }

    void rubberBandThenDeleteKeyRemovesThroughModelAndUndo()
    {
        // Three connected nodes; a rubber band over the first two on the real canvas, then the
        // Delete key (the window's Delete action): both nodes and every edge touching them go,
        // as one undo step, through the document.
        app::Document* doc = m_w->document();
        m_w->canvas()->resetZoom();
        m_w->canvas()->centerOn(260, 100); // the band below is in view
        auto a = doc->addNode("generator", {0, 0});
        auto b = doc->addNode("filter", {300, 0});
        auto c = doc->addNode("console-sink", {300, 400});
        doc->addEdge({{a, "out"}, {b, "in"}});
        doc->addEdge({{b, "out"}, {c, "in"}});
        const std::string before = json();
        const int steps = doc->undoStack()->index();
        m_w->scene()->clearSelection();
        const QPoint tl = m_w->canvas()->mapFromScene(QPointF(-40, -40));
        const QPoint br = m_w->canvas()->mapFromScene(QPointF(560, 140));
        QVERIFY(vp()->rect().contains(tl) && vp()->rect().contains(br));
        drag(vp(), tl, br);
        QCOMPARE(m_w->scene()->selectedNodeIds(), (std::vector<std::string>{a, b}));
        m_w->canvas()->setFocus();
        QTest::keyClick(vp(), Qt::Key_Delete);
        QCOMPARE(doc->pipeline().nodes.size(), 1u);
        QCOMPARE(doc->pipeline().nodes[0].id, c);
        QVERIFY(doc->pipeline().edges.empty());
        QVERIFY(!m_w->scene()->nodeItem(a) && !m_w->scene()->nodeItem(b));
        QVERIFY(m_w->scene()->nodeItem(c));
        QCOMPARE(doc->undoStack()->index(), steps + 1);
        // Undo brings back both nodes and both edges; redo removes them again.
        QTest::keyClick(vp(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(json(), before);
        QVERIFY(m_w->scene()->nodeItem(a) && m_w->scene()->nodeItem(b));
        QCOMPARE(m_w->scene()->edgeItems().size(), 2u);
        doc->undoStack()->redo();
        QCOMPARE(doc->pipeline().nodes.size(), 1u);
        QVERIFY(doc->pipeline().edges.empty());
    }

    void problemsDoubleClickFocusesProperty()
    {
        m_w->document()->reset(loadExample("orders.pipeline.json"), {});
        QTRY_VERIFY(m_w->problemsView()->emptyNote()->isVisibleTo(m_w->problemsView()));
        m_w->document()->setProperty("revenue", "size", "0 ms");
        QTRY_VERIFY(!m_w->problemsView()->emptyNote()->isVisibleTo(m_w->problemsView()));
        QTreeWidget* tree = m_w->problemsView()->tree();
        QTreeWidgetItem* hit = nullptr;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            if (tree->topLevelItem(i)->text(2) == QStringLiteral("size"))
                hit = tree->topLevelItem(i);
        QVERIFY(hit);
        tree->scrollToItem(hit);
        const QPoint at = tree->visualItemRect(hit).center();
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
        QTest::qWait(20);
        QCOMPARE(m_w->scene()->selectedNodeIds(), std::vector<std::string>{"revenue"});
        QCOMPARE(m_w->propertyEditor()->nodeId(), QStringLiteral("revenue"));
        QVERIFY(m_w->propertyEditor()->field(QStringLiteral("size"))->editorWidget()->hasFocus());
    }

    void saveAndReopenEqual()
    {
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("out.pipeline.json"));
        m_w->document()->reset(loadExample("orders.pipeline.json"), {}, true);
        m_w->document()->setProperty("dedup", "ttl", "2 h");
        QVERIFY(m_w->saveTo(path));
        QVERIFY(!m_w->isWindowModified());
        QVERIFY(m_w->windowTitle().startsWith(QStringLiteral("out.pipeline.json")));
        auto reopened = newWindow();
        QVERIFY(reopened->openFile(path));
        QCOMPARE(reopened->document()->pipeline(), m_w->document()->pipeline());
        QVERIFY(!reopened->isWindowModified());
        // Saving the unchanged reopened document reproduces the file byte for byte.
        QByteArray bytes = readAll(path);
        QVERIFY(reopened->save());
        QCOMPARE(readAll(path), bytes);
    }

    void failedSaveLeavesOldFileIdentical()
    {
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("keep.pipeline.json"));
        m_w->document()->reset(loadExample("orders.pipeline.json"), {});
        QVERIFY(m_w->saveTo(path));
        QByteArray old = readAll(path);
        m_w->document()->setProperty("dedup", "ttl", "3 h");
        for (int i = 0; i < 40; ++i)
            m_w->document()->addNode("filter", {0, 400.0 + i * 120});
        // Any file write beyond 512 bytes fails (EFBIG), as a full disk would.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit saved{};
        getrlimit(RLIMIT_FSIZE, &saved);
        rlimit small = saved;
        small.rlim_cur = 512;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        DialogDriver ok{QString()};
        bool result = m_w->saveTo(path);
        setrlimit(RLIMIT_FSIZE, &saved);
        QVERIFY(!result);
        QCOMPARE(readAll(path), old);
        QCOMPARE(ok.count(), 1);
        QVERIFY2(ok.texts().front().contains(QStringLiteral("not saved")),
                 qPrintable(ok.texts().front()));
        QVERIFY(m_w->isWindowModified());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temp file left behind
    }

    void badFileShowsLoaderMessageAndKeepsDocument()
    {
        m_w->document()->reset(loadExample("orders.pipeline.json"), {});
        m_w->document()->setLabel("dedup", "edited");
        std::string before = json();
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("bad.pipeline.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "{\n  \"format\": \"streamwright.pipeline/1\",\n  \"nodes\": [ {\"id\": \"a\", }\n");
        f.close();
        std::string expected = runtime::loadPipelineFile(path.toStdString()).error().toString();
        DialogDriver ok{QString()};
        QVERIFY(!m_w->openFile(path));
        QCOMPARE(ok.count(), 1);
        QVERIFY2(ok.texts().front().contains(QString::fromStdString(expected)),
                 qPrintable(ok.texts().front()));
        QCOMPARE(json(), before);
        QVERIFY(m_w->isWindowModified());
        QCOMPARE(m_w->document()->undoStack()->count(), 1);
    }

    void droppedFileOpensAndUnsavedPromptGuardsIt()
    {
        m_w->document()->addNode("filter", {0, 0});
        QMimeData mime;
        mime.setUrls(
            {QUrl::fromLocalFile(sourcePath(QStringLiteral("examples/orders.pipeline.json")))});
        {
            DialogDriver cancel{QString(), QMessageBox::Cancel};
            dropOnCanvas(&mime);
            QTRY_COMPARE(cancel.count(), 1);
            QTest::qWait(20);
            QCOMPARE(m_w->document()->pipeline().nodes.size(), 1u); // cancelled: untouched
        }
        {
            DialogDriver discard{QString(), QMessageBox::Discard};
            dropOnCanvas(&mime);
            QTRY_COMPARE(m_w->document()->pipeline().nodes.size(), 5u);
            QCOMPARE(discard.count(), 1);
        }
        QVERIFY(m_w->document()->filePath().endsWith(QStringLiteral("orders.pipeline.json")));
        // Closing with unsaved changes asks; Cancel keeps the window.
        m_w->document()->setLabel("dedup", "x");
        DialogDriver cancel{QString(), QMessageBox::Cancel};
        QVERIFY(!m_w->close());
        QCOMPARE(cancel.count(), 1);
        QVERIFY(m_w->isVisible());
    }

    void geometryAndDockLayoutAreRestored()
    {
        auto dock = [](MainWindow* w, const char* name) {
            return w->findChild<QDockWidget*>(QString::fromLatin1(name));
        };
        m_w->resize(1111, 777);
        QVERIFY(dock(m_w.get(), "problemsDock")->isVisible());
        dock(m_w.get(), "problemsDock")->toggleViewAction()->trigger(); // View > Problems off
        QVERIFY(!dock(m_w.get(), "problemsDock")->isVisible());
        m_w->document()->markSaved({});
        QVERIFY(m_w->close());
        auto again = std::make_unique<MainWindow>(); // newWindow() would resize it
        again->show();
        QVERIFY(QTest::qWaitForWindowExposed(again.get()));
        QCOMPARE(again->size(), QSize(1111, 777));
        QVERIFY(!dock(again.get(), "problemsDock")->isVisible());
        QVERIFY(dock(again.get(), "paletteDock")->isVisible());
        dock(again.get(), "problemsDock")->show(); // leave the settings as the next test expects
        QVERIFY(again->close());
    }

    void crashRecovery()
    {
        QDir(recoveryDir()).removeRecursively();
        QString example = sourcePath(QStringLiteral("examples/orders.pipeline.json"));
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SW_SETTINGS_DIR"), m_settings.path());
        env.insert(QStringLiteral("SW_AUTOSAVE_MS"), QStringLiteral("200"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        child.start(QStringLiteral(SW_BINARY_DIR "/app/streamwright"),
                    {QStringLiteral("--copy"), example});
        QVERIFY(child.waitForStarted(10000));
        auto recoveryFiles = [&] {
            return QDir(recoveryDir()).entryList({QStringLiteral("*.recovery.json")}, QDir::Files);
        };
        QTRY_VERIFY_WITH_TIMEOUT(recoveryFiles().size() == 1, 20000);
        // While the first instance runs, nobody else takes its recovery file.
        QVERIFY(m_w->recovery()->claimOrphans().empty());
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(recoveryFiles().size(), 1);
        // Restart: the next window offers the orphan; recover it.
        m_w.reset();
        m_w = newWindow();
        DialogDriver recover{QStringLiteral("Recover")};
        m_w->offerRecovery();
        QCOMPARE(recover.count(), 1);
        QCOMPARE(m_w->document()->pipeline(), loadExample("orders.pipeline.json"));
        QVERIFY(m_w->isWindowModified());
        QVERIFY(m_w->document()->filePath().isEmpty()); // it was an untitled copy
        // The orphan is gone; this window's own recovery file replaced it.
        QStringList files = recoveryFiles();
        QCOMPARE(files.size(), 1);
        QCOMPARE(QDir(recoveryDir()).filePath(files.front()), m_w->recovery()->recoveryFilePath());
        // Nothing else to offer.
        auto third = newWindow();
        QVERIFY(third->recovery()->claimOrphans().empty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
