// Whole pipelines with Kafka on the embedded broker, run by the engine: topic -> tumbling window
// -> topic against an oracle computed here from the produced input; poison records to a Kafka DLQ
// with byte-identical key/value and Kafka Connect error headers; two pipeline instances in one
// consumer group; external clients (kcat, Python confluent-kafka) on both ends; the shipped
// orders-kafka example.
#include <QtTest/QtTest>

#include <QTemporaryDir>
#include <map>
#include <random>
#include <set>

#include "ExternalTools.h"
#include "catalog/PipelineLoader.h"
#include "connectors/dlq/DeadLetterStore.h"
#include "connectors/kafka/EmbeddedBroker.h"
#include "connectors/kafka/KafkaEndpoint.h"
#include "connectors/kafka/LagRegistry.h"
#include "exec/Engine.h"
#include "tst_kafka_support.h"
#include "types/Value.h"

using namespace sw::runtime;
using namespace sw::runtime::kafka;
using namespace sw::test;

class TestKafkaPipeline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tumblingWindowBetweenTopicsEqualsOracle();
    void poisonMessageGoesToKafkaDlq();
    void expressionErrorKeepsTheMessageBytes();
    void twoInstancesShareAGroup();
    void externalClientsOnBothEnds();
    void ordersKafkaExampleRuns();

private:
    std::shared_ptr<EmbeddedBroker> m_broker;
    std::string bs() const { return m_broker->bootstrapServers(); }
};

void TestKafkaPipeline::initTestCase()
{
    auto b = EmbeddedBroker::shared();
    QVERIFY(b);
    m_broker = *b;
}

void TestKafkaPipeline::tumblingWindowBetweenTopicsEqualsOracle()
{
    // Input: 6000 orders over 3 partitions, event time ~100 ms apart with up to 3 s of disorder
    // inside each partition (the watermark bound is 5 s, so nothing is late).
    const int n = 6000;
    const char* cats[] = {"books", "games", "garden", "toys"};
    std::mt19937 rng(7);
    std::vector<Msg> msgs;
    std::map<std::pair<std::int64_t, std::string>, std::pair<std::int64_t, std::int64_t>>
        oracle; // count, cents
    const std::int64_t base = 1704067200000LL;
    for (int i = 0; i < n; ++i) {
        std::int64_t ts = base + i * 100 - static_cast<std::int64_t>(rng() % 3000);
        std::string cat = cats[rng() % 4];
        std::int64_t cents = 100 + static_cast<std::int64_t>(rng() % 10000);
        Msg m;
        m.key = std::to_string(i);
        m.hasKey = true;
        m.partition = i % 3;
        m.value = "{\"order_id\":" + std::to_string(i) + ",\"category\":\"" + cat +
                  "\",\"amount\":" + formatDecimal(cents, 2) + ",\"event_time\":\"" +
                  formatTimestamp(ts) + "\"}";
        msgs.push_back(m);
        std::int64_t start = ts - ((ts % 60000) + 60000) % 60000;
        auto& o = oracle[{start, cat}];
        o.first += 1;
        o.second += cents;
    }
    // As one would in Flink: a draining stop of a Kafka source does not fire open windows (they
    // are recomputed from replay after a restart), so one late-enough record per partition
    // advances the watermark past the last window. Its own window never fires.
    for (int p = 0; p < 3; ++p) {
        Msg m;
        m.partition = p;
        m.value = "{\"order_id\":" + std::to_string(n + p) +
                  ",\"category\":\"sentinel\",\"amount\":0,\"event_time\":\"" +
                  formatTimestamp(base + n * 100 + 600000) + "\"}";
        msgs.push_back(m);
    }
    QVERIFY(m_broker->createTopic("e2e.orders", 3));
    QCOMPARE(produce(bs(), "e2e.orders", msgs), n + 3);
    std::string pipeline = R"J({"format": "streamwright.pipeline/1",
      "pipeline": {"name": "e2e", "parallelism": 1},
      "nodes": [
        {"id": "orders", "type": "kafka-source", "properties": {"topic": "e2e.orders", "group_id": "e2e",
          "partitions": 3, "format": "json", "timestamp_column": "event_time", "max_out_of_orderness": "5 s",
          "schema": [{"name": "order_id", "type": "BIGINT"}, {"name": "category", "type": "STRING"},
                     {"name": "amount", "type": "DECIMAL(10, 2)"}, {"name": "event_time", "type": "TIMESTAMP(3)"}]}},
        {"id": "win", "type": "tumbling-window", "properties": {"size": "1 min", "keys": ["category"],
          "aggregates": [{"function": "COUNT", "column": "*", "as": "orders"},
                         {"function": "SUM", "column": "amount", "as": "revenue"}]}},
        {"id": "out", "type": "kafka-sink", "properties": {"topic": "e2e.revenue", "key_fields": ["category"], "partitions": 2}}
      ],
      "edges": [{"from": {"node": "orders", "port": "out"}, "to": {"node": "win", "port": "in"}},
                {"from": {"node": "win", "port": "out"}, "to": {"node": "out", "port": "in"}}]})J";
    Run run;
    std::string err;
    QVERIFY2(run.start(pipeline, &err), err.c_str());
    QVERIFY2(run.waitUntil(
                 [&](const MetricsSnapshot& s) {
                     const NodeMetrics* m = nodeOf(s, "out");
                     return m && m->recordsIn >= oracle.size();
                 },
                 60000),
             errorsOf(run.events).c_str());
    QVERIFY(run.stop(StopMode::Drain));
    QVERIFY2(errorsOf(run.events).empty(), errorsOf(run.events).c_str());
    auto snap = run.engine.snapshot();
    QCOMPARE(nodeOf(snap, "win")->late, std::uint64_t(0));

    auto out = readAll(bs(), "e2e.revenue", 2);
    std::map<std::pair<std::int64_t, std::string>, std::pair<std::int64_t, std::int64_t>> got;
    for (const Msg& m : out) {
        auto j = nlohmann::json::parse(m.value);
        std::int64_t ws = 0, we = 0, cents = 0;
        QVERIFY(parseTimestamp(j["window_start"].get<std::string>(), ws));
        QVERIFY(parseTimestamp(j["window_end"].get<std::string>(), we));
        QCOMPARE(we - ws, std::int64_t(60000));
        QVERIFY(parseDecimal(j["revenue"].dump(), 2, cents));
        QCOMPARE(m.key, j["category"].get<std::string>());
        auto key = std::make_pair(ws, j["category"].get<std::string>());
        QVERIFY2(!got.count(key), "a window was emitted twice");
        got[key] = {j["orders"].get<std::int64_t>(), cents};
    }
    QCOMPARE(got.size(), oracle.size());
    QVERIFY(got == oracle);
}

void TestKafkaPipeline::poisonMessageGoesToKafkaDlq()
{
    QVERIFY(m_broker->createTopic("dlq.in", 2));
    std::vector<Msg> msgs = idMessages(0, 50, 2);
    Msg poison;
    poison.key = std::string("\x01\x00poison", 8);
    poison.hasKey = true;
    poison.value = std::string("{\"id\": 7, \"payload\": \xff\xfe", 24);
    poison.partition = 1;
    poison.timestamp = 1704067333000;
    poison.headers = {{"traceparent", "00-abc-01"}};
    msgs.insert(msgs.begin() + 20, poison);
    QCOMPARE(produce(bs(), "dlq.in", msgs), 51);
    std::string pipeline = R"({"format": "streamwright.pipeline/1",
      "pipeline": {"name": "dlq-test", "parallelism": 1},
      "nodes": [
        {"id": "in", "type": "kafka-source", "properties": {"topic": "dlq.in", "group_id": "poison-group",
           "partitions": 2, "format": "json", "watermark": "processing-time",
           "schema": [{"name": "id", "type": "BIGINT"}, {"name": "payload", "type": "STRING"}]}},
        {"id": "out", "type": "kafka-sink", "properties": {"topic": "dlq.out", "partitions": 1}},
        {"id": "dead", "type": "dlq", "properties": {"target": "kafka"}}
      ],
      "edges": [{"from": {"node": "in", "port": "out"}, "to": {"node": "out", "port": "in"}},
                {"from": {"node": "in", "port": "errors"}, "to": {"node": "dead", "port": "in"}}]})";
    Run run;
    std::string err;
    QVERIFY2(run.start(pipeline, &err), err.c_str());
    QVERIFY2(run.waitUntil(
                 [&](const MetricsSnapshot& s) {
                     const NodeMetrics* m = nodeOf(s, "out");
                     const NodeMetrics* d = nodeOf(s, "dead");
                     return m && d && m->recordsIn >= 50 && d->recordsIn >= 1;
                 },
                 60000),
             errorsOf(run.events).c_str());
    // While it runs, everything (the poison record included, acknowledged by the DLQ once
    // delivered) gets committed: no later record has to come along to push the commit.
    auto committedAll = [&] {
        std::map<int, std::int64_t> c;
        for (const SourceLag& l : LagRegistry::instance().snapshot())
            if (l.groupId == "poison-group")
                for (const PartitionLag& pl : l.partitions)
                    c[pl.partition] = pl.committed;
        return c[0] == 25 && c[1] == 26;
    };
    QVERIFY(run.waitUntil([&](const MetricsSnapshot&) { return committedAll(); }, 30000));
    QVERIFY(run.stop());
    QVERIFY2(errorsOf(run.events).empty(), errorsOf(run.events).c_str());
    // The pipeline kept going: every good record was delivered.
    QCOMPARE(idsIn(readAll(bs(), "dlq.out", 1)).size(), std::size_t(50));
    auto dead = readAll(bs(), "dlq.poison-group.dlq.in", 1);
    QCOMPARE(dead.size(), std::size_t(1));
    const Msg& d = dead.front();
    QCOMPARE(d.key, poison.key);
    QCOMPARE(d.value, poison.value);
    QCOMPARE(d.timestamp, poison.timestamp);
    std::map<std::string, std::string> h(d.headers.begin(), d.headers.end());
    QCOMPARE(h["traceparent"], std::string("00-abc-01"));
    QCOMPARE(h["__connect.errors.topic"], std::string("dlq.in"));
    QCOMPARE(h["__connect.errors.partition"], std::string("1"));
    QCOMPARE(h["__connect.errors.offset"], std::string("10"));
    QCOMPARE(h["__connect.errors.connector.name"], std::string("in"));
    QCOMPARE(h["__connect.errors.stage"], std::string("VALUE_CONVERTER"));
    QCOMPARE(h["__connect.errors.exception.class.name"], std::string("streamwright.ParseError"));
    QCOMPARE(h["__connect.errors.class.name"], std::string("parse"));
    QVERIFY(h["__connect.errors.exception.message"].find("JSON") != std::string::npos);
    // Everything, the poison record included (acknowledged by the DLQ), was committed.
    QVERIFY(waitFor(
        [&] {
            return committedOffset(bs(), "poison-group", "dlq.in", 0) == 25 &&
                   committedOffset(bs(), "poison-group", "dlq.in", 1) == 26;
        },
        10000));
}

void TestKafkaPipeline::expressionErrorKeepsTheMessageBytes()
{
    // A message that decodes but fails a filter expression (100 / id with id = 0) reaches the
    // SQLite DLQ with its exact key, value, headers and timestamp: the source keeps the bytes
    // because the filter's errors output is connected.
    QVERIFY(m_broker->createTopic("raw.in", 2));
    std::vector<Msg> msgs = idMessages(1, 41, 2);
    Msg bad;
    bad.key = std::string("\x00k\xff\x01", 4);
    bad.hasKey = true;
    bad.value = "{\"id\":  0 , \"payload\": \"Gr\xC3\xBC\xC3\x9F"
                "e \xE6\x9D\xB1\xE4\xBA\xAC\"}  ";
    bad.partition = 1;
    bad.timestamp = 1704067444000;
    bad.headers = {{"traceparent", "00-abc-01"},
                   {"bin", std::string("\x00\x01\xfe", 3)},
                   {"traceparent", "second"}};
    msgs.insert(msgs.begin() + 11, bad);
    QCOMPARE(produce(bs(), "raw.in", msgs), 41);
    QTemporaryDir dir;
    const std::string dlq = dir.filePath("dlq.sqlite").toStdString();
    std::string pipeline = R"({"format": "streamwright.pipeline/1",
      "pipeline": {"name": "raw-test", "parallelism": 1},
      "nodes": [
        {"id": "in", "type": "kafka-source", "properties": {"topic": "raw.in", "group_id": "raw-group",
           "partitions": 2, "format": "json", "watermark": "processing-time",
           "schema": [{"name": "id", "type": "BIGINT"}, {"name": "payload", "type": "STRING"}]}},
        {"id": "f", "type": "filter", "properties": {"condition": "100 / id > 0"}},
        {"id": "out", "type": "kafka-sink", "properties": {"topic": "raw.out", "partitions": 1}},
        {"id": "dead", "type": "dlq", "properties": {"target": "sqlite", "path": ")" +
                           dlq + R"("}}
      ],
      "edges": [{"from": {"node": "in", "port": "out"}, "to": {"node": "f", "port": "in"}},
                {"from": {"node": "f", "port": "out"}, "to": {"node": "out", "port": "in"}},
                {"from": {"node": "f", "port": "errors"}, "to": {"node": "dead", "port": "in"}}]})";
    Run run;
    std::string err;
    QVERIFY2(run.start(pipeline, &err), err.c_str());
    QVERIFY2(run.waitUntil(
                 [&](const MetricsSnapshot& s) {
                     const NodeMetrics* m = nodeOf(s, "out");
                     const NodeMetrics* d = nodeOf(s, "dead");
                     return m && d && m->recordsIn >= 40 && d->recordsIn >= 1;
                 },
                 60000),
             errorsOf(run.events).c_str());
    QVERIFY(run.stop());
    QVERIFY2(errorsOf(run.events).empty(), errorsOf(run.events).c_str());
    auto dead = readDeadLetters("sqlite", dlq);
    QVERIFY(dead);
    QCOMPARE(dead->size(), std::size_t(1));
    const DeadLetter& d = dead->front();
    QCOMPARE(d.errorClass, std::string("expression"));
    QCOMPARE(d.nodeId, std::string("f"));
    QCOMPARE(d.sourceTopic.value_or(""), std::string("raw.in"));
    QCOMPARE(d.sourcePartition.value_or(-1), std::int64_t(1));
    QCOMPARE(d.sourceOffset.value_or(-1), std::int64_t(6)); // after ids 1, 3, ..., 11
    QVERIFY(d.rawKey && *d.rawKey == bad.key);
    QVERIFY(d.rawValue && *d.rawValue == bad.value);
    QVERIFY(d.rawHeaders == bad.headers);
    QCOMPARE(d.rawTimestamp.value_or(-1), bad.timestamp);
    QVERIFY(d.record && d.record->find("\"id\": 0") != std::string::npos);
}

void TestKafkaPipeline::twoInstancesShareAGroup()
{
    QVERIFY(m_broker->createTopic("share.in", 4));
    QCOMPARE(produce(bs(), "share.in", idMessages(0, 2000, 4)), 2000);
    std::string p = passThrough("share", "share.in", "share.out", "share-group");
    Run a, b;
    std::string err;
    QVERIFY2(a.start(p, &err), err.c_str());
    QVERIFY2(b.start(p, &err), err.c_str());
    // Both instances (2 subtasks each = 4 consumers) hold partitions of the group.
    auto assignedNodes = [&] {
        int withParts = 0;
        for (const SourceLag& s : LagRegistry::instance().snapshot())
            if (s.groupId == "share-group" && !s.partitions.empty()) ++withParts;
        return withParts;
    };
    auto uniqueOut = [&] {
        auto ids = idsIn(readAll(bs(), "share.out", 4, 5000));
        return std::set<std::int64_t>(ids.begin(), ids.end()).size();
    };
    QVERIFY2(
        a.waitUntil(
            [&](const MetricsSnapshot&) { return assignedNodes() >= 3 && uniqueOut() >= 2000; },
            90000),
        (errorsOf(a.events) + errorsOf(b.events)).c_str());
    auto sa = a.engine.snapshot(), sb = b.engine.snapshot();
    QVERIFY(sa.node("in")->recordsOut > 0);
    QVERIFY(sb.node("in")->recordsOut > 0);
    // B stops (drains, commits); A takes over its partitions and reads what arrives next.
    QVERIFY(b.stop());
    QVERIFY2(errorsOf(b.events).empty(), errorsOf(b.events).c_str());
    QCOMPARE(produce(bs(), "share.in", idMessages(2000, 4000, 4)), 2000);
    QVERIFY2(a.waitUntil([&](const MetricsSnapshot&) { return uniqueOut() >= 4000; }, 90000),
             errorsOf(a.events).c_str());
    QVERIFY(a.stop());
    QVERIFY2(errorsOf(a.events).empty(), errorsOf(a.events).c_str());
    auto ids = idsIn(readAll(bs(), "share.out", 4));
    std::set<std::int64_t> unique(ids.begin(), ids.end());
    QCOMPARE(unique.size(), std::size_t(4000)); // no loss
    QCOMPARE(*unique.begin(), std::int64_t(0));
    QCOMPARE(*unique.rbegin(), std::int64_t(3999));
    qInfo("duplicates after takeover: %zu", ids.size() - unique.size());
}

void TestKafkaPipeline::externalClientsOnBothEnds()
{
    SW_REQUIRE_TOOL(Kcat);
    SW_REQUIRE_TOOL(PythonConfluentKafka);
    QVERIFY(m_broker->createTopic("ext.in", 4));
    Run run;
    std::string err;
    QVERIFY2(run.start(passThrough("ext", "ext.in", "ext.out", "ext-group"), &err), err.c_str());
    // kcat produces into the topic the pipeline consumes...
    std::string lines;
    for (int i = 0; i < 100; ++i)
        lines += "{\"id\":" + std::to_string(i) + ",\"payload\":\"kcat\"}\n";
    QCOMPARE(runCommand("printf '" + lines + "' | kcat -P -b " + bs() + " -t ext.in 2>&1"), 0);
    // ...and so does Python confluent-kafka.
    std::string out;
    QCOMPARE(runCommand("/usr/bin/python3 -c \"import confluent_kafka as ck\n"
                        "p = ck.Producer({'bootstrap.servers': '" +
                            bs() +
                            "'})\n"
                            "for i in range(100, 200): p.produce('ext.in', key=str(i), "
                            "value='{\\\"id\\\":%d,\\\"payload\\\":\\\"py\\\"}' % i)\n"
                            "p.flush(10)\" 2>&1",
                        &out),
             0);
    QVERIFY2(
        run.waitUntil([&](const MetricsSnapshot& s) { return nodeOf(s, "out")->recordsIn >= 200; },
                      60000),
        (out + errorsOf(run.events)).c_str());
    // Python consumes what the pipeline produced (JSON values keyed by id).
    QCOMPARE(runCommand("/usr/bin/python3 -c \"import confluent_kafka as ck, json\n"
                        "c = ck.Consumer({'bootstrap.servers': '" +
                            bs() +
                            "', 'group.id': 'py-reader', 'auto.offset.reset': 'earliest'})\n"
                            "c.subscribe(['ext.out'])\n"
                            "ids = set()\n"
                            "import time\n"
                            "end = time.time() + 30\n"
                            "while len(ids) < 200 and time.time() < end:\n"
                            "    m = c.poll(0.5)\n"
                            "    if m is None or m.error(): continue\n"
                            "    v = json.loads(m.value())\n"
                            "    assert m.key().decode() == str(v['id'])\n"
                            "    ids.add(v['id'])\n"
                            "c.close()\n"
                            "print(len(ids), min(ids), max(ids))\" 2>&1",
                        &out),
             0);
    QCOMPARE(out, std::string("200 0 199\n"));
    // kcat reads it too.
    QCOMPARE(
        runCommand(
            "kcat -C -b " + bs() +
                " -t ext.out -e -o beginning -q -f '%k\\n' 2>/dev/null | sort -n | uniq | wc -l",
            &out),
        0);
    QCOMPARE(out.substr(0, out.find_first_not_of("0123456789")), std::string("200"));
    QVERIFY(run.stop());
    QVERIFY2(errorsOf(run.events).empty(), errorsOf(run.events).c_str());
}

void TestKafkaPipeline::ordersKafkaExampleRuns()
{
    auto p = loadPipelineFile(std::string(SW_SOURCE_DIR) + "/examples/orders-kafka.pipeline.json");
    QVERIFY2(p, p ? "" : p.error().toString().c_str());
    auto kafka = preparePipelineKafka(*p);
    QVERIFY2(kafka, kafka ? "" : kafka.error().message.c_str());
    QVERIFY(kafka->describe().find(bs()) != std::string::npos);
    for (const char* t :
         {"orders.created", "metrics.orders.revenue", "dlq.order-processor.orders.created"})
        QVERIFY2(m_broker->knownPartitions(t) > 0, t);
    Engine engine;
    EngineOptions o;
    o.drainTimeoutMs = 20000;
    QVERIFY(engine.start(*p, o));
    // Let it run until the consumer side has read a few thousand orders.
    std::vector<EngineEvent> events;
    bool progressed = false;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    while (!progressed && std::chrono::steady_clock::now() < deadline) {
        auto ev = engine.pollEvents();
        events.insert(events.end(), ev.begin(), ev.end());
        auto s = engine.snapshot();
        progressed = s.node("orders_in")->recordsOut >= 3000;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    QVERIFY2(progressed, errorsOf(events).c_str());
    // Lag metrics of the consumer group, per partition (each of the three subtasks publishes
    // its assignment within a second of getting it; the group may still be settling); nothing
    // lost to the embedded broker's retention (the sink paces on the consumer's lag).
    std::uint64_t lost = 0;
    auto partitions = [&] {
        int n = 0;
        for (const SourceLag& l : LagRegistry::instance().snapshot())
            if (l.groupId == "order-processor") {
                n += static_cast<int>(l.partitions.size());
                lost += l.recordsLost;
            }
        return n;
    };
    QVERIFY(waitFor([&] { return partitions() == 3; }, 20000));
    QCOMPARE(lost, std::uint64_t(0));
    engine.stop(StopMode::Drain);
    QVERIFY(engine.wait(60000));
    auto ev = engine.pollEvents();
    events.insert(events.end(), ev.begin(), ev.end());
    QVERIFY2(errorsOf(events).empty(), errorsOf(events).c_str());
    // The stop fired no open 5-minute window (a restart recomputes them from replay): the
    // group committed, per partition, at most the first record of the oldest open window, so
    // it is below the end of what was read; windows that closed while running are complete.
    std::map<int, std::int64_t> inTopic;
    for (const Msg& m : readAll(bs(), "orders.created", 3))
        ++inTopic[m.partition];
    for (int part = 0; part < 3; ++part) {
        std::int64_t c = committedOffset(bs(), "order-processor", "orders.created", part);
        QVERIFY2(c >= 0 && c < inTopic[part],
                 (std::to_string(c) + " of " + std::to_string(inTopic[part])).c_str());
    }
    for (const Msg& m : readAll(bs(), "metrics.orders.revenue", 3)) {
        auto j = nlohmann::json::parse(m.value);
        QVERIFY(j.contains("window_start") && j.contains("revenue") && j.contains("category"));
    }
    QCOMPARE(engine.snapshot().node("orders_out")->errors, std::uint64_t(0));
}

QTEST_GUILESS_MAIN(TestKafkaPipeline)
#include "tst_kafka_pipeline.moc"
