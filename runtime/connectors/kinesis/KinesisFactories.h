#pragma once
// The catalog factories of the Kinesis node types (registered in
// connectors/ConnectorRegistration.cpp).
#include <memory>

#include "exec/Operator.h"
#include "util/Result.h"

namespace sw::runtime::kinesis {

Result<std::unique_ptr<Operator>> makeKinesisSourceOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeKinesisSinkOperator(const OperatorSpec& spec);

} // namespace sw::runtime::kinesis
