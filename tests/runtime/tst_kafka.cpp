// Kafka connector: commit holds, client config and secrets, codecs, the embedded broker
// with external clients (kcat, Python confluent-kafka), and the sink operator.
#include <QtTest/QtTest>

#include "ExternalTools.h"
#include "connectors/format/TextCodec.h"
#include "connectors/kafka/ClientConfig.h"
#include "connectors/kafka/EmbeddedBroker.h"
#include "connectors/kafka/KafkaEndpoint.h"
#include "connectors/kafka/KafkaSink.h"
#include "connectors/kafka/RecordCodec.h"
#include "exec/OperatorRegistry.h"
#include "exec/SourceHolds.h"
#include "tst_kafka_support.h"

using namespace sw::runtime;
using namespace sw::runtime::kafka;
using namespace sw::test;

class TestKafka : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sourceHoldsKeepTheLowestPosition();
    void windowHoldsFollowTheirState_data();
    void windowHoldsFollowTheirState();
    void dedupLinksDuplicatesToTheirOriginals();
    void topicListParsing();
    void secretsAreRedacted();
    void producerDefaultsAndOverrides();
    void jsonCsvRawDecoding();
    void encodingKeysAndValues();
    void embeddedBrokerServesKcatAndPython();
    void preparePipelineCreatesAllTopics();
    void sinkProducesKeyedRecords();
    void sinkDeliveryFailuresGoToErrors();

private:
    std::shared_ptr<EmbeddedBroker> m_broker;
};

void TestKafka::initTestCase()
{
    auto b = EmbeddedBroker::shared();
    QVERIFY2(b, b ? "" : b.error().message.c_str());
    m_broker = *b;
}

void TestKafka::sourceHoldsKeepTheLowestPosition()
{
    auto a = std::make_shared<const std::string>("t");
    auto b = std::make_shared<const std::string>("t"); // another source subtask, same topic
    SourceHolds h;
    QVERIFY(h.empty());
    h.hold(Provenance{Provenance::Kind::Kafka, 0, 10, a, nullptr});
    h.hold(Provenance{Provenance::Kind::Kafka, 0, 7, a, nullptr});
    h.hold(Provenance{Provenance::Kind::Kafka, 0, 12, a, nullptr});
    h.hold(Provenance{Provenance::Kind::Kafka, 1, 3, a, nullptr});
    h.hold(Provenance{Provenance::Kind::Kafka, 0, 1, b, nullptr});
    h.hold(Provenance{Provenance::Kind::File, 0, 0, a, nullptr}); // files are not committed
    QCOMPARE(h.lowest(a.get(), 0), std::optional<std::int64_t>(7));
    QCOMPARE(h.lowest(a.get(), 1), std::optional<std::int64_t>(3));
    QCOMPARE(h.lowest(b.get(), 0), std::optional<std::int64_t>(1));
    QVERIFY(!h.lowest(a.get(), 2));
    SourceHolds other;
    other.hold(a.get(), 1, 2);
    other.hold(a.get(), 2, 40);
    h.merge(other);
    QCOMPARE(h.lowest(a.get(), 1), std::optional<std::int64_t>(2));
    QCOMPARE(h.lowest(a.get(), 2), std::optional<std::int64_t>(40));
    QCOMPARE(h.entries().size(), std::size_t(4));
}

void TestKafka::windowHoldsFollowTheirState_data()
{
    QTest::addColumn<QString>("type");
    QTest::newRow("tumbling") << "tumbling-window";
    QTest::newRow("session") << "session-window";
}

void TestKafka::windowHoldsFollowTheirState()
{
    // Records from Kafka absorbed into a window hold their offsets until the window fired (and
    // its state is gone); records from other sources hold nothing.
    QFETCH(QString, type);
    Schema in({{"k", DataType::string()}, {"ts", DataType::timestamp()}});
    in.setRowtime("ts");
    nlohmann::json props = {
        {"keys", {"k"}}, {"aggregates", {{{"function", "COUNT"}, {"column", "*"}, {"as", "n"}}}}};
    props[type == "tumbling-window" ? "size" : "gap"] = "1 min";
    NodeFixture fx(type.toStdString(), "win", props, {in});
    QVERIFY2(fx.diagnostics.empty(), fx.diagnostics.c_str());
    auto op = (*builtinOperators().find(fx.nodeType->name))(fx.spec());
    QVERIFY2(op, op ? "" : op.error().message.c_str());
    auto ctx = fx.context();
    QVERIFY((*op)->open(*ctx));
    auto origin = std::make_shared<const std::string>("t");
    Capture cap;
    RecordBatch batch;
    auto add = [&](const char* k, std::int64_t ts, std::int32_t p, std::int64_t off,
                   Provenance::Kind kind = Provenance::Kind::Kafka) {
        Record r(Row{Value::string(k), Value::timestamp(ts)}, ts);
        r.provenance = {kind, p, off, origin, nullptr};
        batch.appendSwap(r);
    };
    const std::int64_t t0 = 1704067200000LL;
    add("a", t0 + 1000, 0, 10);
    add("a", t0 + 2000, 0, 11);
    add("b", t0 + 70000, 0, 12); // a later window / session
    add("a", t0 + 3000, 1, 5);
    add("a", t0 + 4000, 2, 1, Provenance::Kind::File);
    (*op)->processBatch(0, batch, cap.collector);
    SourceHolds h;
    (*op)->collectHolds(h);
    QCOMPARE(h.lowest(origin.get(), 0), std::optional<std::int64_t>(10));
    QCOMPARE(h.lowest(origin.get(), 1), std::optional<std::int64_t>(5));
    QVERIFY(!h.lowest(origin.get(), 2));
    std::vector<ReplayUnit> units;
    (*op)->collectReplayUnits(units);
    QVERIFY(units.empty()); // nothing fired yet
    // The first window / session fires and is purged: only the later one holds.
    (*op)->processWatermark(t0 + 65000, cap.collector);
    cap.drain();
    QVERIFY(!cap.out.empty());
    h.clear();
    (*op)->collectHolds(h);
    QCOMPARE(h.lowest(origin.get(), 0), std::optional<std::int64_t>(12));
    QVERIFY(!h.lowest(origin.get(), 1));
    // A fired tumbling window becomes one replay unit over all its keys (Kafka records only);
    // sessions report none (see SessionWindowOperator.h).
    (*op)->collectReplayUnits(units);
    if (type == "tumbling-window") {
        QCOMPARE(units.size(), std::size_t(1));
        const auto& r = units[0].ranges();
        QCOMPARE(r.size(), std::size_t(2));
        QVERIFY(r[0].origin == origin.get() && r[0].partition == 0 && r[0].lo == 10 &&
                r[0].hi == 11);
        QVERIFY(r[1].origin == origin.get() && r[1].partition == 1 && r[1].lo == 5 && r[1].hi == 5);
    } else {
        QVERIFY(units.empty());
    }
    units.clear();
    (*op)->collectReplayUnits(units);
    QVERIFY(units.empty()); // handed out once
    (*op)->processWatermark(t0 + 200000, cap.collector);
    h.clear();
    (*op)->collectHolds(h);
    QVERIFY(h.empty());
    (*op)->collectReplayUnits(units);
    QCOMPARE(units.size(), std::size_t(type == "tumbling-window" ? 1 : 0));
    (*op)->close();
}

void TestKafka::dedupLinksDuplicatesToTheirOriginals()
{
    // A dropped duplicate and its original (both from Kafka) form one replay unit; dedup holds
    // nothing.
    Schema in({{"id", DataType::bigint()}, {"ts", DataType::timestamp()}});
    in.setRowtime("ts");
    NodeFixture fx("dedup", "dd", {{"keys", {"id"}}, {"ttl", "1 h"}}, {in});
    QVERIFY2(fx.diagnostics.empty(), fx.diagnostics.c_str());
    auto op = (*builtinOperators().find(fx.nodeType->name))(fx.spec());
    QVERIFY2(op, op ? "" : op.error().message.c_str());
    auto ctx = fx.context();
    QVERIFY((*op)->open(*ctx));
    auto origin = std::make_shared<const std::string>("t");
    Capture cap;
    RecordBatch batch;
    const std::int64_t t0 = 1704067200000LL;
    auto add = [&](std::int64_t id, std::int32_t p, std::int64_t off,
                   Provenance::Kind kind = Provenance::Kind::Kafka) {
        Record r(Row{Value::integer(id), Value::timestamp(t0)}, t0);
        r.provenance = {kind, p, off, origin, nullptr};
        batch.appendSwap(r);
    };
    add(1, 0, 3);
    add(2, 0, 4);
    add(1, 1, 9);                         // duplicate of 1
    add(2, 2, 1, Provenance::Kind::File); // duplicate of 2 from a file: no unit
    (*op)->processBatch(0, batch, cap.collector);
    cap.drain();
    QCOMPARE(cap.out.size(), std::size_t(2));
    SourceHolds h;
    (*op)->collectHolds(h);
    QVERIFY(h.empty());
    std::vector<ReplayUnit> units;
    (*op)->collectReplayUnits(units);
    QCOMPARE(units.size(), std::size_t(1));
    const auto& r = units[0].ranges();
    QCOMPARE(r.size(), std::size_t(2));
    QVERIFY(r[0].partition == 0 && r[0].lo == 3 && r[0].hi == 3);
    QVERIFY(r[1].partition == 1 && r[1].lo == 9 && r[1].hi == 9);
    units.clear();
    (*op)->collectReplayUnits(units);
    QVERIFY(units.empty());
    (*op)->close();
}

void TestKafka::topicListParsing()
{
    auto l = parseTopicList("orders.created:3,metrics:1,plain");
    QVERIFY(l);
    QCOMPARE(l->size(), std::size_t(3));
    QCOMPARE((*l)[0], (TopicSpec{"orders.created", 3}));
    QCOMPARE((*l)[2], (TopicSpec{"plain", 1}));
    QVERIFY(!parseTopicList("a:0"));
    QVERIFY(!parseTopicList("bad topic:2"));
    QVERIFY(!parseTopicList("a:x"));
    QVERIFY(parseTopicList("")->empty());
}

void TestKafka::secretsAreRedacted()
{
    const std::string canary = "CANARY-unit-5e1f";
    ClientConfig c = ClientConfig::defaults(ClientConfig::Role::Consumer);
    QVERIFY(c.merge({{"sasl.password", canary},
                     {"ssl.key.password", canary + "-2"},
                     {"sasl.username", "alice"}}));
    std::string d = c.describe();
    QVERIFY(d.find(canary) == std::string::npos);
    QVERIFY(d.find("sasl.password=******") != std::string::npos);
    QVERIFY(d.find("sasl.username=alice") != std::string::npos);
    QVERIFY(d.find("enable.auto.commit=false") != std::string::npos);
    Redactor r = c.redactor();
    QCOMPARE(r.apply("login " + canary + "-2 and " + canary),
             std::string("login ****** and ******"));
    // Registered globally: text leaving the runtime is redacted too.
    QVERIFY(redactSecrets("x=" + canary).find(canary) == std::string::npos);
    // A rejected property value never echoes a secret.
    ClientConfig bad;
    bad.set("sasl.password", canary);
    bad.set("queued.max.messages.kbytes", canary);
    auto built = bad.build();
    QVERIFY(!built);
    QVERIFY(built.error().message.find(canary) == std::string::npos);
    QVERIFY(built.error().message.find("queued.max.messages.kbytes") != std::string::npos);
}

void TestKafka::producerDefaultsAndOverrides()
{
    ClientConfig p = ClientConfig::defaults(ClientConfig::Role::Producer);
    QCOMPARE(*p.find("acks"), std::string("all"));
    QCOMPARE(*p.find("enable.idempotence"), std::string("true"));
    QCOMPARE(*p.find("compression.type"), std::string("lz4"));
    QCOMPARE(*p.find("linger.ms"), std::string("5"));
    QCOMPARE(*p.find("batch.size"), std::string("32768"));
    QVERIFY(p.merge({{"linger.ms", "50"}, {"compression.type", "zstd"}}));
    QCOMPARE(*p.find("linger.ms"), std::string("50"));
    QCOMPARE(*p.find("compression.type"), std::string("zstd"));
    QVERIFY(!p.merge({{"linger.ms", 50}})); // values must be strings
    auto conf = p.build();
    QVERIFY(conf);
    rd_kafka_conf_destroy(*conf);
    ClientConfig c = ClientConfig::defaults(ClientConfig::Role::Consumer);
    QCOMPARE(*c.find("enable.auto.commit"), std::string("false"));
}

void TestKafka::jsonCsvRawDecoding()
{
    Schema s({{"id", DataType::bigint().withNullable(false)},
              {"amount", DataType::decimal(10, 2)},
              {"ts", DataType::timestamp()},
              {"name", DataType::string()}});
    ValueDecoder json(Format::Json, s);
    Row row;
    std::string v =
        R"({"name":"a,b","id":7,"amount":12.3,"ts":"2024-01-01 00:00:01.500","extra":[1]})";
    QVERIFY2(json.decode(v.data(), v.size(), row), json.error().c_str());
    QCOMPARE(row.size(), std::size_t(4));
    QVERIFY(row[0] == Value::integer(7));
    QVERIFY(row[1] == Value::decimal(1230, 2));
    QCOMPARE(row[2].asTimestamp(), std::int64_t(1704067201500));
    QCOMPARE(row[3].asString(), std::string("a,b"));
    std::string bad = "{\"id\": 1,";
    QVERIFY(!json.decode(bad.data(), bad.size(), row));
    QVERIFY(json.errorClass() == ErrorClass::Parse);
    std::string wrongType = R"({"id":"seven"})";
    QVERIFY(!json.decode(wrongType.data(), wrongType.size(), row));
    QVERIFY(json.errorClass() == ErrorClass::Type);
    QVERIFY(!json.decode(nullptr, 0, row)); // tombstone

    ValueDecoder csv(Format::Csv, s);
    std::string line = "7,12.30,2024-01-01 00:00:01,\"a,\"\"b\"\"\"\n";
    QVERIFY2(csv.decode(line.data(), line.size(), row), csv.error().c_str());
    QVERIFY(row[0] == Value::integer(7));
    QCOMPARE(row[3].asString(), std::string("a,\"b\""));
    std::string empty = "8,,,";
    QVERIFY2(csv.decode(empty.data(), empty.size(), row), csv.error().c_str());
    QVERIFY(row[1].isNull() && row[2].isNull());
    QCOMPARE(row[3].asString(), std::string());
    std::string fields = "1,2";
    QVERIFY(!csv.decode(fields.data(), fields.size(), row));
    std::string nullId = ",1.00,,x";
    QVERIFY(!csv.decode(nullId.data(), nullId.size(), row));
    QVERIFY(csv.errorClass() == ErrorClass::Type);

    ValueDecoder raw(Format::Raw, Schema({{"value", DataType::string()}}));
    std::string bytes("\x00\xff\x01", 3);
    QVERIFY(raw.decode(bytes.data(), bytes.size(), row));
    QCOMPARE(row[0].asString(), bytes);
    QVERIFY(raw.decode(nullptr, 0, row));
    QVERIFY(row[0].isNull());
}

void TestKafka::encodingKeysAndValues()
{
    Schema s({{"id", DataType::bigint()},
              {"cat", DataType::string()},
              {"amount", DataType::decimal(10, 2)}});
    Row row{Value::integer(5), Value::string("books"), Value::decimal(1250, 2)};
    std::string out;
    RowEncoder one(Format::Json, s, {1});
    one.encodeValue(row, out);
    QCOMPARE(out, std::string(R"({"id":5,"cat":"books","amount":12.50})"));
    QVERIFY(one.encodeKey(row, out));
    QCOMPARE(out, std::string("books"));
    RowEncoder two(Format::Csv, s, {0, 1});
    two.encodeValue(row, out);
    QCOMPARE(out, std::string("5,books,12.50"));
    QVERIFY(two.encodeKey(row, out));
    QCOMPARE(out, std::string(R"({"id":5,"cat":"books"})"));
    RowEncoder none(Format::Json, s, {});
    QVERIFY(!none.encodeKey(row, out));
    Row quoted{Value::integer(1), Value::string("a,\"b\""), Value::null()};
    two.encodeValue(quoted, out);
    QCOMPARE(out, std::string("1,\"a,\"\"b\"\"\","));
}

void TestKafka::embeddedBrokerServesKcatAndPython()
{
    SW_REQUIRE_TOOL(Kcat);
    SW_REQUIRE_TOOL(PythonConfluentKafka);
    auto b = EmbeddedBroker::start(2);
    QVERIFY(b);
    const std::string bs = (*b)->bootstrapServers();
    QVERIFY(bs.rfind("127.0.0.1:", 0) == 0);
    QVERIFY((*b)->createTopic("ext.kcat", 2));
    int existing = 0;
    QVERIFY((*b)->createTopic("ext.kcat", 5, &existing));
    QCOMPARE(existing, 2);
    std::string out;
    // kcat produces keyed messages into partition 1 and reads them back.
    QCOMPARE(
        runCommand("printf 'k1:v1\\nk2:v2\\n' | kcat -P -b " + bs + " -t ext.kcat -p 1 -K: 2>&1",
                   &out),
        0);
    auto msgs = readAll(bs, "ext.kcat", 2);
    QCOMPARE(msgs.size(), std::size_t(2));
    QCOMPARE(msgs[0].key, std::string("k1"));
    QCOMPARE(msgs[1].value, std::string("v2"));
    QCOMPARE(msgs[0].partition, 1);
    QCOMPARE(runCommand("kcat -C -b " + bs +
                            " -t ext.kcat -e -o beginning -q -f '%p:%k=%s\\n' 2>/dev/null",
                        &out),
             0);
    QCOMPARE(out, std::string("1:k1=v1\n1:k2=v2\n"));
    // Python confluent-kafka (Debian's python3-confluent-kafka) reaches it too.
    std::string py = "/usr/bin/python3 -c \"import confluent_kafka as ck\n"
                     "p = ck.Producer({'bootstrap.servers': '" +
                     bs +
                     "'})\n"
                     "p.produce('ext.kcat', key=b'py', value=b'hello', partition=0)\n"
                     "p.flush(10)\n"
                     "c = ck.Consumer({'bootstrap.servers': '" +
                     bs +
                     "', 'group.id': 'py', 'auto.offset.reset': 'earliest'})\n"
                     "c.assign([ck.TopicPartition('ext.kcat', 0, 0)])\n"
                     "m = c.poll(10)\n"
                     "print(m.key().decode(), m.value().decode())\n"
                     "c.close()\" 2>&1";
    QCOMPARE(runCommand(py, &out), 0);
    QCOMPARE(out, std::string("py hello\n"));
    // Broker faults: a broker down refuses connections, up again serves.
    QVERIFY((*b)->setBrokerDown(1));
    QVERIFY((*b)->setBrokerUp(1));
    QVERIFY(!(*b)->setBrokerDown(7));
}

void TestKafka::preparePipelineCreatesAllTopics()
{
    SW_REQUIRE_TOOL(Kcat);
    PipelineSpec p;
    NodeSpec src;
    src.id = "in";
    src.type = "kafka-source";
    src.properties = {{"topic", "prep.in"}, {"group_id", "prep-group"}, {"partitions", 4}};
    NodeSpec sink;
    sink.id = "out";
    sink.type = "kafka-sink";
    sink.properties = {{"topic", "prep.out"}, {"partitions", 2}};
    NodeSpec dlq;
    dlq.id = "dlq";
    dlq.type = "dlq";
    dlq.properties = {{"target", "kafka"}};
    p.nodes = {src, sink, dlq};
    p.edges = {{{"in", "out"}, {"out", "in"}}, {{"in", "errors"}, {"dlq", "in"}}};
    auto k = preparePipelineKafka(p);
    QVERIFY2(k, k ? "" : k.error().message.c_str());
    QVERIFY(k->broker);
    QCOMPARE(k->broker.get(), m_broker.get()); // the shared broker
    QCOMPARE(m_broker->knownPartitions("prep.in"), 4);
    QCOMPARE(m_broker->knownPartitions("prep.out"), 2);
    QCOMPARE(m_broker->knownPartitions("dlq.prep-group.prep.in"), 1);
    std::string d = k->describe();
    QVERIFY(d.find(m_broker->bootstrapServers()) != std::string::npos);
    QVERIFY(d.find("prep.in[4]") != std::string::npos);
    // Metadata as seen by an external client.
    std::string out;
    QCOMPARE(runCommand("kcat -L -b " + m_broker->bootstrapServers() + " -t prep.in 2>&1", &out),
             0);
    QVERIFY(out.find("with 4 partitions") != std::string::npos);
}

namespace {

/// Records of schema (id BIGINT, cat STRING, amount DECIMAL(10,2)) with Kafka provenance from
/// a fake source `origin`, partition 0, offsets 0..n-1.
std::vector<Record> sinkRecords(int n, const std::shared_ptr<const std::string>& origin)
{
    std::vector<Record> rs;
    const char* cats[] = {"books", "games", "garden"};
    for (int i = 0; i < n; ++i) {
        Record r;
        r.row = {Value::integer(i), Value::string(cats[i % 3]), Value::decimal(100 + i, 2)};
        r.timestamp = 1704067200000 + i;
        r.provenance = {Provenance::Kind::Kafka, 0, i, origin, nullptr};
        rs.push_back(std::move(r));
    }
    return rs;
}

} // namespace

void TestKafka::sinkProducesKeyedRecords()
{
    Schema in({{"id", DataType::bigint()},
               {"cat", DataType::string()},
               {"amount", DataType::decimal(10, 2)}});
    NodeFixture fx("kafka-sink", "sink",
                   {{"topic", "sink.keyed"}, {"key_fields", {"cat"}}, {"partitions", 3}}, {in});
    auto settings = sinkSettings(fx.spec());
    QVERIFY2(settings, settings ? "" : settings.error().message.c_str());
    QVERIFY(settings->endpoint.embedded);
    KafkaSink sink(std::move(*settings));
    auto ctx = fx.context();
    QVERIFY(sink.open(*ctx));

    auto origin = std::make_shared<const std::string>("fake.topic");
    Capture cap;
    RecordBatch batch;
    for (Record& r : sinkRecords(300, origin))
        batch.appendSwap(r);
    sink.processBatch(0, batch, cap.collector);
    // A checkpoint barrier: everything before it is delivered before the barrier passes.
    sink.prepareSnapshotPreBarrier(1, cap.collector);
    QCOMPARE(sink.delivered(), std::uint64_t(300));
    QCOMPARE(sink.inFlight(), std::uint64_t(0));
    sink.endOfInput(cap.collector);
    cap.drain();
    QCOMPARE(cap.errors.size(), std::size_t(0));
    QCOMPARE(sink.delivered(), std::uint64_t(300));
    sink.close();

    auto msgs = readAll(m_broker->bootstrapServers(), "sink.keyed", 3);
    QCOMPARE(msgs.size(), std::size_t(300));
    std::map<std::string, std::set<int>> partitionsByKey;
    std::set<std::string> values;
    for (const Msg& m : msgs) {
        partitionsByKey[m.key].insert(m.partition);
        values.insert(m.value);
    }
    QCOMPARE(partitionsByKey.size(), std::size_t(3));
    for (auto& [k, ps] : partitionsByKey)
        QCOMPARE(ps.size(), std::size_t(1)); // equal keys, one partition
    QVERIFY(values.count(R"({"id":7,"cat":"games","amount":1.07})"));
    QCOMPARE(values.size(), std::size_t(300));
    // The message timestamp is the record's event time.
    for (const Msg& m : msgs)
        if (m.value == R"({"id":7,"cat":"games","amount":1.07})")
            QCOMPARE(m.timestamp, std::int64_t(1704067200007));
}

void TestKafka::sinkDeliveryFailuresGoToErrors()
{
    // A private broker we can take down without disturbing the shared one.
    auto b = EmbeddedBroker::start(1);
    QVERIFY(b);
    QVERIFY((*b)->createTopic("sink.fail", 1));
    Schema in({{"id", DataType::bigint()},
               {"cat", DataType::string()},
               {"amount", DataType::decimal(10, 2)}});
    NodeFixture fx("kafka-sink", "sink_fail",
                   {{"topic", "sink.fail"},
                    {"bootstrap_servers", (*b)->bootstrapServers()},
                    {"properties", {{"message.timeout.ms", "1500"}}}},
                   {in});
    auto settings = sinkSettings(fx.spec());
    QVERIFY(settings);
    QVERIFY(!settings->endpoint.embedded);
    KafkaSink sink(std::move(*settings));
    auto ctx = fx.context();
    QVERIFY(sink.open(*ctx));
    QVERIFY((*b)->setBrokerDown(1));
    Capture cap;
    RecordBatch batch;
    auto origin = std::make_shared<const std::string>("fake.fail");
    for (Record& r : sinkRecords(10, origin))
        batch.appendSwap(r);
    sink.processBatch(0, batch, cap.collector);
    sink.endOfInput(cap.collector); // flush: every record is delivered or reported
    cap.drain();
    QCOMPARE(sink.delivered() + sink.failed(), std::uint64_t(10));
    QCOMPARE(cap.errors.size(), std::size_t(sink.failed()));
    QCOMPARE(sink.failed(), std::uint64_t(10));
    const Schema& es = errorSchema();
    const Record& e = cap.errors.front();
    QCOMPARE(e.row[static_cast<std::size_t>(es.indexOf("error_class"))].asString(),
             std::string("sink"));
    QCOMPARE(e.row[static_cast<std::size_t>(es.indexOf("node_id"))].asString(),
             std::string("node"));
    QVERIFY(e.row[static_cast<std::size_t>(es.indexOf("message"))].asString().find("sink.fail") !=
            std::string::npos);
    std::set<std::string> failedValues;
    for (const Record& r : cap.errors)
        failedValues.insert(r.row[static_cast<std::size_t>(es.indexOf("raw_value"))].asString());
    QVERIFY(failedValues.count(R"({"id":3,"cat":"books","amount":1.03})"));
    QCOMPARE(e.row[static_cast<std::size_t>(es.indexOf("source_topic"))].asString(),
             std::string("fake.fail"));
    sink.close();
}

QTEST_GUILESS_MAIN(TestKafka)
#include "tst_kafka.moc"
