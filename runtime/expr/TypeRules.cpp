#include "expr/TypeRules.h"

#include <algorithm>

namespace sw::runtime::expr {
namespace {
constexpr int kMinAdjustedScale = 6;
}

std::string typeName(DataType t)
{
    return t.withNullable(true).toString();
}

int exactPrecision(DataType t)
{
    switch (t.kind()) {
    case TypeKind::Int:
        return 10;
    case TypeKind::BigInt:
        return 19;
    case TypeKind::Decimal:
        return t.precision();
    default:
        return 0;
    }
}

int exactScale(DataType t)
{
    return t.kind() == TypeKind::Decimal ? t.scale() : 0;
}

DataType adjustedDecimal(int precision, int scale)
{
    if (precision <= kMaxDecimalPrecision) return DataType::decimal(std::max(precision, 1), scale);
    int digitPart = precision - scale;
    int minScalePart = std::min(scale, kMinAdjustedScale);
    int adjustScale = std::max(kMaxDecimalPrecision - digitPart, minScalePart);
    return DataType::decimal(kMaxDecimalPrecision, adjustScale);
}

std::optional<DataType> commonType(DataType a, DataType b)
{
    bool nullable = a.nullable() || b.nullable();
    if (a.kind() == TypeKind::Null) return b.withNullable(true);
    if (b.kind() == TypeKind::Null) return a.withNullable(true);
    if (a.sameKind(b)) return a.withNullable(nullable);
    if (a.isNumeric() && b.isNumeric()) {
        if (a.kind() == TypeKind::Double || b.kind() == TypeKind::Double)
            return DataType::float64().withNullable(nullable);
        if (a.isIntegral() && b.isIntegral()) return DataType::bigint().withNullable(nullable);
        int p1 = exactPrecision(a), s1 = exactScale(a), p2 = exactPrecision(b), s2 = exactScale(b);
        int d = std::min(std::max(p1 - s1, p2 - s2), kMaxDecimalPrecision);
        int s = std::min(std::max(s1, s2), kMaxDecimalPrecision - d);
        return DataType::decimal(std::max(d + s, 1), s).withNullable(nullable);
    }
    return std::nullopt;
}

DataType arithmeticType(BinOp op, DataType a, DataType b)
{
    bool nullable = a.nullable() || b.nullable();
    if (a.kind() == TypeKind::Null) a = b;
    if (b.kind() == TypeKind::Null) b = a;
    if (a.kind() == TypeKind::Double || b.kind() == TypeKind::Double)
        return DataType::float64().withNullable(nullable);
    if (a.isIntegral() && b.isIntegral()) {
        if (op == BinOp::Mod) return b.withNullable(nullable);
        bool big = a.kind() == TypeKind::BigInt || b.kind() == TypeKind::BigInt;
        return (big ? DataType::bigint() : DataType::int32()).withNullable(nullable);
    }
    int p1 = exactPrecision(a), s1 = exactScale(a), p2 = exactPrecision(b), s2 = exactScale(b);
    DataType r;
    switch (op) {
    case BinOp::Add:
    case BinOp::Sub: {
        int s = std::max(s1, s2);
        r = adjustedDecimal(std::max(p1 - s1, p2 - s2) + s + 1, s);
        break;
    }
    case BinOp::Mul:
        r = adjustedDecimal(p1 + p2 + 1, s1 + s2);
        break;
    case BinOp::Div: {
        int s = std::max(6, s1 + p2 + 1);
        r = adjustedDecimal(p1 - s1 + s2 + s, s);
        break;
    }
    default: {
        int s = std::max(s1, s2);
        r = adjustedDecimal(std::min(p1 - s1, p2 - s2) + s, s);
        break;
    }
    }
    return r.withNullable(nullable);
}

bool castSupported(DataType from, DataType to)
{
    TypeKind f = from.kind(), t = to.kind();
    if (f == TypeKind::Null || f == t) return true;
    if (t == TypeKind::String) return true; // everything renders as a string
    if (f == TypeKind::String)
        return t != TypeKind::Null; // parsed at runtime (numbers, booleans, timestamps, bytes)
    if (from.isNumeric() && to.isNumeric()) return true;
    if ((f == TypeKind::Boolean && to.isNumeric()) || (from.isNumeric() && t == TypeKind::Boolean))
        return true;
    return false;
}

} // namespace sw::runtime::expr
