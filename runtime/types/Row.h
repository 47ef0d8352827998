#pragma once
#include <span>
#include <vector>

#include "types/Value.h"

namespace sw::runtime {

/// One record's column values, in schema order.
using Row = std::vector<Value>;
/// Read-only view of a row, what expressions evaluate over.
using RowView = std::span<const Value>;

} // namespace sw::runtime
