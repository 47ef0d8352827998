#pragma once
// Operator factories of the embedded connectors and their registration with the engine
// (exec/OperatorRegistry.h): one line per type in ConnectorRegistration.cpp.
#include <memory>

#include "exec/Operator.h" // the factories return unique_ptr<Operator>: complete type needed
#include "util/Result.h"

namespace sw::runtime {

class OperatorRegistry;

/// Registers generator, file-source, kafka-source, kafka-sink, sqlite-sink, file-sink,
/// console-sink, dlq and lake-sink.
void registerConnectorFactories(OperatorRegistry& registry);

Result<std::unique_ptr<Operator>> makeGeneratorOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeFileSourceOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeFileSinkOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeConsoleSinkOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeSqliteSinkOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeDlqOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeRedisSinkOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeLakeSinkOperator(const OperatorSpec& spec);

} // namespace sw::runtime
