// Reading kinesis-source / kinesis-sink nodes into settings, and the catalog factories.
#include "connectors/kinesis/KinesisSettings.h"

#include "catalog/PropertyAccess.h"
#include "connectors/PropertyReader.h"
#include "connectors/kinesis/AwsCredentialChain.h"
#include "connectors/kinesis/KinesisFactories.h"
#include "connectors/kinesis/KinesisSink.h"
#include "connectors/kinesis/KinesisSource.h"

namespace sw::runtime::kinesis {
namespace {

Result<ClientOptions> clientOptions(const OperatorSpec& spec, PropertyReader& r)
{
    ClientOptions o;
    o.region = r.string("region");
    o.endpoint = r.string("endpoint");
    if (!r.ok()) return r.error();
    auto creds = resolveCredentials(propertyValue(spec.node, "properties"));
    if (!creds)
        return makeError("node '" + spec.node.id +
                             "': property 'properties': " + creds.error().message,
                         "/properties/properties");
    o.credentials = std::move(*creds);
    return o;
}

} // namespace

Result<SourceSettings> sourceSettings(const OperatorSpec& spec)
{
    PropertyReader r(spec.node);
    SourceSettings s;
    s.nodeId = spec.node.id;
    s.subtask = spec.subtask;
    s.parallelism = spec.parallelism > 0 ? spec.parallelism : 1;
    s.keepRawBytes = spec.keepRawBytes;
    s.stream = r.string("stream");
    const std::string start = r.string("start_position");
    s.startTimestampMs = r.integer("start_timestamp");
    const std::string format = r.string("format");
    const bool processingTime = r.string("watermark") == "processing-time";
    s.outOfOrdernessMs = r.durationMs("max_out_of_orderness");
    s.idleTimeoutMs = r.durationMs("idle_timeout");
    s.readsPerSecond = static_cast<int>(r.integer("reads_per_second"));
    s.discoveryIntervalMs = r.durationMs("shard_discovery_interval");
    s.recordsPerGet = static_cast<int>(r.integer("records_per_get"));
    if (!r.ok()) return r.error();
    auto fail = [&](const char* prop, const std::string& m) {
        return makeError("node '" + s.nodeId + "': property '" + prop + "': " + m,
                         std::string("/properties/") + prop);
    };
    if (s.stream.empty()) return fail("stream", "a stream name is required");
    if (start == "TRIM_HORIZON")
        s.start = StartPosition::TrimHorizon;
    else if (start == "LATEST")
        s.start = StartPosition::Latest;
    else if (start == "AT_TIMESTAMP")
        s.start = StartPosition::AtTimestamp;
    else
        return fail("start_position",
                    "'" + start + "' is not one of TRIM_HORIZON, LATEST, AT_TIMESTAMP");
    if (!kafka::parseFormat(format, s.format))
        return fail("format", "'" + format + "' is not one of json, csv, raw");
    if (s.readsPerSecond < 1 || s.readsPerSecond > 5)
        return fail("reads_per_second", "must be between 1 and 5");
    if (s.recordsPerGet < 1 || s.recordsPerGet > 10000)
        return fail("records_per_get", "must be between 1 and 10000");
    if (s.discoveryIntervalMs <= 0) s.discoveryIntervalMs = 10000;
    if (spec.outputSchemas.empty() || spec.outputSchemas[0].size() == 0)
        return fail("schema", "the schema has no columns");
    s.schema = spec.outputSchemas[0];
    if (processingTime) s.schema.setRowtime("");
    auto o = clientOptions(spec, r);
    if (!o) return o.error();
    s.client = std::move(*o);
    return s;
}

Result<SinkSettings> sinkSettings(const OperatorSpec& spec)
{
    PropertyReader r(spec.node);
    SinkSettings s;
    s.nodeId = spec.node.id;
    s.subtask = spec.subtask;
    s.stream = r.string("stream");
    const std::string format = r.string("format");
    const std::vector<std::string> keys = r.stringList("partition_key_fields");
    s.maxAttempts = static_cast<int>(r.integer("max_attempts"));
    if (!r.ok()) return r.error();
    auto fail = [&](const char* prop, const std::string& m) {
        return makeError("node '" + s.nodeId + "': property '" + prop + "': " + m,
                         std::string("/properties/") + prop);
    };
    if (s.stream.empty()) return fail("stream", "a stream name is required");
    if (!kafka::parseFormat(format, s.format) || s.format == kafka::Format::Raw)
        return fail("format", "'" + format + "' is not one of json, csv");
    if (spec.inputSchemas.empty()) return fail("stream", "no input schema");
    s.inputSchema = spec.inputSchemas[0];
    for (const std::string& k : keys) {
        const int i = s.inputSchema.indexOf(k);
        if (i < 0)
            return fail("partition_key_fields",
                        "no column '" + k + "' in the input (" + s.inputSchema.toString() + ")");
        s.keyColumns.push_back(i);
    }
    if (s.maxAttempts < 1) s.maxAttempts = 1;
    auto o = clientOptions(spec, r);
    if (!o) return o.error();
    s.client = std::move(*o);
    return s;
}

Result<std::unique_ptr<Operator>> makeKinesisSourceOperator(const OperatorSpec& spec)
{
    auto s = sourceSettings(spec);
    if (!s) return s.error();
    return makeOperator<KinesisSource>(std::move(*s));
}

Result<std::unique_ptr<Operator>> makeKinesisSinkOperator(const OperatorSpec& spec)
{
    auto s = sinkSettings(spec);
    if (!s) return s.error();
    return makeOperator<KinesisSink>(std::move(*s));
}

} // namespace sw::runtime::kinesis
