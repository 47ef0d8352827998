#pragma once
// Design-time validation: schema propagation through the graph and every check that does not
// need running the pipeline.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/Diagnostic.h"
#include "model/PipelineSpec.h"
#include "types/Schema.h"

namespace sw::runtime {

struct ValidationResult {
    Diagnostics diagnostics;
    /// Schema of every output port whose schema is known, keyed by (node id, port).
    std::map<std::pair<std::string, std::string>, Schema> outputSchemas;
    /// Node ids in topological order (sources first); empty when the graph has a cycle.
    std::vector<std::string> topologicalOrder;

    const Schema* schemaOf(const PortRef& output) const;
    bool ok() const { return !hasErrors(diagnostics); }
};

/// Validates structure (unknown types, dangling edges, cycles, required ports), properties,
/// schemas and expressions, event-time requirements, join keys and topic naming conventions.
ValidationResult validate(const PipelineSpec& pipeline);

/// Checks a Kafka topic name against the naming conventions (domain.entity.event,
/// cdc.database.table, metrics.service.type, commands.service.action,
/// dlq.consumer-group.topic). Returns an empty string when it conforms, else the reason.
std::string checkTopicName(const std::string& topic);

} // namespace sw::runtime
