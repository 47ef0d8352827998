#pragma once
// How an edge routes records from a producer subtask to consumer subtasks (Flink's partitioners).
// Stateless helpers, unit-tested alone.
#include <cstdint>
#include <span>
#include <string_view>

#include "state/KeyGroups.h"
#include "types/Row.h"

namespace sw::runtime {

enum class Partitioning : std::uint8_t {
    Forward,   ///< producer subtask i -> consumer subtask i (same parallelism)
    KeyHash,   ///< by hash of key columns: equal keys always reach the same consumer subtask
    Broadcast, ///< every record to every consumer subtask
    Rebalance, ///< round-robin, one batch at a time
};
std::string_view toString(Partitioning p);

// keyHash(row, keys), the hash of the key columns that routes a record, is in state/KeyGroups.h
// (the key groups of keyed state are defined by it).
/// The consumer subtask of a record with key hash `hash` among `n` subtasks: the owner of the
/// key's key group (state/KeyGroups.h), so keyed state restored at any parallelism is where the
/// key's records go. For n dividing kMaxParallelism this equals multiply-shift (hash * n) >> 64.
inline std::size_t keyHashChannel(std::uint64_t hash, std::size_t n)
{
    return static_cast<std::size_t>(subtaskOfKeyGroup(keyGroupOf(hash), static_cast<int>(n)));
}

} // namespace sw::runtime
