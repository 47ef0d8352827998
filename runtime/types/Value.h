#pragma once
// A single SQL value. Small, copyable, no heap for non-string values.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "types/DataType.h"
#include "types/ValueText.h" // the one TIMESTAMP and DECIMAL text

namespace sw::runtime {

class Value {
public:
    enum class Kind : std::uint8_t { Null, Bool, Int, Double, Decimal, String, Timestamp };

    Value() = default;
    static Value null() { return Value(); }
    static Value boolean(bool b) { Value v(Kind::Bool); v.m_u.b = b; return v; }
    /// INT and BIGINT both use Kind::Int; the column's DataType says which.
    static Value integer(std::int64_t i) { Value v(Kind::Int); v.m_u.i = i; return v; }
    static Value float64(double d) { Value v(Kind::Double); v.m_u.d = d; return v; }
    /// DECIMAL as unscaled integer and scale: decimal(1234, 2) is 12.34.
    static Value decimal(std::int64_t unscaled, int scale)
    {
        Value v(Kind::Decimal);
        v.m_u.i = unscaled;
        v.m_scale = static_cast<std::uint8_t>(scale);
        return v;
    }
    static Value string(std::string s) { Value v(Kind::String); v.m_s = std::move(s); return v; }
    /// Makes this a STRING value holding `s`, reusing this value's string buffer (no allocation
    /// when its capacity suffices): for sources refilling recycled rows on hot paths.
    void assignString(std::string_view s)
    {
        m_kind = Kind::String;
        m_scale = 0;
        m_s.assign(s.data(), s.size());
    }
    /// In-place setters with the same meaning as the factories above; they keep the string
    /// buffer's capacity (emptied), so refilling a recycled row never allocates.
    void setInteger(std::int64_t i) { reset(Kind::Int); m_u.i = i; }
    void setFloat64(double d) { reset(Kind::Double); m_u.d = d; }
    void setDecimal(std::int64_t unscaled, int scale)
    {
        reset(Kind::Decimal);
        m_u.i = unscaled;
        m_scale = static_cast<std::uint8_t>(scale);
    }
    void setTimestamp(std::int64_t millis) { reset(Kind::Timestamp); m_u.i = millis; }
    void setBoolean(bool b) { reset(Kind::Bool); m_u.b = b; }
    void setNull() { reset(Kind::Null); m_u.i = 0; }
    /// TIMESTAMP(3): milliseconds since 1970-01-01T00:00:00 UTC.
    static Value timestamp(std::int64_t millis) { Value v(Kind::Timestamp); v.m_u.i = millis; return v; }

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    bool asBool() const { return m_u.b; }
    std::int64_t asInt() const { return m_u.i; }
    double asDouble() const { return m_u.d; }
    std::int64_t decimalUnscaled() const { return m_u.i; }
    int decimalScale() const { return m_scale; }
    std::int64_t asTimestamp() const { return m_u.i; }
    const std::string& asString() const { return m_s; }

    /// Numeric value as double (Int, Double, Decimal); 0 for others.
    double toDouble() const;

    /// Human/SQL-ish rendering: NULL, TRUE, 42, 3.5, 12.34, text, 2024-01-01 12:00:00.000
    std::string toString() const;

    /// Total order used for grouping, MIN/MAX, sorting and tests: NULL first, then by kind;
    /// numbers (Int/Double/Decimal) compare numerically with each other.
    friend std::strong_ordering compare(const Value& a, const Value& b);
    friend bool operator==(const Value& a, const Value& b) { return compare(a, b) == 0; }
    friend bool operator<(const Value& a, const Value& b) { return compare(a, b) < 0; }

    /// Exchanges two values without going through three moves (the string buffers swap).
    friend void swap(Value& a, Value& b) noexcept
    {
        std::swap(a.m_kind, b.m_kind);
        std::swap(a.m_scale, b.m_scale);
        std::swap(a.m_u, b.m_u);
        a.m_s.swap(b.m_s);
    }

    /// Hash consistent with ==: numerically equal Int/Decimal values hash equal.
    std::size_t hash() const
    {
        // Integers a double represents exactly (|i| <= 2^53) hash as the integer itself: the hot
        // path of keyed operators, inline. The rest (and the same values) in hashOther().
        constexpr std::int64_t kExact = std::int64_t{1} << 53;
        if (m_kind == Kind::Int && m_u.i >= -kExact && m_u.i <= kExact)
            return mix64(static_cast<std::uint64_t>(m_u.i));
        return hashOther();
    }
    /// A 64-bit finaliser (MurmurHash3 fmix64): cheap, and every input bit reaches every output.
    static std::size_t mix64(std::uint64_t x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdULL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53ULL;
        x ^= x >> 33;
        return static_cast<std::size_t>(x);
    }

private:
    explicit Value(Kind k) : m_kind(k) {}
    std::size_t hashOther() const;
    void reset(Kind k)
    {
        m_kind = k;
        m_scale = 0;
        m_s.clear();
    }
    Kind m_kind = Kind::Null;
    std::uint8_t m_scale = 0;
    union {
        bool b;
        std::int64_t i;
        double d;
    } m_u{.i = 0};
    std::string m_s;
};

struct ValueHash {
    std::size_t operator()(const Value& v) const { return v.hash(); }
};

/// Parses a decimal literal into the given scale, rounding half up; false on bad text/overflow.
bool parseDecimal(std::string_view text, int scale, std::int64_t& unscaled);

} // namespace sw::runtime
