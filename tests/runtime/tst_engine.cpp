// Engine core: channels, plan, task threads, stateless operators, failures, stop, backpressure,
// metrics and taps. In-test sources/sinks (tst_engine_support.h), no connectors.
#include <QtTest>

#include <algorithm>
#include <map>
#include <mutex>
#include <random>
#include <set>

#include "catalog/NodeType.h"
#include "exec/InputGate.h"
#include "exec/Partitioner.h"
#include "exec/PhysicalPlan.h"
#include "time/WatermarkGenerator.h"
#include "tst_engine_support.h"

using namespace sw::runtime;
using namespace sw::test;

namespace {

const std::vector<std::pair<std::string, std::string>> kCols = {
    {"id", "BIGINT"}, {"k", "BIGINT"}, {"v", "BIGINT"}, {"ts", "TIMESTAMP(3)"}};

std::shared_ptr<std::vector<Row>> makeRows(int n, int keys = 10)
{
    auto rows = std::make_shared<std::vector<Row>>();
    for (int i = 0; i < n; ++i)
        rows->push_back({Value::integer(i), Value::integer(i % keys), Value::integer(i * 7 % 101),
                         Value::timestamp(1'700'000'000'000 + i)});
    return rows;
}

PipelineSpec linear(std::vector<NodeSpec> mids, int parallelism = 1)
{
    PipelineSpec p;
    p.settings.parallelism = parallelism;
    p.nodes.push_back(sourceNode("src", kCols, "ts", "0 ms"));
    std::string prev = "src";
    for (auto& m : mids) {
        p.edges.push_back(edge(prev, m.id));
        prev = m.id;
        p.nodes.push_back(std::move(m));
    }
    p.nodes.push_back(node("sink", "console-sink"));
    p.edges.push_back(edge(prev, "sink"));
    return p;
}

std::multiset<std::int64_t> ids(const std::vector<Record>& rs)
{
    std::multiset<std::int64_t> s;
    for (const auto& r : rs)
        s.insert(r.row[0].asInt());
    return s;
}

/// Throws on the record with id == `at` (an operator failure in the middle of a pipeline).
class ThrowingOperator : public Operator {
public:
    explicit ThrowingOperator(std::int64_t at) : m_at(at) {}
    void processRecord(int, Record& r, Collector& out) override
    {
        if (r.row[0].asInt() == m_at) throw std::runtime_error("boom at " + std::to_string(m_at));
        out.emit(r);
    }

private:
    std::int64_t m_at;
};

/// What each subtask of a Probe saw (records by id, watermarks, end of input).
struct ProbeLog {
    std::mutex mutex;
    std::map<int, std::multiset<std::int64_t>> ids;
    std::map<int, EventTime> watermark;
    std::set<int> ended;
};

/// Passes records on and logs, per subtask, what reached it.
class Probe : public Operator {
public:
    Probe(std::shared_ptr<ProbeLog> log, int subtask) : m_log(std::move(log)), m_subtask(subtask) {}
    void processBatch(int, RecordBatch& batch, Collector& out) override
    {
        {
            std::lock_guard l(m_log->mutex);
            for (const Record& r : batch)
                m_log->ids[m_subtask].insert(r.row[0].asInt());
        }
        for (Record& r : batch)
            out.emit(r);
    }
    void processWatermark(EventTime w, Collector& out) override
    {
        {
            std::lock_guard l(m_log->mutex);
            m_log->watermark[m_subtask] = w;
        }
        out.emitWatermark(w);
    }
    void endOfInput(Collector&) override
    {
        std::lock_guard l(m_log->mutex);
        m_log->ended.insert(m_subtask);
    }

private:
    std::shared_ptr<ProbeLog> m_log;
    int m_subtask;
};

OperatorFactory probe(std::shared_ptr<ProbeLog> log)
{
    return [log](const OperatorSpec& s) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<Probe>(log, s.subtask);
    };
}

/// src -> p (filter, `parallelism`, edge `kind`) -> sink.
PipelineSpec partitioned(EdgePartitioning kind, int parallelism)
{
    PipelineSpec p =
        linear({node("p", "filter", {{"condition", "TRUE"}, {"parallelism", parallelism}})});
    p.edges[0].partitioning = kind;
    return p;
}

} // namespace

class TstEngine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // ---- stateless units ----
    void partitionerIsStableAndSpreads();
    void watermarkGenerator();
    void watermarkAligner();
    void idlenessTimer();
    void inputGateOrderAndCoalescing();
    void outputPortRoutesEachPartitioning();
    void planParallelismAndPartitioning();
    // ---- pipelines ----
    void filterPassesExactlyMatching();
    void mapComputesColumnsAndRoutesErrors();
    void parallelPipelineLosesNothing_data();
    void parallelPipelineLosesNothing();
    void unionMergesInputs();
    void sourceFailureStopsCleanly();
    void operatorFailureStopsCleanly();
    void stopWithBlockedSinkCompletes_data();
    void stopWithBlockedSinkCompletes();
    void chainedFailureNamesTheFailingNode();
    void chainingGivesTheSameResult();
    void cancelStopsUnboundedSource();
    void metricsSnapshotCounts();
    void tapSeesRecords();
    void startFailsForInvalidPipeline();
    // ---- explicit edge partitioning (EdgeSpec::partitioning) ----
    void broadcastReachesEverySubtask();
    void rebalanceSpreadsOverSubtasks();
    void explicitPartitioningAtParallelism_data();
    void explicitPartitioningAtParallelism();
};

void TstEngine::partitionerIsStableAndSpreads()
{
    std::vector<int> keys = {0};
    std::vector<int> counts(4, 0);
    for (int i = 0; i < 4000; ++i) {
        Row r{Value::integer(i)};
        std::size_t c = keyHashChannel(keyHash(r, keys), 4);
        QVERIFY(c < 4);
        QCOMPARE(keyHashChannel(keyHash(r, keys), 4), c); // stable
        ++counts[c];
    }
    for (int c : counts)
        QVERIFY2(c > 800 && c < 1200, qPrintable(QString::number(c)));
    // Numerically equal INT and DECIMAL keys hash alike (Value::hash contract).
    Row a{Value::integer(12)}, b{Value::decimal(1200, 2)};
    QCOMPARE(keyHash(a, keys), keyHash(b, keys));
    QCOMPARE(keyHashChannel(12345, 1), std::size_t(0));
}

void TstEngine::watermarkGenerator()
{
    BoundedOutOfOrdernessWatermarks g(5000);
    QCOMPARE(g.currentWatermark(), kMinWatermark);
    g.onEvent(10000);
    QCOMPARE(g.currentWatermark(), EventTime(10000 - 5000 - 1));
    g.onEvent(8000); // out of order: no regression
    QCOMPARE(g.currentWatermark(), EventTime(4999));
    g.onEvent(20000);
    QCOMPARE(g.currentWatermark(), EventTime(14999));
    BoundedOutOfOrdernessWatermarks zero(0);
    zero.onEvent(100);
    QCOMPARE(zero.currentWatermark(), EventTime(99));
}

void TstEngine::watermarkAligner()
{
    WatermarkAligner a;
    a.reset(3);
    QVERIFY(!a.onWatermark(0, 100));
    QVERIFY(!a.onWatermark(1, 50));
    QVERIFY(a.onWatermark(2, 70)); // min = 50
    QCOMPARE(a.current(), EventTime(50));
    QVERIFY(!a.onWatermark(1, 40)); // channel regressions are ignored
    QVERIFY(a.onIdle(1));           // min over non-idle = 70
    QCOMPARE(a.current(), EventTime(70));
    QVERIFY(!a.onActive(1)); // reactivation never moves it back
    QCOMPARE(a.current(), EventTime(70));
    QVERIFY(!a.onWatermark(1, 60));  // still min(100, 60, 70) = 60 < 70: hold
    QVERIFY(!a.onWatermark(1, 200)); // min(100, 200, 70) = 70: unchanged
    QCOMPARE(a.current(), EventTime(70));
    QVERIFY(a.onWatermark(2, 150));
    QCOMPARE(a.current(), EventTime(100));
    QVERIFY(a.onEnd(0));
    QCOMPARE(a.current(), EventTime(150));
    a.onEnd(1);
    a.onEnd(2);
    QCOMPARE(a.current(), kMaxWatermark);
    // All idle: the max of the idle channels' watermarks.
    WatermarkAligner b;
    b.reset(2);
    b.onWatermark(0, 10);
    b.onWatermark(1, 30);
    QVERIFY(!b.allIdle());
    b.onIdle(0);
    QCOMPARE(b.current(), EventTime(30));
    b.onIdle(1);
    QVERIFY(b.allIdle());
}

void TstEngine::idlenessTimer()
{
    IdlenessTimer t(100);
    QVERIFY(!t.checkIdle(1000)); // starts the clock
    QVERIFY(!t.checkIdle(1099));
    QVERIFY(t.checkIdle(1100));
    QVERIFY(t.idle());
    QVERIFY(!t.checkIdle(5000)); // reported once
    QVERIFY(t.onActivity(5001)); // ends idleness
    QVERIFY(!t.idle());
    IdlenessTimer never(0);
    QVERIFY(!never.checkIdle(0));
    QVERIFY(!never.checkIdle(1'000'000'000));
}

void TstEngine::inputGateOrderAndCoalescing()
{
    ChannelCounters c0, c1;
    InputGate g(2);
    int a = g.addChannel(0, &c0), b = g.addChannel(1, &c1);
    std::stop_source ss;
    auto batch = [&](int ch, std::int64_t v) {
        RecordBatchPtr p = g.acquireBatch(ch);
        p->appendSlot().row = {Value::integer(v)};
        return StreamElement::records(std::move(p));
    };
    QVERIFY(g.push(a, batch(a, 1), ss.get_token()));
    QVERIFY(g.push(a, StreamElement::watermark(10), ss.get_token()));
    QVERIFY(g.push(a, StreamElement::watermark(20), ss.get_token())); // coalesces with 10
    QVERIFY(g.push(a, batch(a, 2), ss.get_token()));
    QCOMPARE(c0.queuedBatches.get(), std::int64_t(2));
    // Full: a third batch blocks (the channel reports its producer waiting, and push has not
    // returned); a stop request releases it.
    std::atomic<bool> returned{false}, result{true};
    std::jthread producer([&] {
        result = g.push(a, batch(a, 3), ss.get_token());
        returned = true;
    });
    QTRY_COMPARE_WITH_TIMEOUT(c0.producerBlocked.get(), std::int64_t(1), 30000);
    QVERIFY(!returned.load());
    QCOMPARE(c0.queuedBatches.get(), std::int64_t(2));
    ss.request_stop();
    producer.join();
    QVERIFY(returned.load());
    QVERIFY(!result.load());
    QVERIFY(c0.blockedNs.get() > 0);
    QCOMPARE(c0.producerBlocked.get(), std::int64_t(0));
    QVERIFY(g.push(b, StreamElement::endOfInput(), std::stop_token()));
    // Per channel FIFO: batch 1, watermark 20, batch 2 on channel a.
    std::vector<std::pair<int, int>> seen; // (channel, kind)
    std::vector<std::int64_t> values;
    int ch;
    StreamElement e;
    while (g.tryPop(ch, e) == InputGate::PopResult::Element) {
        seen.push_back({ch, int(e.kind)});
        if (e.kind == StreamElement::Kind::Records) {
            values.push_back((*e.batch)[0].row[0].asInt());
            g.release(ch, std::move(e.batch));
        } else if (e.kind == StreamElement::Kind::Watermark) {
            values.push_back(e.value);
        }
    }
    QCOMPARE(seen.size(), std::size_t(4));
    std::vector<std::int64_t> expectA = {1, 20, 2};
    QCOMPARE(values, expectA);
    QCOMPARE(g.portOf(b), 1);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(20);
    QCOMPARE(g.pop(ch, e, std::stop_token(), deadline), InputGate::PopResult::Timeout);
}

void TstEngine::outputPortRoutesEachPartitioning()
{
    // One producer port, three consumer channels; control elements reach every channel.
    const std::vector<int> keyCols = {0};
    for (Partitioning kind :
         {Partitioning::KeyHash, Partitioning::Rebalance, Partitioning::Broadcast}) {
        std::vector<std::unique_ptr<InputGate>> gates;
        std::vector<ChannelCounters> counters(3);
        std::vector<OutputPort::Target> targets;
        for (std::size_t j = 0; j < 3; ++j) {
            gates.push_back(std::make_unique<InputGate>(64));
            targets.push_back(
                {gates[j].get(), gates[j]->addChannel(0, &counters[j]), &counters[j], nullptr});
        }
        OutputPort port;
        port.setBatchSize(4);
        port.addEdge(kind, {0}, targets);
        Record r;
        for (int i = 0; i < 30; ++i) {
            r.row = {Value::integer(i % 7), Value::integer(i)};
            port.emit(r);
        }
        port.emitControl(StreamElement::endOfInput());
        std::vector<std::vector<std::int64_t>> got(3); // per channel: the i column
        std::size_t total = 0;
        for (std::size_t j = 0; j < 3; ++j) {
            int ch;
            StreamElement e;
            bool ended = false;
            while (gates[j]->tryPop(ch, e) == InputGate::PopResult::Element) {
                if (e.kind == StreamElement::Kind::EndOfInput) ended = true;
                if (e.kind != StreamElement::Kind::Records) continue;
                for (const Record& x : *e.batch) {
                    got[j].push_back(x.row[1].asInt());
                    if (kind == Partitioning::KeyHash) // the key's channel, always
                        QCOMPARE(keyHashChannel(keyHash(x.row, keyCols), 3), j);
                }
                gates[j]->release(ch, std::move(e.batch));
            }
            QVERIFY(ended);
            total += got[j].size();
        }
        if (kind == Partitioning::Broadcast) {
            for (const auto& g : got) {
                QCOMPARE(g.size(), std::size_t(30));
                QVERIFY(std::is_sorted(g.begin(), g.end()));
            }
        } else {
            QCOMPARE(total, std::size_t(30));
            for (const auto& g : got)
                QVERIFY(!g.empty()); // spread over all three
        }
    }
}

void TstEngine::planParallelismAndPartitioning()
{
    PipelineSpec p = linear({node("f", "filter", {{"condition", "v > 10"}, {"parallelism", 3}}),
                             node("w", "tumbling-window", {{"size", "1 s"}, {"keys", {"k"}}})},
                            2);
    auto plan = compilePlan(p);
    QVERIFY2(plan.isOk(), plan.isOk() ? "" : plan.error().message.c_str());
    auto par = [&](const char* id) {
        return plan->nodes[std::size_t(plan->indexOf(id))].parallelism;
    };
    QCOMPARE(par("src"), 1);  // file-source has no parallelism property
    QCOMPARE(par("f"), 3);    // node override
    QCOMPARE(par("w"), 2);    // pipeline default
    QCOMPARE(par("sink"), 1); // console sink
    for (const auto& e : plan->edges) {
        if (e.spec.to.node == "f") SW_COMPARE_ENUM(e.partitioning, Partitioning::Rebalance);
        if (e.spec.to.node == "w") {
            SW_COMPARE_ENUM(e.partitioning, Partitioning::KeyHash);
            QCOMPARE(e.keys, std::vector<int>{1});
        }
        if (e.spec.to.node == "sink") SW_COMPARE_ENUM(e.partitioning, Partitioning::Rebalance);
    }
    PipelineSpec same =
        linear({node("m", "map", {{"columns", {{{"name", "id"}, {"expr", "id"}}}}})});
    auto plan2 = compilePlan(same);
    QVERIFY(plan2.isOk());
    SW_COMPARE_ENUM(plan2->edges[0].partitioning, Partitioning::Forward);
}

void TstEngine::filterPassesExactlyMatching()
{
    auto rows = makeRows(20000);
    auto sink = std::make_shared<Collected>();
    Engine e;
    EngineOptions o;
    o.operatorOverrides["src"] = vectorSource({rows});
    o.operatorOverrides["sink"] = collectingSink(sink);
    QVERIFY(e.start(linear({node("f", "filter", {{"condition", "v > 50 AND k <> 3"}})}), o).isOk());
    auto ev = runToEnd(e);
    QVERIFY2(errorsOf(ev).empty(), errorsOf(ev).c_str());
    SW_COMPARE_ENUM(e.state(), EngineState::Finished);
    std::vector<std::int64_t> expect;
    for (const auto& r : *rows)
        if (r[2].asInt() > 50 && r[1].asInt() != 3) expect.push_back(r[0].asInt());
    std::vector<std::int64_t> got;
    for (const auto& r : sink->take())
        got.push_back(r.row[0].asInt());
    QCOMPARE(got, expect); // one path at parallelism 1: order preserved too
    QVERIFY(sink->ended.load());
    QVERIFY(sink->closed.load());
    auto snap = e.snapshot();
    QCOMPARE(snap.node("f")->recordsIn, std::uint64_t(rows->size()));
    QCOMPARE(snap.node("f")->recordsOut, std::uint64_t(expect.size()));
    QCOMPARE(snap.node("f")->filtered, std::uint64_t(rows->size() - expect.size()));
}

void TstEngine::mapComputesColumnsAndRoutesErrors()
{
    auto rows = makeRows(5000);
    auto sink = std::make_shared<Collected>();
    auto dlq = std::make_shared<Collected>();
    PipelineSpec p = linear({node("m", "map",
                                  {{"columns",
                                    {{{"name", "id"}, {"expr", "id"}},
                                     {{"name", "q"}, {"expr", "100 / (v - 7)"}},
                                     {{"name", "ts"}, {"expr", "ts"}}}}})});
    p.nodes.push_back(node("dlq", "dlq"));
    p.edges.push_back(edge("m", "dlq", "errors", "in"));
    Engine e;
    EngineOptions o;
    o.operatorOverrides["src"] = vectorSource({rows});
    o.operatorOverrides["sink"] = collectingSink(sink);
    o.operatorOverrides["dlq"] = collectingSink(dlq);
    QVERIFY(e.start(p, o).isOk());
    auto ev = runToEnd(e);
    QVERIFY2(errorsOf(ev).empty(), errorsOf(ev).c_str());
    std::size_t bad = 0;
    std::map<std::int64_t, std::int64_t> expect;
    for (const auto& r : *rows) {
        if (r[2].asInt() == 7)
            ++bad;
        else
            expect[r[0].asInt()] = 100 / (r[2].asInt() - 7);
    }
    QVERIFY(bad > 0);
    auto out = sink->take();
    QCOMPARE(out.size(), expect.size());
    for (const auto& r : out) {
        QCOMPARE(r.row.size(), std::size_t(3));
        QCOMPARE(r.row[1].asInt(), expect[r.row[0].asInt()]);
        QCOMPARE(r.timestamp, r.row[2].asTimestamp()); // event time carried along
    }
    auto errs = dlq->take();
    QCOMPARE(errs.size(), bad);
    const Record& er = errs.front();
    QCOMPARE(er.row.size(), errorSchema().size());
    QCOMPARE(er.row[1].asString(), std::string("m"));
    QCOMPARE(er.row[2].asString(), std::string("expression"));
    QVERIFY2(er.row[3].asString().find("100 / (v - 7)") != std::string::npos,
             er.row[3].asString().c_str());
    QVERIFY(er.row[11].asString().find("\"v\": 7") != std::string::npos);
    QCOMPARE(e.snapshot().node("m")->errors, std::uint64_t(bad));
}

void TstEngine::parallelPipelineLosesNothing_data()
{
    QTest::addColumn<int>("parallelism");
    QTest::newRow("p1") << 1;
    QTest::newRow("p2") << 2;
    QTest::newRow("p4") << 4;
}

void TstEngine::parallelPipelineLosesNothing()
{
    QFETCH(int, parallelism);
    auto rows = makeRows(100000, 97);
    auto sink = std::make_shared<Collected>();
    PipelineSpec p = linear(
        {node("kb", "key-by", {{"keys", {"k"}}}), node("f", "filter", {{"condition", "v <> 13"}}),
         node("m", "map",
              {{"columns", {{{"name", "id"}, {"expr", "id"}}, {{"name", "k"}, {"expr", "k"}}}}})},
        parallelism);
    Engine e;
    EngineOptions o;
    o.batchSize = 128;
    o.channelCapacity = 2;
    o.operatorOverrides["src"] = vectorSource({rows});
    o.operatorOverrides["sink"] = collectingSink(sink);
    QVERIFY(e.start(p, o).isOk());
    auto ev = runToEnd(e);
    QVERIFY2(errorsOf(ev).empty(), errorsOf(ev).c_str());
    std::multiset<std::int64_t> expect;
    for (const auto& r : *rows)
        if (r[2].asInt() != 13) expect.insert(r[0].asInt());
    auto got = sink->take();
    QCOMPARE(ids(got), expect);
    // Per key, order is preserved through key-by partitioning.
    std::map<std::int64_t, std::int64_t> last;
    for (const auto& r : got) {
        auto [it, fresh] = last.try_emplace(r.row[1].asInt(), r.row[0].asInt());
        if (!fresh) {
            QVERIFY(r.row[0].asInt() > it->second);
            it->second = r.row[0].asInt();
        }
    }
}

void TstEngine::unionMergesInputs()
{
    auto a = makeRows(3000), b = makeRows(2000);
    for (auto& r : *b)
        r[0] = Value::integer(r[0].asInt() + 1'000'000);
    auto sink = std::make_shared<Collected>();
    PipelineSpec p;
    p.settings.parallelism = 2;
    p.nodes = {sourceNode("a", kCols, "ts"), sourceNode("b", kCols, "ts"), node("u", "union"),
               node("sink", "console-sink")};
    p.edges = {edge("a", "u"), edge("b", "u"), edge("u", "sink")};
    Engine e;
    EngineOptions o;
    o.operatorOverrides["a"] = vectorSource({a});
    o.operatorOverrides["b"] = vectorSource({b});
    o.operatorOverrides["sink"] = collectingSink(sink);
    QVERIFY(e.start(p, o).isOk());
    auto ev = runToEnd(e);
    QVERIFY2(errorsOf(ev).empty(), errorsOf(ev).c_str());
    QCOMPARE(sink->take().size(), std::size_t(5000));
    // Both inputs ended: the union's watermark reached MAX (min over ended channels).
    QCOMPARE(e.snapshot().node("u")->watermark, kMaxWatermark);
}

void TstEngine::sourceFailureStopsCleanly()
{
    auto rows = makeRows(50000);
    auto sink = std::make_shared<Collected>();
    Engine e;
    EngineOptions o;
    VectorSourceConfig c{rows};
    c.failAt = 7000;
    o.operatorOverrides["src"] = vectorSource(c);
    o.operatorOverrides["sink"] = collectingSink(sink);
    QVERIFY(e.start(linear({node("f", "filter", {{"condition", "TRUE"}})}), o).isOk());
    auto ev = runToEnd(e);
    SW_COMPARE_ENUM(e.state(), EngineState::Failed);
    auto errs = errorsOf(ev);
    QVERIFY2(errs.find("src: injected failure at record 7000") != std::string::npos, errs.c_str());
    QVERIFY(sink->closed.load()); // every operator was closed
    QVERIFY(sink->take().size() <= 7000);
}

void TstEngine::operatorFailureStopsCleanly()
{
    auto rows = makeRows(50000);
    auto sink = std::make_shared<Collected>();
    Engine e;
    EngineOptions o;
    VectorSourceConfig c{rows};
    c.unbounded = true; // the failure, not the end of input, must stop the pipeline
    o.operatorOverrides["src"] = vectorSource(c);
    o.operatorOverrides["mid"] = [](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<ThrowingOperator>(1234);
    };
    o.operatorOverrides["sink"] = collectingSink(sink);
    QVERIFY(e.start(linear({node("mid", "filter", {{"condition", "TRUE"}}),
                            node("m2", "key-by", {{"keys", {"k"}}})},
                           2),
                    o)
                .isOk());
    auto ev = runToEnd(e);
    SW_COMPARE_ENUM(e.state(), EngineState::Failed);
    bool found = false;
    for (const auto& x : ev)
        if (x.kind == EngineEvent::Kind::Error && x.nodeId == "mid" && x.message == "boom at 1234")
            found = true;
    QVERIFY2(found, errorsOf(ev).c_str());
    QVERIFY(sink->closed.load());
}

void TstEngine::stopWithBlockedSinkCompletes_data()
{
    QTest::addColumn<bool>("chaining");
    QTest::newRow("channels") << false; // the filter blocks on a full channel to the sink
    QTest::newRow("chained") << true;   // the sink blocks the source's own thread
}

void TstEngine::stopWithBlockedSinkCompletes()
{
    QFETCH(bool, chaining);
    auto rows = makeRows(200000);
    auto sink = std::make_shared<Collected>();
    sink->block = true; // never releases: only the stop token gets it out
    Engine e;
    EngineOptions o;
    o.chaining = chaining;
    o.channelCapacity = 2;
    VectorSourceConfig c{rows};
    c.unbounded = true;
    std::atomic<std::int64_t> emitted{0};
    c.emitted = &emitted;
    o.operatorOverrides["src"] = vectorSource(c);
    o.operatorOverrides["sink"] = collectingSink(sink);
    QVERIFY(e.start(linear({node("f", "filter", {{"condition", "TRUE"}})}), o).isOk());
    if (chaining)
        QTRY_VERIFY_WITH_TIMEOUT(emitted.load() > 0, 30000);
    else
        QTRY_VERIFY_WITH_TIMEOUT(e.snapshot().edges.back().queuedBatches >= 2, 30000); // backed up
    QElapsedTimer t;
    t.start();
    e.stop(StopMode::Drain);
    QVERIFY(e.wait(60000)); // completes (the drain timeout cancels the blocked sink)
    qInfo("stop with a blocked sink took %lld ms (drain timeout %lld ms)", (long long)t.elapsed(),
          (long long)o.drainTimeoutMs); // a figure for the notes, not asserted
    SW_COMPARE_ENUM(e.state(), EngineState::Stopped);
    QVERIFY(sink->closed.load());
    auto ev = e.pollEvents();
    QVERIFY(errorsOf(ev).empty());
}

void TstEngine::chainedFailureNamesTheFailingNode()
{
    // src -> mid -> sink are all forward at parallelism 1: one thread. The failure still names
    // the node that threw, and every operator of the chain is closed.
    auto rows = makeRows(5000);
    auto sink = std::make_shared<Collected>();
    Engine e;
    EngineOptions o;
    o.operatorOverrides["src"] = vectorSource({rows});
    o.operatorOverrides["mid"] = [](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<ThrowingOperator>(777);
    };
    o.operatorOverrides["sink"] = collectingSink(sink);
    QVERIFY(e.start(linear({node("mid", "filter", {{"condition", "TRUE"}})}), o).isOk());
    auto ev = runToEnd(e);
    SW_COMPARE_ENUM(e.state(), EngineState::Failed);
    bool found = false;
    for (const auto& x : ev)
        if (x.kind == EngineEvent::Kind::Error && x.nodeId == "mid" && x.message == "boom at 777")
            found = true;
    QVERIFY2(found, errorsOf(ev).c_str());
    QVERIFY(sink->closed.load());
    QVERIFY(!sink->ended.load());
    QCOMPARE(e.snapshot().edges[0].capacityBatches, std::uint64_t(0)); // it was chained
}

void TstEngine::chainingGivesTheSameResult()
{
    auto rows = makeRows(30000, 13);
    std::vector<std::string> results[2];
    for (int chained = 0; chained < 2; ++chained) {
        auto sink = std::make_shared<Collected>();
        Engine e;
        EngineOptions o;
        o.chaining = chained == 1;
        o.operatorOverrides["src"] = vectorSource({rows});
        o.operatorOverrides["sink"] = collectingSink(sink);
        PipelineSpec p = linear(
            {node("f", "filter", {{"condition", "v % 3 = 0"}}),
             node("m", "map",
                  {{"columns",
                    {{{"name", "id"}, {"expr", "id"}},
                     {{"name", "x"}, {"expr", "v * 2 + k"}},
                     {{"name", "ts"}, {"expr", "ts"}}}}}),
             node("w", "tumbling-window",
                  {{"size", "100 ms"}, {"aggregates", {{{"function", "SUM"}, {"column", "x"}}}}})});
        QVERIFY(e.start(p, o).isOk());
        auto ev = runToEnd(e);
        QVERIFY2(errorsOf(ev).empty(), errorsOf(ev).c_str());
        for (const auto& r : sink->take()) {
            std::string line;
            for (const auto& v : r.row)
                line += v.toString() + "|";
            results[chained].push_back(line);
        }
        std::sort(results[chained].begin(), results[chained].end());
    }
    QVERIFY(results[0].size() > 100);
    QCOMPARE(results[1], results[0]);
}

void TstEngine::cancelStopsUnboundedSource()
{
    auto rows = makeRows(1000);
    auto sink = std::make_shared<Collected>();
    Engine e;
    EngineOptions o;
    VectorSourceConfig c{rows};
    c.unbounded = true;
    o.operatorOverrides["src"] = vectorSource(c);
    o.operatorOverrides["sink"] = collectingSink(sink);
    QVERIFY(e.start(linear({}), o).isOk());
    QTRY_COMPARE_WITH_TIMEOUT(sink->count.load(), std::int64_t(1000), 30000);
    SW_COMPARE_ENUM(e.state(), EngineState::Running);
    QVERIFY(!e.wait(50)); // unbounded: does not finish by itself
    QElapsedTimer t;
    t.start();
    e.stop(StopMode::Drain);
    QVERIFY(e.wait(60000));
    qInfo("draining stop took %lld ms", (long long)t.elapsed()); // a figure, not asserted
    SW_COMPARE_ENUM(e.state(), EngineState::Stopped);
    QVERIFY(sink->ended.load()); // a draining stop delivers end-of-input
}

void TstEngine::metricsSnapshotCounts()
{
    auto rows = makeRows(10000);
    auto sink = std::make_shared<Collected>();
    Engine e;
    EngineOptions o;
    o.operatorOverrides["src"] = vectorSource({rows});
    o.operatorOverrides["sink"] = collectingSink(sink);
    QVERIFY(e.start(linear({node("f", "filter", {{"condition", "v < 50"}})}, 2), o).isOk());
    runToEnd(e);
    auto s = e.snapshot();
    SW_COMPARE_ENUM(s.state, EngineState::Finished);
    QCOMPARE(s.nodes.size(), std::size_t(3));
    QCOMPARE(s.node("src")->recordsOut, std::uint64_t(10000));
    QCOMPARE(s.node("f")->parallelism, 2);
    QCOMPARE(s.node("f")->recordsIn, std::uint64_t(10000));
    QCOMPARE(s.node("sink")->recordsIn, std::uint64_t(sink->count.load()));
    QCOMPARE(s.node("f")->recordsOut, std::uint64_t(sink->count.load()));
    QCOMPARE(s.edges.size(), std::size_t(2));
    QCOMPARE(s.edges[0].records, std::uint64_t(10000));
    QCOMPARE(s.edges[0].capacityBatches, std::uint64_t(2 * 8)); // rebalance: 1 x 2 channels
    QCOMPARE(s.node("src")->maxEventTime, std::int64_t(1'700'000'000'000 + 9999));
    QCOMPARE(s.node("sink")->watermark, kMaxWatermark);
}

void TstEngine::tapSeesRecords()
{
    auto rows = makeRows(3000);
    auto sink = std::make_shared<Collected>();
    Engine e;
    EngineOptions o;
    VectorSourceConfig c{rows};
    c.unbounded = true;
    std::atomic<bool> go{false};
    c.go = &go;
    o.operatorOverrides["src"] = vectorSource(c);
    o.operatorOverrides["sink"] = collectingSink(sink);
    QVERIFY(e.start(linear({node("f", "filter", {{"condition", "TRUE"}})}), o).isOk());
    auto tap = e.openTap(PortRef{"f", "out"}, 100);
    QVERIFY(tap.isOk());
    QVERIFY(!e.openTap(PortRef{"f", "nope"}).isOk());
    go = true;
    QTRY_COMPARE_WITH_TIMEOUT(sink->count.load(), std::int64_t(3000), 30000);
    auto got = (*tap)->take();
    QVERIFY(!got.empty());
    QVERIFY(got.size() <= 100);
    QCOMPARE((*tap)->total(), std::uint64_t(3000));          // opened before any record passed
    QCOMPARE(got.back().row[0].asInt(), std::int64_t(2999)); // the newest are kept
    e.stop(StopMode::Cancel);
    QVERIFY(e.wait(60000));
}

void TstEngine::startFailsForInvalidPipeline()
{
    Engine e;
    PipelineSpec p = linear({node("f", "filter", {{"condition", "nope > 1"}})});
    Status s = e.start(p);
    QVERIFY(!s.isOk());
    QVERIFY2(s.message().find("f") != std::string::npos, s.message().c_str());
    SW_COMPARE_ENUM(e.state(), EngineState::Idle);
    // An operator that cannot be built is reported by node id, and nothing starts.
    EngineOptions o;
    o.operatorOverrides["src"] = [](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        return makeError("cannot open the file");
    };
    o.operatorOverrides["sink"] = collectingSink(std::make_shared<Collected>());
    Status s2 = e.start(linear({}), o);
    QVERIFY(!s2.isOk());
    QVERIFY2(s2.message().find("src: cannot open the file") != std::string::npos,
             s2.message().c_str());
    SW_COMPARE_ENUM(e.state(), EngineState::Idle);
}

void TstEngine::broadcastReachesEverySubtask()
{
    // One source subtask broadcasts to three: each gets every record, the final watermark and
    // end of input; the edge is a real channel (never chained), so it has a queue.
    auto rows = makeRows(5000);
    auto log = std::make_shared<ProbeLog>();
    auto sink = std::make_shared<Collected>();
    PipelineSpec p = partitioned(EdgePartitioning::Broadcast, 3);
    auto plan = compilePlan(p);
    QVERIFY2(plan.isOk(), plan.isOk() ? "" : plan.error().message.c_str());
    SW_COMPARE_ENUM(plan->edges[0].partitioning, Partitioning::Broadcast);
    SW_COMPARE_ENUM(plan->edges[1].partitioning, Partitioning::Rebalance); // 3 -> 1, auto
    Engine e;
    EngineOptions o;
    o.operatorOverrides["src"] = vectorSource({rows});
    o.operatorOverrides["p"] = probe(log);
    o.operatorOverrides["sink"] = collectingSink(sink);
    QVERIFY(e.start(p, o).isOk());
    auto ev = runToEnd(e);
    QVERIFY2(errorsOf(ev).empty(), errorsOf(ev).c_str());
    SW_COMPARE_ENUM(e.state(), EngineState::Finished);
    std::multiset<std::int64_t> all;
    for (const auto& r : *rows)
        all.insert(r[0].asInt());
    QCOMPARE(log->ids.size(), std::size_t(3));
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(log->ids[i] == all, qPrintable(QString("subtask %1").arg(i)));
        QCOMPARE(log->watermark[i], kMaxWatermark);
    }
    QCOMPARE(log->ended, (std::set<int>{0, 1, 2}));
    QCOMPARE(sink->count.load(), std::int64_t(3 * 5000));
    // Not chained, even between single subtasks (Flink chains only forward edges).
    for (int par : {3, 1}) {
        Engine e2;
        EngineOptions o2 = o;
        o2.operatorOverrides["p"] = collectingSink(std::make_shared<Collected>());
        QVERIFY(e2.start(partitioned(EdgePartitioning::Broadcast, par), o2).isOk());
        runToEnd(e2);
        const MetricsSnapshot snap = e2.snapshot();
        QCOMPARE(snap.edges.size(), std::size_t(2));
        QVERIFY2(snap.edges[0].capacityBatches > 0, qPrintable(QString::number(par)));
        if (par == 1) // the auto forward edge after it still chains
            QCOMPARE(snap.edges[1].capacityBatches, std::uint64_t(0));
    }
}

void TstEngine::rebalanceSpreadsOverSubtasks()
{
    // Source (1) -> map (2, auto: rebalance) -> p (2, explicit rebalance instead of the auto
    // forward): records spread round robin per batch over both subtasks, none lost or doubled.
    auto rows = makeRows(20000);
    auto log = std::make_shared<ProbeLog>();
    auto sink = std::make_shared<Collected>();
    PipelineSpec p = linear(
        {node("m", "map",
              {{"columns", {{{"name", "id"}, {"expr", "id"}}, {{"name", "ts"}, {"expr", "ts"}}}},
               {"parallelism", 2}}),
         node("p", "filter", {{"condition", "TRUE"}, {"parallelism", 2}})});
    p.edges[1].partitioning = EdgePartitioning::Rebalance;
    auto plan = compilePlan(p);
    QVERIFY(plan.isOk());
    SW_COMPARE_ENUM(plan->edges[1].partitioning, Partitioning::Rebalance);
    p.edges[1].partitioning = EdgePartitioning::Auto;
    SW_COMPARE_ENUM(compilePlan(p)->edges[1].partitioning, Partitioning::Forward);
    p.edges[1].partitioning = EdgePartitioning::Rebalance;
    Engine e;
    EngineOptions o;
    o.batchSize = 64;
    o.operatorOverrides["src"] = vectorSource({rows});
    o.operatorOverrides["p"] = probe(log);
    o.operatorOverrides["sink"] = collectingSink(sink);
    QVERIFY(e.start(p, o).isOk());
    auto ev = runToEnd(e);
    QVERIFY2(errorsOf(ev).empty(), errorsOf(ev).c_str());
    std::multiset<std::int64_t> seen;
    for (int i = 0; i < 2; ++i) {
        // Each map subtask deals its batches alternately to both p subtasks.
        QVERIFY2(log->ids[i].size() > 20000 / 4, qPrintable(QString::number(log->ids[i].size())));
        seen.insert(log->ids[i].begin(), log->ids[i].end());
        QCOMPARE(log->watermark[i], kMaxWatermark);
    }
    QCOMPARE(seen, ids(sink->take()));
    QCOMPARE(seen.size(), std::size_t(20000));
    QCOMPARE(std::set<std::int64_t>(seen.begin(), seen.end()).size(), std::size_t(20000));
}

void TstEngine::explicitPartitioningAtParallelism_data()
{
    QTest::addColumn<int>("parallelism");
    QTest::addColumn<int>("kind");
    for (int par : {1, 2, 4}) {
        QTest::addRow("broadcast-p%d", par) << par << int(EdgePartitioning::Broadcast);
        QTest::addRow("rebalance-p%d", par) << par << int(EdgePartitioning::Rebalance);
    }
}

void TstEngine::explicitPartitioningAtParallelism()
{
    // A broadcast into parallelism P delivers each record P times; a rebalance exactly once.
    QFETCH(int, parallelism);
    QFETCH(int, kind);
    auto rows = makeRows(3000);
    auto sink = std::make_shared<Collected>();
    Engine e;
    EngineOptions o;
    o.operatorOverrides["src"] = vectorSource({rows});
    o.operatorOverrides["sink"] = collectingSink(sink);
    QVERIFY(e.start(partitioned(EdgePartitioning(kind), parallelism), o).isOk());
    auto ev = runToEnd(e);
    QVERIFY2(errorsOf(ev).empty(), errorsOf(ev).c_str());
    const int copies = EdgePartitioning(kind) == EdgePartitioning::Broadcast ? parallelism : 1;
    std::multiset<std::int64_t> expect;
    for (const auto& r : *rows)
        for (int c = 0; c < copies; ++c)
            expect.insert(r[0].asInt());
    QCOMPARE(ids(sink->take()), expect);
}

QTEST_GUILESS_MAIN(TstEngine)
#include "tst_engine.moc"
