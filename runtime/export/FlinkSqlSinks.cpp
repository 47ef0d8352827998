// Sinks: kafka-sink -> 'kafka' / 'upsert-kafka', sqlite-sink -> 'jdbc',
// file-sink -> 'filesystem', console-sink -> 'print'. Each becomes a table and an INSERT.
#include "catalog/PropertyAccess.h"
#include "export/FlinkSqlBuilder.h"
#include "export/SqlText.h"

namespace sw::runtime::exporting {
namespace {

std::vector<std::string> withKey(std::vector<std::string> cols, const std::vector<std::string>& key)
{
    if (key.empty()) return cols;
    std::string k;
    for (const auto& c : key)
        k += (k.empty() ? "" : ", ") + quoteIdent(c);
    cols.push_back("PRIMARY KEY (" + k + ") NOT ENFORCED");
    return cols;
}

std::string joined(const std::vector<std::string>& v, const char* sep)
{
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : sep) + x;
    return s;
}

void sinkParallelism(FlinkSqlBuilder& b, const NodeSpec& n, std::vector<WithOption>& with)
{
    auto v = propertyValue(n, "parallelism");
    if (v.is_number_integer() && v.get<int>() > 0)
        with.push_back({"sink.parallelism", std::to_string(v.get<int>())});
    (void)b;
}

} // namespace

void FlinkSqlBuilder::exportKafkaSink(const NodeSpec& n, const NodeType& t)
{
    const Relation* in = input(n, t, 0);
    if (!in) return;
    auto keyFields = stringList(propertyValue(n, "key_fields"));
    std::string format = stringProperty(n, "format");
    std::vector<std::string> key = keyFields.empty() ? in->upsertKey : keyFields;
    // mode: upsert is Flink's upsert-kafka even for an append-only input.
    const bool upsert = in->updating || propertyValue(n, "mode") == "upsert";
    if (upsert && key.empty()) {
        issue(n, IssueKind::NotExportable, "upsert-key",
              "the input is an updating stream but no key identifies the rows to update",
              "set key_fields on the sink (upsert-kafka needs a PRIMARY KEY)");
        skip(n);
        return;
    }
    std::vector<WithOption> with;
    std::vector<std::string> cols = columnDefinitions(in->schema);
    if (upsert) {
        with = {{"connector", "upsert-kafka"}, {"topic", stringProperty(n, "topic")}};
        cols = withKey(cols, key);
    } else {
        with = {{"connector", "kafka"}, {"topic", stringProperty(n, "topic")}};
    }
    for (auto& o : kafkaProperties(n, stringProperty(n, "bootstrap_servers")))
        with.push_back(o);
    if (upsert) {
        with.push_back({"key.format", format});
        with.push_back({"value.format", format});
    } else if (!keyFields.empty()) {
        with.push_back({"key.format", format});
        with.push_back({"key.fields", joined(keyFields, ";")});
        with.push_back({"value.format", format});
    } else {
        with.push_back({"format", format});
    }
    applyAvroConfluent(n, with, !key.empty() && (upsert || !keyFields.empty()));
    if (exactlyOnce()) {
        with.push_back({"sink.delivery-guarantee", "exactly-once"});
        // The node's transactional_id_prefix (default: the pipeline's name), per sink node as
        // the runtime's transactional.id <prefix>-<node>-<subtask>: two sinks never share ids.
        std::string prefix = stringProperty(n, "transactional_id_prefix");
        if (prefix.empty()) prefix = jobName();
        with.push_back({"sink.transactional-id-prefix", prefix + "-" + identFromId(n.id)});
        // Brokers cap transactions at transaction.max.timeout.ms (15 min by default).
        with.push_back({"properties.transaction.timeout.ms", "900000"});
    } else {
        with.push_back({"sink.delivery-guarantee", "at-least-once"});
    }
    sinkParallelism(*this, n, with);
    std::string name = newName(n.id);
    addStatement(createTable(name, cols, with));
    addInsert("INSERT INTO " + name + "\nSELECT " + columnList(in->schema) + " FROM " + in->name);
}

void FlinkSqlBuilder::exportSqliteSink(const NodeSpec& n, const NodeType& t)
{
    const Relation* in = input(n, t, 0);
    if (!in) return;
    auto keyFields = stringList(propertyValue(n, "key_fields"));
    std::vector<std::string> key = keyFields.empty() ? in->upsertKey : keyFields;
    if (in->updating && key.empty()) {
        issue(n, IssueKind::NotExportable, "upsert-key",
              "the input is an updating stream but no key identifies the rows to update",
              "set key_fields on the sink (the JDBC sink upserts by PRIMARY KEY)");
        skip(n);
        return;
    }
    std::string base = envVarName(n.id, "jdbc");
    std::vector<WithOption> with = {
        {"connector", "jdbc"},
        {"url",
         env(base + "_URL", true, "",
             "JDBC URL replacing SQLite " + stringProperty(n, "path") + " (node " + n.id + ")")},
        {"table-name", stringProperty(n, "table")},
        {"username", env(base + "_USERNAME", true, "", "JDBC user of node " + n.id)},
        {"password", env(base + "_PASSWORD", true, "", "JDBC password of node " + n.id)},
        {"sink.buffer-flush.max-rows",
         std::to_string(propertyValue(n, "batch_size").get<long long>())},
    };
    sinkParallelism(*this, n, with);
    std::string name = newName(n.id);
    addStatement(createTable(name, withKey(columnDefinitions(in->schema), key), with));
    addInsert("INSERT INTO " + name + "\nSELECT " + columnList(in->schema) + " FROM " + in->name);
    issue(n, IssueKind::Approximated, "sqlite",
          "SQLite is a desktop store and Flink's JDBC connector has no SQLite dialect: the table "
          "'" +
              stringProperty(n, "table") + "' is written to the database named by " + base +
              "_URL" + (key.empty() ? " (append)" : " with upserts by primary key"),
          "a PostgreSQL or MySQL table with the same columns");
    if (exactlyOnce())
        issue(n, IssueKind::Approximated, "delivery",
              "Flink SQL's JDBC sink is at-least-once" +
                  std::string(key.empty()
                                  ? "; without a key, replays after a failure duplicate rows"
                                  : "; its upserts by primary key make replays idempotent"),
              "key_fields on the sink (idempotent upserts), or JdbcSink.exactlyOnceSink (XA) in "
              "the DataStream API");
}

void FlinkSqlBuilder::exportFileSink(const NodeSpec& n, const NodeType& t)
{
    const Relation* in = input(n, t, 0);
    if (!in) return;
    if (in->updating) {
        issue(n, IssueKind::NotExportable, "updating-input",
              "the filesystem sink writes append-only files but the input is an updating stream",
              "an upsert sink (Kafka with key_fields or SQLite/JDBC with a primary key)");
        skip(n);
        return;
    }
    std::string format = stringProperty(n, "format") == "csv" ? "csv" : "json";
    std::vector<WithOption> with = {
        {"connector", "filesystem"}, {"path", stringProperty(n, "path")}, {"format", format}};
    std::string name = newName(n.id);
    addStatement(createTable(name, columnDefinitions(in->schema), with));
    addInsert("INSERT INTO " + name + "\nSELECT " + columnList(in->schema) + " FROM " + in->name);
    issue(n, IssueKind::Approximated, "file-output",
          "Flink's filesystem sink writes a directory of part files committed on checkpoints, not "
          "the single file '" +
              stringProperty(n, "path") + "'" +
              (format == "csv" ? ", and CSV without a header line" : ""),
          "point 'path' at a directory on shared storage (e.g. s3://bucket/output/)");
}

void FlinkSqlBuilder::exportConsoleSink(const NodeSpec& n, const NodeType& t)
{
    const Relation* in = input(n, t, 0);
    if (!in) return;
    std::vector<WithOption> with = {{"connector", "print"}, {"print-identifier", n.id}};
    std::string name = newName(n.id);
    addStatement(createTable(name, columnDefinitions(in->schema), with));
    addInsert("INSERT INTO " + name + "\nSELECT " + columnList(in->schema) + " FROM " + in->name);
    issue(n, IssueKind::Note, "console",
          "rows are printed to the TaskManagers' standard output (kubectl logs)" +
              std::string(propertyValue(n, "max_rows").get<long long>() > 0
                              ? "; max_rows is not applied"
                              : ""),
          "a Kafka or JDBC sink for results someone reads");
}

void FlinkSqlBuilder::exportRedisSink(const NodeSpec& n, const NodeType&)
{
    // Flink ships no Redis SQL connector: the node is listed, never its URL (it may hold a
    // password).
    const std::string cmd = stringProperty(n, "command");
    issue(n, IssueKind::NotExportable, "redis-sink",
          "Flink SQL has no Redis connector (" + cmd + " into keys '" +
              stringProperty(n, "key_prefix") + "...')",
          "a community Redis connector (e.g. Apache Bahir's flink-connector-redis, DataStream "
          "API), or an upsert-kafka table keyed like the Redis keys, applied to Redis by a "
          "small consumer service");
    skip(n);
}

} // namespace sw::runtime::exporting
