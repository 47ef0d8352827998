#pragma once
#include <string_view>
#include <vector>

#include "catalog/NodeType.h"

namespace sw::runtime {

/// The node catalog: the one registry of node types. Immutable after construction.
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

// Registration, one function per category (catalog/*Types.cpp).
void registerSourceTypes(std::vector<NodeType>& out);
void registerTransformTypes(std::vector<NodeType>& out);
void registerWindowTypes(std::vector<NodeType>& out);
void registerJoinTypes(std::vector<NodeType>& out);
void registerQualityTypes(std::vector<NodeType>& out);
void registerSinkTypes(std::vector<NodeType>& out);

} // namespace sw::runtime
