#include "connectors/generator/ZipfSampler.h"

#include <cmath>

namespace sw::runtime::gen {

namespace {

// log1p(x)/x and expm1(x)/x, with Taylor series near 0 (exponent s = 1 is the limit case).
double helper1(double x)
{
    return std::abs(x) > 1e-8 ? std::log1p(x) / x : 1 - x * (0.5 - x * (1.0 / 3 - 0.25 * x));
}
double helper2(double x)
{
    return std::abs(x) > 1e-8 ? std::expm1(x) / x
                              : 1 + x * 0.5 * (1 + x * (1.0 / 3) * (1 + 0.25 * x));
}

} // namespace

ZipfSampler::ZipfSampler(std::uint64_t n, double s) : m_n(n ? n : 1), m_s(s < 0 ? 0 : s)
{
    if (m_s == 0 || m_n == 1) {
        m_mode = Mode::Uniform;
    } else if (m_n <= kAliasLimit) {
        m_mode = Mode::Alias;
        buildAlias();
    } else {
        m_mode = Mode::RejectionInversion;
        m_hIntegralX1 = hIntegral(1.5) - 1;
        m_hIntegralN = hIntegral(static_cast<double>(m_n) + 0.5);
        m_cut = 2 - hIntegralInverse(hIntegral(2.5) - h(2));
    }
}

void ZipfSampler::buildAlias()
{
    const std::size_t n = static_cast<std::size_t>(m_n);
    std::vector<double> p(n);
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i)
        sum += p[i] = std::pow(static_cast<double>(i + 1), -m_s);
    for (double& x : p)
        x = x * static_cast<double>(n) / sum;
    m_prob.assign(n, 0);
    m_alias.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        m_alias[i] = static_cast<std::uint32_t>(i);
    std::vector<std::uint32_t> small, large;
    for (std::size_t i = 0; i < n; ++i)
        (p[i] < 1 ? small : large).push_back(static_cast<std::uint32_t>(i));
    auto threshold = [](double q) {
        double t = std::ldexp(q, 32);
        return t >= 4294967295.0 ? 0xffffffffu : static_cast<std::uint32_t>(t);
    };
    while (!small.empty() && !large.empty()) {
        std::uint32_t s = small.back(), l = large.back();
        small.pop_back();
        m_prob[s] = threshold(p[s]);
        m_alias[s] = l;
        p[l] = (p[l] + p[s]) - 1;
        if (p[l] < 1) {
            large.pop_back();
            small.push_back(l);
        }
    }
    for (std::uint32_t i : large)
        m_prob[i] = 0xffffffffu;
    for (std::uint32_t i : small)
        m_prob[i] = 0xffffffffu; // numerical leftovers: keep themselves
}

double ZipfSampler::h(double x) const
{
    return std::exp(-m_s * std::log(x));
}

double ZipfSampler::hIntegral(double x) const
{
    double logX = std::log(x);
    return helper2((1 - m_s) * logX) * logX;
}

double ZipfSampler::hIntegralInverse(double x) const
{
    double t = x * (1 - m_s);
    if (t < -1) t = -1; // numerical guard, as in the reference implementation
    return std::exp(helper1(t) * x);
}

std::uint64_t ZipfSampler::sampleRejectionInversion(EventRng& rng) const
{
    for (;;) {
        double u = m_hIntegralN + rng.unit() * (m_hIntegralX1 - m_hIntegralN);
        double x = hIntegralInverse(u);
        double kd = std::floor(x + 0.5);
        std::uint64_t k =
            kd < 1 ? 1 : (kd > static_cast<double>(m_n) ? m_n : static_cast<std::uint64_t>(kd));
        double kk = static_cast<double>(k);
        if (kk - x <= m_cut || u >= hIntegral(kk + 0.5) - h(kk)) return k;
    }
}

double ZipfSampler::probability(std::uint64_t k) const
{
    if (k < 1 || k > m_n) return 0;
    if (m_mode == Mode::Uniform) return 1.0 / static_cast<double>(m_n);
    double sum = 0;
    for (std::uint64_t i = m_n; i >= 1; --i)
        sum += std::pow(static_cast<double>(i), -m_s);
    return std::pow(static_cast<double>(k), -m_s) / sum;
}

} // namespace sw::runtime::gen
