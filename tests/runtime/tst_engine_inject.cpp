// Engine features a designer or CLI run uses without wrapping operators: a gated start (taps
// opened before the first record), Engine::inject (DLQ replay), split metrics in the snapshot,
// the plan and validation of the run, and StopMode::DrainAll.
#include <QtTest>

#include "exec/PhysicalPlan.h"
#include "tst_engine_support.h"

using namespace sw::runtime;
using namespace sw::test;

namespace {

std::shared_ptr<std::vector<Row>> idRows(std::int64_t n, std::int64_t first = 0)
{
    auto rows = std::make_shared<std::vector<Row>>();
    for (std::int64_t i = 0; i < n; ++i)
        rows->push_back(Row{Value::integer(first + i)});
    return rows;
}

Record idRecord(std::int64_t id)
{
    Record r;
    r.row = Row{Value::integer(id)};
    return r;
}

/// Waits (bounded) until `pred` holds; the engine's threads make progress meanwhile.
template <typename P> bool waitFor(P pred, int timeoutMs = 20000)
{
    QElapsedTimer t;
    t.start();
    while (!pred()) {
        if (t.elapsed() > timeoutMs) return false;
        QThread::msleep(1);
    }
    return true;
}

/// A source that publishes two splits when opened and then behaves like a VectorSource.
class SplitSource : public VectorSource {
public:
    using VectorSource::VectorSource;
    Status open(OperatorContext& ctx) override
    {
        ctx.publishSplits({SplitMetrics{{}, 0, "t", 0, 0, 10, 4, 3, 6, false, false},
                           SplitMetrics{{}, 0, "t", 1, 0, 5, 5, 5, 0, false, true}});
        return Status::ok();
    }
};

/// An unbounded source that, like a Kafka source, stops without drain.
class NoDrainSource : public VectorSource {
public:
    using VectorSource::VectorSource;
    bool stopsWithoutDrain() const override { return true; }
};

PipelineSpec idPipeline(const std::string& middleType, nlohmann::json middleProps,
                        int parallelism = 1)
{
    PipelineSpec p;
    p.settings.name = "inject";
    p.settings.parallelism = parallelism;
    p.nodes.push_back(sourceNode("src", {{"id", "BIGINT"}}));
    p.nodes.push_back(node("mid", middleType, std::move(middleProps)));
    p.nodes.push_back(node("sink", "console-sink"));
    p.edges.push_back(edge("src", "mid"));
    p.edges.push_back(edge("mid", "sink"));
    return p;
}

} // namespace

class TstEngineInject : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void gatedStartHoldsSourcesUntilRelease();
    void injectRoutesLikeTheEdgeIntoThePort();
    void injectRefusesWhatCannotEnter();
    void splitMetricsReachTheSnapshot();
    void drainAllFiresWindowsOfSourcesThatStopWithoutDrain();
};

void TstEngineInject::gatedStartHoldsSourcesUntilRelease()
{
    std::atomic<std::int64_t> emitted{0};
    auto sink = std::make_shared<Collected>();
    EngineOptions o;
    o.startGated = true;
    o.operatorOverrides["src"] = vectorSource({idRows(1000), 64, -1, &emitted});
    o.operatorOverrides["sink"] = collectingSink(sink);
    Engine e;
    QVERIFY(e.plan() == nullptr);
    QVERIFY(e.start(idPipeline("filter", {{"condition", "id > -100"}}), o));
    QVERIFY(e.plan() != nullptr);
    QCOMPARE(e.plan()->nodes.size(), std::size_t(3));
    QVERIFY(e.plan()->validation.ok());
    auto tap = e.openTap(PortRef{"src", "out"}, 2000);
    QVERIFY(tap);
    // Injected records flow through a gated source; its own records do not. When the injected
    // one reached the sink, the source loop has passed its gate without polling.
    std::vector<Record> one;
    one.push_back(idRecord(-7));
    QVERIFY(e.inject(PortRef{"src", "out"}, std::move(one)));
    QVERIFY(waitFor([&] { return sink->count.load() == 1; }));
    QCOMPARE(emitted.load(), std::int64_t(0));
    QCOMPARE(sink->take().front().row[0].asInt(), std::int64_t(-7));
    e.release();
    auto ev = runToEnd(e);
    QVERIFY2(errorsOf(ev).empty(), errorsOf(ev).c_str());
    QCOMPARE(sink->count.load(), std::int64_t(1001));
    // The tap, opened before release, saw every record of the source, the first one first.
    auto seen = (*tap)->take();
    QCOMPARE(seen.size(), std::size_t(1001));
    QCOMPARE(seen[0].row[0].asInt(), std::int64_t(-7));
    QCOMPARE(seen[1].row[0].asInt(), std::int64_t(0));
    QCOMPARE(seen[1].sequence, std::uint64_t(1));
    const NodeMetrics* src = e.snapshot().node("src");
    QVERIFY(src);
    QCOMPARE(src->recordsOut, std::uint64_t(1001));
}

void TstEngineInject::injectRoutesLikeTheEdgeIntoThePort()
{
    // dedup at parallelism 2 keys its input by id: injected records must reach the subtask the
    // key-hash edge sends the same key to (a subtask seeing a key it does not own would keep a
    // second copy of that key's state).
    auto sink = std::make_shared<Collected>();
    std::atomic<bool> go{false};
    EngineOptions o;
    o.startGated = true;
    o.chaining = false;
    o.operatorOverrides["src"] = vectorSource({idRows(200), 64, -1, nullptr, false, {}, &go});
    o.operatorOverrides["sink"] = collectingSink(sink);
    auto p = idPipeline("dedup", {{"keys", {"id"}}, {"ttl", "1 h"}, {"parallelism", 2}});
    Engine e;
    QVERIFY(e.start(p, o));
    auto tap = e.openTap(PortRef{"mid", "out"}, 1000);
    QVERIFY(tap);
    e.release();
    std::vector<Record> injected;
    for (std::int64_t id = 1000; id < 1200; ++id)
        injected.push_back(idRecord(id));
    QVERIFY(e.inject(PortRef{"mid", "in"}, std::move(injected)));
    go = true;
    auto ev = runToEnd(e);
    QVERIFY2(errorsOf(ev).empty(), errorsOf(ev).c_str());
    QCOMPARE(sink->count.load(), std::int64_t(400));
    const std::vector<int> keyCols{0};
    std::map<int, int> perSubtask;
    for (const TappedRecord& r : (*tap)->take()) {
        const auto expected =
            static_cast<int>(keyHashChannel(keyHash(r.row, keyCols), std::size_t(2)));
        QCOMPARE(r.subtask, expected);
        ++perSubtask[r.subtask];
    }
    QCOMPARE(perSubtask.size(), std::size_t(2)); // both subtasks got keys
    QCOMPARE(e.snapshot().node("mid")->recordsIn, std::uint64_t(400));
}

void TstEngineInject::injectRefusesWhatCannotEnter()
{
    Engine e;
    QVERIFY(!e.inject(PortRef{"mid", "in"}, {})); // nothing runs
    auto sink = std::make_shared<Collected>();
    EngineOptions o;
    o.startGated = true; // sources never read: the run lasts until we stop it
    o.operatorOverrides["src"] = vectorSource({idRows(10)});
    o.operatorOverrides["sink"] = collectingSink(sink);
    QVERIFY(e.start(idPipeline("filter", {{"condition", "id > 0"}}), o));
    auto unknown = e.inject(PortRef{"nope", "in"}, {});
    QVERIFY(!unknown);
    QVERIFY(unknown.message().find("unknown node 'nope'") != std::string::npos);
    auto port = e.inject(PortRef{"mid", "left"}, {});
    QVERIFY(!port);
    QVERIFY(port.message().find("no input 'left'") != std::string::npos);
    std::vector<Record> wide;
    wide.push_back(Record{});
    wide.back().row = Row{Value::integer(1), Value::integer(2)};
    auto width = e.inject(PortRef{"mid", "in"}, std::move(wide));
    QVERIFY(!width);
    QVERIFY(width.message().find("has 2 columns, the port expects 1") != std::string::npos);
    QVERIFY(e.injectionSchema(PortRef{"mid", "in"}));
    QCOMPARE(e.injectionSchema(PortRef{"mid", "in"})->size(), std::size_t(1));
    QVERIFY(e.injectionSchema(PortRef{"src", "out"}));
    QVERIFY(!e.injectionSchema(PortRef{"src", "errors"}));
    e.stop(StopMode::Cancel);
    QVERIFY(e.wait(20000));
    QCOMPARE(sink->count.load(), std::int64_t(0));
}

void TstEngineInject::splitMetricsReachTheSnapshot()
{
    auto sink = std::make_shared<Collected>();
    EngineOptions o;
    o.operatorOverrides["src"] = [](const OperatorSpec& s) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<SplitSource>(VectorSourceConfig{idRows(5)}, s.subtask, s.parallelism);
    };
    o.operatorOverrides["sink"] = collectingSink(sink);
    Engine e;
    QVERIFY(e.start(idPipeline("filter", {{"condition", "id >= 0"}}), o));
    auto ev = runToEnd(e);
    QVERIFY2(errorsOf(ev).empty(), errorsOf(ev).c_str());
    const MetricsSnapshot s = e.snapshot();
    QCOMPARE(s.splits.size(), std::size_t(2));
    QCOMPARE(s.splits[0].nodeId, std::string("src"));
    QCOMPARE(s.splits[0].topic, std::string("t"));
    QCOMPARE(s.splits[0].lag, std::int64_t(6));
    QCOMPARE(s.splits[1].partition, 1);
    QVERIFY(s.splits[1].idle);
}

void TstEngineInject::drainAllFiresWindowsOfSourcesThatStopWithoutDrain()
{
    // Rows at event times 0..99 s into 1-minute windows: [0, 60 s) closes when the watermark
    // passes it, [60 s, 120 s) only with the final MAX watermark.
    auto rows = std::make_shared<std::vector<Row>>();
    for (std::int64_t i = 0; i < 100; ++i)
        rows->push_back(Row{Value::integer(i), Value::timestamp(i * 1000)});
    for (const StopMode mode : {StopMode::Drain, StopMode::DrainAll}) {
        std::atomic<std::int64_t> emitted{0};
        auto sink = std::make_shared<Collected>();
        EngineOptions o;
        o.watermarkIntervalMs = 0;
        o.operatorOverrides["src"] =
            [&](const OperatorSpec& s) -> Result<std::unique_ptr<Operator>> {
            VectorSourceConfig c{rows, 64, -1, &emitted, true};
            return makeOperator<NoDrainSource>(c, s.subtask, s.parallelism);
        };
        o.operatorOverrides["sink"] = collectingSink(sink);
        PipelineSpec p;
        p.settings.name = "drain";
        p.nodes.push_back(sourceNode("src", {{"id", "BIGINT"}, {"ts", "TIMESTAMP(3)"}}, "ts"));
        p.nodes.push_back(
            node("win", "tumbling-window",
                 {{"size", "1 min"},
                  {"aggregates", {{{"as", "n"}, {"column", "*"}, {"function", "COUNT"}}}}}));
        p.nodes.push_back(node("sink", "console-sink"));
        p.edges.push_back(edge("src", "win"));
        p.edges.push_back(edge("win", "sink"));
        Engine e;
        QVERIFY(e.start(p, o));
        QVERIFY(waitFor([&] { return emitted.load() == 100; }));
        // The first window fired: every record before its end reached the window.
        QVERIFY(waitFor([&] { return sink->count.load() == 1; }));
        e.stop(mode);
        QVERIFY(e.wait(20000));
        QVERIFY2(errorsOf(e.pollEvents()).empty(), "no errors");
        const auto got = sink->take();
        if (mode == StopMode::Drain) {
            QCOMPARE(got.size(), std::size_t(1)); // [60 s, 120 s) stays open, held for a restart
        } else {
            QCOMPARE(got.size(), std::size_t(2));
            const int n = got[1].row.size() > 0 ? static_cast<int>(got[1].row.size()) - 1 : 0;
            QCOMPARE(got[1].row[static_cast<std::size_t>(n)].asInt(), std::int64_t(40));
        }
    }
}

QTEST_GUILESS_MAIN(TstEngineInject)
#include "tst_engine_inject.moc"
