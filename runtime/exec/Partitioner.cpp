#include "exec/Partitioner.h"

namespace sw::runtime {

std::string_view toString(Partitioning p)
{
    switch (p) {
    case Partitioning::Forward: return "forward";
    case Partitioning::KeyHash: return "key-hash";
    case Partitioning::Broadcast: return "broadcast";
    case Partitioning::Rebalance: return "rebalance";
    }
    return "forward";
}

namespace {
inline std::uint64_t mix(std::uint64_t x)
{
    // splitmix64 finalizer: spreads identity-like hashes (small integers) over all bits.
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}
} // namespace

std::uint64_t keyHash(const Row& row, std::span<const int> keys)
{
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (int k : keys) h = mix(h ^ static_cast<std::uint64_t>(row[static_cast<std::size_t>(k)].hash()));
    return h;
}

} // namespace sw::runtime
