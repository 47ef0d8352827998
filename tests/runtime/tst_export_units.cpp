// Unit checks of tst_export: SQL spelling, the node-type mappings, topic plan conventions,
// readiness checklist and the init container's placeholder renderer.
#include <QtTest>

#include <map>

#include "export/FlinkSqlBuilder.h"
#include "export/FlinkSqlExporter.h"
#include "export/KubernetesExporter.h"
#include "export/ReadinessReport.h"
#include "export/SqlText.h"
#include "export/TopicPlan.h"
#include "export/YamlWriter.h"
#include "tst_export.h"
#include "tst_export_fixtures.h"

using namespace sw::runtime;
using namespace sw::runtime::exporting;

namespace sw::test_export {
namespace {

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

#define SW_VERIFY_CONTAINS(text, part)                                                             \
    QVERIFY2(contains(text, part), qPrintable(QString::fromStdString(                              \
                                       std::string("missing: ") + (part) + "\nin:\n" + (text))))

/// A pipeline from node and edge JSON arrays.
PipelineSpec pipeline(const std::string& nodes, const std::string& edges,
                      const std::string& delivery = "at-least-once", const std::string& extra = "")
{
    return parseOrFail(R"j({"format": "streamwright.pipeline/1", "pipeline": {"name": "unit",
        "delivery": ")j" + delivery +
                           R"j(", "parallelism": 2, "checkpoint_interval": "10 s")j" + extra +
                           R"j(}, "nodes": )j" + nodes + R"j(, "edges": )j" + edges + "}",
                       "unit pipeline");
}

std::string edge(const std::string& from, const std::string& to,
                 const std::string& fromPort = "out", const std::string& toPort = "in")
{
    return R"j({"from": {"node": ")j" + from + R"j(", "port": ")j" + fromPort +
           R"j("}, "to": {"node": ")j" + to + R"j(", "port": ")j" + toPort + R"j("}})j";
}

const char* kOrdersSource = R"j({"id": "orders", "type": "kafka-source", "properties": {
    "topic": "shop.orders.created", "group_id": "unit-orders", START
    "schema": [{"name": "order_id", "type": "BIGINT"}, {"name": "customer_id", "type": "BIGINT"},
               {"name": "amount", "type": "DECIMAL(10, 2)"}, {"name": "event_time", "type": "TIMESTAMP(3)"}]}})j";

std::string ordersSource(const std::string& start = "")
{
    std::string s = kOrdersSource;
    s.replace(s.find("START"), 5, start);
    return s;
}

std::string sqlOf(const PipelineSpec& p)
{
    auto r = exportFlinkSql(p);
    if (!r) return "EXPORT FAILED: " + r.error().toString();
    return r->sql;
}

} // namespace

void sqlSpelling()
{
    QCOMPARE(quoteIdent("amount"), std::string("amount"));
    QCOMPARE(quoteIdent("value"), std::string("`value`"));
    QCOMPARE(quoteIdent("Timestamp"), std::string("`Timestamp`"));
    QCOMPARE(quoteIdent("dateTime"), std::string("`dateTime`"));
    QCOMPARE(quoteIdent("order-id"), std::string("`order-id`"));
    QCOMPARE(quoteIdent("a`b"), std::string("`a``b`"));
    QCOMPARE(sqlString("it's"), std::string("'it''s'"));
    QCOMPARE(sqlInterval(300000), std::string("INTERVAL '5' MINUTE"));
    QCOMPARE(sqlInterval(1500), std::string("INTERVAL '1.5' SECOND"));
    QCOMPARE(sqlInterval(5001), std::string("INTERVAL '5.001' SECOND"));
    QCOMPARE(sqlInterval(1), std::string("INTERVAL '0.001' SECOND"));
    QCOMPARE(sqlInterval(100000), std::string("INTERVAL '100' SECOND(3)"));
    QCOMPARE(sqlInterval(7 * 86400000LL), std::string("INTERVAL '7' DAY"));
    QCOMPARE(sqlShift("l.ts", -300000), std::string("l.ts - INTERVAL '5' MINUTE"));
    QCOMPARE(sqlShift("l.ts", 0), std::string("l.ts"));
    QCOMPARE(flinkDuration(10000), std::string("10 s"));
    QCOMPARE(flinkDuration(250), std::string("250 ms"));
    QCOMPARE(identFromId("orders.in-1"), std::string("orders_in_1"));
}

void expressionQuoting()
{
    Schema s({{"value", DataType::float64()},
              {"amount", DataType::float64()},
              {"year", DataType::int32()},
              {"ts", DataType::timestamp()}});
    QCOMPARE(exportExpression("value > 3 AND amount < 2", s),
             std::string("`value` > 3 AND amount < 2"));
    QCOMPARE(exportExpression("CAST(value AS DOUBLE) * 2", s),
             std::string("CAST(`value` AS DOUBLE) * 2"));
    QCOMPARE(exportExpression("`value` > 1", s), std::string("`value` > 1"));
    QCOMPARE(exportExpression("EXTRACT(YEAR FROM ts) = year", s),
             std::string("EXTRACT(YEAR FROM ts) = `year`"));
    QCOMPARE(exportExpression("amount BETWEEN 1 AND 2", s), std::string("amount BETWEEN 1 AND 2"));
    QCOMPARE(exportExpression("'value' = 'x'", s), std::string("'value' = 'x'"));
}

void sqlMappings()
{
    // Startup modes, watermark, single sink, at-least-once.
    for (auto [from, mode] : {std::pair{"committed", "'scan.startup.mode' = 'group-offsets'"},
                              std::pair{"earliest", "'scan.startup.mode' = 'earliest-offset'"},
                              std::pair{"latest", "'scan.startup.mode' = 'latest-offset'"}}) {
        auto p = pipeline("[" + ordersSource(std::string(R"j("start_from": ")j") + from + "\",") +
                              R"j(, {"id": "out", "type": "console-sink"}])j",
                          "[" + edge("orders", "out") + "]");
        std::string sql = sqlOf(p);
        SW_VERIFY_CONTAINS(sql, mode);
        QCOMPARE(contains(sql, "'properties.auto.offset.reset' = 'earliest'"),
                 std::string(from) == "committed");
        SW_VERIFY_CONTAINS(sql, "WATERMARK FOR event_time AS event_time - INTERVAL '5.001' SECOND");
        SW_VERIFY_CONTAINS(sql, "SET 'execution.checkpointing.mode' = 'AT_LEAST_ONCE';");
        SW_VERIFY_CONTAINS(sql, "SET 'execution.checkpointing.interval' = '10 s';");
        SW_VERIFY_CONTAINS(sql, "SET 'parallelism.default' = '2';");
        QVERIFY(!contains(sql, "EXECUTE STATEMENT SET"));
        SW_VERIFY_CONTAINS(
            sql,
            "\nINSERT INTO `out`\nSELECT order_id, customer_id, amount, event_time FROM orders;");
    }
    // The coverage pipeline exercises everything else.
    std::string sql = sqlOf(coveragePipeline());
    SW_VERIFY_CONTAINS(sql, "SET 'execution.checkpointing.mode' = 'EXACTLY_ONCE';");
    SW_VERIFY_CONTAINS(sql, "SET 'table.exec.state.ttl' = '2 h';");
    SW_VERIFY_CONTAINS(sql, "SET 'table.exec.source.idle-timeout' = '1 min';");
    SW_VERIFY_CONTAINS(
        sql,
        "'scan.startup.mode' = 'timestamp',\n  'scan.startup.timestamp-millis' = '1700000000000'");
    SW_VERIFY_CONTAINS(sql, "TUMBLE(TABLE unique_orders, DESCRIPTOR(event_time), INTERVAL '5' "
                            "MINUTE, INTERVAL '1' MINUTE)");
    SW_VERIFY_CONTAINS(
        sql,
        "HOP(TABLE all_clicks, DESCRIPTOR(event_time), INTERVAL '2' SECOND, INTERVAL '10' SECOND)");
    SW_VERIFY_CONTAINS(sql, "GROUP BY SESSION(sw_proc_time, INTERVAL '30' MINUTE), user_id");
    SW_VERIFY_CONTAINS(sql, "SESSION_START(sw_proc_time, INTERVAL '30' MINUTE) AS window_start");
    SW_VERIFY_CONTAINS(sql, "COUNT(DISTINCT customer_id) AS count_distinct_customer_id");
    SW_VERIFY_CONTAINS(sql, "AVG(`value`) AS avg_value");
    SW_VERIFY_CONTAINS(
        sql, "ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY event_time ASC) AS sw_row_num");
    SW_VERIFY_CONTAINS(
        sql, "ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY updated_at DESC) AS sw_row_num");
    SW_VERIFY_CONTAINS(sql, "LEFT JOIN clicks_with_user_versions FOR SYSTEM_TIME AS OF "
                            "l.event_time AS r\n  ON l.user_id = r.user_id");
    SW_VERIFY_CONTAINS(sql, "AND r.event_time BETWEEN l.event_time - INTERVAL '5' MINUTE AND "
                            "l.event_time + INTERVAL '10' MINUTE");
    SW_VERIFY_CONTAINS(sql, "AND l.window_start = r.window_start AND l.window_end = r.window_end");
    SW_VERIFY_CONTAINS(sql, "WHERE `value` LIKE '%login%'");
    SW_VERIFY_CONTAINS(sql, "'connector' = 'upsert-kafka'");
    SW_VERIFY_CONTAINS(sql, "PRIMARY KEY (user_id) NOT ENFORCED");
    SW_VERIFY_CONTAINS(sql, "'sink.transactional-id-prefix' = 'export-coverage-revenue_out'");
    SW_VERIFY_CONTAINS(sql, "'key.fields' = 'category'");
    SW_VERIFY_CONTAINS(sql, "kafka_topic STRING METADATA FROM 'topic' VIRTUAL");
    SW_VERIFY_CONTAINS(sql, "'connector' = 'datagen'");
    SW_VERIFY_CONTAINS(sql, "'connector' = 'jdbc'");
    SW_VERIFY_CONTAINS(sql, "PRIMARY KEY (window_start, page) NOT ENFORCED");
    SW_VERIFY_CONTAINS(sql, "'connector' = 'filesystem'");
    SW_VERIFY_CONTAINS(sql, "'connector' = 'print'");
    SW_VERIFY_CONTAINS(sql, "'properties.bootstrap.servers' = 'broker-1:9093,broker-2:9093'");
    SW_VERIFY_CONTAINS(sql, "'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}'");
    SW_VERIFY_CONTAINS(sql, "\nEXECUTE STATEMENT SET\nBEGIN\nINSERT INTO ");
    SW_VERIFY_CONTAINS(sql, "\nINSERT INTO revenue_out\nSELECT ");
    QVERIFY(contains(sql, "\nEND;\n"));
    // Inexpressible features are reported per node, never dropped.
    auto r = exportFlinkSql(coveragePipeline());
    QVERIFY(r.isOk());
    auto has = [&](const std::string& node, IssueKind k, const std::string& feature) {
        for (const auto& i : r->issues)
            if (i.nodeId == node && i.kind == k && i.feature == feature && !i.reason.empty() &&
                !i.equivalent.empty())
                return true;
        return false;
    };
    QVERIFY(has("dead_letters", IssueKind::NotExportable, "dlq-routing"));
    QVERIFY(has("clicks", IssueKind::NotExportable, "errors-output"));
    QVERIFY(has("big_orders", IssueKind::NotExportable, "errors-output"));
    QVERIFY(has("revenue_5m", IssueKind::NotExportable, "errors-output"));
    QVERIFY(has("revenue_5m", IssueKind::Approximated, "allowed-lateness"));
    QVERIFY(has("gen_orders", IssueKind::Approximated, "generator"));
    QVERIFY(has("totals", IssueKind::Approximated, "trigger"));
    QVERIFY(has("unique_orders", IssueKind::Approximated, "dedup"));
    QVERIFY(has("click_rate_db", IssueKind::Approximated, "sqlite"));
    QVERIFY(has("clicks_file", IssueKind::Approximated, "csv-header"));
    SW_VERIFY_CONTAINS(sql, "--   dead_letters: [not-exportable] dlq-routing: ");
}

void invalidPipelineRefused()
{
    auto p =
        pipeline("[" + ordersSource() +
                     R"j(, {"id": "f", "type": "filter", "properties": {"condition": "amout > 1"}},
                         {"id": "out", "type": "console-sink"}])j",
                 "[" + edge("orders", "f") + "," + edge("f", "out") + "]");
    auto r = exportFlinkSql(p);
    QVERIFY(!r.isOk());
    SW_VERIFY_CONTAINS(r.error().message, "f.condition");
    // The readiness report and topic plan still work on a pipeline that does not validate.
    QCOMPARE(checkReadiness(p).items.size(), readinessItemIds().size());
    QCOMPARE(planTopics(p).topics.size(), std::size_t(1));
}

void edgePartitioningIsReported()
{
    // Flink SQL has no per-edge partitioning: a non-auto edge becomes an issue and a comment,
    // never silently dropped (broadcast changes results: approximated; rebalance: a note).
    std::string broadcast = edge("orders", "f");
    broadcast.insert(broadcast.size() - 1, R"j(, "partitioning": "broadcast")j");
    std::string rebalance = edge("f", "out");
    rebalance.insert(rebalance.size() - 1, R"j(, "partitioning": "rebalance")j");
    auto p =
        pipeline("[" + ordersSource() +
                     R"j(, {"id": "f", "type": "filter", "properties": {"condition": "amount > 1"}},
                         {"id": "out", "type": "console-sink"}])j",
                 "[" + broadcast + "," + rebalance + "]");
    auto r = exportFlinkSql(p);
    QVERIFY2(r.isOk(), r.isOk() ? "" : r.error().toString().c_str());
    auto has = [&](const char* node, IssueKind k) {
        for (const auto& i : r->issues)
            if (i.nodeId == node && i.kind == k && i.feature == "edge-partitioning") return true;
        return false;
    };
    QVERIFY(has("f", IssueKind::Approximated));
    QVERIFY(has("out", IssueKind::Note));
    SW_VERIFY_CONTAINS(r->sql, "edge orders.out -> f.in is broadcast here");
    SW_VERIFY_CONTAINS(r->sql, "edge f.out -> out.in is rebalance here");
    // Auto edges say nothing.
    auto plain = exportFlinkSql(
        pipeline("[" + ordersSource() + R"j(, {"id": "out", "type": "console-sink"}])j",
                 "[" + edge("orders", "out") + "]"));
    QVERIFY(plain.isOk());
    for (const auto& i : plain->issues)
        QVERIFY(i.feature != "edge-partitioning");
}

void avroConfluentOptions()
{
    // A source naming a registry with credentials, a keyed sink on the embedded registry.
    std::string source = ordersSource(
        R"j("format": "avro-confluent", "schema_registry_url": "https://bob:s3cret@sr.example:8081",)j");
    auto p = pipeline("[" + source + R"j(, {"id": "out", "type": "kafka-sink", "properties": {
            "topic": "shop.orders.copy", "format": "avro-confluent", "key_fields": ["order_id"]}}])j",
                      "[" + edge("orders", "out") + "]");
    auto r = exportFlinkSql(p);
    QVERIFY2(r.isOk(), r.isOk() ? "" : r.error().toString().c_str());
    const std::string& sql = r->sql;
    SW_VERIFY_CONTAINS(sql, "'format' = 'avro-confluent'");
    SW_VERIFY_CONTAINS(sql, "'avro-confluent.url' = 'https://sr.example:8081'");
    SW_VERIFY_CONTAINS(sql, "'avro-confluent.basic-auth.credentials-source' = 'USER_INFO'");
    SW_VERIFY_CONTAINS(
        sql, "'avro-confluent.basic-auth.user-info' = '${ORDERS_SCHEMA_REGISTRY_USER_INFO}'");
    QVERIFY(!contains(sql, "s3cret"));
    QVERIFY(!contains(sql, "bob"));
    SW_VERIFY_CONTAINS(sql, "'key.format' = 'json'");
    SW_VERIFY_CONTAINS(sql, "'value.format' = 'avro-confluent'");
    SW_VERIFY_CONTAINS(sql, "'value.avro-confluent.url' = '${OUT_SCHEMA_REGISTRY_URL}'");
    bool secret = false, url = false, note = false, key = false;
    for (const auto& e : r->env) {
        secret = secret || (e.name == "ORDERS_SCHEMA_REGISTRY_USER_INFO" && e.secret);
        url = url || (e.name == "OUT_SCHEMA_REGISTRY_URL" && !e.secret);
    }
    for (const auto& i : r->issues) {
        note = note || (i.nodeId == "out" && i.feature == "schema-registry");
        key = key || (i.nodeId == "out" && i.feature == "key-format");
    }
    QVERIFY(secret && url && note && key);
    // The topic plan lists the subjects and their level (the registry default without
    // schema_evolution; NONE is a warning).
    TopicPlan plan = planTopics(p);
    const TopicPlanEntry* in = plan.find("shop.orders.created");
    QVERIFY(in);
    QCOMPARE(in->valueSubject, std::string("shop.orders.created-value"));
    QCOMPARE(in->compatibility, std::string("BACKWARD"));
    SW_VERIFY_CONTAINS(
        topicPlanText(plan),
        "schema:       shop.orders.copy-value (avro-confluent, compatibility BACKWARD)");
    auto none =
        pipeline("[" + source + "]", "[]", "at-least-once", R"j(, "schema_evolution": "none")j");
    TopicPlan nonePlan = planTopics(none);
    QCOMPARE(nonePlan.topics.at(0).compatibility, std::string("NONE"));
    bool warned = false;
    for (const auto& w : nonePlan.topics.at(0).warnings)
        warned = warned || contains(w, "compatibility NONE");
    QVERIFY(warned);
}

void everyCatalogTypeHasATranslation()
{
    // Types with no Flink SQL connector (alert-sink) name the closest equivalent instead.
    for (const auto& t : Catalog::instance().types())
        QVERIFY2(t.flinkSql != FlinkSqlExport::None
                     ? FlinkSqlBuilder::translations().count(t.flinkSql) == 1
                     : !t.exportEquivalent.empty(),
                 qPrintable(QString::fromStdString("no Flink SQL translation for " + t.name)));
}

void topicConventions()
{
    std::string nodes = "[" + ordersSource() + R"j(,
        {"id": "a", "type": "kafka-sink", "properties": {"topic": "cdc.shop.orders", "key_fields": ["order_id"]}},
        {"id": "b", "type": "kafka-sink", "properties": {"topic": "metrics.shop.revenue"}},
        {"id": "c", "type": "kafka-sink", "properties": {"topic": "commands.billing.charge"}},
        {"id": "d", "type": "kafka-sink", "properties": {"topic": "Orders_Raw"}},
        {"id": "q", "type": "dlq", "properties": {"target": "kafka"}}])j";
    std::string edges = "[" + edge("orders", "a") + "," + edge("orders", "b") + "," +
                        edge("orders", "c") + "," + edge("orders", "d") + "," +
                        edge("orders", "q", "errors") + "]";
    TopicPlan plan = planTopics(pipeline(nodes, edges));
    QCOMPARE(plan.topics.size(), std::size_t(6));
    auto check = [&](const char* name, TopicConvention c, std::int64_t retention,
                     const char* cleanup, int partitions) {
        const TopicPlanEntry* t = plan.find(name);
        QVERIFY2(t, name);
        QCOMPARE(std::string(toString(t->convention)), std::string(toString(c)));
        QCOMPARE(t->retentionMs, retention);
        QCOMPARE(t->cleanupPolicy, std::string(cleanup));
        QCOMPARE(t->partitions, partitions);
    };
    const std::int64_t h = 3600000;
    check("shop.orders.created", TopicConvention::EventSourcing, -1, "compact", 3);
    check("cdc.shop.orders", TopicConvention::Cdc, 7 * 24 * h, "delete", 3);
    check("metrics.shop.revenue", TopicConvention::Metrics, 72 * h, "delete", 3);
    check("commands.billing.charge", TopicConvention::Commands, 24 * h, "delete", 3);
    check("dlq.unit-orders.shop.orders.created", TopicConvention::Dlq, 30 * 24 * h, "delete", 1);
    check("Orders_Raw", TopicConvention::None, 7 * 24 * h, "delete", 3);
    QVERIFY(!plan.find("Orders_Raw")->namingProblem.empty());
    QVERIFY(plan.find("cdc.shop.orders")->namingProblem.empty());
    QCOMPARE(plan.find("cdc.shop.orders")->key, std::string("order_id"));
    QCOMPARE(plan.find("metrics.shop.revenue")->key, std::string("(none)"));
    QCOMPARE(plan.find("shop.orders.created")->consumers, std::vector<std::string>{"orders"});
    QVERIFY(plan.find("cdc.shop.orders")->warnings.empty());
}

void topicOverridesAndScript()
{
    std::string nodes = "[" + ordersSource(R"j("partitions": 1,)j") + R"j(,
        {"id": "a", "type": "kafka-sink", "properties": {"topic": "cdc.shop.orders", "retention": "14 d", "replication_factor": 2}},
        {"id": "b", "type": "kafka-sink", "properties": {"topic": "cdc.shop.refunds", "retention": "90 d"}},
        {"id": "c", "type": "kafka-sink", "properties": {"topic": "shop.orders.audited", "cleanup_policy": "delete"}},
        {"id": "d", "type": "kafka-sink", "properties": {"topic": "dlq.unit.orders", "partitions": 6}}])j";
    std::string edges = "[" + edge("orders", "a") + "," + edge("orders", "b") + "," +
                        edge("orders", "c") + "," + edge("orders", "d") + "]";
    TopicPlan plan = planTopics(pipeline(nodes, edges));
    const TopicPlanEntry* a = plan.find("cdc.shop.orders");
    QVERIFY(a);
    QCOMPARE(a->retentionMs, 14LL * 24 * 3600000);
    QVERIFY(a->retentionExplicit && !a->retentionDeviates);
    QCOMPARE(a->replication, 2);
    QCOMPARE(a->minInsyncReplicas, 1);
    QVERIFY(plan.find("cdc.shop.refunds")->retentionDeviates);
    QVERIFY(plan.find("shop.orders.audited")->retentionDeviates);
    QCOMPARE(plan.find("shop.orders.audited")->cleanupPolicy, std::string("delete"));
    QVERIFY(!plan.find("dlq.unit.orders")->warnings.empty());
    const TopicPlanEntry* src = plan.find("shop.orders.created");
    QVERIFY(src && !src->warnings.empty());
    SW_VERIFY_CONTAINS(src->warnings.back(), "1 partition(s) feed 2 parallel consumers");
    std::string script = kafkaTopicsScript(plan, "unit");
    SW_VERIFY_CONTAINS(script,
                       "--topic 'cdc.shop.orders' --partitions 3 --replication-factor 2 \\\n"
                       "  --config cleanup.policy=delete --config retention.ms=1209600000 "
                       "--config min.insync.replicas=1");
    SW_VERIFY_CONTAINS(script, "--create --if-not-exists");
    SW_VERIFY_CONTAINS(topicPlanText(plan), "WARNING: ");
    QCOMPARE(topicPlanJson(plan)["topics"].size(), plan.topics.size());
}

void readinessFailsAndPasses()
{
    std::string bad = R"j([
        {"id": "orders", "type": "kafka-source", "properties": {"topic": "shop.orders.created", "partitions": 1,
          "properties": {"enable.auto.commit": "true"},
          "schema": [{"name": "id", "type": "BIGINT"}, {"name": "event_time", "type": "TIMESTAMP(3)"}]}},
        {"id": "raw", "type": "kafka-source", "properties": {"topic": "Raw", "group_id": "unit-raw", "format": "raw",
          "watermark": "processing-time"}},
        {"id": "out", "type": "kafka-sink", "properties": {"topic": "shop.orders.copied", "cleanup_policy": "delete",
          "properties": {"acks": "1"}}},
        {"id": "gen", "type": "generator", "properties": {"events_per_second": 0}},
        {"id": "print", "type": "console-sink"}, {"id": "print2", "type": "console-sink"}])j";
    std::string badEdges = "[" + edge("orders", "out") + "," + edge("gen", "print") + "," +
                           edge("raw", "print2") + "]";
    ReadinessReport r = checkReadiness(pipeline(bad, badEdges));
    QCOMPARE(r.items.size(), readinessItemIds().size());
    for (std::size_t i = 0; i < r.items.size(); ++i)
        QCOMPARE(r.items[i].id, readinessItemIds()[i]);
    auto status = [&](const char* id) { return std::string(toString(r.find(id)->status)); };
    QCOMPARE(status("event-schema"), std::string("warn"));
    QCOMPARE(status("topic-partitioning"), std::string("fail"));
    QCOMPARE(status("idempotent-producers"), std::string("fail"));
    QCOMPARE(status("manual-commits"), std::string("fail"));
    QCOMPARE(status("dlq-per-consumer"), std::string("fail"));
    QCOMPARE(status("delivery-guarantee"), std::string("fail"));
    QCOMPARE(status("monitoring"), std::string("warn"));
    QCOMPARE(status("backpressure"), std::string("warn"));
    QCOMPARE(status("retention"), std::string("warn"));
    QCOMPARE(status("schema-evolution"), std::string("fail"));
    QVERIFY(r.overall() == CheckStatus::Fail);
    QCOMPARE(r.find("manual-commits")->findings.front().nodeId, std::string("orders"));
    auto json = readinessJson(r);
    QCOMPARE(json["overall"], "fail");
    QCOMPARE(json["items"][3]["findings"][0]["node"], "orders");
    SW_VERIFY_CONTAINS(readinessText(r), "[FAIL] Consumers commit manually after processing");

    std::string good = R"j([
        {"id": "orders", "type": "kafka-source", "properties": {"topic": "shop.orders.created", "group_id": "unit-orders",
          "schema": [{"name": "id", "type": "BIGINT"}, {"name": "event_time", "type": "TIMESTAMP(3)"}]}},
        {"id": "out", "type": "kafka-sink", "properties": {"topic": "shop.orders.copied", "key_fields": ["id"]}},
        {"id": "dlq", "type": "dlq", "properties": {"target": "kafka"}}])j";
    std::string goodEdges = "[" + edge("orders", "out") + "," + edge("orders", "dlq", "errors") +
                            "," + edge("out", "dlq", "errors") + "]";
    ReadinessReport ok = checkReadiness(
        pipeline(good, goodEdges, "at-least-once",
                 R"j(, "schema_evolution": "backward", "autoscaling": {"max_parallelism": 6})j"));
    for (const auto& i : ok.items)
        QVERIFY2(i.status == CheckStatus::Pass,
                 qPrintable(QString::fromStdString(i.id + ": " + readinessText(ok))));
    // The lag alerts name the threshold; without autoscaling the item warns with the fix.
    SW_VERIFY_CONTAINS(ok.find("lag-alerts")->summary, "10000 records behind");
    ReadinessReport fixed = checkReadiness(
        pipeline(good, goodEdges, "at-least-once", R"j(, "schema_evolution": "backward")j"));
    QVERIFY(fixed.find("autoscaling")->status == CheckStatus::Warn);
    SW_VERIFY_CONTAINS(fixed.find("autoscaling")->findings.front().fix, "\"autoscaling\"");
}

void renderScriptSubstitutes()
{
    QTemporaryDir dir;
    const QString in = dir.filePath("in.sql"), out = dir.filePath("out.sql");
    QFile f(in);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("'password' = '${PW}', 'x' = '${A}${A}' -- ${A}\nkeep $ and {braces}\n");
    f.close();
    auto run = [&](const QStringList& env) {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const auto& kv : env)
            e.insert(kv.section('=', 0, 0), kv.section('=', 1));
        p.setProcessEnvironment(e);
        p.start("sh", {"-c", "awk \"$0\" \"$1\" > \"$2\"", kRenderSqlAwk, in, out});
        p.waitForFinished(30000);
        return p.exitCode();
    };
    QCOMPARE(run({"PW=it's ${A}", "A=a&b"}), 0);
    QFile o(out);
    QVERIFY(o.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(o.readAll()),
             QString("'password' = 'it''s ${A}', 'x' = 'a&ba&b' -- a&b\nkeep $ and {braces}\n"));
    QCOMPARE(run({"A=x"}), 1); // PW is not set
}

void yamlScalars()
{
    QCOMPARE(yamlScalar("streaming"), std::string("streaming"));
    QCOMPARE(yamlScalar("local:///opt/flink/usrlib/sql-runner.jar"),
             std::string("local:///opt/flink/usrlib/sql-runner.jar"));
    QCOMPARE(yamlScalar("true"), std::string("\"true\""));
    QCOMPARE(yamlScalar("No"), std::string("\"No\""));
    QCOMPARE(yamlScalar("10"), std::string("\"10\""));
    QCOMPARE(yamlScalar("10 s"), std::string("\"10 s\""));
    QCOMPARE(yamlScalar("a: b"), std::string("\"a: b\""));
    QCOMPARE(yamlScalar(""), std::string("\"\""));
    QCOMPARE(yamlScalar("awk \"$0\""), std::string("\"awk \\\"$0\\\"\""));
    nlohmann::ordered_json doc = {
        {"a", {{"b", 1}, {"c", nlohmann::ordered_json::array({"x", "y"})}}},
        {"list", nlohmann::ordered_json::array({{{"name", "n"}, {"v", true}}})},
        {"text", "line1\nline2\n"},
        {"empty", nlohmann::ordered_json::object()}};
    QCOMPARE(toYaml(doc),
             std::string("a:\n  b: 1\n  c:\n    - x\n    - \"y\"\nlist:\n  - name: \"n\"\n    v: "
                         "true\ntext: |\n  line1\n  line2\nempty: {}\n"));
}

void kafkaClientTranslation()
{
    ExportIssues issues;
    std::vector<SecretRef> secrets;
    nlohmann::json props = {{"sasl.mechanisms", "SCRAM-SHA-256"},
                            {"sasl.username", "u\"1"},
                            {"sasl.password", "pw"},
                            {"enable.auto.commit", "false"},
                            {"queue.buffering.max.ms", "5"},
                            {"statistics.interval.ms", "1000"},
                            {"ssl.keystore.password", "pw2"}};
    auto opts = kafkaClientOptions("src-1", props, issues, secrets);
    std::map<std::string, std::string> m;
    for (const auto& o : opts)
        m[o.key] = o.value;
    QCOMPARE(m["properties.sasl.mechanism"], std::string("SCRAM-SHA-256"));
    QCOMPARE(m["properties.linger.ms"], std::string("5"));
    QCOMPARE(m["properties.statistics.interval.ms"], std::string("1000"));
    QCOMPARE(m["properties.ssl.keystore.password"], std::string("${SRC_1_SSL_KEYSTORE_PASSWORD}"));
    QCOMPARE(m["properties.sasl.jaas.config"],
             std::string("org.apache.kafka.common.security.scram.ScramLoginModule required "
                         "username=\"u\\\"1\" password=\"${SRC_1_SASL_PASSWORD}\";"));
    QVERIFY(!m.count("properties.enable.auto.commit"));
    QVERIFY(!m.count("properties.sasl.password"));
    QCOMPARE(secrets.size(), std::size_t(2));
    bool noted = false, commitNoted = false;
    for (const auto& i : issues) {
        noted = noted ||
                (i.feature == "client-property" && contains(i.reason, "statistics.interval.ms"));
        commitNoted = commitNoted || i.feature == "offset-commit";
    }
    QVERIFY(noted && commitNoted);
    for (const auto& o : opts)
        QVERIFY(!contains(o.value, "pw"));
}

void exactlyOnceSettings()
{
    // An exactly-once pipeline: sources read committed transactions only (a contrary
    // isolation.level is replaced, with an issue), sinks are transactional with one prefix per
    // node, and the FlinkDeployment carries the recovery settings of the file.
    const PipelineSpec p = parseOrFail(R"json({
  "format": "streamwright.pipeline/1",
  "pipeline": {"name": "eo-export", "delivery": "exactly-once", "checkpoint_interval": "30 s",
               "restart_strategy": {"type": "exponential-delay", "attempts": 6, "delay": "2 s",
                                    "max_delay": "2 min"},
               "retained_checkpoints": 5, "tolerable_failed_checkpoints": 4},
  "nodes": [
    {"id": "in", "type": "kafka-source", "properties": {"topic": "orders.created",
      "group_id": "g", "properties": {"isolation.level": "read_uncommitted"},
      "schema": [{"name": "id", "type": "BIGINT"}, {"name": "event_time", "type": "TIMESTAMP(3)"}]}},
    {"id": "in2", "type": "kafka-source", "properties": {"topic": "orders.updated",
      "group_id": "g", "schema": [{"name": "id", "type": "BIGINT"}, {"name": "event_time", "type": "TIMESTAMP(3)"}]}},
    {"id": "all", "type": "union", "properties": {}},
    {"id": "out", "type": "kafka-sink", "properties": {"topic": "orders.copied"}}
  ],
  "edges": [
    {"from": {"node": "in", "port": "out"}, "to": {"node": "all", "port": "in"}},
    {"from": {"node": "in2", "port": "out"}, "to": {"node": "all", "port": "in"}},
    {"from": {"node": "all", "port": "out"}, "to": {"node": "out", "port": "in"}}
  ]
})json",
                                       "exactly-once pipeline");
    auto script = exportFlinkSql(p);
    QVERIFY2(script, script ? "" : script.error().message.c_str());
    const std::string& sql = script->sql;
    std::size_t committed = 0;
    for (std::size_t at = sql.find("'properties.isolation.level' = 'read_committed'");
         at != std::string::npos;
         at = sql.find("'properties.isolation.level' = 'read_committed'", at + 1))
        ++committed;
    QCOMPARE(committed, std::size_t(2)); // both sources, once each
    QVERIFY(!contains(sql, "'properties.isolation.level' = 'read_uncommitted'"));
    bool replacedNoted = false;
    for (const auto& i : script->issues)
        replacedNoted = replacedNoted || (i.nodeId == "in" && i.feature == "isolation.level");
    QVERIFY(replacedNoted);
    SW_VERIFY_CONTAINS(sql, "'sink.delivery-guarantee' = 'exactly-once'");
    SW_VERIFY_CONTAINS(sql, "'sink.transactional-id-prefix' = '" + script->name + "-out'");
    auto k8s = exportKubernetes(p);
    QVERIFY(k8s);
    const std::string& yaml = k8s->flinkYaml;
    SW_VERIFY_CONTAINS(yaml, "execution.checkpointing.mode: EXACTLY_ONCE");
    SW_VERIFY_CONTAINS(yaml, "execution.checkpointing.interval: \"30 s\"");
    SW_VERIFY_CONTAINS(yaml, "state.backend.type: rocksdb");
    SW_VERIFY_CONTAINS(yaml, "state.checkpoints.num-retained: \"5\"");
    SW_VERIFY_CONTAINS(yaml, "execution.checkpointing.tolerable-failed-checkpoints: \"3\"");
    SW_VERIFY_CONTAINS(yaml, "restart-strategy.type: exponential-delay");
    SW_VERIFY_CONTAINS(yaml, "restart-strategy.exponential-delay.initial-backoff: \"2 s\"");
    SW_VERIFY_CONTAINS(yaml, "restart-strategy.exponential-delay.max-backoff: \"2 min\"");
    SW_VERIFY_CONTAINS(yaml, "restart-strategy.exponential-delay.attempts-before-reset-backoff: "
                             "\"6\"");
    QVERIFY(!contains(yaml, "fixed-delay"));
    // At-least-once: no isolation level is imposed; the default strategy is Flink's.
    PipelineSpec alo = p;
    alo.settings.delivery = DeliveryGuarantee::AtLeastOnce;
    alo.settings.restartStrategy = RestartStrategy{};
    auto plain = exportFlinkSql(alo);
    QVERIFY(plain);
    QVERIFY(!contains(plain->sql, "'read_committed'"));
    auto plainK8s = exportKubernetes(alo);
    QVERIFY(plainK8s);
    SW_VERIFY_CONTAINS(plainK8s->flinkYaml, "restart-strategy.type: fixed-delay");
    SW_VERIFY_CONTAINS(plainK8s->flinkYaml, "restart-strategy.fixed-delay.attempts: \"3\"");
    SW_VERIFY_CONTAINS(plainK8s->flinkYaml, "restart-strategy.fixed-delay.delay: \"1 s\"");
}

} // namespace sw::test_export
