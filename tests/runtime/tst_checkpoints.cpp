// The checkpoint coordinator through the engine, without Kafka (runs under TSan): two committing
// fake sources (parallelism 2) feed one sink over a rebalance edge, so barriers align over two
// channels; the sink holds part of what it received. Sources are notified of completed
// checkpoints on their own threads with the sink's holds, and a draining stop ends with a final
// checkpoint, no MAX watermark and no endOfInput downstream (stop without drain).
#include <QtTest/QtTest>

#include <atomic>
#include <mutex>
#include <thread>

#include "catalog/PipelineLoader.h"
#include "exec/Engine.h"
#include "exec/Operator.h"

using namespace sw::runtime;

namespace {

struct Shared {
    std::shared_ptr<const std::string> origin[2] = {std::make_shared<const std::string>("a"),
                                                    std::make_shared<const std::string>("b")};
    std::mutex mutex;
    std::int64_t notified[2] = {0, 0};
    std::int64_t heldSeen[2] = {-1, -1}; // hold of the sink reported to each source
    std::int64_t snapshots[2] = {0, 0};
    std::atomic<int> endOfInputs{0};
    std::atomic<int> preBarrier{0};
    std::atomic<bool> maxWatermark{false};
};

class FakeSource final : public SourceOperator {
public:
    FakeSource(Shared& s, int index) : m_s(s), m_i(index) {}
    bool commitsOnCheckpoint() const override { return true; }
    bool stopsWithoutDrain() const override { return true; }
    SourceStatus poll(Collector& out, std::size_t) override
    {
        for (int k = 0; k < 10; ++k) {
            Record r(Row{Value::integer(m_next)}, m_next);
            r.provenance = {Provenance::Kind::Kafka, 0, m_next, m_s.origin[m_i], nullptr};
            ++m_next;
            out.emit(0, r);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return SourceStatus::More;
    }
    void snapshotState(std::int64_t, StateWriter&) override { ++m_s.snapshots[m_i]; }
    void notifyCheckpointComplete(std::int64_t id, const SourceHolds& holds) override
    {
        std::lock_guard lock(m_s.mutex);
        m_s.notified[m_i] = id;
        if (auto h = holds.lowest(m_s.origin[m_i].get(), 0)) m_s.heldSeen[m_i] = *h;
    }

private:
    Shared& m_s;
    int m_i;
    std::int64_t m_next = 0;
};

/// Holds every record from offset 100 on (like a window that never fires).
class HoldingSink final : public Operator {
public:
    explicit HoldingSink(Shared& s) : m_s(s) {}
    void processBatch(int, RecordBatch& batch, Collector&) override
    {
        for (const Record& r : batch)
            if (r.provenance.position >= 100) m_holds.hold(r.provenance);
    }
    void processWatermark(EventTime w, Collector& out) override
    {
        if (w == kMaxWatermark) m_s.maxWatermark = true;
        out.emitWatermark(w);
    }
    void prepareSnapshotPreBarrier(std::int64_t, Collector&) override { ++m_s.preBarrier; }
    void collectHolds(SourceHolds& holds) const override { holds.merge(m_holds); }
    void endOfInput(Collector&) override { ++m_s.endOfInputs; }

private:
    Shared& m_s;
    SourceHolds m_holds;
};

} // namespace

class TestCheckpoints : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void barriersAlignAndSourcesGetHolds();
};

void TestCheckpoints::barriersAlignAndSourcesGetHolds()
{
    auto p = parsePipeline(R"({"format": "streamwright.pipeline/1",
      "pipeline": {"name": "ck", "parallelism": 2},
      "nodes": [{"id": "src", "type": "generator", "properties": {"kind": "orders"}},
                {"id": "out", "type": "console-sink", "properties": {}}],
      "edges": [{"from": {"node": "src", "port": "out"}, "to": {"node": "out", "port": "in"}}]})");
    QVERIFY2(p, p ? "" : p.error().toString().c_str());
    Shared shared;
    EngineOptions o;
    o.checkpointIntervalMs = 20;
    o.drainTimeoutMs = 20000;
    o.operatorOverrides["src"] = [&](const OperatorSpec& s) -> Result<std::unique_ptr<Operator>> {
        return std::unique_ptr<Operator>(std::make_unique<FakeSource>(shared, s.subtask));
    };
    o.operatorOverrides["out"] = [&](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        return std::unique_ptr<Operator>(std::make_unique<HoldingSink>(shared));
    };
    Engine engine;
    QVERIFY(engine.start(*p, o));
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    bool progressed = false;
    while (!progressed && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        std::lock_guard lock(shared.mutex);
        progressed = shared.notified[0] >= 5 && shared.notified[1] >= 5 &&
                     shared.heldSeen[0] == 100 && shared.heldSeen[1] == 100;
    }
    QVERIFY(progressed); // completed checkpoints reach both sources, with the sink's hold
    engine.stop(StopMode::Drain);
    QVERIFY(engine.wait(30000));
    QVERIFY(engine.state() == EngineState::Stopped);
    for (const EngineEvent& e : engine.pollEvents())
        QVERIFY2(e.kind != EngineEvent::Kind::Error && e.kind != EngineEvent::Kind::Warning,
                 e.message.c_str());
    // Stop without drain: no MAX watermark, no endOfInput; the final checkpoint completed.
    QVERIFY(!shared.maxWatermark);
    QCOMPARE(shared.endOfInputs.load(), 0);
    QVERIFY(shared.preBarrier.load() >= 5);
    std::lock_guard lock(shared.mutex);
    QVERIFY(shared.snapshots[0] >= 5 && shared.snapshots[1] >= 5);
}

QTEST_GUILESS_MAIN(TestCheckpoints)
#include "tst_checkpoints.moc"
