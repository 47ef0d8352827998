#pragma once
// Which subtasks a node runs and how its inputs are partitioned: shared by the validator (edge
// partitioning checks) and the physical plan.
#include <optional>
#include <string>
#include <vector>

#include "catalog/NodeType.h"
#include "model/PipelineSpec.h"

namespace sw::runtime {

/// The parallelism of `node`: its `parallelism` property, 0 = the pipeline default; node types
/// without a `parallelism` property (file sources, file/sqlite/console sinks, dlq) run with 1.
int nodeParallelism(const NodeSpec& node, const NodeType& type, int pipelineDefault);

/// Key columns (names) that partition input port `port` of `node`, or nullopt when the port is
/// not keyed. Ports are keyed by FieldList properties named `keys` (port 0), `left_keys` (port 0)
/// and `right_keys` (port 1): windows, dedup, key-by and joins. An empty key list is keyed too
/// (one group: all records reach one subtask).
std::optional<std::vector<std::string>> partitionKeys(const NodeSpec& node, const NodeType& type,
                                                      int port);

} // namespace sw::runtime
