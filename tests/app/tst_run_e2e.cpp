// Run & debug end to end: RunController drives the real engine (generator sources, real
// operators, taps) while real widgets (Metrics panel, event inspector, DLQ browser, canvas
// overlay) consume what it reports. Test sinks (EngineOptions::operatorOverrides) record what
// reached them, so the inspector and the DLQ can be compared with what the sink received.
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <nlohmann/json.hpp>

#include "catalog/Catalog.h"
#include "catalog/PipelineLoader.h"
#include "charts/TimeSeriesChart.h"
#include "dlq/DlqBrowserView.h"
#include "dlq/DlqTableModel.h"
#include "exec/ErrorRecord.h"
#include "exec/Operator.h"
#include "inspector/InspectorView.h"
#include "inspector/RecordTableModel.h"
#include "metrics/MetricsPanel.h"
#include "run/DlqBrowser.h"
#include "run/EventInspector.h"
#include "run/OverlayModel.h"
#include "run/RunController.h"

using namespace sw;

namespace {

/// What a test sink received, as JSON strings (rowToJson) in arrival order.
struct Received {
    std::mutex mutex;
    std::vector<std::string> rows;
    std::vector<runtime::Row> raw;

    std::size_t size()
    {
        std::lock_guard l(mutex);
        return rows.size();
    }
    std::vector<std::string> copy()
    {
        std::lock_guard l(mutex);
        return rows;
    }
};

class CollectingSink : public runtime::Operator {
public:
    CollectingSink(std::shared_ptr<Received> r, runtime::Schema s)
        : m_r(std::move(r)), m_schema(std::move(s))
    {
    }
    void processBatch(int, runtime::RecordBatch& batch, runtime::Collector&) override
    {
        std::lock_guard l(m_r->mutex);
        for (const runtime::Record& rec : batch) {
            m_r->rows.push_back(runtime::rowToJson(rec.row, m_schema));
            m_r->raw.push_back(rec.row);
        }
    }

private:
    std::shared_ptr<Received> m_r;
    runtime::Schema m_schema;
};

runtime::OperatorFactory collectInto(std::shared_ptr<Received> r)
{
    return [r](const runtime::OperatorSpec& spec) {
        return runtime::makeOperator<CollectingSink>(r, spec.inputSchemas.at(0));
    };
}

/// A sink that counts; with `sleepMs` > 0 it is slower than any source (it sleeps on each
/// batch), so the channel into its thread fills and the upstream blocks (backpressure), as with
/// a slow database.
class CountingSink : public runtime::Operator {
public:
    CountingSink(std::shared_ptr<std::atomic<std::uint64_t>> n, int sleepMs)
        : m_n(std::move(n)), m_sleepMs(sleepMs)
    {
    }
    void processBatch(int, runtime::RecordBatch& batch, runtime::Collector&) override
    {
        if (m_sleepMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(m_sleepMs));
        m_n->fetch_add(batch.size());
    }

private:
    std::shared_ptr<std::atomic<std::uint64_t>> m_n;
    int m_sleepMs;
};

runtime::NodeSpec node(std::string id, std::string type,
                       nlohmann::json props = nlohmann::json::object())
{
    runtime::NodeSpec n;
    n.id = std::move(id);
    n.type = std::move(type);
    n.properties = std::move(props);
    return n;
}

/// generator -> filter -> console sink, errors of the generator -> dlq.
runtime::PipelineSpec generatorPipeline(nlohmann::json genProps,
                                        const std::string& filter = "amount > 50")
{
    runtime::PipelineSpec p;
    p.settings.name = "run-e2e";
    p.settings.parallelism = 1;
    genProps["kind"] = "orders";
    p.nodes.push_back(node("orders", "generator", genProps));
    p.nodes.push_back(node("big", "filter", {{"condition", filter}}));
    p.nodes.push_back(node("out", "console-sink"));
    p.nodes.push_back(node("dead", "dlq", {{"target", "jsonl"}, {"path", "dlq.jsonl"}}));
    p.edges.push_back({{"orders", "out"}, {"big", "in"}});
    p.edges.push_back({{"big", "out"}, {"out", "in"}});
    p.edges.push_back({{"orders", "errors"}, {"dead", "in"}});
    return p;
}

struct Harness {
    QTemporaryDir dir;
    app::RunController controller;
    std::shared_ptr<Received> sink = std::make_shared<Received>();
    std::shared_ptr<Received> dlq = std::make_shared<Received>();

    Harness()
    {
        runtime::EngineOptions o;
        o.operatorOverrides["out"] = collectInto(sink);
        o.operatorOverrides["dead"] = collectInto(dlq);
        controller.setEngineOptions(o);
        controller.setDataDirectory(dir.path());
        controller.setTickIntervalMs(100);
    }
};

/// Feeds the Metrics panel from the controller as the designer does.
void showMetrics(app::RunController& c, widgets::MetricsPanel& panel)
{
    QObject::connect(&c, &app::RunController::runStarted, &panel,
                     [&panel](int, const runtime::PipelineSpec& p) { panel.setPipeline(p); });
    QObject::connect(&c, &app::RunController::ticked, &panel, &widgets::MetricsPanel::addSample);
}

/// Waits (event loop running) until `n` more metrics ticks have been processed.
bool waitTicks(app::RunController& c, std::uint64_t n, int timeoutMs = 20000)
{
    const std::uint64_t target = c.tickCount() + n;
    QElapsedTimer t;
    t.start();
    while (c.tickCount() < target && t.elapsed() < timeoutMs)
        QTest::qWait(10);
    return c.tickCount() >= target;
}

std::uint64_t recordsOut(const app::RunController& c, const std::string& node)
{
    const runtime::NodeMetrics* m = c.lastSample().snapshot.node(node);
    return m ? m->recordsOut : 0;
}
std::uint64_t pausedTurns(const app::RunController& c, const std::string& node)
{
    const runtime::NodeMetrics* m = c.lastSample().snapshot.node(node);
    return m ? m->pausedTurns : 0;
}
std::uint64_t recordsIn(const app::RunController& c, const std::string& node)
{
    const runtime::NodeMetrics* m = c.lastSample().snapshot.node(node);
    return m ? m->recordsIn : 0;
}

bool waitState(app::RunController& c, app::RunState s, int timeoutMs = 20000)
{
    QElapsedTimer t;
    t.start();
    while (c.state() != s && t.elapsed() < timeoutMs)
        QTest::qWait(10);
    return c.state() == s;
}

} // namespace

class TestRunE2E : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void ordersExampleChartsEveryNode();
    void inspectedEdgeShowsWhatTheSinkReceived();
    void malformedRecordReachesDlqAndReplaysOnceFixed();
    void stopIsPromptAndTheGuiStaysResponsive();
    void pauseResumeAndStateSignals();
    void startFailureIsAProblemWithTheNode();
    void throttledSinkBackpressureKeepsTheGuiResponsive();
    void kafkaSourceChartsConsumerLag();
};

void TestRunE2E::ordersExampleChartsEveryNode()
{
    auto loaded =
        runtime::loadPipelineFile(std::string(SW_SOURCE_DIR) + "/examples/orders.pipeline.json");
    QVERIFY(loaded);
    QTemporaryDir dir;
    app::RunController c;
    c.setDataDirectory(dir.path());
    widgets::MetricsPanel panel;
    panel.resize(900, 400);
    panel.show();
    showMetrics(c, panel);
    QVERIFY(c.start(*loaded));
    QVERIFY2(waitState(c, app::RunState::Running),
             qPrintable(c.problems().empty() ? QString("?") : c.problems().back().message));
    // Several ticks with records flowing through the source.
    QTRY_VERIFY_WITH_TIMEOUT(c.lastSample().snapshot.node("orders") &&
                                 c.lastSample().snapshot.node("orders")->recordsOut > 0 &&
                                 c.tickCount() >= 4,
                             20000);
    auto* tp = panel.chart(widgets::MetricsPanel::Chart::Throughput);
    for (const auto& n : loaded->nodes) {
        const auto* type = runtime::Catalog::instance().find(n.type);
        const QString id =
            widgets::MetricsPanel::throughputId(n.id, type->isSource() ? false : true);
        QVERIFY2(tp->pointCount(id) >= 2, qPrintable(id));
    }
    for (const auto& e : loaded->edges)
        QVERIFY(panel.chart(widgets::MetricsPanel::Chart::Backpressure)
                    ->pointCount(widgets::MetricsPanel::edgeId(e)) >= 2);
    QVERIFY(c.statusText().startsWith("Running · 0:00:"));
    QVERIFY(c.throughput() > 0);
    c.stop();
    QVERIFY(waitState(c, app::RunState::Idle));
    QCOMPARE(c.lastOutcome(), app::RunOutcome::Stopped);
    for (const app::RunProblem& p : c.problems())
        QVERIFY2(p.severity != app::RunProblem::Severity::Error, qPrintable(p.message));
}

void TestRunE2E::inspectedEdgeShowsWhatTheSinkReceived()
{
    Harness h;
    const auto p =
        generatorPipeline({{"events_per_second", 0}, {"total_events", 3000}, {"seed", 11}});
    // The inspector exists before the run: its tap opens before the first record flows.
    app::EventInspector inspector(&h.controller, p, p.edges[1], 8192);
    inspector.resize(900, 400);
    inspector.show();
    QVERIFY(h.controller.start(p));
    QVERIFY(waitState(h.controller, app::RunState::Running));
    QVERIFY(waitState(h.controller, app::RunState::Idle));
    QCOMPARE(h.controller.lastOutcome(), app::RunOutcome::Finished);
    const auto received = h.sink->copy();
    QVERIFY(received.size() > 1000); // the filter kept most of 3000 orders
    QVERIFY(received.size() < 3000); // and dropped some
    auto* model = inspector.view()->model();
    QCOMPARE(std::size_t(model->rowCount()), received.size());
    for (int i = 0; i < model->rowCount(); ++i)
        QCOMPARE(model->recordJson(i), received[static_cast<std::size_t>(i)]);
    QCOMPARE(inspector.view()->missed(), std::uint64_t(0));
    // The filter works on what was captured.
    QVERIFY(inspector.view()->setFilterText("amount > 400"));
    QVERIFY(inspector.view()->shownCount() < model->rowCount());
    QVERIFY(inspector.view()->shownCount() > 0);
}

void TestRunE2E::malformedRecordReachesDlqAndReplaysOnceFixed()
{
    Harness h;
    const auto p = generatorPipeline(
        {{"events_per_second", 400}, {"malformed_ratio", 0.02}, {"seed", 5}}, "TRUE");
    app::DlqBrowser browser(&h.controller);
    browser.resize(900, 500);
    browser.show();
    app::EventInspector sinkEdge(&h.controller, p, p.edges[1], 8192);
    QVERIFY(h.controller.start(p));
    QVERIFY(waitState(h.controller, app::RunState::Running));
    auto* model = browser.view()->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->count() >= 2, 20000);
    const widgets::DlqEntry first = model->entry(0);
    QCOMPARE(first.nodeId, std::string("orders"));
    QCOMPARE(first.errorClass, std::string("parse"));
    QVERIFY(first.rawValue && !first.rawValue->empty());
    // Byte-identical with what the DLQ node received (its raw_value column).
    QTRY_VERIFY(h.dlq->size() >= 1);
    {
        std::lock_guard l(h.dlq->mutex);
        const int rawCol = runtime::errorSchema().indexOf("raw_value");
        QCOMPARE(h.dlq->raw.front()[static_cast<std::size_t>(rawCol)].asString(), *first.rawValue);
    }
    // The browser shows the bytes.
    browser.view()->selectIds({first.id});
    QVERIFY(browser.view()->hexText().startsWith("00000000  "));

    // Unfixed, the bytes still fail to parse: marked failed, nothing injected.
    QCOMPARE(browser.replay({first.id}), 0);
    QCOMPARE(model->find(first.id)->replay, widgets::DlqEntry::Replay::Failed);
    QVERIFY2(model->find(first.id)->replayNote.find("still does not parse") != std::string::npos,
             model->find(first.id)->replayNote.c_str());

    // Fixed, it re-enters at the generator and flows to the sink.
    const std::string fixed =
        "{\"order_id\": 987654321, \"customer_id\": 7, \"amount\": 12.34, "
        "\"category\": \"books\", \"event_time\": \"2024-01-01 00:00:10.000\"}";
    browser.view()->editReplayText(first.id, QString::fromStdString(fixed));
    QCOMPARE(browser.replay({first.id}), 1);
    QCOMPARE(model->find(first.id)->replay, widgets::DlqEntry::Replay::Replayed);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const std::string& r : h.sink->copy())
                if (r.find("\"order_id\": 987654321") != std::string::npos) return true;
            return false;
        }(),
        10000);
    h.controller.stop();
    QVERIFY(waitState(h.controller, app::RunState::Idle));
    // After the run, replay is refused (and says why).
    widgets::DlqEntry second = model->entry(1);
    QCOMPARE(browser.replay({second.id}), 0);
    QCOMPARE(model->find(second.id)->replay, widgets::DlqEntry::Replay::Failed);
}

void TestRunE2E::stopIsPromptAndTheGuiStaysResponsive()
{
    Harness h;
    const auto p =
        generatorPipeline({{"events_per_second", 0}, {"total_events", 0}}, "amount > 10");
    widgets::MetricsPanel panel;
    panel.show();
    showMetrics(h.controller, panel);
    app::EventInspector inspector(&h.controller, p, p.edges[0], 2048);
    inspector.show();
    int fired = 0;
    QTimer beat;
    beat.setInterval(5);
    connect(&beat, &QTimer::timeout, [&fired] { ++fired; });
    beat.start();
    QVERIFY(h.controller.start(p));
    QVERIFY(waitState(h.controller, app::RunState::Running));
    const std::uint64_t ticks0 = h.controller.tickCount();
    const int fired0 = fired;
    QTRY_VERIFY_WITH_TIMEOUT(h.controller.tickCount() >= ticks0 + 10, 20000);
    // The GUI thread kept running its own timer while the pipeline ran flat out.
    QVERIFY2(fired - fired0 >= 10, qPrintable(QString::number(fired - fired0)));
    QVERIFY(h.sink->size() > 0);
    const int firedBeforeStop = fired;
    h.controller.stop();
    QCOMPARE(h.controller.state(), app::RunState::Stopping); // stop() returned at once
    QVERIFY(waitState(h.controller, app::RunState::Idle));
    QCOMPARE(h.controller.lastOutcome(), app::RunOutcome::Stopped);
    QVERIFY(fired > firedBeforeStop); // and while it stopped
    QVERIFY(inspector.view()->capturedCount() > 0);
}

void TestRunE2E::pauseResumeAndStateSignals()
{
    Harness h;
    const auto p = generatorPipeline({{"events_per_second", 2000}});
    QSignalSpy running(&h.controller, &app::RunController::runningChanged);
    QSignalSpy states(&h.controller, &app::RunController::stateChanged);
    QVERIFY(h.controller.start(p));
    QCOMPARE(h.controller.state(), app::RunState::Starting);
    QVERIFY(h.controller.isRunning());
    QVERIFY(!h.controller.start(p)); // one run at a time
    QVERIFY(waitState(h.controller, app::RunState::Running));
    QTRY_VERIFY(h.sink->size() > 0);
    h.controller.pause();
    QCOMPARE(h.controller.state(), app::RunState::Paused);
    QVERIFY(h.controller.statusText().startsWith("Paused"));
    // In-flight records drain: wait until every record the source emitted has reached the sink
    // (the filter's in == source's out, the sink's in == filter's out == what the sink holds).
    QTRY_VERIFY_WITH_TIMEOUT(
        recordsOut(h.controller, "orders") > 0 &&
            recordsIn(h.controller, "big") == recordsOut(h.controller, "orders") &&
            recordsIn(h.controller, "out") == recordsOut(h.controller, "big") &&
            h.sink->size() == recordsIn(h.controller, "out"),
        20000);
    const std::uint64_t emittedAtPause = recordsOut(h.controller, "orders");
    const std::size_t atPause = h.sink->size();
    // Paused sources poll nothing: the source loop has turned several more times without
    // polling (each turn counted), and the counts are where they were.
    const std::uint64_t turns = pausedTurns(h.controller, "orders");
    QTRY_VERIFY_WITH_TIMEOUT(pausedTurns(h.controller, "orders") >= turns + 3, 20000);
    QCOMPARE(recordsOut(h.controller, "orders"), emittedAtPause);
    QCOMPARE(h.sink->size(), atPause);
    h.controller.resume();
    QTRY_VERIFY(h.sink->size() > atPause);
    h.controller.stop();
    QVERIFY(waitState(h.controller, app::RunState::Idle));
    QCOMPARE(running.count(), 2);
    QCOMPARE(running.at(0).at(0).toBool(), true);
    QCOMPARE(running.at(1).at(0).toBool(), false);
    QVERIFY(states.count() >= 5); // Starting, Running, Paused, Running, Stopping, Idle
}

void TestRunE2E::startFailureIsAProblemWithTheNode()
{
    Harness h;
    runtime::EngineOptions o;
    o.operatorOverrides["big"] =
        [](const runtime::OperatorSpec&) -> runtime::Result<std::unique_ptr<runtime::Operator>> {
        return runtime::makeError("cannot open the thing");
    };
    o.operatorOverrides["out"] = collectInto(h.sink);
    o.operatorOverrides["dead"] = collectInto(h.dlq);
    h.controller.setEngineOptions(o);
    QSignalSpy ended(&h.controller, &app::RunController::runEnded);
    QVERIFY(h.controller.start(generatorPipeline({{"events_per_second", 10}})));
    QVERIFY(waitState(h.controller, app::RunState::Idle));
    QCOMPARE(h.controller.lastOutcome(), app::RunOutcome::StartFailed);
    QCOMPARE(ended.count(), 1);
    QVERIFY(!h.controller.problems().empty());
    QCOMPARE(h.controller.problems().back().nodeId, QString("big"));
    QVERIFY(h.controller.problems().back().message.contains("cannot open the thing"));
}

void TestRunE2E::throttledSinkBackpressureKeepsTheGuiResponsive()
{
    // generator -> dedup -> slow sink, and generator -> tee. The generator's output has two
    // edges, so they are real channels (not chained onto one thread); dedup and the slow sink
    // share a thread.
    runtime::PipelineSpec p;
    p.settings.name = "throttled";
    p.nodes.push_back(node("orders", "generator",
                           {{"kind", "orders"}, {"events_per_second", 0}, {"total_events", 0}}));
    p.nodes.push_back(node("dedup", "dedup", {{"keys", {"order_id"}}, {"ttl", "1 h"}}));
    p.nodes.push_back(node("slow", "console-sink"));
    p.nodes.push_back(node("tee", "console-sink"));
    p.edges.push_back({{"orders", "out"}, {"dedup", "in"}});
    p.edges.push_back({{"dedup", "out"}, {"slow", "in"}});
    p.edges.push_back({{"orders", "out"}, {"tee", "in"}});
    QTemporaryDir dir;
    app::RunController c;
    auto consumed = std::make_shared<std::atomic<std::uint64_t>>(0);
    auto teed = std::make_shared<std::atomic<std::uint64_t>>(0);
    runtime::EngineOptions o;
    o.operatorOverrides["slow"] = [consumed](const runtime::OperatorSpec&) {
        return runtime::makeOperator<CountingSink>(consumed, 3);
    };
    o.operatorOverrides["tee"] = [teed](const runtime::OperatorSpec&) {
        return runtime::makeOperator<CountingSink>(teed, 0);
    };
    c.setEngineOptions(o);
    c.setDataDirectory(dir.path());
    c.setTickIntervalMs(100);
    widgets::MetricsPanel panel;
    panel.show();
    showMetrics(c, panel);
    int fired = 0;
    QTimer beat;
    beat.setInterval(5);
    connect(&beat, &QTimer::timeout, [&fired] { ++fired; });
    beat.start();
    QVERIFY(c.start(p));
    QVERIFY(waitState(c, app::RunState::Running));
    // The channel into the slow sink's thread fills: the overlay colours it red.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const app::OverlayModel m = app::buildOverlay(p, c.lastSample());
            const app::EdgeOverlay* e = m.edge(p.edges[0]);
            return e && e->level == app::BackpressureLevel::Red;
        }(),
        20000);
    QVERIFY(c.lastSample().rates.edge(p.edges[0])->blockedShare > 0);
    // The GUI thread keeps serving its own timer and the metrics ticks while the pipeline is
    // stuck behind the sink.
    const int fired0 = fired;
    QVERIFY(waitTicks(c, 10));
    QVERIFY2(fired - fired0 >= 10, qPrintable(QString::number(fired - fired0)));
    QVERIFY(panel.chart(widgets::MetricsPanel::Chart::Backpressure)
                ->pointCount(widgets::MetricsPanel::edgeId(p.edges[0])) >= 10);
    // Stop returns at once; the drain times out on the full channel and cancels the rest.
    const int firedBeforeStop = fired;
    c.stop();
    QCOMPARE(c.state(), app::RunState::Stopping);
    QVERIFY(waitState(c, app::RunState::Idle, 30000));
    QVERIFY(fired > firedBeforeStop);
    QVERIFY(consumed->load() > 0);
}

void TestRunE2E::kafkaSourceChartsConsumerLag()
{
    auto loaded = runtime::loadPipelineFile(std::string(SW_SOURCE_DIR) +
                                            "/examples/orders-kafka.pipeline.json");
    QVERIFY(loaded);
    runtime::PipelineSpec p = *loaded;
    p.settings.parallelism = 1; // two cores are shared by the whole suite
    QTemporaryDir dir;
    app::RunController c;
    c.setDataDirectory(dir.path());
    c.setTickIntervalMs(100);
    widgets::MetricsPanel panel;
    panel.show();
    showMetrics(c, panel);
    QVERIFY(c.start(p));
    QVERIFY2(waitState(c, app::RunState::Running),
             qPrintable(c.problems().empty() ? QString("?") : c.problems().back().message));
    // Lag of every partition of orders.created (3) once the consumer has its assignment.
    QTRY_VERIFY_WITH_TIMEOUT(c.lastSample().lagReported &&
                                 c.lastSample().partitionLag.size() == 3 &&
                                 recordsOut(c, "orders_in") > 0,
                             30000);
    for (const widgets::PartitionLag& l : c.lastSample().partitionLag) {
        QCOMPARE(l.nodeId, std::string("orders_in"));
        QCOMPARE(l.topic, std::string("orders.created"));
        QVERIFY(l.lag >= 0);
    }
    QVERIFY(waitTicks(c, 2));
    auto* lag = panel.chart(widgets::MetricsPanel::Chart::ConsumerLag);
    QVERIFY(lag->pointCount(widgets::MetricsPanel::totalLagId("orders_in")) >= 2);
    QVERIFY(lag->pointCount(widgets::MetricsPanel::partitionId(c.lastSample().partitionLag[0])) >=
            1);
    // The canvas badge of the Kafka source shows its total lag.
    const app::OverlayModel overlay = app::buildOverlay(p, c.lastSample());
    QVERIFY(overlay.node("orders_in")->kafkaLag.has_value());
    QVERIFY(overlay.node("orders_in")->badge.find("lag") != std::string::npos);
    // The status bar names the embedded broker.
    QVERIFY2(c.statusText().contains("Kafka 127.0.0.1:"), qPrintable(c.statusText()));
    c.stop();
    QVERIFY(waitState(c, app::RunState::Idle, 30000));
    QCOMPARE(c.lastOutcome(), app::RunOutcome::Stopped);
}

QTEST_MAIN(TestRunE2E)
#include "tst_run_e2e.moc"
