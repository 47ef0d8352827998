// Amazon Kinesis Data Streams node types: kinesis-source, kinesis-sink
// (runtime/connectors/kinesis; docs/kinesis.md).
#include "catalog/Builders.h"

namespace sw::runtime {
using namespace catalog_detail;

namespace {

std::vector<PropertySpec> streamProps()
{
    return {
        P("stream", "Stream", PropertyType::String)
            .def("")
            .required()
            .doc("Kinesis data stream name"),
        P("region", "Region", PropertyType::String)
            .def("us-east-1")
            .required()
            .doc("AWS region (signs requests; the endpoint unless overridden)"),
        P("endpoint", "Endpoint", PropertyType::String)
            .def("")
            .doc("Endpoint URL override, e.g. http://127.0.0.1:4567 for kinesalite; empty = "
                 "https://kinesis.<region>.amazonaws.com"),
        P("properties", "AWS properties", PropertyType::KeyValue)
            .def(nlohmann::json::object())
            .doc("aws.credentials.basic.accesskeyid / secretkey / sessiontoken (secret); "
                 "empty = AWS_* environment, then ~/.aws/credentials (AWS_PROFILE)")
            .advanced(),
    };
}

void checkStream(DeriveContext& ctx)
{
    const std::string stream = ctx.prop("stream").get<std::string>();
    if (stream.empty()) {
        ctx.error("stream", "a stream name is required");
        return;
    }
    for (char c : stream)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-')) {
            ctx.error("stream", "'" + stream + "' may contain only letters, digits, '_', '.', '-'");
            return;
        }
    if (stream.size() > 128) ctx.error("stream", "a stream name has at most 128 characters");
    if (ctx.prop("region").get<std::string>().empty()) ctx.error("region", "a region is required");
}

NodeType sourceType()
{
    NodeType t;
    t.name = "kinesis-source";
    t.displayName = "Kinesis Source";
    t.category = Category::Sources;
    t.icon = "kafka-source";
    t.description = "Reads every shard of an Amazon Kinesis data stream (parents before children "
                    "after resharding), positions in checkpoints. Undecodable records go to "
                    "errors.";
    t.outputs = {out(), errorsPort()};
    t.properties = streamProps();
    t.properties.push_back(P("start_position", "Start position", PropertyType::Choice)
                               .def("TRIM_HORIZON")
                               .choices({"TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"})
                               .doc("Where shards start without a checkpoint"));
    t.properties.push_back(P("start_timestamp", "Start timestamp", PropertyType::Int)
                               .def(0)
                               .range(0, 9e15)
                               .unit("ms")
                               .doc("Epoch millis for AT_TIMESTAMP")
                               .advanced());
    t.properties.push_back(P("format", "Format", PropertyType::Choice)
                               .def("json")
                               .choices({"json", "csv", "raw"})
                               .doc("How record bytes are parsed"));
    t.properties.push_back(P("schema", "Schema", PropertyType::SchemaDef)
                               .def(nlohmann::json::array())
                               .required()
                               .doc("Columns of each record (Flink SQL types)"));
    for (auto& p : watermarkProps("event_time"))
        t.properties.push_back(p);
    t.properties.push_back(P("reads_per_second", "Reads per shard", PropertyType::Int)
                               .def(5)
                               .range(1, 5)
                               .unit("GetRecords/s")
                               .doc("GetRecords calls per shard and second (Kinesis allows 5)")
                               .advanced());
    t.properties.push_back(P("records_per_get", "Records per read", PropertyType::Int)
                               .def(10000)
                               .range(1, 10000)
                               .doc("GetRecords Limit: records per call (Kinesis allows 10000)")
                               .advanced());
    t.properties.push_back(P("shard_discovery_interval", "Shard discovery", PropertyType::Duration)
                               .def("10 s")
                               .doc("How often new shards (resharding) are looked for")
                               .advanced());
    t.properties.push_back(parallelismProp());
    t.deriveSchema = [](DeriveContext& ctx) {
        checkStream(ctx);
        Schema s;
        const auto declared = ctx.prop("schema");
        if (ctx.prop("format") == "raw" && !(declared.is_array() && !declared.empty())) {
            s.add("value", DataType::string());
        } else {
            s = schemaFromProperty(ctx, "schema");
            if (ctx.prop("format") == "raw" &&
                !(s.size() == 1 && (s.fields()[0].type.kind() == TypeKind::String ||
                                    s.fields()[0].type.kind() == TypeKind::Bytes)))
                ctx.error("schema", "format raw reads the whole record into one STRING or BYTES "
                                    "column; declare one such column or none");
        }
        if (ctx.prop("start_position") == "AT_TIMESTAMP" &&
            ctx.prop("start_timestamp").get<long long>() <= 0)
            ctx.error("start_timestamp", "AT_TIMESTAMP needs a start timestamp");
        applyWatermark(ctx, s);
        ctx.setOutput(0, std::move(s));
    };
    t.flinkSql = FlinkSqlExport::KinesisSource;
    return t;
}

NodeType sinkType()
{
    NodeType t;
    t.name = "kinesis-sink";
    t.displayName = "Kinesis Sink";
    t.category = Category::Sinks;
    t.icon = "kafka-sink";
    t.description = "Writes to an Amazon Kinesis data stream with PutRecords (<= 500 records / "
                    "5 MiB), retrying only failed entries; records that keep failing go to "
                    "errors.";
    t.inputs = {in()};
    t.outputs = {errorsPort()};
    t.properties = streamProps();
    t.properties.push_back(P("format", "Format", PropertyType::Choice)
                               .def("json")
                               .choices({"json", "csv"})
                               .doc("Record encoding"));
    t.properties.push_back(
        P("partition_key_fields", "Partition key columns", PropertyType::FieldList)
            .def(nlohmann::json::array())
            .doc("Columns whose value is the partition key (equal keys, one shard, in order); "
                 "empty = a random key per record"));
    t.properties.push_back(P("shards", "Shards", PropertyType::Int)
                               .def(1)
                               .range(1, 100000)
                               .doc("Shard count of the stream (readiness report: 1 MiB/s or "
                                    "1000 records/s per shard)"));
    t.properties.push_back(P("expected_records_per_second", "Expected rate", PropertyType::Int)
                               .def(0)
                               .range(0, 1e12)
                               .unit("records/s")
                               .doc("Peak write rate for the readiness report (0 = unknown)")
                               .advanced());
    t.properties.push_back(P("expected_record_bytes", "Expected record size", PropertyType::Int)
                               .def(0)
                               .range(0, 1048576)
                               .unit("bytes")
                               .doc("Average record size for the readiness report (0 = unknown)")
                               .advanced());
    t.properties.push_back(P("max_attempts", "Max attempts", PropertyType::Int)
                               .def(8)
                               .range(1, 100)
                               .doc("PutRecords attempts per record before it goes to errors")
                               .advanced());
    t.properties.push_back(parallelismProp());
    t.deriveSchema = [](DeriveContext& ctx) {
        checkStream(ctx);
        if (const Schema* s = ctx.input(0)) checkFieldList(ctx, "partition_key_fields", *s, false);
    };
    t.sinkReplay = SinkReplay::Duplicates;
    t.flinkSql = FlinkSqlExport::KinesisSink;
    return t;
}

} // namespace

void registerKinesisTypes(std::vector<NodeType>& types)
{
    types.push_back(sourceType());
    types.push_back(sinkType());
}

} // namespace sw::runtime
