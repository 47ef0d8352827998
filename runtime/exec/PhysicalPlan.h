#pragma once
// The physical plan: a validated pipeline with parallelism, schemas and edge partitioning
// resolved. Pure data; the engine instantiates subtasks and channels from it.
#include <string>
#include <vector>

#include "catalog/NodeType.h"
#include "exec/Partitioner.h"
#include "model/PipelineSpec.h"
#include "util/Result.h"
#include "validate/Partitioning.h" // nodeParallelism, partitionKeys
#include "validate/Validator.h"

namespace sw::runtime {

struct PlanNode {
    const NodeSpec* spec = nullptr;
    const NodeType* type = nullptr;
    int parallelism = 1;
    std::vector<Schema> inputSchemas;  ///< by input port
    std::vector<Schema> outputSchemas; ///< by output port
    /// Changelog mode arriving on each input port (merged over its edges; validate/Validator.h).
    std::vector<ChangelogMode> inputChangelogs;
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
    std::vector<int> keys;   ///< key columns (input schema of `to`) for KeyHash
    ChangelogMode changelog; ///< what the edge carries: append-only, upsert (key) or retract
};

struct PhysicalPlan {
    std::vector<PlanNode> nodes; ///< topological order (sources first)
    std::vector<PlanEdge> edges; ///< in pipeline edge order
    /// The validation compilePlan ran (no errors; warnings and schemas for the caller), so
    /// nobody validates the same pipeline twice.
    ValidationResult validation;
    int indexOf(const std::string& nodeId) const;
};

/// Validates `pipeline` and resolves the plan (PlanNode::spec points into `pipeline`: keep it
/// alive as long as the plan). Fails with the validation errors (node id and
/// message) when the pipeline is not runnable.
Result<PhysicalPlan> compilePlan(const PipelineSpec& pipeline);

} // namespace sw::runtime
