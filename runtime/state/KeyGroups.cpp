#include "state/KeyGroups.h"

namespace sw::runtime {

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
constexpr std::uint64_t kSeed = 0x9e3779b97f4a7c15ULL;
} // namespace

std::uint64_t keyHash(const Row& row, std::span<const int> keys)
{
    std::uint64_t h = kSeed;
    for (int k : keys)
        h = mix(h ^ static_cast<std::uint64_t>(row[static_cast<std::size_t>(k)].hash()));
    return h;
}

std::uint64_t keyHash(std::span<const Value> keyValues)
{
    std::uint64_t h = kSeed;
    for (const Value& v : keyValues)
        h = mix(h ^ static_cast<std::uint64_t>(v.hash()));
    return h;
}

} // namespace sw::runtime
