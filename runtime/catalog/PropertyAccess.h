#pragma once
// Reading a node's properties: the node's own value, else the default its catalog type declares.
// The one home of property access for every layer above the catalog (validation, export,
// operators, connectors, the GUI); model/ stores only the values a node sets.
//
// Two styles: the lenient free functions for code that reads validated pipelines or only shows
// them (export, readiness checks, overlays), and PropertyReader for operator factories, which
// reports the first problem with the property name.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/PipelineSpec.h"
#include "util/Result.h"

namespace sw::runtime {

struct NodeType;

/// The value of property `name` of `node`: the node's own value, else the default of its
/// catalog type, else null (unknown type or property, or no default).
nlohmann::json propertyValue(const NodeSpec& node, std::string_view name);
/// The same with the node's type already looked up (`type` may be null).
nlohmann::json propertyValue(const NodeSpec& node, const NodeType* type, std::string_view name);

/// A string property; "" when absent or not a string.
std::string stringProperty(const NodeSpec& node, std::string_view name);
/// An integer property; `fallback` when absent or not an integer.
std::int64_t integerProperty(const NodeSpec& node, std::string_view name, std::int64_t fallback);
/// A Duration property ("5 min") in milliseconds; 0 when absent, not a string or not a
/// duration (validation reports those).
std::int64_t durationProperty(const NodeSpec& node, std::string_view name);

/// Typed access for operator factories (value or catalog default). The first problem is kept
/// and reported with the property name, so a factory reads everything and checks once:
/// `if (!props.ok()) return props.error();`.
class PropertyReader {
public:
    explicit PropertyReader(const NodeSpec& node) : m_node(node) {}

    std::string string(std::string_view name);
    std::int64_t integer(std::string_view name);
    double number(std::string_view name);
    bool boolean(std::string_view name);
    /// A Duration property ("5 s") in milliseconds.
    std::int64_t durationMs(std::string_view name);
    /// A TIMESTAMP text ("2024-01-01 00:00:00") in epoch milliseconds.
    std::int64_t timestampMs(std::string_view name);
    /// A JSON array of strings (FieldList).
    std::vector<std::string> stringList(std::string_view name);

    bool ok() const { return m_error.message.empty(); }
    /// "node 'x': property 'y': <problem>".
    Error error() const { return m_error; }
    void fail(std::string_view name, std::string message);

private:
    const NodeSpec& m_node;
    Error m_error;
};

} // namespace sw::runtime
