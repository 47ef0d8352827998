#pragma once
// Design-time validation: schema propagation through the graph and every check that does not
// need running the pipeline.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/Diagnostic.h"
#include "model/PipelineSpec.h"
#include "types/RowKind.h"
#include "types/Schema.h"

namespace sw::runtime {

struct ValidationResult {
    Diagnostics diagnostics;
    /// Schema of every output port whose schema is known, keyed by (node id, port).
    std::map<std::pair<std::string, std::string>, Schema> outputSchemas;
    /// Node ids in topological order (sources first); empty when the graph has a cycle.
    std::vector<std::string> topologicalOrder;
    /// Changelog mode of every output port (Flink's planner rules, catalog/ChangelogRules.h),
    /// keyed by (node id, port); ports without an entry are append-only.
    std::map<std::pair<std::string, std::string>, ChangelogMode> changelogs;

    const Schema* schemaOf(const PortRef& output) const;
    /// The changelog mode of an output port (append-only when unknown).
    const ChangelogMode& changelogOf(const PortRef& output) const;
    bool ok() const { return !hasErrors(diagnostics); }
};

/// Merges the changelogs of several edges into one input port (UNION ALL): append when all are,
/// upsert when all are upserts on the same key, else retract.
ChangelogMode mergeChangelogs(const std::vector<ChangelogMode>& modes);

/// Validates structure (unknown types, dangling edges, cycles, required ports), properties,
/// schemas and expressions, event-time requirements, join keys and topic naming conventions.
ValidationResult validate(const PipelineSpec& pipeline);

/// Checks a Kafka topic name against the naming conventions (domain.entity.event,
/// cdc.database.table, metrics.service.type, commands.service.action,
/// dlq.consumer-group.topic). Returns an empty string when it conforms, else the reason.
std::string checkTopicName(const std::string& topic);

} // namespace sw::runtime
