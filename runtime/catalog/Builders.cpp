#include "catalog/Builders.h"

#include <cctype>
#include <set>

namespace sw::runtime::catalog_detail {

PortSpec in(std::string name, bool multiple) { return PortSpec{std::move(name), multiple, false, {}}; }
PortSpec out(std::string name) { return PortSpec{std::move(name), false, false, {}}; }
PortSpec errorsPort()
{
    return PortSpec{"errors", false, true,
                    "Records this node could not process, with error metadata (to a DLQ node)"};
}

PropertySpec parallelismProp()
{
    return P("parallelism", "Parallelism", PropertyType::Int)
        .def(0)
        .range(0, 256)
        .unit("subtasks")
        .doc("Parallel subtasks of this node; 0 uses the pipeline's default parallelism")
        .advanced();
}

std::vector<PropertySpec> watermarkProps(std::string defaultTimestampColumn)
{
    return {
        P("timestamp_column", "Event-time column", PropertyType::String)
            .def(std::move(defaultTimestampColumn))
            .doc("TIMESTAMP(3) column that carries event time (the rowtime attribute)"),
        P("watermark", "Watermark strategy", PropertyType::Choice)
            .def("bounded-out-of-orderness")
            .choices({"bounded-out-of-orderness", "processing-time"})
            .doc("Event time with a bounded out-of-orderness watermark, or processing time"),
        P("max_out_of_orderness", "Max out-of-orderness", PropertyType::Duration)
            .def("5 s")
            .doc("Watermark = max event time seen - this bound - 1 ms"),
        P("idle_timeout", "Idle timeout", PropertyType::Duration)
            .def("0 ms")
            .doc("Mark the source idle after this long without records (0 = never)")
            .advanced(),
    };
}

std::vector<PropertySpec> topicProps(int defaultPartitions)
{
    return {
        P("partitions", "Partitions", PropertyType::Int)
            .def(defaultPartitions)
            .range(1, 10000)
            .doc("Partition count of the topic (topic plan, embedded broker)"),
        P("replication_factor", "Replication factor", PropertyType::Int)
            .def(3)
            .range(1, 10)
            .doc("Replication factor in the topic plan (the embedded broker uses 1)")
            .advanced(),
        P("retention", "Retention", PropertyType::String)
            .def("")
            .doc("Topic retention, e.g. '7 d', 'infinite'; empty = the naming convention's default")
            .advanced(),
        P("cleanup_policy", "Cleanup policy", PropertyType::Choice)
            .def("default")
            .choices({"default", "delete", "compact"})
            .doc("Topic cleanup policy; 'default' follows the naming convention")
            .advanced(),
    };
}

std::int64_t durationProp(DeriveContext& ctx, const std::string& property)
{
    auto v = ctx.prop(property);
    if (!v.is_string()) return 0;
    std::string err;
    auto d = parseDuration(v.get<std::string>(), &err);
    if (!d) {
        ctx.error(property, err);
        return 0;
    }
    return *d;
}

void applyWatermark(DeriveContext& ctx, Schema& schema)
{
    if (ctx.prop("watermark") != "bounded-out-of-orderness") return;
    std::string col = ctx.prop("timestamp_column").get<std::string>();
    if (col.empty()) {
        ctx.error("timestamp_column", "an event-time watermark needs a timestamp column");
        return;
    }
    const Field* f = schema.find(col);
    if (!f) {
        ctx.error("timestamp_column", "column '" + col + "' is not in the schema");
        return;
    }
    if (f->type.kind() != TypeKind::Timestamp) {
        ctx.error("timestamp_column", "column '" + col + "' is " + f->type.toString() +
                                          ", an event-time column must be TIMESTAMP(3)");
        return;
    }
    if (durationProp(ctx, "max_out_of_orderness") < 0)
        ctx.error("max_out_of_orderness", "must not be negative");
    if (durationProp(ctx, "idle_timeout") < 0) ctx.error("idle_timeout", "must not be negative");
    schema.setRowtime(col);
}

bool isIdentifier(std::string_view n)
{
    if (n.empty() || !(std::isalpha(static_cast<unsigned char>(n[0])) || n[0] == '_')) return false;
    for (char c : n)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return true;
}

Schema schemaFromProperty(DeriveContext& ctx, const std::string& property)
{
    Schema s;
    auto v = ctx.prop(property);
    if (!v.is_array() || v.empty()) {
        ctx.error(property, "define at least one column");
        return s;
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto& c = v[i];
        std::string where = property + "[" + std::to_string(i) + "]";
        if (!c.is_object() || !c.contains("name") || !c["name"].is_string() || !c.contains("type") ||
            !c["type"].is_string()) {
            ctx.error(property, where + ": expected {\"name\": ..., \"type\": ...}");
            continue;
        }
        std::string name = c["name"].get<std::string>();
        if (!isIdentifier(name)) {
            ctx.error(property, where + ": '" + name + "' is not a valid column name");
            continue;
        }
        if (!seen.insert(name).second) {
            ctx.error(property, where + ": duplicate column '" + name + "'");
            continue;
        }
        std::string err;
        auto t = DataType::parse(c["type"].get<std::string>(), &err);
        if (!t) {
            ctx.error(property, where + ": " + err);
            continue;
        }
        s.add(name, *t);
    }
    return s;
}

std::vector<int> checkFieldList(DeriveContext& ctx, const std::string& property, const Schema& input,
                                bool requireNonEmpty)
{
    std::vector<int> idx;
    auto v = ctx.prop(property);
    if (!v.is_array() || v.empty()) {
        if (requireNonEmpty) ctx.error(property, "choose at least one column");
        return idx;
    }
    for (const auto& f : v) {
        if (!f.is_string()) continue;
        std::string name = f.get<std::string>();
        int i = input.indexOf(name);
        if (i < 0) ctx.error(property, "unknown column '" + name + "' (input has: " + input.toString() + ")");
        else idx.push_back(i);
    }
    return idx;
}

} // namespace sw::runtime::catalog_detail
