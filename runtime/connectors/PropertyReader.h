#pragma once
// Typed access to a node's properties (value or catalog default) for operator factories. The
// first problem is kept and reported with the property name, so a factory reads everything and
// checks once: `if (!props.ok()) return props.error();`.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/PipelineSpec.h"
#include "util/Result.h"

namespace sw::runtime {

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

/// Resolves `path` against `baseDir` unless it is absolute or baseDir is empty.
std::string resolvePath(const std::string& baseDir, const std::string& path);

} // namespace sw::runtime
