// Exactly-once sinks (`"delivery": "exactly-once"`): the SQLite sink (SqliteStaging) and the
// file sink (PartFileSink) at every crash point of their two-phase commit, driven directly
// (received rows / barrier k / k stored / k committed / rows after k), and a whole pipeline
// under a fault plan modelled on Flink's UnalignedCheckpointITCase: a map fails in processBatch
// after checkpoint k, a snapshot fails after checkpoint 2k, a restore fails once; the run goes
// on through its restarts and the outputs hold every record exactly once, with tumbling, hop,
// session and global (count-trigger) windows, dedup and an interval join equal to oracles over
// the same input.
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "PipelineRunner.h"
#include "SinkRun.h"
#include "connectors/file/PartFileSink.h"
#include "connectors/sqlite/SqliteSink.h"
#include "state/OperatorState.h"
#include "validate/Validator.h"

using namespace sw::runtime;
using namespace sw::test;
namespace fs = std::filesystem;

namespace {

const Schema kSchema({{"id", DataType::bigint()}, {"name", DataType::string()}});

std::vector<Record> rows(std::int64_t from, std::int64_t to)
{
    std::vector<Record> out;
    for (std::int64_t i = from; i < to; ++i) {
        Record r;
        r.row = {Value::integer(i), Value::string("row " + std::to_string(i))};
        out.push_back(std::move(r));
    }
    return out;
}

enum class Kind { Sqlite, File };

SinkRun openSink(Kind kind, const std::string& dir)
{
    SinkRun s;
    NodeSpec n = kind == Kind::Sqlite
                     ? makeNode("out", "sqlite-sink", {{"path", "out.sqlite"}, {"table", "t"}})
                     : makeNode("out", "file-sink", {{"path", "parts"}, {"format", "jsonl"}});
    s.h = std::make_unique<OperatorHarness>(n, std::vector<Schema>{kSchema}, 0, 1, dir);
    s.out = std::make_unique<CaptureCollector>(1, 0, "out");
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

/// The ids a reader sees: the SQLite table, or every visible part file (each must be whole:
/// every line ends with a newline and parses).
std::vector<std::int64_t> visible(Kind kind, const std::string& dir)
{
    std::vector<std::int64_t> ids;
    if (kind == Kind::Sqlite) {
        if (!fs::exists(dir + "/out.sqlite")) return ids;
        for (const auto& r : sqliteRows(dir + "/out.sqlite", "SELECT id FROM t ORDER BY rowid"))
            ids.push_back(std::stoll(r[0]));
        return ids;
    }
    std::vector<fs::path> files;
    if (fs::exists(dir + "/parts"))
        for (const auto& e : fs::directory_iterator(dir + "/parts"))
            if (e.path().filename().string()[0] != '.') files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!all.empty() && all.back() != '\n') qFatal("partial file %s", f.c_str());
        std::istringstream lines(all);
        for (std::string line; std::getline(lines, line);)
            ids.push_back(nlohmann::json::parse(line).at("id").get<std::int64_t>());
    }
    return ids;
}

std::size_t hiddenFiles(const std::string& dir)
{
    std::size_t n = 0;
    if (fs::exists(dir + "/parts"))
        for (const auto& e : fs::directory_iterator(dir + "/parts"))
            n += e.path().filename().string()[0] == '.' ? 1 : 0;
    return n;
}

/// Where the first sink instance "crashes" (is dropped without close).
enum class Crash { RowsReceived, BarrierTaken, CheckpointStored, Committed, RowsAfterCommit };

} // namespace

class TstExactlyOnce : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void crashPoints_data();
    void crashPoints();
    void restoringAnOlderCheckpointRemovesNewerParts();
    void keyedSqliteSinkUpsertsAtCommit();
    void consoleSinkIsWarnedOf();
    void faultPlanExactlyOnce();
};

void TstExactlyOnce::crashPoints_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("crash");
    for (int k : {0, 1})
        for (int c = 0; c <= 4; ++c)
            QTest::addRow("%s-%d", k ? "file" : "sqlite", c) << k << c;
}

void TstExactlyOnce::crashPoints()
{
    // Checkpoint 1 covers rows 0..9 and is committed; rows 10..19 precede barrier 2. The first
    // instance stops at `crash`; the second restores the checkpoint the engine would restore
    // (1 unless 2 was stored) and receives what the sources replay from there, then rows up to
    // 30 and checkpoint 3. A reader must see 0..29 exactly once, and never rows of a checkpoint
    // that did not complete.
    QFETCH(int, kind);
    QFETCH(int, crash);
    const Kind k = static_cast<Kind>(kind);
    const Crash c = static_cast<Crash>(crash);
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    StateBlobs cp1, cp2;
    {
        SinkRun a = openSink(k, dir);
        feed(*a.op, rows(0, 10), a.out->out());
        a.barrier(1, &cp1);
        QCOMPARE(visible(k, dir), std::vector<std::int64_t>{}); // not before completion
        a.op->notifyCheckpointComplete(1);
        QCOMPARE(visible(k, dir), range(0, 10));
        feed(*a.op, rows(10, 20), a.out->out());
        if (c != Crash::RowsReceived) {
            a.barrier(2, &cp2);
            QCOMPARE(visible(k, dir), range(0, 10)); // staged, invisible
        }
        if (c == Crash::Committed || c == Crash::RowsAfterCommit) {
            a.op->notifyCheckpointComplete(2);
            QCOMPARE(visible(k, dir), range(0, 20));
        }
        if (c == Crash::RowsAfterCommit) feed(*a.op, rows(20, 25), a.out->out());
        if (k == Kind::File && c == Crash::RowsReceived) QVERIFY(hiddenFiles(dir) > 0);
        // crash: the instance is dropped without close() (its descriptors close as a process's)
    }
    const bool stored = c >= Crash::CheckpointStored;
    SinkRun b = openSink(k, dir);
    b.restore(stored ? cp2 : cp1);
    // Right after the restore the reader sees exactly the restored checkpoint's rows.
    QCOMPARE(visible(k, dir), stored ? range(0, 20) : range(0, 10));
    if (k == Kind::File) QCOMPARE(hiddenFiles(dir), std::size_t(0)); // leftovers removed
    feed(*b.op, rows(stored ? 20 : 10, 30), b.out->out());
    b.barrier(3, nullptr);
    b.op->notifyCheckpointComplete(3);
    b.op->close();
    QCOMPARE(visible(k, dir), range(0, 30));
    if (k == Kind::Sqlite)
        QCOMPARE(sqliteRows(dir + "/out.sqlite", "SELECT COUNT(*) FROM t__sw_staging")[0][0],
                 std::string("0"));
}

void TstExactlyOnce::restoringAnOlderCheckpointRemovesNewerParts()
{
    // A fallback past a corrupt checkpoint restores an older one: the part files committed
    // after it are removed (their records are written again), so the output stays exact.
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    StateBlobs cp1;
    {
        SinkRun a = openSink(Kind::File, dir);
        feed(*a.op, rows(0, 10), a.out->out());
        a.barrier(1, &cp1);
        a.op->notifyCheckpointComplete(1);
        feed(*a.op, rows(10, 20), a.out->out());
        a.barrier(2, nullptr);
        a.op->notifyCheckpointComplete(2);
        QCOMPARE(visible(Kind::File, dir), range(0, 20));
    }
    SinkRun b = openSink(Kind::File, dir);
    b.restore(cp1);
    QCOMPARE(visible(Kind::File, dir), range(0, 10));
}

void TstExactlyOnce::keyedSqliteSinkUpsertsAtCommit()
{
    // With key_fields the commit upserts the staged rows in arrival order: the last version of
    // a key wins, within a checkpoint and across checkpoints, and nothing shows before it.
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    SinkRun s;
    NodeSpec n = makeNode("out", "sqlite-sink",
                          {{"path", "out.sqlite"}, {"table", "t"}, {"key_fields", {"id"}}});
    s.h = std::make_unique<OperatorHarness>(n, std::vector<Schema>{kSchema}, 0, 1, dir);
    s.out = std::make_unique<CaptureCollector>(1, 0, "out");
    OperatorSpec spec{
        s.h->node, *Catalog::instance().find("sqlite-sink"), s.h->inputs, s.h->outputs, 0, 1, dir};
    spec.delivery = DeliveryGuarantee::ExactlyOnce;
    s.op = std::move(*builtinOperators().find("sqlite-sink")->operator()(spec));
    QVERIFY(s.op->open(*s.h->ctx).isOk());
    auto version = [](std::int64_t id, const std::string& name) {
        Record r;
        r.row = {Value::integer(id), Value::string(name)};
        return r;
    };
    const std::string db = dir + "/out.sqlite";
    feed(*s.op, {version(1, "a1"), version(2, "b1"), version(1, "a2")}, s.out->out());
    s.barrier(1, nullptr);
    QCOMPARE(sqliteRows(db, "SELECT COUNT(*) FROM t")[0][0], std::string("0"));
    s.op->notifyCheckpointComplete(1);
    feed(*s.op, {version(2, "b2"), version(3, "c1"), version(2, "b3")}, s.out->out());
    s.barrier(2, nullptr);
    QCOMPARE(sqliteRows(db, "SELECT name FROM t WHERE id = 2")[0][0], std::string("b1"));
    s.op->notifyCheckpointComplete(2);
    const auto got = sqliteRows(db, "SELECT id, name FROM t ORDER BY id");
    const std::vector<std::vector<std::string>> want = {{"1", "a2"}, {"2", "b3"}, {"3", "c1"}};
    QVERIFY(got == want);
    QCOMPARE(sqliteRows(db, "SELECT checkpoint FROM __sw_sink_commits WHERE sink = 'out#0'")[0][0],
             std::string("2"));
}

void TstExactlyOnce::consoleSinkIsWarnedOf()
{
    PipelineSpec p;
    p.settings.name = "eo";
    p.settings.delivery = DeliveryGuarantee::ExactlyOnce;
    p.nodes = {pnode("gen", "generator", {{"kind", "orders"}, {"total_events", 10}}),
               pnode("show", "console-sink", json::object()),
               pnode("db", "sqlite-sink", {{"path", "o.sqlite"}, {"table", "o"}})};
    p.edges = {pedge("gen", "out", "show"), pedge("gen", "out", "db")};
    auto r = validate(p);
    int warnings = 0;
    for (const auto& d : r.diagnostics) {
        if (d.severity != Severity::Warning || d.message.find("exactly-once") == std::string::npos)
            continue;
        ++warnings;
        QCOMPARE(d.nodeId, std::string("show"));
        QVERIFY2(d.message.find("sink 'show' (console-sink) cannot take part") !=
                         std::string::npos &&
                     d.message.find("Use a SQLite, file or Kafka sink") != std::string::npos,
                 d.message.c_str());
    }
    QCOMPARE(warnings, 1); // the SQLite sink takes part
    p.settings.delivery = DeliveryGuarantee::AtLeastOnce;
    for (const auto& d : validate(p).diagnostics)
        QVERIFY(d.message.find("exactly-once") == std::string::npos);
}

// ------------------------------------------------------------------ the fault plan

namespace {
constexpr int kTotal = 30000;
constexpr std::int64_t kK = 3;             // the map fails after checkpoint k, a snapshot after 2k
constexpr std::int64_t kCountTrigger = 50; // the global window fires every 50 records per key
constexpr std::int64_t kSessionGapMs = 10; // ~5% of a customer's gaps close its session
constexpr std::int64_t kJoinLowerMs = 2;   // interval join: r.ts in [l.ts - 2 ms, l.ts]

struct FaultPlan {
    std::atomic<std::int64_t> lastCheckpoint{0};
    std::atomic<bool> mapFailed{false}, snapshotFailed{false}, restoreFailed{false};
};

/// Node "f" (a map): passes records on; throws once in processBatch after checkpoint k, once in
/// snapshotState at checkpoint 2k or later, and once in restoreState (during the recovery).
class FaultyMap : public Operator {
public:
    explicit FaultyMap(std::shared_ptr<FaultPlan> plan) : m_plan(std::move(plan)) {}
    void processBatch(int, RecordBatch& batch, Collector& out) override
    {
        if (m_plan->lastCheckpoint.load() >= kK && !m_plan->mapFailed.exchange(true))
            throw std::runtime_error("fault plan: map fails after checkpoint " +
                                     std::to_string(kK));
        for (Record& r : batch)
            out.emit(0, r);
    }
    void snapshotState(std::int64_t id, StateWriter&) override
    {
        if (m_plan->mapFailed.load() && id >= 2 * kK && !m_plan->snapshotFailed.exchange(true))
            throw std::runtime_error("fault plan: snapshot fails at checkpoint " +
                                     std::to_string(id));
        std::int64_t seen = m_plan->lastCheckpoint.load();
        while (id > seen && !m_plan->lastCheckpoint.compare_exchange_weak(seen, id)) {
        }
    }
    void restoreState(const StateReader&) override
    {
        if (m_plan->snapshotFailed.load() && !m_plan->restoreFailed.exchange(true))
            throw std::runtime_error("fault plan: restore fails once");
    }

private:
    std::shared_ptr<FaultPlan> m_plan;
};

PipelineSpec faultPipeline()
{
    PipelineSpec p;
    p.settings.name = "eo-faults";
    p.settings.delivery = DeliveryGuarantee::ExactlyOnce;
    p.settings.checkpointIntervalMs = 40;
    json aggs = json::array({{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}},
                             {{"function", "SUM"}, {"column", "amount"}, {"as", "total"}}});
    p.nodes = {
        pnode("gen", "generator",
              {{"kind", "orders"},
               {"seed", 12},
               {"total_events", kTotal},
               {"events_per_second", 12000},
               {"key_cardinality", 40},
               {"out_of_orderness", "30 ms"},
               {"max_out_of_orderness", "50 ms"},
               {"parallelism", 2}}),
        pnode("f", "map", {{"keep_input_columns", true}, {"parallelism", 2}}),
        pnode("keyed", "key-by", {{"keys", {"customer_id"}}, {"parallelism", 2}}),
        pnode("w", "tumbling-window",
              {{"size", "100 ms"},
               {"keys", {"customer_id"}},
               {"aggregates", aggs},
               {"parallelism", 2}}),
        // append-only (no keys): a duplicate would be a second row
        pnode("windows", "sqlite-sink", {{"path", "out.sqlite"}, {"table", "windows"}}),
        pnode("raw", "sqlite-sink", {{"path", "raw.sqlite"}, {"table", "raw"}}),
        pnode("files", "file-sink", {{"path", "orders"}, {"format", "jsonl"}}),
        pnode(
            "h", "hop-window",
            {{"size", "200 ms"},
             {"slide", "100 ms"},
             {"keys", {"customer_id"}},
             {"aggregates", json::array({{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}}})},
             {"parallelism", 2}}),
        pnode("hops", "sqlite-sink", {{"path", "hops.sqlite"}, {"table", "hops"}}),
        pnode(
            "g", "global-window",
            {{"keys", {"customer_id"}},
             {"trigger", "count"},
             {"trigger_count", kCountTrigger},
             {"aggregates", json::array({{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}}})},
             {"parallelism", 2}}),
        // the global window is an updating stream: a file sink writes its op column
        pnode("counts", "file-sink", {{"path", "counts"}, {"format", "jsonl"}}),
        pnode(
            "s", "session-window",
            {{"gap", std::to_string(kSessionGapMs) + " ms"},
             {"keys", {"customer_id"}},
             {"aggregates", json::array({{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}}})},
             {"parallelism", 2}}),
        pnode("sessions", "sqlite-sink", {{"path", "sessions.sqlite"}, {"table", "sessions"}}),
        pnode("dd", "dedup", {{"keys", {"customer_id"}}, {"ttl", "1 h"}, {"parallelism", 2}}),
        pnode("firsts", "sqlite-sink", {{"path", "firsts.sqlite"}, {"table", "firsts"}}),
        pnode("ij", "interval-join",
              {{"left_keys", {"customer_id"}},
               {"right_keys", {"customer_id"}},
               {"lower_bound", "-" + std::to_string(kJoinLowerMs) + " ms"},
               {"upper_bound", "0 ms"},
               {"parallelism", 2}}),
        pnode("pairs", "sqlite-sink", {{"path", "pairs.sqlite"}, {"table", "pairs"}})};
    p.edges = {pedge("gen", "out", "f"),
               pedge("f", "out", "keyed"),
               pedge("keyed", "out", "w"),
               pedge("w", "out", "windows"),
               pedge("keyed", "out", "raw"),
               pedge("f", "out", "files"),
               pedge("keyed", "out", "h"),
               pedge("h", "out", "hops"),
               pedge("keyed", "out", "g"),
               pedge("g", "out", "counts"),
               pedge("keyed", "out", "s"),
               pedge("s", "out", "sessions"),
               pedge("keyed", "out", "dd"),
               pedge("dd", "out", "firsts"),
               pedge("ij", "out", "pairs"),
               EdgeSpec{PortRef{"keyed", "out"}, PortRef{"ij", "left"}},
               EdgeSpec{PortRef{"keyed", "out"}, PortRef{"ij", "right"}}};
    return p;
}

using Rows = std::vector<std::vector<std::string>>;

/// Milliseconds since the epoch of a TIMESTAMP column, in SQLite.
std::string msOf(const char* col)
{
    return "CAST(ROUND((julianday(" + std::string(col) + ") - 2440587.5) * 86400000) AS INTEGER)";
}

/// Hop windows (200 ms every 100 ms) against the oracle: every order counts in the two windows
/// starting at its timestamp floored to 100 ms and 100 ms before (milliseconds from julianday).
void checkHopWindows(const std::string& d)
{
    const Rows oracle =
        sqliteRows(d + "/raw.sqlite",
                   "WITH t AS (SELECT customer_id, " + msOf("event_time") +
                       " AS ms FROM raw), w AS (SELECT customer_id, ms - ms % 100 AS ws "
                       "FROM t UNION ALL SELECT customer_id, ms - ms % 100 - 100 FROM t) "
                       "SELECT ws, customer_id, COUNT(*) FROM w GROUP BY 1, 2 ORDER BY 1, 2");
    const Rows got =
        sqliteRows(d + "/hops.sqlite",
                   "SELECT " + msOf("window_start") + ", customer_id, cnt FROM hops ORDER BY 1, 2");
    QVERIFY(oracle.size() > 100);
    QCOMPARE(got.size(), oracle.size());
    QVERIFY(got == oracle);
}

/// Global windows with a count trigger: per key a firing at every kCountTrigger records, with
/// the cumulative count (nothing at end of input, as Flink).
void checkGlobalCounts(const std::string& d)
{
    const Rows perKey =
        sqliteRows(d + "/raw.sqlite", "SELECT customer_id, COUNT(*) FROM raw GROUP BY 1");
    std::vector<std::pair<std::int64_t, std::int64_t>> oracle, got;
    for (const auto& r : perKey)
        for (std::int64_t k = 1; k * kCountTrigger <= std::stoll(r[1]); ++k)
            oracle.emplace_back(std::stoll(r[0]), k * kCountTrigger);
    // Every firing's row is a +I (a key's first) or a +U (after the -U of the previous one).
    std::size_t retractions = 0;
    for (const auto& f : fs::directory_iterator(d + "/counts")) {
        std::ifstream in(f.path());
        for (std::string line; std::getline(in, line);) {
            const auto j = nlohmann::json::parse(line);
            const std::string op = j.at("op").get<std::string>();
            if (op == "-U") {
                ++retractions;
                continue;
            }
            QVERIFY2(op == "+I" || op == "+U", line.c_str());
            got.emplace_back(j.at("customer_id").get<std::int64_t>(),
                             j.at("cnt").get<std::int64_t>());
        }
    }
    std::sort(oracle.begin(), oracle.end());
    std::sort(got.begin(), got.end());
    QCOMPARE(retractions, oracle.size() - perKey.size()); // all but each key's first firing
    QVERIFY(oracle.size() > 100);
    QCOMPARE(got.size(), oracle.size());
    QVERIFY(got == oracle);
}
/// Session windows (gap kSessionGapMs) against the oracle: per customer, sorted by time, a
/// session ends where the next record is more than a gap after the previous one (Flink merges
/// windows [t, t + gap) that intersect, TimeWindow.intersects: start <= other.end, so records
/// exactly a gap apart share a session); start = first time, end = last time + gap.
void checkSessions(const std::string& d)
{
    const std::string gap = std::to_string(kSessionGapMs);
    const Rows oracle = sqliteRows(
        d + "/raw.sqlite",
        "WITH t AS (SELECT customer_id, " + msOf("event_time") +
            " AS ms FROM raw), b AS (SELECT customer_id, ms, CASE WHEN ms - LAG(ms) OVER "
            "(PARTITION BY customer_id ORDER BY ms) <= " +
            gap +
            " THEN 0 ELSE 1 END AS brk FROM t), g AS (SELECT customer_id, ms, SUM(brk) OVER "
            "(PARTITION BY customer_id ORDER BY ms ROWS UNBOUNDED PRECEDING) AS sid FROM b) "
            "SELECT MIN(ms), MAX(ms) + " +
            gap + ", customer_id, COUNT(*) FROM g GROUP BY customer_id, sid ORDER BY 1, 3");
    const Rows got = sqliteRows(d + "/sessions.sqlite",
                                "SELECT " + msOf("window_start") + ", " + msOf("window_end") +
                                    ", customer_id, cnt FROM sessions ORDER BY 1, 3");
    QVERIFY2(oracle.size() > 200, qPrintable(QString::number(oracle.size())));
    QCOMPARE(got.size(), oracle.size());
    QVERIFY(got == oracle);
}

/// Dedup by customer (TTL 1 h, longer than the run): exactly one row per customer, so a dedup
/// that forgot what it saw across a restart shows as a second row.
void checkDedup(const std::string& d)
{
    const Rows firsts = sqliteRows(d + "/firsts.sqlite",
                                   "SELECT COUNT(*), COUNT(DISTINCT customer_id) FROM firsts");
    const Rows customers =
        sqliteRows(d + "/raw.sqlite", "SELECT COUNT(DISTINCT customer_id) FROM raw");
    QCOMPARE(firsts[0][0], customers[0][0]);
    QCOMPARE(firsts[0][1], customers[0][0]);
}

/// The self interval join (same customer, r.ts in [l.ts - kJoinLowerMs, l.ts]) against the same
/// join computed by SQLite over the input: the same (left order, right order) pairs.
void checkIntervalJoin(const std::string& d)
{
    const Rows oracle =
        sqliteRows(d + "/raw.sqlite",
                   "WITH t AS (SELECT order_id, customer_id, " + msOf("event_time") +
                       " AS ms FROM raw) SELECT l.order_id, r.order_id FROM t AS l JOIN t AS r ON "
                       "r.customer_id = l.customer_id AND r.ms BETWEEN l.ms - " +
                       std::to_string(kJoinLowerMs) + " AND l.ms ORDER BY 1, 2");
    const Rows got =
        sqliteRows(d + "/pairs.sqlite", "SELECT order_id, right_order_id FROM pairs ORDER BY 1, 2");
    QVERIFY(oracle.size() > std::size_t(kTotal)); // every order pairs with itself, and more
    QCOMPARE(got.size(), oracle.size());
    QVERIFY(got == oracle);
}
} // namespace

void TstExactlyOnce::faultPlanExactlyOnce()
{
    QTemporaryDir tmp;
    const std::string d = tmp.path().toStdString();
    auto plan = std::make_shared<FaultPlan>();
    EngineOptions o;
    o.dataDirectory = d;
    o.watermarkIntervalMs = 0;
    o.restartStrategy.kind = EngineOptions::RestartStrategy::Kind::FixedDelay;
    o.restartStrategy.attempts = 4;
    o.restartStrategy.delayMs = 10;
    o.operatorOverrides["f"] = [plan](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<FaultyMap>(plan);
    };
    Engine e;
    QVERIFY(e.start(faultPipeline(), o).isOk());
    QVERIFY(e.wait(120000));
    const auto events = e.pollEvents();
    for (const auto& ev : events)
        if (ev.kind == EngineEvent::Kind::Error) qWarning("error: %s", ev.message.c_str());
    QVERIFY(plan->mapFailed && plan->snapshotFailed && plan->restoreFailed);
    QCOMPARE(e.restarts(), 3);
    QVERIFY(e.state() == EngineState::Finished);
    // At least 8 checkpoints completed over the run (Engine::completedCheckpoints counts across
    // restarts), and the map saw checkpoint barriers at least 8 past the snapshot fault's.
    QVERIFY2(e.completedCheckpoints() >= 8, qPrintable(QString::number(e.completedCheckpoints())));
    QVERIFY(plan->lastCheckpoint.load() >= 2 * kK + 8);

    // 0 lost, 0 duplicated: in the SQLite sink and in the part files.
    auto raw = sqliteRows(d + "/raw.sqlite", "SELECT COUNT(*), COUNT(DISTINCT order_id) FROM raw");
    QCOMPARE(raw[0][0], std::to_string(kTotal));
    QCOMPARE(raw[0][1], std::to_string(kTotal));
    std::set<std::int64_t> ids;
    std::size_t lines = 0;
    for (const auto& f : fs::directory_iterator(d + "/orders")) {
        const std::string name = f.path().filename().string();
        QVERIFY2(name[0] != '.', name.c_str()); // everything committed at the end
        std::ifstream in(f.path());
        for (std::string line; std::getline(in, line); ++lines)
            ids.insert(nlohmann::json::parse(line).at("order_id").get<std::int64_t>());
    }
    QCOMPARE(lines, std::size_t(kTotal));
    QCOMPARE(ids.size(), std::size_t(kTotal));
    // Windows equal the SQLite oracle over the input (100 ms windows: the start is the
    // timestamp text with its last two digits zeroed).
    const auto oracle = sqliteRows(
        d + "/raw.sqlite",
        "SELECT substr(event_time, 1, 21) || '00', customer_id, COUNT(*), "
        "CAST(ROUND(SUM(amount) * 100) AS INTEGER) FROM raw GROUP BY 1, 2 ORDER BY 1, 2");
    const auto got = sqliteRows(d + "/out.sqlite",
                                "SELECT window_start, customer_id, cnt, "
                                "CAST(ROUND(total * 100) AS INTEGER) FROM windows ORDER BY 1, 2");
    checkHopWindows(d);
    checkGlobalCounts(d);
    checkSessions(d);
    checkDedup(d);
    checkIntervalJoin(d);
    QVERIFY(oracle.size() > 100);
    QCOMPARE(got.size(), oracle.size());
    for (std::size_t i = 0; i < got.size(); ++i)
        QVERIFY2(got[i] == oracle[i],
                 qPrintable(QString::fromStdString(got[i][0] + " " + got[i][1] + " " + got[i][2])));
}

QTEST_GUILESS_MAIN(TstExactlyOnce)
#include "tst_exactly_once.moc"
