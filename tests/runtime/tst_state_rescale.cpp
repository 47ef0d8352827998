// Keyed state redistributed on a parallelism change (Flink's key groups, state/KeyGroups.h): a
// run at parallelism P is cancelled after some checkpoints (a crash), and resumed from its
// latest checkpoint with every keyed operator (tumbling and session windows, a global count
// window, a group aggregate, dedup) at parallelism Q. The results equal a SQLite oracle over the
// input exactly: no key's state is lost or restored twice. State that cannot move (generator
// positions) refuses a changed parallelism naming the node; the key-group arithmetic agrees with
// the partitioner.
#include <QtTest>

#include "PipelineRunner.h"
#include "exec/Partitioner.h"
#include "state/CheckpointStore.h"
#include "state/KeyedState.h"

using namespace sw::runtime;
using namespace sw::test;

namespace {
constexpr int kTotal = 30000;
constexpr int kCustomers = 40;
constexpr int kTrigger = 7;

PipelineSpec pipeline(int par, int generatorPar = 2)
{
    PipelineSpec p;
    p.settings.name = "rescale";
    p.settings.checkpointIntervalMs = 50;
    const json count = {{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}};
    const json aggs =
        json::array({count, {{"function", "SUM"}, {"column", "amount"}, {"as", "total"}}});
    const json keys = {"customer_id"};
    p.nodes = {
        pnode("gen", "generator",
              {{"kind", "orders"},
               {"seed", 5},
               {"total_events", kTotal},
               {"events_per_second", 15000},
               {"key_cardinality", kCustomers},
               {"out_of_orderness", "30 ms"},
               {"max_out_of_orderness", "50 ms"},
               {"parallelism", generatorPar}}),
        pnode("w", "tumbling-window",
              {{"size", "100 ms"}, {"keys", keys}, {"aggregates", aggs}, {"parallelism", par}}),
        pnode("s", "session-window",
              {{"gap", "20 ms"},
               {"keys", keys},
               {"aggregates", json::array({count})},
               {"parallelism", par}}),
        pnode("g", "global-window",
              {{"trigger", "count"},
               {"trigger_count", kTrigger},
               {"keys", keys},
               {"aggregates", json::array({count})},
               {"parallelism", par}}),
        pnode("a", "aggregate", {{"keys", keys}, {"aggregates", aggs}, {"parallelism", par}}),
        pnode("d", "dedup", {{"keys", keys}, {"ttl", "1 h"}, {"parallelism", par}}),
    };
    auto sink = [&](const std::string& id, json keyFields) {
        p.nodes.push_back(
            pnode(id, "sqlite-sink",
                  {{"path", id + ".sqlite"}, {"table", "t"}, {"key_fields", keyFields}}));
    };
    sink("out_w", {"window_start", "customer_id"});
    sink("out_s", {"window_start", "customer_id"});
    sink("out_g", {"customer_id"});
    sink("out_a", {"customer_id"});
    sink("out_d", {"order_id"});
    sink("raw", {"order_id"});
    for (const char* n : {"w", "s", "g", "a", "d"}) {
        p.edges.push_back(pedge("gen", "out", n));
        p.edges.push_back(pedge(n, "out", std::string("out_") + n));
    }
    p.edges.push_back(pedge("gen", "out", "raw"));
    return p;
}

/// Starts `p`; cancels it (a crash) once `checkpoints` checkpoints completed.
void crashAfter(const PipelineSpec& p, const std::string& dir, std::uint64_t checkpoints)
{
    Engine e;
    EngineOptions o;
    o.dataDirectory = dir;
    QVERIFY2(e.start(p, o).isOk(), "start");
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (e.completedCheckpoints() < checkpoints && std::chrono::steady_clock::now() < until)
        if (e.wait(5)) break;
    QVERIFY2(e.completedCheckpoints() >= checkpoints, "checkpoints completed before the end");
    QVERIFY2(e.state() == EngineState::Running, "still running at the crash");
    e.stop(StopMode::Cancel);
    e.wait();
}

using Rows = std::vector<std::vector<std::string>>;

void compareRows(const Rows& got, const Rows& want, const char* what)
{
    QVERIFY2(!want.empty(), what);
    QVERIFY2(got.size() == want.size(),
             qPrintable(
                 QString("%1: %2 rows, the oracle %3").arg(what).arg(got.size()).arg(want.size())));
    for (std::size_t i = 0; i < got.size(); ++i)
        QVERIFY2(got[i] == want[i], qPrintable(QString("%1: row %2 differs: %3 %4 vs %5")
                                                   .arg(what)
                                                   .arg(i)
                                                   .arg(QString::fromStdString(got[i][0]))
                                                   .arg(QString::fromStdString(got[i][1]))
                                                   .arg(QString::fromStdString(want[i].back()))));
}

void checkAgainstOracle(const std::string& dir)
{
    const std::string raw = dir + "/raw.sqlite";
    auto count = sqliteRows(raw, "SELECT COUNT(*), COUNT(DISTINCT order_id) FROM t");
    QCOMPARE(count[0][0], std::to_string(kTotal)); // the input exactly once
    QCOMPARE(count[0][1], std::to_string(kTotal));
    // Tumbling 100 ms: the start is the timestamp text with its last two digits zeroed.
    compareRows(sqliteRows(dir + "/out_w.sqlite",
                           "SELECT window_start, customer_id, cnt, "
                           "CAST(ROUND(total * 100) AS INTEGER) FROM t ORDER BY 1, 2"),
                sqliteRows(raw, "SELECT substr(event_time, 1, 21) || '00', customer_id, "
                                "COUNT(*), CAST(ROUND(SUM(amount) * 100) AS INTEGER) FROM t "
                                "GROUP BY 1, 2 ORDER BY 1, 2"),
                "tumbling");
    // Sessions: every order in exactly one session of its customer.
    compareRows(sqliteRows(dir + "/out_s.sqlite",
                           "SELECT customer_id, SUM(cnt) FROM t GROUP BY 1 ORDER BY 1"),
                sqliteRows(raw, "SELECT customer_id, COUNT(*) FROM t GROUP BY 1 ORDER BY 1"),
                "sessions");
    // Global count window: the last firing of each key counted its orders up to a multiple
    // of the trigger count.
    compareRows(sqliteRows(dir + "/out_g.sqlite",
                           "SELECT customer_id, cnt FROM t WHERE cnt > 0 ORDER BY 1"),
                sqliteRows(raw, "SELECT customer_id, COUNT(*) / " + std::to_string(kTrigger) +
                                    " * " + std::to_string(kTrigger) +
                                    " FROM t GROUP BY 1 HAVING COUNT(*) >= " +
                                    std::to_string(kTrigger) + " ORDER BY 1"),
                "global");
    compareRows(sqliteRows(dir + "/out_a.sqlite",
                           "SELECT customer_id, cnt, CAST(ROUND(total * 100) AS INTEGER) FROM t "
                           "ORDER BY 1"),
                sqliteRows(raw, "SELECT customer_id, COUNT(*), "
                                "CAST(ROUND(SUM(amount) * 100) AS INTEGER) FROM t GROUP BY 1 "
                                "ORDER BY 1"),
                "aggregate");
    // Dedup: every customer was seen before the crash's checkpoint, so a key whose state were
    // lost (or restored on the wrong subtask) would let a second order of it through.
    compareRows(
        sqliteRows(dir + "/out_d.sqlite", "SELECT COUNT(*), COUNT(DISTINCT customer_id) FROM t"),
        {{std::to_string(kCustomers), std::to_string(kCustomers)}}, "dedup");
}
/// gen -> d (dedup by customer) -> out_d, gen -> raw.
PipelineSpec dedupPipeline(int par)
{
    PipelineSpec p = pipeline(par);
    std::erase_if(p.nodes, [](const NodeSpec& n) {
        return n.id != "gen" && n.id != "d" && n.id != "out_d" && n.id != "raw";
    });
    std::erase_if(p.edges,
                  [](const EdgeSpec& e) { return e.from.node != "gen" && e.from.node != "d"; });
    std::erase_if(p.edges, [](const EdgeSpec& e) {
        return e.to.node != "d" && e.to.node != "out_d" && e.to.node != "raw";
    });
    return p;
}

/// Rewrites the latest checkpoint of `dir` as a checkpoint written before key groups (a new,
/// later checkpoint): the dedup's keyed blobs become the old per-subtask format (format 1,
/// count, then the same items).
void writeLegacyCheckpoint(const std::string& dir)
{
    auto store = CheckpointStore::open(dir + "/" + CheckpointStore::kFileName);
    QVERIFY(store.isOk());
    auto list = (*store)->completed();
    QVERIFY(list.isOk() && !list->empty());
    auto c = (*store)->load(list->front().id);
    QVERIFY(c.isOk());
    for (SubtaskSnapshot& s : c->subtasks) {
        auto it = s.blobs.find(keyedBlobName("seen"));
        if (it == s.blobs.end()) continue;
        const std::vector<StateBlobs> one{s.blobs};
        BlobStateReader reader(nullptr, &one);
        std::vector<std::pair<EventTime, Row>> items;
        const std::string e = readKeyedState(
            reader, "seen", "dedup", [](StateInput&) {},
            [&](StateInput& in) {
                while (in.ok() && !in.atEnd()) {
                    const EventTime t = in.time();
                    Row key(in.count());
                    for (Value& v : key)
                        v = in.value();
                    items.emplace_back(t, std::move(key));
                }
            });
        QVERIFY2(e.empty(), e.c_str());
        StateOutput legacy;
        legacy.u64(1);
        legacy.u64(items.size());
        for (const auto& [t, key] : items) {
            legacy.time(t);
            legacy.u64(key.size());
            for (const Value& v : key)
                legacy.value(v);
        }
        s.blobs.erase(it);
        s.blobs["seen"] = legacy.take();
    }
    c->id = list->front().id + 1;
    QVERIFY(store.value()->write(*c).isOk());
}
} // namespace

class TstStateRescale : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keyGroupsAgreeWithThePartitioner();
    void keyedStateRestoresAtAnotherParallelism_data();
    void keyedStateRestoresAtAnotherParallelism();
    void sourcePositionsRefuseAnotherParallelism();
    void olderFormatRestoresAtTheSameParallelism();
    void olderFormatRefusesWhereRoutingChanged();
};

void TstStateRescale::keyGroupsAgreeWithThePartitioner()
{
    for (int n : {1, 2, 3, 4, 5, 7, 128, 200, 256}) {
        // Every group has exactly one owner, whose range contains it.
        int covered = 0;
        for (int i = 0; i < n; ++i) {
            const KeyGroupRange r = keyGroupRangeOf(i, n);
            for (int g = r.first; g <= r.last; ++g)
                QCOMPARE(subtaskOfKeyGroup(g, n), i);
            covered += r.last - r.first + 1;
        }
        QCOMPARE(covered, kMaxParallelism);
    }
    std::vector<int> cols = {0};
    for (std::int64_t k = -500; k < 500; ++k) {
        const Row row = {Value::integer(k)};
        const std::uint64_t h = keyHash(row, cols);
        QCOMPARE(keyHash(std::span<const Value>(row)), h); // a key in state hashes the same
        for (int n : {1, 2, 3, 4, 6}) {
            const auto channel = static_cast<int>(keyHashChannel(h, static_cast<std::size_t>(n)));
            QVERIFY(keyGroupRangeOf(channel, n).contains(keyGroupOf(h)));
            // Parallelisms dividing the group count route as the multiply-shift before groups.
            if (kMaxParallelism % n == 0) {
                __extension__ using U128 = unsigned __int128;
                QCOMPARE(channel, static_cast<int>((static_cast<U128>(h) * n) >> 64));
            }
        }
    }
}

void TstStateRescale::keyedStateRestoresAtAnotherParallelism_data()
{
    QTest::addColumn<int>("before");
    QTest::addColumn<int>("after");
    QTest::newRow("2 -> 1") << 2 << 1;
    QTest::newRow("2 -> 4") << 2 << 4;
    QTest::newRow("4 -> 2") << 4 << 2;
    QTest::newRow("2 -> 3") << 2 << 3;
}

void TstStateRescale::keyedStateRestoresAtAnotherParallelism()
{
    QFETCH(int, before);
    QFETCH(int, after);
    QTemporaryDir dir;
    const std::string d = dir.path().toStdString();
    crashAfter(pipeline(before), d, 3);
    if (QTest::currentTestFailed()) return;
    Engine e;
    EngineOptions o;
    o.dataDirectory = d;
    o.restore = EngineOptions::Restore::Latest;
    Status s = e.start(pipeline(after), o);
    QVERIFY2(s.isOk(), s.message().c_str());
    e.wait();
    for (const auto& ev : e.pollEvents())
        QVERIFY2(ev.kind != EngineEvent::Kind::Error, (ev.nodeId + ": " + ev.message).c_str());
    QVERIFY(e.state() == EngineState::Finished);
    QVERIFY(e.restoredCheckpoint() > 0);
    // The restore really moved state: the windows' subtasks at the new parallelism took over
    // keys (the generator continued from the checkpoint instead of starting again).
    for (const NodeMetrics& n : e.snapshot().nodes)
        if (n.nodeId == "gen") QVERIFY(n.recordsOut < static_cast<std::uint64_t>(kTotal));
    checkAgainstOracle(d);
}

void TstStateRescale::sourcePositionsRefuseAnotherParallelism()
{
    QTemporaryDir dir;
    const std::string d = dir.path().toStdString();
    crashAfter(pipeline(2), d, 2);
    if (QTest::currentTestFailed()) return;
    Engine e;
    EngineOptions o;
    o.dataDirectory = d;
    o.restore = EngineOptions::Restore::Latest;
    Status s = e.start(pipeline(2, 3), o);
    QVERIFY(!s);
    QVERIFY2(s.message().find("node 'gen'") != std::string::npos &&
                 s.message().find("parallelism changed from 2 to 3") != std::string::npos &&
                 s.message().find("cannot be redistributed") != std::string::npos,
             s.message().c_str());
}

void TstStateRescale::olderFormatRestoresAtTheSameParallelism()
{
    QTemporaryDir dir;
    const std::string d = dir.path().toStdString();
    crashAfter(dedupPipeline(2), d, 3);
    if (QTest::currentTestFailed()) return;
    writeLegacyCheckpoint(d);
    if (QTest::currentTestFailed()) return;
    Engine e;
    EngineOptions o;
    o.dataDirectory = d;
    o.restore = EngineOptions::Restore::Latest;
    Status s = e.start(dedupPipeline(2), o);
    QVERIFY2(s.isOk(), s.message().c_str());
    e.wait();
    QVERIFY(e.state() == EngineState::Finished);
    QVERIFY(e.restoredCheckpoint() > 0);
    // Every customer was in the restored (old-format) state: no second order of any.
    compareRows(
        sqliteRows(d + "/out_d.sqlite", "SELECT COUNT(*), COUNT(DISTINCT customer_id) FROM t"),
        {{std::to_string(kCustomers), std::to_string(kCustomers)}}, "dedup");
    auto raw = sqliteRows(d + "/raw.sqlite", "SELECT COUNT(DISTINCT order_id) FROM t");
    QCOMPARE(raw[0][0], std::to_string(kTotal));
}

void TstStateRescale::olderFormatRefusesWhereRoutingChanged()
{
    // At parallelism 3 (not a divisor of the key group count) records now go to other subtasks
    // than before key groups; at another parallelism old-format state cannot move.
    for (auto [before, after] : {std::pair{3, 3}, std::pair{2, 4}}) {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        crashAfter(dedupPipeline(before), d, 2);
        if (QTest::currentTestFailed()) return;
        writeLegacyCheckpoint(d);
        if (QTest::currentTestFailed()) return;
        Engine e;
        EngineOptions o;
        o.dataDirectory = d;
        o.restore = EngineOptions::Restore::Latest;
        Status s = e.start(dedupPipeline(after), o);
        QVERIFY(!s);
        QVERIFY2(s.message().find("node 'd'") != std::string::npos &&
                     s.message().find("written before key groups") != std::string::npos,
                 s.message().c_str());
    }
}

QTEST_GUILESS_MAIN(TstStateRescale)
#include "tst_state_rescale.moc"
