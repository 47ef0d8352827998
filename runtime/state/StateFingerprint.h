#pragma once
// State compatibility (Flink's state schema compatibility, per node): what a node's checkpointed
// state depends on, so a restore into a changed pipeline is refused with a message naming the
// node and what changed instead of misreading state. Computed from the NodeSpec and schemas (not
// from the catalog: the catalog does not describe state): the node type, every property that
// shapes its state (keys, window definition, aggregates, join bounds, TTL, source settings...:
// all properties except the ones listed in stateNeutralProperties()) and its input and output
// schemas. Parallelism is recorded separately (state/CheckpointStore.h NodeStateInfo).
#include <string>
#include <vector>

#include "model/PipelineSpec.h"
#include "state/CheckpointStore.h"
#include "types/Schema.h"

namespace sw::runtime {

/// Properties whose change never invalidates state (rates, pacing, parallelism, timeouts).
const std::vector<std::string>& stateNeutralProperties();

/// The compatibility description and fingerprint of `node` with these schemas.
NodeStateInfo nodeStateInfo(const NodeSpec& node, int parallelism,
                            const std::vector<Schema>& inputs, const std::vector<Schema>& outputs);

/// "" when `saved` (from a checkpoint) and `now` describe compatible state, else what changed
/// ("property 'size': "1 min" -> "2 min"; input schema 0 ...").
std::string describeStateChange(const NodeStateInfo& saved, const NodeStateInfo& now);

} // namespace sw::runtime
