// Sources: kafka-source -> 'kafka', generator -> 'datagen', file-source -> 'filesystem'.
#include <algorithm>

#include "catalog/GeneratorSchemas.h"
#include "catalog/PropertyAccess.h"
#include "export/FlinkSqlBuilder.h"
#include "export/SqlText.h"

namespace sw::runtime::exporting {
namespace {

long long num(const NodeSpec& n, const char* p)
{
    auto v = propertyValue(n, p);
    return v.is_number() ? v.get<long long>() : 0;
}

/// WATERMARK line for a source whose output has a rowtime. Streamwright's bounded
/// out-of-orderness watermark is maxTs - bound - 1 ms; Flink SQL's is max(expr), so the
/// exported delay is bound + 1 ms to keep window firing identical.
void addWatermark(std::vector<std::string>& cols, const NodeSpec& n, const Schema& s)
{
    if (s.rowtime().empty()) return;
    std::string ts = quoteIdent(s.rowtime());
    cols.push_back("WATERMARK FOR " + ts + " AS " + ts + " - " +
                   sqlInterval(durationProperty(n, "max_out_of_orderness") + 1));
}

void noteTime(FlinkSqlBuilder& b, const NodeSpec& n)
{
    std::int64_t idle = durationProperty(n, "idle_timeout");
    if (idle > 0) b.noteIdleTimeout(idle);
}

void reportSourceParallelism(FlinkSqlBuilder& b, const NodeSpec& n)
{
    auto v = propertyValue(n, "parallelism");
    if (v.is_number_integer() && v.get<int>() > 0)
        b.issue(n, IssueKind::Approximated, "parallelism",
                "per-source parallelism " + std::to_string(v.get<int>()) +
                    " is not expressible in Flink SQL; the source runs at parallelism.default",
                "set parallelism.default, or 'scan.parallelism' where the connector supports it");
}

/// Kafka connector metadata key of a metadata column (kafka_key is the message key instead).
std::string metadataKey(const std::string& column)
{
    if (column == "kafka_topic") return "topic";
    if (column == "kafka_partition") return "partition";
    if (column == "kafka_offset") return "offset";
    if (column == "kafka_timestamp") return "timestamp";
    if (column == "kafka_headers") return "headers";
    return {};
}

std::string startupMode(const std::string& from)
{
    if (from == "earliest") return "earliest-offset";
    if (from == "latest") return "latest-offset";
    if (from == "timestamp") return "timestamp";
    return "group-offsets";
}

} // namespace

void FlinkSqlBuilder::exportKafkaSource(const NodeSpec& n, const NodeType&)
{
    const Schema* s = outputSchema(n);
    if (!s) return;
    std::vector<std::string> cols;
    bool metadata = propertyValue(n, "include_metadata") == true;
    for (const auto& f : s->fields()) {
        std::string key = metadata ? metadataKey(f.name) : std::string();
        // Metadata columns are declared nullable: the grammar has no NOT NULL before METADATA.
        DataType type = key.empty() ? f.type : f.type.withNullable(true);
        if (key == "headers") {
            // Flink's headers metadata is a MAP<STRING, BYTES>; the column is its JSON text, as
            // in the desktop runtime (which has no MAP type).
            cols.push_back(quoteIdent(f.name + "_map") +
                           " MAP<STRING, BYTES> METADATA FROM 'headers' VIRTUAL");
            cols.push_back(quoteIdent(f.name) + " AS JSON_STRING(" + quoteIdent(f.name + "_map") +
                           ")");
            continue;
        }
        std::string line = quoteIdent(f.name) + " " + type.toString();
        if (!key.empty()) line += " METADATA FROM '" + key + "' VIRTUAL";
        cols.push_back(line);
    }
    addWatermark(cols, n, *s);
    std::string format = stringProperty(n, "format");
    std::vector<WithOption> with = {{"connector", "kafka"}, {"topic", stringProperty(n, "topic")}};
    for (auto& o : kafkaProperties(n, stringProperty(n, "bootstrap_servers")))
        with.push_back(o);
    if (exactlyOnce()) {
        // An exactly-once job reads only committed transactions (Flink's KafkaSource default is
        // read_uncommitted).
        auto iso = std::find_if(with.begin(), with.end(), [](const WithOption& o) {
            return o.key == "properties.isolation.level";
        });
        if (iso == with.end()) {
            with.push_back({"properties.isolation.level", "read_committed"});
        } else if (iso->value != "read_committed") {
            issue(n, IssueKind::Approximated, "isolation.level",
                  "the source's isolation.level " + iso->value +
                      " is replaced by read_committed: an exactly-once pipeline must not read "
                      "records of aborted transactions",
                  "remove isolation.level from the source's properties");
            iso->value = "read_committed";
        }
    }
    with.push_back({"properties.group.id", stringProperty(n, "group_id")});
    std::string from = stringProperty(n, "start_from");
    with.push_back({"scan.startup.mode", startupMode(from)});
    if (from == "committed") with.push_back({"properties.auto.offset.reset", "earliest"});
    if (from == "timestamp")
        with.push_back(
            {"scan.startup.timestamp-millis", std::to_string(num(n, "start_timestamp"))});
    if (metadata) {
        with.push_back({"key.format", "raw"});
        with.push_back({"key.fields", "kafka_key"});
        with.push_back({"value.format", format});
        with.push_back({"value.fields-include", "EXCEPT_KEY"});
    } else {
        with.push_back({"format", format});
    }
    applyAvroConfluent(n, with, false);
    std::string name = newName(n.id);
    addStatement(createTable(name, cols, with));
    setOutput(n, Relation{name, *s, false, {}});
    noteTime(*this, n);
    reportSourceParallelism(*this, n);
    if (metadata)
        issue(n, IssueKind::Approximated, "include_metadata",
              "kafka_headers is JSON_STRING of Flink's headers metadata (MAP<STRING, BYTES>), "
              "whose values Flink serializes as base64; the desktop runtime gives them as text",
              "read a header from kafka_headers_map['name'] (BYTES)");
    if (!errorsConnected(n) && format == "avro-confluent")
        issue(n, IssueKind::Note, "malformed-records",
              "a record that does not decode as avro-confluent (unknown schema id, bad bytes, a "
              "writer schema that does not fit) fails the Flink job (the desktop runtime counts "
              "and drops it)",
              "Flink's avro-confluent format has no ignore-parse-errors option: keep such "
              "records out of the topic");
    else if (!errorsConnected(n) && format != "raw")
        issue(n, IssueKind::Note, "malformed-records",
              "a record that does not parse as " + format +
                  " fails the Flink job (the desktop runtime counts and drops it)",
              "'" + format + ".ignore-parse-errors' = 'true' to skip such records");
}

void FlinkSqlBuilder::exportGenerator(const NodeSpec& n, const NodeType&)
{
    const Schema* s = outputSchema(n);
    if (!s) return;
    std::string kind = stringProperty(n, "kind");
    std::string stream = stringProperty(n, "nexmark_stream");
    std::vector<std::string> cols = columnDefinitions(*s);
    addWatermark(cols, n, *s);
    std::vector<WithOption> with = {{"connector", "datagen"}};
    long long rate = num(n, "events_per_second"), total = num(n, "total_events");
    if (rate > 0) with.push_back({"rows-per-second", std::to_string(rate)});
    if (total > 0) with.push_back({"number-of-rows", std::to_string(total)});
    // Keys: the column whose cardinality key_cardinality controls.
    std::string key = kind == "orders"        ? "customer_id"
                      : kind == "clickstream" ? "user_id"
                      : kind == "iot"         ? "sensor_id"
                      : stream == "person"    ? "id"
                      : stream == "auction"   ? "seller"
                                              : "bidder";
    const Field* kf = s->find(key);
    if (kf && kf->type.isIntegral()) {
        with.push_back({"fields." + key + ".min", "1"});
        with.push_back({"fields." + key + ".max", std::to_string(num(n, "key_cardinality"))});
    }
    if (!s->rowtime().empty())
        with.push_back({"fields." + s->rowtime() + ".max-past",
                        std::to_string(durationProperty(n, "out_of_orderness")) + " ms"});
    std::string name = newName(n.id);
    addStatement(createTable(name, cols, with));
    setOutput(n, Relation{name, *s, false, {}});
    noteTime(*this, n);
    reportSourceParallelism(*this, n);
    issue(n, IssueKind::Approximated, "generator",
          "Flink's datagen connector emits uniformly random values: the " + kind +
              " value distributions, key skew, duplicates, malformed records, the seed and the "
              "start time are lost; event time is the wall clock (minus up to the generated "
              "disorder)" +
              (rate == 0 ? "; rate 0 (as fast as possible) becomes datagen's default 10000 rows/s"
                         : ""),
          kind == "nexmark" ? "the Nexmark benchmark's Flink source connector ('connector' = "
                              "'nexmark'), or replay a recorded Kafka topic"
                            : "replay a recorded Kafka topic with a kafka-source");
}

void FlinkSqlBuilder::exportFileSource(const NodeSpec& n, const NodeType&)
{
    const Schema* s = outputSchema(n);
    if (!s) return;
    std::vector<std::string> cols = columnDefinitions(*s);
    addWatermark(cols, n, *s);
    std::string format = stringProperty(n, "format") == "csv" ? "csv" : "json";
    std::vector<WithOption> with = {
        {"connector", "filesystem"}, {"path", stringProperty(n, "path")}, {"format", format}};
    std::string name = newName(n.id);
    addStatement(createTable(name, cols, with));
    setOutput(n, Relation{name, *s, false, {}});
    noteTime(*this, n);
    issue(n, IssueKind::Note, "file-path",
          "the path '" + stringProperty(n, "path") +
              "' is resolved by every TaskManager (the desktop "
              "resolves it relative to the pipeline file)",
          "an absolute path on shared storage, e.g. s3://bucket/input/");
    if (format == "csv")
        issue(n, IssueKind::Approximated, "csv-header",
              "Flink's csv format has no header handling: the header line is read as a record",
              "remove the header line, or 'csv.ignore-parse-errors' = 'true'");
    if (stringProperty(n, "replay") == "event-time")
        issue(n, IssueKind::Approximated, "replay",
              "event-time paced replay has no Flink equivalent: the file is read as fast as "
              "possible (results are the same, timing is not)",
              "replay the file into a Kafka topic at the recorded pace");
    if (!errorsConnected(n))
        issue(n, IssueKind::Note, "malformed-records",
              "a line that does not parse fails the Flink job (the desktop runtime counts and "
              "drops it)",
              "'" + format + ".ignore-parse-errors' = 'true' to skip such lines");
}

} // namespace sw::runtime::exporting
