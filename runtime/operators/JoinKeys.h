#pragma once
// The equality keys of a two-input join node (`left_keys`, `right_keys`): column indexes in each
// input's schema, the same count on both sides. One home for every join factory.
#include <vector>

#include "exec/Operator.h"

namespace sw::runtime {

struct JoinKeys {
    std::vector<int> left;
    std::vector<int> right;
};

/// Reads left_keys and right_keys of `spec.node` against input ports 0 and 1.
Result<JoinKeys> joinKeyColumns(const OperatorSpec& spec);

/// True when a key column of `row` is NULL (SQL: a NULL key equals nothing).
bool hasNullKey(const Row& row, const std::vector<int>& keys);

} // namespace sw::runtime
