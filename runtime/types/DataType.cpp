#include "types/DataType.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace sw::runtime {
namespace {

std::string upper(std::string_view s)
{
    std::string r(s);
    std::transform(r.begin(), r.end(), r.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return r;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool parseInt(std::string_view s, int& out)
{
    s = trim(s);
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

} // namespace

std::optional<DataType> DataType::parse(std::string_view text, std::string* error)
{
    auto fail = [&](std::string msg) -> std::optional<DataType> {
        if (error) *error = std::move(msg);
        return std::nullopt;
    };
    std::string u = upper(trim(text));
    bool nullable = true;
    static constexpr std::string_view kNotNull = "NOT NULL";
    if (u.size() > kNotNull.size() && u.ends_with(kNotNull)) {
        nullable = false;
        u = std::string(trim(std::string_view(u).substr(0, u.size() - kNotNull.size())));
    }
    std::string base = u;
    std::string args;
    if (auto open = u.find('('); open != std::string::npos) {
        if (u.back() != ')') return fail("unbalanced parentheses in type '" + std::string(text) + "'");
        base = std::string(trim(std::string_view(u).substr(0, open)));
        args = u.substr(open + 1, u.size() - open - 2);
    }
    DataType t;
    if (base == "BOOLEAN" || base == "BOOL") t = boolean();
    else if (base == "INT" || base == "INTEGER") t = int32();
    else if (base == "BIGINT") t = bigint();
    else if (base == "DOUBLE" || base == "DOUBLE PRECISION") t = float64();
    else if (base == "STRING" || base == "VARCHAR" || base == "CHAR") t = string();
    else if (base == "BYTES" || base == "VARBINARY" || base == "BINARY") t = bytes();
    else if (base == "TIMESTAMP" || base == "TIMESTAMP_LTZ") {
        if (!args.empty()) {
            int p = 0;
            if (!parseInt(args, p)) return fail("bad TIMESTAMP precision '" + args + "'");
            if (p != 3) return fail("only TIMESTAMP(3) is supported, got TIMESTAMP(" + args + ")");
        }
        t = timestamp();
    } else if (base == "DECIMAL" || base == "NUMERIC" || base == "DEC") {
        int p = 10, s = 0;
        if (!args.empty()) {
            auto comma = args.find(',');
            if (!parseInt(args.substr(0, comma), p))
                return fail("bad DECIMAL precision in '" + std::string(text) + "'");
            if (comma != std::string::npos && !parseInt(args.substr(comma + 1), s))
                return fail("bad DECIMAL scale in '" + std::string(text) + "'");
        }
        if (p < 1 || p > kMaxDecimalPrecision)
            return fail("DECIMAL precision must be between 1 and " +
                        std::to_string(kMaxDecimalPrecision) + ", got " + std::to_string(p));
        if (s < 0 || s > p)
            return fail("DECIMAL scale must be between 0 and the precision " + std::to_string(p) +
                        ", got " + std::to_string(s));
        t = decimal(p, s);
    } else {
        return fail("unknown data type '" + std::string(trim(text)) +
                    "' (expected BOOLEAN, INT, BIGINT, DOUBLE, DECIMAL(p,s), STRING, BYTES or "
                    "TIMESTAMP(3))");
    }
    // Flink's VARCHAR(n), CHAR(n), VARBINARY(n), BINARY(n): the length is accepted and not
    // enforced (values are stored as STRING / BYTES).
    bool hasLength = base == "VARCHAR" || base == "CHAR" || base == "VARBINARY" || base == "BINARY";
    if (!args.empty() && hasLength) {
        int n = 0;
        if (!parseInt(args, n) || n < 1)
            return fail("bad length in '" + std::string(trim(text)) +
                        "' (expected a positive integer)");
    } else if (!args.empty() && t.kind() != TypeKind::Decimal && t.kind() != TypeKind::Timestamp) {
        return fail("type " + base + " takes no parameters");
    }
    return t.withNullable(nullable);
}

bool DataType::isNumeric() const
{
    switch (m_kind) {
    case TypeKind::Int:
    case TypeKind::BigInt:
    case TypeKind::Double:
    case TypeKind::Decimal: return true;
    default: return false;
    }
}

bool DataType::isIntegral() const { return m_kind == TypeKind::Int || m_kind == TypeKind::BigInt; }

std::string DataType::toString() const
{
    std::string s;
    switch (m_kind) {
    case TypeKind::Null: s = "NULL"; break;
    case TypeKind::Boolean: s = "BOOLEAN"; break;
    case TypeKind::Int: s = "INT"; break;
    case TypeKind::BigInt: s = "BIGINT"; break;
    case TypeKind::Double: s = "DOUBLE"; break;
    case TypeKind::Decimal:
        s = "DECIMAL(" + std::to_string(m_precision) + ", " + std::to_string(m_scale) + ")";
        break;
    case TypeKind::String: s = "STRING"; break;
    case TypeKind::Bytes: s = "BYTES"; break;
    case TypeKind::Timestamp: s = "TIMESTAMP(3)"; break;
    }
    if (!m_nullable && m_kind != TypeKind::Null) s += " NOT NULL";
    return s;
}

} // namespace sw::runtime
