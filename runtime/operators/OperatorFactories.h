#pragma once
// Operator factories of the node types implemented in runtime/operators, and their registration
// with the engine (exec/OperatorRegistry.h): one line per type in OperatorRegistration.cpp.
#include "exec/Operator.h"

namespace sw::runtime {

class OperatorRegistry;

/// Registers filter, map, key-by, union, dedup, the four window types and interval-join.
void registerOperatorFactories(OperatorRegistry& registry);

Result<std::unique_ptr<Operator>> makeFilterOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeMapOperator(const OperatorSpec& spec);
/// key-by and union: records pass through unchanged (key-by's input edge is key-hash).
Result<std::unique_ptr<Operator>> makePassThroughOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeDedupOperator(const OperatorSpec& spec);
/// tumbling-window, hop-window, session-window, global-window.
Result<std::unique_ptr<Operator>> makeWindowOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeIntervalJoinOperator(const OperatorSpec& spec);
/// aggregate: group aggregation without a window (GroupAggregateOperator.h).
Result<std::unique_ptr<Operator>> makeGroupAggregateOperator(const OperatorSpec& spec);
/// join: the regular (unbounded) join (RegularJoinOperator.h).
Result<std::unique_ptr<Operator>> makeRegularJoinOperator(const OperatorSpec& spec);
/// temporal-join: the event-time temporal join (TemporalJoinOperator.h).
Result<std::unique_ptr<Operator>> makeTemporalJoinOperator(const OperatorSpec& spec);
/// window-join: tumbling/hop window join (WindowJoinOperator.h).
Result<std::unique_ptr<Operator>> makeWindowJoinOperator(const OperatorSpec& spec);

} // namespace sw::runtime
