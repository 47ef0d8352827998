// Screenshots of run & debug on the orders example: Metrics dock, overlay-coloured canvas, event
// inspector and DLQ browser, installed with installRunAndDebug into a window of this test (the
// designer's canvas and Problems view, not MainWindow); a Kafka source that cannot reach its
// broker, whose warning shows in the Problems dock (run-kafka-warning.png); and the DLQ browser
// with a Kafka dead letter's headers and message time (dlq-browser-headers.png). Writes PNGs to
// $SW_SCREENSHOT_DIR (docs/images for the README: SW_SCREENSHOT_DIR=$PWD/docs/images xvfb-run -a -s
// "-screen 0 1600x1000x24" build/<dir>/tests/tst_run_screenshots -platform xcb), else to a
// temporary directory; SW_SCREENSHOT_THEME=dark takes them in the dark palette. Before grabbing, it
// checks that every view shows live data. checkpoints-panel.png: the Checkpoints dock during a run
// that resumed from a checkpoint; SW_SCREENSHOT_LANG=de takes it in German (-de.png).
// dashboard-light.png / dashboard-dark.png (by SW_SCREENSHOT_THEME, default light): the Dashboard
// dock with a bar chart, a table and a tile pinned on the orders example's sink, while it runs.
#include <QApplication>
#include <QDockWidget>
#include <QGuiApplication>
#include <QMainWindow>
#include <QScreen>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QTreeWidget>

#include "canvas/NodeCanvas.h"
#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "catalog/NodeType.h"
#include "catalog/PipelineLoader.h"
#include "charts/CategoryChart.h"
#include "charts/TimeSeriesChart.h"
#include "checkpoints/CheckpointsPanel.h"
#include "dashboard/DashboardDock.h"
#include "dashboard/DashboardViewWidget.h"
#include "dashboard/ResultRows.h"
#include "dlq/DlqBrowserView.h"
#include "dlq/DlqEntry.h"
#include "dlq/DlqTableModel.h"
#include "document/Document.h"
#include "exec/ErrorRecord.h"
#include "inspector/InspectorView.h"
#include "metrics/MetricsPanel.h"
#include "problems/ProblemsView.h"
#include "run/CanvasOverlay.h"
#include "run/DlqBrowser.h"
#include "run/EventInspector.h"
#include "run/RunAndDebug.h"
#include "run/RunController.h"
#include "ui/Language.h"
#include "ui/Theme.h"

using namespace sw;

/// The designer's run window as the app builds it: canvas, Problems dock and run & debug
/// installed over a document holding `pipeline`; shown at 1600x1000.
struct RunWindow {
    app::Document doc;
    QMainWindow w;
    QTemporaryDir data;
    widgets::PipelineScene* scene = nullptr;
    widgets::NodeCanvas* canvas = nullptr;
    widgets::ProblemsView* problems = nullptr;
    QDockWidget* problemsDock = nullptr;
    app::RunAndDebug* rd = nullptr;

    RunWindow(const runtime::PipelineSpec& pipeline, const QString& title)
    {
        doc.reset(pipeline, QString());
        w.setWindowTitle(title);
        scene = new widgets::PipelineScene(&doc, &w);
        scene->setCanvasStyle(widgets::CanvasStyle::fromPalette(w.palette()));
        canvas = new widgets::NodeCanvas(scene, &w);
        w.setCentralWidget(canvas);
        problems = new widgets::ProblemsView(&doc, &w);
        problemsDock = new QDockWidget(QStringLiteral("Problems"), &w);
        problemsDock->setObjectName(QStringLiteral("problemsDock"));
        problemsDock->setWidget(problems);
        w.addDockWidget(Qt::BottomDockWidgetArea, problemsDock);
        app::RunAndDebug::Hooks hooks;
        hooks.pipeline = [this] { return doc.pipeline(); };
        hooks.dataDirectory = [this] { return data.path(); };
        hooks.scene = scene;
        hooks.problems = problems;
        rd = app::installRunAndDebug(&w, hooks);
        w.resize(1600, 1000);
        w.show();
    }
};

class TestRunScreenshots : public QObject {
    Q_OBJECT

private:
    QString outDir()
    {
        const QString env = qEnvironmentVariable("SW_SCREENSHOT_DIR");
        return env.isEmpty() ? m_tmp.path() : env;
    }
    void save(const QImage& img, const QString& name)
    {
        QVERIFY(!img.isNull());
        QVERIFY2(img.save(outDir() + "/" + name), qPrintable(outDir() + "/" + name));
    }
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase()
    {
        // SW_SCREENSHOT_THEME=dark|light: the designer's palettes, to look at both.
        const QString theme = qEnvironmentVariable("SW_SCREENSHOT_THEME");
        if (theme == QLatin1String("dark"))
            app::Theme::install(*qApp, app::ThemeMode::Dark);
        else if (theme == QLatin1String("light"))
            app::Theme::install(*qApp, app::ThemeMode::Light);
        const QString lang = qEnvironmentVariable("SW_SCREENSHOT_LANG");
        if (!lang.isEmpty()) QVERIFY(!app::installTranslations(*qApp, lang).isEmpty());
    }
    void checkpointsPanel();
    void runningOrdersExample();
    void kafkaUnreachableWarning();
    void dlqBrowserHeaders();
    void dashboard();
};

void TestRunScreenshots::checkpointsPanel()
{
    auto loaded =
        runtime::loadPipelineFile(std::string(SW_SOURCE_DIR) + "/examples/orders.pipeline.json");
    QVERIFY(loaded);
    RunWindow rw(*loaded, QStringLiteral("Streamwright — orders"));
    QVERIFY(QTest::qWaitForWindowExposed(&rw.w));
    app::RunAndDebug* rd = rw.rd;
    app::RunController* c = rd->controller();
    runtime::EngineOptions o;
    o.checkpointIntervalMs = 1000; // a history to show within seconds (the example: 10 s)
    c->setEngineOptions(o);
    // A first run that leaves a checkpoint, then the run shown: resumed from it. The first run
    // ends as a crash would (cancel): the final checkpoint of a draining stop holds the MAX
    // watermark, which makes a resumed run find every record late (reported; runtime work).
    rd->run();
    QTRY_VERIFY_WITH_TIMEOUT(c->lastSample().snapshot.checkpoints.completed >= 1, 30000);
    c->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(c->state() == app::RunState::Idle, 30000);
    rd->run();
    QTRY_VERIFY_WITH_TIMEOUT(c->state() == app::RunState::Running, 20000);
    QVERIFY(c->lastSample().snapshot.checkpoints.restored.id > 0 ||
            QTest::qWaitFor([c] { return c->lastSample().snapshot.checkpoints.restored.id > 0; }));
    QTRY_VERIFY_WITH_TIMEOUT(c->lastSample().snapshot.checkpoints.completed >= 6, 30000);
    rd->checkpointsDock()->raise();
    rw.w.resizeDocks({rd->checkpointsDock()}, {380}, Qt::Vertical);
    rw.canvas->zoomToFit();
    QTreeWidget* history = rd->checkpoints()->history();
    QVERIFY(history->topLevelItemCount() >= 6);
    for (int i = 0; i < history->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = history->topLevelItem(i);
        if (item->childCount() == 0) continue;
        item->setExpanded(true); // the latest completed one, by subtask
        break;
    }
    QTest::qWait(300);
    const QString lang = qEnvironmentVariable("SW_SCREENSHOT_LANG");
    save(rw.w.grab().toImage(),
         lang.isEmpty() ? "checkpoints-panel.png" : "checkpoints-panel-" + lang + ".png");
    c->stop();
    QTRY_VERIFY_WITH_TIMEOUT(c->state() == app::RunState::Idle, 30000);
}

void TestRunScreenshots::runningOrdersExample()
{
    auto loaded =
        runtime::loadPipelineFile(std::string(SW_SOURCE_DIR) + "/examples/orders.pipeline.json");
    QVERIFY(loaded);
    RunWindow rw(*loaded, QStringLiteral("Streamwright — orders"));
    QVERIFY(QTest::qWaitForWindowExposed(&rw.w));
    rw.w.resizeDocks({rw.problemsDock}, {150}, Qt::Vertical); // as the designer window
    QMainWindow& w = rw.w;
    widgets::PipelineScene* scene = rw.scene;
    widgets::NodeCanvas* canvas = rw.canvas;
    app::RunAndDebug* rd = rw.rd;

    rd->run();
    app::RunController* c = rd->controller();
    QTRY_VERIFY_WITH_TIMEOUT(c->state() == app::RunState::Running, 20000);
    const runtime::PipelineSpec& p = c->pipeline();
    app::EventInspector* inspector = rd->inspect(p.edges.front());
    // 5 s of data on the charts, records in the inspector and errors in the DLQ.
    QTRY_VERIFY_WITH_TIMEOUT(c->tickCount() > 20 && inspector->view()->capturedCount() > 50, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(rd->dlq()->view()->model()->count() > 0, 30000);
    QVERIFY(rd->overlay()->isActive());
    for (const auto& e : p.edges)
        QVERIFY(rd->overlay()->model().edge(e));
    inspector->view()->table()->selectRow(3);
    QVERIFY(!inspector->view()->detailText().isEmpty());
    canvas->zoomToFit();
    QTest::qWait(300);
    save(w.grab().toImage(), "run-inspector.png");

    rd->metricsDock()->raise();
    QTRY_VERIFY(rd->metrics()
                    ->chart(widgets::MetricsPanel::Chart::Throughput)
                    ->pointCount(widgets::MetricsPanel::throughputId("orders", false)) > 20);
    QTest::qWait(300);
    save(w.grab().toImage(), "run-metrics.png");
    for (auto chart :
         {widgets::MetricsPanel::Chart::Backpressure, widgets::MetricsPanel::Chart::WatermarkLag}) {
        rd->metrics()->showChart(chart);
        QTest::qWait(300);
        save(rd->metricsDock()->grab().toImage(),
             chart == widgets::MetricsPanel::Chart::Backpressure ? "run-backpressure.png"
                                                                 : "run-watermark-lag.png");
    }

    rd->dlqDock()->raise();
    w.resizeDocks({rd->dlqDock()}, {560}, Qt::Vertical); // room for the table and the bytes
    rd->dlq()->view()->selectIds({rd->dlq()->view()->model()->entry(0).id});
    QVERIFY(rd->dlq()->view()->hexText().startsWith("00000000  "));
    QTest::qWait(300);
    save(w.grab().toImage(), "run-dlq.png");

    // The window node's "why has no window fired?" tooltip over the live canvas (a real
    // top-level tooltip window: only on a real display).
    widgets::NodeItem* window = scene->nodeItem("revenue");
    QVERIFY(window);
    QVERIFY(rd->overlay()->nodeToolTip("revenue").contains("window"));
    if (QGuiApplication::platformName() == "xcb") {
        const QPoint at = canvas->mapFromScene(window->sceneBoundingRect().center());
        QToolTip::showText(canvas->viewport()->mapToGlobal(at),
                           rd->overlay()->nodeToolTip("revenue"), canvas);
        QTest::qWait(400);
        save(w.screen()->grabWindow(0).toImage(), "run-window-tooltip.png");
    }

    c->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!c->isRunning(), 20000);
}

// A kafka-source whose bootstrap servers cannot be reached (port 1: connection refused): the run
// keeps retrying, and the warning (node, address, last error) shows in the Problems dock and on
// the node. run-kafka-warning.png.
void TestRunScreenshots::kafkaUnreachableWarning()
{
    auto loaded = runtime::parsePipeline(R"({"format": "streamwright.pipeline/1",
      "pipeline": {"name": "unreachable", "parallelism": 1},
      "nodes": [
        {"id": "orders_in", "type": "kafka-source", "position": {"x": 0, "y": 0}, "properties": {
          "topic": "orders", "group_id": "g", "format": "json", "watermark": "processing-time",
          "bootstrap_servers": "127.0.0.1:1", "schema": [{"name": "id", "type": "BIGINT"}]}},
        {"id": "out", "type": "file-sink", "position": {"x": 320, "y": 0},
         "properties": {"path": "out.jsonl"}}
      ],
      "edges": [{"from": {"node": "orders_in", "port": "out"},
                 "to": {"node": "out", "port": "in"}}]})");
    QVERIFY2(loaded, loaded ? "" : loaded.error().toString().c_str());
    RunWindow rw(*loaded, QStringLiteral("Streamwright — unreachable Kafka"));
    QVERIFY(QTest::qWaitForWindowExposed(&rw.w));
    rw.w.resizeDocks({rw.problemsDock}, {200}, Qt::Vertical);
    QMainWindow& w = rw.w;
    widgets::NodeCanvas* canvas = rw.canvas;
    widgets::ProblemsView* problems = rw.problems;
    QDockWidget* problemsDock = rw.problemsDock;
    app::RunAndDebug* rd = rw.rd;

    rd->run();
    app::RunController* c = rd->controller();
    auto warned = [c] {
        for (const app::RunProblem& p : c->problems())
            if (p.severity == app::RunProblem::Severity::Warning && p.nodeId == "orders_in" &&
                p.message.contains("cannot connect to the Kafka bootstrap servers 127.0.0.1:1"))
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(warned(), 30000);
    QVERIFY(c->isRunning()); // a warning, not a failure: still retrying
    QTRY_VERIFY(problems->warningCount() > 0);
    problemsDock->raise();
    canvas->zoomToFit();
    QTest::qWait(500);
    save(w.grab().toImage(), "run-kafka-warning.png");
    c->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!c->isRunning(), 60000);
}

/// The DLQ browser with dead letters of a Kafka source (headers, message time) and of a file
/// source; the Kafka one selected on its Headers tab. Constructed error rows: the orders example
/// reads files, whose dead letters have no headers.
void TestRunScreenshots::dlqBrowserHeaders()
{
    widgets::DlqBrowserView view;
    view.setWindowTitle(QStringLiteral("Dead letters"));
    view.resize(1100, 560);
    std::vector<widgets::DlqEntry> entries;
    const std::int64_t t0 = 1'764'190'000'000; // 2025-11-26 20:46:40 UTC
    for (int i = 0; i < 6; ++i) {
        runtime::ErrorInfo info;
        info.errorClass = runtime::ErrorClass::Parse;
        info.errorTime = t0 + 1000 * i;
        auto raw = std::make_shared<runtime::RawBytes>();
        if (i % 3 == 1) {
            info.message = "line 3: expected ',' or '}' after an object member";
            info.provenance.kind = runtime::Provenance::Kind::File;
            info.provenance.origin = std::make_shared<const std::string>("orders.jsonl");
            info.provenance.position = 3 + i;
            raw->value = "{\"order_id\": " + std::to_string(40 + i) + " \"amount\": 12.5}";
        } else {
            info.message = "column 'amount': cannot convert '1x' to DECIMAL(10, 2)";
            info.provenance.kind = runtime::Provenance::Kind::Kafka;
            info.provenance.origin = std::make_shared<const std::string>("shop.orders.created");
            info.provenance.partition = i % 4;
            info.provenance.position = 18'200 + i;
            raw->key = "customer-" + std::to_string(310 + i);
            raw->hasKey = true;
            raw->value = "{\"order_id\": " + std::to_string(40 + i) + ", \"amount\": \"1x\"}";
            raw->headers = {{"trace-id", "4bf92f3577b34da6a3ce929d0e0e4736"},
                            {"content-type", "application/json"},
                            {"schema-id", std::string("\x00\x00\x00\x01\x2a", 5)},
                            {"origin", "K\xc3\xb8"
                                       "benhavn \xe2\x86\x92 Z\xc3\xbcrich"}};
            raw->timestamp = info.errorTime - 850;
        }
        info.provenance.raw = raw;
        const runtime::Record rec = runtime::makeErrorRecord("orders", info, info.errorTime);
        entries.push_back(widgets::dlqEntryFromErrorRow(rec.row, runtime::errorSchema()));
    }
    view.addEntries(std::move(entries));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.selectIds({view.model()->entry(3).id});
    auto* tabs = view.findChild<QTabWidget*>();
    QWidget* headers = view.findChild<QWidget*>(QStringLiteral("dlqHeaders"));
    tabs->setCurrentWidget(headers);
    QCOMPARE(tabs->tabText(tabs->indexOf(headers)), QStringLiteral("Headers (4)"));
    QVERIFY(view.headersText().contains(QStringLiteral("schema-id     hex   00 00 00 01 2a")));
    QVERIFY(view.headersText().contains(QString::fromUtf8("origin        text  K\xc3\xb8"
                                                          "benhavn \xe2\x86\x92 Z\xc3\xbcrich")));
    QVERIFY(view.metaText().contains(QStringLiteral("Kafka time 2025-11-26T20:46:42.150Z")));
    QTest::qWait(200);
    save(view.grab().toImage(), "dlq-browser-headers.png");
}

// The Dashboard dock on the orders example: revenue per category for the last four 5-minute
// windows as grouped bars, the sink's rows as a table and the revenue the views hold as a tile.
// The generator runs unthrottled (1 ms of event time per order) so windows fire within seconds;
// the shot is taken while it runs, once the bars show four windows.
void TestRunScreenshots::dashboard()
{
    auto loaded =
        runtime::loadPipelineFile(std::string(SW_SOURCE_DIR) + "/examples/orders.pipeline.json");
    QVERIFY(loaded);
    runtime::NodeSpec* orders = loaded->findNode("orders");
    QVERIFY(orders);
    orders->properties["events_per_second"] = 0;
    RunWindow rw(*loaded, QStringLiteral("Streamwright — orders"));
    QVERIFY(QTest::qWaitForWindowExposed(&rw.w));
    app::RunAndDebug* rd = rw.rd;
    app::DashboardDock* dock = app::installDashboard(&rw.w, &rw.doc, rd->controller(), rw.scene,
                                                     rd->overlay(), rd->metricsDock());
    runtime::DashboardView bars;
    bars.kind = runtime::DashboardView::Kind::Bars;
    bars.title = "Revenue per category, last 4 windows";
    bars.node = "revenue_db";
    bars.x = "category";
    bars.value = "revenue";
    bars.series = "window_end";
    bars.limit = 4;
    bars.limitBy = runtime::DashboardView::LimitBy::Windows;
    runtime::DashboardView table;
    table.node = "revenue_db";
    table.title = "Revenue rows";
    runtime::DashboardView tile;
    tile.kind = runtime::DashboardView::Kind::Tile;
    tile.node = "revenue_db";
    tile.title = "Revenue held";
    tile.value = "revenue";
    tile.aggregate = runtime::DashboardView::Aggregate::Sum;
    for (const auto& v : {bars, table, tile})
        dock->pin(v);
    rw.w.resizeDocks({dock}, {440}, Qt::Vertical);
    rd->run();
    app::RunController* c = rd->controller();
    QTRY_VERIFY_WITH_TIMEOUT(c->state() == app::RunState::Running, 20000);
    dock->raise();
    QTRY_VERIFY_WITH_TIMEOUT(dock->view(0)->rows()->windowCount() >= 4, 90000);
    QTRY_VERIFY(dock->view(0)->chart()->drawnValueCount() >= 8);
    QVERIFY(dock->view(1)->rows()->rowCount() > 0);
    rw.canvas->zoomToFit();
    QTest::qWait(400);
    const QString theme = qEnvironmentVariable("SW_SCREENSHOT_THEME");
    save(rw.w.grab().toImage(),
         "dashboard-" + (theme.isEmpty() ? QStringLiteral("light") : theme) + ".png");
    c->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!c->isRunning(), 30000);
}

QTEST_MAIN(TestRunScreenshots)
#include "tst_run_screenshots.moc"
