// The `dashboard` section of a pipeline file: every view kind reads into typed values, a file
// round-trips byte for byte, a file without a section stays without one, and each bad section
// fails with the JSON Pointer of the problem and line/column.
#include <QtTest>

#include "catalog/PipelineLoader.h"
#include "model/Dashboard.h"

using namespace sw::runtime;

namespace {

/// A small canonical pipeline; `dashboard` is spliced in as the last member (or nothing).
std::string pipelineText(const std::string& dashboard)
{
    std::string text = R"({
  "format": "streamwright.pipeline/1",
  "pipeline": {
    "name": "dash",
    "description": "",
    "delivery": "at-least-once",
    "parallelism": 1,
    "checkpoint_interval": "10 s"
  },
  "nodes": [
    {
      "id": "orders",
      "type": "generator",
      "label": "",
      "position": {"x": 0, "y": 0},
      "properties": {}
    },
    {
      "id": "out",
      "type": "console-sink",
      "label": "",
      "position": {"x": 300, "y": 0},
      "properties": {}
    }
  ],
  "edges": [
    {"from": {"node": "orders", "port": "out"}, "to": {"node": "out", "port": "in"}}
  ])";
    if (!dashboard.empty()) text += ",\n  \"dashboard\": " + dashboard;
    return text + "\n}\n";
}

const char* kAllKinds = R"({
    "views": [
      {"kind": "table", "limit": 50, "node": "out", "title": "All orders"},
      {"aggregate": "sum", "kind": "bars", "limit": 3, "limit_by": "windows", "node": "out", "series": "customer_id", "value": "amount", "x": "category"},
      {"edge": {"from": {"node": "orders", "port": "out"}, "to": {"node": "out", "port": "in"}}, "kind": "lines", "value": "amount", "x": "event_time"},
      {"aggregate": "sum", "kind": "tile", "node": "out", "title": "Total", "value": "amount"}
    ]
  })";

} // namespace

class TestDashboardModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsEveryKind();
    void roundTripsByteStable();
    void noSectionStaysAbsent();
    void typedViewsRoundTrip();
    void emptyViewsWriteNoSection();
    void badSections_data();
    void badSections();
};

void TestDashboardModel::readsEveryKind()
{
    auto p = parsePipeline(pipelineText(kAllKinds));
    QVERIFY2(p, p ? "" : p.error().toString().c_str());
    const std::vector<DashboardView> views = dashboardViews(*p);
    QCOMPARE(views.size(), std::size_t(4));
    QVERIFY(views[0].kind == DashboardView::Kind::Table);
    QCOMPARE(views[0].title, std::string("All orders"));
    QCOMPARE(views[0].node, std::string("out"));
    QCOMPARE(views[0].limit, 50);
    QVERIFY(views[1].kind == DashboardView::Kind::Bars);
    QCOMPARE(views[1].x, std::string("category"));
    QCOMPARE(views[1].value, std::string("amount"));
    QCOMPARE(views[1].series, std::string("customer_id"));
    QVERIFY(views[1].aggregate == DashboardView::Aggregate::Sum);
    QVERIFY(views[1].limitBy == DashboardView::LimitBy::Windows);
    QVERIFY(views[2].kind == DashboardView::Kind::Lines);
    QVERIFY(views[2].node.empty());
    QVERIFY(views[2].edge.has_value());
    QVERIFY(views[2].edge->from == (PortRef{"orders", "out"}));
    QVERIFY(views[2].edge->to == (PortRef{"out", "in"}));
    QCOMPARE(views[2].limit, DashboardView::kDefaultLimit);
    QVERIFY(views[3].kind == DashboardView::Kind::Tile);
    QVERIFY(views[3].aggregate == DashboardView::Aggregate::Sum);
}

void TestDashboardModel::roundTripsByteStable()
{
    const std::string text = pipelineText(kAllKinds);
    auto p = parsePipeline(text);
    QVERIFY2(p, p ? "" : p.error().toString().c_str());
    const std::string saved = serializePipeline(*p);
    QCOMPARE(QString::fromStdString(saved), QString::fromStdString(text));
    auto again = parsePipeline(saved);
    QVERIFY(again);
    QVERIFY(*again == *p);
    // The typed views write back the same JSON the file held.
    QCOMPARE(dashboardJson(dashboardViews(*p)), p->dashboard);
}

void TestDashboardModel::noSectionStaysAbsent()
{
    const std::string text = pipelineText("");
    auto p = parsePipeline(text);
    QVERIFY(p);
    QVERIFY(p->dashboard.is_null());
    QVERIFY(dashboardViews(*p).empty());
    QCOMPARE(QString::fromStdString(serializePipeline(*p)), QString::fromStdString(text));
}

void TestDashboardModel::typedViewsRoundTrip()
{
    auto p = parsePipeline(pipelineText(""));
    QVERIFY(p);
    DashboardView bars;
    bars.kind = DashboardView::Kind::Bars;
    bars.node = "out";
    bars.x = "category";
    bars.value = "amount";
    bars.aggregate = DashboardView::Aggregate::Avg;
    bars.limit = 7;
    DashboardView table;
    table.edge = EdgeSpec{{"orders", "out"}, {"out", "in"}};
    table.title = "Raw \"orders\"";
    p->dashboard = dashboardJson({bars, table});
    auto back = parsePipeline(serializePipeline(*p));
    QVERIFY2(back, back ? "" : back.error().toString().c_str());
    const auto views = dashboardViews(*back);
    QCOMPARE(views.size(), std::size_t(2));
    QVERIFY(views[0] == bars);
    QVERIFY(views[1] == table);
    QVERIFY(dashboardViewUses(views[1], "orders"));
    QVERIFY(!dashboardViewUses(views[0], "orders"));
    QVERIFY(dashboardViewPinsEdge(views[1], EdgeSpec{{"orders", "out"}, {"out", "in"}}));
}

void TestDashboardModel::emptyViewsWriteNoSection()
{
    QVERIFY(dashboardJson({}).is_null());
}

void TestDashboardModel::badSections_data()
{
    QTest::addColumn<QString>("dashboard");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not an object")
        << "[]"
        << "/dashboard: expected an object {\"views\": [...]}, found an array";
    QTest::newRow("unknown member") << R"({"views": [], "vews": 1})"
                                    << "/dashboard/vews: unknown member \"vews\"";
    QTest::newRow("views missing") << "{}"
                                   << "/dashboard: missing member \"views\"";
    QTest::newRow("views not array")
        << R"({"views": {}})"
        << "/dashboard/views: expected an array of views, found an object";
    QTest::newRow("view not object")
        << R"({"views": [3]})"
        << "/dashboard/views/0: expected a view object, found a number";
    QTest::newRow("kind missing") << R"({"views": [{"node": "out"}]})"
                                  << "/dashboard/views/0: missing member \"kind\"";
    QTest::newRow("unknown kind")
        << R"({"views": [{"kind": "table", "node": "out"}, {"kind": "pie", "node": "out"}]})"
        << "/dashboard/views/1/kind: unknown view kind \"pie\"; use \"table\", \"bars\", "
           "\"lines\", \"tile\"";
    QTest::newRow("near kind") << R"({"views": [{"kind": "bar", "node": "out"}]})"
                               << "/dashboard/views/0/kind: unknown view kind \"bar\" (did you "
                                  "mean \"bars\"?)";
    QTest::newRow("no source") << R"({"views": [{"kind": "table"}]})"
                               << "/dashboard/views/0: missing member \"node\" or \"edge\"";
    QTest::newRow("two sources")
        << R"({"views": [{"kind": "table", "node": "out", "edge": {}}]})"
        << "/dashboard/views/0: a view reads one source: \"node\" or \"edge\", not both";
    QTest::newRow("unknown node") << R"({"views": [{"kind": "table", "node": "outt"}]})"
                                  << "/dashboard/views/0/node: no node \"outt\" in the pipeline "
                                     "(did you mean \"out\"?)";
    QTest::newRow("unknown edge")
        << R"({"views": [{"kind": "table", "edge": {"from": {"node": "out", "port": "out"},
              "to": {"node": "orders", "port": "in"}}}]})"
        << "/dashboard/views/0/edge: no edge out.out -> orders.in in the pipeline";
    QTest::newRow("edge port missing")
        << R"({"views": [{"kind": "table", "edge": {"from": {"node": "orders"},
              "to": {"node": "out", "port": "in"}}}]})"
        << "/dashboard/views/0/edge/from: missing member \"port\"";
    QTest::newRow("x missing") << R"({"views": [{"kind": "bars", "node": "out", "value": "a"}]})"
                               << "/dashboard/views/0: missing member \"x\"";
    QTest::newRow("value empty")
        << R"({"views": [{"kind": "tile", "node": "out", "value": ""}]})"
        << "/dashboard/views/0/value: expected the value column (a non-empty string), found an "
           "empty string";
    QTest::newRow("member of another kind")
        << R"({"views": [{"kind": "table", "node": "out", "x": "a"}]})"
        << "/dashboard/views/0/x: a table view has no member \"x\"";
    QTest::newRow("unknown view member")
        << R"({"views": [{"kind": "table", "node": "out", "limt": 3}]})"
        << "/dashboard/views/0/limt: unknown member \"limt\" (did you mean \"limit\"?)";
    QTest::newRow("limit range") << R"({"views": [{"kind": "table", "node": "out", "limit": 0}]})"
                                 << "/dashboard/views/0/limit: expected an integer between 1 and "
                                    "100000, found 0";
    QTest::newRow("limit not integer")
        << R"({"views": [{"kind": "table", "node": "out", "limit": 2.5}]})"
        << "/dashboard/views/0/limit: expected an integer between 1 and 100000, found 2.5";
    QTest::newRow("bad aggregate")
        << R"({"views": [{"kind": "tile", "node": "out", "value": "a", "aggregate": "total"}]})"
        << "/dashboard/views/0/aggregate: unknown aggregate \"total\"";
    QTest::newRow("bad limit_by")
        << R"({"views": [{"kind": "table", "node": "out", "limit_by": "window"}]})"
        << "/dashboard/views/0/limit_by: unknown limit unit \"window\" (did you mean "
           "\"windows\"?)";
    QTest::newRow("title not string")
        << R"({"views": [{"kind": "table", "node": "out", "title": 1}]})"
        << "/dashboard/views/0/title: expected a string, found a number";
}

void TestDashboardModel::badSections()
{
    QFETCH(QString, dashboard);
    QFETCH(QString, expected);
    auto p = parsePipeline(pipelineText(dashboard.toStdString()));
    QVERIFY2(!p, "a bad dashboard section loaded");
    const QString got = QString::fromStdString(p.error().toString());
    QVERIFY2(got.startsWith(expected), qPrintable("got: " + got));
    // The position is known: the error names the line (the section starts on line 27).
    QVERIFY2(got.contains(QRegularExpression("\\(line (2[7-9]|3[0-9]), column [0-9]+\\)$")),
             qPrintable(got));
}

QTEST_GUILESS_MAIN(TestDashboardModel)
#include "tst_dashboard_model.moc"
