#pragma once
// How an edge routes records from a producer subtask to consumer subtasks (Flink's partitioners).
// Stateless helpers, unit-tested alone.
#include <cstdint>
#include <span>
#include <string_view>

#include "types/Row.h"

namespace sw::runtime {

enum class Partitioning : std::uint8_t {
    Forward,   ///< producer subtask i -> consumer subtask i (same parallelism)
    KeyHash,   ///< by hash of key columns: equal keys always reach the same consumer subtask
    Broadcast, ///< every record to every consumer subtask
    Rebalance, ///< round-robin, one batch at a time
};
std::string_view toString(Partitioning p);

/// Hash of the key columns `keys` of `row` (stable across runs and subtasks).
std::uint64_t keyHash(const Row& row, std::span<const int> keys);
/// The consumer subtask of a record with key hash `hash` among `n` subtasks.
inline std::size_t keyHashChannel(std::uint64_t hash, std::size_t n)
{
    // Multiply-shift range reduction: uniform for well-mixed hashes, no division.
    __extension__ using U128 = unsigned __int128;
    return static_cast<std::size_t>((static_cast<U128>(hash) * n) >> 64);
}

} // namespace sw::runtime
