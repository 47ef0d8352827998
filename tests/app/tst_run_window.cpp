// Run & debug installed into a window of the test's own (installRunAndDebug): menu, toolbar
// and shortcuts, structural edits refused while running, runtime problems in the Problems
// view, Inspect from an edge's context menu, pause/resume and restart. Real widgets, real
// engine (the orders example), offscreen.
#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>

#include "canvas/EdgeItem.h"
#include "canvas/NodeCanvas.h"
#include "canvas/PipelineScene.h"
#include "catalog/PipelineLoader.h"
#include "catalog/PropertyAccess.h"
#include "document/Document.h"
#include "exec/Operator.h"
#include "inspector/InspectorView.h"
#include "problems/ProblemsView.h"
#include "run/EventInspector.h"
#include "run/RunAndDebug.h"
#include "run/RunController.h"

using namespace sw;

namespace {

/// A designer-like window: canvas, Problems dock, a palette stand-in, Edit actions and Help.
struct Window {
    app::Document doc;
    QMainWindow w;
    widgets::PipelineScene* scene = nullptr;
    widgets::NodeCanvas* canvas = nullptr;
    widgets::ProblemsView* problems = nullptr;
    QWidget* palette = nullptr;
    QAction* del = nullptr;
    QAction* undo = nullptr;
    QTemporaryDir data;
    app::RunAndDebug* rd = nullptr;

    Window()
    {
        auto loaded = runtime::loadPipelineFile(std::string(SW_SOURCE_DIR) +
                                                "/examples/orders.pipeline.json");
        if (!loaded) qFatal("cannot load the orders example");
        doc.reset(*loaded, QString());
        scene = new widgets::PipelineScene(&doc, &w);
        scene->setCanvasStyle(widgets::CanvasStyle::fromPalette(w.palette()));
        canvas = new widgets::NodeCanvas(scene, &w);
        w.setCentralWidget(canvas);
        problems = new widgets::ProblemsView(&doc, &w);
        auto* dock = new QDockWidget(QStringLiteral("Problems"), &w);
        dock->setWidget(problems);
        w.addDockWidget(Qt::BottomDockWidgetArea, dock);
        palette = new QWidget(&w);
        QMenu* edit = w.menuBar()->addMenu(QStringLiteral("&Edit"));
        del = edit->addAction(QStringLiteral("&Delete"));
        del->setObjectName(QStringLiteral("actionDelete"));
        undo = doc.undoStack()->createUndoAction(&w);
        undo->setObjectName(QStringLiteral("actionUndo"));
        edit->addAction(undo);
        w.menuBar()->addMenu(QStringLiteral("&Help"));
        app::RunAndDebug::Hooks hooks;
        hooks.pipeline = [this] { return doc.pipeline(); };
        hooks.dataDirectory = [this] { return data.path(); };
        hooks.scene = scene;
        hooks.problems = problems;
        hooks.palette = palette;
        rd = app::installRunAndDebug(&w, hooks);
        w.resize(1400, 900);
        w.show();
    }
    app::RunController* controller() const { return rd->controller(); }
};

bool waitState(app::RunController* c, app::RunState s, int timeoutMs = 30000)
{
    QElapsedTimer t;
    t.start();
    while (c->state() != s && t.elapsed() < timeoutMs)
        QTest::qWait(10);
    return c->state() == s;
}

} // namespace

class TestRunWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void installsMenuToolbarDocksAndShortcuts();
    void f5RunsAndStructuralEditsWaitUntilStop();
    void startFailureListsTheNodeInProblems();
    void inspectFromTheEdgeContextMenu();
    void pauseResumeAndRestart();
};

void TestRunWindow::installsMenuToolbarDocksAndShortcuts()
{
    Window win;
    const QList<QAction*> menus = win.w.menuBar()->actions();
    QCOMPARE(menus.size(), 3);
    QCOMPARE(menus[1]->menu(), win.rd->runMenu()); // before Help
    QCOMPARE(menus[2]->text(), QString("&Help"));
    QCOMPARE(win.rd->runAction()->shortcut(), QKeySequence(Qt::Key_F5));
    QCOMPARE(win.rd->stopAction()->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F5));
    QVERIFY(win.w.findChild<QToolBar*>("runToolBar"));
    QVERIFY(win.rd->runAction()->isEnabled());
    QVERIFY(!win.rd->stopAction()->isEnabled());
    QVERIFY(!win.rd->pauseAction()->isEnabled());
    // Metrics and Dead Letters share the bottom area with Problems (tabs, not a split).
    auto* problemsDock = qobject_cast<QDockWidget*>(win.problems->parentWidget());
    QVERIFY(win.w.tabifiedDockWidgets(problemsDock).contains(win.rd->metricsDock()));
    QVERIFY(win.w.tabifiedDockWidgets(problemsDock).contains(win.rd->dlqDock()));
    QCOMPARE(win.rd->statusLabel()->text(), QString("Idle"));
}

void TestRunWindow::f5RunsAndStructuralEditsWaitUntilStop()
{
    Window win;
    QVERIFY(QTest::qWaitForWindowExposed(&win.w));
    win.canvas->setFocus();
    QTest::keyClick(&win.w, Qt::Key_F5);
    QVERIFY(win.controller()->isRunning());
    QVERIFY(waitState(win.controller(), app::RunState::Running));
    QVERIFY(!win.del->isEnabled());
    QVERIFY(!win.palette->isEnabled());
    QVERIFY(!win.rd->runAction()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(win.rd->statusLabel()->text().startsWith("Running · 0:00:"), 20000);
    // Selecting a node does not bring Delete back while running.
    win.scene->selectNodes({"dedup"});
    QVERIFY(!win.del->isEnabled());
    // A press on an output port would start a new connection: refused while running.
    const QPointF port = win.scene->portScenePos({"dedup", "out"}, false);
    const QPoint at = win.canvas->mapFromScene(port);
    QTest::mousePress(win.canvas->viewport(), Qt::LeftButton, {}, at);
    QVERIFY(!win.scene->isConnecting());
    QVERIFY(win.w.statusBar()->currentMessage().contains("Stop the pipeline"));
    QTest::mouseRelease(win.canvas->viewport(), Qt::LeftButton, {}, at);
    // A property edit is kept in the document and says it waits for Restart.
    win.doc.setProperty("dedup", "ttl", "2 h");
    QVERIFY2(win.w.statusBar()->currentMessage().startsWith("dedup.ttl changed"),
             qPrintable(win.w.statusBar()->currentMessage()));
    QVERIFY(win.rd->statusLabel()->text().contains("Restart applies the changes"));
    // The undo stack would offer Undo now; while running it stays off.
    QTRY_VERIFY(!win.undo->isEnabled());
    QVERIFY(win.doc.undoStack()->canUndo());
    // Shift+F5 stops; edits come back.
    QTest::keyClick(&win.w, Qt::Key_F5, Qt::ShiftModifier);
    QVERIFY(waitState(win.controller(), app::RunState::Idle));
    QCOMPARE(win.controller()->lastOutcome(), app::RunOutcome::Stopped);
    QVERIFY(win.del->isEnabled());
    QVERIFY(win.undo->isEnabled());
    QVERIFY(win.palette->isEnabled());
    QVERIFY(win.rd->statusLabel()->text().startsWith("Stopped after 0:00:"));
    // With the pipeline stopped, the same press starts a connection.
    QTest::mousePress(win.canvas->viewport(), Qt::LeftButton, {}, at);
    QVERIFY(win.scene->isConnecting());
    QTest::mouseRelease(win.canvas->viewport(), Qt::LeftButton, {}, at);
}

void TestRunWindow::startFailureListsTheNodeInProblems()
{
    Window win;
    runtime::EngineOptions o;
    o.operatorOverrides["revenue"] =
        [](const runtime::OperatorSpec&) -> runtime::Result<std::unique_ptr<runtime::Operator>> {
        return runtime::makeError("state store is locked");
    };
    win.controller()->setEngineOptions(o);
    win.rd->run();
    QVERIFY(waitState(win.controller(), app::RunState::Idle));
    QCOMPARE(win.controller()->lastOutcome(), app::RunOutcome::StartFailed);
    // The runtime problem is listed first in the Problems view, with its node; activating it
    // names the node (the window selects it).
    QTreeWidget* tree = win.problems->tree();
    QTRY_VERIFY(tree->topLevelItemCount() > 0 &&
                tree->topLevelItem(0)->text(0).contains("state store is locked"));
    QCOMPARE(tree->topLevelItem(0)->text(1), QString("revenue"));
    QSignalSpy activated(win.problems, &widgets::ProblemsView::problemActivated);
    Q_EMIT tree->itemActivated(tree->topLevelItem(0), 0);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QString("revenue"));
    // A later validation refresh of the view keeps the runtime problem.
    win.problems->refresh();
    QTRY_VERIFY(tree->topLevelItemCount() > 0 &&
                tree->topLevelItem(0)->text(0).contains("state store is locked"));
}

void TestRunWindow::inspectFromTheEdgeContextMenu()
{
    Window win;
    QVERIFY(QTest::qWaitForWindowExposed(&win.w));
    win.canvas->zoomToFit();
    win.rd->run();
    QVERIFY(waitState(win.controller(), app::RunState::Running));
    // Right-click the middle of the long errors edge (orders.errors -> dead_letters.in).
    runtime::EdgeSpec edge;
    for (const auto& e : win.controller()->pipeline().edges)
        if (e.from.port == "errors" && e.from.node == "orders") edge = e;
    QVERIFY(!edge.from.node.empty());
    const QPointF mid = widgets::EdgeItem::curve(win.scene->portScenePos(edge.from, false),
                                                 win.scene->portScenePos(edge.to, true))
                            .pointAtPercent(0.5);
    const QPoint at = win.canvas->mapFromScene(mid);
    bool menuShown = false;
    QTimer::singleShot(0, [&menuShown] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu) return;
        menuShown = true;
        menu->setActiveAction(menu->actions().first());
        QTest::keyClick(menu, Qt::Key_Return);
    });
    QContextMenuEvent ctx(QContextMenuEvent::Mouse, at, win.canvas->viewport()->mapToGlobal(at));
    QApplication::sendEvent(win.canvas->viewport(), &ctx);
    QVERIFY(menuShown);
    app::EventInspector* inspector = win.rd->inspector(edge);
    QVERIFY(inspector);
    QVERIFY(win.rd->inspect(edge) == inspector); // one inspector per edge
    QVERIFY(qobject_cast<QDockWidget*>(inspector->parentWidget())->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(inspector->view()->capturedCount() > 0, 30000); // malformed orders
    win.controller()->stop();
    QVERIFY(waitState(win.controller(), app::RunState::Idle));
}

void TestRunWindow::pauseResumeAndRestart()
{
    Window win;
    QSignalSpy started(win.controller(), &app::RunController::runStarted);
    win.rd->run();
    QVERIFY(waitState(win.controller(), app::RunState::Running));
    win.rd->pauseAction()->trigger();
    QCOMPARE(win.controller()->state(), app::RunState::Paused);
    QCOMPARE(win.rd->runAction()->text(), QString("&Resume"));
    QVERIFY(win.rd->runAction()->isEnabled());
    win.rd->runAction()->trigger();
    QCOMPARE(win.controller()->state(), app::RunState::Running);
    const int run = win.controller()->runNumber();
    win.doc.setProperty("revenue", "allowed_lateness", "1 s");
    QVERIFY(win.rd->statusLabel()->text().contains("Restart applies"));
    // Restart resumes from the run's last checkpoint, whose window state does not fit the
    // edited window: refused with the node and the property named, and a way out.
    QSignalSpy ended(win.controller(), &app::RunController::runEnded);
    win.rd->restartAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(win.controller()->runNumber() == run + 1 &&
                                 win.controller()->state() == app::RunState::Idle &&
                                 win.controller()->lastOutcome() == app::RunOutcome::StartFailed,
                             30000);
    bool named = false, hinted = false;
    for (const app::RunProblem& p : win.controller()->problems()) {
        named = named || (p.message.contains("node 'revenue' cannot restore its state") &&
                          p.message.contains("allowed_lateness"));
        hinted = hinted || p.message.contains("Run from Scratch (Ctrl+F5)");
    }
    QVERIFY(named && hinted);
    win.rd->runFromScratchAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(win.controller()->runNumber() == run + 2 &&
                                 win.controller()->state() == app::RunState::Running,
                             30000);
    QCOMPARE(started.count(), 2);
    QVERIFY(propertyValue(*win.controller()->pipeline().findNode("revenue"), "allowed_lateness") ==
            nlohmann::json("1 s")); // the restarted run has the edit
    QTRY_VERIFY(!win.rd->statusLabel()->text().contains("Restart applies"));
    win.rd->stopAction()->trigger();
    QVERIFY(waitState(win.controller(), app::RunState::Idle));
}

QTEST_MAIN(TestRunWindow)
#include "tst_run_window.moc"
