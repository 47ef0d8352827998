#pragma once
#include <string_view>
#include <vector>

#include "catalog/NodeType.h"

namespace sw::runtime {

/// The node catalog: the one registry of node types. Immutable after construction. It describes
/// the types and knows no implementation: operators register their factories with the engine
/// (exec/OperatorRegistry.h), and the exporters dispatch on the types' traits.
class Catalog {
public:
    static const Catalog& instance();

    const std::vector<NodeType>& types() const { return m_types; }
    const NodeType* find(std::string_view name) const;

    /// Computes the output schemas of `node` given its input schemas (by input port order).
    /// Appends design-time problems of the node to `diags`.
    std::vector<Schema> deriveSchemas(const NodeSpec& node, const std::vector<const Schema*>& inputs,
                                      Diagnostics& diags) const;

private:
    Catalog();
    std::vector<NodeType> m_types;
};

/// The catalog type of `node`, or nullptr for an unknown type.
const NodeType* nodeTypeOf(const NodeSpec& node);
/// The node's Kafka role (NodeType::kafkaRoleOf); None for an unknown type.
KafkaRole kafkaRoleOf(const NodeSpec& node);

// Registration, one function per category (catalog/*Types.cpp).
void registerSourceTypes(std::vector<NodeType>& out);
void registerTransformTypes(std::vector<NodeType>& out);
void registerWindowTypes(std::vector<NodeType>& out);
void registerJoinTypes(std::vector<NodeType>& out);
void registerQualityTypes(std::vector<NodeType>& out);
void registerSinkTypes(std::vector<NodeType>& out);
void registerKinesisTypes(std::vector<NodeType>& out); // catalog/KinesisTypes.cpp

} // namespace sw::runtime
