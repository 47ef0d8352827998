#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/PropertySpec.h"
#include "exec/OperatorFactory.h"
#include "model/PipelineSpec.h"
#include "types/Schema.h"
#include "validate/Diagnostic.h"

namespace sw::runtime {

enum class Category { Sources, Transforms, Windows, Joins, Quality, Sinks };
std::string_view toString(Category c);

struct PortSpec {
    std::string name;
    bool multiple = false; ///< input accepts several edges (union, dlq)
    bool errors = false;   ///< the `errors` output (schema: errorSchema())
    std::string doc;
};

/// What a node type's schema derivation sees and reports.
class DeriveContext {
public:
    DeriveContext(const NodeSpec& node, std::vector<const Schema*> inputs, std::size_t outputs)
        : m_node(node), m_inputs(std::move(inputs)), m_outputs(outputs)
    {
    }
    const NodeSpec& node() const { return m_node; }
    /// Schema arriving on input port i, or nullptr when unconnected/unknown.
    const Schema* input(std::size_t i) const { return i < m_inputs.size() ? m_inputs[i] : nullptr; }
    std::size_t inputCount() const { return m_inputs.size(); }
    /// Property value or the catalog default.
    nlohmann::json prop(std::string_view name) const { return m_node.property(name); }

    void setOutput(std::size_t i, Schema s) { m_outputs[i] = std::move(s); }
    std::vector<Schema>& outputs() { return m_outputs; }
    void error(std::string property, std::string message, int column = 0)
    {
        m_diags.push_back({Severity::Error, m_node.id, std::move(property), std::move(message), column});
    }
    void warning(std::string property, std::string message)
    {
        m_diags.push_back({Severity::Warning, m_node.id, std::move(property), std::move(message), 0});
    }
    Diagnostics& diagnostics() { return m_diags; }

private:
    const NodeSpec& m_node;
    std::vector<const Schema*> m_inputs;
    std::vector<Schema> m_outputs;
    Diagnostics m_diags;
};

/// Fills ctx's output schemas (the `errors` output is filled by the caller) and reports
/// design-time problems of this node (bad references, type errors).
using DeriveSchemaFn = std::function<void(DeriveContext& ctx)>;

/// One node type: the single description every layer reads (palette, property editor,
/// validator, runtime, exporters).
struct NodeType {
    std::string name;        ///< "tumbling-window"
    std::string displayName; ///< "Tumbling Window"
    Category category = Category::Transforms;
    std::string icon;        ///< icon resource name, ":/icons/<icon>.svg"
    std::string description; ///< one or two sentences for tooltips and docs
    std::vector<PortSpec> inputs;
    std::vector<PortSpec> outputs;
    std::vector<PropertySpec> properties;
    DeriveSchemaFn deriveSchema;
    /// Builds the runtime operator of one subtask (exec/Operator.h); empty when the engine cannot
    /// run this type yet (start() then fails naming the node).
    OperatorFactory createOperator;

    bool isSource() const { return inputs.empty(); }
    bool isSink() const;
    const PropertySpec* findProperty(std::string_view n) const;
    int inputIndex(std::string_view port) const;  ///< -1 when absent
    int outputIndex(std::string_view port) const; ///< -1 when absent
};

/// Schema of every `errors` output: one row per record a node could not process.
const Schema& errorSchema();

} // namespace sw::runtime
