// Backpressure end to end, asserted on the mechanism (no rates, no sleeps): a sink that takes a
// batch only when the test hands it a permit. While it holds, both channels fill to capacity, the
// source's thread is parked on its full channel (the edge reports its producer blocked now) and the
// records in flight stay under the bound runtime/exec/README.md states; each permit lets exactly
// one batch through, the producers resume only into the room that frees and their blocked-time
// counters grow; when the throttle lifts, every record arrives once, in order. Throughput figures
// (free, throttled, recovered) are measured by bench/bench_backpressure.cpp, not asserted here.
#include <QtTest>

#include <algorithm>
#include <atomic>
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
    std::atomic<std::int64_t> received{0};      // by the sink, after its batch was taken
    std::atomic<std::int64_t> batchesTaken{0};  // by the sink
    std::atomic<std::int64_t> outOfSequence{0}; // records whose id was not the next one
    std::atomic<std::int64_t> peakInFlight{0};  // max over emits of emitted - received
    // The sink's throttle: it takes a batch only with a permit, or when open (under `mutex`).
    std::mutex mutex;
    std::condition_variable_any cv;
    std::int64_t permits = 0;
    bool open = false;

    void grant(std::int64_t n, bool openAll = false)
    {
        {
            std::lock_guard l(mutex);
            permits += n;
            open = open || openAll;
        }
        cv.notify_all();
    }
};

/// Emits rows (id, k, v, ts) with id = 0, 1, 2, ... until `limit`, as fast as it is let. Before
/// each emit it counts the record as in flight and keeps the peak of emitted - received (exact
/// for emitted, conservative for received, which only grows).
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
            const std::int64_t inFlight = m_f->emitted.fetch_add(1) + 1 - m_f->received.load();
            if (inFlight > m_f->peakInFlight.load()) m_f->peakInFlight.store(inFlight);
            ++m_next;
            out.emit(m_rec); // blocks inside while the channel is full
        }
        return SourceStatus::More;
    }

private:
    std::shared_ptr<Flow> m_f;
    std::int64_t m_next = 0;
    Record m_rec;
};

/// Waits for a permit (or the open throttle, or a stop request) before taking each batch, then
/// checks that ids arrive as 0, 1, 2, ...
class PermitSink : public Operator {
public:
    explicit PermitSink(std::shared_ptr<Flow> f) : m_f(std::move(f)) {}
    Status open(OperatorContext& ctx) override
    {
        m_stop = ctx.stopToken();
        return Status::ok();
    }
    void processBatch(int, RecordBatch& batch, Collector&) override
    {
        {
            std::unique_lock l(m_f->mutex);
            m_f->cv.wait(l, m_stop, [&] { return m_f->open || m_f->permits > 0; });
            if (!m_f->open && m_f->permits > 0) --m_f->permits;
        }
        for (const Record& r : batch) {
            if (r.row[0].asInt() != m_expect) m_f->outOfSequence.fetch_add(1);
            m_expect = r.row[0].asInt() + 1;
        }
        m_f->received.fetch_add(static_cast<std::int64_t>(batch.size()));
        m_f->batchesTaken.fetch_add(1);
    }

private:
    std::shared_ptr<Flow> m_f;
    std::stop_token m_stop;
    std::int64_t m_expect = 0;
};

/// Both channels full and both producers (the source's thread on src -> m, the map's on
/// m -> sink) waiting on them now: the pipeline is stalled by the sink alone.
bool stalled(Engine& e)
{
    MetricsSnapshot s = e.snapshot();
    if (s.edges.size() != 2) return false;
    for (const EdgeMetrics& ed : s.edges)
        if (ed.blockedProducers != 1 || ed.queuedBatches != ed.capacityBatches) return false;
    return true;
}

} // namespace

class TstBackpressure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void throttledSinkBlocksTheSourceBoundsMemoryAndLosesNothing();
};

void TstBackpressure::throttledSinkBlocksTheSourceBoundsMemoryAndLosesNothing()
{
    auto flow = std::make_shared<Flow>();
    constexpr std::size_t kBatch = 256, kCapacity = 4;
    constexpr std::int64_t kPermits = 2 * kCapacity;
    Engine e;
    EngineOptions o;
    o.chaining = false; // three threads and two channels (a full chain has no channel at all)
    o.batchSize = kBatch;
    o.channelCapacity = kCapacity;
    o.operatorOverrides["src"] = [flow](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<SequenceSource>(flow);
    };
    o.operatorOverrides["sink"] = [flow](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<PermitSink>(flow);
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
    // Bound on records between the source's emit and the end of the sink's processBatch
    // (runtime/exec/README.md): per channel (capacity + 2) batches (queued, being filled by the
    // producer, being processed by the consumer), 2 channels. It does not depend on the sink.
    const std::int64_t bound = 2 * std::int64_t(kCapacity + 2) * std::int64_t(kBatch);
    const std::int64_t full = 2 * std::int64_t(kCapacity) * std::int64_t(kBatch);

    // Held: the sink takes nothing. The channels fill and the source parks in emit.
    QTRY_VERIFY_WITH_TIMEOUT(stalled(e), 60000);
    QCOMPARE(flow->received.load(), std::int64_t(0));
    const std::int64_t emitted1 = flow->emitted.load();
    qInfo("held: %lld records in flight (channels full: %lld, bound %lld)", (long long)emitted1,
          (long long)full, (long long)bound);
    QVERIFY2(emitted1 >= full, "the channels should be full before the source blocks");
    QVERIFY(emitted1 <= bound);
    std::vector<std::uint64_t> blocked1;
    for (const EdgeMetrics& ed : e.snapshot().edges)
        blocked1.push_back(ed.blockedNs);

    // Throttled: kPermits batches through. The producers resume only into the room this frees,
    // then park again; every wait that ended was metered.
    flow->grant(kPermits);
    QTRY_COMPARE_WITH_TIMEOUT(flow->batchesTaken.load(), kPermits, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(stalled(e), 60000);
    QCOMPARE(flow->batchesTaken.load(), kPermits); // no permit left: nothing else was taken
    const std::int64_t received2 = flow->received.load(), emitted2 = flow->emitted.load();
    QVERIFY(received2 > 0 && received2 <= kPermits * std::int64_t(kBatch));
    QVERIFY2(emitted2 > emitted1, "the source never resumed when the sink took batches");
    QVERIFY(emitted2 - received2 >= full && emitted2 - received2 <= bound);
    MetricsSnapshot s2 = e.snapshot();
    for (std::size_t i = 0; i < s2.edges.size(); ++i) {
        QVERIFY2(s2.edges[i].blockedNs > blocked1[i],
                 qPrintable(QString("edge %1: blocked time did not grow").arg(i)));
        QVERIFY(s2.edges[i].queuedBatches <= s2.edges[i].capacityBatches);
    }

    // Lifted: end the source 5000 records later and let everything through once, in order.
    flow->limit = flow->emitted.load() + 5000;
    flow->grant(0, /*openAll*/ true);
    auto ev = runToEnd(e);
    QVERIFY2(errorsOf(ev).empty(), errorsOf(ev).c_str());
    SW_COMPARE_ENUM(e.state(), EngineState::Finished);
    QCOMPARE(flow->received.load(), flow->limit.load());
    QCOMPARE(flow->outOfSequence.load(), std::int64_t(0));
    qInfo("peak in flight over the run: %lld (bound %lld)", (long long)flow->peakInFlight.load(),
          (long long)bound);
    QVERIFY(flow->peakInFlight.load() <= bound);
    MetricsSnapshot s = e.snapshot();
    QCOMPARE(s.node("src")->recordsOut, std::uint64_t(flow->limit.load()));
    QCOMPARE(s.node("sink")->recordsIn, std::uint64_t(flow->limit.load()));
    for (const EdgeMetrics& ed : s.edges)
        QCOMPARE(ed.blockedProducers, std::uint64_t(0));
}

QTEST_GUILESS_MAIN(TstBackpressure)
#include "tst_backpressure.moc"
