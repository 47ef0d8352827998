// Time through the engine. Processing time: a global window with a processing-time trigger emits
// the updated aggregate of every key that changed, keeps silent for unchanged keys, and (like
// Flink's global windows) fires nothing at end of input. Event time: an idle source stops holding
// back the watermark of a union (min over non-idle inputs) only when it has an idle timeout.
// Absence is asserted after an event that proves the engine got there (a later firing's output,
// the window node's record count), never after a sleep.
#include <QtTest>

#include <map>

#include "tst_engine_support.h"

using namespace sw::runtime;
using namespace sw::test;

class TstTime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void globalWindowFiresChangedKeysOnProcessingTime();
    void idleSourceReleasesTheWatermark_data();
    void idleSourceReleasesTheWatermark();
};

namespace {

/// Latest COUNT(*) per key among the sink's rows (k, cnt).
std::map<std::int64_t, std::int64_t> latest(Collected& sink)
{
    std::map<std::int64_t, std::int64_t> m;
    for (const Record& r : sink.take())
        m[r.row[0].asInt()] = r.row[1].asInt();
    return m;
}

} // namespace

void TstTime::globalWindowFiresChangedKeysOnProcessingTime()
{
    // 1000 rows of keys 0..9, then two rows of key 99 that the test hands out one at a time.
    auto rows = std::make_shared<std::vector<Row>>();
    for (int i = 0; i < 1000; ++i)
        rows->push_back({Value::integer(i % 10), Value::integer(i)});
    rows->push_back({Value::integer(99), Value::integer(1000)});
    rows->push_back({Value::integer(99), Value::integer(1001)});
    auto sink = std::make_shared<Collected>();
    std::atomic<bool> go{false};
    std::atomic<std::int64_t> release{1000};
    Engine e;
    EngineOptions o;
    VectorSourceConfig c{rows};
    c.unbounded = true; // stays open after its rows: only the trigger can fire
    c.go = &go;
    c.release = &release;
    o.operatorOverrides["src"] = vectorSource(c);
    o.operatorOverrides["sink"] = collectingSink(sink);
    PipelineSpec p;
    p.nodes = {sourceNode("src", {{"k", "BIGINT"}, {"v", "BIGINT"}}),
               node("g", "global-window",
                    {{"trigger", "processing-time"},
                     {"trigger_interval", "50 ms"},
                     {"keys", {"k"}},
                     {"aggregates", {{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}}}}}),
               node("sink", "console-sink")};
    p.edges = {edge("src", "g"), edge("g", "sink")};
    Status s = e.start(p, o);
    QVERIFY2(s.isOk(), s.message().c_str());
    go = true;
    // Every key's count reaches 100 through periodic firings.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto m = latest(*sink);
            if (m.size() != 10) return false;
            for (const auto& [k, n] : m)
                if (n != 100) return false;
            return true;
        }(),
        60000);
    // Unchanged keys are not re-emitted. Key 99 changes twice, the second time only once the
    // first change was emitted: (99, 2) comes from a later firing than (99, 1), and everything
    // the firings before it emitted arrived first (one thread, FIFO). So the rows after the
    // counts reached 100 must be exactly (99, 1), (99, 2).
    const std::size_t fired = sink->take().size();
    QVERIFY(fired >= 10);
    auto countOf99 = [&] {
        auto m = latest(*sink);
        return m.count(99) ? m[99] : std::int64_t(0);
    };
    release = 1001;
    QTRY_COMPARE_WITH_TIMEOUT(countOf99(), std::int64_t(1), 60000);
    release = 1002;
    QTRY_COMPARE_WITH_TIMEOUT(countOf99(), std::int64_t(2), 60000);
    std::vector<Record> after = sink->take();
    after.erase(after.begin(), after.begin() + static_cast<std::ptrdiff_t>(fired));
    // Flink's changelog: the second change retracts the first row (-U) before the new one (+U).
    QCOMPARE(after.size(), std::size_t(3));
    const RowKind kinds[] = {RowKind::Insert, RowKind::UpdateBefore, RowKind::UpdateAfter};
    const std::int64_t counts[] = {1, 1, 2};
    for (std::size_t i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].row[0].asInt(), std::int64_t(99));
        QCOMPARE(after[i].row[1].asInt(), counts[i]);
        QVERIFY(after[i].kind == kinds[i]);
    }
    e.stop(StopMode::Drain);
    QVERIFY(e.wait(60000));
    SW_COMPARE_ENUM(e.state(), EngineState::Stopped);
    QCOMPARE(sink->take().size(), fired + 3); // nothing fires at end of input
    QVERIFY(errorsOf(e.pollEvents()).empty());
}

void TstTime::idleSourceReleasesTheWatermark_data()
{
    QTest::addColumn<bool>("idleTimeout");
    QTest::newRow("idle timeout") << true;
    QTest::newRow("no idle timeout") << false;
}

void TstTime::idleSourceReleasesTheWatermark()
{
    // fast: 4000 rows, 10 ms apart; slow: 20 rows over the first 200 ms, then silent (open).
    QFETCH(bool, idleTimeout);
    const std::int64_t t0 = 1'700'000'000'000;
    auto fast = std::make_shared<std::vector<Row>>(), slow = std::make_shared<std::vector<Row>>();
    for (int i = 0; i < 4000; ++i)
        fast->push_back({Value::integer(i), Value::timestamp(t0 + i * 10)});
    for (int i = 0; i < 20; ++i)
        slow->push_back({Value::integer(-i), Value::timestamp(t0 + i * 10)});
    const std::vector<std::pair<std::string, std::string>> cols = {{"id", "BIGINT"},
                                                                   {"ts", "TIMESTAMP(3)"}};
    PipelineSpec p;
    NodeSpec slowNode = sourceNode("slow", cols, "ts", "0 ms");
    if (idleTimeout) slowNode.properties["idle_timeout"] = "100 ms";
    p.nodes = {sourceNode("fast", cols, "ts", "0 ms"), slowNode, node("u", "union"),
               node("w", "tumbling-window",
                    {{"size", "1 s"},
                     {"aggregates", {{{"function", "COUNT"}, {"column", "*"}, {"as", "n"}}}}}),
               node("sink", "console-sink")};
    p.edges = {edge("fast", "u"), edge("slow", "u"), edge("u", "w"), edge("w", "sink")};
    auto sink = std::make_shared<Collected>();
    std::atomic<std::int64_t> fastEmitted{0}, fastRelease{3999};
    VectorSourceConfig fc{fast}, sc{slow};
    fc.unbounded = sc.unbounded = true; // neither ends: only idleness can move the watermark
    fc.emitted = &fastEmitted;
    fc.release = &fastRelease; // the last fast row only after the fast watermark went out
    fc.pause = std::chrono::milliseconds(10); // ~0.6 s for the fast input: it outlives the 200 ms
    fc.perPoll = 64;
    Engine e;
    EngineOptions o;
    // The slow source turns idle (100 ms) before its first periodic watermark (200 ms): that
    // watermark must not be sent while idle, or it would re-activate the channel for good.
    o.watermarkIntervalMs = 200;
    o.operatorOverrides["fast"] = vectorSource(fc);
    o.operatorOverrides["slow"] = vectorSource(sc);
    o.operatorOverrides["sink"] = collectingSink(sink);
    QVERIFY(e.start(p, o).isOk());
    auto metrics = [&](const char* id) { return *e.snapshot().node(id); };
    // The fast source has sent the watermark of its 3999 rows (W = maxTs - 0 - 1), then its last
    // row: when the window node has counted all 4020 rows, it has handled whatever that
    // watermark became in the union (the same channel carried the watermark first).
    QTRY_COMPARE_WITH_TIMEOUT(fastEmitted.load(), std::int64_t(3999), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(metrics("fast").watermark, t0 + 3998 * 10 - 1, 60000);
    fastRelease = 4000;
    QTRY_COMPARE_WITH_TIMEOUT(metrics("w").recordsIn, std::uint64_t(4020), 60000);
    if (idleTimeout) {
        // The fast input alone drives the watermark: windows up to its last full second fire.
        QTRY_VERIFY_WITH_TIMEOUT(sink->count.load() >= 39, 20000);
    } else {
        // The silent input holds the watermark (its max - 1) below the first window's end:
        // nothing fired.
        QTRY_COMPARE_WITH_TIMEOUT(metrics("w").watermark, t0 + 19 * 10 - 1, 60000);
        QCOMPARE(metrics("w").recordsOut, std::uint64_t(0));
        QCOMPARE(sink->count.load(), std::int64_t(0));
    }
    e.stop(StopMode::Drain);
    QVERIFY(e.wait(60000));
    QVERIFY(errorsOf(e.pollEvents()).empty());
    auto rows = sink->take();
    QCOMPARE(rows.size(), std::size_t(40)); // the drain fires the rest
    std::int64_t total = 0;
    for (const Record& r : rows)
        total += r.row[2].asInt();
    QCOMPARE(total, std::int64_t(4020));
}

QTEST_GUILESS_MAIN(TstTime)
#include "tst_time.moc"
