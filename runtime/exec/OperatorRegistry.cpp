#include "exec/OperatorRegistry.h"

// The engine is the composition root of the operator implementations: the two includes below
// are the only places exec/ names the folders above it (tests/runtime/tst_layering.cpp).
#include "connectors/ConnectorFactories.h" // layering: the engine assembles the built-in connectors
#include "operators/OperatorFactories.h"   // layering: the engine assembles the built-in operators

namespace sw::runtime {

void OperatorRegistry::add(std::string type, OperatorFactory factory)
{
    m_factories[std::move(type)] = std::move(factory);
}

const OperatorFactory* OperatorRegistry::find(std::string_view type) const
{
    auto it = m_factories.find(type);
    return it == m_factories.end() || !it->second ? nullptr : &it->second;
}

const OperatorRegistry& builtinOperators()
{
    static const OperatorRegistry registry = [] {
        OperatorRegistry r;
        registerOperatorFactories(r);
        registerConnectorFactories(r);
        return r;
    }();
    return registry;
}

} // namespace sw::runtime
