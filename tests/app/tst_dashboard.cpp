// The Dashboard dock: pinned views are the document's `dashboard` section (undo covers pin,
// unpin, edit, reorder and views that go with a deleted node); a run of a small orders pipeline
// fills a table, a bar chart, a line chart and a tile from the engine's taps, and each shows
// exactly what SQLite computes over the sink's own output; CSV export writes the rows a view
// holds; PNG export writes the view at its size.
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QGraphicsSceneContextMenuEvent>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "catalog/PipelineLoader.h"
#include "charts/CategoryChart.h"
#include "dashboard/DashboardDock.h"
#include "dashboard/DashboardViewWidget.h"
#include "dashboard/ResultRows.h"
#include "dashboard/ViewSettingsDialog.h"
#include "document/Document.h"
#include "e2e/CliProcess.h"
#include "model/Dashboard.h"
#include "run/RunController.h"

using namespace sw;
using Kind = runtime::DashboardView::Kind;

namespace {

/// 30 000 orders, 1 ms of event time each (events_per_second 0): six 5-second windows of revenue
/// per category into SQLite. Bounded, so the run finishes and every window fires.
runtime::PipelineSpec ordersPipeline()
{
    auto p = runtime::parsePipeline(R"({"format": "streamwright.pipeline/1",
      "pipeline": {"name": "dash-orders", "parallelism": 2},
      "nodes": [
        {"id": "orders", "type": "generator", "position": {"x": 0, "y": 0},
         "properties": {"kind": "orders", "events_per_second": 0, "total_events": 30000,
                        "seed": 11}},
        {"id": "revenue", "type": "tumbling-window", "position": {"x": 260, "y": 0},
         "properties": {"size": "5 s", "keys": ["category"],
                        "aggregates": [{"function": "COUNT", "column": "*", "as": "orders"},
                                       {"function": "SUM", "column": "amount", "as": "revenue"}]}},
        {"id": "revenue_db", "type": "sqlite-sink", "position": {"x": 520, "y": 0},
         "properties": {"path": "revenue.sqlite", "table": "revenue",
                        "key_fields": ["window_start", "category"]}}
      ],
      "edges": [
        {"from": {"node": "orders", "port": "out"}, "to": {"node": "revenue", "port": "in"}},
        {"from": {"node": "revenue", "port": "out"}, "to": {"node": "revenue_db", "port": "in"}}
      ]})");
    if (!p) qFatal("%s", p.error().toString().c_str());
    return *p;
}

double number(const std::string& s)
{
    return std::stod(s);
}

} // namespace

class TestDashboard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pinEditMoveUnpinAreUndoSteps();
    void deletingAPinnedNodeUnpinsInOneStep();
    void pinMenuSuggestsColumnsAndOpensSettings();
    void canvasNodeMenuPinsToDashboard();
    void liveViewsEqualSqliteOverTheSinkOutput();
    void limitKeepsTheLatestWindows();
};

void TestDashboard::pinEditMoveUnpinAreUndoSteps()
{
    app::Document doc;
    doc.reset(ordersPipeline(), QString());
    app::RunController controller;
    app::DashboardDock dock(&doc, &controller);
    QCOMPARE(dock.viewCount(), 0);

    runtime::DashboardView table;
    table.node = "revenue_db";
    QCOMPARE(dock.pin(table), 0);
    runtime::DashboardView bars = dock.suggestView(Kind::Bars, "revenue_db", std::nullopt);
    QCOMPARE(bars.x, std::string("category"));
    QCOMPARE(bars.value, std::string("orders"));
    QCOMPARE(dock.pin(bars), 1);
    QCOMPARE(dock.viewCount(), 2);
    QCOMPARE(runtime::dashboardViews(doc.pipeline()).size(), std::size_t(2));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Pin to Dashboard"));

    runtime::DashboardView edited = bars;
    edited.value = "revenue";
    edited.aggregate = runtime::DashboardView::Aggregate::Sum;
    dock.replace(1, edited);
    QVERIFY(runtime::dashboardViews(doc.pipeline())[1] == edited);
    QVERIFY(dock.view(1)->view() == edited);
    dock.move(1, -1);
    QVERIFY(runtime::dashboardViews(doc.pipeline())[0] == edited);
    QVERIFY(dock.view(0)->view() == edited);
    dock.unpin(1);
    QCOMPARE(dock.viewCount(), 1);

    // Each was one step: undo walks back through them, redo forward again.
    doc.undoStack()->undo(); // unpin
    QCOMPARE(dock.viewCount(), 2);
    doc.undoStack()->undo(); // move
    QVERIFY(dock.view(1)->view() == edited);
    doc.undoStack()->undo(); // edit
    QVERIFY(dock.view(1)->view() == bars);
    doc.undoStack()->undo(); // pin bars
    doc.undoStack()->undo(); // pin table
    QCOMPARE(dock.viewCount(), 0);
    QVERIFY(doc.pipeline().dashboard.is_null()); // nothing pinned: no section in the file
    for (int i = 0; i < 5; ++i)
        doc.undoStack()->redo();
    QCOMPARE(dock.viewCount(), 1);
    QVERIFY(dock.view(0)->view() == edited);

    // The document saves the section and loads it back equal, byte-stable.
    const std::string text = runtime::serializePipeline(doc.pipeline());
    auto back = runtime::parsePipeline(text);
    QVERIFY2(back, back ? "" : back.error().toString().c_str());
    QVERIFY(*back == doc.pipeline());
    QCOMPARE(runtime::serializePipeline(*back), text);
}

void TestDashboard::deletingAPinnedNodeUnpinsInOneStep()
{
    app::Document doc;
    doc.reset(ordersPipeline(), QString());
    app::RunController controller;
    app::DashboardDock dock(&doc, &controller);
    runtime::DashboardView onSink;
    onSink.node = "revenue_db";
    runtime::DashboardView onEdge;
    onEdge.edge = doc.pipeline().edges.front(); // orders -> revenue
    dock.pin(onSink);
    dock.pin(onEdge);
    const int steps = doc.undoStack()->count();
    doc.removeItems({"revenue_db"}, {});
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QCOMPARE(dock.viewCount(), 1);
    QVERIFY(dock.view(0)->view() == onEdge);
    // The file stays loadable: it pins nothing the pipeline lacks.
    QVERIFY(runtime::parsePipeline(runtime::serializePipeline(doc.pipeline())));
    doc.removeItems({}, {doc.pipeline().edges.front()});
    QCOMPARE(dock.viewCount(), 0);
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(dock.viewCount(), 2);
    QVERIFY(doc.pipeline().findNode("revenue_db"));
}

void TestDashboard::pinMenuSuggestsColumnsAndOpensSettings()
{
    app::Document doc;
    doc.reset(ordersPipeline(), QString());
    app::RunController controller;
    app::DashboardDock dock(&doc, &controller);
    QMenu menu;
    dock.addPinMenu(menu, "revenue_db", std::nullopt);
    auto* sub = menu.findChild<QMenu*>(QStringLiteral("pinToDashboardMenu"));
    QVERIFY(sub);
    QAction* asBars = sub->findChild<QAction*>(QStringLiteral("pinAs_bars"));
    QVERIFY(asBars);
    asBars->trigger();
    QCOMPARE(dock.viewCount(), 1);
    QVERIFY(dock.view(0)->view().kind == Kind::Bars);
    auto* dialog = dock.findChild<app::ViewSettingsDialog*>();
    QVERIFY(dialog); // the guessed columns are shown for a check
    QCOMPARE(dialog->xBox()->currentText(), QStringLiteral("category"));
    dialog->valueBox()->setCurrentIndex(dialog->valueBox()->findText("revenue"));
    dialog->kindBox()->setCurrentIndex(dialog->kindBox()->findData("lines"));
    dialog->accept();
    QVERIFY(dock.view(0)->view().kind == Kind::Lines);
    QCOMPARE(dock.view(0)->view().value, std::string("revenue"));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Edit Dashboard View"));
}

// A right-click on a node of the canvas opens a menu with Pin to Dashboard > as Table, which pins
// the node (the real context-menu event through the scene; the popup is driven while it is open).
void TestDashboard::canvasNodeMenuPinsToDashboard()
{
    app::Document doc;
    doc.reset(ordersPipeline(), QString());
    app::RunController controller;
    app::DashboardDock dock(&doc, &controller);
    widgets::PipelineScene scene(&doc);
    dock.attachCanvas(&scene, nullptr);
    widgets::NodeItem* sink = scene.nodeItem("revenue_db");
    QVERIFY(sink);
    bool sawMenu = false;
    QTimer::singleShot(100, [&sawMenu] {
        auto* popup = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!popup) return;
        auto* sub = popup->findChild<QMenu*>(QStringLiteral("pinToDashboardMenu"));
        QAction* asTable = sub ? sub->findChild<QAction*>(QStringLiteral("pinAs_table")) : nullptr;
        sawMenu = asTable != nullptr;
        if (asTable) asTable->trigger();
        popup->close();
    });
    QGraphicsSceneContextMenuEvent event(QEvent::GraphicsSceneContextMenu);
    event.setScenePos(sink->sceneBoundingRect().center());
    event.setScreenPos(QPoint(100, 100));
    QApplication::sendEvent(&scene, &event);
    QVERIFY(sawMenu);
    QCOMPARE(dock.viewCount(), 1);
    QCOMPARE(dock.view(0)->view().node, std::string("revenue_db"));
    QVERIFY(dock.view(0)->view().kind == Kind::Table);
}

void TestDashboard::liveViewsEqualSqliteOverTheSinkOutput()
{
    QTemporaryDir data;
    app::Document doc;
    doc.reset(ordersPipeline(), QString());
    app::RunController controller;
    controller.setDataDirectory(data.path());
    app::DashboardDock dock(&doc, &controller);
    dock.resize(1400, 420);
    dock.show();

    runtime::DashboardView table;
    table.node = "revenue_db";
    table.limit = 1000;
    runtime::DashboardView bars;
    bars.kind = Kind::Bars;
    bars.node = "revenue_db";
    bars.x = "category";
    bars.value = "revenue";
    bars.aggregate = runtime::DashboardView::Aggregate::Sum;
    bars.limit = 1000;
    runtime::DashboardView lines = bars;
    lines.kind = Kind::Lines;
    lines.x = "window_end";
    lines.series = "category";
    lines.aggregate = runtime::DashboardView::Aggregate::Last;
    runtime::DashboardView tile;
    tile.kind = Kind::Tile;
    tile.edge = doc.pipeline().edges.back(); // the sink's input edge, pinned directly
    tile.value = "revenue";
    tile.aggregate = runtime::DashboardView::Aggregate::Sum;
    tile.limit = 1000;
    for (const auto& v : {table, bars, lines, tile})
        dock.pin(v);
    QCOMPARE(dock.viewCount(), 4);

    QVERIFY(controller.start(doc.pipeline(), app::StartFrom::Scratch));
    QTRY_VERIFY_WITH_TIMEOUT(controller.state() == app::RunState::Idle, 90000);
    QVERIFY(controller.lastOutcome() == app::RunOutcome::Finished);

    const QString db = data.path() + "/revenue.sqlite";
    const auto sinkRows = sqliteRows(
        db, "SELECT category, revenue, orders, window_end FROM revenue ORDER BY window_end, "
            "category");
    QVERIFY(sinkRows.size() >= 12); // six windows of several categories
    // The table holds exactly the sink's rows (the order within a tick may differ by subtask).
    widgets::ResultRows* rows = dock.view(0)->rows();
    QTRY_COMPARE_WITH_TIMEOUT(static_cast<std::size_t>(rows->rowCount()), sinkRows.size(), 10000);
    const runtime::Schema& s = rows->schema();
    const int cat = s.indexOf("category"), rev = s.indexOf("revenue"), cnt = s.indexOf("orders");
    QVERIFY(cat >= 0 && rev >= 0 && cnt >= 0);
    std::multiset<std::string> shown, expected;
    for (const runtime::Row& r : rows->rows())
        shown.insert(r[cat].toString() + "|" +
                     std::to_string(std::llround(r[rev].toDouble() * 100)) + "|" +
                     r[cnt].toString());
    for (const auto& r : sinkRows) // SQLite's NUMERIC affinity stores the decimal as a REAL
        expected.insert(r[0] + "|" + std::to_string(std::llround(number(r[1]) * 100)) + "|" + r[2]);
    QVERIFY2(shown == expected, (*shown.begin() + " vs " + *expected.begin()).c_str());
    QCOMPARE(dock.view(0)->table()->model()->rowCount(), rows->rowCount());

    // Bars: revenue per category summed over every window, as SQLite sums it.
    const auto perCategory =
        sqliteRows(db, "SELECT category, SUM(CAST(revenue AS REAL)) FROM revenue GROUP BY category "
                       "ORDER BY category");
    const widgets::CategoryChartData barData = dock.view(1)->chart()->data();
    QCOMPARE(barData.categories.size(), static_cast<qsizetype>(perCategory.size()));
    QCOMPARE(barData.series.size(), std::size_t(1));
    for (std::size_t i = 0; i < perCategory.size(); ++i) {
        QCOMPARE(barData.categories[static_cast<qsizetype>(i)].toStdString(), perCategory[i][0]);
        QVERIFY(barData.series[0].values[i].has_value());
        QVERIFY2(std::abs(*barData.series[0].values[i] - number(perCategory[i][1])) < 1e-6,
                 perCategory[i][0].c_str());
    }
    QCOMPARE(dock.view(1)->chart()->drawnValueCount(), static_cast<int>(perCategory.size()));

    // Lines: one line per category over the window ends (in time order, labelled by their
    // time of day: all windows are on 2024-01-01), each point that window's revenue.
    const widgets::CategoryChartData lineData = dock.view(2)->chart()->data();
    const auto windows =
        sqliteRows(db, "SELECT DISTINCT window_end FROM revenue ORDER BY window_end");
    QCOMPARE(lineData.categories.size(), static_cast<qsizetype>(windows.size()));
    std::map<std::string, std::size_t> windowIndex;
    for (std::size_t wi = 0; wi < windows.size(); ++wi) {
        windowIndex[windows[wi][0]] = wi;
        QVERIFY2(QString::fromStdString(windows[wi][0])
                     .contains(lineData.categories[static_cast<qsizetype>(wi)]),
                 qPrintable(lineData.categories[static_cast<qsizetype>(wi)]));
    }
    QCOMPARE(lineData.series.size(), perCategory.size());
    std::map<std::string, double> cell; // category|window index -> revenue
    for (std::size_t si = 0; si < lineData.series.size(); ++si)
        for (std::size_t wi = 0; wi < lineData.series[si].values.size(); ++wi)
            if (lineData.series[si].values[wi])
                cell[lineData.series[si].name.toStdString() + "|" + std::to_string(wi)] =
                    *lineData.series[si].values[wi];
    QCOMPARE(cell.size(), sinkRows.size());
    for (const auto& r : sinkRows) {
        const std::string key = r[0] + "|" + std::to_string(windowIndex.at(r[3]));
        auto it = cell.find(key);
        QVERIFY2(it != cell.end(), key.c_str());
        QVERIFY(std::abs(it->second - number(r[1])) < 1e-6);
    }

    // Tile: total revenue, as SQLite sums it.
    const auto total = sqliteRows(db, "SELECT SUM(CAST(revenue AS REAL)) FROM revenue");
    const std::optional<double> tileValue = dock.view(3)->rows()->tileValue(
        dock.view(3)->rows()->schema().indexOf("revenue"), runtime::DashboardView::Aggregate::Sum);
    QVERIFY(tileValue);
    QVERIFY(std::abs(*tileValue - number(total.at(0).at(0))) < 1e-6);
    QVERIFY(!dock.view(3)->tileLabel()->text().isEmpty());
    QCOMPARE(dock.view(3)->missed(), std::uint64_t(0));

    // CSV export: a header and the rows the table view holds, value for value.
    QTemporaryDir out;
    const QString csvPath = out.filePath("view.csv");
    QVERIFY(dock.view(0)->exportCsv(csvPath));
    std::ifstream csv(csvPath.toStdString());
    std::string line;
    QVERIFY(std::getline(csv, line));
    std::string header;
    for (const runtime::Field& f : s.fields())
        header += (header.empty() ? "" : ",") + f.name;
    QCOMPARE(QString::fromStdString(line), QString::fromStdString(header));
    std::size_t n = 0;
    for (; std::getline(csv, line); ++n) {
        QVERIFY(n < rows->rows().size());
        const QStringList fields = QString::fromStdString(line).split(',');
        QCOMPARE(fields.size(), static_cast<qsizetype>(s.size()));
        const runtime::Row& r = rows->rows()[n];
        QCOMPARE(fields[cat].toStdString(), r[cat].asString());
        QCOMPARE(fields[rev].toDouble(), r[rev].toDouble());
        QCOMPARE(fields[cnt].toLongLong(), static_cast<long long>(r[cnt].toDouble()));
    }
    QCOMPARE(n, rows->rows().size());

    // PNG export: the view as shown, at its size.
    for (int i : {0, 1}) {
        const QString png = out.filePath(QStringLiteral("view%1.png").arg(i));
        QVERIFY(dock.view(i)->exportPng(png));
        QImage img(png);
        QVERIFY(!img.isNull());
        QCOMPARE(img.size(), dock.view(i)->size() * dock.view(i)->devicePixelRatio());
        bool varied = false;
        for (int y = 0; y < img.height() && !varied; y += 7)
            for (int x = 0; x < img.width() && !varied; x += 7)
                varied = img.pixel(x, y) != img.pixel(0, 0);
        QVERIFY(varied);
    }
}

void TestDashboard::limitKeepsTheLatestWindows()
{
    widgets::ResultRows rows;
    runtime::Schema s({{"window_end", runtime::DataType::timestamp()},
                       {"category", runtime::DataType::string()},
                       {"revenue", runtime::DataType::float64()}});
    rows.setSchema(s);
    rows.setLimit(2, true);
    QVERIFY(rows.limitsWindows());
    std::vector<runtime::TappedRecord> batch;
    std::uint64_t seq = 0;
    for (std::int64_t w : {3000, 1000, 2000, 2000, 3000, 1000})
        batch.push_back({{runtime::Value::timestamp(w), runtime::Value::string("c"),
                          runtime::Value::float64(static_cast<double>(w))},
                         w,
                         0,
                         seq++});
    rows.append(batch);
    // The two latest windows (2000, 3000) stay with all their rows; window 1000 left.
    QCOMPARE(rows.windowCount(), 2);
    QCOMPARE(rows.rowCount(), 4);
    QCOMPARE(rows.evicted(), std::uint64_t(2));
    for (const runtime::Row& r : rows.rows())
        QVERIFY(r[0].asTimestamp() >= 2000);
    QCOMPARE(*rows.tileValue(2, runtime::DashboardView::Aggregate::Sum), 10000.0);
    QCOMPARE(*rows.tileValue(2, runtime::DashboardView::Aggregate::Count), 4.0);
    rows.setLimit(3, false); // by rows now: the latest three
    QCOMPARE(rows.rowCount(), 3);
    QCOMPARE(rows.rows().front()[0].asTimestamp(), std::int64_t(2000));
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
