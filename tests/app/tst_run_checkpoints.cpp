// Checkpoints and the metrics endpoint in the designer (issues 12 and 16), with run & debug
// installed in a window of the test's own, the real engine and the orders example, offscreen:
//  - Run resumes from the latest completed checkpoint of the pipeline's store (the restored
//    checkpoint is the last one of the previous run, named in the Problems dock and the
//    Checkpoints panel); Run from Scratch discards the store (checkpoint ids start at 1 again);
//  - with the Preferences setting on, a run serves /metrics on 127.0.0.1 (a real HTTP GET with
//    QNetworkAccessManager while the GUI runs), its URL in the status bar and the Metrics dock;
//    a busy port is a warning problem and the run goes on.

#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "runtime/LocalPorts.h"
#include "canvas/NodeCanvas.h"
#include "canvas/PipelineScene.h"
#include "catalog/PipelineLoader.h"
#include "checkpoints/CheckpointsPanel.h"
#include "document/Document.h"
#include "metrics/MetricsPanel.h"
#include "problems/ProblemsView.h"
#include "run/RunAndDebug.h"
#include "run/RunController.h"
#include "run/RunSettings.h"
#include "state/CheckpointStore.h"
#include "ui/PreferencesDialog.h"

using namespace sw;

namespace {

struct Window {
    app::Document doc;
    QMainWindow w;
    widgets::PipelineScene* scene = nullptr;
    widgets::ProblemsView* problems = nullptr;
    QTemporaryDir data;
    app::RunAndDebug* rd = nullptr;

    Window()
    {
        auto loaded = runtime::loadPipelineFile(std::string(SW_SOURCE_DIR) +
                                                "/examples/orders.pipeline.json");
        if (!loaded) qFatal("cannot load the orders example");
        doc.reset(*loaded, QString());
        scene = new widgets::PipelineScene(&doc, &w);
        w.setCentralWidget(new widgets::NodeCanvas(scene, &w));
        problems = new widgets::ProblemsView(&doc, &w);
        auto* dock = new QDockWidget(QStringLiteral("Problems"), &w);
        dock->setWidget(problems);
        w.addDockWidget(Qt::BottomDockWidgetArea, dock);
        app::RunAndDebug::Hooks hooks;
        hooks.pipeline = [this] { return doc.pipeline(); };
        hooks.dataDirectory = [this] { return data.path(); };
        hooks.scene = scene;
        hooks.problems = problems;
        rd = app::installRunAndDebug(&w, hooks);
        // Checkpoints every 300 ms instead of the example's 10 s (few enough that the history of
        // 10 still holds the first checkpoint of a run when the test looks).
        runtime::EngineOptions o;
        o.checkpointIntervalMs = 300;
        controller()->setEngineOptions(o);
        w.resize(1400, 900);
        w.show();
    }
    app::RunController* controller() const { return rd->controller(); }
    const runtime::CheckpointStats& stats() const
    {
        return controller()->lastSample().snapshot.checkpoints;
    }
    bool hasProblem(const QString& text) const
    {
        for (const app::RunProblem& p : controller()->problems())
            if (p.message.contains(text)) return true;
        return false;
    }
    /// Runs `action` and waits for the run's first tick.
    bool startWith(QAction* action)
    {
        QSignalSpy started(controller(), &app::RunController::runStarted);
        action->trigger();
        if (!started.wait(30000)) return false;
        QSignalSpy ticked(controller(), &app::RunController::ticked);
        return ticked.wait(10000);
    }
    bool stop()
    {
        QSignalSpy ended(controller(), &app::RunController::runEnded);
        rd->stopAction()->trigger();
        return ended.wait(30000);
    }
};


} // namespace

class TestRunCheckpoints : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runResumesAndRunFromScratchDoesNot();
    void metricsEndpointServesDuringARun();
    void busyMetricsPortWarnsAndTheRunGoesOn();

private:
    QTemporaryDir m_settings;
};

void TestRunCheckpoints::initTestCase()
{
    qputenv("SW_SETTINGS_DIR", m_settings.path().toUtf8());
}

void TestRunCheckpoints::runResumesAndRunFromScratchDoesNot()
{
    Window win;
    auto* panel = win.rd->checkpoints();
    QVERIFY(win.rd->checkpointsDock());
    QVERIFY(win.rd->runMenu()->actions().contains(win.rd->runFromScratchAction()));
    QCOMPARE(win.rd->runFromScratchAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_F5));

    // First run: nothing to resume from.
    QVERIFY(win.startWith(win.rd->runAction()));
    QCOMPARE(win.stats().restored.id, std::int64_t(0));
    QVERIFY(win.hasProblem("Starting from scratch: no completed checkpoint in"));
    QTRY_VERIFY_WITH_TIMEOUT(win.stats().completed >= 2, 30000);
    QVERIFY(panel->history()->topLevelItemCount() >= 2);
    QVERIFY(panel->overview()->text().contains("Started from scratch"));
    QVERIFY(win.stop());
    QVERIFY(win.stats().latestCompleted.has_value());
    const std::int64_t last = win.stats().latestCompleted->id;
    // The store holds it: the panel's figures are the store's.
    auto store = runtime::CheckpointStore::open(
        win.controller()->checkpointStorePath(win.doc.pipeline()).toStdString());
    QVERIFY(store.isOk());
    auto list = (*store)->completed();
    QVERIFY(list.isOk() && !list->empty());
    QCOMPARE(list->front().id, last);
    store->reset();

    // Run again: resumes from that checkpoint.
    QVERIFY(win.startWith(win.rd->runAction()));
    QCOMPARE(win.stats().restored.id, last);
    QVERIFY(!win.stats().restored.atRestart);
    QVERIFY(win.hasProblem(QString("restored checkpoint %1 (").arg(last)));
    QTRY_VERIFY(
        panel->overview()->text().contains(QString("Resumed from checkpoint %1").arg(last)));
    // New checkpoints continue the ids.
    QTRY_VERIFY_WITH_TIMEOUT(win.stats().completed >= 1, 30000);
    QVERIFY(win.stats().latestCompleted->id > last);
    QVERIFY(win.stop());

    // Run from Scratch: the store is discarded, nothing is restored, ids start at 1 again.
    QVERIFY(win.startWith(win.rd->runFromScratchAction()));
    QCOMPARE(win.stats().restored.id, std::int64_t(0));
    QVERIFY(win.hasProblem("Run from scratch: the checkpoints in"));
    QTRY_VERIFY_WITH_TIMEOUT(win.stats().completed >= 1, 30000);
    QCOMPARE(win.stats().history.back().id, std::int64_t(1));
    // A completed row expands to its subtasks.
    QTreeWidgetItem* row = nullptr;
    for (int i = 0; i < panel->history()->topLevelItemCount() && !row; ++i)
        if (panel->history()->topLevelItem(i)->text(widgets::CheckpointsPanel::Status) ==
            widgets::CheckpointsPanel::statusText(runtime::CheckpointStatus::Completed))
            row = panel->history()->topLevelItem(i);
    QVERIFY(row);
    QVERIFY(row->childCount() > 0);
    QVERIFY(!row->text(widgets::CheckpointsPanel::Size).isEmpty());
    QVERIFY(win.stop());
}

void TestRunCheckpoints::metricsEndpointServesDuringARun()
{
    {
        // The setting, through the real Preferences dialog.
        app::PreferencesDialog prefs;
        QVERIFY(!prefs.metricsEndpointBox()->isChecked()); // off by default
        QVERIFY(!prefs.metricsPortBox()->isEnabled());
        prefs.metricsEndpointBox()->setChecked(true);
        QVERIFY(prefs.metricsPortBox()->isEnabled());
        prefs.metricsPortBox()->setValue(0);
        prefs.apply();
    }
    QVERIFY(app::loadMetricsEndpointSetting().enabled);
    Window win;
    QVERIFY(win.startWith(win.rd->runAction()));
    const QString url = win.controller()->metricsUrl();
    QVERIFY2(url.startsWith("http://127.0.0.1:") && url.endsWith("/metrics"), qPrintable(url));
    QVERIFY(win.rd->metricsUrlLabel()->isVisible());
    QVERIFY(win.rd->metricsUrlLabel()->text().contains(url));
    QCOMPARE(win.rd->metrics()->endpointUrl(), url);
    QTRY_VERIFY_WITH_TIMEOUT(win.stats().completed >= 1, 30000);

    // A real HTTP GET while the run goes on; the GUI's event loop keeps turning meanwhile.
    QNetworkAccessManager nam;
    QNetworkReply* reply = nam.get(QNetworkRequest(QUrl(url)));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    const std::uint64_t ticksBefore = win.controller()->tickCount();
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    QVERIFY2(body.contains("streamwright_node_records_out_total{pipeline=\"orders-revenue\","
                           "node=\"orders\"}"),
             body.left(2000).constData());
    QVERIFY(body.contains("streamwright_checkpoints_completed_total{pipeline=\"orders-revenue\"}"));
    QVERIFY(win.controller()->isRunning());
    QVERIFY(win.controller()->tickCount() >= ticksBefore);
    QVERIFY(win.stop());
    app::storeMetricsEndpointSetting({});
}

void TestRunCheckpoints::busyMetricsPortWarnsAndTheRunGoesOn()
{
    test::BoundPort busy;
    QVERIFY(busy.port > 0);
    app::storeMetricsEndpointSetting({true, busy.port});
    Window win;
    QVERIFY(win.startWith(win.rd->runAction()));
    QCOMPARE(win.controller()->state(), app::RunState::Running);
    QVERIFY(win.hasProblem(
        QString("Metrics endpoint: cannot serve metrics on 127.0.0.1:%1").arg(busy.port)));
    QVERIFY(win.controller()->metricsUrl().isEmpty());
    QVERIFY(!win.rd->metricsUrlLabel()->isVisible());
    // The run is not held up: records flow.
    QTRY_VERIFY_WITH_TIMEOUT(win.controller()->lastSample().snapshot.nodes.size() > 0 &&
                                 win.controller()->lastSample().snapshot.nodes[0].recordsOut > 0,
                             30000);
    QVERIFY(win.stop());
    app::storeMetricsEndpointSetting({});
}

QTEST_MAIN(TestRunCheckpoints)
#include "tst_run_checkpoints.moc"
