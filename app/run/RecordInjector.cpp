#include "run/RecordInjector.h"

#include "exec/PhysicalPlan.h"

namespace sw::app {

runtime::Result<runtime::PortRef> EngineInjector::portOf(const std::string& nodeId,
                                                         int inputPort) const
{
    const runtime::PhysicalPlan* plan = m_engine.plan();
    const int idx = plan ? plan->indexOf(nodeId) : -1;
    if (idx < 0) return runtime::makeError("node '" + nodeId + "' is not in the running pipeline");
    const runtime::NodeType& type = *plan->nodes[static_cast<std::size_t>(idx)].type;
    if (type.isSource()) {
        if (type.outputs.empty()) return runtime::makeError(nodeId + " has no output");
        return runtime::PortRef{nodeId, type.outputs.front().name};
    }
    if (inputPort < 0 || static_cast<std::size_t>(inputPort) >= type.inputs.size())
        return runtime::makeError(nodeId + ": no input port " + std::to_string(inputPort));
    return runtime::PortRef{nodeId, type.inputs[static_cast<std::size_t>(inputPort)].name};
}

runtime::Status EngineInjector::inject(const std::string& nodeId, int inputPort,
                                       std::vector<runtime::Record> records)
{
    if (!m_active) return runtime::makeError("no pipeline is running");
    auto port = portOf(nodeId, inputPort);
    if (!port) return port.error();
    return m_engine.inject(*port, std::move(records));
}

const runtime::Schema* EngineInjector::injectionSchema(const std::string& nodeId,
                                                       int inputPort) const
{
    auto port = portOf(nodeId, inputPort);
    return port ? m_engine.injectionSchema(*port) : nullptr;
}

bool EngineInjector::isSource(const std::string& nodeId) const
{
    const runtime::PhysicalPlan* plan = m_engine.plan();
    const int idx = plan ? plan->indexOf(nodeId) : -1;
    return idx >= 0 && plan->nodes[static_cast<std::size_t>(idx)].type->isSource();
}

} // namespace sw::app
