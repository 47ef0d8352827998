// Sink node types: kafka-sink, sqlite-sink, file-sink, console-sink.
#include <cctype>

#include "catalog/Builders.h"
#include "catalog/ChangelogRules.h"

namespace sw::runtime {
using namespace catalog_detail;

NodeType alertSinkType(); // catalog/AlertSinkType.cpp

namespace {

NodeType sinkBase(std::string name, std::string display, std::string desc)
{
    NodeType t;
    t.name = std::move(name);
    t.displayName = std::move(display);
    t.category = Category::Sinks;
    t.icon = t.name;
    t.description = std::move(desc);
    t.inputs = {in()};
    t.outputs = {errorsPort()};
    return t;
}

} // namespace

void registerSinkTypes(std::vector<NodeType>& types)
{
    NodeType kafka = sinkBase("kafka-sink", "Kafka Sink",
                              "Produces to a Kafka topic with the production producer defaults "
                              "(acks=all, idempotence, lz4, linger.ms=5, batch.size=32768), keyed "
                              "by chosen columns. Final delivery failures go to errors.");
    kafka.properties = {
        P("topic", "Topic", PropertyType::Topic).def("").required().doc("Topic to produce to"),
        P("bootstrap_servers", "Bootstrap servers", PropertyType::String)
            .def("")
            .doc("host:port list; empty = the embedded broker"),
        P("format", "Format", PropertyType::Choice)
            .def("json")
            .choices({"json", "csv"})
            .doc("Value encoding"),
        P("mode", "Mode", PropertyType::Choice)
            .def("append")
            .choices({"append", "upsert"})
            .doc("append: every record is a message; upsert (Flink's upsert-kafka): the key is the "
                 "primary key (key_fields), a delete is a tombstone, update-before is dropped"),
        P("key_fields", "Key columns", PropertyType::FieldList)
            .def(nlohmann::json::array())
            .doc("Message key columns: equal keys land in one partition (empty = no key)"),
        P("properties", "Producer properties", PropertyType::KeyValue)
            .def(nlohmann::json::object())
            .doc("Overrides of the production defaults and security settings (librdkafka names)")
            .advanced(),
        P("transactional_id_prefix", "Transactional id prefix", PropertyType::String)
            .def("")
            .doc("Exactly-once pipelines: transactional.id = <prefix>-<node>-<subtask> (empty = "
                 "the pipeline name); unique per pipeline on a cluster")
            .advanced(),
    };
    for (auto& p : topicProps(3))
        kafka.properties.push_back(p);
    kafka.properties.push_back(parallelismProp());
    kafka.deriveSchema = [](DeriveContext& ctx) {
        if (ctx.prop("topic").get<std::string>().empty()) ctx.error("topic", "a topic is required");
        if (const Schema* s = ctx.input(0)) checkFieldList(ctx, "key_fields", *s, false);
        const std::string prefix = ctx.prop("transactional_id_prefix").get<std::string>();
        for (char c : prefix)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' ||
                  c == '-')) {
                ctx.error("transactional_id_prefix",
                          "'" + prefix + "' may contain only letters, digits, '.', '_' and '-'");
                break;
            }
    };
    kafka.changelog = changelog_rules::keyedSink("key_fields", "mode");
    kafka.kafka = KafkaRole::Producer;
    kafka.sinkReplay = SinkReplay::CompactsWhenKeyed;
    kafka.exactlyOnce = true;
    kafka.flinkSql = FlinkSqlExport::KafkaSink;
    types.push_back(kafka);

    NodeType sqlite = sinkBase("sqlite-sink", "SQLite Sink",
                               "Writes rows to a SQLite table (created from the schema) in batched "
                               "transactions, WAL mode; with key columns it upserts, so replays do "
                               "not duplicate rows.");
    sqlite.properties = {
        P("path", "Database", PropertyType::Path)
            .def("output.sqlite")
            .required()
            .doc("SQLite database file"),
        P("table", "Table", PropertyType::String).def("results").required().doc("Table name"),
        P("key_fields", "Primary key", PropertyType::FieldList)
            .def(nlohmann::json::array())
            .doc("Upsert key (idempotent writes); empty = append"),
        P("batch_size", "Batch size", PropertyType::Int)
            .def(1000)
            .range(1, 1000000)
            .unit("rows")
            .doc("Rows per transaction")
            .advanced(),
    };
    sqlite.deriveSchema = [](DeriveContext& ctx) {
        std::string table = ctx.prop("table").get<std::string>();
        if (!isIdentifier(table)) ctx.error("table", "'" + table + "' is not a valid table name");
        if (ctx.prop("path").get<std::string>().empty())
            ctx.error("path", "a database path is required");
        if (const Schema* s = ctx.input(0)) checkFieldList(ctx, "key_fields", *s, false);
    };
    sqlite.changelog = changelog_rules::keyedSink("key_fields");
    sqlite.sinkReplay = SinkReplay::UpsertsWhenKeyed;
    sqlite.exactlyOnce = true;
    sqlite.flinkSql = FlinkSqlExport::JdbcSink;
    types.push_back(sqlite);

    NodeType file =
        sinkBase("file-sink", "File Sink", "Writes records as JSON Lines or CSV with a header.");
    file.properties = {
        P("path", "Path", PropertyType::Path)
            .def("output.jsonl")
            .required()
            .doc("Output file; under exactly-once delivery a directory of part files"),
        P("format", "Format", PropertyType::Choice)
            .def("jsonl")
            .choices({"jsonl", "csv"})
            .doc("File format"),
    };
    file.deriveSchema = [](DeriveContext& ctx) {
        if (ctx.prop("path").get<std::string>().empty())
            ctx.error("path", "a file path is required");
    };
    file.changelog = changelog_rules::writesRowKinds();
    file.sinkReplay = SinkReplay::Duplicates;
    file.exactlyOnce = true; // part files committed on checkpoints
    file.flinkSql = FlinkSqlExport::FilesystemSink;
    types.push_back(file);

    NodeType console = sinkBase("console-sink", "Console", "Prints records to standard output.");
    console.outputs = {};
    console.properties = {
        P("format", "Format", PropertyType::Choice)
            .def("table")
            .choices({"table", "json"})
            .doc("Print style"),
        P("max_rows", "Max rows", PropertyType::Int)
            .def(0)
            .range(0, 1e12)
            .doc("Stop printing after this many rows (0 = all); the rest are counted"),
    };
    console.changelog = changelog_rules::writesRowKinds();
    console.sinkReplay = SinkReplay::Duplicates;
    console.watchOnly = true;
    console.flinkSql = FlinkSqlExport::PrintSink;
    types.push_back(console);
    types.push_back(alertSinkType());
}

} // namespace sw::runtime
