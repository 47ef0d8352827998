#pragma once
// Key groups (Flink's KeyGroupRangeAssignment): the unit in which keyed state moves between
// subtasks when a node's parallelism changes. A key's group is fixed by its key hash (the hash
// the key-hash partitioner routes by, exec/Partitioner.h keyHash) and the node's number of key
// groups, its max parallelism; each subtask of a node owns one contiguous range of groups. The
// key-hash partitioner routes a record to the subtask owning its key's group, so a key's state
// and its records always meet, at any parallelism. Snapshots are written per key group
// (state/KeyedState.h), so a subtask restoring at another parallelism reads exactly the groups
// of its range from every old subtask.
//
// kMaxParallelism is 256, not Flink's default 128: the catalog allows parallelism up to 256
// (catalog/Builders.cpp), and with fewer groups than subtasks some subtasks would get no key.
// A power of two, so for every parallelism that divides it (1, 2, 4, ..., 256) the routing is
// the same as the multiply-shift routing before key groups (checkpoints written before key
// groups restore at those parallelisms).
#include <algorithm>
#include <cstdint>
#include <span>

#include "types/Row.h"

namespace sw::runtime {

inline constexpr int kMaxParallelism = 256;

/// Hash of the key columns `keys` of `row` (stable across runs and subtasks): what the key-hash
/// partitioner routes by (exec/Partitioner.h) and what decides a key's group.
std::uint64_t keyHash(const Row& row, std::span<const int> keys);
/// The same hash of a key's values in key order (a key held in state).
std::uint64_t keyHash(std::span<const Value> keyValues);

/// The key group of a key with key hash `hash`: the top bits of the hash (multiply-shift).
inline int keyGroupOf(std::uint64_t hash, int maxParallelism = kMaxParallelism)
{
    __extension__ using U128 = unsigned __int128;
    return static_cast<int>((static_cast<U128>(hash) * static_cast<unsigned>(maxParallelism)) >>
                            64);
}

/// The subtask (of `parallelism`) that owns key group `group` (Flink's
/// computeOperatorIndexForKeyGroup).
inline int subtaskOfKeyGroup(int group, int parallelism, int maxParallelism = kMaxParallelism)
{
    return static_cast<int>(static_cast<std::int64_t>(group) * parallelism / maxParallelism);
}

/// A contiguous range of key groups [first, last] (empty when last < first).
struct KeyGroupRange {
    int first = 0;
    int last = -1;
    bool contains(int g) const { return g >= first && g <= last; }
    bool empty() const { return last < first; }
    int size() const { return empty() ? 0 : last - first + 1; }
    KeyGroupRange intersect(const KeyGroupRange& o) const
    {
        return {std::max(first, o.first), std::min(last, o.last)};
    }
    /// Every group (a subtask of parallelism 1).
    static KeyGroupRange all(int maxParallelism = kMaxParallelism)
    {
        return {0, maxParallelism - 1};
    }
};

/// The key groups subtask `subtask` of `parallelism` owns (Flink's
/// computeKeyGroupRangeForOperatorIndex): exactly the groups g with subtaskOfKeyGroup(g) ==
/// subtask.
inline KeyGroupRange keyGroupRangeOf(int subtask, int parallelism,
                                     int maxParallelism = kMaxParallelism)
{
    auto ceilDiv = [](std::int64_t a, std::int64_t b) { return static_cast<int>((a + b - 1) / b); };
    return {ceilDiv(std::int64_t{subtask} * maxParallelism, parallelism),
            ceilDiv(std::int64_t{subtask + 1} * maxParallelism, parallelism) - 1};
}

} // namespace sw::runtime
