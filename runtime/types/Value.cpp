#include "types/Value.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>

namespace sw::runtime {
namespace {

constexpr std::int64_t kPow10[19] = {1LL,
                                     10LL,
                                     100LL,
                                     1000LL,
                                     10000LL,
                                     100000LL,
                                     1000000LL,
                                     10000000LL,
                                     100000000LL,
                                     1000000000LL,
                                     10000000000LL,
                                     100000000000LL,
                                     1000000000000LL,
                                     10000000000000LL,
                                     100000000000000LL,
                                     1000000000000000LL,
                                     10000000000000000LL,
                                     100000000000000000LL,
                                     1000000000000000000LL};

int kindRank(Value::Kind k)
{
    switch (k) {
    case Value::Kind::Null:
        return 0;
    case Value::Kind::Bool:
        return 1;
    case Value::Kind::Int:
    case Value::Kind::Double:
    case Value::Kind::Decimal:
        return 2;
    case Value::Kind::String:
        return 3;
    case Value::Kind::Timestamp:
        return 4;
    }
    return 5;
}

// Compares a (unscaled, scale) decimal against another without overflow where possible.
std::strong_ordering compareDecimal(std::int64_t a, int sa, std::int64_t b, int sb)
{
    if (sa == sb) return a <=> b;
    // Bring to common scale using 128-bit arithmetic.
    __int128 x = a, y = b;
    if (sa < sb)
        x *= kPow10[sb - sa];
    else
        y *= kPow10[sa - sb];
    return x <=> y;
}

std::strong_ordering compareDouble(double a, double b)
{
    if (a < b) return std::strong_ordering::less;
    if (a > b) return std::strong_ordering::greater;
    if (a == b) return std::strong_ordering::equal;
    // NaN: order NaN after everything, equal to itself.
    bool an = std::isnan(a), bn = std::isnan(b);
    if (an && bn) return std::strong_ordering::equal;
    return an ? std::strong_ordering::greater : std::strong_ordering::less;
}

} // namespace

double Value::toDouble() const
{
    switch (m_kind) {
    case Kind::Int:
        return static_cast<double>(m_u.i);
    case Kind::Double:
        return m_u.d;
    case Kind::Decimal:
        return static_cast<double>(m_u.i) / static_cast<double>(kPow10[m_scale]);
    default:
        return 0.0;
    }
}

bool parseDecimal(std::string_view text, int scale, std::int64_t& unscaled)
{
    if (text.empty()) return false;
    bool neg = false;
    std::size_t i = 0;
    if (text[0] == '-' || text[0] == '+') {
        neg = text[0] == '-';
        i = 1;
    }
    __int128 acc = 0;
    int fracDigits = 0;
    bool seenDot = false, anyDigit = false;
    int roundDigit = -1;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (c == '.') {
            if (seenDot) return false;
            seenDot = true;
            continue;
        }
        if (c < '0' || c > '9') return false;
        anyDigit = true;
        if (seenDot && fracDigits >= scale) {
            if (roundDigit < 0) roundDigit = c - '0';
            continue;
        }
        acc = acc * 10 + (c - '0');
        if (seenDot) ++fracDigits;
        if (acc > static_cast<__int128>(INT64_MAX)) return false;
    }
    if (!anyDigit) return false;
    while (fracDigits < scale) {
        acc *= 10;
        ++fracDigits;
        if (acc > static_cast<__int128>(INT64_MAX)) return false;
    }
    if (roundDigit >= 5) acc += 1; // round half away from zero, like Flink's DECIMAL cast
    if (acc > static_cast<__int128>(INT64_MAX)) return false;
    unscaled = static_cast<std::int64_t>(neg ? -acc : acc);
    return true;
}

std::string Value::toString() const
{
    switch (m_kind) {
    case Kind::Null:
        return "NULL";
    case Kind::Bool:
        return m_u.b ? "TRUE" : "FALSE";
    case Kind::Int:
        return std::to_string(m_u.i);
    case Kind::Double: {
        // Shortest text that round-trips: 1000, 0.1, 3.5, 1e+20 (never "1e+03").
        char buf[64];
        auto r = std::to_chars(buf, buf + sizeof buf, m_u.d);
        return std::string(buf, r.ptr);
    }
    case Kind::Decimal:
        return formatDecimal(m_u.i, m_scale);
    case Kind::String:
        return m_s;
    case Kind::Timestamp:
        return formatTimestamp(m_u.i);
    }
    return {};
}

std::strong_ordering compare(const Value& a, const Value& b)
{
    int ra = kindRank(a.m_kind), rb = kindRank(b.m_kind);
    if (ra != rb) return ra <=> rb;
    using K = Value::Kind;
    switch (a.m_kind) {
    case K::Null:
        return std::strong_ordering::equal;
    case K::Bool:
        return a.m_u.b <=> b.m_u.b;
    case K::String: {
        int c = a.m_s.compare(b.m_s);
        return c <=> 0;
    }
    case K::Timestamp:
        return a.m_u.i <=> b.m_u.i;
    default:
        break;
    }
    // Numbers.
    if (a.m_kind == K::Double || b.m_kind == K::Double)
        return compareDouble(a.toDouble(), b.toDouble());
    int sa = a.m_kind == K::Decimal ? a.m_scale : 0;
    int sb = b.m_kind == K::Decimal ? b.m_scale : 0;
    return compareDecimal(a.m_u.i, sa, b.m_u.i, sb);
}

namespace {
std::size_t mix64(std::uint64_t x)
{
    return Value::mix64(x);
}

// Numbers that compare equal across INT/BIGINT, DECIMAL and DOUBLE must hash equal: an integral
// value hashes as that integer (-0.0 as 0), anything else as its double's bits.
std::size_t hashNumber(double d)
{
    if (std::trunc(d) == d && std::fabs(d) < 9.2e18)
        return mix64(static_cast<std::uint64_t>(static_cast<std::int64_t>(d)));
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    return mix64(bits);
}
} // namespace

std::size_t Value::hashOther() const
{
    switch (m_kind) {
    case Kind::Null:
        return 0x9e3779b97f4a7c15ULL;
    case Kind::Bool:
        return m_u.b ? 1231 : 1237;
    case Kind::String:
        return std::hash<std::string>{}(m_s);
    case Kind::Timestamp:
        return mix64(static_cast<std::uint64_t>(m_u.i)) ^ 0x5bd1e995;
    case Kind::Int: {
        // |i| <= 2^53 is hash()'s inline path; the same rule here for completeness.
        constexpr std::int64_t kExact = std::int64_t{1} << 53;
        if (m_u.i >= -kExact && m_u.i <= kExact) return mix64(static_cast<std::uint64_t>(m_u.i));
        return hashNumber(static_cast<double>(m_u.i));
    }
    case Kind::Decimal:
    case Kind::Double:
        return hashNumber(toDouble());
    }
    return 0;
}

} // namespace sw::runtime
