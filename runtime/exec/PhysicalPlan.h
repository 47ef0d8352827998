#pragma once
// The physical plan: a validated pipeline with parallelism, schemas and edge partitioning
// resolved. Pure data; the engine instantiates subtasks and channels from it.
#include <string>
#include <vector>

#include "catalog/NodeType.h"
#include "exec/Partitioner.h"
#include "model/PipelineSpec.h"
#include "util/Result.h"

namespace sw::runtime {

struct PlanNode {
    const NodeSpec* spec = nullptr;
    const NodeType* type = nullptr;
    int parallelism = 1;
    std::vector<Schema> inputSchemas;  ///< by input port
    std::vector<Schema> outputSchemas; ///< by output port
    /// Sources only: a node downstream (reachable through any edge) has its errors output
    /// connected, so records keep their original bytes for its error rows (OperatorSpec).
    bool keepRawBytes = false;
};

struct PlanEdge {
    EdgeSpec spec;
    int from = 0; ///< index into PhysicalPlan::nodes
    int fromPort = 0;
    int to = 0;
    int toPort = 0;
    Partitioning partitioning = Partitioning::Forward;
    std::vector<int> keys; ///< key columns (input schema of `to`) for KeyHash
};

struct PhysicalPlan {
    std::vector<PlanNode> nodes; ///< topological order (sources first)
    std::vector<PlanEdge> edges; ///< in pipeline edge order
    int indexOf(const std::string& nodeId) const;
};

/// Validates `pipeline` and resolves the plan. Fails with the validation errors (node id and
/// message) when the pipeline is not runnable.
Result<PhysicalPlan> compilePlan(const PipelineSpec& pipeline);

/// The parallelism of `node`: its `parallelism` property, 0 = the pipeline default; node types
/// without a `parallelism` property (file sources, file/sqlite/console sinks, dlq) run with 1.
int nodeParallelism(const NodeSpec& node, const NodeType& type, int pipelineDefault);

/// Key columns (names) that partition input port `port` of `node`, or nullopt when the port is
/// not keyed. Ports are keyed by FieldList properties named `keys` (port 0), `left_keys` (port 0)
/// and `right_keys` (port 1): windows, dedup, key-by and joins. An empty key list is keyed too
/// (one group: all records reach one subtask).
std::optional<std::vector<std::string>> partitionKeys(const NodeSpec& node, const NodeType& type, int port);

} // namespace sw::runtime
