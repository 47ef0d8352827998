// Exactly-once into Kafka (runtime/connectors/kafka/KafkaTransactions.h): the transactional
// kafka-sink's protocol on the embedded broker. The embedded broker (librdkafka 2.0.2's mock
// cluster) accepts the transactional API but does not enforce read_committed or fencing, so
// these tests check the protocol, not Kafka's isolation: every record read back (by Debian's
// Python client, an independent reader) carries the `sw.txn` header naming its transaction; the
// sink's outcome log (KafkaTxnLog) says which transactions committed and at which checkpoint;
// the test source records its position at every checkpoint barrier. A committed transaction
// must hold exactly the records between two checkpoints, each record exactly once over all
// committed transactions, and only checkpoints that completed (are in the checkpoint store) may
// have a committed transaction. Records of aborted transactions are visible on the mock (it
// ignores read_committed) and are checked to be covered again by committed ones.
#include <QtTest/QtTest>

#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>

#include "ExternalTools.h"
#include "KafkaPythonReader.h"
#include "connectors/kafka/EmbeddedBroker.h"
#include "connectors/kafka/KafkaSink.h"
#include "connectors/kafka/KafkaTransactions.h"
#include "state/CheckpointStore.h"
#include "state/StateCodec.h"
#include "tst_kafka_support.h"

#include <librdkafka/rdkafka_mock.h>

using namespace sw::runtime;
using namespace sw::runtime::kafka;
using namespace sw::test;

namespace {

// Kafka protocol API keys and error codes (Kafka protocol numbers).
constexpr int kInitProducerId = 22, kAddPartitionsToTxn = 24, kEndTxn = 26;
constexpr int kCoordinatorNotAvailable = 15, kNotCoordinator = 16, kConcurrentTransactions = 51,
              kProducerFenced = 90;

/// What the counting source did, shared by its subtasks and the test.
struct SourceLog {
    std::mutex mutex;
    /// (subtask, checkpoint) -> the next id at that barrier (first snapshot of the id only).
    std::map<std::pair<int, std::int64_t>, std::int64_t> positions;
    std::map<int, std::int64_t> finalPosition; ///< subtask -> next id when it ended
    std::atomic<std::int64_t> release{0};      ///< ids below this may be emitted
    std::int64_t total = 0;
};

/// Emits ids subtask, subtask + n, ... below SourceLog::release (then Idle) up to total (End);
/// one BIGINT column. Checkpoints its next id and records it per barrier.
class CountingSource final : public SourceOperator {
public:
    CountingSource(SourceLog& log, int subtask, int parallelism)
        : m_log(log), m_subtask(subtask), m_step(parallelism), m_next(subtask)
    {
    }
    SourceStatus poll(Collector& out, std::size_t maxRecords) override
    {
        const std::int64_t end = std::min(m_log.release.load(), m_log.total);
        for (std::size_t k = 0; k < std::min<std::size_t>(maxRecords, 16) && m_next < end; ++k) {
            Record r(Row{Value::integer(m_next)}, m_next);
            out.emit(0, r);
            m_next += m_step;
        }
        if (m_next >= m_log.total) {
            std::lock_guard lock(m_log.mutex);
            m_log.finalPosition[m_subtask] = m_next;
            return SourceStatus::End;
        }
        return m_next < end ? SourceStatus::More : SourceStatus::Idle;
    }
    void snapshotState(std::int64_t id, StateWriter& w) override
    {
        {
            std::lock_guard lock(m_log.mutex);
            m_log.positions.emplace(std::make_pair(m_subtask, id), m_next);
        }
        StateOutput o;
        o.i64(m_next);
        w.put("next", o.take());
    }
    void restoreState(const StateReader& r) override
    {
        if (const std::string* b = r.get("next")) m_next = StateInput(*b).i64();
    }

private:
    SourceLog& m_log;
    int m_subtask;
    std::int64_t m_step;
    std::int64_t m_next;
};

/// Forwards records; once `armed` and after `afterCommits` committed transactions, passes one
/// batch on (delivered at once to the chained sink, so its transaction is open) and throws.
struct FailPlan {
    std::atomic<bool> armed{false};
    std::atomic<bool> failed{false};
    std::string prefix;
    std::size_t afterCommits = 2;
};

class FailOnce final : public Operator {
public:
    explicit FailOnce(FailPlan& p) : m_p(p) {}
    void processBatch(int, RecordBatch& batch, Collector& out) override
    {
        for (Record& r : batch)
            out.emit(0, r);
        if (!m_p.armed || m_p.failed) return;
        std::size_t committed = 0;
        for (const TxnOutcome& o : KafkaTxnLog::instance().outcomes(m_p.prefix))
            committed += o.kind == TxnOutcome::Kind::Committed ? 1 : 0;
        if (committed < m_p.afterCommits) return;
        out.flushAll();
        m_p.failed = true;
        throw std::runtime_error("injected failure with a transaction open");
    }

private:
    FailPlan& m_p;
};

std::string pipelineJson(const std::string& name, const std::string& bootstrap,
                         const std::string& topic, int parallelism, bool gate)
{
    std::string nodes =
        R"({"id": "src", "type": "kafka-source", "properties": {"topic": "eo.unused",
           "group_id": "g", "format": "json", "watermark": "processing-time",
           "schema": [{"name": "id", "type": "BIGINT"}]}},
         {"id": "out", "type": "kafka-sink", "properties": {"topic": ")" +
        topic + R"(", "bootstrap_servers": ")" + bootstrap +
        R"(", "partitions": 2, "key_fields": ["id"]}})";
    std::string edges =
        R"({"from": {"node": "src", "port": "out"}, "to": {"node": "out", "port": "in"}})";
    if (gate) {
        nodes += R"(, {"id": "gate", "type": "filter", "properties": {"condition": "id >= 0"}})";
        edges = R"({"from": {"node": "src", "port": "out"}, "to": {"node": "gate", "port": "in"}},
                   {"from": {"node": "gate", "port": "out"}, "to": {"node": "out", "port": "in"}})";
    }
    return R"({"format": "streamwright.pipeline/1", "pipeline": {"name": ")" + name +
           R"(", "parallelism": )" + std::to_string(parallelism) +
           R"(, "delivery": "exactly-once"}, "nodes": [)" + nodes + R"(], "edges": [)" + edges +
           "]}";
}

/// The exactly-once checks over what was read back. `expectAborted`: some transaction was
/// aborted (its records are on the mock's topic and must be covered again by committed ones).
/// Returns "" when they hold, else what failed.
std::string checkExactlyOnce(const std::vector<ReadBack>& rows, const std::vector<TxnOutcome>& log,
                             SourceLog& src, int parallelism, const std::string& prefix,
                             bool exactIntervals)
{
    std::map<std::string, const TxnOutcome*> committed;
    std::set<std::string> aborted;
    for (const TxnOutcome& o : log) {
        if (o.kind == TxnOutcome::Kind::Committed)
            committed[o.txn] = &o;
        else
            aborted.insert(o.txn);
    }
    std::map<std::string, std::multiset<std::int64_t>> byTxn;
    for (const ReadBack& r : rows) {
        if (!committed.count(r.txn) && !aborted.count(r.txn))
            return "record " + std::to_string(r.id) + " of unknown transaction '" + r.txn + "'";
        byTxn[r.txn].insert(r.id);
    }
    // Every id exactly once over the committed transactions.
    std::map<std::int64_t, int> seen;
    for (const auto& [txn, o] : committed)
        for (std::int64_t id : byTxn[txn])
            ++seen[id];
    for (std::int64_t id = 0; id < src.total; ++id)
        if (seen[id] != 1)
            return "id " + std::to_string(id) + " committed " + std::to_string(seen[id]) + " times";
    if (static_cast<std::int64_t>(seen.size()) != src.total) return "ids beyond the input";
    for (const auto& [txn, o] : committed)
        if (byTxn[txn].size() != o->records)
            return "transaction " + txn + " read back " + std::to_string(byTxn[txn].size()) +
                   " records, the sink committed " + std::to_string(o->records);
    if (!exactIntervals) return {};
    // Per subtask, in commit order: transaction k holds exactly the ids between the positions
    // of the source at the barriers of transactions k - 1 and k.
    std::lock_guard lock(src.mutex);
    for (int s = 0; s < parallelism; ++s) {
        const std::string id = transactionalIdFor(prefix, "out", s);
        std::int64_t from = s;
        for (const TxnOutcome& o : log) {
            if (o.transactionalId != id || o.kind != TxnOutcome::Kind::Committed) continue;
            auto it = src.positions.find({s, o.checkpointId});
            const std::int64_t to = it != src.positions.end() ? it->second : src.finalPosition[s];
            std::multiset<std::int64_t> want;
            for (std::int64_t x = from; x < to; x += parallelism)
                want.insert(x);
            if (byTxn[o.txn] != want)
                return "transaction " + o.txn + " (checkpoint " + std::to_string(o.checkpointId) +
                       ") holds " + std::to_string(byTxn[o.txn].size()) +
                       " records, expected ids [" + std::to_string(from) + ", " +
                       std::to_string(to) + ")";
            from = to;
        }
    }
    return {};
}

EngineOptions options(SourceLog& src, const std::string& dataDir)
{
    EngineOptions o;
    o.drainTimeoutMs = 60000;
    o.checkpointIntervalMs = 100;
    o.dataDirectory = dataDir;
    o.retainedCheckpoints = 100000;
    o.operatorOverrides["src"] =
        [&src](const OperatorSpec& s) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<CountingSource>(src, s.subtask, s.parallelism);
    };
    return o;
}

/// Releases the input in steps, each once two more checkpoints completed (so every step spans
/// at least one checkpoint), then lets the source end and waits for the run to finish.
bool feed(Engine& e, SourceLog& src, std::int64_t step, std::vector<EngineEvent>& events,
          const std::function<void(std::int64_t)>& atStep = {})
{
    for (std::int64_t released = step; released <= src.total; released += step) {
        src.release = released;
        if (atStep) atStep(released);
        const std::uint64_t c = e.completedCheckpoints();
        if (!waitFor([&] { return e.completedCheckpoints() >= c + 2 || e.wait(0); }, 120000))
            return false;
    }
    src.release = src.total;
    bool done = e.wait(120000);
    auto ev = e.pollEvents();
    events.insert(events.end(), ev.begin(), ev.end());
    return done;
}

std::vector<std::int64_t> completedIds(const std::string& dataDir)
{
    std::vector<std::int64_t> ids;
    auto store = CheckpointStore::open(dataDir + "/" + CheckpointStore::kFileName, 100000);
    if (!store) return ids;
    if (auto list = (*store)->completed())
        for (const CheckpointInfo& i : *list)
            ids.push_back(i.id);
    return ids;
}

} // namespace

class TestKafkaExactlyOnce : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void oneTransactionPerCheckpointCommittedOnCompletion();
    void restartAbortsTheOpenTransactionAndInitialisesTheSameId();
    void transactionErrorsLoseAndDuplicateNothing();
    void coordinatorOutageIsRetried();
    void fatalCommitErrorRestartsAndRecommits();
    void resumeInAnotherProcessCommitsTheCheckpointsRecordsOnce();
    void dlqWritesTransactionally();

private:
    std::unique_ptr<EmbeddedBroker> m_broker;
    std::string bs() const { return m_broker->bootstrapServers(); }
};

void TestKafkaExactlyOnce::initTestCase()
{
    SW_REQUIRE_TOOL(PythonConfluentKafka);
    auto b = EmbeddedBroker::start(3);
    QVERIFY2(b, b ? "" : b.error().message.c_str());
    m_broker = std::move(*b);
}

void TestKafkaExactlyOnce::oneTransactionPerCheckpointCommittedOnCompletion()
{
    QTemporaryDir dir;
    SourceLog src;
    src.total = 2000;
    QVERIFY(m_broker->createTopic("eo.proto", 2));
    auto p = parsePipeline(pipelineJson("eo-proto", bs(), "eo.proto", 2, false));
    QVERIFY2(p, p ? "" : p.error().toString().c_str());
    EngineOptions o = options(src, dir.path().toStdString());
    o.injectCheckpointWriteFailures = 2; // checkpoints 1 and 2 never complete
    Engine e;
    QVERIFY2(e.start(*p, o), "start failed");
    std::vector<EngineEvent> events;
    QVERIFY(feed(e, src, 200, events));
    QVERIFY2(errorsOf(events).empty(), errorsOf(events).c_str());
    QCOMPARE(e.failedCheckpoints(), std::uint64_t(2));

    const auto log = KafkaTxnLog::instance().outcomes("eo-proto-out-");
    QString err;
    const auto rows = pythonRead(bs(), "eo.proto", 2, &err);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QCOMPARE(static_cast<std::int64_t>(rows.size()), src.total);
    const std::string bad = checkExactlyOnce(rows, log, src, 2, "eo-proto", true);
    QVERIFY2(bad.empty(), bad.c_str());
    // One transaction per checkpoint per subtask; no abort; committed only for checkpoints that
    // completed (in the store), never for the two whose write failed.
    const auto done = completedIds(dir.path().toStdString());
    std::map<int, std::set<std::int64_t>> perSubtask;
    for (const TxnOutcome& t : log) {
        QVERIFY2(t.kind == TxnOutcome::Kind::Committed, t.reason.c_str());
        QVERIFY2(
            std::find(done.begin(), done.end(), t.checkpointId) != done.end(),
            qPrintable(QString("committed for checkpoint %1, not completed").arg(t.checkpointId)));
        const int s = t.transactionalId.back() - '0';
        QVERIFY2(perSubtask[s].insert(t.checkpointId).second, "two transactions for a checkpoint");
    }
    QVERIFY(perSubtask[0].size() >= 5 && perSubtask[1].size() >= 5);
    QVERIFY(!perSubtask[0].count(1) && !perSubtask[0].count(2));
}

void TestKafkaExactlyOnce::restartAbortsTheOpenTransactionAndInitialisesTheSameId()
{
    QTemporaryDir dir;
    SourceLog src;
    src.total = 1500;
    FailPlan plan;
    plan.prefix = "eo-restart-out-";
    QVERIFY(m_broker->createTopic("eo.restart", 2));
    auto p = parsePipeline(pipelineJson("eo-restart", bs(), "eo.restart", 1, true));
    QVERIFY2(p, p ? "" : p.error().toString().c_str());
    EngineOptions o = options(src, dir.path().toStdString());
    o.restartStrategy.kind = EngineOptions::RestartStrategy::Kind::FixedDelay;
    o.restartStrategy.attempts = 2;
    o.restartStrategy.delayMs = 50;
    o.operatorOverrides["gate"] =
        [&plan](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<FailOnce>(plan);
    };
    Engine e;
    QVERIFY2(e.start(*p, o), "start failed");
    std::vector<EngineEvent> events;
    QVERIFY(feed(e, src, 150, events, [&](std::int64_t released) {
        if (released >= 450) plan.armed = true;
    }));
    QVERIFY2(errorsOf(events).empty(), errorsOf(events).c_str());
    QVERIFY(plan.failed);
    QCOMPARE(e.restarts(), 1);

    const auto log = KafkaTxnLog::instance().outcomes(plan.prefix);
    // The attempt that failed aborted its open transaction; the restarted sink initialised the
    // same transactional.id (another instance in sw.txn) and committed from there.
    auto instanceOf = [](const std::string& txn) { return txn.substr(0, txn.rfind('/')); };
    int abortedAt = -1;
    for (std::size_t i = 0; i < log.size(); ++i)
        if (log[i].kind == TxnOutcome::Kind::Aborted) {
            QCOMPARE(abortedAt, -1);
            abortedAt = static_cast<int>(i);
            QCOMPARE(log[i].reason, std::string("closed before its checkpoint completed"));
        }
    QVERIFY(abortedAt > 0 && abortedAt + 1 < static_cast<int>(log.size()));
    QCOMPARE(log.front().transactionalId, log.back().transactionalId);
    QCOMPARE(instanceOf(log[abortedAt - 1].txn), instanceOf(log[abortedAt].txn));
    QVERIFY(instanceOf(log[abortedAt].txn) != instanceOf(log.back().txn));

    QString err;
    const auto rows = pythonRead(bs(), "eo.restart", 2, &err);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    const std::string bad = checkExactlyOnce(rows, log, src, 1, "eo-restart", false);
    QVERIFY2(bad.empty(), bad.c_str());
    // Records of the aborted transaction that reached the topic (the mock ignores
    // read_committed) are among those read back; each of them is also in a committed one
    // (checked above: every id exactly once over the committed transactions).
    std::size_t abortedRows = 0;
    for (const ReadBack& r : rows)
        abortedRows += r.txn == log[abortedAt].txn ? 1 : 0;
    QVERIFY(abortedRows <= log[abortedAt].records);
}

void TestKafkaExactlyOnce::transactionErrorsLoseAndDuplicateNothing()
{
    // The transaction coordinator is pinned to broker 1, which answers the next three
    // InitProducerId (before the sink can start), AddPartitionsToTxn and EndTxn requests with
    // errors librdkafka retries; every injected error must have been answered.
    QTemporaryDir dir;
    SourceLog src;
    src.total = 1600;
    rd_kafka_mock_cluster_t* mc = m_broker->mockCluster();
    const std::string txnId = transactionalIdFor("eo-faults", "out", 0);
    rd_kafka_mock_coordinator_set(mc, "transaction", txnId.c_str(), 1);
    auto push = [&](int api) {
        return rd_kafka_mock_broker_push_request_error_rtts(
            mc, 1, static_cast<std::int16_t>(api), 3, kCoordinatorNotAvailable, 0, kNotCoordinator,
            0, kConcurrentTransactions, 0);
    };
    auto left = [&](int api) {
        std::size_t n = 99;
        rd_kafka_mock_broker_error_stack_cnt(mc, 1, static_cast<std::int16_t>(api), &n);
        return n;
    };
    QCOMPARE(push(kInitProducerId), RD_KAFKA_RESP_ERR_NO_ERROR);
    QVERIFY(m_broker->createTopic("eo.faults", 2));
    auto p = parsePipeline(pipelineJson("eo-faults", bs(), "eo.faults", 1, false));
    QVERIFY2(p, p ? "" : p.error().toString().c_str());
    Engine e;
    QVERIFY2(e.start(*p, options(src, dir.path().toStdString())), "start failed");
    std::vector<EngineEvent> events;
    QVERIFY(feed(e, src, 200, events, [&](std::int64_t released) {
        if (released == 400) QCOMPARE(push(kAddPartitionsToTxn), RD_KAFKA_RESP_ERR_NO_ERROR);
        if (released == 800) QCOMPARE(push(kEndTxn), RD_KAFKA_RESP_ERR_NO_ERROR);
    }));
    QVERIFY2(errorsOf(events).empty(), errorsOf(events).c_str());
    QCOMPARE(left(kInitProducerId), std::size_t(0));
    QCOMPARE(left(kAddPartitionsToTxn), std::size_t(0));
    QCOMPARE(left(kEndTxn), std::size_t(0));
    const auto log = KafkaTxnLog::instance().outcomes("eo-faults-out-");
    QString err;
    const auto rows = pythonRead(bs(), "eo.faults", 2, &err);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    const std::string bad = checkExactlyOnce(rows, log, src, 1, "eo-faults", true);
    QVERIFY2(bad.empty(), bad.c_str());
}

void TestKafkaExactlyOnce::coordinatorOutageIsRetried()
{
    QTemporaryDir dir;
    SourceLog src;
    src.total = 800;
    const std::string txnId = transactionalIdFor("eo-outage", "out", 0);
    // Partitions led by broker 1, the transaction coordinator on broker 3, which goes down.
    QVERIFY(m_broker->createTopic("eo.outage", 2));
    for (int part = 0; part < 2; ++part)
        rd_kafka_mock_partition_set_leader(m_broker->mockCluster(), "eo.outage", part, 1);
    rd_kafka_mock_coordinator_set(m_broker->mockCluster(), "transaction", txnId.c_str(), 3);
    auto p = parsePipeline(pipelineJson("eo-outage", bs(), "eo.outage", 1, false));
    QVERIFY2(p, p ? "" : p.error().toString().c_str());
    Engine e;
    QVERIFY2(e.start(*p, options(src, dir.path().toStdString())), "start failed");
    std::vector<EngineEvent> events;
    const std::uint64_t retriedBefore = KafkaTxnLog::instance().retriableErrors();
    QVERIFY(feed(e, src, 200, events, [&](std::int64_t released) {
        if (released != 400) return;
        QVERIFY(m_broker->setBrokerDown(3));
        // The sink's transaction calls time out and are retried: wait for the first retry.
        QVERIFY(waitFor([&] { return KafkaTxnLog::instance().retriableErrors() > retriedBefore; },
                        120000));
        QVERIFY(m_broker->setBrokerUp(3));
    }));
    QVERIFY2(errorsOf(events).empty(), errorsOf(events).c_str());
    const auto log = KafkaTxnLog::instance().outcomes("eo-outage-out-");
    QString err;
    const auto rows = pythonRead(bs(), "eo.outage", 2, &err);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    const std::string bad = checkExactlyOnce(rows, log, src, 1, "eo-outage", true);
    QVERIFY2(bad.empty(), bad.c_str());
}

void TestKafkaExactlyOnce::fatalCommitErrorRestartsAndRecommits()
{
    // EndTxn answers "producer fenced" once: commit_transaction fails with a fatal error after
    // its checkpoint completed. The task fails, the restart rebuilds the producer, restores
    // that checkpoint and commits the transaction's records again (KafkaTransactions::recover).
    QTemporaryDir dir;
    SourceLog src;
    src.total = 1200;
    const std::string txnId = transactionalIdFor("eo-fatal", "out", 0);
    QVERIFY(m_broker->createTopic("eo.fatal", 2));
    rd_kafka_mock_coordinator_set(m_broker->mockCluster(), "transaction", txnId.c_str(), 2);
    auto p = parsePipeline(pipelineJson("eo-fatal", bs(), "eo.fatal", 1, false));
    QVERIFY2(p, p ? "" : p.error().toString().c_str());
    EngineOptions o = options(src, dir.path().toStdString());
    o.restartStrategy.kind = EngineOptions::RestartStrategy::Kind::FixedDelay;
    o.restartStrategy.attempts = 2;
    o.restartStrategy.delayMs = 50;
    Engine e;
    QVERIFY2(e.start(*p, o), "start failed");
    std::vector<EngineEvent> events;
    QVERIFY(feed(e, src, 200, events, [&](std::int64_t released) {
        if (released == 400)
            QCOMPARE(rd_kafka_mock_broker_push_request_error_rtts(m_broker->mockCluster(), 2,
                                                                  kEndTxn, 1, kProducerFenced, 0),
                     RD_KAFKA_RESP_ERR_NO_ERROR);
    }));
    QVERIFY2(errorsOf(events).empty(), errorsOf(events).c_str());
    std::size_t left = 1;
    rd_kafka_mock_broker_error_stack_cnt(m_broker->mockCluster(), 2, kEndTxn, &left);
    QCOMPARE(left, std::size_t(0)); // the injected error was answered
    QCOMPARE(e.restarts(), 1);
    for (const EngineEvent& ev : events) // recovered, not merely reported as possibly missing
        QVERIFY2(ev.message.find("may not have been committed") == std::string::npos,
                 ev.message.c_str());
    const auto log = KafkaTxnLog::instance().outcomes("eo-fatal-out-");
    int aborted = 0;
    for (const TxnOutcome& t : log)
        aborted += t.kind == TxnOutcome::Kind::Aborted ? 1 : 0;
    QCOMPARE(aborted, 1);
    QString err;
    const auto rows = pythonRead(bs(), "eo.fatal", 2, &err);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    const std::string bad = checkExactlyOnce(rows, log, src, 1, "eo-fatal", false);
    QVERIFY2(bad.empty(), bad.c_str());
}

void TestKafkaExactlyOnce::resumeInAnotherProcessCommitsTheCheckpointsRecordsOnce()
{
    // Sink subtasks driven directly: a transaction sealed at barrier 1 and committed, one sealed
    // at barrier 2 and never committed (the process "dies" after checkpoint 2 was stored). A
    // later process (the outcome log and the handed-over records cleared) restores each
    // checkpoint's sink state: the first is known committed from the commit journal; the second's
    // records come from the checkpoint and are committed in a new transaction, once. A third
    // process restoring checkpoint 2 again (the second died before another checkpoint) finds
    // that commit in the journal and sends nothing. A format-1 state (count only, as older
    // versions wrote) of an unknown transaction is reported as possibly missing, never silently.
    QTemporaryDir dir;
    QVERIFY(m_broker->createTopic("eo.resume", 1));
    Schema in;
    in.add("id", DataType::bigint());
    NodeFixture fx("kafka-sink", "out",
                   {{"topic", "eo.resume"}, {"bootstrap_servers", bs()}, {"partitions", 1}}, {in});
    QVERIFY2(fx.diagnostics.empty(), fx.diagnostics.c_str());
    std::vector<std::string> warnings;
    auto openSink = [&](std::unique_ptr<OperatorContext>& ctx) -> std::unique_ptr<Operator> {
        OperatorSpec spec = fx.spec();
        spec.delivery = DeliveryGuarantee::ExactlyOnce;
        spec.pipelineName = "eo-resume";
        auto op = makeKafkaSinkOperator(spec);
        if (!op) return nullptr;
        ctx = fx.context();
        ctx->setDataDirectory(dir.path().toStdString());
        ctx->setWarnHandler([&](const std::string& w) { warnings.push_back(w); });
        if (!(*op)->open(*ctx)) return nullptr;
        return std::move(*op);
    };
    auto feedRecords = [&](Operator& op, std::int64_t from, std::int64_t n) {
        Capture c;
        RecordBatch b;
        for (std::int64_t i = from; i < from + n; ++i)
            b.appendSlot() = Record(Row{Value::integer(i)}, i);
        op.processBatch(0, b, c.collector);
    };
    auto committedOutcomes = [] {
        std::vector<TxnOutcome> out;
        for (const TxnOutcome& t : KafkaTxnLog::instance().outcomes("eo-resume-out-"))
            if (t.kind == TxnOutcome::Kind::Committed) out.push_back(t);
        return out;
    };
    Capture out;
    std::unique_ptr<OperatorContext> ctxA;
    auto a = openSink(ctxA);
    QVERIFY(a);
    feedRecords(*a, 0, 10);
    a->prepareSnapshotPreBarrier(1, out.collector);
    BlobStateWriter at1;
    a->snapshotState(1, at1);
    a->notifyCheckpointComplete(1);
    feedRecords(*a, 10, 7);
    a->prepareSnapshotPreBarrier(2, out.collector);
    BlobStateWriter at2;
    a->snapshotState(2, at2);
    a->close(); // checkpoint 2 was stored, but this process never committed its transaction
    QVERIFY(at1.blobs().count("txn") && at2.blobs().count("txn"));
    const CommitJournal journal(
        CommitJournal::pathFor(dir.path().toStdString(), "eo-resume-out-0"));
    QCOMPARE(journal.read().size(), std::size_t(1)); // checkpoint 1's transaction

    // "Another process": nothing of the first one is left in memory.
    KafkaTxnLog::instance().clear();
    auto pending2 = KafkaTransactions::decode(at2.blobs()["txn"]);
    QVERIFY2(pending2, pending2 ? "" : pending2.error().toString().c_str());
    QCOMPARE(pending2->records, std::uint64_t(7));
    QVERIFY(pending2->hasData);
    QCOMPARE(pending2->data.size(), std::size_t(7));
    TxnRecords gone;
    QVERIFY(KafkaTxnLog::instance().take(pending2->txn, gone));

    std::unique_ptr<OperatorContext> ctxB;
    auto b = openSink(ctxB);
    QVERIFY(b);
    BlobStateReader r1(&at1.blobs());
    b->restoreState(r1);
    QVERIFY2(warnings.empty(), warnings.empty() ? "" : warnings.front().c_str());
    QVERIFY(committedOutcomes().empty()); // checkpoint 1's transaction: in the journal
    b->close();

    std::unique_ptr<OperatorContext> ctxC;
    auto c = openSink(ctxC);
    QVERIFY(c);
    BlobStateReader r2(&at2.blobs());
    c->restoreState(r2);
    QVERIFY2(warnings.empty(), warnings.empty() ? "" : warnings.front().c_str());
    const auto recommitted = committedOutcomes();
    QCOMPARE(recommitted.size(), std::size_t(1));
    QCOMPARE(recommitted[0].records, std::uint64_t(7));
    QCOMPARE(recommitted[0].checkpointId, std::int64_t(2));
    QVERIFY(recommitted[0].txn != pending2->txn);
    const auto lines = journal.read();
    QCOMPARE(lines.size(), std::size_t(2));
    QCOMPARE(lines[1].txn, recommitted[0].txn);
    QCOMPARE(lines[1].standsFor, pending2->txn);
    QCOMPARE(lines[1].checkpointId, std::int64_t(2));
    QCOMPARE(lines[1].records, std::uint64_t(7));
    c->close();

    // The records of the recommitted transaction, read back by Python: exactly ids 10..16.
    QString err;
    const auto rows = pythonRead(bs(), "eo.resume", 1, &err);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    std::vector<long long> ids;
    for (const auto& row : rows)
        if (row.txn == recommitted[0].txn) ids.push_back(row.id);
    std::sort(ids.begin(), ids.end());
    QCOMPARE(ids, (std::vector<long long>{10, 11, 12, 13, 14, 15, 16}));

    KafkaTxnLog::instance().clear();
    std::unique_ptr<OperatorContext> ctxD;
    auto d = openSink(ctxD);
    QVERIFY(d);
    BlobStateReader r2again(&at2.blobs());
    d->restoreState(r2again);
    QVERIFY2(warnings.empty(), warnings.empty() ? "" : warnings.front().c_str());
    QVERIFY(committedOutcomes().empty()); // the journal says what it stood in for: not sent
    d->close();

    // A format-1 state from an older version: only the count, and nobody committed it.
    StateOutput old;
    old.u64(1);
    old.bytes("eo-resume-out-0/0123456789abcdef/5");
    old.u64(4);
    old.i64(9);
    std::map<std::string, std::string> oldBlobs{{"txn", old.take()}};
    std::unique_ptr<OperatorContext> ctxE;
    auto e = openSink(ctxE);
    QVERIFY(e);
    BlobStateReader rOld(&oldBlobs);
    e->restoreState(rOld);
    QCOMPARE(warnings.size(), std::size_t(1));
    QVERIFY2(warnings[0].find("(4 records before checkpoint 9) may not have been committed") !=
                 std::string::npos,
             warnings[0].c_str());
    e->close();
}

void TestKafkaExactlyOnce::dlqWritesTransactionally()
{
    // Every record fails the filter's expression and goes to a Kafka DLQ in an exactly-once
    // pipeline: the DLQ's transactions hold each dead letter exactly once.
    QTemporaryDir dir;
    SourceLog src;
    src.total = 600;
    const std::string json =
        R"({"format": "streamwright.pipeline/1", "pipeline": {"name": "eo-dlq",
        "parallelism": 1, "delivery": "exactly-once"}, "nodes": [
        {"id": "src", "type": "kafka-source", "properties": {"topic": "eo.unused", "group_id": "g",
         "format": "json", "watermark": "processing-time", "schema": [{"name": "id", "type": "BIGINT"}]}},
        {"id": "bad", "type": "filter", "properties": {"condition": "10 / (id - id) > 0"}},
        {"id": "dead", "type": "dlq", "properties": {"target": "kafka", "topic": "eo.dlq",
         "bootstrap_servers": ")" +
        bs() + R"(", "partitions": 1}}],
        "edges": [{"from": {"node": "src", "port": "out"}, "to": {"node": "bad", "port": "in"}},
                  {"from": {"node": "bad", "port": "errors"}, "to": {"node": "dead", "port": "in"}}]})";
    QVERIFY(m_broker->createTopic("eo.dlq", 1));
    auto p = parsePipeline(json);
    QVERIFY2(p, p ? "" : p.error().toString().c_str());
    Engine e;
    QVERIFY2(e.start(*p, options(src, dir.path().toStdString())), "start failed");
    std::vector<EngineEvent> events;
    QVERIFY(feed(e, src, 200, events));
    QVERIFY2(errorsOf(events).empty(), errorsOf(events).c_str());
    const auto log = KafkaTxnLog::instance().outcomes("eo-dlq-dead-");
    QVERIFY(log.size() >= 2);
    std::uint64_t committed = 0;
    for (const TxnOutcome& t : log) {
        QVERIFY2(t.kind == TxnOutcome::Kind::Committed, t.reason.c_str());
        committed += t.records;
    }
    QCOMPARE(committed, static_cast<std::uint64_t>(src.total));
    // Read back independently: each dead letter's original value carries its id exactly once.
    std::string out;
    QCOMPARE(runCommand("/usr/bin/python3 -c \"import confluent_kafka as ck, json\n"
                        "c = ck.Consumer({'bootstrap.servers': '" +
                            bs() +
                            "', 'group.id': 'eo-dlq-reader', 'isolation.level': "
                            "'read_committed', 'auto.offset.reset': 'earliest'})\n"
                            "lo, hi = c.get_watermark_offsets(ck.TopicPartition('eo.dlq', 0))\n"
                            "c.assign([ck.TopicPartition('eo.dlq', 0, 0)])\n"
                            "ids = []\n"
                            "while len(ids) < hi:\n"
                            "    m = c.poll(5)\n"
                            "    if m is None: break\n"
                            "    if m.error(): continue\n"
                            "    h = dict(m.headers())\n"
                            "    assert 'sw.txn' in h and '__connect.errors.stage' in h\n"
                            "    ids.append(json.loads(m.value())['id'])\n"
                            "print(len(ids), len(set(ids)), min(ids), max(ids))\" 2>&1",
                        &out),
             0);
    QCOMPARE(out, "600 600 0 " + std::to_string(src.total - 1) + "\n");
}

QTEST_GUILESS_MAIN(TestKafkaExactlyOnce)
#include "tst_kafka_exactly_once.moc"
