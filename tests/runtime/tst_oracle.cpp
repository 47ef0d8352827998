// Window kinds, allowed lateness and dedup against an independent oracle: the same randomized,
// out-of-order input is written to SQLite and aggregated there with GROUP BY over window bounds
// computed in SQL. Result sets must be equal exactly, at parallelism 1, 2 and 4.
//
// Determinism: the test source emits 64 records per poll and a watermark after every poll
// (EngineOptions::watermarkIntervalMs = 0), so the watermark a record meets at the window
// operator is a function of its position: W(poll p) = max(ts of polls < p) - bound - 1. The
// oracle computes the same in SQL. The source runs with parallelism 1 (file-source type) and the
// window subtasks read one channel each, so arrival order per key is the input order.
#include <QtTest>

#include <algorithm>
#include <random>

#include "tst_engine_support.h"
#include "tst_oracle_support.h"
#include "types/Duration.h"

using namespace sw::runtime;
using namespace sw::test;

namespace {

constexpr int kPerPoll = 64;

struct GenSpec {
    int n = 20000;
    int keys = 25;
    std::int64_t maxStep = 74;   ///< event time advances by U(0, maxStep) ms per record
    std::int64_t disorder = 800; ///< ts = t - U(0, disorder)
    double veryLateRatio = 0;    ///< records on dedicated keys, far behind the watermark
    std::int64_t veryLateBy = 0;
    int eidRange = 5000; ///< dedup ids are U(0, eidRange)
    std::uint32_t seed = 7;
};

struct Case {
    std::string type; ///< node type
    nlohmann::json props;
    GenSpec gen;
    std::int64_t bound = 1000; ///< max_out_of_orderness of the source
};

const std::vector<std::pair<std::string, std::string>> kCols = {
    {"seq", "BIGINT"}, {"k", "BIGINT"},    {"eid", "BIGINT"},
    {"cat", "STRING"}, {"v", "BIGINT"},    {"amt", "DECIMAL(10, 2)"},
    {"d", "DOUBLE"},   {"name", "STRING"}, {"ts", "TIMESTAMP(3)"}};

const char* kAggs = R"([
  {"function": "COUNT", "column": "*", "as": "cnt"}, {"function": "COUNT", "column": "name", "as": "cn"},
  {"function": "COUNT_DISTINCT", "column": "cat", "as": "dc"}, {"function": "SUM", "column": "v", "as": "sv"},
  {"function": "AVG", "column": "v", "as": "av"}, {"function": "SUM", "column": "amt", "as": "sa"},
  {"function": "AVG", "column": "amt", "as": "aa"}, {"function": "MIN", "column": "d", "as": "mind"},
  {"function": "MAX", "column": "name", "as": "mxn"}, {"function": "FIRST_VALUE", "column": "name", "as": "fn"},
  {"function": "LAST_VALUE", "column": "cat", "as": "lc"}])";

const std::vector<std::string> kAggTypes = {"I",  "I", "I", "I", "I", "D2",
                                            "D6", "R", "S", "S", "S"};

/// The same aggregates in SQL over alias `p` (first/last by arrival sequence, NULLs ignored).
std::string sqlAggs(const std::string& p)
{
    std::string a = p + ".";
    return "COUNT(*), COUNT(" + a + "name), COUNT(DISTINCT " + a + "cat), SUM(" + a + "v), SUM(" +
           a + "v) / COUNT(" + a + "v), SUM(" + a + "amt), CASE WHEN COUNT(" + a +
           "amt) = 0 THEN NULL WHEN SUM(" + a + "amt) >= 0 THEN (SUM(" + a +
           "amt) * 20000 + COUNT(" + a + "amt)) / (2 * COUNT(" + a + "amt)) ELSE -((-SUM(" + a +
           "amt) * 20000 + COUNT(" + a + "amt)) / (2 * COUNT(" + a + "amt))) END, MIN(" + a +
           "d), MAX(" + a + "name), substr(MIN(CASE WHEN " + a +
           "name IS NOT NULL THEN printf('%012d', " + a + "seq) || " + a +
           "name END), 13), substr(MAX(CASE WHEN " + a + "cat IS NOT NULL THEN printf('%012d', " +
           a + "seq) || " + a + "cat END), 13)";
}

std::vector<Row> generate(const GenSpec& g)
{
    std::mt19937_64 rng(g.seed);
    auto uni = [&](std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
    };
    const char* cats[] = {"books", "games", "garden", "music", "toys"};
    std::vector<Row> rows;
    std::int64_t t = 1'700'000'000'000;
    for (int i = 0; i < g.n; ++i) {
        t += uni(0, g.maxStep);
        bool veryLate =
            g.veryLateRatio > 0 && std::uniform_real_distribution<>(0, 1)(rng) < g.veryLateRatio;
        std::int64_t ts =
            veryLate ? t - g.disorder - g.veryLateBy - uni(0, 3000) : t - uni(0, g.disorder);
        std::int64_t k = veryLate ? g.keys + uni(0, 4) : uni(0, g.keys - 1);
        Row r;
        r.push_back(Value::integer(i));
        r.push_back(Value::integer(k));
        r.push_back(Value::integer(uni(0, g.eidRange - 1)));
        r.push_back(uni(0, 30) == 0 ? Value::null() : Value::string(cats[uni(0, 4)]));
        r.push_back(uni(0, 19) == 0 ? Value::null() : Value::integer(uni(-50, 1000)));
        r.push_back(uni(0, 19) == 0 ? Value::null() : Value::decimal(uni(-500, 100000), 2));
        r.push_back(uni(0, 19) == 0 ? Value::null()
                                    : Value::float64(double(uni(-100000, 100000)) / 64.0));
        r.push_back(uni(0, 9) == 0 ? Value::null()
                                   : Value::string("name" + std::to_string(uni(0, 40))));
        r.push_back(Value::timestamp(ts));
        rows.push_back(std::move(r));
    }
    return rows;
}

void load(Sqlite& db, const std::vector<Row>& rows, std::int64_t bound)
{
    db.exec(
        "CREATE TABLE ev(seq INTEGER PRIMARY KEY, poll INTEGER, k INTEGER, eid INTEGER, cat TEXT, "
        "v INTEGER, amt INTEGER, d REAL, name TEXT, ts INTEGER)");
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db.db(), "INSERT INTO ev VALUES (?,?,?,?,?,?,?,?,?,?)", -1, &st, nullptr);
    db.exec("BEGIN");
    for (const Row& r : rows) {
        auto bindInt = [&](int i, const Value& v, std::int64_t x) {
            if (v.isNull())
                sqlite3_bind_null(st, i);
            else
                sqlite3_bind_int64(st, i, x);
        };
        auto bindText = [&](int i, const Value& v) {
            if (v.isNull())
                sqlite3_bind_null(st, i);
            else
                sqlite3_bind_text(st, i, v.asString().c_str(), -1, SQLITE_TRANSIENT);
        };
        sqlite3_bind_int64(st, 1, r[0].asInt());
        sqlite3_bind_int64(st, 2, r[0].asInt() / kPerPoll);
        sqlite3_bind_int64(st, 3, r[1].asInt());
        sqlite3_bind_int64(st, 4, r[2].asInt());
        bindText(5, r[3]);
        bindInt(6, r[4], r[4].asInt());
        bindInt(7, r[5], r[5].decimalUnscaled());
        if (r[6].isNull())
            sqlite3_bind_null(st, 8);
        else
            sqlite3_bind_double(st, 8, r[6].asDouble());
        bindText(9, r[7]);
        sqlite3_bind_int64(st, 10, r[8].asTimestamp());
        sqlite3_step(st);
        sqlite3_reset(st);
    }
    db.exec("COMMIT");
    sqlite3_finalize(st);
    // Watermark a record meets (warr: after all earlier polls) and after each poll (wa).
    const std::string b = std::to_string(bound);
    db.exec("CREATE TABLE pw AS SELECT poll, MAX(ts) AS mx FROM ev GROUP BY poll");
    db.exec("CREATE TABLE wa AS SELECT p.poll AS poll, (SELECT MAX(mx) FROM pw q WHERE q.poll <= "
            "p.poll) - " +
            b + " - 1 AS w FROM pw p");
    db.exec("CREATE TABLE warr AS SELECT p.poll AS poll, COALESCE((SELECT MAX(mx) FROM pw q WHERE "
            "q.poll < p.poll) - " +
            b + " - 1, -9000000000000000000) AS w FROM pw p");
}

std::int64_t ms(const nlohmann::json& props, const char* name)
{
    return *parseDuration(props.value(name, std::string("0 ms")));
}

/// Oracle rows for a tumbling or hop window with allowed lateness: on-time firings and one
/// re-firing per late-but-allowed record; plus the set of late records (all windows past).
std::vector<std::string> oracleTimeWindows(Sqlite& db, const Case& c,
                                           std::vector<std::string>& late)
{
    const bool hop = c.type == "hop-window";
    const std::int64_t size = ms(c.props, "size");
    const std::int64_t slide = hop ? ms(c.props, "slide") : size;
    const std::int64_t off = hop ? 0 : ms(c.props, "offset");
    const std::int64_t L = ms(c.props, "allowed_lateness");
    const std::string S = std::to_string(size), SL = std::to_string(slide), O = std::to_string(off),
                      LL = std::to_string(L);
    db.exec("CREATE TABLE j AS WITH RECURSIVE j(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM j "
            "WHERE x + 1 < " +
            S + " / " + SL + ") SELECT x FROM j");
    db.exec("CREATE TABLE a AS SELECT e.*, (e.ts - (((e.ts - " + O + ") % " + SL + ") + " + SL +
            ") % " + SL + ") - j.x * " + SL +
            " AS ws, r.w AS warr FROM ev e JOIN warr r ON r.poll = e.poll, j");
    db.exec("ALTER TABLE a ADD COLUMN we INTEGER");
    db.exec("ALTER TABLE a ADD COLUMN ok INTEGER");
    db.exec("UPDATE a SET we = ws + " + S + ", ok = (ws + " + S + " - 1 + " + LL + " > warr)");
    // The first poll whose watermark fires the window (wa.w never decreases with poll, so the
    // first by (w, poll) is the minimum poll; the index makes it a lookup).
    db.exec("CREATE INDEX wai ON wa(w, poll)");
    db.exec("CREATE TABLE f AS SELECT we, (SELECT poll FROM wa WHERE w >= d.we - 1 ORDER BY w, "
            "poll LIMIT 1) "
            "AS fp FROM (SELECT DISTINCT we FROM a) d");
    db.exec("CREATE INDEX ai ON a(ws, k, seq)");
    std::vector<std::string> types = {"T", "T", "I"};
    types.insert(types.end(), kAggTypes.begin(), kAggTypes.end());
    auto onTime =
        db.rows("SELECT a.ws, a.we, a.k, " + sqlAggs("a") +
                    " FROM a JOIN f ON f.we = a.we WHERE a.ok AND (f.fp IS NULL OR a.poll <= f.fp) "
                    "GROUP BY a.ws, a.k",
                types);
    auto refire = db.rows(
        "SELECT x.ws, x.we, x.k, " + sqlAggs("y") +
            " FROM a x JOIN f ON f.we = x.we JOIN a y ON y.ws = x.ws AND y.k = x.k AND y.ok AND "
            "y.seq <= x.seq WHERE x.ok AND f.fp IS NOT NULL AND x.poll > f.fp GROUP BY x.seq, x.ws",
        types);
    late = db.rows("SELECT seq FROM a GROUP BY seq HAVING SUM(ok) = 0", {"I"});
    onTime.insert(onTime.end(), refire.begin(), refire.end());
    return onTime;
}

/// Sessions: gaps-and-islands per key over event time (touching windows merge). Records of the
/// dedicated very-late keys are late when their singleton window is past the watermark.
std::vector<std::string> oracleSessions(Sqlite& db, const Case& c, std::vector<std::string>& late)
{
    const std::string G = std::to_string(ms(c.props, "gap")), K = std::to_string(c.gen.keys);
    db.exec("CREATE TABLE s1 AS SELECT e.*, r.w AS warr, CASE WHEN LAG(ts) OVER win IS NULL OR ts "
            "> LAG(ts) OVER win + " +
            G + " THEN 1 ELSE 0 END AS brk FROM ev e JOIN warr r ON r.poll = e.poll WHERE e.k < " +
            K + " WINDOW win AS (PARTITION BY k ORDER BY ts, seq)");
    db.exec("CREATE TABLE a AS SELECT *, SUM(brk) OVER (PARTITION BY k ORDER BY ts, seq ROWS "
            "UNBOUNDED PRECEDING) "
            "AS sid FROM s1");
    std::vector<std::string> types = {"T", "T", "I"};
    types.insert(types.end(), kAggTypes.begin(), kAggTypes.end());
    late = db.rows("SELECT e.seq FROM ev e JOIN warr r ON r.poll = e.poll WHERE e.k >= " + K +
                       " AND e.ts + " + G + " - 1 <= r.w",
                   {"I"});
    return db.rows("SELECT MIN(a.ts), MAX(a.ts) + " + G + ", a.k, " + sqlAggs("a") +
                       " FROM a GROUP BY a.k, a.sid",
                   types);
}

std::vector<std::string> oracleGlobal(Sqlite& db, const Case& c)
{
    const std::string N = std::to_string(c.props.value("trigger_count", 100));
    db.exec("CREATE TABLE g AS SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY seq) AS rn "
            "FROM ev");
    db.exec("CREATE INDEX gi ON g(k, rn)");
    std::vector<std::string> types = {"I"};
    types.insert(types.end(), kAggTypes.begin(), kAggTypes.end());
    return db.rows("SELECT x.k, " + sqlAggs("y") +
                       " FROM g x JOIN g y ON y.k = x.k AND y.rn <= x.rn WHERE x.rn % " + N +
                       " = 0 GROUP BY x.k, x.rn",
                   types);
}

/// Dedup: walk each id's records in arrival order; a record is kept when no kept record of the
/// id is remembered (remembered until the watermark reaches its ts + ttl).
std::vector<std::string> oracleDedup(Sqlite& db, const Case& c)
{
    const std::string T = std::to_string(ms(c.props, "ttl"));
    db.exec("CREATE TABLE dd AS SELECT e.seq, e.eid, e.ts, r.w AS warr, ROW_NUMBER() OVER "
            "(PARTITION BY e.eid "
            "ORDER BY e.seq) AS rn FROM ev e JOIN warr r ON r.poll = e.poll");
    db.exec("CREATE INDEX ddi ON dd(eid, rn)");
    return db.rows(
        "WITH RECURSIVE walk(eid, rn, seq, kept, exp) AS (SELECT eid, rn, seq, 1, ts + " + T +
            " FROM dd WHERE rn = 1 UNION ALL SELECT d.eid, d.rn, d.seq, CASE WHEN w.exp <= d.warr "
            "THEN 1 "
            "ELSE 0 END, CASE WHEN w.exp <= d.warr THEN d.ts + " +
            T +
            " ELSE w.exp END FROM walk w JOIN dd d ON d.eid = w.eid AND d.rn = w.rn + 1) "
            "SELECT seq FROM walk WHERE kept = 1",
        {"I"});
}

struct EngineRun {
    std::vector<std::string> rows;
    std::vector<std::string> late; ///< seq of records in the errors output
    MetricsSnapshot metrics;
    std::string errors;
};

EngineRun runEngine(const Case& c, const std::vector<Row>& data, int parallelism)
{
    PipelineSpec p;
    p.settings.parallelism = parallelism;
    p.nodes.push_back(sourceNode("src", kCols, "ts", std::to_string(c.bound) + " ms"));
    p.nodes.push_back(node("op", c.type, c.props));
    p.nodes.push_back(node("sink", "console-sink"));
    p.nodes.push_back(node("dlq", "dlq"));
    p.edges = {edge("src", "op"), edge("op", "sink"), edge("op", "dlq", "errors", "in")};
    auto sink = std::make_shared<Collected>();
    auto dlq = std::make_shared<Collected>();
    EngineOptions o;
    o.watermarkIntervalMs = 0;
    o.batchSize = 100; // small batches: more interleaving of control and data
    o.channelCapacity = 4;
    VectorSourceConfig vc{std::make_shared<std::vector<Row>>(data)};
    vc.perPoll = kPerPoll;
    o.operatorOverrides["src"] = vectorSource(vc);
    o.operatorOverrides["sink"] = collectingSink(sink);
    o.operatorOverrides["dlq"] = collectingSink(dlq);
    Engine e;
    EngineRun r;
    if (Status s = e.start(p, o); !s) {
        r.errors = s.message();
        return r;
    }
    r.errors = errorsOf(runToEnd(e));
    r.metrics = e.snapshot();
    for (const Record& rec : sink->take()) {
        // The global window is an updating stream (Flink's changelog): a key's later firings
        // retract its previous row (-U) before the new one (+U). The oracle lists every
        // firing's row: the +I and +U rows.
        if (rec.kind == RowKind::UpdateBefore) continue;
        if (c.type == "dedup")
            r.rows.push_back(rec.row[0].toString());
        else
            r.rows.push_back(renderRow(rec.row));
    }
    for (const Record& rec : dlq->take()) {
        auto j = nlohmann::json::parse(rec.row[11].asString());
        r.late.push_back(std::to_string(j["seq"].get<std::int64_t>()));
        if (rec.row[2].asString() != "late")
            r.errors += "unexpected error class " + rec.row[2].asString() + "\n";
    }
    return r;
}

nlohmann::json props(const char* text)
{
    auto j = nlohmann::json::parse(text);
    if (j.contains("aggregates") && j["aggregates"] == "all")
        j["aggregates"] = nlohmann::json::parse(kAggs);
    return j;
}

std::map<std::string, Case> cases()
{
    std::map<std::string, Case> m;
    GenSpec onTime; // disorder 800 < bound 1000: nothing is late
    m["tumbling"] = {"tumbling-window",
                     props(R"({"size": "1 s", "keys": ["k"], "aggregates": "all"})"), onTime};
    m["tumbling-offset"] = {
        "tumbling-window",
        props(R"({"size": "3 s", "offset": "-1250 ms", "keys": ["k"], "aggregates": "all"})"),
        onTime};
    m["hop"] = {"hop-window",
                props(R"({"size": "2 s", "slide": "500 ms", "keys": ["k"], "aggregates": "all"})"),
                onTime};
    m["session"] = {"session-window",
                    props(R"({"gap": "1 s", "keys": ["k"], "aggregates": "all"})"), onTime};
    m["global-count"] = {
        "global-window",
        props(R"({"trigger": "count", "trigger_count": 7, "keys": ["k"], "aggregates": "all"})"),
        onTime};
    GenSpec disordered; // disorder 1500 > bound 200: many records behind the watermark
    disordered.disorder = 1500;
    disordered.seed = 11;
    m["tumbling-lateness"] = {
        "tumbling-window",
        props(
            R"({"size": "1 s", "keys": ["k"], "allowed_lateness": "500 ms", "aggregates": "all"})"),
        disordered, 200};
    m["tumbling-no-lateness"] = {"tumbling-window",
                                 props(R"({"size": "1 s", "keys": ["k"], "aggregates": "all"})"),
                                 disordered, 200};
    GenSpec veryDisordered = disordered; // a hop record is late only when its latest window is
    veryDisordered.disorder = 4000;      // past: at least size - slide behind the watermark
    m["hop-lateness"] = {
        "hop-window",
        props(
            R"({"size": "2 s", "slide": "1 s", "keys": ["k"], "allowed_lateness": "400 ms", "aggregates": "all"})"),
        veryDisordered, 200};
    GenSpec veryLate = onTime;
    veryLate.veryLateRatio = 0.03;
    veryLate.veryLateBy = 5000;
    m["session-late"] = {"session-window",
                         props(R"({"gap": "1 s", "keys": ["k"], "aggregates": "all"})"), veryLate};
    GenSpec dups = disordered;
    dups.eidRange = 4000;
    m["dedup"] = {"dedup", props(R"({"keys": ["eid"], "ttl": "20 s"})"), dups, 200};
    m["dedup-forever"] = {"dedup", props(R"({"keys": ["eid"], "ttl": "1000 d"})"), dups, 200};
    return m;
}

} // namespace

class TstOracle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void windowsMatchSqlOracle_data();
    void windowsMatchSqlOracle();
    void oracleDetectsADifference();
    void intervalJoinMatchesSqlOracle_data();
    void intervalJoinMatchesSqlOracle();
};

void TstOracle::windowsMatchSqlOracle_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("parallelism");
    for (const auto& [name, c] : cases())
        for (int p : {1, 2, 4})
            QTest::newRow((name + "/p" + std::to_string(p)).c_str())
                << QString::fromStdString(name) << p;
}

void TstOracle::windowsMatchSqlOracle()
{
    QFETCH(QString, name);
    QFETCH(int, parallelism);
    const Case c = cases().at(name.toStdString());
    auto data = generate(c.gen);
    // The oracle's answer does not depend on the engine's parallelism: computed once per case.
    static std::map<QString, std::pair<std::vector<std::string>, std::vector<std::string>>> oracle;
    if (!oracle.count(name)) {
        Sqlite db;
        load(db, data, c.bound);
        auto& [rows, lateRows] = oracle[name];
        if (c.type == "session-window")
            rows = oracleSessions(db, c, lateRows);
        else if (c.type == "global-window")
            rows = oracleGlobal(db, c);
        else if (c.type == "dedup")
            rows = oracleDedup(db, c);
        else
            rows = oracleTimeWindows(db, c, lateRows);
    }
    std::vector<std::string> expect = oracle[name].first, expectLate = oracle[name].second;
    EngineRun r = runEngine(c, data, parallelism);
    QVERIFY2(r.errors.empty(), r.errors.c_str());
    std::sort(expect.begin(), expect.end());
    std::sort(r.rows.begin(), r.rows.end());
    QVERIFY(expect.size() > 50); // the case produces a meaningful amount of output
    if (r.rows != expect) {
        std::vector<std::string> missing, extra;
        std::set_difference(expect.begin(), expect.end(), r.rows.begin(), r.rows.end(),
                            std::back_inserter(missing));
        std::set_difference(r.rows.begin(), r.rows.end(), expect.begin(), expect.end(),
                            std::back_inserter(extra));
        qWarning("%zu rows expected, %zu produced; %zu missing, %zu extra", expect.size(),
                 r.rows.size(), missing.size(), extra.size());
        for (std::size_t i = 0; i < std::min<std::size_t>(5, missing.size()); ++i)
            qWarning("missing: %s", missing[i].c_str());
        for (std::size_t i = 0; i < std::min<std::size_t>(5, extra.size()); ++i)
            qWarning("extra:   %s", extra[i].c_str());
        QFAIL("engine result differs from the SQL oracle");
    }
    std::sort(expectLate.begin(), expectLate.end());
    std::sort(r.late.begin(), r.late.end());
    QCOMPARE(r.late, expectLate);
    const NodeMetrics* m = r.metrics.node("op");
    QVERIFY(m);
    QCOMPARE(m->late, std::uint64_t(expectLate.size()));
    QCOMPARE(m->errors, std::uint64_t(expectLate.size()));
    QCOMPARE(m->recordsIn, std::uint64_t(data.size()));
    if (c.type == "dedup") QCOMPARE(m->dropped, std::uint64_t(data.size() - expect.size()));
    if (name.endsWith("lateness")) QVERIFY(!expectLate.empty()); // the case exercises lateness
}

void TstOracle::oracleDetectsADifference()
{
    // The comparison can fail: an engine tumbling window of 1 s against an oracle of 2 s differs.
    Case c = cases().at("tumbling");
    auto data = generate(c.gen);
    Sqlite db;
    load(db, data, c.bound);
    Case other = c;
    other.props["size"] = "2 s";
    std::vector<std::string> late;
    auto expect = oracleTimeWindows(db, other, late);
    EngineRun r = runEngine(c, data, 1);
    std::sort(expect.begin(), expect.end());
    std::sort(r.rows.begin(), r.rows.end());
    QVERIFY(!r.rows.empty());
    QVERIFY(r.rows != expect);
}

void TstOracle::intervalJoinMatchesSqlOracle_data()
{
    QTest::addColumn<int>("parallelism");
    for (int p : {1, 2, 4})
        QTest::newRow(("p" + std::to_string(p)).c_str()) << p;
}

void TstOracle::intervalJoinMatchesSqlOracle()
{
    // Two out-of-order streams (disorder < bound: nothing late) joined on k with
    // l.ts - 2 s <= r.ts <= l.ts + 1 s; the oracle is one SQL join with the same bounds.
    QFETCH(int, parallelism);
    const std::vector<std::pair<std::string, std::string>> cols = {
        {"seq", "BIGINT"}, {"k", "BIGINT"}, {"v", "BIGINT"}, {"ts", "TIMESTAMP(3)"}};
    auto gen = [](std::uint32_t seed, int n) {
        std::mt19937_64 rng(seed);
        auto uni = [&](std::int64_t lo, std::int64_t hi) {
            return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
        };
        std::vector<Row> rows;
        std::int64_t t = 1'700'000'000'000;
        for (int i = 0; i < n; ++i) {
            t += uni(0, 40);
            rows.push_back({Value::integer(i), Value::integer(uni(0, 199)),
                            Value::integer(uni(0, 9999)), Value::timestamp(t - uni(0, 800))});
        }
        return rows;
    };
    auto left = gen(3, 8000), right = gen(4, 6000);
    Sqlite db;
    db.exec("CREATE TABLE l(seq INTEGER, k INTEGER, v INTEGER, ts INTEGER)");
    db.exec("CREATE TABLE r(seq INTEGER, k INTEGER, v INTEGER, ts INTEGER)");
    for (auto [table, rows] : {std::pair{"l", &left}, std::pair{"r", &right}}) {
        std::string sql = "BEGIN;";
        for (const Row& x : *rows)
            sql += std::string("INSERT INTO ") + table + " VALUES (" +
                   std::to_string(x[0].asInt()) + "," + std::to_string(x[1].asInt()) + "," +
                   std::to_string(x[2].asInt()) + "," + std::to_string(x[3].asTimestamp()) + ");";
        db.exec(sql + "COMMIT;");
    }
    auto expect = db.rows(
        "SELECT l.seq, l.k, l.v, l.ts, r.seq, r.k, r.v, r.ts FROM l JOIN r ON r.k = l.k AND "
        "r.ts BETWEEN l.ts - 2000 AND l.ts + 1000",
        {"I", "I", "I", "T", "I", "I", "I", "T"});
    PipelineSpec p;
    p.settings.parallelism = parallelism;
    p.nodes = {sourceNode("left", cols, "ts", "1 s"), sourceNode("right", cols, "ts", "1 s"),
               node("j", "interval-join",
                    {{"left_keys", {"k"}},
                     {"right_keys", {"k"}},
                     {"lower_bound", "-2 s"},
                     {"upper_bound", "1 s"}}),
               node("sink", "console-sink"), node("dlq", "dlq")};
    p.edges = {edge("left", "j", "out", "left"), edge("right", "j", "out", "right"),
               edge("j", "sink"), edge("j", "dlq", "errors", "in")};
    auto sink = std::make_shared<Collected>();
    auto dlq = std::make_shared<Collected>();
    EngineOptions o;
    o.watermarkIntervalMs = 0;
    o.batchSize = 100;
    VectorSourceConfig lc{std::make_shared<std::vector<Row>>(left)},
        rc{std::make_shared<std::vector<Row>>(right)};
    lc.perPoll = rc.perPoll = kPerPoll;
    o.operatorOverrides["left"] = vectorSource(lc);
    o.operatorOverrides["right"] = vectorSource(rc);
    o.operatorOverrides["sink"] = collectingSink(sink);
    o.operatorOverrides["dlq"] = collectingSink(dlq);
    Engine e;
    Status st = e.start(p, o);
    QVERIFY2(st.isOk(), st.message().c_str());
    auto errs = errorsOf(runToEnd(e));
    QVERIFY2(errs.empty(), errs.c_str());
    std::vector<std::string> got;
    for (const Record& rec : sink->take()) {
        got.push_back(renderRow(rec.row));
        QCOMPARE(rec.timestamp, std::max(rec.row[3].asTimestamp(), rec.row[7].asTimestamp()));
    }
    std::sort(got.begin(), got.end());
    std::sort(expect.begin(), expect.end());
    QVERIFY(expect.size() > 1000);
    QCOMPARE(got.size(), expect.size());
    QVERIFY(got == expect);
    QCOMPARE(dlq->take().size(), std::size_t(0));
}

QTEST_GUILESS_MAIN(TstOracle)
#include "tst_oracle.moc"
