#pragma once
// Operator factories of the embedded connectors, registered on their catalog node types
// (catalog/SourceTypes.cpp, SinkTypes.cpp, QualityTypes.cpp): one line per type.
#include <memory>

#include "exec/Operator.h" // the factories return unique_ptr<Operator>: complete type needed
#include "util/Result.h"

namespace sw::runtime {

Result<std::unique_ptr<Operator>> makeGeneratorOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeFileSourceOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeFileSinkOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeConsoleSinkOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeSqliteSinkOperator(const OperatorSpec& spec);
Result<std::unique_ptr<Operator>> makeDlqOperator(const OperatorSpec& spec);

} // namespace sw::runtime
