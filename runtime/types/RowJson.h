#pragma once
// A row as a JSON object (the `record` column of error rows, the inspector's copy, tests).
#include <string>

#include "types/Row.h"
#include "types/Schema.h"

namespace sw::runtime {

/// Renders `row` (with `schema`'s column names) as a JSON object string, Flink-style values:
/// numbers unquoted, DECIMAL as its exact decimal text, TIMESTAMP as "YYYY-MM-DD HH:MM:SS.mmm".
std::string rowToJson(const Row& row, const Schema& schema);

} // namespace sw::runtime
