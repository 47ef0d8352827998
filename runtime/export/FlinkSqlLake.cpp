// lake-sink -> the 'filesystem' connector, partitioned by event time: one STRING partition
// column per directory level, computed with DATE_FORMAT from the event-time column, Flink's
// default partition time extractor reading the time back from them, partition commit on
// watermarks (success files) and the rolling policy from roll_size / roll_interval.
#include "catalog/PropertyAccess.h"
#include "export/FlinkSqlBuilder.h"
#include "export/SqlText.h"
#include "time/PartitionPattern.h"
#include "types/Duration.h"

namespace sw::runtime::exporting {
namespace {

using Field = PartitionPattern::Field;

/// The Java DateTimeFormatter pattern of a directory level's value: the braces' text of a
/// Hive segment, else the whole segment with literals quoted.
std::string javaPattern(const PartitionPattern::Segment& s)
{
    if (!s.hiveName.empty()) return s.hiveFormat;
    std::string out;
    for (const auto& p : s.pieces)
        out += p.field ? p.text : "'" + p.text + "'";
    return out;
}

/// Flink MemorySize text: "128mb", "64kb" or bytes.
std::string memorySize(std::int64_t bytes)
{
    if (bytes % (1 << 20) == 0) return std::to_string(bytes >> 20) + "mb";
    if (bytes % (1 << 10) == 0) return std::to_string(bytes >> 10) + "kb";
    return std::to_string(bytes) + "b";
}

/// How long a partition spans (the commit delay after its start).
std::string partitionSpan(Field finest)
{
    switch (finest) {
    case Field::Minute:
        return "1 min";
    case Field::Hour:
        return "1 h";
    case Field::Day:
        return "1 d";
    case Field::Month:
        return "31 d";
    case Field::Year:
        return "366 d";
    }
    return "1 d";
}

/// The timestamp the partition columns spell, completed so Flink's default extractor parses
/// it (LocalDateTime, or a LocalDate at midnight).
std::pair<std::string, std::string> extractor(const std::vector<std::string>& cols,
                                              const PartitionPattern& pattern)
{
    std::string ts, fmt;
    for (std::size_t i = 0; i < cols.size(); ++i) {
        ts += (i ? " $" : "$") + cols[i];
        fmt += (i ? " " : "") + javaPattern(pattern.segments()[i]);
    }
    switch (pattern.finest()) {
    case Field::Hour:
        ts += ":00", fmt += ":mm";
        break;
    case Field::Month:
        ts += " 01", fmt += " dd";
        break;
    case Field::Year:
        ts += " 01 01", fmt += " MM dd";
        break;
    default:
        break;
    }
    return {ts, fmt};
}

/// The filesystem connector's options of a lake sink with partition columns `cols`.
std::vector<WithOption> lakeOptions(const NodeSpec& n, const PartitionPattern& pattern,
                                    const std::vector<std::string>& cols)
{
    const bool avro = stringProperty(n, "format") == "avro";
    std::vector<WithOption> with = {{"connector", "filesystem"},
                                    {"path", stringProperty(n, "path")},
                                    {"format", avro ? "avro" : "json"}};
    if (avro) with.push_back({"avro.codec", "deflate"});
    if (!cols.empty()) {
        auto [ts, fmt] = extractor(cols, pattern);
        with.push_back({"partition.time-extractor.kind", "default"});
        with.push_back({"partition.time-extractor.timestamp-pattern", ts});
        with.push_back({"partition.time-extractor.timestamp-formatter", fmt});
        with.push_back({"sink.partition-commit.trigger", "partition-time"});
        with.push_back({"sink.partition-commit.delay", partitionSpan(pattern.finest())});
        with.push_back({"sink.partition-commit.watermark-time-zone", "UTC"});
        with.push_back({"sink.partition-commit.policy.kind", "success-file"});
    }
    const std::int64_t rollMs = propertyValue(n, "roll_interval").is_string()
                                    ? parseDuration(stringProperty(n, "roll_interval")).value_or(0)
                                    : 0;
    with.push_back({"sink.rolling-policy.file-size",
                    memorySize(propertyValue(n, "roll_size").get<std::int64_t>())});
    if (rollMs > 0) {
        with.push_back({"sink.rolling-policy.rollover-interval", formatDuration(rollMs)});
        if (rollMs < 60000)
            with.push_back({"sink.rolling-policy.check-interval", formatDuration(rollMs)});
    }
    auto v = propertyValue(n, "parallelism");
    if (v.is_number_integer() && v.get<int>() > 0)
        with.push_back({"sink.parallelism", std::to_string(v.get<int>())});

    return with;
}

} // namespace

void FlinkSqlBuilder::exportLakeSink(const NodeSpec& n, const NodeType& t)
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
    auto pattern = PartitionPattern::parse(stringProperty(n, "partition_pattern"));
    if (!pattern) return; // the validator reported it
    // The event time the runtime partitions by: the rowtime column, or a window's result time.
    std::string time;
    if (!in->schema.rowtime().empty())
        time = quoteIdent(in->schema.rowtime());
    else if (in->schema.find("window_end"))
        time = quoteIdent("window_end") + " - INTERVAL '0.001' SECOND";
    if (time.empty() && !pattern->empty()) {
        issue(n, IssueKind::NotExportable, "partition-time",
              "the input has no event-time column to compute the partition directories from",
              "a watermark (timestamp_column) on the source");
        skip(n);
        return;
    }
    std::vector<std::string> cols, values;
    bool renamed = false;
    for (std::size_t i = 0; i < pattern->segments().size(); ++i) {
        const auto& seg = pattern->segments()[i];
        std::string col = seg.hiveName.empty() ? "part" + std::to_string(i + 1) : seg.hiveName;
        renamed = renamed || seg.hiveName.empty();
        if (in->schema.find(col)) {
            issue(n, IssueKind::NotExportable, "partition-column",
                  "the partition column '" + col + "' is also a column of the input",
                  "rename the column with a map, or the directory level in partition_pattern");
            skip(n);
            return;
        }
        cols.push_back(col);
        values.push_back("DATE_FORMAT(" + time + ", " + sqlString(javaPattern(seg)) + ") AS " +
                         quoteIdent(col));
    }
    const bool avro = stringProperty(n, "format") == "avro";
    const std::vector<WithOption> with = lakeOptions(n, *pattern, cols);
    std::vector<std::string> lines = columnDefinitions(in->schema);
    std::string partitioned;
    for (const auto& c : cols) {
        lines.push_back(quoteIdent(c) + " STRING");
        partitioned += (partitioned.empty() ? "" : ", ") + quoteIdent(c);
    }
    std::string name = newName(n.id);
    std::string sql = createTable(name, lines, with);
    if (!cols.empty())
        sql.replace(sql.find(") WITH ("), 8, ") PARTITIONED BY (" + partitioned + ") WITH (");
    addStatement(sql);
    std::string select = columnList(in->schema);
    for (const auto& e : values)
        select += ", " + e;
    addInsert("INSERT INTO " + name + "\nSELECT " + select + " FROM " + in->name);

    if (!avro)
        issue(n, IssueKind::Approximated, "compression",
              "Flink's filesystem json format writes uncompressed JSON Lines; the runtime writes "
              "gzip (.jsonl.gz)",
              "format avro (deflate), or compress the finished files in a partition-commit policy");
    if (renamed)
        issue(n, IssueKind::Approximated, "partition-directories",
              "Flink's filesystem sink writes Hive-style name=value directories: '" +
                  pattern->text() + "' levels without a name are written as part1=..., part2=...",
              "name each level in partition_pattern (e.g. dt={yyyy-MM-dd}/hr={HH})");
    issue(n, IssueKind::Note, "lake-files",
          "part files are named part-<uuid>-<subtask>-<n> by Flink (part-<subtask>-<n>.avro or "
          ".jsonl.gz here); a partition gets a _SUCCESS file once the watermark passes its end",
          "point 'path' at shared storage (e.g. s3://bucket/archive/)");
}

} // namespace sw::runtime::exporting
