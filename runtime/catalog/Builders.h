#pragma once
// Small helpers to declare node types concisely (catalog/*Types.cpp only).
#include "catalog/Catalog.h"
#include "types/Duration.h"

namespace sw::runtime::catalog_detail {

/// Fluent PropertySpec builder: P("size", "Size", PropertyType::Duration).def("5 min").doc("...")
struct P {
    PropertySpec s;
    P(std::string name, std::string label, PropertyType t)
    {
        s.name = std::move(name);
        s.label = std::move(label);
        s.type = t;
    }
    P& def(nlohmann::json v) { s.defaultValue = std::move(v); return *this; }
    P& range(double lo, double hi) { s.min = lo; s.max = hi; return *this; }
    P& unit(std::string u) { s.unit = std::move(u); return *this; }
    P& doc(std::string d) { s.doc = std::move(d); return *this; }
    P& required() { s.required = true; return *this; }
    P& choices(std::vector<std::string> c) { s.choices = std::move(c); return *this; }
    P& port(int p) { s.port = p; return *this; }
    P& advanced() { s.advanced = true; return *this; }
    operator PropertySpec() const { return s; }
};

PortSpec in(std::string name = "in", bool multiple = false);
PortSpec out(std::string name = "out");
PortSpec errorsPort();

/// The `parallelism` property every processing node has (0 = pipeline default).
PropertySpec parallelismProp();
/// timestamp_column, watermark, max_out_of_orderness, idle_timeout for sources.
std::vector<PropertySpec> watermarkProps(std::string defaultTimestampColumn);
/// schema_registry_url (and, for sources, schema_version) of Kafka nodes with format
/// avro-confluent (defined in SourceTypes.cpp).
std::vector<PropertySpec> schemaRegistryProps(bool source);
/// partitions, replication_factor, retention, cleanup_policy for a Kafka topic a node owns.
std::vector<PropertySpec> topicProps(int defaultPartitions);
/// Applies a source's watermark properties to its output schema (sets rowtime) and checks them.
void applyWatermark(DeriveContext& ctx, Schema& schema);
/// Parses a SchemaDef property value into a Schema; reports problems on `property`.
Schema schemaFromProperty(DeriveContext& ctx, const std::string& property);
/// Checks that every name in a FieldList property exists in `input`; returns their indices.
std::vector<int> checkFieldList(DeriveContext& ctx, const std::string& property, const Schema& input,
                                bool requireNonEmpty);
/// Duration property in ms (reports unparsable values).
std::int64_t durationProp(DeriveContext& ctx, const std::string& property);
/// True when `name` is a valid column identifier ([A-Za-z_][A-Za-z0-9_]*).
bool isIdentifier(std::string_view name);

} // namespace sw::runtime::catalog_detail
