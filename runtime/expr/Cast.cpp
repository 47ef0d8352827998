// CAST and TRY_CAST. A failed CAST is a runtime error; TRY_CAST returns NULL instead.
#include <cctype>
#include <charconv>
#include <cmath>

#include "expr/DecimalMath.h"
#include "expr/Nodes.h"
#include "expr/TypeRules.h"

namespace sw::runtime::expr {
namespace {

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
    return true;
}

std::string quoted(std::string_view s)
{
    constexpr std::size_t kMax = 40;
    if (s.size() <= kMax) return "'" + std::string(s) + "'";
    return "'" + std::string(s.substr(0, kMax)) + "...'";
}

/// Integer text: optional sign, digits, optionally a fraction that is truncated (Flink).
bool parseIntegerText(std::string_view t, i128& out)
{
    t = trimmed(t);
    bool neg = false;
    if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
        neg = t[0] == '-';
        t.remove_prefix(1);
    }
    i128 v = 0;
    std::size_t i = 0, digits = 0;
    for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++digits)
        if (v < pow10i(20)) v = v * 10 + (t[i] - '0');
    if (i < t.size() && t[i] == '.') {
        for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i)
            ++digits;
    }
    if (digits == 0 || i != t.size()) return false;
    out = neg ? -v : v;
    return true;
}

bool parseDoubleText(std::string_view t, double& out)
{
    t = trimmed(t);
    if (t.empty()) return false;
    std::string_view body = t;
    bool neg = false;
    if (body[0] == '+' || body[0] == '-') {
        neg = body[0] == '-';
        body.remove_prefix(1);
    }
    if (body == "Infinity" || equalsIgnoreCase(body, "inf") || equalsIgnoreCase(body, "infinity")) {
        out = neg ? -HUGE_VAL : HUGE_VAL;
        return true;
    }
    if (body == "NaN" || equalsIgnoreCase(body, "nan")) {
        out = std::nan("");
        return true;
    }
    if (body.empty() || !(std::isdigit(static_cast<unsigned char>(body[0])) || body[0] == '.'))
        return false;
    auto [p, ec] = std::from_chars(body.data(), body.data() + body.size(), out);
    if (ec == std::errc::result_out_of_range && p == body.data() + body.size()) {
        out = std::strtod(std::string(body).c_str(), nullptr); // +-inf or a denormal/zero
    } else if (ec != std::errc() || p != body.data() + body.size()) {
        return false;
    }
    if (neg) out = -out;
    return true;
}

class CastNode final : public CompiledNode {
public:
    CastNode(NodePtr in, DataType t, bool tryCast)
        : CompiledNode(t), m_in(std::move(in)), m_from(m_in->type()), m_try(tryCast)
    {
    }

    Scalar eval(EvalContext& ctx) const override
    {
        if (isStringKind(m_from.kind())) {
            std::string buf;
            StrResult s = m_in->evalStr(ctx, buf);
            if (s.null) return Scalar::none();
            return fromString(ctx, s.s);
        }
        Scalar x = m_in->eval(ctx);
        if (x.null) return x;
        return fromScalar(ctx, x);
    }

    StrResult evalStr(EvalContext& ctx, std::string& buf) const override
    {
        if (isStringKind(m_from.kind())) return m_in->evalStr(ctx, buf);
        Scalar x = m_in->eval(ctx);
        if (x.null) return StrResult::none();
        switch (m_from.kind()) {
        case TypeKind::Boolean:
            return StrResult::of(x.b ? "TRUE" : "FALSE");
        case TypeKind::Int:
        case TypeKind::BigInt:
            buf = std::to_string(x.i);
            break;
        case TypeKind::Double:
            buf = javaDoubleString(x.d);
            break;
        case TypeKind::Decimal:
            buf = formatDecimal(x.i, m_from.scale());
            break;
        case TypeKind::Timestamp:
            buf = formatTimestamp(x.i);
            break;
        default:
            return StrResult::none();
        }
        return StrResult::of(buf);
    }

private:
    Scalar bad(EvalContext& ctx, const std::string& what) const
    {
        if (m_try) return Scalar::none();
        return ctx.fail("cannot cast " + what + " to " + typeName(type()));
    }
    Scalar outOfRange(EvalContext& ctx, const std::string& what) const
    {
        if (m_try) return Scalar::none();
        return ctx.fail("value " + what + " is out of range for " + typeName(type()));
    }

    bool fitsIntegral(i128 v) const
    {
        return type().kind() == TypeKind::Int ? (v >= INT32_MIN && v <= INT32_MAX)
                                              : (v >= INT64_MIN && v <= INT64_MAX);
    }

    Scalar fromString(EvalContext& ctx, std::string_view s) const
    {
        switch (type().kind()) {
        case TypeKind::Boolean: {
            std::string_view t = trimmed(s);
            for (const char* w : {"true", "t", "yes", "y", "1"})
                if (equalsIgnoreCase(t, w)) return Scalar::ofBool(true);
            for (const char* w : {"false", "f", "no", "n", "0"})
                if (equalsIgnoreCase(t, w)) return Scalar::ofBool(false);
            return bad(ctx, quoted(s));
        }
        case TypeKind::Int:
        case TypeKind::BigInt: {
            i128 v = 0;
            if (!parseIntegerText(s, v)) return bad(ctx, quoted(s));
            if (!fitsIntegral(v)) return outOfRange(ctx, quoted(s));
            return Scalar::ofInt(static_cast<std::int64_t>(v));
        }
        case TypeKind::Double: {
            double d = 0;
            if (!parseDoubleText(s, d)) return bad(ctx, quoted(s));
            return Scalar::ofDouble(d);
        }
        case TypeKind::Decimal: {
            std::int64_t v = 0;
            if (!parseDecimalText(s, type().precision(), type().scale(), v)) {
                i128 probe = 0;
                double d = 0;
                if (parseIntegerText(s, probe) || parseDoubleText(s, d))
                    return outOfRange(ctx, quoted(s));
                return bad(ctx, quoted(s));
            }
            return Scalar::ofInt(v);
        }
        case TypeKind::Timestamp: {
            std::int64_t ms = 0;
            if (!parseTimestamp(trimmed(s), ms)) return bad(ctx, quoted(s));
            return Scalar::ofInt(ms);
        }
        default:
            return bad(ctx, quoted(s));
        }
    }

    Scalar fromScalar(EvalContext& ctx, Scalar x) const
    {
        const TypeKind f = m_from.kind(), t = type().kind();
        if (f == t && t != TypeKind::Decimal && t != TypeKind::Int) return x;
        auto shown = [&] {
            return f == TypeKind::Double ? javaDoubleString(x.d) : toValue(x, m_from).toString();
        };
        switch (t) {
        case TypeKind::Boolean:
            if (f == TypeKind::Double) return Scalar::ofBool(x.d != 0);
            return Scalar::ofBool(x.i != 0);
        case TypeKind::Int:
        case TypeKind::BigInt: {
            i128 v = 0;
            if (f == TypeKind::Boolean)
                v = x.b ? 1 : 0;
            else if (f == TypeKind::Double) {
                if (std::isnan(x.d)) return bad(ctx, shown());
                if (!(std::fabs(x.d) < 9.3e18)) return outOfRange(ctx, shown());
                v = static_cast<i128>(std::trunc(x.d));
            } else if (f == TypeKind::Decimal) {
                v = i128(x.i) / pow10i(m_from.scale());
            } else {
                v = x.i;
            }
            if (!fitsIntegral(v)) return outOfRange(ctx, shown());
            return Scalar::ofInt(static_cast<std::int64_t>(v));
        }
        case TypeKind::Double:
            if (f == TypeKind::Boolean) return Scalar::ofDouble(x.b ? 1 : 0);
            if (f == TypeKind::Decimal)
                return Scalar::ofDouble(static_cast<double>(x.i) /
                                        static_cast<double>(pow10i(m_from.scale())));
            return Scalar::ofDouble(static_cast<double>(x.i));
        case TypeKind::Decimal: {
            if (f == TypeKind::Double) {
                std::int64_t v = 0;
                if (!doubleToDecimal(x.d, type().precision(), type().scale(), v))
                    return std::isfinite(x.d) ? outOfRange(ctx, shown()) : bad(ctx, shown());
                return Scalar::ofInt(v);
            }
            i128 v = f == TypeKind::Boolean ? i128(x.b ? 1 : 0) : i128(x.i);
            i128 out = 0;
            int from = f == TypeKind::Decimal ? m_from.scale() : 0;
            if (!rescale(v, from, type().scale(), out) || !fitsPrecision(out, type().precision()))
                return outOfRange(ctx, shown());
            return Scalar::ofInt(static_cast<std::int64_t>(out));
        }
        default:
            return bad(ctx, shown());
        }
    }

    NodePtr m_in;
    DataType m_from;
    bool m_try;
};

} // namespace

NodePtr makeCast(NodePtr in, DataType target, bool tryCast)
{
    return std::make_unique<CastNode>(std::move(in), target, tryCast);
}

} // namespace sw::runtime::expr
