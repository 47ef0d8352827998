#pragma once
// Zipf-distributed keys in [1, n]: P(k) ~ 1 / k^s. Rank 1 is the most popular key.
#include <cstdint>
#include <vector>

#include "connectors/generator/Random.h"

namespace sw::runtime::gen {

class ZipfSampler {
public:
    /// `n` >= 1 keys, exponent `s` >= 0 (0 = uniform).
    ZipfSampler(std::uint64_t n, double s);

    std::uint64_t sample(EventRng& rng) const
    {
        switch (m_mode) {
        case Mode::Uniform:
            return 1 + rng.below(m_n);
        case Mode::Alias: {
            // One 64-bit draw: high half picks the column, low half the coin.
            std::uint64_t r = rng.next();
            std::uint64_t col = ((r >> 32) * m_n) >> 32;
            return 1 + ((static_cast<std::uint32_t>(r) < m_prob[col]) ? col : m_alias[col]);
        }
        case Mode::RejectionInversion:
            return sampleRejectionInversion(rng);
        }
        return 1;
    }

    std::uint64_t size() const { return m_n; }
    double exponent() const { return m_s; }
    /// Exact probability of key k (for tests); O(n) the first time for large n.
    double probability(std::uint64_t k) const;

    /// Largest n that uses an O(1) alias table (above: rejection-inversion, O(1) memory).
    static constexpr std::uint64_t kAliasLimit = 1u << 16;

private:
    enum class Mode { Uniform, Alias, RejectionInversion };
    void buildAlias();
    std::uint64_t sampleRejectionInversion(EventRng& rng) const;
    double h(double x) const;
    double hIntegral(double x) const;
    double hIntegralInverse(double x) const;

    Mode m_mode = Mode::Uniform;
    std::uint64_t m_n;
    double m_s;
    // Alias table (Vose): column i keeps itself with probability m_prob[i] / 2^32.
    std::vector<std::uint32_t> m_prob;
    std::vector<std::uint32_t> m_alias;
    // Rejection-inversion (Hormann & Derflinger 1996, in the form of Apache Commons' sampler).
    double m_hIntegralX1 = 0;
    double m_hIntegralN = 0;
    double m_cut = 0;
};

} // namespace sw::runtime::gen
