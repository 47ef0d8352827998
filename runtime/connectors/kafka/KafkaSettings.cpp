// Reading kafka-source / kafka-sink nodes into operator settings, and the catalog factories.
#include "catalog/PropertyAccess.h"
#include "connectors/PropertyReader.h"
#include "connectors/kafka/KafkaSink.h"
#include "connectors/kafka/KafkaSource.h"

namespace sw::runtime::kafka {
namespace {

Status managedProperty(const ClientConfig& cfg, const std::string& node)
{
    if (const std::string* v = cfg.find("enable.auto.commit"); v && *v != "false")
        return Status(makeError("node '" + node +
                                "': property 'properties': enable.auto.commit cannot "
                                "be enabled: offsets are committed only after results are durable "
                                "downstream"));
    if (cfg.find("group.id"))
        return Status(makeError("node '" + node +
                                "': property 'properties': set the consumer group "
                                "with 'group_id', not 'group.id'"));
    return {};
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
    s.topic = r.string("topic");
    s.groupId = r.string("group_id");
    s.partitions = static_cast<int>(r.integer("partitions"));
    std::string start = r.string("start_from");
    s.startTimestampMs = r.integer("start_timestamp");
    std::string format = r.string("format");
    s.includeMetadata = r.boolean("include_metadata");
    bool processingTime = r.string("watermark") == "processing-time";
    s.outOfOrdernessMs = r.durationMs("max_out_of_orderness");
    s.idleTimeoutMs = r.durationMs("idle_timeout");
    std::string bootstrap = r.string("bootstrap_servers");
    RegistrySettings registry;
    registry.url = r.string("schema_registry_url");
    registry.pinnedVersion = static_cast<int>(r.integer("schema_version"));
    registry.dataDirectory = spec.dataDirectory;
    nlohmann::json props = propertyValue(spec.node, "properties");
    if (!r.ok()) return r.error();
    auto fail = [&](const char* prop, const std::string& m) {
        return makeError("node '" + s.nodeId + "': property '" + prop + "': " + m,
                         std::string("/properties/") + prop);
    };
    if (s.topic.empty()) return fail("topic", "a topic is required");
    if (s.groupId.empty()) return fail("group_id", "a consumer group is required");
    if (start == "committed")
        s.startFrom = StartFrom::Committed;
    else if (start == "earliest")
        s.startFrom = StartFrom::Earliest;
    else if (start == "latest")
        s.startFrom = StartFrom::Latest;
    else if (start == "timestamp")
        s.startFrom = StartFrom::Timestamp;
    else
        return fail("start_from",
                    "'" + start + "' is not one of committed, earliest, latest, timestamp");
    if (!parseFormat(format, s.format))
        return fail("format", "'" + format + "' is not one of json, csv, raw, avro-confluent");

    if (spec.outputSchemas.empty()) return fail("schema", "no output schema");
    s.outputSchema = spec.outputSchemas[0];
    if (processingTime) s.outputSchema.setRowtime("");
    std::size_t meta = s.includeMetadata ? 6 : 0; // kafka_key .. kafka_headers
    if (s.outputSchema.size() < meta + 1) return fail("schema", "the schema has no columns");
    std::vector<Field> data(s.outputSchema.fields().begin(),
                            s.outputSchema.fields().end() - static_cast<std::ptrdiff_t>(meta));
    s.dataSchema = Schema(std::move(data));
    if (s.format == Format::AvroConfluent) {
        auto c = connectRegistry(registry);
        if (!c) return fail("schema_registry_url", c.error().message);
        if (auto st = checkPinnedVersion(**c, valueSubject(s.topic), s.dataSchema); !st)
            return fail("schema_version", st.error().message);
        s.registry = std::move(*c);
    }

    s.config = ClientConfig::defaults(ClientConfig::Role::Consumer);
    if (auto st = s.config.merge(props); !st) return fail("properties", st.error().message);
    if (auto st = managedProperty(s.config, s.nodeId); !st) return st.error();
    // Managed by the source whatever the node says (documented in KafkaSource.h).
    s.config.set("enable.auto.commit", "false");
    s.config.set("enable.auto.offset.store", "false");
    s.config.set("auto.offset.reset", "error");
    // An exactly-once pipeline reads only committed records (a node property may override).
    if (spec.delivery == DeliveryGuarantee::ExactlyOnce &&
        !(props.is_object() && props.contains("isolation.level")))
        s.config.set("isolation.level", "read_committed");

    auto ep = resolveEndpoint(bootstrap, props);
    if (!ep) return fail("bootstrap_servers", ep.error().message);
    s.endpoint = std::move(*ep);
    return s;
}

Result<std::unique_ptr<Operator>> makeKafkaSourceOperator(const OperatorSpec& spec)
{
    auto s = sourceSettings(spec);
    if (!s) return s.error();
    return makeOperator<KafkaSource>(std::move(*s));
}

Result<SinkSettings> sinkSettings(const OperatorSpec& spec)
{
    PropertyReader r(spec.node);
    SinkSettings s;
    s.nodeId = spec.node.id;
    s.subtask = spec.subtask;
    s.topic = r.string("topic");
    s.partitions = static_cast<int>(r.integer("partitions"));
    std::string format = r.string("format");
    std::vector<std::string> keys = r.stringList("key_fields");
    std::string bootstrap = r.string("bootstrap_servers");
    std::string prefix = r.string("transactional_id_prefix");
    const std::string mode = r.string("mode");
    RegistrySettings registry;
    registry.url = r.string("schema_registry_url");
    registry.dataDirectory = spec.dataDirectory;
    nlohmann::json props = propertyValue(spec.node, "properties");
    if (!r.ok()) return r.error();
    auto fail = [&](const char* prop, const std::string& m) {
        return makeError("node '" + s.nodeId + "': property '" + prop + "': " + m,
                         std::string("/properties/") + prop);
    };
    if (s.topic.empty()) return fail("topic", "a topic is required");
    if (mode != "append" && mode != "upsert") return fail("mode", "expected append or upsert");
    s.upsert = mode == "upsert";
    if (s.upsert && keys.empty())
        return fail("key_fields", "upsert mode needs the primary key columns as the message key");
    s.exactlyOnce = spec.delivery == DeliveryGuarantee::ExactlyOnce;
    if (s.exactlyOnce)
        s.transactionalId = transactionalIdFor(transactionalIdPrefix(prefix, spec.pipelineName),
                                               s.nodeId, s.subtask);
    if (!parseFormat(format, s.format) || s.format == Format::Raw)
        return fail("format", "'" + format + "' is not one of json, csv, avro-confluent");
    if (s.format == Format::AvroConfluent) {
        auto c = connectRegistry(registry);
        if (!c) return fail("schema_registry_url", c.error().message);
        s.registry = std::move(*c);
        s.subject = valueSubject(s.topic);
        s.compatibility = spec.schemaEvolution;
    }
    if (spec.inputSchemas.empty()) return fail("topic", "no input schema");
    s.inputSchema = spec.inputSchemas[0];
    for (const std::string& k : keys) {
        int i = s.inputSchema.indexOf(k);
        if (i < 0)
            return fail("key_fields",
                        "no column '" + k + "' in the input (" + s.inputSchema.toString() + ")");
        s.keyColumns.push_back(i);
    }
    s.config = ClientConfig::defaults(ClientConfig::Role::Producer);
    if (auto st = s.config.merge(props); !st) return fail("properties", st.error().message);
    auto ep = resolveEndpoint(bootstrap, props);
    if (!ep) return fail("bootstrap_servers", ep.error().message);
    s.endpoint = std::move(*ep);
    return s;
}

Result<std::unique_ptr<Operator>> makeKafkaSinkOperator(const OperatorSpec& spec)
{
    auto s = sinkSettings(spec);
    if (!s) return s.error();
    return makeOperator<KafkaSink>(std::move(*s));
}

} // namespace sw::runtime::kafka
