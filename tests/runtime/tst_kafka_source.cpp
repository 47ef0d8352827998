// The kafka-source operator driven directly through the engine interfaces (open / poll /
// stopReading / close with a Collector we drain): decoding and errors, metadata, commits on
// checkpoint completion (below holds), start positions, retention loss, lag metrics, backpressure,
// direct partition assignment over subtasks, secrets.
#include <QtTest/QtTest>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>

#include "connectors/kafka/ClientConfig.h"
#include "connectors/kafka/EmbeddedBroker.h"
#include "connectors/kafka/KafkaSource.h"
#include "connectors/kafka/LagRegistry.h"
#include "tst_kafka_support.h"

using namespace sw::runtime;
using namespace sw::runtime::kafka;
using namespace sw::test;

namespace {

const nlohmann::json kSchema = nlohmann::json::array({{{"name", "id"}, {"type", "BIGINT"}},
                                                      {{"name", "name"}, {"type", "STRING"}},
                                                      {{"name", "ts"}, {"type", "TIMESTAMP(3)"}}});

nlohmann::json sourceProps(const std::string& topic, const std::string& group, int partitions,
                           nlohmann::json extra = nlohmann::json::object())
{
    nlohmann::json p = {{"topic", topic},           {"group_id", group},
                        {"partitions", partitions}, {"start_from", "committed"},
                        {"schema", kSchema},        {"timestamp_column", "ts"}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        p[it.key()] = *it;
    return p;
}

std::string jsonEvent(int id, int partition = 0)
{
    return "{\"id\":" + std::to_string(id) + ",\"name\":\"n" + std::to_string(id) +
           "\",\"ts\":" + std::to_string(1704067200000LL + id) + "}" + (partition < 0 ? "" : "");
}

std::vector<Msg> events(int from, int to, int partitions)
{
    std::vector<Msg> v;
    for (int i = from; i < to; ++i) {
        Msg m;
        m.key = "k" + std::to_string(i);
        m.hasKey = true;
        m.value = jsonEvent(i);
        m.partition = i % partitions;
        v.push_back(m);
    }
    return v;
}

/// One kafka-source subtask driven by the test thread.
struct Driver {
    Driver(nlohmann::json props, std::size_t capacity = 100000, std::size_t batch = 64)
        : fx("kafka-source", "src", std::move(props)), cap(capacity, batch)
    {
    }
    bool open(int subtask = 0, int parallelism = 1)
    {
        auto s = sourceSettings(fx.spec(subtask, parallelism));
        if (!s) {
            error = s.error().message;
            return false;
        }
        op = std::make_unique<KafkaSource>(std::move(*s));
        ctx = fx.context(subtask);
        Status st = op->open(*ctx);
        if (!st) error = st.message();
        return st.isOk();
    }
    /// Polls (and drains) until `pred` holds or `ms` pass.
    template <typename P> bool pollUntil(P pred, int ms)
    {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (std::chrono::steady_clock::now() < deadline) {
            op->poll(cap.collector, 512);
            cap.drain();
            if (pred()) return true;
        }
        return pred();
    }
    /// A checkpoint over everything received so far that completes at once (as the engine's
    /// coordinator would once the sinks made it durable), with `holds`.
    void checkpoint(const SourceHolds& holds = {})
    {
        struct NullWriter : StateWriter {
            void put(const std::string&, std::string) override {}
        } w;
        op->snapshotState(++checkpoints, w);
        op->notifyCheckpointComplete(checkpoints, holds);
    }
    std::int64_t checkpoints = 0;
    std::set<std::int64_t> ids() const
    {
        std::set<std::int64_t> s;
        for (const Record& r : cap.out)
            s.insert(r.row[0].asInt());
        return s;
    }
    NodeFixture fx;
    Capture cap;
    std::unique_ptr<KafkaSource> op;
    std::unique_ptr<OperatorContext> ctx;
    std::string error;
};

const Value& col(const Record& r, const char* name)
{
    return r.row[static_cast<std::size_t>(errorSchema().indexOf(name))];
}

} // namespace

class TestKafkaSource : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void decodesRecordsMetadataAndErrors();
    void rawFormatStringOrBytes();
    void commitsCompletedCheckpointsBelowHolds();
    void startPositions();
    void retentionLossIsCountedNotSkipped();
    void lagMetricsPerPartition();
    void backpressurePausesPartitions();
    void perPartitionWatermarks();
    void partitionOwnerIsFlinks();
    void subtasksSplitPartitionsDirectly();
    void canarySecretNeverAppears();

private:
    std::shared_ptr<EmbeddedBroker> m_broker;
    std::string bs() const { return m_broker->bootstrapServers(); }
};

void TestKafkaSource::initTestCase()
{
    auto b = EmbeddedBroker::shared();
    QVERIFY(b);
    m_broker = *b;
}

void TestKafkaSource::decodesRecordsMetadataAndErrors()
{
    QVERIFY(m_broker->createTopic("src.decode", 2));
    std::vector<Msg> msgs = events(0, 10, 2);
    // kafka_headers (Flink's headers metadata as JSON text): a repeated name keeps its last
    // value, bytes that are not UTF-8 become U+FFFD, none gives {}.
    msgs[3].headers = {{"trace", "t3"}, {"trace", "t3b"}};
    msgs[4].headers = {{"bin", std::string("\xff\x00x", 3)}, {"a", ""}};
    msgs[5].headers = {{"city", "Z\xc3\xbcrich"}};
    auto expectedHeaders = [](std::int64_t id) -> std::string {
        switch (id) {
        case 3:
            return R"({"trace":"t3b"})";
        case 4:
            return "{\"a\":\"\",\"bin\":\"\xef\xbf\xbd\\u0000x\"}";
        case 5:
            return "{\"city\":\"Z\xc3\xbcrich\"}";
        default:
            return "{}";
        }
    };
    Msg poison;
    poison.key = std::string("\x00\xff"
                             "key",
                             5);
    poison.hasKey = true;
    poison.value = std::string("{not json\x01\xfe", 11);
    poison.partition = 1;
    poison.timestamp = 1704067299000;
    poison.headers = {{"trace", "abc"}, {"bin", std::string("\x00\x01", 2)}};
    Msg wrongType;
    wrongType.value = R"({"id":"seven","name":"x"})";
    wrongType.partition = 0;
    Msg tombstone;
    tombstone.key = "gone";
    tombstone.hasKey = true;
    tombstone.hasValue = false;
    tombstone.partition = 0;
    msgs.push_back(poison);
    msgs.push_back(wrongType);
    msgs.push_back(tombstone);
    QCOMPARE(produce(bs(), "src.decode", msgs), 13);

    Driver d(sourceProps("src.decode", "g-decode", 2, {{"include_metadata", true}}));
    QVERIFY2(d.open(), d.error.c_str());
    QVERIFY(d.pollUntil([&] { return d.cap.out.size() >= 10 && d.cap.errors.size() >= 3; }, 30000));
    QCOMPARE(d.cap.out.size(), std::size_t(10));
    QCOMPARE(d.cap.errors.size(), std::size_t(3));
    // Output: data columns, then kafka_key, kafka_topic, kafka_partition, kafka_offset,
    // kafka_timestamp, kafka_headers.
    const Schema& os = d.fx.outputSchemas[0];
    QCOMPARE(os.indexOf("kafka_offset"), 6);
    QCOMPARE(os.indexOf("kafka_headers"), 8);
    for (const Record& r : d.cap.out) {
        std::int64_t id = r.row[0].asInt();
        QCOMPARE(r.row[1].asString(), "n" + std::to_string(id));
        QCOMPARE(r.row[3].asString(), "k" + std::to_string(id));
        QCOMPARE(r.row[4].asString(), std::string("src.decode"));
        QCOMPARE(r.row[5].asInt(), id % 2);
        QCOMPARE(r.row[6].asInt(), r.provenance.position);
        QVERIFY(!r.row[7].isNull());
        QCOMPARE(r.row[8].asString(), expectedHeaders(id));
        QCOMPARE(r.timestamp, 1704067200000LL + id); // event time from the ts column
        QVERIFY(r.provenance.kind == Provenance::Kind::Kafka);
    }
    // Errors keep the bytes exactly, with headers and position.
    const Record* p = nullptr;
    for (const Record& e : d.cap.errors)
        if (col(e, "error_class").asString() == "parse" && col(e, "source_partition").asInt() == 1)
            p = &e;
    QVERIFY(p);
    QCOMPARE(col(*p, "raw_key").asString(), poison.key);
    QCOMPARE(col(*p, "raw_value").asString(), poison.value);
    QCOMPARE(col(*p, "source_topic").asString(), std::string("src.decode"));
    QCOMPARE(col(*p, "source_offset").asInt(), std::int64_t(5));
    QVERIFY(col(*p, "message").asString().find("JSON") != std::string::npos);
    QVERIFY(p->provenance.raw);
    QCOMPARE(p->provenance.raw->headers.size(), std::size_t(2));
    QCOMPARE(p->provenance.raw->headers[1].second, std::string("\x00\x01", 2));
    QCOMPARE(p->provenance.raw->timestamp, poison.timestamp);
    int types = 0, tombstones = 0;
    for (const Record& e : d.cap.errors) {
        if (col(e, "error_class").asString() == "type") ++types;
        if (col(e, "message").asString().find("tombstone") != std::string::npos) {
            ++tombstones;
            QVERIFY(!e.provenance.raw->hasValue);
            QCOMPARE(col(e, "raw_key").asString(), std::string("gone"));
            QVERIFY(col(e, "raw_value").isNull() || col(e, "raw_value").asString().empty());
        }
    }
    QCOMPARE(types, 1);
    QCOMPARE(tombstones, 1);
    d.op->close();
}

void TestKafkaSource::rawFormatStringOrBytes()
{
    // format raw: the whole value in one column, `value STRING` by default or the one STRING or
    // BYTES column the schema declares (Flink's raw format); bytes kept exactly, a tombstone
    // gives NULL. More columns are refused.
    nlohmann::json base = {{"topic", "src.raw"}, {"group_id", "g-raw"},
                           {"partitions", 1},    {"start_from", "earliest"},
                           {"format", "raw"},    {"watermark", "processing-time"}};
    {
        NodeFixture def("kafka-source", "src", base);
        QVERIFY2(def.diagnostics.empty(), def.diagnostics.c_str());
        QCOMPARE(def.outputSchemas[0].size(), std::size_t(1));
        QCOMPARE(def.outputSchemas[0].fields()[0].name, std::string("value"));
        QVERIFY(def.outputSchemas[0].fields()[0].type.kind() == TypeKind::String);
        nlohmann::json two = base;
        two["schema"] = {{{"name", "a"}, {"type", "STRING"}}, {{"name", "b"}, {"type", "STRING"}}};
        NodeFixture bad("kafka-source", "src", two);
        QVERIFY2(bad.diagnostics.find("one STRING or BYTES column") != std::string::npos,
                 bad.diagnostics.c_str());
        nlohmann::json num = base;
        num["schema"] = {{{"name", "n"}, {"type", "BIGINT"}}};
        NodeFixture badType("kafka-source", "src", num);
        QVERIFY2(badType.diagnostics.find("one STRING or BYTES column") != std::string::npos,
                 badType.diagnostics.c_str());
    }
    QVERIFY(m_broker->createTopic("src.raw", 1));
    std::vector<Msg> msgs(3);
    msgs[0].value = "hello";
    msgs[1].value = std::string("\x00\xff\x01", 3);
    msgs[2].hasValue = false; // tombstone
    for (Msg& m : msgs)
        m.partition = 0;
    QCOMPARE(produce(bs(), "src.raw", msgs), 3);
    nlohmann::json props = base;
    props["schema"] = {{{"name", "payload"}, {"type", "BYTES"}}};
    Driver d(props);
    QVERIFY2(d.open(), d.error.c_str());
    const Schema& os = d.fx.outputSchemas[0];
    QCOMPARE(os.size(), std::size_t(1));
    QCOMPARE(os.fields()[0].name, std::string("payload"));
    QVERIFY(os.fields()[0].type.kind() == TypeKind::Bytes);
    QVERIFY(d.pollUntil([&] { return d.cap.out.size() >= 3; }, 30000));
    QCOMPARE(d.cap.out.size(), std::size_t(3));
    QCOMPARE(d.cap.out[0].row[0].asString(), std::string("hello"));
    QCOMPARE(d.cap.out[1].row[0].asString(), std::string("\x00\xff\x01", 3));
    QVERIFY(d.cap.out[2].row[0].isNull());
    QVERIFY(d.cap.errors.empty());
}

void TestKafkaSource::commitsCompletedCheckpointsBelowHolds()
{
    QVERIFY(m_broker->createTopic("src.ack", 1));
    QCOMPARE(produce(bs(), "src.ack", events(0, 100, 1)), 100);
    {
        Driver d(sourceProps("src.ack", "g-ack", 1));
        QVERIFY2(d.open(), d.error.c_str());
        QVERIFY(d.pollUntil([&] { return d.cap.out.size() >= 100; }, 30000));
        // No checkpoint completed: nothing may be committed.
        struct NullWriter : StateWriter {
            void put(const std::string&, std::string) override {}
        } w;
        d.op->snapshotState(1, w); // taken, never completed
        d.op->stopReading();
        QVERIFY(committedOffset(bs(), "g-ack", "src.ack", 0) <= 0);
        // Checkpoint 2 completes at position 100, but an open window still holds offset 20 of
        // this source (and offset 5 of another source subtask, which is not ours): commit 20.
        SourceHolds holds;
        holds.hold(d.cap.out.front().provenance.origin.get(), 0, 20);
        holds.hold(d.cap.out.front().provenance.origin.get(), 1, 3); // a partition we do not own
        auto other = std::make_shared<const std::string>("src.ack");
        holds.hold(other.get(), 0, 5);
        d.op->snapshotState(2, w);
        d.op->notifyCheckpointComplete(2, holds);
        d.op->close();
        QCOMPARE(committedOffset(bs(), "g-ack", "src.ack", 0), std::int64_t(20));
        QVERIFY(d.op->commits() >= 1);
    }
    // A new instance of the group continues at the first held record.
    Driver d2(sourceProps("src.ack", "g-ack", 1));
    QVERIFY(d2.open());
    QVERIFY(d2.pollUntil([&] { return d2.cap.out.size() >= 80; }, 30000));
    QCOMPARE(d2.cap.out.size(), std::size_t(80));
    QCOMPARE(d2.cap.out.front().provenance.position, std::int64_t(20));
    QCOMPARE(*d2.ids().begin(), std::int64_t(20));
    d2.checkpoint();
    d2.op->close();
    QCOMPARE(committedOffset(bs(), "g-ack", "src.ack", 0), std::int64_t(100));
}

void TestKafkaSource::startPositions()
{
    QVERIFY(m_broker->createTopic("src.start", 1));
    std::vector<Msg> msgs = events(0, 50, 1);
    for (int i = 0; i < 50; ++i)
        msgs[static_cast<std::size_t>(i)].timestamp = 1700000000000LL + i * 1000;
    QCOMPARE(produce(bs(), "src.start", msgs), 50);
    // An old committed offset is ignored by 'earliest' the first time the group gets the partition.
    QVERIFY(commitOffset(bs(), "g-earliest", "src.start", 0, 40));
    Driver e(sourceProps("src.start", "g-earliest", 1, {{"start_from", "earliest"}}));
    QVERIFY(e.open());
    QVERIFY(e.pollUntil([&] { return e.cap.out.size() >= 50; }, 30000));
    QCOMPARE(*e.ids().begin(), std::int64_t(0));
    e.op->close();
    // 'committed' honours it.
    QVERIFY(commitOffset(bs(), "g-committed", "src.start", 0, 40));
    Driver c(sourceProps("src.start", "g-committed", 1));
    QVERIFY(c.open());
    QVERIFY(c.pollUntil([&] { return c.cap.out.size() >= 10; }, 30000));
    QCOMPARE(c.cap.out.size(), std::size_t(10));
    QCOMPARE(*c.ids().begin(), std::int64_t(40));
    c.op->close();
    // 'timestamp': the first record whose Kafka timestamp is >= the start.
    Driver t(
        sourceProps("src.start", "g-ts", 1,
                    {{"start_from", "timestamp"}, {"start_timestamp", 1700000000000LL + 30500}}));
    QVERIFY(t.open());
    QVERIFY(t.pollUntil([&] { return t.cap.out.size() >= 19; }, 30000));
    QCOMPARE(t.cap.out.size(), std::size_t(19));
    QCOMPARE(*t.ids().begin(), std::int64_t(31));
    t.op->close();
    // 'latest': only what is produced after the assignment (resolved to the log end offset
    // when the partition is assigned, so nothing produced later can be missed).
    Driver l(sourceProps("src.start", "g-latest", 1, {{"start_from", "latest"}}));
    QVERIFY(l.open());
    QVERIFY(l.pollUntil([&] { return !l.op->assignedPartitions().empty(); }, 30000));
    QCOMPARE(produce(bs(), "src.start", events(100, 105, 1)), 5);
    QVERIFY(l.pollUntil([&] { return l.cap.out.size() >= 5; }, 30000));
    QCOMPARE(l.cap.out.size(), std::size_t(5));
    QCOMPARE(*l.ids().begin(), std::int64_t(100));
    l.op->close();
}

void TestKafkaSource::retentionLossIsCountedNotSkipped()
{
    QVERIFY(m_broker->createTopic("src.loss", 1));
    // The group has read nothing (committed 0) while ~8 MiB arrive: the embedded broker keeps
    // ~5 MiB per partition, so the oldest records are deleted before the source reads them.
    QVERIFY(commitOffset(bs(), "g-loss", "src.loss", 0, 0));
    std::vector<Msg> big;
    std::string pad(1000, 'x');
    for (int i = 0; i < 8000; ++i) {
        Msg m;
        m.value =
            "{\"id\":" + std::to_string(i) + ",\"name\":\"" + pad + "\",\"ts\":1704067200000}";
        m.partition = 0;
        big.push_back(m);
    }
    QCOMPARE(produce(bs(), "src.loss", big), 8000);
    rd_kafka_t* rk = newClient(RD_KAFKA_PRODUCER, bs());
    std::int64_t lo = -1, hi = -1;
    QCOMPARE(rd_kafka_query_watermark_offsets(rk, "src.loss", 0, &lo, &hi, 5000),
             RD_KAFKA_RESP_ERR_NO_ERROR);
    rd_kafka_destroy(rk);
    QVERIFY2(lo > 0, "the embedded broker should have deleted old data");
    QCOMPARE(hi, std::int64_t(8000));

    std::vector<std::string> logged;
    std::mutex m;
    setLogSink([&](int, const std::string&, const std::string& line) {
        std::lock_guard lock(m);
        logged.push_back(line);
    });
    Driver d(sourceProps("src.loss", "g-loss", 1));
    QVERIFY(d.open());
    bool all =
        d.pollUntil([&] { return d.cap.out.size() >= static_cast<std::size_t>(hi - lo); }, 60000);
    setLogSink(nullptr);
    if (!all) {
        for (const auto& l : logged)
            qInfo("log: %s", l.c_str());
        qInfo("out %zu, lost %llu, last error '%s'", d.cap.out.size(),
              static_cast<unsigned long long>(d.op->recordsLost()), d.op->lastError().c_str());
    }
    QVERIFY(all);
    QCOMPARE(d.cap.out.size(), static_cast<std::size_t>(hi - lo));
    QCOMPARE(d.op->recordsLost(), static_cast<std::uint64_t>(lo));
    QCOMPARE(d.cap.out.front().provenance.position, lo);
    bool reported = false;
    for (const auto& l : logged)
        if (l.find("(" + std::to_string(lo) + " records) were deleted by retention") !=
            std::string::npos)
            reported = true;
    QVERIFY(reported);
    // Published with the lag metrics too.
    QVERIFY(waitFor(
        [&] {
            for (const SourceLag& s : LagRegistry::instance().snapshot())
                if (s.groupId == "g-loss" && s.recordsLost == static_cast<std::uint64_t>(lo))
                    return true;
            d.op->poll(d.cap.collector, 1);
            return false;
        },
        5000));
    d.op->close();
}

void TestKafkaSource::lagMetricsPerPartition()
{
    QVERIFY(m_broker->createTopic("src.lag", 3));
    QCOMPARE(produce(bs(), "src.lag", events(0, 300, 3)), 300);
    Driver d(sourceProps("src.lag", "g-lag", 3, {{"start_from", "earliest"}}));
    QVERIFY(d.open());
    QVERIFY(d.pollUntil([&] { return d.cap.out.size() >= 300; }, 30000));
    d.checkpoint();
    auto entry = [&]() -> std::optional<SourceLag> {
        for (const SourceLag& s : LagRegistry::instance().snapshot())
            if (s.groupId == "g-lag") return s;
        return std::nullopt;
    };
    // Caught up: position = high watermark = 100 in each partition, lag 0.
    QVERIFY(d.pollUntil(
        [&] {
            auto e = entry();
            if (!e || e->partitions.size() != 3) return false;
            for (const auto& p : e->partitions)
                if (p.highWatermark != 100 || p.position != 100 || p.lag != 0 || p.committed != 100)
                    return false;
            return e->totalLag == 0;
        },
        10000));
    // 60 more arrive while the source does not poll: the monitor shows the lag (within ~1 s).
    QCOMPARE(produce(bs(), "src.lag", events(300, 360, 3)), 60);
    QVERIFY(waitFor(
        [&] {
            auto e = entry();
            return e && e->totalLag == 60;
        },
        5000));
    auto e = entry();
    for (const auto& p : e->partitions) {
        QCOMPARE(p.highWatermark, std::int64_t(120));
        QCOMPARE(p.lag, std::int64_t(20));
    }
    QCOMPARE(LagRegistry::instance().totalLag("src"), std::int64_t(60));
    d.op->close();
}

void TestKafkaSource::backpressurePausesPartitions()
{
    QVERIFY(m_broker->createTopic("src.bp", 1));
    QCOMPARE(produce(bs(), "src.bp", events(0, 5000, 1)), 5000);
    Driver d(sourceProps("src.bp", "g-bp", 1), /*capacity*/ 2, /*batch*/ 64);
    QVERIFY(d.open());
    // A consumer of the output channel that starts only once the source has paused its
    // partitions (a channel that stays full for a second), then drains slowly. Until then the
    // source holds (takes nothing from librdkafka), so the channel never holds more than its
    // capacity.
    std::atomic<bool> stop{false};
    std::mutex seenMutex; // the drainer appends, the test thread counts
    std::vector<std::int64_t> seen;
    auto seenCount = [&] {
        std::lock_guard l(seenMutex);
        return seen.size();
    };
    std::thread drainer([&] {
        int ch;
        StreamElement el;
        while (!stop.load() && d.op->pauses() == 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        while (!stop.load()) {
            auto r =
                d.cap.gate.pop(ch, el, std::stop_token{},
                               std::chrono::steady_clock::now() + std::chrono::milliseconds(20));
            if (r != InputGate::PopResult::Element) continue;
            if (el.kind == StreamElement::Kind::Records) {
                std::lock_guard l(seenMutex);
                for (Record& rec : *el.batch)
                    seen.push_back(rec.row[0].asInt());
                d.cap.gate.release(ch, std::move(el.batch));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(3));
        }
    });
    struct Join { // stops and joins the drainer however the test ends
        std::atomic<bool>& stop;
        std::thread& t;
        ~Join()
        {
            stop = true;
            if (t.joinable()) t.join();
        }
    } join{stop, drainer};
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::uint64_t emitted = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        // One batch per poll at most, so a poll never blocks on the full channel.
        d.op->poll(d.cap.collector, 64);
        d.cap.collector.updateCounters();
        emitted = d.cap.counters.recordsOut.get();
        if (d.op->pauses() == 0 && seenCount() == 0)
            QVERIFY2(emitted <= 3 * 64, "the source kept emitting into a full channel");
        if (emitted >= 5000) break;
    }
    d.cap.collector.flushAll();
    QVERIFY(waitFor([&] { return seenCount() >= 5000; }, 20000));
    stop = true;
    drainer.join(); // from here on only this thread touches `seen`
    QVERIFY2(d.op->pauses() > 0,
             "the source should pause its partitions while the channel is full");
    QCOMPARE(seen.size(), std::size_t(5000)); // nothing lost or repeated across pause/resume
    for (std::size_t i = 0; i < seen.size(); ++i)
        QCOMPARE(seen[i], static_cast<std::int64_t>(i));
    d.op->close();
}

void TestKafkaSource::perPartitionWatermarks()
{
    QVERIFY(m_broker->createTopic("src.wm", 2));
    // Partition 0 is far ahead in event time; partition 1 behind.
    std::vector<Msg> msgs;
    for (int i = 0; i < 10; ++i) {
        Msg a;
        a.value = "{\"id\":" + std::to_string(i) +
                  ",\"ts\":" + std::to_string(1704067200000LL + 600000 + i) + "}";
        a.partition = 0;
        Msg b;
        b.value = "{\"id\":" + std::to_string(100 + i) +
                  ",\"ts\":" + std::to_string(1704067200000LL + i) + "}";
        b.partition = 1;
        msgs.push_back(a);
        msgs.push_back(b);
    }
    QCOMPARE(produce(bs(), "src.wm", msgs), 20);
    Driver d(sourceProps("src.wm", "g-wm", 2,
                         {{"max_out_of_orderness", "1 s"}, {"idle_timeout", "2 s"}}));
    QVERIFY(d.open());
    QVERIFY(d.pollUntil([&] { return d.cap.out.size() >= 20; }, 30000));
    // min over partitions: partition 1's max (..009) - 1000 - 1.
    QCOMPARE(d.op->partitionWatermark(), 1704067200000LL + 9 - 1000 - 1);
    // Partition 0 keeps receiving records; partition 1 goes idle after 2 s without any and no
    // longer holds the watermark back.
    int next = 10;
    bool advanced = false;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (!advanced && std::chrono::steady_clock::now() < deadline) {
        Msg a;
        a.value = "{\"id\":" + std::to_string(next) +
                  ",\"ts\":" + std::to_string(1704067200000LL + 600000 + next) + "}";
        a.partition = 0;
        QCOMPARE(produce(bs(), "src.wm", {a}), 1);
        d.pollUntil([] { return false; }, 300);
        advanced = d.op->partitionWatermark() == 1704067200000LL + 600000 + next - 1000 - 1;
        ++next;
    }
    QVERIFY(advanced);
    d.op->close();
}

void TestKafkaSource::partitionOwnerIsFlinks()
{
    // Flink's KafkaSourceEnumerator.getSplitOwner: ((topic.hashCode() * 31) & 0x7FFFFFFF) %
    // readers is the owner of partition 0, the next partitions go round-robin from there.
    // Java: "hello".hashCode() == 99162322; 99162322 * 31 overflows to -1220935314;
    // & 0x7FFFFFFF = 926548334; % 4 = 2.
    QCOMPARE(kafkaPartitionOwner("hello", 0, 4), 2);
    QCOMPARE(kafkaPartitionOwner("hello", 1, 4), 3);
    QCOMPARE(kafkaPartitionOwner("hello", 2, 4), 0);
    QCOMPARE(kafkaPartitionOwner("hello", 5, 4), 3);
    // "".hashCode() == 0: partition p goes to p % readers.
    for (int p = 0; p < 7; ++p)
        QCOMPARE(kafkaPartitionOwner("", p, 3), p % 3);
    QCOMPARE(kafkaPartitionOwner("hello", 9, 1), 0);
    // Every partition has exactly one owner, and owners are balanced within one.
    for (int readers = 1; readers <= 5; ++readers) {
        std::vector<int> load(static_cast<std::size_t>(readers));
        for (int p = 0; p < 12; ++p) {
            int o = kafkaPartitionOwner("orders.v1", p, readers);
            QVERIFY(o >= 0 && o < readers);
            ++load[static_cast<std::size_t>(o)];
        }
        QVERIFY(*std::max_element(load.begin(), load.end()) -
                    *std::min_element(load.begin(), load.end()) <=
                1);
    }
}

void TestKafkaSource::subtasksSplitPartitionsDirectly()
{
    // Two subtasks of one source (parallelism 2) over 4 partitions: each reads exactly the
    // partitions kafkaPartitionOwner gives it, from its first poll on (no group rebalance to
    // wait for), and together they read every record once.
    QVERIFY(m_broker->createTopic("src.share", 4));
    QCOMPARE(produce(bs(), "src.share", events(0, 400, 4)), 400);
    Driver a(sourceProps("src.share", "g-share", 4));
    Driver b(sourceProps("src.share", "g-share", 4));
    QVERIFY2(a.open(0, 2), a.error.c_str());
    QVERIFY2(b.open(1, 2), b.error.c_str());
    std::set<std::int32_t> wantA, wantB;
    for (int p = 0; p < 4; ++p)
        (kafkaPartitionOwner("src.share", p, 2) == 0 ? wantA : wantB).insert(p);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline && a.ids().size() + b.ids().size() < 400) {
        a.op->poll(a.cap.collector, 512);
        b.op->poll(b.cap.collector, 512);
        a.cap.drain();
        b.cap.drain();
    }
    QCOMPARE(a.op->assignedPartitions(), wantA);
    QCOMPARE(b.op->assignedPartitions(), wantB);
    std::set<std::int64_t> all = a.ids();
    for (auto id : b.ids())
        all.insert(id);
    QCOMPARE(all.size(), std::size_t(400));
    QCOMPARE(a.cap.out.size() + b.cap.out.size(), std::size_t(400)); // no duplicates
    for (const Record& r : a.cap.out) // event i went to partition i % 4
        QVERIFY(wantA.count(static_cast<std::int32_t>(r.row[0].asInt() % 4)));
    QCOMPARE(a.op->rebalances(), std::uint64_t(1)); // one assignment, nothing revoked
    // Both commit their own partitions on a completed checkpoint; a third run with the same
    // group at parallelism 1 starts from those commits and reads only what is new.
    a.checkpoint();
    b.checkpoint();
    a.op->close();
    b.op->close();
    QCOMPARE(produce(bs(), "src.share", events(400, 440, 4)), 40);
    Driver c(sourceProps("src.share", "g-share", 4));
    QVERIFY2(c.open(), c.error.c_str());
    QVERIFY(c.pollUntil([&] { return c.ids().size() >= 40; }, 30000));
    QCOMPARE(c.op->assignedPartitions(), (std::set<std::int32_t>{0, 1, 2, 3}));
    QCOMPARE(*c.ids().begin(), std::int64_t(400));
    QCOMPARE(c.ids().size(), std::size_t(40));
    c.op->close();
}

void TestKafkaSource::canarySecretNeverAppears()
{
    const std::string canary = "CANARY-src-91c2d";
    std::vector<std::string> logged;
    std::mutex m;
    setLogSink([&](int, const std::string& client, const std::string& line) {
        std::lock_guard lock(m);
        logged.push_back(client + " " + line);
    });
    // SASL to a broker without SASL: authentication fails and librdkafka logs about it.
    Driver d(sourceProps("src.canary", "g-canary", 1,
                         {{"properties",
                           {{"security.protocol", "SASL_PLAINTEXT"},
                            {"sasl.mechanism", "PLAIN"},
                            {"sasl.username", "alice"},
                            {"sasl.password", canary},
                            {"debug", "security,broker,conf"}}}}));
    QVERIFY2(d.open(), d.error.c_str());
    // The refused authentication fails the source (ClientHealth) on its own thread.
    std::string failure;
    try {
        d.pollUntil([] { return false; }, 10000);
    } catch (const std::exception& e) {
        failure = e.what();
    }
    d.op->close();
    setLogSink(nullptr);
    QVERIFY2(failure.find("kafka-source 'src' (topic src.canary): authentication failed") == 0,
             failure.c_str());
    QVERIFY2(failure.find(canary) == std::string::npos, failure.c_str());
    QVERIFY(!logged.empty());
    for (const auto& l : logged)
        QVERIFY2(l.find(canary) == std::string::npos, l.c_str());
    std::string desc = d.op->settings().config.describe();
    QVERIFY(desc.find(canary) == std::string::npos);
    QVERIFY(desc.find("sasl.password=******") != std::string::npos);
    // A refused configuration names the property, never the secret.
    NodeFixture bad(
        "kafka-source", "bad",
        sourceProps("src.canary", "g-canary", 1,
                    {{"properties", {{"sasl.password", canary}, {"enable.auto.commit", "true"}}}}));
    auto s = sourceSettings(bad.spec());
    QVERIFY(!s);
    QVERIFY(s.error().message.find("enable.auto.commit") != std::string::npos);
    QVERIFY(s.error().message.find(canary) == std::string::npos);
}

QTEST_GUILESS_MAIN(TestKafkaSource)
#include "tst_kafka_source.moc"
