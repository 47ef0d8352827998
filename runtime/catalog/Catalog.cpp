#include "catalog/Catalog.h"

#include <algorithm>

namespace sw::runtime {

std::string_view toString(Category c)
{
    switch (c) {
    case Category::Sources: return "Sources";
    case Category::Transforms: return "Transforms";
    case Category::Windows: return "Windows";
    case Category::Joins: return "Joins";
    case Category::Quality: return "Quality";
    case Category::Sinks: return "Sinks";
    }
    return "Transforms";
}

bool NodeType::isSink() const
{
    return std::none_of(outputs.begin(), outputs.end(), [](const PortSpec& p) { return !p.errors; });
}

KafkaRole NodeType::kafkaRoleOf(const NodeSpec& node) const
{
    if (kafka == KafkaRole::None || (kafkaWhen && !kafkaWhen(node))) return KafkaRole::None;
    return kafka;
}

const PropertySpec* NodeType::findProperty(std::string_view n) const
{
    for (const auto& p : properties)
        if (p.name == n) return &p;
    return nullptr;
}

int NodeType::inputIndex(std::string_view port) const
{
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (inputs[i].name == port) return static_cast<int>(i);
    return -1;
}

int NodeType::outputIndex(std::string_view port) const
{
    for (std::size_t i = 0; i < outputs.size(); ++i)
        if (outputs[i].name == port) return static_cast<int>(i);
    return -1;
}

const Schema& errorSchema()
{
    static const Schema s({
        {"error_time", DataType::timestamp().withNullable(false)},
        {"node_id", DataType::string().withNullable(false)},
        {"error_class", DataType::string().withNullable(false)},
        {"message", DataType::string().withNullable(false)},
        {"source_topic", DataType::string()},
        {"source_partition", DataType::int32()},
        {"source_offset", DataType::bigint()},
        {"source_file", DataType::string()},
        {"source_line", DataType::bigint()},
        {"raw_key", DataType::bytes()},
        {"raw_value", DataType::bytes()},
        {"record", DataType::string()},
        // Kafka message headers of the original record (JSON, see rawHeadersToJson) and its
        // message timestamp. Appended last so older DLQ tables gain them by ALTER TABLE.
        {"raw_headers", DataType::string()},
        {"raw_timestamp", DataType::timestamp()},
    });
    return s;
}

Catalog::Catalog()
{
    registerSourceTypes(m_types);
    registerTransformTypes(m_types);
    registerWindowTypes(m_types);
    registerJoinTypes(m_types);
    registerQualityTypes(m_types);
    registerSinkTypes(m_types);
    registerKinesisTypes(m_types);
}

const Catalog& Catalog::instance()
{
    static const Catalog c;
    return c;
}

const NodeType* Catalog::find(std::string_view name) const
{
    for (const auto& t : m_types)
        if (t.name == name) return &t;
    return nullptr;
}

const NodeType* nodeTypeOf(const NodeSpec& node)
{
    return Catalog::instance().find(node.type);
}

KafkaRole kafkaRoleOf(const NodeSpec& node)
{
    const NodeType* t = nodeTypeOf(node);
    return t ? t->kafkaRoleOf(node) : KafkaRole::None;
}

std::vector<Schema> Catalog::deriveSchemas(const NodeSpec& node,
                                           const std::vector<const Schema*>& inputs,
                                           Diagnostics& diags) const
{
    const NodeType* t = find(node.type);
    if (!t) return {};
    DeriveContext ctx(node, inputs, t->outputs.size());
    if (t->deriveSchema) t->deriveSchema(ctx);
    for (std::size_t i = 0; i < t->outputs.size(); ++i)
        if (t->outputs[i].errors) ctx.setOutput(i, errorSchema());
    diags.insert(diags.end(), ctx.diagnostics().begin(), ctx.diagnostics().end());
    return std::move(ctx.outputs());
}

} // namespace sw::runtime
