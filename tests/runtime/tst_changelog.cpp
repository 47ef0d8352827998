// Changelog streams: row kinds on records, changelog modes in the plan and their validation,
// the producers (group aggregate, global window, keep-last dedup, regular join) and the
// consumers (filter/map, SQLite/file/console/Kafka sinks), against SQLite oracles.
#include <QtTest>

#include "tst_changelog_support.h"

using namespace sw::runtime;
using namespace sw::test;

namespace {

const std::vector<std::pair<std::string, std::string>> kKv = {
    {"k", "BIGINT"}, {"v", "BIGINT"}, {"ts", "TIMESTAMP(3)"}};

Row kv(std::int64_t k, std::int64_t v, std::int64_t ts = 1'700'000'000'000)
{
    return {Value::integer(k), Value::integer(v), Value::timestamp(ts)};
}

} // namespace

class TstChangelog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowKindSurvivesSwapAndRecyclingResetsIt();
    void rowKindStrings();
    void filterAndMapPassRowKinds();
    void errorRecordNamesItsRowKind();
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

QTEST_GUILESS_MAIN(TstChangelog)
#include "tst_changelog.moc"
