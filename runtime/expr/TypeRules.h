#pragma once
// Flink's type rules (LogicalTypeMerging) with DECIMAL precision capped at 18.
#include <optional>
#include <string>

#include "expr/Ast.h"
#include "types/DataType.h"

namespace sw::runtime::expr {

/// Type name for messages, without nullability: "INT", "DECIMAL(10, 2)".
std::string typeName(DataType t);

/// Precision/scale of an exact numeric as a DECIMAL: INT -> (10, 0), BIGINT -> (19, 0).
int exactPrecision(DataType t);
int exactScale(DataType t);

/// Flink's adjustPrecisionScale with maximum precision 18.
DataType adjustedDecimal(int precision, int scale);

/// The common type of two types (CASE branches, IN lists, COALESCE, comparisons); nullable if
/// either is. NULL merges with anything. Empty when the types are incompatible.
std::optional<DataType> commonType(DataType a, DataType b);

/// Result type of + - * / % on two numeric types (Flink rules: INT op INT is INT, % takes the
/// divisor's type, DECIMAL per LogicalTypeMerging, anything with DOUBLE is DOUBLE).
DataType arithmeticType(BinOp op, DataType a, DataType b);

/// Whether CAST(from AS to) is supported.
bool castSupported(DataType from, DataType to);

} // namespace sw::runtime::expr
