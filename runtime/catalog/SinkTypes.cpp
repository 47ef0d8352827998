// Sink node types: kafka-sink, sqlite-sink, file-sink, lake-sink, console-sink.
#include <cctype>

#include "catalog/Builders.h"
#include "catalog/ChangelogRules.h"
#include "time/PartitionPattern.h"

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

/// redis-sink: docs/redis-sink.md; runtime/connectors/redis/RedisCommands.h says what each
/// command writes.
NodeType redisSink()
{
    NodeType t = sinkBase(
        "redis-sink", "Redis Sink",
        "Writes keyed results into Redis for dashboards and caches: SET or HSET by key with an "
        "optional TTL, ZADD for leaderboards, XADD for streams. Pipelined; waits for the server "
        "while it is down (backpressure). Rows Redis refuses go to errors.");
    t.properties = {
        P("url", "URL", PropertyType::String)
            .def("redis://127.0.0.1:6379/0")
            .required()
            .doc("redis://[[user]:password@]host[:port][/db]; the password is kept secret"),
        P("command", "Command", PropertyType::Choice)
            .def("set")
            .choices({"set", "hset", "zadd", "xadd"})
            .doc("set: a value per key; hset: a hash per key; zadd: sorted-set member with a "
                 "score (leaderboards); xadd: a stream entry per row"),
        P("key_fields", "Key columns", PropertyType::FieldList)
            .def(nlohmann::json::array())
            .doc("Key = key_prefix + these columns joined by ':' (set/hset: required; zadd/xadd: "
                 "empty = one sorted set or stream named key_prefix)"),
        P("key_prefix", "Key prefix", PropertyType::String)
            .def("")
            .doc("Prepended to every key, e.g. 'revenue:'"),
        P("value_fields", "Value columns", PropertyType::FieldList)
            .def(nlohmann::json::array())
            .doc("set: the value; hset/xadd: the fields (column name -> value); zadd: the "
                 "member (empty = every column; zadd: required)"),
        P("value_format", "Value format", PropertyType::Choice)
            .def("json")
            .choices({"json", "text"})
            .doc("set value and zadd member: a JSON object of the value columns, or their text "
                 "joined by ':'"),
        P("score_field", "Score column", PropertyType::Field)
            .def("")
            .doc("zadd: the numeric column that is the member's score"),
        P("ttl", "TTL", PropertyType::Duration)
            .def("0 ms")
            .doc("Keys expire this long after their last write (0 = never)"),
        P("max_length", "Stream max length", PropertyType::Int)
            .def(0)
            .range(0, 1e12)
            .doc("xadd: trim the stream to about this many entries (MAXLEN ~; 0 = unbounded)")
            .advanced(),
        P("batch_size", "Pipeline depth", PropertyType::Int)
            .def(1000)
            .range(1, 100000)
            .unit("commands")
            .doc("Commands sent per round trip before their replies are read")
            .advanced(),
        parallelismProp(),
    };
    t.deriveSchema = [](DeriveContext& ctx) {
        const std::string url = ctx.prop("url").get<std::string>();
        if (url.rfind("redis://", 0) != 0)
            ctx.error("url", "expected redis://[[user]:password@]host[:port][/db]");
        if (durationProp(ctx, "ttl") < 0) ctx.error("ttl", "must not be negative");
        const Schema* s = ctx.input(0);
        if (!s) return;
        const std::string cmd = ctx.prop("command").get<std::string>();
        checkFieldList(ctx, "key_fields", *s, cmd == "set" || cmd == "hset");
        checkFieldList(ctx, "value_fields", *s, cmd == "zadd");
        const std::string score = ctx.prop("score_field").get<std::string>();
        if (cmd == "zadd") {
            const Field* f = score.empty() ? nullptr : s->find(score);
            if (score.empty())
                ctx.error("score_field", "zadd needs a score column");
            else if (!f)
                ctx.error("score_field", "unknown column '" + score + "'");
            else if (!f->type.isNumeric())
                ctx.error("score_field",
                          "'" + score + "' is " + f->type.toString() + "; a score must be numeric");
        }
    };
    // set/hset apply upserts by key_fields (which they require); zadd retracts members with
    // -U/-D; xadd appends every change with an op field (RedisCommands.h).
    t.changelog = [](ChangelogContext& ctx) {
        const std::string cmd = ctx.prop("command").get<std::string>();
        if (cmd == "set" || cmd == "hset")
            changelog_rules::keyedSink("key_fields")(ctx);
        else
            changelog_rules::writesRowKinds()(ctx);
    };
    t.sinkReplay = SinkReplay::UpsertsButStreams;
    t.flinkSql = FlinkSqlExport::RedisSink;
    return t;
}

NodeType lakeSinkType()
{
    NodeType lake = sinkBase(
        "lake-sink", "Data Lake",
        "Archives records as Avro object container files or gzip JSON Lines in Hive-style "
        "partition directories by event time (dt=2026-12-07/hr=14), rolled by size, time and "
        "checkpoint; a reader only ever sees whole files.");
    lake.properties = {
        P("path", "Directory", PropertyType::Path)
            .def("lake")
            .required()
            .doc("Root directory of the partitions (relative: under the data directory)"),
        P("format", "Format", PropertyType::Choice)
            .def("avro")
            .choices({"avro", "jsonl"})
            .doc("avro: Avro object container files (deflate); jsonl: JSON Lines, gzip"),
        P("partition_pattern", "Partition pattern", PropertyType::String)
            .def("dt={yyyy-MM-dd}/hr={HH}")
            .doc("Directories by event time, UTC: {yyyy} {MM} {dd} {HH} {mm} fields; empty = "
                 "no partitions"),
        P("roll_size", "Roll size", PropertyType::Int)
            .def(134217728)
            .range(1024, 1099511627776.0)
            .unit("bytes")
            .doc("A part file is closed once it holds this many bytes"),
        P("roll_interval", "Roll interval", PropertyType::Duration)
            .def("30 min")
            .doc("A part file is closed this long after it was opened (also at every checkpoint)"),
        parallelismProp(),
    };
    lake.deriveSchema = [](DeriveContext& ctx) {
        if (ctx.prop("path").get<std::string>().empty())
            ctx.error("path", "a directory is required");
        auto pattern = PartitionPattern::parse(ctx.prop("partition_pattern").get<std::string>());
        if (!pattern)
            ctx.error("partition_pattern", pattern.error().message, pattern.error().column);
        if (durationProp(ctx, "roll_interval") <= 0) ctx.error("roll_interval", "must be positive");
        const Schema* s = ctx.input(0);
        if (s && ctx.prop("format") == "avro")
            for (const Field& f : s->fields())
                if (!isIdentifier(f.name))
                    ctx.error("format", "column '" + f.name +
                                            "' is not an Avro name ([A-Za-z_][A-Za-z0-9_]*): "
                                            "rename it with a map before the lake sink");
    };
    lake.sinkReplay = SinkReplay::Duplicates;
    lake.exactlyOnce = true; // part files committed on checkpoints
    lake.flinkSql = FlinkSqlExport::LakeSink;
    return lake;
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
    types.push_back(redisSink());

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

    types.push_back(lakeSinkType());

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
