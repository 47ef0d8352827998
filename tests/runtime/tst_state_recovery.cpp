// Restore through the engine: a run cancelled after some checkpoints (a crash: nothing is
// flushed or checkpointed at its end) is resumed from the latest completed checkpoint, and the
// results equal a SQLite oracle over the input (no loss, no duplicates in upsert tables). A
// corrupt latest checkpoint falls back to the previous one; changed nodes and parallelism are
// refused (or dropped with allowNonRestoredState); failed checkpoint writes fail only their
// checkpoint until `tolerable` in a row fail the run.
#include <QtTest>

#include <filesystem>

#include "PipelineRunner.h"
#include "state/CheckpointStore.h"

using namespace sw::runtime;
using namespace sw::test;

namespace {
constexpr int kTotal = 30000;

PipelineSpec pipeline(int windowParallelism = 2, const char* size = "100 ms")
{
    PipelineSpec p;
    p.settings.name = "recovery";
    p.settings.checkpointIntervalMs = 50;
    json aggs = json::array({{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}},
                             {{"function", "SUM"}, {"column", "amount"}, {"as", "total"}}});
    p.nodes = {pnode("gen", "generator",
                     {{"kind", "orders"},
                      {"seed", 9},
                      {"total_events", kTotal},
                      {"events_per_second", 15000},
                      {"key_cardinality", 40},
                      {"out_of_orderness", "30 ms"},
                      {"max_out_of_orderness", "50 ms"},
                      {"parallelism", 2}}),
               pnode("w", "tumbling-window",
                     {{"size", size},
                      {"keys", {"customer_id"}},
                      {"aggregates", aggs},
                      {"parallelism", windowParallelism}}),
               pnode("out", "sqlite-sink",
                     {{"path", "out.sqlite"},
                      {"table", "windows"},
                      {"key_fields", {"window_start", "customer_id"}}}),
               pnode("raw", "sqlite-sink",
                     {{"path", "raw.sqlite"}, {"table", "raw"}, {"key_fields", {"order_id"}}})};
    p.edges = {pedge("gen", "out", "w"), pedge("w", "out", "out"), pedge("gen", "out", "raw")};
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

/// Runs `p` to its end restoring as `o` says; returns (restored checkpoint, events).
std::pair<std::int64_t, std::vector<EngineEvent>>
resume(const PipelineSpec& p, const std::string& dir, EngineOptions o = {})
{
    Engine e;
    o.dataDirectory = dir;
    if (o.restore == EngineOptions::Restore::None) o.restore = EngineOptions::Restore::Latest;
    Status s = e.start(p, o);
    if (!s) qFatal("start: %s", s.message().c_str());
    e.wait();
    auto events = e.pollEvents();
    for (const auto& ev : events)
        if (ev.kind == EngineEvent::Kind::Error)
            qWarning("error: %s: %s", ev.nodeId.c_str(), ev.message.c_str());
    if (e.state() != EngineState::Finished)
        qWarning("state %s", std::string(toString(e.state())).c_str());
    // A restored generator continues where the checkpoint was: it emits only the rest.
    for (const NodeMetrics& n : e.snapshot().nodes)
        if (n.nodeId == "gen" && e.restoredCheckpoint() > 0 &&
            n.recordsOut >= static_cast<std::uint64_t>(kTotal))
            qFatal("the restored generator emitted %llu records, all of them",
                   static_cast<unsigned long long>(n.recordsOut));
    return {e.restoredCheckpoint(), events};
}

/// Windows from the sink vs the oracle over the raw table (every order exactly once).
void checkAgainstOracle(const std::string& dir)
{
    const std::string db = dir + "/out.sqlite", raw = dir + "/raw.sqlite";
    auto count = sqliteRows(raw, "SELECT COUNT(*), COUNT(DISTINCT order_id) FROM raw");
    QCOMPARE(count[0][0], std::to_string(kTotal)); // no loss
    QCOMPARE(count[0][1], std::to_string(kTotal));
    // 100 ms windows: the start is the timestamp text with its last two digits zeroed.
    const auto oracle = sqliteRows(
        raw, "SELECT substr(event_time, 1, 21) || '00', customer_id, COUNT(*), "
             "CAST(ROUND(SUM(amount) * 100) AS INTEGER) FROM raw GROUP BY 1, 2 ORDER BY 1, 2");
    const auto got =
        sqliteRows(db, "SELECT window_start, customer_id, cnt, "
                       "CAST(ROUND(total * 100) AS INTEGER) FROM windows ORDER BY 1, 2");
    QVERIFY(oracle.size() > 100);
    QCOMPARE(got.size(), oracle.size());
    for (std::size_t i = 0; i < got.size(); ++i)
        QVERIFY2(got[i] == oracle[i],
                 qPrintable(QString::fromStdString(got[i][0] + " " + got[i][1] + " " + got[i][2] +
                                                   " vs " + oracle[i][2])));
}

bool hasEvent(const std::vector<EngineEvent>& events, EngineEvent::Kind k, const std::string& text)
{
    for (const auto& e : events)
        if (e.kind == k && e.message.find(text) != std::string::npos) return true;
    return false;
}
} // namespace

/// A pass-through operator (replacing node "f") that throws once, in processBatch, after it
/// passed `afterCheckpoint` checkpoint barriers: an operator failure in the middle of a run.
struct FaultPlan {
    std::int64_t afterCheckpoint = 3;
    std::atomic<bool> thrown{false};
};

class FaultyPassThrough : public Operator {
public:
    explicit FaultyPassThrough(std::shared_ptr<FaultPlan> plan) : m_plan(std::move(plan)) {}
    void processBatch(int, RecordBatch& batch, Collector& out) override
    {
        if (m_barriers >= m_plan->afterCheckpoint && !m_plan->thrown.exchange(true))
            throw std::runtime_error("injected fault after checkpoint " +
                                     std::to_string(m_plan->afterCheckpoint));
        for (Record& r : batch)
            out.emit(0, r);
    }
    void snapshotState(std::int64_t, StateWriter&) override { ++m_barriers; }

private:
    std::shared_ptr<FaultPlan> m_plan;
    std::int64_t m_barriers = 0;
};

/// gen -> f (a filter replaced by FaultyPassThrough) -> w -> out, gen -> raw.
PipelineSpec faultyPipeline()
{
    PipelineSpec p = pipeline();
    p.nodes.push_back(pnode("f", "filter", {{"condition", "order_id >= 0"}, {"parallelism", 2}}));
    p.edges[0] = pedge("gen", "out", "f");
    p.edges.push_back(pedge("f", "out", "w"));
    return p;
}

class TstStateRecovery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resumesAfterCrashEqualsOracle();
    void corruptLatestFallsBackToPrevious();
    void changedNodeIsRefusedOrDropped();
    void parallelismChangeIsRefused();
    void failedWritesFailOnlyTheirCheckpoint();
    void tooManyFailedWritesFailTheRun();
    void operatorFailureRestartsFromCheckpoint();
    void restartsAreBounded();
};

void TstStateRecovery::resumesAfterCrashEqualsOracle()
{
    QTemporaryDir dir;
    const std::string d = dir.path().toStdString();
    crashAfter(pipeline(), d, 3);
    auto store = CheckpointStore::open(d + "/checkpoints.sqlite");
    QVERIFY(store);
    auto list = (*store)->completed();
    QVERIFY(list && !list->empty());
    QVERIFY(list->size() <= 3); // retention
    const std::int64_t latest = (*list)[0].id;
    QVERIFY((*list)[0].stateBytes > 0);
    store->reset();
    auto [restored, events] = resume(pipeline(), d);
    QCOMPARE(restored, latest);
    QVERIFY(
        hasEvent(events, EngineEvent::Kind::Info, "restored checkpoint " + std::to_string(latest)));
    checkAgainstOracle(d);
}

void TstStateRecovery::corruptLatestFallsBackToPrevious()
{
    QTemporaryDir dir;
    const std::string d = dir.path().toStdString();
    crashAfter(pipeline(), d, 3);
    std::int64_t latest = 0, previous = 0;
    {
        auto store = CheckpointStore::open(d + "/checkpoints.sqlite");
        auto list = (*store)->completed();
        QVERIFY(list->size() >= 2);
        latest = (*list)[0].id;
        previous = (*list)[1].id;
    }
    sqlite3* db = nullptr;
    sqlite3_open((d + "/checkpoints.sqlite").c_str(), &db);
    const std::string sql = "UPDATE state SET bytes = substr(bytes, 1, length(bytes) / 2) WHERE "
                            "checkpoint = " +
                            std::to_string(latest) + " AND node = 'w'";
    QCOMPARE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    QVERIFY(sqlite3_changes(db) > 0);
    sqlite3_close(db);
    auto [restored, events] = resume(pipeline(), d);
    QCOMPARE(restored, previous);
    QVERIFY(hasEvent(events, EngineEvent::Kind::Warning,
                     "checkpoint " + std::to_string(latest) + " is corrupt"));
    QVERIFY(hasEvent(events, EngineEvent::Kind::Warning, d + "/checkpoints.sqlite"));
    checkAgainstOracle(d);
}

void TstStateRecovery::changedNodeIsRefusedOrDropped()
{
    QTemporaryDir dir;
    const std::string d = dir.path().toStdString();
    crashAfter(pipeline(), d, 2);
    Engine e;
    EngineOptions o;
    o.dataDirectory = d;
    o.restore = EngineOptions::Restore::Latest;
    Status s = e.start(pipeline(2, "200 ms"), o);
    QVERIFY(!s);
    QVERIFY2(s.message().find("node 'w' cannot restore its state") != std::string::npos,
             s.message().c_str());
    QVERIFY2(s.message().find("property 'size' changed from \"100 ms\" to \"200 ms\"") !=
                 std::string::npos,
             s.message().c_str());
    o.allowNonRestoredState = true;
    auto [restored, events] = resume(pipeline(2, "200 ms"), d, o);
    QVERIFY(restored > 0); // the generator's positions were restored, the window's dropped
    QVERIFY(hasEvent(events, EngineEvent::Kind::Warning, "its state is dropped"));
}

void TstStateRecovery::parallelismChangeIsRefused()
{
    // Keyed state moves by key group (tst_state_rescale); the generator's positions do not.
    QTemporaryDir dir;
    const std::string d = dir.path().toStdString();
    crashAfter(pipeline(2), d, 2);
    Engine e;
    EngineOptions o;
    o.dataDirectory = d;
    o.restore = EngineOptions::Restore::Latest;
    PipelineSpec p = pipeline(3);
    p.nodes[0].properties["parallelism"] = 3;
    Status s = e.start(p, o);
    QVERIFY(!s);
    QVERIFY2(s.message().find("node 'gen'") != std::string::npos &&
                 s.message().find("parallelism changed from 2 to 3") != std::string::npos,
             s.message().c_str());
}

void TstStateRecovery::failedWritesFailOnlyTheirCheckpoint()
{
    QTemporaryDir dir;
    EngineOptions o;
    o.injectCheckpointWriteFailures = 2;
    o.tolerableFailedCheckpoints = 3;
    Engine e;
    o.dataDirectory = dir.path().toStdString();
    QVERIFY(e.start(pipeline(), o).isOk());
    e.wait();
    QVERIFY(e.state() == EngineState::Finished);
    QCOMPARE(e.failedCheckpoints(), std::uint64_t(2));
    QVERIFY(e.completedCheckpoints() >= 1);
    auto events = e.pollEvents();
    QVERIFY(hasEvent(events, EngineEvent::Kind::Warning, "injected write failure"));
    checkAgainstOracle(dir.path().toStdString());
    // The snapshot's checkpoint statistics: the same counts, the two failures in the history
    // with their reason, and the latest completed one as the store holds it (per subtask).
    const CheckpointStats c = e.snapshot().checkpoints;
    QVERIFY(c.enabled && c.persisted);
    QCOMPARE(c.failed, std::uint64_t(2));
    QCOMPARE(c.completed, e.completedCheckpoints());
    QCOMPARE(c.inProgress, std::uint64_t(0));
    int failedInHistory = 0;
    for (const CheckpointRecord& r : c.history)
        if (r.status == CheckpointStatus::Failed) {
            ++failedInHistory;
            QVERIFY2(r.failure.find("injected write failure") != std::string::npos,
                     r.failure.c_str());
        }
    QVERIFY(failedInHistory <= 2);
    QVERIFY(c.latestCompleted.has_value());
    auto store = CheckpointStore::open(dir.filePath("checkpoints.sqlite").toStdString());
    QVERIFY(store.isOk());
    auto list = (*store)->completed();
    QVERIFY(list.isOk() && !list->empty());
    QCOMPARE(c.latestCompleted->id, list->front().id);
    auto stored = (*store)->load(list->front().id);
    QVERIFY(stored.isOk());
    QCOMPARE(c.latestCompleted->subtasks.size(), stored->subtasks.size());
    std::uint64_t bytes = 0;
    for (const SubtaskSnapshot& s : stored->subtasks) {
        bool found = false;
        for (const SubtaskCheckpointStats& t : c.latestCompleted->subtasks)
            if (t.nodeId == s.nodeId && t.subtask == s.subtask) {
                found = true;
                QCOMPARE(t.stateBytes, std::uint64_t(s.bytes()));
                QCOMPARE(t.alignmentMs, s.alignmentMs);
            }
        QVERIFY2(found, s.nodeId.c_str());
        bytes += s.bytes();
    }
    QCOMPARE(c.latestCompleted->stateBytes, bytes);
    QVERIFY(bytes > 0);
    QVERIFY(c.latestCompleted->status == CheckpointStatus::Completed);
    QVERIFY(c.latestCompleted->durationMs >= c.latestCompleted->acknowledgedMs);
    QCOMPARE(c.durationBuckets.back(), c.completed); // 60 s: every one of them
}

void TstStateRecovery::tooManyFailedWritesFailTheRun()
{
    QTemporaryDir dir;
    EngineOptions o;
    o.injectCheckpointWriteFailures = 1000;
    o.tolerableFailedCheckpoints = 3;
    o.dataDirectory = dir.path().toStdString();
    Engine e;
    QVERIFY(e.start(pipeline(), o).isOk());
    e.wait();
    QVERIFY(e.state() == EngineState::Failed);
    QVERIFY(hasEvent(e.pollEvents(), EngineEvent::Kind::Error, "3 checkpoints in a row failed"));
}

void TstStateRecovery::operatorFailureRestartsFromCheckpoint()
{
    QTemporaryDir dir;
    auto plan = std::make_shared<FaultPlan>();
    EngineOptions o;
    o.dataDirectory = dir.path().toStdString();
    o.restartStrategy.kind = EngineOptions::RestartStrategy::Kind::FixedDelay;
    o.restartStrategy.attempts = 3;
    o.restartStrategy.delayMs = 10;
    o.operatorOverrides["f"] = [plan](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<FaultyPassThrough>(plan);
    };
    Engine e;
    QVERIFY(e.start(faultyPipeline(), o).isOk());
    e.wait();
    const auto events = e.pollEvents();
    for (const auto& ev : events)
        if (ev.kind == EngineEvent::Kind::Error) qWarning("error: %s", ev.message.c_str());
    QVERIFY(plan->thrown.load());
    QVERIFY(e.state() == EngineState::Finished);
    QCOMPARE(e.restarts(), 1);
    // Statistics span the attempts: the restart, the checkpoint it restored and the completed
    // checkpoints of both attempts (ids 1..restored in the first, at least the final one after).
    const CheckpointStats c = e.snapshot().checkpoints;
    QCOMPARE(c.restarts, 1);
    QVERIFY(c.restored.atRestart);
    QVERIFY(c.restored.id > 0);
    QCOMPARE(c.restored.id, e.restoredCheckpoint());
    QVERIFY(c.completed > static_cast<std::uint64_t>(c.restored.id));
    QCOMPARE(c.completed, e.completedCheckpoints());
    QVERIFY(hasEvent(events, EngineEvent::Kind::Warning, "injected fault after checkpoint 3"));
    QVERIFY(hasEvent(events, EngineEvent::Kind::Warning, "restart 1 of 3: restored checkpoint"));
    checkAgainstOracle(dir.path().toStdString());
}

void TstStateRecovery::restartsAreBounded()
{
    // A node that fails on every attempt: after `attempts` restarts the run fails.
    QTemporaryDir dir;
    EngineOptions o;
    o.dataDirectory = dir.path().toStdString();
    o.restartStrategy.kind = EngineOptions::RestartStrategy::Kind::ExponentialDelay;
    o.restartStrategy.attempts = 2;
    o.restartStrategy.delayMs = 5;
    o.operatorOverrides["f"] = [](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        auto plan = std::make_shared<FaultPlan>();
        plan->afterCheckpoint = 0;
        return makeOperator<FaultyPassThrough>(plan);
    };
    Engine e;
    QVERIFY(e.start(faultyPipeline(), o).isOk());
    e.wait();
    QVERIFY(e.state() == EngineState::Failed);
    QCOMPARE(e.restarts(), 2);
    const auto events = e.pollEvents();
    QVERIFY(hasEvent(events, EngineEvent::Kind::Warning, "restart 2 of 2"));
    QVERIFY(hasEvent(events, EngineEvent::Kind::Error, "injected fault"));
}

QTEST_GUILESS_MAIN(TstStateRecovery)
#include "tst_state_recovery.moc"
