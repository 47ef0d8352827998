// Backpressure end to end: a sink throttled to ~10% of the source's measured rate. Records in
// flight (read from the engine's metrics) stay under a stated bound whatever the sink's speed,
// the backpressure reaches the source, nothing is lost or reordered, and throughput recovers
// when the throttle lifts. Rates are compared with each other (same process, same load), never
// with wall-clock constants.
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <limits>
#include <mutex>

#include "tst_engine_support.h"

using namespace sw::runtime;
using namespace sw::test;

namespace {

/// What the test shares with its source and sink.
struct Flow {
    std::atomic<std::int64_t> emitted{0};                                      // by the source
    std::atomic<std::int64_t> limit{std::numeric_limits<std::int64_t>::max()}; // source ends here
    std::atomic<std::int64_t> received{0};                                     // by the sink
    std::atomic<std::int64_t> outOfSequence{0};  // records whose id was not the next one
    std::atomic<std::int64_t> nanosPerRecord{0}; // sink throttle, 0 = none
    std::mutex mutex;
    std::condition_variable_any cv;
};

/// Emits rows (id, k, v, ts) with id = 0, 1, 2, ... until `limit`; 64 per poll, then a short
/// pause, so its rate is finite but far above the throttled sink's.
class SequenceSource : public SourceOperator {
public:
    explicit SequenceSource(std::shared_ptr<Flow> f) : m_f(std::move(f)) {}
    SourceStatus poll(Collector& out, std::size_t) override
    {
        for (int k = 0; k < 64; ++k) {
            if (m_next >= m_f->limit.load()) return SourceStatus::End;
            m_rec.row = {Value::integer(m_next), Value::integer(m_next % 10),
                         Value::integer(m_next * 7 % 101),
                         Value::timestamp(1'700'000'000'000 + m_next)};
            m_rec.timestamp = kNoTimestamp;
            m_f->emitted.fetch_add(1);
            ++m_next;
            out.emit(m_rec);
        }
        std::this_thread::sleep_for(std::chrono::microseconds(100));
        return SourceStatus::More;
    }

private:
    std::shared_ptr<Flow> m_f;
    std::int64_t m_next = 0;
    Record m_rec;
};

/// Checks that ids arrive as 0, 1, 2, ... and sleeps nanosPerRecord per record (the throttle;
/// lifting it or a stop request ends the sleep at once).
class ThrottledSink : public Operator {
public:
    explicit ThrottledSink(std::shared_ptr<Flow> f) : m_f(std::move(f)) {}
    Status open(OperatorContext& ctx) override
    {
        m_stop = ctx.stopToken();
        return Status::ok();
    }
    void processBatch(int, RecordBatch& batch, Collector&) override
    {
        if (std::int64_t ns = m_f->nanosPerRecord.load(); ns > 0) {
            auto until = std::chrono::steady_clock::now() +
                         std::chrono::nanoseconds(ns * static_cast<std::int64_t>(batch.size()));
            std::unique_lock l(m_f->mutex);
            m_f->cv.wait_until(l, m_stop, until, [&] { return m_f->nanosPerRecord.load() == 0; });
        }
        for (const Record& r : batch) {
            if (r.row[0].asInt() != m_expect) m_f->outOfSequence.fetch_add(1);
            m_expect = r.row[0].asInt() + 1;
        }
        m_f->received.fetch_add(static_cast<std::int64_t>(batch.size()));
    }

private:
    std::shared_ptr<Flow> m_f;
    std::stop_token m_stop;
    std::int64_t m_expect = 0;
};

/// Sink records/s over `ms` milliseconds, from two metrics snapshots.
double sinkRate(Engine& e, int ms)
{
    MetricsSnapshot a = e.snapshot();
    auto t0 = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    MetricsSnapshot b = e.snapshot();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return double(b.node("sink")->recordsIn - a.node("sink")->recordsIn) / secs;
}

} // namespace

class TstBackpressure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void throttledSinkBoundsMemoryLosesNothingAndRecovers();
};

void TstBackpressure::throttledSinkBoundsMemoryLosesNothingAndRecovers()
{
    auto flow = std::make_shared<Flow>();
    constexpr std::size_t kBatch = 256, kCapacity = 4;
    Engine e;
    EngineOptions o;
    o.chaining = false; // three threads and two channels (a full chain has no channel at all)
    o.batchSize = kBatch;
    o.channelCapacity = kCapacity;
    o.operatorOverrides["src"] = [flow](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<SequenceSource>(flow);
    };
    o.operatorOverrides["sink"] = [flow](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<ThrottledSink>(flow);
    };
    PipelineSpec p;
    p.nodes = {
        sourceNode("src",
                   {{"id", "BIGINT"}, {"k", "BIGINT"}, {"v", "BIGINT"}, {"ts", "TIMESTAMP(3)"}},
                   "ts", "0 ms"),
        node("m", "map",
             {{"columns", {{{"name", "id"}, {"expr", "id"}}}}, {"keep_input_columns", false}}),
        node("sink", "console-sink")};
    p.edges = {edge("src", "m"), edge("m", "sink")};
    QVERIFY(e.start(p, o).isOk());

    // Phase 0: unthrottled, to learn the source's rate on this machine now.
    QTRY_VERIFY_WITH_TIMEOUT(flow->received.load() > 10000, 60000);
    const double r0 = sinkRate(e, 400);
    QVERIFY(r0 > 0);

    // Phase 1: the sink runs at ~10% of that rate.
    flow->nanosPerRecord = static_cast<std::int64_t>(1e9 / (0.1 * r0));
    std::this_thread::sleep_for(std::chrono::milliseconds(100)); // let the queues fill
    const std::uint64_t blocked0 = e.snapshot().edges.front().blockedNs;
    // Stated bound on records between the source's output and the sink's input: per channel
    // (capacity + 2) batches (queued, being filled, being processed), 2 channels, plus the
    // source's partial batch. It does not depend on how slow the sink is.
    const std::int64_t bound =
        2 * std::int64_t(kCapacity + 2) * std::int64_t(kBatch) + std::int64_t(kBatch);
    std::int64_t peak = 0;
    std::uint64_t peakQueued = 0;
    auto t1 = std::chrono::steady_clock::now();
    const std::uint64_t in1 = e.snapshot().node("sink")->recordsIn;
    for (int i = 0; i < 100; ++i) { // ~1.5 s
        std::this_thread::sleep_for(std::chrono::milliseconds(15));
        MetricsSnapshot s = e.snapshot();
        // In flight = what left the source - what reached the sink (metrics only).
        peak = std::max(peak, std::int64_t(s.node("src")->recordsOut) -
                                  std::int64_t(s.node("sink")->recordsIn));
        for (const EdgeMetrics& ed : s.edges) {
            peakQueued = std::max(peakQueued, ed.queuedBatches);
            QVERIFY(ed.queuedBatches <= ed.capacityBatches);
        }
    }
    const double r1 = double(e.snapshot().node("sink")->recordsIn - in1) /
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    const std::uint64_t blocked1 = e.snapshot().edges.front().blockedNs;
    qInfo("rates: free %.0f/s, throttled %.0f/s; peak in flight %lld (bound %lld), peak queued "
          "%llu batches",
          r0, r1, (long long)peak, (long long)bound, (unsigned long long)peakQueued);
    QVERIFY2(peak <= bound, qPrintable(QString("in flight %1 > bound %2").arg(peak).arg(bound)));
    QVERIFY(peakQueued <= kCapacity);
    QVERIFY2(blocked1 > blocked0, "the source edge never blocked: backpressure did not reach it");
    QVERIFY2(r1 < 0.5 * r0, qPrintable(QString("throttle ineffective: %1 vs %2").arg(r1).arg(r0)));

    // Phase 2: lift the throttle; the sink's rate recovers (expected ~10x the throttled rate).
    flow->nanosPerRecord = 0;
    flow->cv.notify_all();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const double r2 = sinkRate(e, 400);
    qInfo("recovered rate %.0f/s (%.1fx throttled)", r2, r2 / r1);
    QVERIFY2(r2 > 3 * r1,
             qPrintable(QString("no recovery: %1/s after vs %2/s throttled").arg(r2).arg(r1)));

    // End the source and check that every record arrived once, in order.
    flow->limit = flow->emitted.load() + 5000;
    auto ev = runToEnd(e);
    QVERIFY2(errorsOf(ev).empty(), errorsOf(ev).c_str());
    SW_COMPARE_ENUM(e.state(), EngineState::Finished);
    QCOMPARE(flow->received.load(), flow->limit.load());
    QCOMPARE(flow->outOfSequence.load(), std::int64_t(0));
    MetricsSnapshot s = e.snapshot();
    QCOMPARE(s.node("src")->recordsOut, std::uint64_t(flow->limit.load()));
    QCOMPARE(s.node("sink")->recordsIn, std::uint64_t(flow->limit.load()));
}

QTEST_GUILESS_MAIN(TstBackpressure)
#include "tst_backpressure.moc"
