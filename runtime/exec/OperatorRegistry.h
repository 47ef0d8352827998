#pragma once
// Which operator implements each node type: the engine's table of operator factories, keyed by
// catalog type name (Flink's factory discovery by identifier). The catalog only describes node
// types; the folders that implement them register here:
//   operators/OperatorFactories.h   registerOperatorFactories(OperatorRegistry&)
//   connectors/ConnectorFactories.h registerConnectorFactories(OperatorRegistry&)
// builtinOperators() is built once from both; EngineOptions::operatorOverrides still replaces
// the operator of a single node.
#include <map>
#include <string>
#include <string_view>

#include "exec/OperatorFactory.h"

namespace sw::runtime {

class OperatorRegistry {
public:
    /// Registers the factory of node type `type`; a second registration of a type replaces it.
    void add(std::string type, OperatorFactory factory);
    /// The factory of `type`, or nullptr when the engine cannot run that type.
    const OperatorFactory* find(std::string_view type) const;
    std::size_t size() const { return m_factories.size(); }

private:
    std::map<std::string, OperatorFactory, std::less<>> m_factories;
};

/// Every built-in operator and connector, registered once on first use (thread-safe, immutable
/// afterwards).
const OperatorRegistry& builtinOperators();

} // namespace sw::runtime
