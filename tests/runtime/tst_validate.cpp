// Design-time validation: every check of issue 2 with its message, on pipelines built in code,
// plus every shipped example validating cleanly.
#include <QtTest>

#include <filesystem>

#include "catalog/Catalog.h"
#include "catalog/PipelineLoader.h"
#include "validate/Validator.h"

using namespace sw::runtime;
using nlohmann::json;

namespace {

NodeSpec node(std::string id, std::string type, json props = json::object())
{
    NodeSpec n;
    n.id = std::move(id);
    n.type = std::move(type);
    n.properties = std::move(props);
    return n;
}

EdgeSpec edge(std::string from, std::string to, std::string fromPort = "out", std::string toPort = "in")
{
    return EdgeSpec{{std::move(from), std::move(fromPort)}, {std::move(to), std::move(toPort)}};
}

json aggs() { return json::array({{{"function", "COUNT"}, {"column", "*"}, {"as", "n"}}}); }

/// generator(orders) -> <middle> -> console
PipelineSpec chain(NodeSpec middle, json genProps = json::object())
{
    PipelineSpec p;
    genProps["kind"] = genProps.value("kind", "orders");
    p.nodes.push_back(node("gen", "generator", genProps));
    std::string mid = middle.id;
    p.nodes.push_back(std::move(middle));
    p.nodes.push_back(node("sink", "console-sink"));
    p.edges = {edge("gen", mid), edge(mid, "sink")};
    return p;
}

QString dump(const Diagnostics& d)
{
    QStringList l;
    for (const auto& x : d)
        l << QString::fromStdString(std::string(toString(x.severity)) + " [" + x.nodeId + "/" +
                                    x.property + "] " + x.message);
    return l.join("\n");
}

/// The single diagnostic with `severity` on node/property whose message contains `needle`.
bool has(const Diagnostics& d, Severity s, const std::string& nodeId, const std::string& prop,
         const std::string& needle)
{
    for (const auto& x : d)
        if (x.severity == s && x.nodeId == nodeId && x.property == prop &&
            x.message.find(needle) != std::string::npos)
            return true;
    return false;
}

#define EXPECT_DIAG(res, sev, nodeId, prop, needle)                                               \
    QVERIFY2(has((res).diagnostics, sev, nodeId, prop, needle), qPrintable(dump((res).diagnostics)))

} // namespace

class TstValidate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void edgePartitioningChecks()
    {
        auto withEdge = [](PipelineSpec p, std::size_t i, EdgePartitioning k) {
            p.edges[i].partitioning = k;
            return validate(p);
        };
        auto noPartitioningDiag = [](const ValidationResult& r) {
            for (const auto& d : r.diagnostics)
                if (d.message.find("partitioning") != std::string::npos ||
                    d.message.find("broadcast") != std::string::npos)
                    return false;
            return true;
        };
        // Into a keyed input (window keys, dedup, key-by): only key-hash works.
        PipelineSpec win =
            chain(node("w", "tumbling-window",
                       {{"size", "1 min"}, {"keys", {"category"}}, {"aggregates", aggs()}}));
        for (auto k : {EdgePartitioning::Broadcast, EdgePartitioning::Rebalance,
                       EdgePartitioning::Forward}) {
            auto r = withEdge(win, 0, k);
            EXPECT_DIAG(r, Severity::Error, "w", "in", "needs key-hash partitioning");
            EXPECT_DIAG(r, Severity::Error, "w", "in", "keyed (category)");
        }
        QVERIFY2(noPartitioningDiag(validate(win)), qPrintable(dump(validate(win).diagnostics)));
        EXPECT_DIAG(withEdge(chain(node("d", "dedup", {{"keys", {"order_id"}}, {"ttl", "1 min"}})),
                             0, EdgePartitioning::Broadcast),
                    Severity::Error, "d", "in", "needs key-hash partitioning");
        EXPECT_DIAG(withEdge(chain(node("kb", "key-by", {{"keys", {"category"}}})), 0,
                             EdgePartitioning::Rebalance),
                    Severity::Error, "kb", "in", "needs key-hash partitioning");
        // Forward needs equal parallelism at both ends.
        PipelineSpec f =
            chain(node("f", "filter", {{"condition", "amount > 1"}, {"parallelism", 3}}));
        EXPECT_DIAG(withEdge(f, 0, EdgePartitioning::Forward), Severity::Error, "f", "in",
                    "forward partitioning needs equal parallelism on both ends (gen: 1, f: 3)");
        QVERIFY(noPartitioningDiag(withEdge(f, 0, EdgePartitioning::Rebalance)));
        QVERIFY(noPartitioningDiag(withEdge(f, 0, EdgePartitioning::Broadcast)));
        f.nodes[1].properties["parallelism"] = 1;
        auto fwd = withEdge(f, 0, EdgePartitioning::Forward);
        QVERIFY2(fwd.ok() && noPartitioningDiag(fwd), qPrintable(dump(fwd.diagnostics)));
        // Broadcast into a sink: allowed, but every sink subtask writes every record.
        auto b = withEdge(f, 1, EdgePartitioning::Broadcast);
        QVERIFY(b.ok());
        EXPECT_DIAG(b, Severity::Warning, "sink", "in",
                    "broadcast into a sink: each of its 1 subtask(s) writes every record");
    }

    void catalogHasEveryTypeOfIssue2()
    {
        for (const char* t : {"generator", "kafka-source", "file-source", "filter", "map", "key-by",
                              "union", "tumbling-window", "hop-window", "session-window",
                              "global-window", "interval-join", "window-join", "temporal-join",
                              "dedup", "dlq", "kafka-sink", "sqlite-sink", "file-sink",
                              "console-sink"})
            QVERIFY2(Catalog::instance().find(t), t);
        for (const auto& t : Catalog::instance().types()) {
            bool processing = !t.isSource() && !t.isSink();
            if (processing && t.name != "key-by" && t.name != "union")
                QVERIFY2(t.outputIndex("errors") >= 0, t.name.c_str());
            for (const auto& p : t.properties) {
                QVERIFY2(!p.doc.empty(), (t.name + "." + p.name).c_str());
                if (!p.defaultValue.is_null())
                    QVERIFY2(p.check(p.defaultValue).isOk() || p.required, (t.name + "." + p.name).c_str());
            }
        }
    }

    void examplesValidateCleanly()
    {
        namespace fs = std::filesystem;
        int count = 0;
        for (const auto& e : fs::directory_iterator(fs::path(SW_SOURCE_DIR) / "examples")) {
            if (e.path().string().find(".pipeline.json") == std::string::npos) continue;
            ++count;
            auto p = loadPipelineFile(e.path().string());
            QVERIFY2(p.isOk(), qPrintable(QString::fromStdString(
                                   e.path().string() + ": " + (p.isOk() ? "" : p.error().toString()))));
            auto r = validate(*p);
            QVERIFY2(r.diagnostics.empty(),
                     qPrintable(QString::fromStdString(e.path().string()) + "\n" + dump(r.diagnostics)));
            QCOMPARE(r.topologicalOrder.size(), p->nodes.size());
        }
        QVERIFY(count >= 3);
    }

    void schemasPropagate()
    {
        json cols = json::array({{{"name", "id"}, {"expr", "order_id"}},
                                 {{"name", "gross"}, {"expr", "amount * 1.2"}},
                                 {{"name", "event_time"}, {"expr", "event_time"}}});
        auto p = chain(node("m", "map", {{"columns", cols}}));
        auto r = validate(p);
        QVERIFY2(r.ok(), qPrintable(dump(r.diagnostics)));
        const Schema* s = r.schemaOf({"m", "out"});
        QVERIFY(s);
        QCOMPARE(s->size(), 3u);
        QCOMPARE((*s)[0].type.kind(), TypeKind::BigInt);
        QCOMPARE((*s)[1].type.kind(), TypeKind::Decimal);
        QCOMPARE(s->rowtime(), std::string("event_time"));
        QVERIFY(r.schemaOf({"m", "errors"}));
        QCOMPARE(*r.schemaOf({"m", "errors"}), errorSchema());
    }

    void windowOutputSchema()
    {
        json a = json::array({{{"function", "COUNT"}, {"column", "*"}, {"as", "orders"}},
                              {{"function", "SUM"}, {"column", "amount"}, {"as", "revenue"}},
                              {{"function", "AVG"}, {"column", "amount"}, {"as", "avg_amount"}}});
        auto p = chain(node("w", "tumbling-window", {{"keys", {"category"}}, {"aggregates", a}, {"size", "5 min"}}));
        auto r = validate(p);
        QVERIFY2(r.ok(), qPrintable(dump(r.diagnostics)));
        const Schema* s = r.schemaOf({"w", "out"});
        QVERIFY(s);
        QCOMPARE(QString::fromStdString(s->toString()),
                 QString("window_start TIMESTAMP(3) NOT NULL, window_end TIMESTAMP(3) NOT NULL, "
                         "category STRING NOT NULL, orders BIGINT NOT NULL, revenue DECIMAL(18, 2), "
                         "avg_amount DECIMAL(18, 6)"));
    }

    void cycleIsAnError()
    {
        PipelineSpec p;
        p.nodes = {node("gen", "generator"), node("u", "union"), node("f", "filter", {{"condition", "amount > 1"}}),
                   node("sink", "console-sink")};
        p.edges = {edge("gen", "u"), edge("u", "f"), edge("f", "u"), edge("f", "sink")};
        auto r = validate(p);
        EXPECT_DIAG(r, Severity::Error, "u", "", "part of a cycle (u, f)");
        EXPECT_DIAG(r, Severity::Error, "f", "", "part of a cycle");
        QVERIFY(r.topologicalOrder.empty());
    }

    void unconnectedRequiredPort()
    {
        PipelineSpec p;
        p.nodes = {node("f", "filter", {{"condition", "TRUE"}})};
        auto r = validate(p);
        EXPECT_DIAG(r, Severity::Error, "f", "in", "input 'in' is not connected");
        EXPECT_DIAG(r, Severity::Warning, "f", "out", "output 'out' is not connected");
    }

    void singleInputTakesOneEdge()
    {
        auto p = chain(node("f", "filter", {{"condition", "amount > 1"}}));
        p.nodes.push_back(node("gen2", "generator"));
        p.edges.push_back(edge("gen2", "f"));
        auto r = validate(p);
        EXPECT_DIAG(r, Severity::Error, "f", "in", "accepts one edge, but has 2");
    }

    void incompatibleSchemasIntoUnion()
    {
        PipelineSpec p;
        p.nodes = {node("a", "generator", {{"kind", "orders"}}), node("b", "generator", {{"kind", "iot"}}),
                   node("u", "union"), node("sink", "console-sink")};
        p.edges = {edge("a", "u"), edge("b", "u"), edge("u", "sink")};
        auto r = validate(p);
        EXPECT_DIAG(r, Severity::Error, "u", "in", "incompatible schemas on input 'in'");
    }

    void unknownFieldInExpression()
    {
        auto p = chain(node("f", "filter", {{"condition", "amout > 100"}}));
        auto r = validate(p);
        EXPECT_DIAG(r, Severity::Error, "f", "condition", "amout");
        for (const auto& d : r.diagnostics)
            if (d.property == "condition") QCOMPARE(d.column, 1);
    }

    void nonBooleanCondition()
    {
        auto p = chain(node("f", "filter", {{"condition", "amount + 1"}}));
        auto r = validate(p);
        EXPECT_DIAG(r, Severity::Error, "f", "condition", "condition must be BOOLEAN");
    }

    void eventTimeWindowWithoutWatermark()
    {
        auto p = chain(node("w", "tumbling-window", {{"aggregates", aggs()}}), {{"watermark", "processing-time"}});
        auto r = validate(p);
        EXPECT_DIAG(r, Severity::Error, "w", "time", "no watermark strategy upstream");
        // Processing-time windows are fine without one.
        p.nodes[1].properties["time"] = "processing-time";
        QVERIFY2(validate(p).ok(), qPrintable(dump(validate(p).diagnostics)));
    }

    void watermarkLostThroughProjection()
    {
        json cols = json::array({{{"name", "amount"}, {"expr", "amount"}}});
        PipelineSpec p;
        p.nodes = {node("gen", "generator"), node("m", "map", {{"columns", cols}}),
                   node("w", "tumbling-window", {{"aggregates", aggs()}}), node("sink", "console-sink")};
        p.edges = {edge("gen", "m"), edge("m", "w"), edge("w", "sink")};
        auto r = validate(p);
        EXPECT_DIAG(r, Severity::Error, "w", "time", "no watermark strategy upstream");
    }

    void joinWithoutEqualityKey()
    {
        PipelineSpec p;
        p.nodes = {node("l", "generator", {{"kind", "orders"}}), node("r", "generator", {{"kind", "clickstream"}}),
                   node("j", "interval-join"), node("sink", "console-sink")};
        p.edges = {edge("l", "j", "out", "left"), edge("r", "j", "out", "right"), edge("j", "sink")};
        auto r = validate(p);
        EXPECT_DIAG(r, Severity::Error, "j", "left_keys", "needs an equality key");
        p.nodes[2].properties = {{"left_keys", {"customer_id"}}, {"right_keys", {"page"}}};
        r = validate(p);
        EXPECT_DIAG(r, Severity::Error, "j", "right_keys", "key customer_id (BIGINT NOT NULL) cannot equal page (STRING NOT NULL)");
        p.nodes[2].properties = {{"left_keys", {"customer_id"}}, {"right_keys", {"user_id"}}};
        r = validate(p);
        QVERIFY2(r.ok(), qPrintable(dump(r.diagnostics)));
        QVERIFY(r.schemaOf({"j", "out"})->find("right_event_time"));
    }

    void propertyChecks()
    {
        auto p = chain(node("w", "hop-window", {{"aggregates", aggs()}, {"size", "10 s"}, {"slide", "3 s"}}));
        EXPECT_DIAG(validate(p), Severity::Error, "w", "slide", "whole multiple of the slide");
        p.nodes[1].properties = {{"aggregates", aggs()}, {"size", "ten seconds"}};
        EXPECT_DIAG(validate(p), Severity::Error, "w", "size", "is not a duration");
        p.nodes[1].properties = {{"aggregates", aggs()}, {"sizee", "10 s"}};
        EXPECT_DIAG(validate(p), Severity::Error, "w", "sizee", "unknown property 'sizee' of hop-window");
        p.nodes[1].properties = {{"aggregates", aggs()}, {"parallelism", 1000}};
        EXPECT_DIAG(validate(p), Severity::Error, "w", "parallelism", "expected an integer between 0 and 256");
        json bad = json::array({{{"function", "SUM"}, {"column", "category"}}});
        p.nodes[1].properties = {{"aggregates", bad}};
        EXPECT_DIAG(validate(p), Severity::Error, "w", "aggregates", "SUM needs a numeric column, got STRING NOT NULL");
        bad = json::array({{{"function", "MEDIAN"}, {"column", "amount"}}});
        p.nodes[1].properties = {{"aggregates", bad}};
        EXPECT_DIAG(validate(p), Severity::Error, "w", "aggregates", "unknown aggregate function 'MEDIAN'");
        bad = json::array({{{"function", "MAX"}, {"column", "amont"}}});
        p.nodes[1].properties = {{"aggregates", bad}};
        EXPECT_DIAG(validate(p), Severity::Error, "w", "aggregates", "MAX(amont): unknown column 'amont'");
    }

    void mapChecks()
    {
        json cols = json::array({{{"name", "x"}, {"expr", "order_id"}}, {{"name", "x"}, {"expr", "amount"}}});
        auto p = chain(node("m", "map", {{"columns", cols}}));
        EXPECT_DIAG(validate(p), Severity::Error, "m", "columns", "duplicate output column 'x'");
        cols = json::array({{{"name", "bad name"}, {"expr", "order_id"}}});
        p.nodes[1].properties = {{"columns", cols}};
        EXPECT_DIAG(validate(p), Severity::Error, "m", "columns", "'bad name' is not a valid column name");
    }

    void dlqTakesErrorRecords()
    {
        PipelineSpec p;
        p.nodes = {node("gen", "generator"), node("d", "dlq")};
        p.edges = {edge("gen", "d")};
        EXPECT_DIAG(validate(p), Severity::Error, "d", "in", "connect an 'errors' output");
        p.edges = {edge("gen", "d", "errors", "in")};
        auto r = validate(p);
        QVERIFY2(r.ok(), qPrintable(dump(r.diagnostics)));
    }

    void edgesToMissingNodesAndPorts()
    {
        auto p = chain(node("f", "filter", {{"condition", "TRUE"}}));
        p.edges.push_back(edge("gen", "nowhere"));
        p.edges.push_back(edge("gen", "f", "bogus", "in"));
        p.edges.push_back(edge("f", "sink", "out", "left"));
        auto r = validate(p);
        EXPECT_DIAG(r, Severity::Error, "gen", "", "edge gen.out -> nowhere.in refers to a missing node");
        EXPECT_DIAG(r, Severity::Error, "gen", "bogus", "generator has no output 'bogus'");
        EXPECT_DIAG(r, Severity::Error, "sink", "left", "console-sink has no input 'left'");
    }

    void eventTimeColumnMustBeTimestamp()
    {
        json schema = json::array({{{"name", "id"}, {"type", "BIGINT"}}, {{"name", "ts"}, {"type", "STRING"}}});
        PipelineSpec p;
        p.nodes = {node("src", "kafka-source", {{"topic", "shop.orders.created"}, {"schema", schema}, {"timestamp_column", "ts"}}),
                   node("sink", "console-sink")};
        p.edges = {edge("src", "sink")};
        EXPECT_DIAG(validate(p), Severity::Error, "src", "timestamp_column", "an event-time column must be TIMESTAMP(3)");
    }

    void topicNaming_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QString>("problem");
        QTest::newRow("event 3") << "shop.orders.created" << "";
        QTest::newRow("event 2") << "orders.created" << "";
        QTest::newRow("event 1") << "orders" << "does not follow a naming convention";
        QTest::newRow("event 4") << "a.b.c.d" << "does not follow a naming convention";
        QTest::newRow("uppercase") << "Shop.Orders.created" << "segment 'Shop' should be lowercase";
        QTest::newRow("underscore") << "shop.order_lines.created" << "segment 'order_lines'";
        QTest::newRow("cdc ok") << "cdc.inventory.order_lines" << "";
        QTest::newRow("cdc short") << "cdc.inventory" << "does not follow cdc.database.table";
        QTest::newRow("metrics ok") << "metrics.orders.revenue" << "";
        QTest::newRow("metrics long") << "metrics.orders.revenue.daily" << "does not follow metrics.service.type";
        QTest::newRow("commands ok") << "commands.billing.charge" << "";
        QTest::newRow("commands short") << "commands.charge" << "does not follow commands.service.action";
        QTest::newRow("dlq ok") << "dlq.order-processor.orders.created" << "";
        QTest::newRow("dlq short") << "dlq.orders" << "does not follow dlq.consumer-group.topic";
        QTest::newRow("empty segment") << "shop..created" << "segment ''";
        QTest::newRow("empty") << "" << "topic name is empty";
    }
    void topicNaming()
    {
        QFETCH(QString, topic);
        QFETCH(QString, problem);
        QString why = QString::fromStdString(checkTopicName(topic.toStdString()));
        if (problem.isEmpty()) QVERIFY2(why.isEmpty(), qPrintable(why));
        else QVERIFY2(why.contains(problem), qPrintable(why));
    }

    void topicNamingWarnsOnNodes()
    {
        PipelineSpec p;
        p.nodes = {node("gen", "generator"), node("k", "kafka-sink", {{"topic", "Orders"}})};
        p.edges = {edge("gen", "k")};
        auto r = validate(p);
        EXPECT_DIAG(r, Severity::Warning, "k", "topic", "does not follow a naming convention");
        QVERIFY(r.ok()); // a warning, not an error
    }
};

QTEST_GUILESS_MAIN(TstValidate)
#include "tst_validate.moc"
