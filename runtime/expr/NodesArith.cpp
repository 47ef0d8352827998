// Arithmetic operators and numeric functions. Integer overflow, DECIMAL overflow and division by
// zero are runtime errors (Flink wraps INT/BIGINT silently and returns NULL for DECIMAL
// overflow; an error that reaches the error output is safer than a wrong number).
#include <cmath>

#include "expr/DecimalMath.h"
#include "expr/Nodes.h"
#include "expr/TimeUtil.h"
#include "expr/TypeRules.h"

namespace sw::runtime::expr {
namespace {

const char* opName(ArithOp op)
{
    switch (op) {
    case ArithOp::Add:
        return "+";
    case ArithOp::Sub:
        return "-";
    case ArithOp::Mul:
        return "*";
    case ArithOp::Div:
        return "/";
    case ArithOp::Mod:
        return "%";
    }
    return "?";
}

bool fitsInt32(std::int64_t v)
{
    return v >= INT32_MIN && v <= INT32_MAX;
}

template <ArithOp Op> class IntArithNode final : public CompiledNode {
public:
    IntArithNode(NodePtr a, NodePtr b, DataType t)
        : CompiledNode(t), m_a(std::move(a)), m_b(std::move(b)), m_int32(t.kind() == TypeKind::Int)
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Scalar x = m_a->eval(ctx);
        Scalar y = m_b->eval(ctx);
        if (x.null || y.null) return Scalar::none();
        std::int64_t r = 0;
        bool overflow = false;
        if constexpr (Op == ArithOp::Add)
            overflow = __builtin_add_overflow(x.i, y.i, &r);
        else if constexpr (Op == ArithOp::Sub)
            overflow = __builtin_sub_overflow(x.i, y.i, &r);
        else if constexpr (Op == ArithOp::Mul)
            overflow = __builtin_mul_overflow(x.i, y.i, &r);
        else {
            if (y.i == 0) return ctx.fail("division by zero");
            if (y.i == -1) {
                if constexpr (Op == ArithOp::Mod) return Scalar::ofInt(0);
                overflow = __builtin_sub_overflow(std::int64_t{0}, x.i, &r);
            } else {
                r = Op == ArithOp::Div ? x.i / y.i : x.i % y.i;
            }
        }
        if (overflow || (m_int32 && !fitsInt32(r)))
            return ctx.fail(std::string("integer overflow in '") + opName(Op) + "' (" +
                            typeName(type()) + ")");
        return Scalar::ofInt(r);
    }

private:
    NodePtr m_a, m_b;
    bool m_int32;
};

template <ArithOp Op> class DoubleArithNode final : public CompiledNode {
public:
    DoubleArithNode(NodePtr a, NodePtr b, DataType t)
        : CompiledNode(t), m_a(std::move(a)), m_b(std::move(b))
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Scalar x = m_a->eval(ctx);
        Scalar y = m_b->eval(ctx);
        if (x.null || y.null) return Scalar::none();
        if constexpr (Op == ArithOp::Add)
            return Scalar::ofDouble(x.d + y.d);
        else if constexpr (Op == ArithOp::Sub)
            return Scalar::ofDouble(x.d - y.d);
        else if constexpr (Op == ArithOp::Mul)
            return Scalar::ofDouble(x.d * y.d);
        else if constexpr (Op == ArithOp::Div)
            return Scalar::ofDouble(x.d / y.d);
        else
            return Scalar::ofDouble(std::fmod(x.d, y.d));
    }

private:
    NodePtr m_a, m_b;
};

class DecimalArithNode final : public CompiledNode {
public:
    DecimalArithNode(ArithOp op, NodePtr a, NodePtr b, DataType t)
        : CompiledNode(t), m_a(std::move(a)), m_b(std::move(b)), m_op(op),
          m_sa(exactScale(m_a->type())), m_sb(exactScale(m_b->type()))
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Scalar x = m_a->eval(ctx);
        Scalar y = m_b->eval(ctx);
        if (x.null || y.null) return Scalar::none();
        const int s = type().scale();
        i128 r = 0;
        switch (m_op) {
        case ArithOp::Add:
        case ArithOp::Sub:
        case ArithOp::Mod: {
            int common = std::max(m_sa, m_sb);
            i128 a = i128(x.i) * pow10i(common - m_sa), b = i128(y.i) * pow10i(common - m_sb);
            if (m_op == ArithOp::Mod) {
                if (b == 0) return ctx.fail("division by zero");
                r = a % b;
            } else {
                r = m_op == ArithOp::Add ? a + b : a - b;
            }
            rescale(r, common, s, r);
            break;
        }
        case ArithOp::Mul:
            rescale(i128(x.i) * y.i, m_sa + m_sb, s, r);
            break;
        case ArithOp::Div:
            if (y.i == 0) return ctx.fail("division by zero");
            if (!divideRounded(x.i, y.i, s - m_sa + m_sb, r)) return overflow(ctx);
            break;
        }
        if (!fitsPrecision(r, type().precision())) return overflow(ctx);
        return Scalar::ofInt(static_cast<std::int64_t>(r));
    }

private:
    Scalar overflow(EvalContext& ctx) const
    {
        return ctx.fail(std::string("numeric overflow in '") + opName(m_op) +
                        "': result does not fit " + typeName(type()));
    }
    NodePtr m_a, m_b;
    ArithOp m_op;
    int m_sa, m_sb;
};

class NegateNode final : public CompiledNode {
public:
    explicit NegateNode(NodePtr a) : CompiledNode(a->type()), m_a(std::move(a)) {}
    Scalar eval(EvalContext& ctx) const override
    {
        Scalar x = m_a->eval(ctx);
        if (x.null) return x;
        switch (type().kind()) {
        case TypeKind::Double:
            return Scalar::ofDouble(-x.d);
        case TypeKind::Int:
        case TypeKind::BigInt:
            if (x.i == INT64_MIN || (type().kind() == TypeKind::Int && x.i == INT32_MIN))
                return ctx.fail("integer overflow in unary '-' (" + typeName(type()) + ")");
            return Scalar::ofInt(-x.i);
        default:
            return Scalar::ofInt(-x.i); // DECIMAL: |unscaled| < 10^18
        }
    }

private:
    NodePtr m_a;
};

class TimestampAddNode final : public CompiledNode {
public:
    TimestampAddNode(NodePtr ts, NodePtr n, std::int64_t unit, bool months, bool sub, DataType t)
        : CompiledNode(t), m_ts(std::move(ts)), m_n(std::move(n)), m_unit(unit), m_months(months),
          m_sub(sub)
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Scalar ts = m_ts->eval(ctx);
        Scalar n = m_n->eval(ctx);
        if (ts.null || n.null) return Scalar::none();
        std::int64_t amount = 0, out = 0;
        bool bad = __builtin_mul_overflow(n.i, m_unit, &amount);
        if (!bad && m_sub) bad = __builtin_sub_overflow(std::int64_t{0}, amount, &amount);
        if (!bad)
            bad = m_months ? !addMonths(ts.i, amount, out)
                           : __builtin_add_overflow(ts.i, amount, &out);
        if (bad || out < -kMaxTimestamp || out > kMaxTimestamp)
            return ctx.fail("timestamp arithmetic overflow");
        return Scalar::ofInt(out);
    }

private:
    // About +-285,000 years: keeps every calendar computation far from int64 limits.
    static constexpr std::int64_t kMaxTimestamp = 9000000000000000000LL / 1000;
    NodePtr m_ts, m_n;
    std::int64_t m_unit;
    bool m_months, m_sub;
};

class AbsNode final : public CompiledNode {
public:
    explicit AbsNode(NodePtr a) : CompiledNode(a->type()), m_a(std::move(a)) {}
    Scalar eval(EvalContext& ctx) const override
    {
        Scalar x = m_a->eval(ctx);
        if (x.null) return x;
        if (type().kind() == TypeKind::Double) return Scalar::ofDouble(std::fabs(x.d));
        if (x.i == INT64_MIN || (type().kind() == TypeKind::Int && x.i == INT32_MIN))
            return ctx.fail("integer overflow in ABS (" + typeName(type()) + ")");
        return Scalar::ofInt(x.i < 0 ? -x.i : x.i);
    }

private:
    NodePtr m_a;
};

class RoundNode final : public CompiledNode {
public:
    RoundNode(NodePtr x, NodePtr places, DataType t)
        : CompiledNode(t), m_x(std::move(x)), m_places(std::move(places)),
          m_inScale(exactScale(m_x->type()))
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Scalar x = m_x->eval(ctx);
        Scalar p = m_places ? m_places->eval(ctx) : Scalar::ofInt(0);
        if (x.null || p.null) return Scalar::none();
        int places = static_cast<int>(std::max<std::int64_t>(-40, std::min<std::int64_t>(40, p.i)));
        if (type().kind() == TypeKind::Double) return Scalar::ofDouble(roundDouble(x.d, places));
        // Exact: drop (scale - places) digits with HALF_UP, then express the value at the
        // result scale.
        i128 v = x.i;
        int scale = m_inScale;
        if (places < scale) {
            int drop = scale - places;
            i128 mag = v < 0 ? -v : v;
            i128 f = pow10i(std::min(drop, 38));
            i128 q = drop > 38 ? 0 : mag / f, r = drop > 38 ? mag : mag % f;
            if (drop <= 38 && r * 2 >= f) ++q;
            v = v < 0 ? -q : q;
            scale = places;
            if (scale < 0) {
                if (v != 0 && -scale > 19) return overflow(ctx);
                v *= pow10i(-scale);
                scale = 0;
            }
        }
        i128 out = 0;
        if (!rescale(v, scale, type().kind() == TypeKind::Decimal ? type().scale() : 0, out) ||
            !fitsRange(out))
            return overflow(ctx);
        return Scalar::ofInt(static_cast<std::int64_t>(out));
    }

private:
    Scalar overflow(EvalContext& ctx) const
    {
        return ctx.fail("numeric overflow in ROUND (" + typeName(type()) + ")");
    }
    bool fitsRange(i128 v) const
    {
        switch (type().kind()) {
        case TypeKind::Int:
            return v >= INT32_MIN && v <= INT32_MAX;
        case TypeKind::BigInt:
            return v >= INT64_MIN && v <= INT64_MAX;
        default:
            return fitsPrecision(v, type().precision());
        }
    }
    NodePtr m_x, m_places;
    int m_inScale;
};

class FloorCeilNode final : public CompiledNode {
public:
    FloorCeilNode(NodePtr x, bool ceil, DataType t)
        : CompiledNode(t), m_x(std::move(x)), m_ceil(ceil), m_inScale(exactScale(m_x->type()))
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Scalar x = m_x->eval(ctx);
        if (x.null) return x;
        if (type().kind() == TypeKind::Double)
            return Scalar::ofDouble(m_ceil ? std::ceil(x.d) : std::floor(x.d));
        if (m_inScale == 0) return x;
        std::int64_t f = static_cast<std::int64_t>(pow10i(m_inScale));
        std::int64_t q = floorDiv(x.i, f);
        if (m_ceil && floorMod(x.i, f) != 0) ++q;
        return Scalar::ofInt(q);
    }

private:
    NodePtr m_x;
    bool m_ceil;
    int m_inScale;
};

class MathNode final : public CompiledNode {
public:
    MathNode(MathFn fn, std::vector<NodePtr> args, DataType t)
        : CompiledNode(t), m_fn(fn), m_args(std::move(args))
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Scalar a = m_args[0]->eval(ctx);
        Scalar b = m_args.size() > 1 ? m_args[1]->eval(ctx) : Scalar::ofDouble(0);
        if (a.null || b.null) return Scalar::none();
        switch (m_fn) {
        case MathFn::Power:
            return Scalar::ofDouble(std::pow(a.d, b.d));
        case MathFn::Sqrt:
            return Scalar::ofDouble(std::sqrt(a.d));
        case MathFn::Ln:
            return Scalar::ofDouble(std::log(a.d));
        case MathFn::Log10:
            return Scalar::ofDouble(std::log10(a.d));
        case MathFn::Log2:
            return Scalar::ofDouble(std::log2(a.d));
        case MathFn::Exp:
            return Scalar::ofDouble(std::exp(a.d));
        }
        return Scalar::none();
    }

private:
    MathFn m_fn;
    std::vector<NodePtr> m_args;
};

template <template <ArithOp> class N, typename... A> NodePtr byOp(ArithOp op, A&&... args)
{
    switch (op) {
    case ArithOp::Add:
        return std::make_unique<N<ArithOp::Add>>(std::forward<A>(args)...);
    case ArithOp::Sub:
        return std::make_unique<N<ArithOp::Sub>>(std::forward<A>(args)...);
    case ArithOp::Mul:
        return std::make_unique<N<ArithOp::Mul>>(std::forward<A>(args)...);
    case ArithOp::Div:
        return std::make_unique<N<ArithOp::Div>>(std::forward<A>(args)...);
    case ArithOp::Mod:
        return std::make_unique<N<ArithOp::Mod>>(std::forward<A>(args)...);
    }
    return nullptr;
}

} // namespace

NodePtr makeIntArith(ArithOp op, NodePtr a, NodePtr b, DataType result)
{
    return byOp<IntArithNode>(op, std::move(a), std::move(b), result);
}
NodePtr makeDoubleArith(ArithOp op, NodePtr a, NodePtr b, DataType result)
{
    return byOp<DoubleArithNode>(op, std::move(a), std::move(b), result);
}
NodePtr makeDecimalArith(ArithOp op, NodePtr a, NodePtr b, DataType result)
{
    return std::make_unique<DecimalArithNode>(op, std::move(a), std::move(b), result);
}
NodePtr makeNegate(NodePtr a)
{
    return std::make_unique<NegateNode>(std::move(a));
}
NodePtr makeTimestampAdd(NodePtr ts, NodePtr amount, std::int64_t unitMillis, bool months,
                         bool subtract, DataType t)
{
    return std::make_unique<TimestampAddNode>(std::move(ts), std::move(amount), unitMillis, months,
                                              subtract, t);
}
NodePtr makeAbs(NodePtr a)
{
    return std::make_unique<AbsNode>(std::move(a));
}
NodePtr makeRound(NodePtr x, NodePtr places, DataType result)
{
    return std::make_unique<RoundNode>(std::move(x), std::move(places), result);
}
NodePtr makeFloorCeil(NodePtr x, bool ceil, DataType result)
{
    return std::make_unique<FloorCeilNode>(std::move(x), ceil, result);
}
NodePtr makeMath(MathFn fn, std::vector<NodePtr> args, DataType result)
{
    return std::make_unique<MathNode>(fn, std::move(args), result);
}

} // namespace sw::runtime::expr
