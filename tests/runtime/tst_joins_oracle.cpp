// The temporal, window and lookup joins against SQLite computing the same join over the same
// input: random out-of-order inputs with watermarks, parallelism 1, 2 and 4. Temporal: each
// left row against the build-side version valid at its event time (a correlated subquery).
#include <QtTest>

#include "ConnectorTestHarness.h"
#include "operators/TemporalJoinOperator.h"
#include "tst_changelog_support.h"
#include "validate/Validator.h"

using namespace sw::runtime;
using namespace sw::test;

namespace {

const char* kJoinCols = "l.id, l.k, l.v, l.ts, r.id, r.k, r.v, r.ts";
const std::vector<std::string> kJoinTypes = {"I", "I", "I", "T", "I", "I", "I", "T"};

/// The errors and warnings of validating `p` (severity node: message per line).
std::string diagnostics(const PipelineSpec& p, Severity severity)
{
    std::string out;
    for (const auto& d : validate(p).diagnostics)
        if (d.severity == severity) out += d.nodeId + ": " + d.message + "\n";
    return out;
}

/// Changelog rows of a versioned table: the events with row kinds, per key in event-time order
/// +I first, then +U (preceded by a -U of the previous row) or -D, and +I after a -D.
std::vector<ChangelogVectorSource::Entry> versionedChanges(const std::vector<Row>& rows,
                                                           std::uint32_t seed)
{
    std::mt19937_64 rng(seed);
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return rows[a][3].asTimestamp() < rows[b][3].asTimestamp();
    });
    std::vector<RowKind> kinds(rows.size());
    std::map<std::int64_t, const Row*> current;      // key -> its row (absent: deleted/never)
    std::vector<std::pair<std::size_t, Row>> before; // a -U placed right before entry i
    for (std::size_t i : order) {
        const std::int64_t k = rows[i][1].asInt();
        auto it = current.find(k);
        if (it == current.end()) {
            kinds[i] = RowKind::Insert;
            current[k] = &rows[i];
        } else if (rng() % 5 == 0) {
            kinds[i] = RowKind::Delete;
            current.erase(it);
        } else {
            kinds[i] = RowKind::UpdateAfter;
            before.emplace_back(i, *it->second);
            it->second = &rows[i];
        }
    }
    std::map<std::size_t, Row> ub(before.begin(), before.end());
    std::vector<ChangelogVectorSource::Entry> out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (auto it = ub.find(i); it != ub.end()) {
            Row r = it->second;
            r[3] = rows[i][3]; // the update's time: -U is ignored by a versioned table anyway
            out.emplace_back(RowKind::UpdateBefore, std::move(r));
        }
        out.emplace_back(kinds[i], rows[i]);
    }
    return out;
}

void loadChanges(Sqlite& db, const std::string& table,
                 const std::vector<ChangelogVectorSource::Entry>& rows)
{
    db.exec("CREATE TABLE " + table + "(kind TEXT, id INTEGER, k INTEGER, v INTEGER, ts INTEGER)");
    std::string sql = "BEGIN;";
    for (const auto& [kind, r] : rows)
        sql += "INSERT INTO " + table + " VALUES ('" + std::string(toString(kind)) + "'," +
               r[0].toString() + "," + r[1].toString() + "," +
               (r[2].isNull() ? "NULL" : r[2].toString()) + "," +
               std::to_string(r[3].asTimestamp()) + ");";
    db.exec(sql + "COMMIT;");
}

std::vector<std::string> appended(const std::vector<Record>& out, std::string& shape)
{
    std::vector<std::string> got;
    for (const Record& r : out) {
        if (r.kind != RowKind::Insert)
            shape += std::string(toString(r.kind)) + " in an append-only output\n";
        got.push_back(renderRow(r.row));
    }
    std::sort(got.begin(), got.end());
    return got;
}

PipelineSpec temporalPipeline(int parallelism, const std::string& type)
{
    PipelineSpec p;
    p.settings.parallelism = parallelism;
    p.nodes = {sourceNode("l", kEvents, "ts", "1 s"), sourceNode("r", kEvents, "ts", "1 s"),
               node("j", "temporal-join",
                    {{"left_keys", {"k"}}, {"right_keys", {"k"}}, {"join_type", type}}),
               node("sink", "console-sink")};
    p.edges = {edge("l", "j", "out", "left"), edge("r", "j", "out", "right"), edge("j", "sink")};
    return p;
}

} // namespace

class TstJoinsOracle : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void temporalJoinMatchesSqlite_data();
    void temporalJoinMatchesSqlite();
    void temporalJoinKeepsOneVersionBehindTheWatermark();
    void temporalJoinChangelogRules();
    void windowJoinMatchesSqlite_data();
    void windowJoinMatchesSqlite();
    void windowJoinRefusesSessionWindowsAndUpdates();
};

void TstJoinsOracle::temporalJoinMatchesSqlite_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("parallelism");
    QTest::addColumn<bool>("changelog");
    for (const char* t : {"inner", "left"})
        for (int p : {1, 2, 4})
            for (bool c : {false, true})
                QTest::newRow(
                    (std::string(t) + "-p" + std::to_string(p) + (c ? "-changelog" : "-append"))
                        .c_str())
                    << QString(t) << p << c;
}

void TstJoinsOracle::temporalJoinMatchesSqlite()
{
    // Left: append-only probes; right: versions of 60 keys (append: every row is a version;
    // changelog: +I/-U/+U/-D). Keys 50..69 of the left have no version. Both out of order by
    // up to 500 ms with a 1 s watermark bound, so no row is late and the result is exact: each
    // left row joins the latest version of its key at or before its time, unless a deletion.
    QFETCH(QString, type);
    QFETCH(int, parallelism);
    QFETCH(bool, changelog);
    const auto left = randomEvents(41, 2500, 1'000'000, 70, 10);
    const auto right = randomEvents(42, 1500, 1'000'000, 50, 10);
    const auto changes = versionedChanges(right, 43);
    PipelineSpec p = temporalPipeline(parallelism, type.toStdString());
    ChangelogRun run;
    if (changelog) {
        // The right source's plan mode stays append (a test source); its records carry kinds.
        auto sink = std::make_shared<Collected>();
        EngineOptions o;
        o.watermarkIntervalMs = 0;
        o.batchSize = 64;
        o.operatorOverrides["l"] =
            vectorSource(VectorSourceConfig{std::make_shared<std::vector<Row>>(left), 37});
        o.operatorOverrides["r"] = changelogSource(changes);
        o.operatorOverrides["sink"] = collectingSink(sink);
        Engine e;
        QVERIFY(e.start(p, o).isOk());
        run.errors = errorsOf(runToEnd(e));
        run.out = sink->take();
    } else {
        run = runPipeline(p, {{"l", left}, {"r", right}});
    }
    QVERIFY2(run.errors.empty(), run.errors.c_str());
    Sqlite db;
    loadEvents(db, "l", left);
    if (changelog) {
        loadChanges(db, "c", changes);
        db.exec("CREATE TABLE r AS SELECT kind, id, k, v, ts FROM c WHERE kind <> '-U'");
    } else {
        loadEvents(db, "r0", right);
        db.exec("CREATE TABLE r AS SELECT '+I' AS kind, * FROM r0");
    }
    db.exec("CREATE INDEX r_k_ts ON r(k, ts)");
    const std::string join = type == "left" ? "LEFT JOIN" : "JOIN";
    auto expect = db.rows(std::string("SELECT ") + kJoinCols + " FROM l " + join +
                              " r ON r.k = l.k AND r.kind <> '-D' AND r.ts = (SELECT MAX(x.ts) "
                              "FROM r x WHERE x.k = l.k AND x.ts <= l.ts)",
                          kJoinTypes);
    std::sort(expect.begin(), expect.end());
    std::string shape;
    const auto got = appended(run.out, shape);
    QVERIFY2(shape.empty(), shape.c_str());
    QVERIFY(expect.size() > 1000);
    if (got != expect) {
        std::vector<std::string> miss;
        std::set_difference(expect.begin(), expect.end(), got.begin(), got.end(),
                            std::back_inserter(miss));
        for (std::size_t i = 0; i < miss.size() && i < 5; ++i)
            qWarning("missing %s", miss[i].c_str());
    }
    QCOMPARE(got.size(), expect.size());
    QVERIFY(got == expect);
    // The output's event time is the probe's.
    for (const Record& r : run.out)
        QCOMPARE(r.timestamp, r.row[3].asTimestamp());
}

void TstJoinsOracle::temporalJoinKeepsOneVersionBehindTheWatermark()
{
    // Cleanup: once the watermark passed a key's versions only the one valid at the watermark
    // is kept; a later probe still joins it; a deletion behind the watermark leaves nothing.
    // Driven by hand through the operator with a virtual watermark.
    const NodeSpec n = makeNode(
        "j", "temporal-join", {{"left_keys", {"k"}}, {"right_keys", {"k"}}, {"join_type", "left"}});
    Schema s;
    s.add("k", DataType::bigint());
    s.add("v", DataType::bigint());
    s.add("ts", DataType::timestamp());
    s.setRowtime("ts");
    OperatorHarness h(n, {s, s});
    auto built = h.build();
    QVERIFY(built.isOk());
    auto op = std::move(*built);
    QVERIFY(op->open(*h.ctx).isOk());
    CaptureCollector cap(2, 1, "j");
    auto batch = [&](int port, std::vector<std::pair<RowKind, Row>> rows) {
        RecordBatch b;
        for (auto& [kind, row] : rows) {
            Record r;
            r.kind = kind;
            r.timestamp = row[2].asTimestamp();
            r.row = std::move(row);
            b.appendSwap(r);
        }
        op->processBatch(port, b, cap.out());
    };
    auto watermark = [&](EventTime w) {
        h.ctx->setCurrentWatermark(w);
        op->processWatermark(w, cap.out());
    };
    auto kv = [](std::int64_t k, std::int64_t v, std::int64_t ts) {
        return Row{Value::integer(k), Value::integer(v), Value::timestamp(ts)};
    };
    batch(1, {{RowKind::Insert, kv(1, 10, 100)},
              {RowKind::UpdateAfter, kv(1, 11, 200)},
              {RowKind::UpdateAfter, kv(1, 12, 300)},
              {RowKind::Insert, kv(2, 20, 100)},
              {RowKind::Delete, kv(2, 20, 150)}});
    auto* tj = dynamic_cast<TemporalJoinOperator*>(op.get());
    QVERIFY(tj);
    QCOMPARE(tj->versionCount(), std::size_t(5));
    batch(0, {{RowKind::Insert, kv(1, 0, 250)}, {RowKind::Insert, kv(2, 0, 120)}});
    QCOMPARE(tj->bufferedLeftRows(), std::size_t(2));
    watermark(260);
    // key 1 keeps versions 200 (valid at 260) and 300; key 2's deletion at 150 leaves nothing.
    QCOMPARE(tj->versionCount(), std::size_t(2));
    QCOMPARE(tj->bufferedLeftRows(), std::size_t(0));
    batch(0, {{RowKind::Insert, kv(1, 0, 270)},
              {RowKind::Insert, kv(2, 0, 400)},
              {RowKind::Insert, kv(1, 0, 260)}}); // 260 <= W: late
    watermark(1000);
    QCOMPARE(tj->versionCount(), std::size_t(1));
    std::vector<std::string> got;
    for (const Record& r : cap.records(0))
        got.push_back(renderRow(r.row));
    const std::vector<std::string> expect = {
        "2|0|1970-01-01 00:00:00.120|2|20|1970-01-01 00:00:00.100",
        "1|0|1970-01-01 00:00:00.250|1|11|1970-01-01 00:00:00.200",
        "1|0|1970-01-01 00:00:00.270|1|11|1970-01-01 00:00:00.200",
        "2|0|1970-01-01 00:00:00.400|NULL|NULL|NULL"};
    QCOMPARE(got, expect);
    QCOMPARE(cap.records(1).size(), std::size_t(1)); // the late probe, on the errors port
}

void TstJoinsOracle::temporalJoinChangelogRules()
{
    // Flink's versioned table: the build side is append-only or an upsert stream keyed by the
    // join key; the probe side must be append-only; the output is append-only.
    auto pipeline = [](const std::string& dedupKey, bool dedupLeft) {
        PipelineSpec p = temporalPipeline(1, "inner");
        p.nodes.push_back(
            node("last", "dedup", {{"keys", {dedupKey}}, {"keep", "last"}, {"ttl", "1 d"}}));
        p.edges = {edge("j", "sink")};
        const std::string side = dedupLeft ? "l" : "r";
        p.edges.push_back(edge(side, "last"));
        p.edges.push_back(edge("last", "j", "out", dedupLeft ? "left" : "right"));
        p.edges.push_back(edge(dedupLeft ? "r" : "l", "j", "out", dedupLeft ? "right" : "left"));
        return p;
    };
    QCOMPARE(QString::fromStdString(diagnostics(pipeline("k", false), Severity::Error)), QString());
    const std::string otherKey = diagnostics(pipeline("id", false), Severity::Error);
    QVERIFY2(otherKey.find("j: temporal-join 'j' doesn't support consuming update changes") !=
                     std::string::npos &&
                 otherKey.find("versioned table needs an upsert stream keyed by its primary "
                               "key") != std::string::npos,
             otherKey.c_str());
    const std::string probe = diagnostics(pipeline("k", true), Severity::Error);
    QVERIFY2(probe.find("probe side of a temporal join") != std::string::npos, probe.c_str());
    auto result = validate(pipeline("k", false));
    QVERIFY(result.changelogOf(PortRef{"j", "out"}).isAppend());
}

void TstJoinsOracle::windowJoinMatchesSqlite_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("window");
    QTest::addColumn<int>("parallelism");
    for (const char* t : {"inner", "left", "right", "full", "semi", "anti"})
        for (const char* w : {"tumbling", "hop"})
            for (int p : {1, 2, 4})
                QTest::newRow((std::string(t) + "-" + w + "-p" + std::to_string(p)).c_str())
                    << QString(t) << QString(w) << p;
}

void TstJoinsOracle::windowJoinMatchesSqlite()
{
    // Random out-of-order inputs (1 s watermark bound, disorder up to 500 ms: nothing late) with
    // NULL keys on both sides; SQLite assigns the same windows (tumbling 200 ms, or hop 300 ms
    // every 100 ms) and joins per window: inner/outer joins, [NOT] EXISTS for semi/anti.
    QFETCH(QString, type);
    QFETCH(QString, window);
    QFETCH(int, parallelism);
    const bool hop = window == "hop";
    const std::int64_t size = hop ? 300 : 200, slide = hop ? 100 : 200;
    auto withNulls = [](std::vector<Row> rows, std::uint32_t seed) {
        std::mt19937 rng(seed);
        for (Row& r : rows)
            if (rng() % 20 == 0) r[1] = Value::null();
        return rows;
    };
    const auto left = withNulls(randomEvents(51, 2000, 1'000'000, 20, 10), 53);
    const auto right = withNulls(randomEvents(52, 1500, 1'000'000, 25, 10), 54);
    PipelineSpec p;
    p.settings.parallelism = parallelism;
    nlohmann::json props = {{"left_keys", {"k"}},
                            {"right_keys", {"k"}},
                            {"join_type", type.toStdString()},
                            {"window", window.toStdString()},
                            {"size", std::to_string(size) + " ms"}};
    if (hop) props["slide"] = std::to_string(slide) + " ms";
    p.nodes = {sourceNode("l", kEvents, "ts", "1 s"), sourceNode("r", kEvents, "ts", "1 s"),
               node("j", "window-join", props), node("sink", "console-sink")};
    p.edges = {edge("l", "j", "out", "left"), edge("r", "j", "out", "right"), edge("j", "sink")};
    QCOMPARE(QString::fromStdString(diagnostics(p, Severity::Error)), QString());
    auto run = runPipeline(p, {{"l", left}, {"r", right}});
    QVERIFY2(run.errors.empty(), run.errors.c_str());

    Sqlite db;
    loadEvents(db, "l0", left);
    loadEvents(db, "r0", right);
    db.exec("CREATE TABLE js(j INTEGER)");
    for (std::int64_t j = 0; j < size / slide; ++j)
        db.exec("INSERT INTO js VALUES (" + std::to_string(j) + ")");
    const std::string ws =
        "(ts - ts % " + std::to_string(slide) + ") - j * " + std::to_string(slide);
    db.exec("CREATE TABLE l AS SELECT l0.*, " + ws + " AS ws FROM l0, js");
    db.exec("CREATE TABLE r AS SELECT r0.*, " + ws + " AS ws FROM r0, js");
    db.exec("CREATE INDEX r_k_ws ON r(k, ws)");
    const std::string sz = std::to_string(size);
    std::string sql;
    std::vector<std::string> types = {"T", "T", "I", "I", "I", "T"};
    if (type == "semi" || type == "anti") {
        sql = "SELECT l.ws, l.ws + " + sz + ", l.id, l.k, l.v, l.ts FROM l WHERE " +
              (type == "anti" ? "NOT " : "") +
              "EXISTS (SELECT 1 FROM r WHERE r.k = l.k AND r.ws = l.ws)";
    } else {
        const std::string join = type == "inner"   ? "JOIN"
                                 : type == "left"  ? "LEFT JOIN"
                                 : type == "right" ? "RIGHT JOIN"
                                                   : "FULL JOIN";
        sql = "SELECT COALESCE(l.ws, r.ws), COALESCE(l.ws, r.ws) + " + sz + ", " + kJoinCols +
              " FROM l " + join + " r ON l.k = r.k AND l.ws = r.ws";
        types = {"T", "T"};
        types.insert(types.end(), kJoinTypes.begin(), kJoinTypes.end());
    }
    auto expect = db.rows(sql, types);
    std::sort(expect.begin(), expect.end());
    std::string shape;
    const auto got = appended(run.out, shape);
    QVERIFY2(shape.empty(), shape.c_str());
    QVERIFY(expect.size() > 500);
    if (got != expect) {
        std::vector<std::string> miss, extra;
        std::set_difference(expect.begin(), expect.end(), got.begin(), got.end(),
                            std::back_inserter(miss));
        std::set_difference(got.begin(), got.end(), expect.begin(), expect.end(),
                            std::back_inserter(extra));
        for (std::size_t i = 0; i < miss.size() && i < 3; ++i)
            qWarning("missing %s", miss[i].c_str());
        for (std::size_t i = 0; i < extra.size() && i < 3; ++i)
            qWarning("extra %s", extra[i].c_str());
    }
    QCOMPARE(got.size(), expect.size());
    QVERIFY(got == expect);
    // Emitted when the window closes: event time window_end - 1.
    for (const Record& r : run.out)
        QCOMPARE(r.timestamp, r.row[1].asTimestamp() - 1);
}

void TstJoinsOracle::windowJoinRefusesSessionWindowsAndUpdates()
{
    PipelineSpec p;
    p.nodes = {sourceNode("l", kEvents, "ts", "1 s"), sourceNode("r", kEvents, "ts", "1 s"),
               node("j", "window-join",
                    {{"left_keys", {"k"}}, {"right_keys", {"k"}}, {"window", "session"}}),
               node("sink", "console-sink")};
    p.edges = {edge("l", "j", "out", "left"), edge("r", "j", "out", "right"), edge("j", "sink")};
    const std::string session = diagnostics(p, Severity::Error);
    QVERIFY2(session.find("session windows are not supported by the window join") !=
                 std::string::npos,
             session.c_str());
    p.nodes[2].properties["window"] = "hop";
    p.nodes[2].properties["slide"] = "0 ms";
    QVERIFY(diagnostics(p, Severity::Error).find("hop windows need a slide") != std::string::npos);
    p.nodes[2].properties["slide"] = "20 s";
    QCOMPARE(QString::fromStdString(diagnostics(p, Severity::Error)), QString());
    // An updating input is refused (Flink's window join consumes insert-only rows).
    p.nodes.push_back(node("last", "dedup", {{"keys", {"id"}}, {"keep", "last"}, {"ttl", "1 d"}}));
    p.edges = {edge("l", "last"), edge("last", "j", "out", "left"), edge("r", "j", "out", "right"),
               edge("j", "sink")};
    const std::string updates = diagnostics(p, Severity::Error);
    QVERIFY2(updates.find("window-join 'j' doesn't support consuming update changes") !=
                 std::string::npos,
             updates.c_str());
}

QTEST_GUILESS_MAIN(TstJoinsOracle)
#include "tst_joins_oracle.moc"
