#pragma once
// Operator factories of the Kafka node types, registered with the engine
// (connectors/ConnectorRegistration.cpp) and the DLQ writer registry (dlq target "kafka").
#include <memory>

#include "exec/Operator.h"
#include "util/Result.h"

namespace sw::runtime {
class DlqWriter;
}

namespace sw::runtime::kafka {

Result<std::unique_ptr<Operator>> makeKafkaSourceOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeKafkaSinkOperator(const OperatorSpec& spec);
Result<std::unique_ptr<DlqWriter>> makeKafkaDlqWriter(const OperatorSpec& spec);

} // namespace sw::runtime::kafka
