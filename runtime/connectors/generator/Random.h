#pragma once
// Stateless, seedable randomness for deterministic generators: every generated event is a pure
// function of (seed, event index), so a stream is identical at any parallelism and any batching.
#include <cstdint>

namespace sw::runtime::gen {

__extension__ using uint128 = unsigned __int128; ///< GCC/Clang extension (silences -Wpedantic)
__extension__ using int128 = __int128;

/// SplitMix64's finalizer: a strong 64-bit mixing function (bijective).
constexpr std::uint64_t mix64(std::uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/// A family of independent hash streams: key(seed, salt) names one stream, at(i) is its i-th
/// 64-bit value. Used for per-event decisions (duplicate? malformed? jitter?).
class HashStream {
public:
    constexpr HashStream() = default;
    constexpr HashStream(std::uint64_t seed, std::uint64_t salt) : m_key(mix64(mix64(seed) ^ salt))
    {
    }
    constexpr std::uint64_t at(std::uint64_t i) const
    {
        return mix64(m_key + i * 0xd1b54a32d192ed03ULL);
    }
    /// Uniform double in [0, 1) for index i.
    double unitAt(std::uint64_t i) const { return static_cast<double>(at(i) >> 11) * 0x1.0p-53; }

private:
    std::uint64_t m_key = 0;
};

/// Small fast PRNG (wyrand) for the fields of one event; seeded from a HashStream value.
class EventRng {
public:
    explicit EventRng(std::uint64_t state) : m_state(state) {}

    std::uint64_t next()
    {
        m_state += 0xa0761d6478bd642fULL;
        uint128 t = static_cast<uint128>(m_state) * (m_state ^ 0xe7037ed1a0b428dbULL);
        return static_cast<std::uint64_t>(t >> 64) ^ static_cast<std::uint64_t>(t);
    }
    /// Uniform integer in [0, n) (n > 0); multiply-shift, bias < n / 2^64.
    std::uint64_t below(std::uint64_t n)
    {
        return static_cast<std::uint64_t>((static_cast<uint128>(next()) * n) >> 64);
    }
    /// Uniform integer in [lo, hi].
    std::int64_t between(std::int64_t lo, std::int64_t hi)
    {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    /// Uniform double in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// True with probability p.
    bool chance(double p) { return unit() < p; }

private:
    std::uint64_t m_state;
};

} // namespace sw::runtime::gen
