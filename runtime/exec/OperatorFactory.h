#pragma once
// The factory type a NodeType carries (catalog/NodeType.h) without pulling in the engine headers.
#include <functional>
#include <memory>

#include "util/Result.h"

namespace sw::runtime {

class Operator;
struct OperatorSpec;

/// Builds the operator of one subtask from its node spec, schemas and subtask index (see
/// exec/Operator.h for OperatorSpec). Source types return a SourceOperator.
using OperatorFactory = std::function<Result<std::unique_ptr<Operator>>(const OperatorSpec&)>;

} // namespace sw::runtime
