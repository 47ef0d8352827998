// Changelog streams: row kinds on records, changelog modes in the plan and their validation,
// the producers (group aggregate, global window, keep-last dedup, regular join) and the
// consumers (filter/map, SQLite/file/console/Kafka sinks), against SQLite oracles.
#include <QtTest>

#include <random>

#include "exec/PhysicalPlan.h"
#include "tst_changelog_support.h"
#include "validate/Validator.h"

using namespace sw::runtime;
using namespace sw::test;

namespace {

const std::vector<std::pair<std::string, std::string>> kKv = {
    {"k", "BIGINT"}, {"v", "BIGINT"}, {"ts", "TIMESTAMP(3)"}};

Row kv(std::int64_t k, std::int64_t v, std::int64_t ts = 1'700'000'000'000)
{
    return {Value::integer(k), Value::integer(v), Value::timestamp(ts)};
}

/// The errors of validating `p` (node id: message per line).
std::string validationErrors(const PipelineSpec& p)
{
    std::string out;
    for (const auto& d : validate(p).diagnostics)
        if (d.severity == Severity::Error) out += d.nodeId + ": " + d.message + "\n";
    return out;
}

const char* kAggs = R"([{"function": "COUNT", "column": "*", "as": "cnt"},
    {"function": "COUNT", "column": "v", "as": "cnt_v"}, {"function": "SUM", "column": "v", "as": "s"},
    {"function": "MIN", "column": "v", "as": "mn"}, {"function": "MAX", "column": "v", "as": "mx"},
    {"function": "AVG", "column": "v", "as": "av"},
    {"function": "COUNT_DISTINCT", "column": "v", "as": "dv"}])";

/// The same aggregates in SQLite (AVG of BIGINT truncates toward zero, as Java's long division).
const char* kSqlAggs = "COUNT(*), COUNT(v), SUM(v), MIN(v), MAX(v), "
                       "CAST(SUM(v) AS REAL) / COUNT(v), COUNT(DISTINCT v)";

/// Renders an aggregate result row as the SQLite oracle does (AVG as a truncated integer).
std::string renderAgg(const Row& r)
{
    return renderRow(r);
}

} // namespace

class TstChangelog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowKindSurvivesSwapAndRecyclingResetsIt();
    void rowKindStrings();
    void filterAndMapPassRowKinds();
    void errorRecordNamesItsRowKind();
    void planKnowsEachEdgesChangelog();
    void validationRefusesUpdatesIntoAppendOnlyNodes();
    void groupAggregateMatchesSqlite_data();
    void groupAggregateMatchesSqlite();
    void groupAggregateRetractsUpdatingInput_data();
    void groupAggregateRetractsUpdatingInput();
    void globalWindowEmitsUpdates();
    void regularJoinMatchesSqlite_data();
    void regularJoinMatchesSqlite();
    void outerJoinRetractsPaddedRow();
    void sqliteSinkAppliesUpsertsAndDeletes();
};

void TstChangelog::rowKindSurvivesSwapAndRecyclingResetsIt()
{
    Record a(kv(1, 2)), b(kv(3, 4));
    a.kind = RowKind::UpdateBefore;
    swap(a, b);
    SW_COMPARE_ENUM(b.kind, RowKind::UpdateBefore);
    SW_COMPARE_ENUM(a.kind, RowKind::Insert);
    RecordBatch batch;
    b.kind = RowKind::Delete;
    batch.appendSwap(b);
    SW_COMPARE_ENUM(batch[0].kind, RowKind::Delete);
    // The emitter gets back recycled storage as a +I, so append-only operators never set kinds.
    batch.clear();
    Record c(kv(5, 6));
    batch.appendSwap(c);
    SW_COMPARE_ENUM(c.kind, RowKind::Insert);
    c.kind = RowKind::UpdateAfter;
    c.clear();
    SW_COMPARE_ENUM(c.kind, RowKind::Insert);
}

void TstChangelog::rowKindStrings()
{
    for (RowKind k :
         {RowKind::Insert, RowKind::UpdateBefore, RowKind::UpdateAfter, RowKind::Delete})
        QVERIFY(parseRowKind(toString(k)) == k);
    QVERIFY(!parseRowKind("+X"));
    QCOMPARE(toString(ChangelogMode::upsert({"a", "b"})), std::string("upsert (a, b)"));
    QCOMPARE(toString(ChangelogMode::retract()), std::string("retract"));
    QVERIFY(!isAccumulate(RowKind::UpdateBefore) && isAccumulate(RowKind::UpdateAfter));
}

void TstChangelog::filterAndMapPassRowKinds()
{
    // Flink's Calc keeps the row kind of each row it passes (filter) or computes (map).
    const RowKind kinds[] = {RowKind::Insert, RowKind::UpdateBefore, RowKind::UpdateAfter,
                             RowKind::Delete};
    std::vector<ChangelogVectorSource::Entry> in;
    for (int i = 0; i < 400; ++i)
        in.push_back({kinds[i % 4], kv(i, i % 7)});
    for (bool keepInput : {false, true}) {
        PipelineSpec p;
        p.nodes = {sourceNode("src", kKv, "ts"), node("f", "filter", {{"condition", "v <> 3"}}),
                   node("m", "map",
                        {{"columns",
                          {{{"name", "k"}, {"expr", "k"}}, {{"name", "w"}, {"expr", "v * 10"}}}},
                         {"keep_input_columns", keepInput}}),
                   node("sink", "console-sink")};
        p.edges = {edge("src", "f"), edge("f", "m"), edge("m", "sink")};
        if (keepInput) p.nodes[2].properties["columns"] = {{{"name", "w"}, {"expr", "v * 10"}}};
        auto sink = std::make_shared<Collected>();
        EngineOptions o;
        o.operatorOverrides["src"] = changelogSource(in);
        o.operatorOverrides["sink"] = collectingSink(sink);
        Engine e;
        Status st = e.start(p, o);
        QVERIFY2(st.isOk(), st.message().c_str());
        QVERIFY(errorsOf(runToEnd(e)).empty());
        auto got = sink->take();
        QCOMPARE(got.size(), std::size_t(400 - 57)); // 57 rows have v = 3
        for (const Record& r : got) {
            const auto k = r.row[0].asInt();
            QVERIFY(r.row[keepInput ? 3 : 1].asInt() != 30);
            SW_COMPARE_ENUM(r.kind, kinds[k % 4]);
        }
    }
}

void TstChangelog::errorRecordNamesItsRowKind()
{
    PipelineSpec p;
    p.nodes = {sourceNode("src", kKv, "ts"), node("f", "filter", {{"condition", "k / v > 0"}}),
               node("sink", "console-sink"), node("dlq", "dlq")};
    p.edges = {edge("src", "f"), edge("f", "sink"), edge("f", "dlq", "errors", "in")};
    auto sink = std::make_shared<Collected>();
    auto dlq = std::make_shared<Collected>();
    EngineOptions o;
    o.operatorOverrides["src"] = changelogSource({{RowKind::UpdateBefore, kv(1, 0)},
                                                  {RowKind::Insert, kv(2, 0)},
                                                  {RowKind::Delete, kv(3, 1)}});
    o.operatorOverrides["sink"] = collectingSink(sink);
    o.operatorOverrides["dlq"] = collectingSink(dlq);
    Engine e;
    QVERIFY(e.start(p, o).isOk());
    QVERIFY(errorsOf(runToEnd(e)).empty());
    auto errs = dlq->take();
    QCOMPARE(errs.size(), std::size_t(2));
    QVERIFY2(errs[0].row[3].asString().ends_with("division by zero (row kind -U)"),
             errs[0].row[3].asString().c_str());
    QVERIFY(errs[1].row[3].asString().ends_with("division by zero"));
    auto out = sink->take();
    QCOMPARE(out.size(), std::size_t(1));
    SW_COMPARE_ENUM(out[0].kind, RowKind::Delete);
}

void TstChangelog::planKnowsEachEdgesChangelog()
{
    PipelineSpec p;
    p.nodes = {
        sourceNode("src", kEvents, "ts", "1 s"),
        node("agg", "aggregate", {{"keys", {"k"}}, {"aggregates", nlohmann::json::parse(kAggs)}}),
        node("f", "filter", {{"condition", "cnt > 1"}}),
        node("keep", "map",
             {{"columns", {{{"name", "k"}, {"expr", "k"}}, {{"name", "c"}, {"expr", "cnt"}}}}}),
        node(
            "drop", "map",
            {{"columns", {{{"name", "k2"}, {"expr", "k + 1"}}, {{"name", "c"}, {"expr", "cnt"}}}}}),
        node("sink", "console-sink"),
        node("sink2", "console-sink"),
        node("last", "dedup", {{"keys", {"id"}}, {"keep", "last"}}),
        node("sink3", "console-sink")};
    p.edges = {edge("src", "agg"),   edge("agg", "f"),     edge("f", "keep"),
               edge("keep", "sink"), edge("f", "drop"),    edge("drop", "sink2"),
               edge("src", "last"),  edge("last", "sink3")};
    auto plan = compilePlan(p);
    QVERIFY2(plan.isOk(), plan.isOk() ? "" : plan.error().message.c_str());
    auto modeOf = [&](const std::string& from, const std::string& to) {
        for (const PlanEdge& e : plan->edges)
            if (e.spec.from.node == from && e.spec.to.node == to) return toString(e.changelog);
        return std::string("?");
    };
    QCOMPARE(modeOf("src", "agg"), std::string("append"));
    QCOMPARE(modeOf("agg", "f"), std::string("upsert (k)"));
    QCOMPARE(modeOf("f", "keep"), std::string("upsert (k)"));    // a filter keeps the key
    QCOMPARE(modeOf("keep", "sink"), std::string("upsert (k)")); // k projected as is
    QCOMPARE(modeOf("drop", "sink2"), std::string("retract"));   // the key is computed away
    QCOMPARE(modeOf("last", "sink3"), std::string("upsert (id)"));
    const PlanNode& sink = plan->nodes[static_cast<std::size_t>(plan->indexOf("sink2"))];
    QCOMPARE(toString(sink.inputChangelogs.at(0)), std::string("retract"));
}

void TstChangelog::validationRefusesUpdatesIntoAppendOnlyNodes()
{
    auto updating = [](NodeSpec consumer, const std::string& port = "in") {
        PipelineSpec p;
        p.nodes = {sourceNode("src", kEvents, "ts", "1 s"),
                   node("agg", "aggregate",
                        {{"keys", {"k"}}, {"aggregates", nlohmann::json::parse(kAggs)}}),
                   std::move(consumer)};
        p.edges = {edge("src", "agg"), edge("agg", p.nodes.back().id, "out", port)};
        return p;
    };
    const std::string fix = "Fix: needs a key (upsert) or an append-only input";
    struct Case {
        NodeSpec n;
        std::string reason;
    };
    std::vector<Case> refused = {
        {node("w", "tumbling-window",
              {{"size", "1 s"}, {"keys", {"k"}}, {"time", "processing-time"}}),
         "windows aggregate insert-only rows"},
        {node("s", "sqlite-sink", {{"path", "x.sqlite"}, {"table", "t"}}), "without a primary key"},
        {node("kafka", "kafka-sink", {{"topic", "orders.totals.updated"}, {"key_fields", {"k"}}}),
         "in append mode it appends every record"},
        {node("d", "dedup", {{"keys", {"k"}}}), "it drops duplicates of insert-only rows"},
        {node("g", "global-window", {{"keys", {"k"}}}), "insert-only input"},
    };
    for (auto& c : refused) {
        const std::string id = c.n.id, type = c.n.type;
        const std::string errs = validationErrors(updating(std::move(c.n)));
        QVERIFY2(errs.find(id + ": " + type + " '" + id +
                           "' doesn't support consuming update changes") != std::string::npos,
                 errs.c_str());
        QVERIFY2(errs.find("upsert (k) from 'agg'") != std::string::npos, errs.c_str());
        QVERIFY2(errs.find(c.reason) != std::string::npos, errs.c_str());
        QVERIFY2(errs.find(fix) != std::string::npos, errs.c_str());
    }
    // The interval join names the port that carries the update.
    PipelineSpec ij = updating(
        node("j", "interval-join", {{"left_keys", {"k"}}, {"right_keys", {"k"}}}), "right");
    ij.nodes.push_back(sourceNode("l", kEvents, "ts", "1 s"));
    ij.edges.push_back(edge("l", "j", "out", "left"));
    auto diags = validate(ij).diagnostics;
    QVERIFY(std::any_of(diags.begin(), diags.end(), [](const Diagnostic& d) {
        return d.nodeId == "j" && d.property == "right" &&
               d.message.find("doesn't support consuming update changes") != std::string::npos;
    }));
    // Consumers that can take updates.
    for (NodeSpec ok :
         {node("s", "sqlite-sink", {{"path", "x.sqlite"}, {"table", "t"}, {"key_fields", {"k"}}}),
          node("kafka", "kafka-sink",
               {{"topic", "orders.totals.updated"}, {"key_fields", {"k"}}, {"mode", "upsert"}}),
          node("c", "console-sink"), node("fs", "file-sink", {{"path", "o.jsonl"}}),
          node("a2", "aggregate", {{"keys", {"cnt"}}})}) {
        const std::string errs = validationErrors(updating(std::move(ok)));
        QVERIFY2(errs.find("update changes") == std::string::npos, errs.c_str());
    }
    // FIRST_VALUE cannot retract.
    const std::string errs = validationErrors(updating(node(
        "a3", "aggregate",
        {{"keys", {"k"}}, {"aggregates", {{{"function", "FIRST_VALUE"}, {"column", "cnt"}}}}})));
    QVERIFY2(errs.find("FIRST_VALUE and LAST_VALUE cannot retract") != std::string::npos,
             errs.c_str());
}

void TstChangelog::groupAggregateMatchesSqlite_data()
{
    QTest::addColumn<int>("parallelism");
    for (int p : {1, 2, 4})
        QTest::newRow(("p" + std::to_string(p)).c_str()) << p;
}

void TstChangelog::groupAggregateMatchesSqlite()
{
    // Append input: the changelog the aggregate emits, applied as a table, equals SQLite's
    // GROUP BY over the whole input; each key's sequence is +I (-U +U)*.
    QFETCH(int, parallelism);
    const auto rows = randomEvents(11, 6000, 100000, 60);
    PipelineSpec p;
    p.settings.parallelism = parallelism;
    p.nodes = {
        sourceNode("src", kEvents, "ts", "1 s"),
        node("agg", "aggregate", {{"keys", {"k"}}, {"aggregates", nlohmann::json::parse(kAggs)}}),
        node("sink", "console-sink")};
    p.edges = {edge("src", "agg"), edge("agg", "sink")};
    auto run = runPipeline(p, {{"src", rows}});
    QVERIFY2(run.errors.empty(), run.errors.c_str());
    Sqlite db;
    loadEvents(db, "ev", rows);
    auto expect = db.rows(std::string("SELECT k, ") + kSqlAggs + " FROM ev GROUP BY k ORDER BY k",
                          {"I", "I", "I", "I", "I", "I", "I", "I"});
    Materialized m;
    for (const Record& r : run.out) {
        Row x = r.row;
        m.apply(r.kind, renderAgg(x));
    }
    QVERIFY(m.shapeErrors.empty());
    auto got = m.sorted();
    // The oracle's AVG is REAL; the aggregate's is BIGINT truncated toward zero.
    for (auto& line : expect) {
        auto parts = QString::fromStdString(line).split('|');
        parts[6] = parts[6] == "NULL" ? parts[6]
                                      : QString::number(static_cast<qint64>(parts[6].toDouble()));
        line = parts.join('|').toStdString();
    }
    std::sort(expect.begin(), expect.end());
    QCOMPARE(got.size(), expect.size());
    QCOMPARE(got, expect);
    auto shape = checkUpsertShape(run.out, [](const Row& r) { return r[0].toString(); });
    QVERIFY2(shape.empty(), shape.empty() ? "" : shape.front().c_str());
    QVERIFY(std::count_if(run.out.begin(), run.out.end(),
                          [](const Record& r) { return r.kind == RowKind::UpdateAfter; }) > 1000);
}

void TstChangelog::groupAggregateRetractsUpdatingInput_data()
{
    groupAggregateMatchesSqlite_data();
}

void TstChangelog::groupAggregateRetractsUpdatingInput()
{
    // keep-last dedup (an upsert stream keyed by id, whose rows move between keys k) feeds the
    // aggregate, which retracts each replaced row: the final table equals SQLite's GROUP BY over
    // the last row of every id; groups that lose all their rows are deleted (-D).
    QFETCH(int, parallelism);
    const auto rows = randomEvents(12, 6000, 700, 400);
    PipelineSpec p;
    p.settings.parallelism = parallelism;
    p.nodes = {
        sourceNode("src", kEvents, "ts", "1 s"),
        node("last", "dedup", {{"keys", {"id"}}, {"keep", "last"}, {"ttl", "1 d"}}),
        node("agg", "aggregate", {{"keys", {"k"}}, {"aggregates", nlohmann::json::parse(kAggs)}}),
        node("sink", "console-sink")};
    p.edges = {edge("src", "last"), edge("last", "agg"), edge("agg", "sink")};
    auto run = runPipeline(p, {{"src", rows}});
    QVERIFY2(run.errors.empty(), run.errors.c_str());
    Sqlite db;
    loadEvents(db, "ev", rows);
    db.exec("CREATE TABLE lastrow AS SELECT e.* FROM ev e WHERE e.ts = (SELECT MAX(ts) FROM ev x "
            "WHERE x.id = e.id)");
    auto expect = db.rows(std::string("SELECT k, ") + kSqlAggs + " FROM lastrow GROUP BY k",
                          {"I", "I", "I", "I", "I", "R", "I", "I"});
    for (auto& line : expect) {
        auto parts = QString::fromStdString(line).split('|');
        parts[6] = parts[6] == "NULL" ? parts[6]
                                      : QString::number(static_cast<qint64>(parts[6].toDouble()));
        line = parts.join('|').toStdString();
    }
    Materialized m;
    for (const Record& r : run.out)
        m.apply(r.kind, renderRow(r.row));
    QVERIFY2(m.shapeErrors.empty(), m.shapeErrors.empty() ? "" : m.shapeErrors.front().c_str());
    std::sort(expect.begin(), expect.end());
    QCOMPARE(m.sorted(), expect);
    auto shape = checkUpsertShape(run.out, [](const Row& r) { return r[0].toString(); });
    QVERIFY2(shape.empty(), shape.empty() ? "" : shape.front().c_str());
    // Some groups lost every row (their ids moved to other keys): deleted, not left behind.
    QVERIFY(std::count_if(run.out.begin(), run.out.end(),
                          [](const Record& r) { return r.kind == RowKind::Delete; }) > 10);
}

void TstChangelog::globalWindowEmitsUpdates()
{
    // A count trigger of 1 fires on every record: the table of its updates is the aggregate of
    // the whole input, each key +I then -U/+U pairs (never appended twice).
    const auto rows = randomEvents(13, 3000, 100000, 30);
    PipelineSpec p;
    p.settings.parallelism = 2;
    p.nodes = {sourceNode("src", kEvents, "ts", "1 s"),
               node("g", "global-window",
                    {{"keys", {"k"}},
                     {"trigger_count", 1},
                     {"aggregates",
                      {{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}},
                       {{"function", "SUM"}, {"column", "v"}, {"as", "s"}}}}}),
               node("sink", "console-sink")};
    p.edges = {edge("src", "g"), edge("g", "sink")};
    auto run = runPipeline(p, {{"src", rows}});
    QVERIFY2(run.errors.empty(), run.errors.c_str());
    Sqlite db;
    loadEvents(db, "ev", rows);
    auto expect = db.rows("SELECT k, COUNT(*), SUM(v) FROM ev GROUP BY k", {"I", "I", "I"});
    std::sort(expect.begin(), expect.end());
    Materialized m;
    for (const Record& r : run.out)
        m.apply(r.kind, renderRow(r.row));
    QVERIFY(m.shapeErrors.empty());
    QCOMPARE(m.sorted(), expect);
    auto shape = checkUpsertShape(run.out, [](const Row& r) { return r[0].toString(); });
    QVERIFY2(shape.empty(), shape.empty() ? "" : shape.front().c_str());
}

void TstChangelog::regularJoinMatchesSqlite_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("parallelism");
    QTest::addColumn<bool>("changelog");
    for (const char* t : {"inner", "left", "right", "full"})
        for (int p : {1, 2, 4})
            for (bool c : {false, true})
                QTest::newRow(
                    (std::string(t) + "-p" + std::to_string(p) + (c ? "-changelog" : "-append"))
                        .c_str())
                    << QString(t) << p << c;
}

void TstChangelog::regularJoinMatchesSqlite()
{
    // Random out-of-order inputs; with `changelog` the left input is a keep-last dedup by id (an
    // upsert stream whose rows change keys). The emitted changelog applied as a table equals
    // SQLite's join over the final inputs; every retraction names a row emitted before.
    QFETCH(QString, type);
    QFETCH(int, parallelism);
    QFETCH(bool, changelog);
    const auto left = randomEvents(21, 1500, changelog ? 300 : 1'000'000, 70);
    const auto right = randomEvents(22, 900, 1'000'000, 90); // keys 70..89 never match
    PipelineSpec p;
    p.settings.parallelism = parallelism;
    p.nodes = {
        sourceNode("l", kEvents, "ts", "1 s"), sourceNode("r", kEvents, "ts", "1 s"),
        node("j", "join",
             {{"left_keys", {"k"}}, {"right_keys", {"k"}}, {"join_type", type.toStdString()}}),
        node("sink", "console-sink")};
    p.edges = {edge("r", "j", "out", "right"), edge("j", "sink")};
    if (changelog) {
        p.nodes.push_back(
            node("last", "dedup", {{"keys", {"id"}}, {"keep", "last"}, {"ttl", "1 d"}}));
        p.edges.push_back(edge("l", "last"));
        p.edges.push_back(edge("last", "j", "out", "left"));
    } else {
        p.edges.push_back(edge("l", "j", "out", "left"));
    }
    auto run = runPipeline(p, {{"l", left}, {"r", right}});
    QVERIFY2(run.errors.empty(), run.errors.c_str());
    Sqlite db;
    loadEvents(db, "l0", left);
    loadEvents(db, "r", right);
    db.exec(changelog ? "CREATE TABLE l AS SELECT e.* FROM l0 e WHERE e.ts = (SELECT MAX(ts) FROM "
                        "l0 x WHERE x.id = e.id)"
                      : "CREATE TABLE l AS SELECT * FROM l0");
    const std::string joinSql = type == "inner"   ? "JOIN"
                                : type == "left"  ? "LEFT JOIN"
                                : type == "right" ? "RIGHT JOIN"
                                                  : "FULL JOIN";
    auto expect = db.rows("SELECT l.id, l.k, l.v, l.ts, r.id, r.k, r.v, r.ts FROM l " + joinSql +
                              " r ON l.k = r.k",
                          {"I", "I", "I", "T", "I", "I", "I", "T"});
    std::sort(expect.begin(), expect.end());
    Materialized m;
    for (const Record& r : run.out)
        m.apply(r.kind, renderRow(r.row));
    QVERIFY2(m.shapeErrors.empty(), m.shapeErrors.empty() ? "" : m.shapeErrors.front().c_str());
    const auto got = m.sorted();
    QVERIFY(expect.size() > 1000);
    QCOMPARE(got.size(), expect.size());
    QVERIFY(got == expect);
    for (const Record& r : run.out) {
        // Outer joins emit inserts and deletes only; an inner join forwards the input's kinds.
        if (type != "inner") QVERIFY(r.kind == RowKind::Insert || r.kind == RowKind::Delete);
        if (!changelog) QVERIFY(type != "inner" || r.kind == RowKind::Insert);
    }
}

void TstChangelog::outerJoinRetractsPaddedRow()
{
    // Flink's sequence for a left join: +I[l, null]; a match arrives: -D[l, null], +I[l, r];
    // the match is retracted: -D[l, r], +I[l, null]. The right side starts only once the padded
    // row reached the sink, so the order is fixed.
    PipelineSpec p;
    p.nodes = {
        sourceNode("l", kKv, "ts"), sourceNode("r", kKv, "ts"),
        node("j", "join", {{"left_keys", {"k"}}, {"right_keys", {"k"}}, {"join_type", "left"}}),
        node("sink", "console-sink")};
    p.edges = {edge("l", "j", "out", "left"), edge("r", "j", "out", "right"), edge("j", "sink")};
    auto sink = std::make_shared<Collected>();
    std::atomic<bool> go{false};
    EngineOptions o;
    o.batchSize = 1;
    o.operatorOverrides["l"] = changelogSource({{RowKind::Insert, kv(1, 10)}});
    o.operatorOverrides["r"] =
        changelogSource({{RowKind::Insert, kv(1, 20)}, {RowKind::Delete, kv(1, 20)}}, &go);
    o.operatorOverrides["sink"] = collectingSink(sink);
    Engine e;
    QVERIFY(e.start(p, o).isOk());
    QTRY_VERIFY_WITH_TIMEOUT(sink->count.load() == 1, 60000);
    go = true;
    QVERIFY(errorsOf(runToEnd(e)).empty());
    std::vector<std::string> got;
    for (const Record& r : sink->take())
        got.push_back(std::string(toString(r.kind)) + renderRow(r.row));
    const std::string l = "1|10|2023-11-14 22:13:20.000|", nulls = "NULL|NULL|NULL",
                      match = "1|20|2023-11-14 22:13:20.000";
    const std::vector<std::string> expect = {"+I" + l + nulls, "-D" + l + nulls, "+I" + l + match,
                                             "-D" + l + match, "+I" + l + nulls};
    QCOMPARE(got, expect);
}

void TstChangelog::sqliteSinkAppliesUpsertsAndDeletes()
{
    // The aggregate's changelog (with -D for groups that lose every row) into a SQLite sink keyed
    // by k: the table equals SQLite's GROUP BY over the last row per id.
    QTemporaryDir dir;
    const auto rows = randomEvents(31, 4000, 500, 300);
    PipelineSpec p;
    p.settings.parallelism = 2;
    p.nodes = {
        sourceNode("src", kEvents, "ts", "1 s"),
        node("last", "dedup", {{"keys", {"id"}}, {"keep", "last"}, {"ttl", "1 d"}}),
        node("agg", "aggregate",
             {{"keys", {"k"}},
              {"aggregates",
               {{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}},
                {{"function", "MAX"}, {"column", "v"}, {"as", "mx"}}}}}),
        node("db", "sqlite-sink", {{"path", "out.sqlite"}, {"table", "t"}, {"key_fields", {"k"}}})};
    p.edges = {edge("src", "last"), edge("last", "agg"), edge("agg", "db")};
    EngineOptions o;
    o.watermarkIntervalMs = 0;
    o.dataDirectory = dir.path().toStdString();
    o.operatorOverrides["src"] =
        vectorSource(VectorSourceConfig{std::make_shared<std::vector<Row>>(rows)});
    Engine e;
    QVERIFY(e.start(p, o).isOk());
    const std::string errs = errorsOf(runToEnd(e));
    QVERIFY2(errs.empty(), errs.c_str());
    Sqlite db;
    loadEvents(db, "ev", rows);
    db.exec("ATTACH DATABASE '" + dir.filePath("out.sqlite").toStdString() + "' AS sink");
    auto got = db.rows("SELECT k, cnt, mx FROM sink.t ORDER BY k", {"I", "I", "I"});
    auto expect =
        db.rows("SELECT k, COUNT(*), MAX(v) FROM ev e WHERE e.ts = (SELECT MAX(ts) FROM ev x "
                "WHERE x.id = e.id) GROUP BY k ORDER BY k",
                {"I", "I", "I"});
    QVERIFY(expect.size() > 100 && expect.size() < 300); // some keys were deleted
    QCOMPARE(got, expect);
}

QTEST_GUILESS_MAIN(TstChangelog)
#include "tst_changelog.moc"
