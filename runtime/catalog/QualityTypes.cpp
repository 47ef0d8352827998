// Data-quality node types: dedup (idempotent consumer) and dlq (dead-letter queue).
#include "catalog/Builders.h"
#include "catalog/ChangelogRules.h"

namespace sw::runtime {
using namespace catalog_detail;

void registerQualityTypes(std::vector<NodeType>& types)
{
    NodeType dedup;
    dedup.name = "dedup";
    dedup.displayName = "Deduplicate";
    dedup.category = Category::Quality;
    dedup.icon = "dedup";
    dedup.description = "Keeps the first record per key within a TTL and drops (and counts) later "
                        "duplicates: the idempotent-consumer pattern. State is bounded by the TTL. "
                        "With keep = last it keeps the latest row per key instead, an updating "
                        "stream (Flink's keep-last-row deduplication: +I, then -U/+U).";
    dedup.inputs = {in()};
    dedup.outputs = {out(), errorsPort()};
    dedup.properties = {
        P("keys", "Key columns", PropertyType::FieldList)
            .def(nlohmann::json::array())
            .required()
            .doc("Columns identifying an event, e.g. the event id"),
        P("ttl", "TTL", PropertyType::Duration)
            .def("1 h")
            .required()
            .doc("How long a key is remembered (event time when available, else processing time)"),
        P("store", "Store", PropertyType::Choice)
            .def("memory")
            .choices({"memory", "redis"})
            .doc("memory: in the pipeline (checkpointed); redis: in Redis, shared by every "
                 "pipeline that uses the same URL and key prefix (TTL in processing time)"),
        P("redis_url", "Redis URL", PropertyType::String)
            .def("redis://127.0.0.1:6379/0")
            .doc("store redis: redis://[[user]:password@]host[:port][/db]")
            .advanced(),
        P("redis_key_prefix", "Redis key prefix", PropertyType::String)
            .def("dedup:")
            .doc("store redis: prefix of the seen-id keys (pipelines sharing a set use the same)")
            .advanced(),
        P("keep", "Keep", PropertyType::Choice)
            .def("first")
            .choices({"first", "last"})
            .doc("first: drop later duplicates (append-only); last: replace the key's row with "
                 "each later record (an updating stream)"),
        parallelismProp(),
    };
    dedup.deriveSchema = [](DeriveContext& ctx) {
        const Schema* s = ctx.input(0);
        if (durationProp(ctx, "ttl") <= 0) ctx.error("ttl", "must be greater than 0");
        if (ctx.prop("store") == "redis" &&
            ctx.prop("redis_url").get<std::string>().rfind("redis://", 0) != 0)
            ctx.error("redis_url", "expected redis://[[user]:password@]host[:port][/db]");
        if (ctx.prop("store") == "redis" && ctx.prop("keep") == "last")
            ctx.error("store", "keep = last keeps the latest row per key in the pipeline's state; "
                               "the Redis store only remembers which ids were seen (keep = first)");
        if (!s) return;
        checkFieldList(ctx, "keys", *s, true);
        ctx.setOutput(0, *s);
    };
    dedup.stateful = true;
    dedup.changelog = [](ChangelogContext& ctx) {
        if (ctx.prop("keep") == "last")
            changelog_rules::upsertOn("keys", false)(ctx);
        else
            changelog_rules::appendOnly("it drops duplicates of insert-only rows")(ctx);
    };
    dedup.flinkSql = FlinkSqlExport::Dedup;
    types.push_back(dedup);

    NodeType dlq;
    dlq.name = "dlq";
    dlq.displayName = "Dead-Letter Queue";
    dlq.category = Category::Quality;
    dlq.icon = "dlq";
    dlq.description = "Collects records that failed (parse, type, expression, late, sink) with "
                      "their raw bytes and error metadata; writes them to SQLite, JSONL or a Kafka "
                      "topic and counts them per reason.";
    dlq.inputs = {in("in", true)};
    dlq.outputs = {};
    dlq.properties = {
        P("target", "Target", PropertyType::Choice)
            .def("sqlite")
            .choices({"sqlite", "jsonl", "kafka"})
            .doc("Where dead letters are written"),
        P("path", "Path", PropertyType::Path)
            .def("dlq.sqlite")
            .doc("SQLite or JSONL file (relative to the pipeline's data directory)"),
        P("topic", "Topic", PropertyType::Topic)
            .def("")
            .doc("Kafka DLQ topic; empty = dlq.<consumer-group>.<source topic>"),
        P("bootstrap_servers", "Bootstrap servers", PropertyType::String)
            .def("")
            .doc("For target kafka; empty = the embedded broker")
            .advanced(),
        P("properties", "Client properties", PropertyType::KeyValue)
            .def(nlohmann::json::object())
            .doc("librdkafka producer properties")
            .advanced(),
        P("partitions", "Partitions", PropertyType::Int).def(1).range(1, 3).doc("DLQ topic partitions (1-3 by convention)").advanced(),
        P("retention", "Retention", PropertyType::String).def("30 d").doc("DLQ topic retention").advanced(),
    };
    dlq.deriveSchema = [](DeriveContext& ctx) {
        const Schema* s = ctx.input(0);
        if (s && !(*s == errorSchema()))
            ctx.error("in", "a DLQ takes error records: connect an 'errors' output");
        if (ctx.prop("target") != "kafka" && ctx.prop("path").get<std::string>().empty())
            ctx.error("path", "a file path is required");
    };
    dlq.deadLetters = true;
    dlq.kafka = KafkaRole::Producer;
    dlq.kafkaWhen = [](const NodeSpec& n) { return stringProperty(n, "target") == "kafka"; };
    dlq.flinkSql = FlinkSqlExport::DeadLetters;
    types.push_back(dlq);
}

} // namespace sw::runtime
