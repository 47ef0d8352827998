// Source node types: generator, kafka-source, file-source.
#include "catalog/Builders.h"
#include "catalog/GeneratorSchemas.h"
#include "types/Value.h"

namespace sw::runtime {
using namespace catalog_detail;

namespace {

std::vector<PropertySpec> concat(std::vector<PropertySpec> a, const std::vector<PropertySpec>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

NodeType generatorType()
{
    NodeType t;
    t.name = "generator";
    t.displayName = "Generator";
    t.category = Category::Sources;
    t.icon = "generator";
    t.description =
        "Synthetic events (orders, clickstream, IoT, Nexmark) with controllable rate, "
        "keys, skew, disorder, duplicates and malformed records. Same seed, same stream.";
    t.outputs = {out(), errorsPort()};
    t.properties = concat(
        {
            P("kind", "Kind", PropertyType::Choice)
                .def("orders")
                .choices(generatorKinds())
                .doc("Which event stream to generate"),
            P("events_per_second", "Rate", PropertyType::Int)
                .def(1000)
                .range(0, 100000000)
                .unit("events/s")
                .doc("Target rate; 0 = as fast as possible"),
            P("total_events", "Total events", PropertyType::Int)
                .def(0)
                .range(0, 1e15)
                .doc("Stop after this many events; 0 = unbounded"),
            P("key_cardinality", "Key cardinality", PropertyType::Int)
                .def(1000)
                .range(1, 1e12)
                .doc("Distinct keys (customers, users, sensors, bidders)"),
            P("key_skew", "Key skew", PropertyType::Double)
                .def(0.0)
                .range(0, 3)
                .doc("Zipf exponent of key popularity; 0 = uniform"),
            P("out_of_orderness", "Generated disorder", PropertyType::Duration)
                .def("0 ms")
                .doc("Event times jitter backwards by up to this much"),
            P("duplicate_ratio", "Duplicate ratio", PropertyType::Double)
                .def(0.0)
                .range(0, 1)
                .doc("Fraction of events re-emitted with the same id"),
            P("malformed_ratio", "Malformed ratio", PropertyType::Double)
                .def(0.0)
                .range(0, 1)
                .doc("Fraction of events emitted as raw bytes that fail parsing (to errors)"),
            P("seed", "Random seed", PropertyType::Int)
                .def(42)
                .range(0, 9e15)
                .doc("Same seed, same stream"),
            P("start_time", "Start time", PropertyType::String)
                .def("2024-01-01 00:00:00")
                .doc("Event time of the first event")
                .advanced(),
            P("nexmark_stream", "Nexmark stream", PropertyType::Choice)
                .def("bid")
                .choices({"bid", "auction", "person"})
                .doc("For kind 'nexmark': which of the 1:3:46 person/auction/bid streams to emit"),
        },
        watermarkProps(""));
    t.properties.push_back(parallelismProp());
    t.synthetic = true;
    t.flinkSql = FlinkSqlExport::Datagen;
    t.deriveSchema = [](DeriveContext& ctx) {
        std::string kind = ctx.prop("kind").get<std::string>();
        std::string stream = ctx.prop("nexmark_stream").get<std::string>();
        Schema s = generatorSchema(kind, stream);
        if (ctx.prop("timestamp_column").get<std::string>().empty()) {
            // Default event-time column of the chosen stream.
            NodeSpec copy = ctx.node();
            copy.properties["timestamp_column"] = generatorTimeColumn(kind);
            DeriveContext inner(copy, {}, 1);
            applyWatermark(inner, s);
            for (auto& d : inner.diagnostics())
                ctx.diagnostics().push_back(d);
        } else {
            applyWatermark(ctx, s);
        }
        std::int64_t tmp;
        if (!parseTimestamp(ctx.prop("start_time").get<std::string>(), tmp))
            ctx.error("start_time", "expected a timestamp like '2024-01-01 00:00:00'");
        ctx.setOutput(0, std::move(s));
    };
    return t;
}

std::vector<PropertySpec> formatAndSchemaProps(std::vector<std::string> formats)
{
    return {
        P("format", "Format", PropertyType::Choice)
            .def(formats.front())
            .choices(formats)
            .doc("How record bytes are parsed"),
        P("schema", "Schema", PropertyType::SchemaDef)
            .def(nlohmann::json::array())
            .required()
            .doc("Columns of each record (Flink SQL types)"),
    };
}

} // namespace

std::vector<PropertySpec> catalog_detail::schemaRegistryProps(bool source)
{
    std::vector<PropertySpec> props = {
        P("schema_registry_url", "Schema Registry", PropertyType::String)
            .def("")
            .doc("format avro-confluent: the Confluent Schema Registry, http(s)://[user:password@]"
                 "host:port (the password is kept secret); empty = the embedded registry"),
    };
    if (source)
        props.push_back(P("schema_version", "Schema version", PropertyType::Int)
                            .def(0)
                            .range(0, 2147483647)
                            .doc("format avro-confluent: a version of <topic>-value the columns "
                                 "must be readable from, checked at start (0 = none pinned); "
                                 "records decode with their own writer schema either way")
                            .advanced());
    return props;
}

namespace {

NodeType kafkaSourceType()
{
    NodeType t;
    t.name = "kafka-source";
    t.displayName = "Kafka Source";
    t.category = Category::Sources;
    t.icon = "kafka-source";
    t.description = "Consumes a Kafka topic in a consumer group, committing offsets only after "
                    "results are durable downstream. Undecodable records go to errors.";
    t.outputs = {out(), errorsPort()};
    t.properties = {
        P("topic", "Topic", PropertyType::Topic).def("").required().doc("Topic to consume"),
        P("bootstrap_servers", "Bootstrap servers", PropertyType::String)
            .def("")
            .doc("host:port list; empty = the embedded broker"),
        P("group_id", "Consumer group", PropertyType::String)
            .def("streamwright")
            .required()
            .doc("Consumer group id (offsets are committed manually)"),
        P("start_from", "Start from", PropertyType::Choice)
            .def("committed")
            .choices({"committed", "earliest", "latest", "timestamp"})
            .doc("Where to start when the group has no committed offset (or always, for "
                 "earliest/latest/timestamp)"),
        P("start_timestamp", "Start timestamp", PropertyType::Int)
            .def(0)
            .range(0, 9e15)
            .unit("ms")
            .doc("Epoch millis for start_from = timestamp")
            .advanced(),
        P("include_metadata", "Metadata columns", PropertyType::Bool)
            .def(false)
            .doc("Add kafka_key, kafka_topic, kafka_partition, kafka_offset, kafka_timestamp, "
                 "kafka_headers"),
        P("properties", "Client properties", PropertyType::KeyValue)
            .def(nlohmann::json::object())
            .doc("librdkafka properties passed through (security.protocol, sasl.*, ssl.*)")
            .advanced(),
    };
    for (auto& p : formatAndSchemaProps({"json", "csv", "raw", "avro-confluent"}))
        t.properties.push_back(p);
    for (auto& p : schemaRegistryProps(true))
        t.properties.push_back(p);
    for (auto& p : watermarkProps("event_time"))
        t.properties.push_back(p);
    for (auto& p : topicProps(3))
        t.properties.push_back(p);
    t.properties.push_back(parallelismProp());
    t.deriveSchema = [](DeriveContext& ctx) {
        Schema s;
        if (ctx.prop("format") == "raw") {
            // The whole message value in one column (Flink's raw format): `value STRING` unless
            // the schema declares that one column, STRING or BYTES.
            const auto declared = ctx.prop("schema");
            if (declared.is_array() && !declared.empty()) {
                s = schemaFromProperty(ctx, "schema");
                const bool one = s.size() == 1 && (s.fields()[0].type.kind() == TypeKind::String ||
                                                   s.fields()[0].type.kind() == TypeKind::Bytes);
                if (!one && s.size() > 0)
                    ctx.error("schema", "format raw reads the whole message value into one "
                                        "STRING or BYTES column; declare one such column or none");
            } else {
                s.add("value", DataType::string());
            }
        } else {
            s = schemaFromProperty(ctx, "schema");
        }
        if (ctx.prop("include_metadata").get<bool>()) {
            for (const char* m : {"kafka_key", "kafka_topic", "kafka_partition", "kafka_offset",
                                  "kafka_timestamp", "kafka_headers"})
                if (s.find(m))
                    ctx.error("schema",
                              std::string("column '") + m + "' collides with a metadata column");
            s.add("kafka_key", DataType::bytes());
            s.add("kafka_topic", DataType::string().withNullable(false));
            s.add("kafka_partition", DataType::int32().withNullable(false));
            s.add("kafka_offset", DataType::bigint().withNullable(false));
            s.add("kafka_timestamp", DataType::timestamp());
            // JSON object name -> value text (Flink: MAP<STRING, BYTES>; KafkaSource.cpp).
            s.add("kafka_headers", DataType::string().withNullable(false));
        }
        if (ctx.prop("topic").get<std::string>().empty()) ctx.error("topic", "a topic is required");
        if (ctx.prop("group_id").get<std::string>().empty())
            ctx.error("group_id", "a consumer group is required");
        if (ctx.prop("start_from") == "timestamp" &&
            ctx.prop("start_timestamp").get<long long>() <= 0)
            ctx.error("start_timestamp", "start_from = timestamp needs a start timestamp");
        applyWatermark(ctx, s);
        ctx.setOutput(0, std::move(s));
    };
    t.kafka = KafkaRole::Consumer;
    t.flinkSql = FlinkSqlExport::KafkaSource;
    return t;
}

NodeType fileSourceType()
{
    NodeType t;
    t.name = "file-source";
    t.displayName = "File Source";
    t.category = Category::Sources;
    t.icon = "file-source";
    t.description = "Reads JSON Lines or CSV (with header), as fast as possible or replayed at "
                    "recorded event-time speed. Unparsable lines go to errors with file and line.";
    t.outputs = {out(), errorsPort()};
    t.properties = {
        P("path", "Path", PropertyType::Path)
            .def("")
            .required()
            .doc("Input file (relative to the pipeline file)"),
        P("replay", "Replay", PropertyType::Choice)
            .def("fast")
            .choices({"fast", "event-time"})
            .doc("As fast as possible, or paced by event time"),
        P("replay_speed", "Replay speed", PropertyType::Double)
            .def(1.0)
            .range(0.001, 1e6)
            .unit("x")
            .doc("Speed-up factor for event-time replay")
            .advanced(),
    };
    for (auto& p : formatAndSchemaProps({"jsonl", "csv"}))
        t.properties.push_back(p);
    for (auto& p : watermarkProps("event_time"))
        t.properties.push_back(p);
    t.flinkSql = FlinkSqlExport::FilesystemSource;
    t.deriveSchema = [](DeriveContext& ctx) {
        Schema s = schemaFromProperty(ctx, "schema");
        if (ctx.prop("path").get<std::string>().empty())
            ctx.error("path", "a file path is required");
        applyWatermark(ctx, s);
        ctx.setOutput(0, std::move(s));
    };
    return t;
}

} // namespace

void registerSourceTypes(std::vector<NodeType>& types)
{
    types.push_back(generatorType());
    types.push_back(kafkaSourceType());
    types.push_back(fileSourceType());
}

} // namespace sw::runtime
