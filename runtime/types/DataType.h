#pragma once
// Data types with Flink SQL's names, so export is a mapping and not a translation.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sw::runtime {

enum class TypeKind : std::uint8_t {
    Null,      ///< type of the untyped NULL literal only; never a column type
    Boolean,
    Int,       ///< 32-bit signed
    BigInt,    ///< 64-bit signed
    Double,
    Decimal,   ///< DECIMAL(p, s), p <= 18 (stored as a scaled 64-bit integer)
    String,
    Bytes,     ///< raw bytes (Flink BYTES)
    Timestamp, ///< TIMESTAMP(3): milliseconds since the epoch, UTC, no zone
};

class DataType {
public:
    constexpr DataType() = default;
    constexpr explicit DataType(TypeKind k, bool nullable = true) : m_kind(k), m_nullable(nullable) {}

    static constexpr DataType null() { return DataType(TypeKind::Null); }
    static constexpr DataType boolean() { return DataType(TypeKind::Boolean); }
    static constexpr DataType int32() { return DataType(TypeKind::Int); }
    static constexpr DataType bigint() { return DataType(TypeKind::BigInt); }
    static constexpr DataType float64() { return DataType(TypeKind::Double); }
    static constexpr DataType string() { return DataType(TypeKind::String); }
    static constexpr DataType bytes() { return DataType(TypeKind::Bytes); }
    static constexpr DataType timestamp() { return DataType(TypeKind::Timestamp); }
    static constexpr DataType decimal(int precision, int scale)
    {
        DataType t(TypeKind::Decimal);
        t.m_precision = static_cast<std::uint8_t>(precision);
        t.m_scale = static_cast<std::uint8_t>(scale);
        return t;
    }

    /// Parses "BIGINT", "DECIMAL(10, 2)", "TIMESTAMP(3)", "STRING NOT NULL", "VARCHAR" (= STRING),
    /// case-insensitive. Returns nullopt and fills `error` on failure.
    static std::optional<DataType> parse(std::string_view text, std::string* error = nullptr);

    constexpr TypeKind kind() const { return m_kind; }
    constexpr bool nullable() const { return m_nullable; }
    constexpr int precision() const { return m_precision; }
    constexpr int scale() const { return m_scale; }
    constexpr DataType withNullable(bool n) const
    {
        DataType t = *this;
        t.m_nullable = n;
        return t;
    }

    bool isNumeric() const;  ///< INT, BIGINT, DOUBLE, DECIMAL
    bool isIntegral() const; ///< INT, BIGINT

    /// Flink SQL spelling: "DECIMAL(10, 2)", "TIMESTAMP(3)", "STRING NOT NULL".
    std::string toString() const;

    /// Equal ignoring nullability.
    bool sameKind(const DataType& o) const
    {
        return m_kind == o.m_kind && m_precision == o.m_precision && m_scale == o.m_scale;
    }
    friend bool operator==(const DataType& a, const DataType& b)
    {
        return a.sameKind(b) && a.m_nullable == b.m_nullable;
    }

private:
    TypeKind m_kind = TypeKind::Null;
    bool m_nullable = true;
    std::uint8_t m_precision = 0;
    std::uint8_t m_scale = 0;
};

/// Maximum DECIMAL precision supported (values are 64-bit scaled integers).
inline constexpr int kMaxDecimalPrecision = 18;

} // namespace sw::runtime
