#pragma once
// Comparison helpers shared by the comparison nodes (internal to runtime/expr).
#include <string>
#include <string_view>

#include "expr/DecimalMath.h"
#include "expr/Nodes.h"

namespace sw::runtime::expr::detail {

inline constexpr int kUnordered = 2; // NaN involved: neither equal nor ordered

inline double exactToDouble(std::int64_t v, int scale)
{
    double d = static_cast<double>(v);
    return scale > 0 ? d / static_cast<double>(pow10i(scale)) : d;
}

inline int cmpExact(std::int64_t a, int sa, std::int64_t b, int sb)
{
    if (sa == sb) return a < b ? -1 : a > b ? 1 : 0;
    i128 x = a, y = b;
    if (sa < sb)
        x *= pow10i(sb - sa);
    else
        y *= pow10i(sa - sb);
    return x < y ? -1 : x > y ? 1 : 0;
}

inline int cmpDouble(double a, double b)
{
    if (a < b) return -1;
    if (a > b) return 1;
    if (a == b) return 0;
    return kUnordered;
}

template <CmpOp Op> inline bool holds(int c)
{
    if constexpr (Op == CmpOp::Eq)
        return c == 0;
    else if constexpr (Op == CmpOp::Ne)
        return c != 0;
    else if constexpr (Op == CmpOp::Lt)
        return c == -1;
    else if constexpr (Op == CmpOp::Le)
        return c == -1 || c == 0;
    else if constexpr (Op == CmpOp::Gt)
        return c == 1;
    else
        return c == 1 || c == 0;
}

/// One evaluated operand of a generic comparison.
struct Datum {
    Scalar s = Scalar::none();
    std::string_view str;
    bool null = true;
    std::string buf;
};

inline void evalInto(const CompiledNode& n, EvalContext& ctx, Datum& d)
{
    if (isStringKind(n.type().kind())) {
        StrResult r = n.evalStr(ctx, d.buf);
        d.str = r.s;
        d.null = r.null;
    } else {
        d.s = n.eval(ctx);
        d.null = d.s.null;
    }
}

/// Compares two non-NULL datums: -1, 0, 1 or kUnordered.
inline int compareDatums(const Datum& a, const Datum& b, const CompareSpec& spec)
{
    switch (spec.kind) {
    case CompareSpec::Kind::Exact:
        return cmpExact(a.s.i, spec.scaleA, b.s.i, spec.scaleB);
    case CompareSpec::Kind::Double: {
        double x = spec.scaleA < 0 ? a.s.d : exactToDouble(a.s.i, spec.scaleA);
        double y = spec.scaleB < 0 ? b.s.d : exactToDouble(b.s.i, spec.scaleB);
        return cmpDouble(x, y);
    }
    case CompareSpec::Kind::Bool:
        return a.s.b == b.s.b ? 0 : a.s.b ? 1 : -1;
    case CompareSpec::Kind::String: {
        int c = a.str.compare(b.str);
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    }
    return kUnordered;
}

} // namespace sw::runtime::expr::detail
