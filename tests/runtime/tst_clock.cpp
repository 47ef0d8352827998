// The run's processing-time clock (runtime/time/Clock.h). A VirtualClock moves only when told:
// processing-time windows, the global window's processing-time trigger and processing-time
// TTLs follow it, so nothing here sleeps. Absence of output is asserted only after the
// engine proved it processed everything (the window node's input count).
#include <QtTest>

#include "exec/InputGate.h"
#include "time/Clock.h"
#include "tst_engine_support.h"

using namespace sw::runtime;
using namespace sw::test;

class TstClock : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void virtualClockMovesOnlyForward();
    void systemClockIsTheDefault();
    void tumblingProcessingTimeWindowFollowsTheVirtualClock();
    void globalWindowTriggerFollowsTheVirtualClock();
    void orderedGateMergesByTimeThenChannel();
};

namespace {

const std::int64_t kT0 = 1'800'000'000'000; // a whole second

std::shared_ptr<std::vector<Row>> keyedRows(int n, int keys)
{
    auto rows = std::make_shared<std::vector<Row>>();
    for (int i = 0; i < n; ++i)
        rows->push_back({Value::integer(i % keys), Value::integer(i)});
    return rows;
}

std::uint64_t inputOf(Engine& e, const char* id)
{
    const auto* n = e.snapshot().node(id);
    return n ? n->recordsIn : 0;
}

} // namespace

void TstClock::virtualClockMovesOnlyForward()
{
    VirtualClock c(kT0);
    QVERIFY(c.isVirtual());
    QCOMPARE(c.nowMs(), kT0);
    QVERIFY(c.advanceTo(kT0 + 5));
    QVERIFY(!c.advanceTo(kT0 + 1)); // never backwards
    QCOMPARE(c.nowMs(), kT0 + 5);
    QVERIFY(c.advanceBy(10));
    QCOMPARE(c.nowMs(), kT0 + 15);
    const auto p0 = c.pacingNow();
    c.advanceBy(250);
    QCOMPARE(std::chrono::duration_cast<std::chrono::milliseconds>(c.pacingNow() - p0).count(),
             std::int64_t(250));
}

void TstClock::systemClockIsTheDefault()
{
    SubtaskCounters counters;
    OperatorContext ctx("n", 0, 1, {}, {}, counters);
    QVERIFY(!ctx.clock().isVirtual());
    const std::int64_t before = SystemClock::instance().nowMs();
    const std::int64_t now = ctx.processingTimeMs();
    QVERIFY(now >= before && now <= SystemClock::instance().nowMs());
    VirtualClock v(kT0);
    ctx.setClock(&v);
    QCOMPARE(ctx.processingTimeMs(), kT0);
}

void TstClock::tumblingProcessingTimeWindowFollowsTheVirtualClock()
{
    // 300 rows of 3 keys arrive at virtual time T0 + 100 ms: all in window [T0, T0 + 1 s),
    // which fires only when the clock reaches its end, never from the wall clock.
    auto clock = std::make_shared<VirtualClock>(kT0 + 100);
    auto sink = std::make_shared<Collected>();
    auto rows = keyedRows(300, 3);
    rows->push_back({Value::integer(99), Value::integer(300)}); // the marker row, see below
    std::atomic<std::int64_t> release{300};
    VectorSourceConfig c{rows};
    c.unbounded = true;
    c.release = &release;
    Engine e;
    EngineOptions o;
    o.clock = clock;
    o.operatorOverrides["src"] = vectorSource(c);
    o.operatorOverrides["sink"] = collectingSink(sink);
    PipelineSpec p;
    p.nodes = {sourceNode("src", {{"k", "BIGINT"}, {"v", "BIGINT"}}),
               node("w", "tumbling-window",
                    {{"time", "processing-time"},
                     {"size", "1 s"},
                     {"keys", {"k"}},
                     {"aggregates", {{{"function", "COUNT"}, {"column", "*"}, {"as", "n"}}}}}),
               node("sink", "console-sink")};
    p.edges = {edge("src", "w"), edge("w", "sink")};
    Status s = e.start(p, o);
    QVERIFY2(s.isOk(), s.message().c_str());
    // A node counts a batch before processing it: the marker row's batch being counted proves
    // every batch before it (the 300 rows) was processed at T0 + 100.
    QTRY_COMPARE_WITH_TIMEOUT(inputOf(e, "w"), std::uint64_t(300), 60000);
    release = 301;
    QTRY_COMPARE_WITH_TIMEOUT(inputOf(e, "w"), std::uint64_t(301), 60000);
    // Every row is in the window; its end is 900 virtual ms away and no wall time counts.
    QCOMPARE(sink->count.load(), std::int64_t(0));
    QVERIFY(clock->advanceTo(kT0 + 1000));
    // Keys 0..2 fire once with all their rows (the marker's key 99 may land in either window).
    auto keysFired = [&] {
        std::map<std::int64_t, std::int64_t> n;
        for (const Record& r : sink->take())
            if (r.row[2].asInt() != 99) {
                if (r.row[0].asTimestamp() != kT0 || r.row[1].asTimestamp() != kT0 + 1000)
                    return std::map<std::int64_t, std::int64_t>{{-1, -1}}; // another window
                n[r.row[2].asInt()] += r.row[3].asInt();
            }
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(keysFired().size(), std::size_t(3), 60000);
    for (const auto& [k, n] : keysFired())
        QCOMPARE(n, std::int64_t(100));
    e.stop(StopMode::Cancel);
    QVERIFY(e.wait(60000));
}

void TstClock::globalWindowTriggerFollowsTheVirtualClock()
{
    // A processing-time trigger every 50 ms (aligned): rows handed out at virtual T0 + 10 fire
    // at T0 + 50 once; rows released at T0 + 60 fire at T0 + 100. A node counts a batch before
    // processing it, so after each group the test releases a marker row (its own key) and waits
    // for it to be counted: every row before it was processed at the intended virtual time. The
    // marker is processed before the next timer check (one thread), so it fires with its group.
    auto clock = std::make_shared<VirtualClock>(kT0 + 10);
    auto sink = std::make_shared<Collected>();
    auto rows = std::make_shared<std::vector<Row>>();
    auto group = [&](std::int64_t marker) {
        for (int i = 0; i < 100; ++i)
            rows->push_back({Value::integer(i % 4), Value::integer(i)});
        rows->push_back({Value::integer(marker), Value::integer(-1)});
    };
    group(99);
    group(98);
    std::atomic<std::int64_t> release{100};
    VectorSourceConfig c{rows};
    c.unbounded = true;
    c.release = &release;
    Engine e;
    EngineOptions o;
    o.clock = clock;
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
    auto handOut = [&](std::int64_t upTo) {
        release = upTo;
        QTRY_COMPARE_WITH_TIMEOUT(inputOf(e, "g"), std::uint64_t(upTo), 60000);
    };
    handOut(100);
    handOut(101); // marker 99
    QCOMPARE(sink->count.load(), std::int64_t(0));
    clock->advanceTo(kT0 + 50);
    QTRY_COMPARE_WITH_TIMEOUT(sink->count.load(), std::int64_t(5), 60000);
    std::map<std::int64_t, std::int64_t> latest;
    for (const Record& r : sink->take())
        latest[r.row[0].asInt()] = r.row[1].asInt();
    QCOMPARE(latest,
             (std::map<std::int64_t, std::int64_t>{{0, 25}, {1, 25}, {2, 25}, {3, 25}, {99, 1}}));
    // The second group arrives at T0 + 60; the firing at T0 + 100 emits -U/+U for each
    // changed key and +I for marker 98, once; key 99 did not change and stays silent.
    clock->advanceTo(kT0 + 60);
    handOut(201);
    handOut(202); // marker 98
    QCOMPARE(sink->count.load(), std::int64_t(5));
    clock->advanceTo(kT0 + 100);
    QTRY_COMPARE_WITH_TIMEOUT(sink->count.load(), std::int64_t(14), 60000);
    latest.clear();
    for (const Record& r : sink->take())
        if (r.kind != RowKind::UpdateBefore) latest[r.row[0].asInt()] = r.row[1].asInt();
    QCOMPARE(latest, (std::map<std::int64_t, std::int64_t>{
                         {0, 50}, {1, 50}, {2, 50}, {3, 50}, {98, 1}, {99, 1}}));
    e.stop(StopMode::Cancel);
    QVERIFY(e.wait(60000));
}

void TstClock::orderedGateMergesByTimeThenChannel()
{
    // Stream time (EngineOptions::streamTime): a subtask takes the smallest (time, channel)
    // element, and only once no other channel can still send an earlier one.
    InputGate gate(1);
    gate.setOrdered(true);
    gate.addChannel(0, nullptr);
    gate.addChannel(0, nullptr);
    std::stop_source stop;
    auto tagged = [](StreamElement e, std::int64_t t) {
        e.procTime = t;
        return e;
    };
    auto batch = [&](int rows, std::int64_t t) {
        auto b = std::make_unique<RecordBatch>();
        for (int i = 0; i < rows; ++i)
            b->appendSlot().row = {Value::integer(i)};
        return tagged(StreamElement::records(std::move(b)), t);
    };
    int ch = -1;
    StreamElement e;
    // Channel 1 has data at 10, channel 0 sent nothing yet: it might still send something at
    // an earlier time, so nothing is taken.
    QVERIFY(gate.push(1, batch(1, 10), stop.get_token()));
    QVERIFY(gate.tryPop(ch, e) == InputGate::PopResult::Timeout);
    // Channel 0 at 10 too: channel 0 first (same time, lower channel); pushes never block.
    QVERIFY(gate.push(0, batch(2, 10), stop.get_token()));
    QVERIFY(gate.push(0, batch(3, 10), stop.get_token()));
    QVERIFY(gate.tryPop(ch, e) == InputGate::PopResult::Element);
    QCOMPARE(ch, 0);
    QCOMPARE(e.batch->size(), std::size_t(2));
    QVERIFY(gate.tryPop(ch, e) == InputGate::PopResult::Element);
    QCOMPARE(ch, 0);
    // Channel 0 is empty at time 10: it may send more at 10, which sorts before channel 1's.
    QVERIFY(gate.tryPop(ch, e) == InputGate::PopResult::Timeout);
    QVERIFY(gate.push(0, tagged(StreamElement::time(20), 20), stop.get_token()));
    QVERIFY(gate.tryPop(ch, e) == InputGate::PopResult::Element);
    QCOMPARE(ch, 1);
    QVERIFY(e.kind == StreamElement::Kind::Records);
    // Channel 0's time 20 waits for channel 1 to pass 20 (here: watermarks sent at 30, 31,
    // which do not coalesce: each keeps its time).
    QVERIFY(gate.tryPop(ch, e) == InputGate::PopResult::Timeout);
    QVERIFY(gate.push(1, tagged(StreamElement::watermark(5), 30), stop.get_token()));
    QVERIFY(gate.push(1, tagged(StreamElement::watermark(6), 31), stop.get_token()));
    QVERIFY(gate.tryPop(ch, e) == InputGate::PopResult::Element);
    QCOMPARE(ch, 0);
    QVERIFY(e.kind == StreamElement::Kind::Time);
    QVERIFY(gate.tryPop(ch, e) == InputGate::PopResult::Timeout); // channel 0 is at 20
    // An ended channel holds nobody back.
    QVERIFY(gate.push(0, tagged(StreamElement::endOfInput(), 20), stop.get_token()));
    QVERIFY(gate.tryPop(ch, e) == InputGate::PopResult::Element);
    QVERIFY(e.kind == StreamElement::Kind::EndOfInput);
    QVERIFY(gate.tryPop(ch, e) == InputGate::PopResult::Element);
    QCOMPARE(e.value, EventTime(5));
    QVERIFY(gate.tryPop(ch, e) == InputGate::PopResult::Element);
    QCOMPARE(e.value, EventTime(6));
}

QTEST_GUILESS_MAIN(TstClock)
#include "tst_clock.moc"
