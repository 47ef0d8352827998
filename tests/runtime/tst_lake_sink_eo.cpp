// The lake sink under `"delivery": "exactly-once"`: the part-file model of the file sink
// (PartFileCommitter) with one bucket per partition directory. Driven directly at every crash
// point of the two-phase commit (rows received / barrier k / k stored / k committed / rows
// after k), and a whole run cancelled (a crash) after some checkpoints and resumed: the
// independent reader (python3-avro) sees every order exactly once, in its partition, and never
// a part of an uncommitted checkpoint or a half-written file.
#include <QtTest>

#include <set>

#include "LakeReader.h"
#include "PipelineRunner.h"
#include "SinkRun.h"
#include "state/OperatorState.h"

using namespace sw::runtime;
using namespace sw::test;

namespace {

const Schema kSchema = [] {
    Schema s({{"id", DataType::bigint()}, {"ts", DataType::timestamp()}});
    s.setRowtime("ts");
    return s;
}();
constexpr std::int64_t kBase = 1796601600000; // 2026-12-07 00:00:00 UTC

/// Rows from..to-1, alternating between the hours 00 and 01 of 2026-12-07.
std::vector<Record> rows(std::int64_t from, std::int64_t to)
{
    std::vector<Record> out;
    for (std::int64_t i = from; i < to; ++i) {
        const std::int64_t ts = kBase + (i % 2) * 3600000 + i;
        Record r({Value::integer(i), Value::timestamp(ts)}, ts);
        out.push_back(std::move(r));
    }
    return out;
}

SinkRun openSink(const std::string& dir)
{
    SinkRun s;
    NodeSpec n = makeNode("lake", "lake-sink", {{"path", "lake"}, {"roll_size", 1024}});
    s.h = std::make_unique<OperatorHarness>(n, std::vector<Schema>{kSchema}, 0, 1, dir);
    s.out = std::make_unique<CaptureCollector>(1, 0, "lake");
    const NodeType* t = Catalog::instance().find(n.type);
    OperatorSpec spec{s.h->node, *t, s.h->inputs, s.h->outputs, 0, 1, dir};
    spec.delivery = DeliveryGuarantee::ExactlyOnce;
    auto op = builtinOperators().find(n.type)->operator()(spec);
    if (!op) qFatal("%s", op.error().message.c_str());
    s.op = std::move(*op);
    if (!s.op->isTwoPhaseCommitSink()) qFatal("not a two-phase-commit sink");
    Status st = s.op->open(*s.h->ctx);
    if (!st) qFatal("%s", st.message().c_str());
    return s;
}

/// The ids the reader sees, sorted; fails the test on an unreadable file or a row in the
/// wrong partition.
std::vector<std::int64_t> visible(const std::string& dir, const char* idColumn = "id",
                                  const char* timeColumn = "ts")
{
    const LakeRead r = readLake(dir + "/lake", {}, timeColumn, "dt=%Y-%m-%d/hr=%H");
    if (!r.ok) qFatal("reader: %s", r.error.c_str());
    std::vector<std::int64_t> ids;
    for (const LakeRow& x : r.rows) {
        if (x.dir != x.expectedDir)
            qFatal("row in %s, expected %s", x.dir.c_str(), x.expectedDir.c_str());
        ids.push_back(x.row[idColumn].get<std::int64_t>());
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::size_t pendingLakeFiles(const std::string& root)
{
    std::size_t n = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
        const std::string name = e.path().filename().string();
        n += name.size() > 8 && name.compare(name.size() - 8, 8, ".pending") == 0 ? 1 : 0;
    }
    return n;
}

enum class Crash { RowsReceived, BarrierTaken, CheckpointStored, Committed, RowsAfterCommit };

} // namespace

class TstLakeSinkEo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void crashPoints_data();
    void crashPoints();
    void cancelledRunResumesExactlyOnce();
};

void TstLakeSinkEo::crashPoints_data()
{
    QTest::addColumn<int>("crash");
    for (int c = 0; c <= 4; ++c)
        QTest::addRow("crash-%d", c) << c;
}

void TstLakeSinkEo::crashPoints()
{
    // As tst_exactly_once's file sink, with two partitions and roll_size 1 KiB (parts roll
    // between barriers too: staged, then committed with the next checkpoint). Checkpoint 1
    // covers rows 0..399, rows 400..799 precede barrier 2.
    QFETCH(int, crash);
    const Crash c = static_cast<Crash>(crash);
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    StateBlobs cp1, cp2;
    {
        SinkRun a = openSink(dir);
        feed(*a.op, rows(0, 400), a.out->out());
        a.barrier(1, &cp1);
        QCOMPARE(visible(dir), std::vector<std::int64_t>{}); // not before completion
        a.op->notifyCheckpointComplete(1);
        QCOMPARE(visible(dir), range(0, 400));
        feed(*a.op, rows(400, 800), a.out->out());
        QCOMPARE(visible(dir), range(0, 400)); // rolled parts are staged, not visible
        QVERIFY2(pendingLakeFiles(dir + "/lake") > 0, "parts rolled on size before barrier 2");
        if (c != Crash::RowsReceived) {
            a.barrier(2, &cp2);
            QCOMPARE(visible(dir), range(0, 400));
        }
        if (c == Crash::Committed || c == Crash::RowsAfterCommit) {
            a.op->notifyCheckpointComplete(2);
            QCOMPARE(visible(dir), range(0, 800));
        }
        if (c == Crash::RowsAfterCommit) feed(*a.op, rows(800, 900), a.out->out());
        if (c == Crash::RowsReceived) QVERIFY(hiddenLakeFiles(dir + "/lake") > 0);
        // crash: dropped without close()
    }
    const bool stored = c >= Crash::CheckpointStored;
    SinkRun b = openSink(dir);
    b.restore(stored ? cp2 : cp1);
    QCOMPARE(visible(dir), stored ? range(0, 800) : range(0, 400));
    QCOMPARE(hiddenLakeFiles(dir + "/lake"), std::size_t(0)); // leftovers removed
    feed(*b.op, rows(stored ? 800 : 400, 1200), b.out->out());
    b.barrier(3, nullptr);
    b.op->notifyCheckpointComplete(3);
    b.op->close();
    QCOMPARE(visible(dir), range(0, 1200));
}

void TstLakeSinkEo::cancelledRunResumesExactlyOnce()
{
    // Orders at 2 subtasks into a lake sink at parallelism 2 with checkpoints every 50 ms and
    // 4 KiB parts; the run is cancelled once 3 checkpoints completed (nothing flushed or
    // committed at its end), then resumed from the latest checkpoint to the end.
    constexpr int kTotal = 20000;
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    PipelineSpec p;
    p.settings.name = "lake-eo";
    p.settings.delivery = DeliveryGuarantee::ExactlyOnce;
    p.settings.checkpointIntervalMs = 50;
    p.nodes = {
        pnode("gen", "generator",
              {{"kind", "orders"},
               {"seed", 4},
               {"total_events", kTotal},
               {"events_per_second", 20000},
               {"start_time", "2026-12-07 13:59:59"},
               {"parallelism", 2}}),
        pnode("lake", "lake-sink", {{"path", "lake"}, {"roll_size", 4096}, {"parallelism", 2}})};
    p.edges = {pedge("gen", "out", "lake")};
    {
        Engine e;
        EngineOptions o;
        o.dataDirectory = dir;
        QVERIFY(e.start(p, o).isOk());
        while (e.completedCheckpoints() < 3 && !e.wait(5)) {
        }
        QVERIFY2(e.state() == EngineState::Running, "still running at the crash");
        e.stop(StopMode::Cancel);
        e.wait();
    }
    const auto before = visible(dir, "order_id", "event_time");
    QVERIFY(!before.empty());
    QVERIFY(std::set<std::int64_t>(before.begin(), before.end()).size() == before.size());
    QVERIFY2(before.size() < std::size_t(kTotal), "the crash came before the end");
    Engine e;
    EngineOptions o;
    o.dataDirectory = dir;
    o.restore = EngineOptions::Restore::Latest;
    QVERIFY(e.start(p, o).isOk());
    e.wait();
    for (const auto& ev : e.pollEvents())
        QVERIFY2(ev.kind != EngineEvent::Kind::Error, ev.message.c_str());
    QVERIFY(e.state() == EngineState::Finished);
    QVERIFY(e.restoredCheckpoint() > 0);
    const auto after = visible(dir, "order_id", "event_time");
    QCOMPARE(after.size(), std::size_t(kTotal));
    QCOMPARE(std::set<std::int64_t>(after.begin(), after.end()).size(), std::size_t(kTotal));
    QCOMPARE(hiddenLakeFiles(dir + "/lake"), std::size_t(0));
}

QTEST_GUILESS_MAIN(TstLakeSinkEo)
#include "tst_lake_sink_eo.moc"
