// Offsets are committed only after the results derived from the records are durable downstream,
// on every path (runtime/exec/CheckpointCoordinator.h, KafkaSource.h): a windowed pipeline and a
// filtering one commit while they run, never past a record whose window has not fired and been
// delivered, and a windowed pipeline stopped mid-stream and restarted ends with every window's
// last result equal to the oracle (SQLite GROUP BY over the input). Embedded broker; the
// committed offsets are read with a real consumer (rd_kafka_committed).
#include <QtTest/QtTest>

#include <QTemporaryDir>
#include <atomic>
#include <map>
#include <random>
#include <set>
#include <thread>

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

/// `perPartition` orders per minute per partition for minutes [from, to), event time increasing
/// per partition except for disorder inside a minute (never across a window boundary).
std::vector<Order> orders(int from, int to, int partitions, int perPartition, std::mt19937& rng,
                          std::int64_t& nextId)
{
    const char* cats[] = {"books", "games", "garden", "toys"};
    std::vector<Order> v;
    for (int m = from; m < to; ++m)
        for (int p = 0; p < partitions; ++p) {
            std::vector<std::int64_t> ts;
            for (int k = 0; k < perPartition; ++k)
                ts.push_back(kBase + m * kMinute + (k * (kMinute - 1000)) / perPartition);
            std::shuffle(ts.begin(), ts.end(), rng); // disorder within the minute
            for (std::int64_t t : ts)
                v.push_back({nextId++, cats[rng() % 4],
                             100 + static_cast<std::int64_t>(rng() % 9000), t, p});
        }
    return v;
}

std::vector<Msg> toMsgs(const std::vector<Order>& os)
{
    std::vector<Msg> v;
    for (const Order& o : os)
        v.push_back(orderMsg(o));
    return v;
}

std::string windowPipeline(const std::string& in, const std::string& out, const std::string& group,
                           bool dedup)
{
    std::string nodes = R"J({"id": "in", "type": "kafka-source", "properties": {"topic": ")J" + in +
                        R"J(", "group_id": ")J" + group + R"J(", "partitions": 3, "format": "json",
          "timestamp_column": "event_time", "max_out_of_orderness": "5 s",
          "schema": [{"name": "order_id", "type": "BIGINT"}, {"name": "category", "type": "STRING"},
                     {"name": "amount", "type": "DECIMAL(10, 2)"},
                     {"name": "event_time", "type": "TIMESTAMP(3)"}]}},
        {"id": "win", "type": "tumbling-window", "properties": {"size": "1 min", "keys": ["category"],
          "aggregates": [{"function": "COUNT", "column": "*", "as": "orders"},
                         {"function": "SUM", "column": "amount", "as": "revenue"}]}},
        {"id": "out", "type": "kafka-sink", "properties": {"topic": ")J" +
                        out + R"J(", "key_fields": ["category"], "partitions": 1}})J";
    std::string edges =
        R"J({"from": {"node": "win", "port": "out"}, "to": {"node": "out", "port": "in"}})J";
    if (dedup) {
        nodes += R"J(, {"id": "dedup", "type": "dedup",
                        "properties": {"keys": ["order_id"], "ttl": "1 h"}})J";
        edges +=
            R"J(, {"from": {"node": "in", "port": "out"}, "to": {"node": "dedup", "port": "in"}},
                    {"from": {"node": "dedup", "port": "out"}, "to": {"node": "win", "port": "in"}})J";
    } else {
        edges +=
            R"J(, {"from": {"node": "in", "port": "out"}, "to": {"node": "win", "port": "in"}})J";
    }
    return R"J({"format": "streamwright.pipeline/1",
      "pipeline": {"name": "commits", "parallelism": 1}, "nodes": [)J" +
           nodes + R"J(], "edges": [)J" + edges + "]}";
}

/// Window results in the output topic, in the order written: (window_start, category) ->
/// every (orders, cents) written for it.
using Results = std::map<std::pair<std::int64_t, std::string>,
                         std::vector<std::pair<std::int64_t, std::int64_t>>>;
Results results(const std::string& bs, const std::string& topic)
{
    Results r;
    for (const Msg& m : readAll(bs, topic, 1, 5000)) {
        auto j = nlohmann::json::parse(m.value);
        std::int64_t ws = 0, cents = 0;
        parseTimestamp(j["window_start"].get<std::string>(), ws);
        parseDecimal(j["revenue"].dump(), 2, cents);
        r[{ws, j["category"].get<std::string>()}].push_back(
            {j["orders"].get<std::int64_t>(), cents});
    }
    return r;
}

std::map<int, std::int64_t> committed(const std::string& bs, const std::string& group,
                                      const std::string& topic, int partitions)
{
    std::map<int, std::int64_t> c;
    for (int p = 0; p < partitions; ++p)
        c[p] = committedOffset(bs, group, topic, p);
    return c;
}

/// (partition, offset) -> window start of every input record (offsets read back from the
/// topic).
std::map<std::pair<int, std::int64_t>, std::int64_t> windowsByOffset(const std::string& bs,
                                                                     const std::string& topic)
{
    std::map<std::pair<int, std::int64_t>, std::int64_t> w;
    for (const Msg& m : readAll(bs, topic, 3)) {
        std::int64_t ts = 0;
        parseTimestamp(nlohmann::json::parse(m.value)["event_time"].get<std::string>(), ts);
        w[{m.partition, m.offset}] = ts - ts % kMinute;
    }
    return w;
}

} // namespace

class TestKafkaCommits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void windowedCommitsNeverPassAnOpenWindow();
    void filterToSqliteCommitsWhileRunning();
    void stopMidStreamAndRestartEqualsOracle();
    void twoSubtasksUnderCpuLoadCheckpointAndCommit();

private:
    std::shared_ptr<EmbeddedBroker> m_broker;
    std::string bs() const { return m_broker->bootstrapServers(); }
};

void TestKafkaCommits::initTestCase()
{
    auto b = EmbeddedBroker::shared();
    QVERIFY(b);
    m_broker = *b;
}

void TestKafkaCommits::windowedCommitsNeverPassAnOpenWindow()
{
    // kafka-source -> dedup -> 1-minute tumbling window -> kafka-sink (orders-kafka's shape).
    std::mt19937 rng(3);
    std::int64_t nextId = 0;
    QVERIFY(m_broker->createTopic("cm.win.in", 3));
    auto phase1 = orders(0, 5, 3, 30, rng, nextId);
    std::vector<Msg> msgs = toMsgs(phase1);
    for (std::size_t i = 0; i < phase1.size(); i += 10) // duplicates: dedup drops them
        msgs.push_back(orderMsg(phase1[i]));
    QCOMPARE(produce(bs(), "cm.win.in", msgs), static_cast<int>(msgs.size()));

    Run run;
    std::string err;
    QVERIFY2(run.start(windowPipeline("cm.win.in", "cm.win.out", "cm-win", true), &err),
             err.c_str());
    // The invariant, sampled while running: every record below the committed offset belongs to
    // a window whose result is in the output topic (committed read first, output after).
    std::map<std::pair<int, std::int64_t>, std::int64_t> windowOf;
    int samples = 0;
    auto check = [&](std::int64_t untilWindow, bool needAdvance = true) {
        auto c = committed(bs(), "cm-win", "cm.win.in", 3);
        std::set<std::int64_t> delivered;
        for (const auto& [key, values] : results(bs(), "cm.win.out"))
            delivered.insert(key.first);
        ++samples;
        for (const auto& [where, ws] : windowOf)
            if (where.second < c[where.first] && !delivered.count(ws)) {
                QTest::qFail(("partition " + std::to_string(where.first) + " committed " +
                              std::to_string(c[where.first]) + " passes offset " +
                              std::to_string(where.second) + " of an undelivered window")
                                 .c_str(),
                             __FILE__, __LINE__);
                return true;
            }
        bool advanced = true;
        for (const auto& [p, off] : c)
            advanced = advanced && off > 0;
        return (advanced || !needAdvance) && delivered.count(untilWindow) > 0;
    };
    windowOf = windowsByOffset(bs(), "cm.win.in");
    QVERIFY2(run.waitUntil(
                 [&](const MetricsSnapshot&) { return check(kBase + 3 * kMinute, false); }, 30000),
             errorsOf(run.events).c_str());
    if (QTest::currentTestFailed()) return;
    // The duplicates, at the end of the input, were dropped for originals in minutes 0..4. A
    // replay from minute 4's hold would read them without their originals, so the replay
    // closure keeps the commit at the start of the fired windows of those originals (minute 0)
    // until the open window's hold passes the duplicates.
    QVERIFY(run.waitUntil(
        [&](const MetricsSnapshot&) {
            return committed(bs(), "cm-win", "cm.win.in", 3) ==
                   std::map<int, std::int64_t>{{0, 0}, {1, 0}, {2, 0}};
        },
        30000));

    QCOMPARE(produce(bs(), "cm.win.in", toMsgs(orders(5, 10, 3, 30, rng, nextId))), 450);
    windowOf = windowsByOffset(bs(), "cm.win.in");
    // Commits follow: windows up to minute 8 fire; minute 9's window stays open and holds (the
    // duplicates now lie below its hold).
    std::map<int, std::int64_t> firstOfOpen;
    for (const auto& [where, ws] : windowOf)
        if (ws == kBase + 9 * kMinute && !firstOfOpen.count(where.first))
            firstOfOpen[where.first] = where.second;
    QVERIFY2(run.waitUntil(
                 [&](const MetricsSnapshot&) {
                     return check(kBase + 8 * kMinute) &&
                            committed(bs(), "cm-win", "cm.win.in", 3) == firstOfOpen;
                 },
                 30000),
             errorsOf(run.events).c_str());
    if (QTest::currentTestFailed()) return;
    QVERIFY(run.stop()); // stops without firing minute 9
    QVERIFY2(errorsOf(run.events).empty(), errorsOf(run.events).c_str());
    QCOMPARE(committed(bs(), "cm-win", "cm.win.in", 3), firstOfOpen);
    std::set<std::int64_t> windows;
    for (const auto& [key, values] : results(bs(), "cm.win.out")) {
        windows.insert(key.first);
        QCOMPARE(values.size(), std::size_t(1));
    }
    QCOMPARE(windows.size(), std::size_t(9)); // minutes 0..8, not the open minute 9
    QVERIFY(!windows.count(kBase + 9 * kMinute));
    qInfo("windowed: %d samples of the commit invariant", samples);
}

void TestKafkaCommits::filterToSqliteCommitsWhileRunning()
{
    // kafka-source -> filter (drops a third) -> sqlite-sink: dropped records do not hold the
    // commit; committed records are in the table.
    QTemporaryDir dir;
    const std::string db = dir.filePath("out.sqlite").toStdString();
    QVERIFY(m_broker->createTopic("cm.flt.in", 3));
    QCOMPARE(produce(bs(), "cm.flt.in", idMessages(0, 1500, 3)), 1500);
    std::string pipeline = R"({"format": "streamwright.pipeline/1",
      "pipeline": {"name": "flt", "parallelism": 1},
      "nodes": [
        {"id": "in", "type": "kafka-source", "properties": {"topic": "cm.flt.in", "group_id": "cm-flt",
           "partitions": 3, "format": "json", "watermark": "processing-time",
           "schema": [{"name": "id", "type": "BIGINT"}, {"name": "payload", "type": "STRING"}]}},
        {"id": "keep", "type": "filter", "properties": {"condition": "id % 3 <> 0"}},
        {"id": "out", "type": "sqlite-sink", "properties": {"path": ")" +
                           db + R"(", "table": "rows", "key_fields": ["id"]}}
      ],
      "edges": [{"from": {"node": "in", "port": "out"}, "to": {"node": "keep", "port": "in"}},
                {"from": {"node": "keep", "port": "out"}, "to": {"node": "out", "port": "in"}}]})";
    Run run;
    std::string err;
    QVERIFY2(run.start(pipeline, &err), err.c_str());
    auto idAt = [&] {
        std::map<std::pair<int, std::int64_t>, std::int64_t> m;
        for (const Msg& x : readAll(bs(), "cm.flt.in", 3))
            m[{x.partition, x.offset}] = nlohmann::json::parse(x.value)["id"].get<std::int64_t>();
        return m;
    };
    auto rows = [&] {
        std::set<std::int64_t> ids;
        auto d = SqliteDb::open(db);
        if (!d) return ids;
        auto st = (*d)->prepare("SELECT id FROM rows");
        if (!st) return ids;
        while (st->step() == 100 /* SQLITE_ROW */)
            ids.insert(st->columnInt(0));
        return ids;
    };
    auto where = idAt();
    auto endOf = [&](int total) {
        std::map<int, std::int64_t> e;
        for (int p = 0; p < 3; ++p)
            e[p] = total / 3;
        return e;
    };
    int samples = 0;
    auto invariant = [&] {
        auto c = committed(bs(), "cm-flt", "cm.flt.in", 3);
        auto have = rows();
        ++samples;
        for (const auto& [w, id] : where)
            if (w.second < c[w.first] && id % 3 != 0 && !have.count(id)) {
                QTest::qFail(
                    ("committed past id " + std::to_string(id) + " not in the table").c_str(),
                    __FILE__, __LINE__);
                return c;
            }
        return c;
    };
    QVERIFY2(
        run.waitUntil([&](const MetricsSnapshot&) { return invariant() == endOf(1500); }, 30000),
        errorsOf(run.events).c_str());
    if (QTest::currentTestFailed()) return;
    QCOMPARE(rows().size(), std::size_t(1000));
    QCOMPARE(produce(bs(), "cm.flt.in", idMessages(1500, 3000, 3)), 1500);
    where = idAt();
    QVERIFY2(
        run.waitUntil([&](const MetricsSnapshot&) { return invariant() == endOf(3000); }, 30000),
        errorsOf(run.events).c_str());
    if (QTest::currentTestFailed()) return;
    QCOMPARE(rows().size(), std::size_t(2000));
    QVERIFY(run.stop());
    QVERIFY2(errorsOf(run.events).empty(), errorsOf(run.events).c_str());
    QCOMPARE(committed(bs(), "cm-flt", "cm.flt.in", 3), endOf(3000));
    qInfo("filter: %d samples of the commit invariant", samples);
}

void TestKafkaCommits::stopMidStreamAndRestartEqualsOracle()
{
    std::mt19937 rng(11);
    std::int64_t nextId = 0;
    std::vector<Order> all;
    QVERIFY(m_broker->createTopic("cm.rs.in", 3));
    auto feed = [&](std::vector<Order> os) {
        all.insert(all.end(), os.begin(), os.end());
        return produce(bs(), "cm.rs.in", toMsgs(os)) == static_cast<int>(os.size());
    };
    const std::string pipeline = windowPipeline("cm.rs.in", "cm.rs.out", "cm-rs", false);
    QVERIFY(feed(orders(0, 6, 3, 40, rng, nextId)));
    {
        Run first;
        std::string err;
        QVERIFY2(first.start(pipeline, &err), err.c_str());
        // Windows of minutes 0..4 fire; the group commits while running.
        QVERIFY2(first.waitUntil(
                     [&](const MetricsSnapshot&) {
                         auto c = committed(bs(), "cm-rs", "cm.rs.in", 3);
                         return c[0] > 0 && c[1] > 0 && c[2] > 0 &&
                                results(bs(), "cm.rs.out").count({kBase + 4 * kMinute, "toys"});
                     },
                     30000),
                 errorsOf(first.events).c_str());
        // More input arrives and the pipeline is stopped mid-stream (minute 5 and later open).
        QVERIFY(feed(orders(6, 9, 3, 40, rng, nextId)));
        QVERIFY(first.waitUntil(
            [&](const MetricsSnapshot& s) { return s.node("in")->recordsOut > 6 * 120; }, 30000));
        QVERIFY(first.stop());
        QVERIFY2(errorsOf(first.events).empty(), errorsOf(first.events).c_str());
    }
    auto afterFirst = results(bs(), "cm.rs.out");
    auto c1 = committed(bs(), "cm-rs", "cm.rs.in", 3);
    qInfo("first run: %zu window results, committed %lld/%lld/%lld", afterFirst.size(),
          static_cast<long long>(c1[0]), static_cast<long long>(c1[1]),
          static_cast<long long>(c1[2]));

    // Restart; the rest of the input, then one record per partition far ahead so every window
    // of the data closes (its own window stays open).
    Run second;
    std::string err;
    QVERIFY2(second.start(pipeline, &err), err.c_str());
    QVERIFY(feed(orders(9, 12, 3, 40, rng, nextId)));
    std::vector<Msg> sentinels;
    for (int p = 0; p < 3; ++p)
        sentinels.push_back(orderMsg({nextId++, "sentinel", 0, kBase + 20 * kMinute, p}));
    QCOMPARE(produce(bs(), "cm.rs.in", sentinels), 3);

    // Oracle: SQLite GROUP BY over the input.
    const WindowTotals oracle = minuteTotalsOracle(all);
    QCOMPARE(oracle.size(), std::size_t(12 * 4));

    auto lastValues = [&] {
        WindowTotals last;
        for (const auto& [key, values] : results(bs(), "cm.rs.out"))
            last[key] = values.back();
        return last;
    };
    QVERIFY2(
        second.waitUntil([&](const MetricsSnapshot&) { return lastValues() == oracle; }, 30000),
        errorsOf(second.events).c_str());
    QVERIFY(second.stop());
    QVERIFY2(errorsOf(second.events).empty(), errorsOf(second.events).c_str());
    auto final = results(bs(), "cm.rs.out");
    std::size_t repeated = 0;
    for (const auto& [key, values] : final) {
        QVERIFY2(oracle.count(key), ("unexpected window " + key.second).c_str());
        repeated += values.size() - 1;
    }
    QVERIFY(lastValues() == oracle); // the last value written per window is exact
    qInfo("restart: %zu windows, %zu results repeated (at-least-once)", oracle.size(), repeated);
}

QTEST_GUILESS_MAIN(TestKafkaCommits)
void TestKafkaCommits::twoSubtasksUnderCpuLoadCheckpointAndCommit()
{
    // A plain copy at parallelism 2 over 3 partitions while busy threads oversubscribe the CPU.
    // With group rebalances one source subtask could go without a partition for a whole run
    // (the broker waiting for a member that was starved), so no checkpoint ever completed and
    // nothing was committed. Partitions are assigned directly now: checkpoints complete, every
    // partition is committed to its end, and the copy holds every record.
    std::atomic<bool> burn{true};
    std::vector<std::jthread> burners;
    for (unsigned i = 0; i < std::max(4u, 2 * std::thread::hardware_concurrency()); ++i)
        burners.emplace_back([&burn] {
            volatile std::uint64_t x = 0;
            while (burn.load(std::memory_order_relaxed))
                x = x * 6364136223846793005ULL + 1;
        });
    QVERIFY(m_broker->createTopic("cm.cpu.in", 3));
    QCOMPARE(produce(bs(), "cm.cpu.in", idMessages(0, 1500, 3)), 1500);
    Run run;
    std::string err;
    QVERIFY2(run.start(passThrough("cpu", "cm.cpu.in", "cm.cpu.out", "cm-cpu", "", 2, 3), &err),
             err.c_str());
    const std::map<int, std::int64_t> end = {{0, 500}, {1, 500}, {2, 500}};
    const bool committedAll = run.waitUntil(
        [&](const MetricsSnapshot&) {
            return run.engine.completedCheckpoints() >= 3 &&
                   committed(bs(), "cm-cpu", "cm.cpu.in", 3) == end;
        },
        90000);
    burn = false;
    burners.clear();
    QVERIFY2(committedAll, ("checkpoints " + std::to_string(run.engine.completedCheckpoints()) +
                            "; " + errorsOf(run.events))
                               .c_str());
    QVERIFY(run.stop());
    std::set<std::int64_t> copied;
    for (std::int64_t id : idsIn(readAll(bs(), "cm.cpu.out", 3)))
        copied.insert(id);
    QCOMPARE(copied.size(), std::size_t(1500));
    QVERIFY2(errorsOf(run.events).empty(), errorsOf(run.events).c_str());
}

#include "tst_kafka_commits.moc"
