// The operators this folder implements, by catalog node type.
#include "exec/OperatorRegistry.h"
#include "operators/OperatorFactories.h"

namespace sw::runtime {

void registerOperatorFactories(OperatorRegistry& registry)
{
    registry.add("filter", makeFilterOperator);
    registry.add("map", makeMapOperator);
    registry.add("key-by", makePassThroughOperator);
    registry.add("union", makePassThroughOperator);
    registry.add("dedup", makeDedupOperator);
    for (const char* window : {"tumbling-window", "hop-window", "session-window", "global-window"})
        registry.add(window, makeWindowOperator);
    registry.add("interval-join", makeIntervalJoinOperator);
    registry.add("aggregate", makeGroupAggregateOperator);
    registry.add("join", makeRegularJoinOperator);
    registry.add("temporal-join", makeTemporalJoinOperator);
    registry.add("window-join", makeWindowJoinOperator);
}

} // namespace sw::runtime
