// Run & debug views driven by constructed MetricsSnapshots (no engine): rolling charts, the
// Metrics panel, rates, overlay texts and colours, the canvas overlay. The record views
// (inspector, DLQ browser) are in tst_run_records.
#include <QApplication>
#include <QChartView>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "catalog/Catalog.h"
#include "catalog/PipelineLoader.h"
#include "charts/TimeSeriesChart.h"
#include "document/Document.h"
#include "metrics/MetricsPanel.h"
#include "run/CanvasOverlay.h"
#include "run/OverlayModel.h"

using namespace sw;
using runtime::MetricsSnapshot;
using runtime::NodeMetrics;

namespace {

runtime::PipelineSpec ordersPipeline()
{
    auto p =
        runtime::loadPipelineFile(std::string(SW_SOURCE_DIR) + "/examples/orders.pipeline.json");
    if (!p) qFatal("cannot load orders example: %s", p.error().toString().c_str());
    return *p;
}

constexpr std::int64_t kT0 = 1'700'000'000'000;     // wall clock of the first snapshot
constexpr std::int64_t kEvent0 = 1'704'067'200'000; // 2024-01-01 00:00:00 UTC

/// A snapshot of the orders pipeline after `seconds`, with `rate` records/s from the source.
MetricsSnapshot ordersSnapshot(const runtime::PipelineSpec& p, int seconds, double rate,
                               double fill = 0.1)
{
    MetricsSnapshot s;
    s.state = runtime::EngineState::Running;
    s.takenAtMs = kT0 + seconds * 1000;
    s.uptimeMs = seconds * 1000;
    const auto n = static_cast<std::uint64_t>(rate * seconds);
    for (const auto& node : p.nodes) {
        NodeMetrics m;
        m.nodeId = node.id;
        m.recordsIn = node.id == "orders" ? n : n;
        m.recordsOut = node.id == "revenue" ? 0 : n;
        m.errors = node.id == "orders" ? n / 1000 : 0;
        m.watermark = kEvent0 + seconds * 1000 - 5001;
        m.maxEventTime = kEvent0 + seconds * 1000;
        m.eventTimeLagMs = 5001;
        s.nodes.push_back(m);
    }
    for (const auto& e : p.edges) {
        runtime::EdgeMetrics em;
        em.edge = e;
        em.records = n;
        em.capacityBatches = 16;
        em.queuedBatches = static_cast<std::uint64_t>(fill * 16);
        em.fill = fill;
        s.edges.push_back(em);
    }
    return s;
}

widgets::MetricsSample sampleOf(widgets::RateTracker& t, const MetricsSnapshot& s)
{
    widgets::MetricsSample out;
    out.snapshot = s;
    out.rates = t.update(s);
    return out;
}

/// The sample of the second second of a run at `rate` records/s (queue fill `fill1` at 1 s,
/// `fill2` at 2 s): rates over one second.
widgets::MetricsSample secondSample(const runtime::PipelineSpec& p, double rate, double fill1,
                                    double fill2)
{
    widgets::RateTracker t;
    t.update(ordersSnapshot(p, 1, rate, fill1));
    widgets::MetricsSample s;
    s.snapshot = ordersSnapshot(p, 2, rate, fill2);
    s.rates = t.update(s.snapshot);
    return s;
}

} // namespace

class TestRunViews : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rollingSeriesKeepsTheWindow();
    void chartAppendsPausesAndPicksLegend();
    void chartExportsPng();
    void hiddenChartDrawsWhenShown();
    void ratesFromTwoSnapshots();
    void metricsPanelChartsEveryNodeAndEdge();
    void watermarkLagModeFollowsTheData();
    void backpressureThresholds();
    void formatting();
    void nextWindowEndIsExclusive();
    void explainWindowWithoutWatermark();
    void explainWindowWithWatermark();
    void overlayModelLabelsAndBadges();
    void canvasOverlayPaintsAndExplains();
};

void TestRunViews::rollingSeriesKeepsTheWindow()
{
    widgets::RollingSeries s(10'000);
    for (int i = 0; i <= 20; ++i)
        s.append(i * 1000, i);
    QCOMPARE(s.size(), std::size_t(11)); // 10 s .. 20 s inclusive
    QCOMPARE(s.points().front().timeMs, std::int64_t(10'000));
    s.append(5000, 99); // backwards in time: ignored
    QCOMPARE(s.points().back().value, 20.0);
    QCOMPARE(s.maxValue(), 20.0);
}

void TestRunViews::chartAppendsPausesAndPicksLegend()
{
    widgets::TimeSeriesChart chart;
    chart.resize(600, 300);
    chart.show();
    chart.setWindowMs(5 * 60 * 1000);
    chart.ensureSeries("a", "Alpha");
    for (int i = 0; i < 8; ++i)
        chart.appendPoints(kT0 + i * 250, {{"a", double(i)}, {"b", 2.0 * i}});
    QCOMPARE(chart.seriesIds(), QStringList({"a", "b"}));
    QCOMPARE(chart.pointCount("a"), 8);
    QCOMPARE(chart.drawnPointCount("b"), 8);

    // Paused view: data keeps being recorded, the drawing does not change.
    chart.setViewPaused(true);
    const int redraws = chart.redrawCount();
    chart.appendPoints(kT0 + 2000, {{"a", 9.0}});
    QCOMPARE(chart.pointCount("a"), 9);
    QCOMPARE(chart.drawnPointCount("a"), 8);
    QCOMPARE(chart.redrawCount(), redraws);
    chart.setViewPaused(false);
    QCOMPARE(chart.drawnPointCount("a"), 9);

    // Rolling: after 5 minutes of later points the first ones are gone.
    chart.appendPoints(kT0 + 6 * 60 * 1000, {{"a", 1.0}});
    QCOMPARE(chart.pointCount("a"), 1);

    // Legend-to-pick: clicking a marker hides its line; clicking again shows it.
    QList<QLegendMarker*> markers = chart.findChild<QChartView*>()->chart()->legend()->markers();
    QVERIFY(!markers.isEmpty());
    QLegendMarker* alpha = nullptr;
    for (QLegendMarker* m : markers)
        if (m->label() == "Alpha") alpha = m;
    QVERIFY(alpha);
    Q_EMIT alpha->clicked();
    QVERIFY(!chart.isSeriesVisible("a"));
    QVERIFY(chart.isSeriesVisible("b"));
    Q_EMIT alpha->clicked();
    QVERIFY(chart.isSeriesVisible("a"));
}

void TestRunViews::chartExportsPng()
{
    widgets::TimeSeriesChart chart;
    chart.resize(500, 300);
    chart.show();
    for (int i = 0; i < 20; ++i)
        chart.appendPoints(kT0 + i * 250, {{"x", double(i % 5)}});
    QTemporaryDir dir;
    const QString path = dir.filePath("chart.png");
    QVERIFY(chart.exportPng(path));
    QImage img(path);
    QVERIFY(!img.isNull());
    QCOMPARE(img.size(), chart.size() * chart.devicePixelRatio());
}

void TestRunViews::hiddenChartDrawsWhenShown()
{
    widgets::TimeSeriesChart chart; // not shown: like a Metrics tab in the background
    for (int i = 0; i < 6; ++i)
        chart.appendPoints(kT0 + i * 250, {{"x", double(i)}});
    QCOMPARE(chart.pointCount("x"), 6);
    QCOMPARE(chart.redrawCount(), 0);
    QCOMPARE(chart.drawnPointCount("x"), 0);
    chart.show();
    QCOMPARE(chart.redrawCount(), 1);
    QCOMPARE(chart.drawnPointCount("x"), 6);
}

void TestRunViews::ratesFromTwoSnapshots()
{
    const auto p = ordersPipeline();
    widgets::RateTracker t;
    auto first = t.update(ordersSnapshot(p, 2, 1000));
    QCOMPARE(first.intervalSec, 0.0);
    QCOMPARE(first.node("orders")->outPerSec, 1000.0);  // first snapshot: over its uptime
    auto second = t.update(ordersSnapshot(p, 4, 1500)); // 6000 records at 4 s, 2000 at 2 s
    QCOMPARE(second.intervalSec, 2.0);
    QCOMPARE(second.node("orders")->outPerSec, 2000.0);
    QCOMPARE(second.node("orders")->errorsPerSec, (6 - 2) / 2.0);
    QCOMPARE(second.edge(p.edges[0])->recordsPerSec, 2000.0);
}

void TestRunViews::metricsPanelChartsEveryNodeAndEdge()
{
    const auto p = ordersPipeline();
    widgets::MetricsPanel panel;
    panel.resize(900, 400);
    panel.show();
    panel.setPipeline(p);
    widgets::RateTracker t;
    for (int i = 1; i <= 3; ++i)
        panel.addSample(sampleOf(t, ordersSnapshot(p, i, 1000)));
    auto* tp = panel.chart(widgets::MetricsPanel::Chart::Throughput);
    for (const auto& n : p.nodes) {
        const auto* type = runtime::Catalog::instance().find(n.type);
        if (!type->isSource())
            QCOMPARE(tp->pointCount(widgets::MetricsPanel::throughputId(n.id, true)), 3);
        const bool dataOutput = std::any_of(type->outputs.begin(), type->outputs.end(),
                                            [](const auto& o) { return !o.errors; });
        QCOMPARE(tp->pointCount(widgets::MetricsPanel::throughputId(n.id, false)),
                 dataOutput ? 3 : 0);
        QCOMPARE(panel.chart(widgets::MetricsPanel::Chart::WatermarkLag)
                     ->pointCount(QString::fromStdString(n.id)),
                 3);
    }
    for (const auto& e : p.edges)
        QCOMPARE(panel.chart(widgets::MetricsPanel::Chart::Backpressure)
                     ->pointCount(widgets::MetricsPanel::edgeId(e)),
                 3);
    QCOMPARE(panel.chart(widgets::MetricsPanel::Chart::Errors)->pointCount("orders"), 3);
    // The generator's throughput values are the rates, not the counters.
    const auto* out = tp->data(widgets::MetricsPanel::throughputId("orders", false));
    QCOMPARE(out->points().back().value, 1000.0);
    // No Kafka source: the lag chart says so.
    QVERIFY(panel.chart(widgets::MetricsPanel::Chart::ConsumerLag)
                ->placeholderText()
                .contains("No Kafka"));
    // Pause view / export.
    panel.setViewPaused(true);
    QVERIFY(panel.chart(widgets::MetricsPanel::Chart::Errors)->isViewPaused());
    QTemporaryDir dir;
    QVERIFY(panel.exportCurrentChart(dir.filePath("t.png")));
    QVERIFY(!QImage(dir.filePath("t.png")).isNull());
}

void TestRunViews::watermarkLagModeFollowsTheData()
{
    const auto p = ordersPipeline();
    auto s = ordersSnapshot(p, 1, 10); // event times in 2024, wall clock in 2023: far apart
    QCOMPARE(widgets::watermarkLagMode(s), widgets::WatermarkLagMode::EventTime);
    QCOMPARE(
        *widgets::watermarkLagMs(s.nodes[0], s.takenAtMs, widgets::WatermarkLagMode::EventTime),
        5001.0);
    for (auto& n : s.nodes)
        n.watermark = s.takenAtMs - 1500;
    QCOMPARE(widgets::watermarkLagMode(s), widgets::WatermarkLagMode::ProcessingTime);
    QCOMPARE(*widgets::watermarkLagMs(s.nodes[0], s.takenAtMs,
                                      widgets::WatermarkLagMode::ProcessingTime),
             1500.0);
    s.nodes[0].watermark = INT64_MIN;
    QVERIFY(!widgets::watermarkLagMs(s.nodes[0], s.takenAtMs,
                                     widgets::WatermarkLagMode::ProcessingTime));
}

void TestRunViews::backpressureThresholds()
{
    using app::BackpressureLevel;
    QCOMPARE(app::backpressureLevel(0.0), BackpressureLevel::Green);
    QCOMPARE(app::backpressureLevel(0.599), BackpressureLevel::Green);
    QCOMPARE(app::backpressureLevel(0.60), BackpressureLevel::Yellow);
    QCOMPARE(app::backpressureLevel(0.85), BackpressureLevel::Yellow);
    QCOMPARE(app::backpressureLevel(0.851), BackpressureLevel::Red);
    QCOMPARE(app::backpressureLevel(1.0), BackpressureLevel::Red);
}

void TestRunViews::formatting()
{
    QCOMPARE(app::formatRate(0), std::string("0/s"));
    QCOMPARE(app::formatRate(950), std::string("950/s"));
    QCOMPARE(app::formatRate(1234), std::string("1.2K/s"));
    QCOMPARE(app::formatRate(45678), std::string("46K/s"));
    QCOMPARE(app::formatRate(3'400'000), std::string("3.4M/s"));
    QCOMPARE(app::formatLag(350), std::string("350 ms"));
    QCOMPARE(app::formatLag(4200), std::string("4.2 s"));
    QCOMPARE(app::formatLag(200'000), std::string("3 min 20 s"));
    QCOMPARE(app::formatWatermark(INT64_MIN), std::string("none yet"));
    QCOMPARE(app::formatWatermark(INT64_MAX), std::string("end of input"));
    QCOMPARE(app::formatWatermark(kEvent0), std::string("2024-01-01 00:00:00.000"));
}

void TestRunViews::nextWindowEndIsExclusive()
{
    const std::int64_t five = 300'000;
    // Window [0, 5 min) fires at W >= 299999: at W = 299998 it is still the next one.
    QCOMPARE(app::nextWindowEnd(299'998, five, 0), five);
    QCOMPARE(app::nextWindowEnd(299'999, five, 0), 2 * five);
    QCOMPARE(app::nextWindowEnd(0, five, 0), five);
    QCOMPARE(app::nextWindowEnd(-10, five, 0), std::int64_t(0));
    QCOMPARE(app::nextWindowEnd(1000, five, 60'000), std::int64_t(60'000));
    QCOMPARE(app::nextWindowEnd(kEvent0 + 42, 10'000, 0), kEvent0 + 10'000);
}

void TestRunViews::explainWindowWithoutWatermark()
{
    const auto p = ordersPipeline();
    auto snap = ordersSnapshot(p, 1, 100);
    for (auto& n : snap.nodes)
        n.watermark = INT64_MIN;
    widgets::RateTracker t;
    const std::string text = app::explainWindow(p, sampleOf(t, snap), "revenue");
    QVERIFY2(text.find("Why has no window fired?") == 0, text.c_str());
    QVERIFY2(text.find("No watermark has reached this node yet") != std::string::npos,
             text.c_str());
    QVERIFY2(text.find("in ← Dedup by order id: none yet") != std::string::npos, text.c_str());
    QVERIFY(app::explainWindow(p, sampleOf(t, snap), "dedup").empty()); // not a window
}

void TestRunViews::explainWindowWithWatermark()
{
    const auto p = ordersPipeline();
    widgets::RateTracker t;
    t.update(ordersSnapshot(p, 60, 1000));
    auto snap = ordersSnapshot(p, 61, 1000);
    for (auto& n : snap.nodes)
        if (n.nodeId == "revenue") n.late = 7;
    // Watermark at 00:01:00.999 - 5.001 s = 00:00:55.999; next 5-minute window ends 00:05:00.
    widgets::MetricsSample s;
    s.snapshot = snap;
    s.rates = t.update(snap);
    for (auto& e : s.rates.edges)
        if (e.edge.to.node == "revenue") e.recordsPerSec = 0; // a quiet input
    const std::string text = app::explainWindow(p, s, "revenue");
    QVERIFY2(text.find("Window: tumbling 5 min, event time") != std::string::npos, text.c_str());
    QVERIFY2(text.find("in ← Dedup by order id: 2024-01-01 00:00:55.999") != std::string::npos,
             text.c_str());
    QVERIFY2(text.find("Next window end: 2024-01-01 00:05:00.000 (fires when the watermark reaches "
                       "2024-01-01 00:04:59.999, 4 min 4 s of event time to go)") !=
                 std::string::npos,
             text.c_str());
    QVERIFY2(text.find("Quiet input: in ← Dedup by order id") != std::string::npos, text.c_str());
    QVERIFY2(text.find("Late records: 7 (allowed lateness") != std::string::npos, text.c_str());
    const std::string wm = app::watermarkPerInputText(p, s, "orders");
    QVERIFY2(wm.find("Output watermark: 2024-01-01 00:00:55.999") == 0, wm.c_str());
}

void TestRunViews::overlayModelLabelsAndBadges()
{
    const auto p = ordersPipeline();
    const widgets::MetricsSample s = secondSample(p, 2000, 0.1, 0.9);
    const app::OverlayModel m = app::buildOverlay(p, s);
    QCOMPARE(m.edges.size(), p.edges.size());
    const app::EdgeOverlay* e = m.edge(p.edges[0]);
    QCOMPARE(e->level, app::BackpressureLevel::Red);
    QCOMPARE(e->label, std::string("2.0K/s · 90 %"));
    const app::NodeOverlay* src = m.node("orders");
    QCOMPARE(src->badge, std::string("2.0K/s · 4 errors"));
    QVERIFY(!m.node("revenue")->windowExplanation.empty());
    QCOMPARE(m.node("revenue")->tooltip, m.node("revenue")->windowExplanation);
}

void TestRunViews::canvasOverlayPaintsAndExplains()
{
    const auto p = ordersPipeline();
    app::Document doc;
    doc.reset(p, QString());
    widgets::PipelineScene scene(&doc);
    app::CanvasOverlay overlay(nullptr, &scene);
    QVERIFY(!overlay.isActive());
    // Rendered 1:1, so strokes keep their exact colour in their middle.
    const QRectF src = scene.nodesBoundingRect().adjusted(-40, -40, 40, 80);
    auto render = [&] {
        QImage img(src.size().toSize(), QImage::Format_ARGB32);
        img.fill(Qt::white);
        QPainter painter(&img);
        scene.render(&painter, QRectF(img.rect()), src);
        return img;
    };
    const QImage before = render();
    overlay.update(p, secondSample(p, 2000, 0.7, 0.7));
    QVERIFY(overlay.isActive());
    QCOMPARE(overlay.model().edge(p.edges[1])->level, app::BackpressureLevel::Yellow);
    const QImage after = render();
    QVERIFY(before != after); // the overlay draws something
    // Yellow (backpressure 70 %) edge colour appears in the rendering.
    bool yellow = false;
    for (int y = 0; y < after.height() && !yellow; ++y)
        for (int x = 0; x < after.width() && !yellow; ++x)
            yellow = after.pixelColor(x, y) == QColor(0xe0, 0xa8, 0x00);
    QVERIFY(yellow);
    QVERIFY(overlay.nodeToolTip("revenue").contains("next window end", Qt::CaseInsensitive));
    QVERIFY(overlay.nodeToolTip("dedup").contains("Watermark per input"));
    // The layers never take clicks: the item at a node's centre is still the node.
    QGraphicsItem* top =
        scene.itemAt(scene.nodeItem("dedup")->sceneBoundingRect().center(), QTransform());
    QVERIFY(top && top->type() == widgets::NodeItem::Type);
    overlay.clear();
    QVERIFY(overlay.nodeToolTip("revenue").isEmpty());
}

QTEST_MAIN(TestRunViews)
#include "tst_run_views.moc"
