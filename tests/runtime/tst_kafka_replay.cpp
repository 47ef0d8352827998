// Exact window results across restarts (the replay closure, runtime/exec/ReplayClosure.h):
// kafka-source (3 partitions) -> dedup -> 1-minute tumbling window -> SQLite sink keyed by
// (window_start, category), an upsert: the last value written per window is what a user sees.
// The input has event-time disorder ACROSS window boundaries (the tail of a window interleaved
// with the head of the next, on one partition or on all) and duplicates on other partitions.
// The pipeline is stopped (draining) several times, where a fired window straddles the hold of
// the open one, and once as soon as a run read half of its input (wherever it got by then); after
// the restarts every window equals a SQLite GROUP BY over the deduplicated input. Without the
// closure a restart replays the tail of a fired window (or a duplicate without its original) and
// overwrites the exact result with a partial one. Embedded broker.
#include <QtTest/QtTest>

#include <QTemporaryDir>
#include <map>
#include <random>

#include "connectors/kafka/EmbeddedBroker.h"
#include "exec/Engine.h"
#include "sqlite/SqliteDb.h"
#include "tst_kafka_orders.h"
#include "tst_kafka_support.h"
#include "types/Value.h"

using namespace sw::runtime;
using namespace sw::runtime::kafka;
using namespace sw::test;

namespace {

constexpr std::int64_t kBase = 1704067200000LL; // 2024-01-01, a minute boundary
constexpr std::int64_t kMinute = 60000;
constexpr int kPartitions = 3;
constexpr int kMinutes = 12;
constexpr int kPerMinute = 20; // per partition, every 3 s

/// Per partition, the records in log order: every 3 s of minutes [0, kMinutes); at the
/// boundaries listed for a partition the last three records of the window are interleaved
/// with the first three of the next (disorder at most 6 s, the bound is 10 s: nothing late).
/// Then duplicates: copies of records on other partitions, placed right after the first record
/// at or after their event time (not late either).
std::vector<std::vector<Order>> makeInput(std::mt19937& rng)
{
    const char* cats[] = {"books", "games", "garden", "toys"};
    const std::map<int, std::vector<int>> interleaved = {{0, {5, 8}}, {1, {2, 5}}, {2, {5, 10}}};
    std::int64_t nextId = 1;
    std::vector<std::vector<Order>> parts(kPartitions);
    for (int p = 0; p < kPartitions; ++p) {
        auto& v = parts[static_cast<std::size_t>(p)];
        for (int m = 0; m < kMinutes; ++m)
            for (int k = 0; k < kPerMinute; ++k)
                v.push_back({nextId++, cats[rng() % 4],
                             100 + static_cast<std::int64_t>(rng() % 9000),
                             kBase + m * kMinute + k * 3000 + 500});
        for (int b : interleaved.at(p)) {
            // ... b-1:51.5, b-1:54.5, b-1:57.5 | b:00.5, b:03.5, b:06.5 ... becomes
            // ... b-1:51.5, b:00.5, b-1:54.5, b:03.5, b-1:57.5, b:06.5 ...
            std::size_t first = static_cast<std::size_t>(b * kPerMinute);
            std::vector<Order> w(v.begin() + static_cast<long>(first) - 3,
                                 v.begin() + static_cast<long>(first) + 3);
            const int order[] = {0, 3, 1, 4, 2, 5};
            for (int i = 0; i < 6; ++i)
                v[first - 3 + static_cast<std::size_t>(i)] = w[static_cast<std::size_t>(order[i])];
        }
    }
    auto insertCopy = [&](const Order& o, int to) {
        auto& v = parts[static_cast<std::size_t>(to)];
        auto at = std::find_if(v.begin(), v.end(), [&](const Order& x) { return x.ts >= o.ts; });
        v.insert(at == v.end() ? at : at + 1, o);
    };
    // A duplicate of p0's last record of minute 1 on p2 just after p2's first of minute 2:
    // the first stop commits p0 past the original and p2 before the duplicate.
    Order orig = parts[0][static_cast<std::size_t>(2 * kPerMinute - 1)];
    insertCopy(orig, 2);
    for (int i = 0; i < 24; ++i) {
        int from = static_cast<int>(rng() % kPartitions);
        int to = (from + 1 + static_cast<int>(rng() % (kPartitions - 1))) % kPartitions;
        const auto& src = parts[static_cast<std::size_t>(from)];
        insertCopy(src[rng() % src.size()], to);
    }
    return parts;
}

std::string pipelineJson(const std::string& topic, const std::string& db)
{
    return R"J({"format": "streamwright.pipeline/1",
      "pipeline": {"name": "replay", "parallelism": 1},
      "nodes": [
        {"id": "in", "type": "kafka-source", "properties": {"topic": ")J" +
           topic + R"J(", "group_id": "rp-group", "partitions": 3, "format": "json",
          "timestamp_column": "event_time", "max_out_of_orderness": "10 s",
          "schema": [{"name": "order_id", "type": "BIGINT"}, {"name": "category", "type": "STRING"},
                     {"name": "amount", "type": "DECIMAL(10, 2)"},
                     {"name": "event_time", "type": "TIMESTAMP(3)"}]}},
        {"id": "dedup", "type": "dedup", "properties": {"keys": ["order_id"], "ttl": "1 h"}},
        {"id": "win", "type": "tumbling-window", "properties": {"size": "1 min", "keys": ["category"],
          "aggregates": [{"function": "COUNT", "column": "*", "as": "orders"},
                         {"function": "SUM", "column": "amount", "as": "revenue"}]}},
        {"id": "out", "type": "sqlite-sink", "properties": {"path": ")J" +
           db + R"J(", "table": "windows", "key_fields": ["window_start", "category"]}}
      ],
      "edges": [{"from": {"node": "in", "port": "out"}, "to": {"node": "dedup", "port": "in"}},
                {"from": {"node": "dedup", "port": "out"}, "to": {"node": "win", "port": "in"}},
                {"from": {"node": "win", "port": "out"}, "to": {"node": "out", "port": "in"}}]})J";
}

using Table = WindowTotals;

/// (window start, category) -> (orders, revenue in cents) as the sink's table holds them.
Table sinkTable(const std::string& db)
{
    Table t;
    auto d = SqliteDb::open(db);
    if (!d) return t;
    auto st = (*d)->prepare("SELECT window_start, category, orders, revenue FROM windows");
    if (!st) return t;
    while (st->step() == 100 /* SQLITE_ROW */) {
        std::int64_t ws = 0, cents = 0;
        parseTimestamp(st->columnBytes(0), ws);
        parseDecimal(st->columnBytes(3), 2, cents);
        t[{ws, st->columnBytes(1)}] = {st->columnInt(2), cents};
    }
    return t;
}

} // namespace

class TestKafkaReplay : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void restartsKeepEveryWindowExact();

private:
    std::shared_ptr<EmbeddedBroker> m_broker;
    std::string bs() const { return m_broker->bootstrapServers(); }
};

void TestKafkaReplay::initTestCase()
{
    auto b = EmbeddedBroker::shared();
    QVERIFY(b);
    m_broker = *b;
}

void TestKafkaReplay::restartsKeepEveryWindowExact()
{
    const std::string topic = "rp.in";
    QTemporaryDir dir;
    const std::string db = dir.filePath("windows.sqlite").toStdString();
    QVERIFY(m_broker->createTopic(topic, kPartitions));
    std::mt19937 rng(5);
    auto parts = makeInput(rng);
    std::vector<Order> all;
    for (const auto& v : parts)
        all.insert(all.end(), v.begin(), v.end());
    const Table expected = minuteTotalsOracle(all);
    QCOMPARE(expected.size(), std::size_t(kMinutes * 4));
    const std::string pipeline = pipelineJson(topic, db);

    // Produced in phases: per partition, the records before `until` (event time, in log order).
    std::vector<std::size_t> sent(kPartitions, 0);
    auto produceUntil = [&](std::int64_t until) {
        std::vector<Msg> msgs;
        for (int p = 0; p < kPartitions; ++p) {
            auto& v = parts[static_cast<std::size_t>(p)];
            std::size_t& i = sent[static_cast<std::size_t>(p)];
            for (; i < v.size() && v[i].ts < until; ++i)
                msgs.push_back(orderMsg(v[i], p));
        }
        return produce(bs(), topic, msgs) == static_cast<int>(msgs.size());
    };
    auto committed = [&] {
        std::int64_t sum = 0;
        std::vector<std::int64_t> c;
        for (int p = 0; p < kPartitions; ++p) {
            std::int64_t off = committedOffset(bs(), "rp-group", topic, p);
            c.push_back(off);
            sum += std::max<std::int64_t>(off, 0);
        }
        return std::make_pair(c, sum);
    };
    std::size_t overwritten = 0; // results changed by a run after they were written
    // One run: reads from the committed offsets; stops (draining) once it read `readFraction`
    // of what is there to read.
    auto runOnce = [&](double readFraction) {
        auto [before, committedSum] = committed();
        std::int64_t total = 0;
        for (std::size_t s : sent)
            total += static_cast<std::int64_t>(s);
        const auto toRead =
            static_cast<std::uint64_t>(static_cast<double>(total - committedSum) * readFraction);
        Table was = sinkTable(db);
        Run run;
        std::string err;
        QVERIFY2(run.start(pipeline, &err), err.c_str());
        QVERIFY2(run.waitUntil(
                     [&](const MetricsSnapshot& s) {
                         return s.node("in") && s.node("in")->recordsOut >= toRead;
                     },
                     20000),
                 errorsOf(run.events).c_str());
        QVERIFY(run.stop());
        QVERIFY2(errorsOf(run.events).empty(), errorsOf(run.events).c_str());
        Table now = sinkTable(db);
        for (const auto& [key, value] : was)
            if (now.at(key) != value) ++overwritten;
        auto [after, sum] = committed();
        qInfo("run read %llu of %lld: committed %lld/%lld/%lld -> %lld/%lld/%lld, %zu windows",
              static_cast<unsigned long long>(toRead), static_cast<long long>(total - committedSum),
              static_cast<long long>(before[0]), static_cast<long long>(before[1]),
              static_cast<long long>(before[2]), static_cast<long long>(after[0]),
              static_cast<long long>(after[1]), static_cast<long long>(after[2]), now.size());
        for (int p = 0; p < kPartitions; ++p) // commits move on (the closure does not stall)
            QVERIFY(after[static_cast<std::size_t>(p)] >= before[static_cast<std::size_t>(p)]);
    };

    // Stops where a fired window straddles the open one's hold: at minute 2 (p1 interleaved
    // at the boundary, and a duplicate of minute 1 on p2 after minute 2 started), 5 (all
    // partitions interleaved) and 8 (p0).
    for (int m : {2, 5, 8}) {
        QVERIFY(produceUntil(kBase + m * kMinute + 30000));
        runOnce(1.0);
        if (QTest::currentTestFailed()) return;
        auto c = committed().first;
        for (int p = 0; p < kPartitions; ++p)
            QVERIFY2(c[static_cast<std::size_t>(p)] >= (m - 2) * kPerMinute,
                     "the commit follows the windows");
    }
    // The rest, one record per partition far ahead (closes every window of the data: its own
    // window stays open, it is not in the oracle), a stop as soon as half of it was read (the
    // source may have read more by the time the stop takes effect), and a run to the end.
    QVERIFY(produceUntil(kBase + kMinutes * kMinute));
    std::vector<Msg> sentinels;
    for (int p = 0; p < kPartitions; ++p)
        sentinels.push_back(orderMsg({1000000 + p, "sentinel", 0, kBase + 30 * kMinute}, p));
    QCOMPARE(produce(bs(), topic, sentinels), kPartitions);
    runOnce(0.5);
    if (QTest::currentTestFailed()) return;

    Run last;
    std::string err;
    QVERIFY2(last.start(pipeline, &err), err.c_str());
    Table was = sinkTable(db);
    const bool exact =
        last.waitUntil([&](const MetricsSnapshot&) { return sinkTable(db) == expected; }, 20000);
    QVERIFY(last.stop());
    QVERIFY2(errorsOf(last.events).empty(), errorsOf(last.events).c_str());
    Table got = sinkTable(db);
    for (const auto& [key, value] : was)
        if (got.count(key) && got.at(key) != value) ++overwritten;
    if (!exact) {
        std::string diff;
        for (const auto& [key, value] : expected) {
            auto it = got.find(key);
            if (it == got.end() || it->second != value)
                diff += formatTimestamp(key.first) + " " + key.second + ": got " +
                        (it == got.end() ? std::string("nothing")
                                         : std::to_string(it->second.first) + "/" +
                                               std::to_string(it->second.second)) +
                        ", expected " + std::to_string(value.first) + "/" +
                        std::to_string(value.second) + "\n";
        }
        QFAIL(("windows differ from the oracle:\n" + diff).c_str());
    }
    QCOMPARE(got, expected);
    QCOMPARE(overwritten, std::size_t(0)); // never a partial result over an exact one
    qInfo("%zu windows exact", expected.size());
}

QTEST_GUILESS_MAIN(TestKafkaReplay)
#include "tst_kafka_replay.moc"
