#include "modelview/PipelineModel.h"

#include "catalog/Catalog.h"

namespace sw::widgets {

const runtime::Schema* PipelineModel::inputSchema(const std::string& nodeId, int port) const
{
    const runtime::NodeSpec* n = node(nodeId);
    if (!n || port < 0) return nullptr;
    const runtime::NodeType* t = runtime::Catalog::instance().find(n->type);
    if (!t || port >= static_cast<int>(t->inputs.size())) return nullptr;
    auto in = pipeline().edgesInto(nodeId, t->inputs[static_cast<std::size_t>(port)].name);
    if (in.empty()) return nullptr;
    return validation().schemaOf(in.front()->from);
}

std::vector<runtime::Diagnostic> PipelineModel::diagnosticsFor(const std::string& nodeId) const
{
    std::vector<runtime::Diagnostic> out;
    for (const auto& d : validation().diagnostics)
        if (d.nodeId == nodeId) out.push_back(d);
    return out;
}

} // namespace sw::widgets
