#pragma once
// Redis keys built from a row: `prefix` followed by the key columns' values joined by ':'
// (Value::toString: numbers as digits, TIMESTAMP as 'yyyy-MM-dd HH:mm:ss.SSS', strings as
// they are), e.g. prefix "revenue:" and (books, 2026-12-07 14:00:00.000) ->
// "revenue:books:2026-12-07 14:00:00.000". The one rule for the redis-sink and for dedup's
// Redis store. No key columns: the prefix alone (one sorted set or stream for every row).
#include <span>
#include <string>

#include "types/Row.h"

namespace sw::runtime::redis {

/// Writes the key of `row` into `out` (replacing it). False when a key column is NULL (a row
/// without a whole key cannot be addressed).
inline bool makeKey(std::string& out, const std::string& prefix, const Row& row,
                    std::span<const int> columns)
{
    out = prefix;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto c = static_cast<std::size_t>(columns[i]);
        if (c >= row.size() || row[c].isNull()) return false;
        if (i) out += ':';
        out += row[c].toString();
    }
    return true;
}

} // namespace sw::runtime::redis
