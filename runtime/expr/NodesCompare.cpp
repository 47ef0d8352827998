// Comparison nodes: =, <>, <, <=, >, >=, IS [NOT] DISTINCT FROM, [NOT] IN, [NOT] BETWEEN and
// NULLIF. Operand types were checked by the binder; CompareSpec says how to compare them.
#include "expr/Compare.h"

namespace sw::runtime::expr {
namespace {

using namespace detail;

DataType boolType(bool nullable)
{
    return DataType::boolean().withNullable(nullable);
}

// ---- binary comparisons, specialised for the hot cases ----

template <CmpOp Op> class CmpExactNode final : public CompiledNode {
public:
    CmpExactNode(NodePtr a, NodePtr b, int sa, int sb)
        : CompiledNode(boolType(a->type().nullable() || b->type().nullable())), m_a(std::move(a)),
          m_b(std::move(b)), m_sa(sa), m_sb(sb)
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Scalar x = m_a->eval(ctx);
        Scalar y = m_b->eval(ctx);
        if (x.null || y.null) return Scalar::none();
        if (m_sa == m_sb) return Scalar::ofBool(holds<Op>(x.i < y.i ? -1 : x.i > y.i ? 1 : 0));
        return Scalar::ofBool(holds<Op>(cmpExact(x.i, m_sa, y.i, m_sb)));
    }

private:
    NodePtr m_a, m_b;
    int m_sa, m_sb;
};

template <CmpOp Op> class CmpGenericNode final : public CompiledNode {
public:
    CmpGenericNode(NodePtr a, NodePtr b, CompareSpec spec)
        : CompiledNode(boolType(a->type().nullable() || b->type().nullable())), m_a(std::move(a)),
          m_b(std::move(b)), m_spec(spec)
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Datum x, y;
        evalInto(*m_a, ctx, x);
        evalInto(*m_b, ctx, y);
        if (x.null || y.null) return Scalar::none();
        return Scalar::ofBool(holds<Op>(compareDatums(x, y, m_spec)));
    }

private:
    NodePtr m_a, m_b;
    CompareSpec m_spec;
};

template <CmpOp Op> NodePtr makeCompareT(CompareSpec spec, NodePtr a, NodePtr b)
{
    if (spec.kind == CompareSpec::Kind::Exact)
        return std::make_unique<CmpExactNode<Op>>(std::move(a), std::move(b), spec.scaleA,
                                                  spec.scaleB);
    return std::make_unique<CmpGenericNode<Op>>(std::move(a), std::move(b), spec);
}

class DistinctNode final : public CompiledNode {
public:
    DistinctNode(CompareSpec spec, NodePtr a, NodePtr b, bool negated)
        : CompiledNode(boolType(false)), m_a(std::move(a)), m_b(std::move(b)), m_spec(spec),
          m_neg(negated)
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Datum x, y;
        evalInto(*m_a, ctx, x);
        evalInto(*m_b, ctx, y);
        bool distinct;
        if (x.null || y.null)
            distinct = x.null != y.null;
        else
            distinct = compareDatums(x, y, m_spec) != 0;
        return Scalar::ofBool(distinct != m_neg);
    }

private:
    NodePtr m_a, m_b;
    CompareSpec m_spec;
    bool m_neg;
};

class InNode final : public CompiledNode {
public:
    InNode(NodePtr x, std::vector<NodePtr> items, std::vector<CompareSpec> specs, bool negated,
           DataType t)
        : CompiledNode(t), m_x(std::move(x)), m_items(std::move(items)), m_specs(std::move(specs)),
          m_neg(negated)
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Datum x, item;
        evalInto(*m_x, ctx, x);
        if (x.null) return Scalar::none();
        bool sawNull = false;
        for (std::size_t i = 0; i < m_items.size(); ++i) {
            evalInto(*m_items[i], ctx, item);
            if (item.null) {
                sawNull = true;
                continue;
            }
            if (compareDatums(x, item, m_specs[i]) == 0) return Scalar::ofBool(!m_neg);
        }
        return sawNull ? Scalar::none() : Scalar::ofBool(m_neg);
    }

private:
    NodePtr m_x;
    std::vector<NodePtr> m_items;
    std::vector<CompareSpec> m_specs;
    bool m_neg;
};

/// Three-valued AND of two "maybe" booleans encoded as -1 (NULL), 0, 1.
int and3(int a, int b)
{
    return (a == 0 || b == 0) ? 0 : (a < 0 || b < 0) ? -1 : 1;
}
int or3(int a, int b)
{
    return (a == 1 || b == 1) ? 1 : (a < 0 || b < 0) ? -1 : 0;
}

class BetweenNode final : public CompiledNode {
public:
    BetweenNode(NodePtr x, NodePtr lo, NodePtr hi, CompareSpec sLo, CompareSpec sHi, bool negated,
                bool symmetric, DataType t)
        : CompiledNode(t), m_x(std::move(x)), m_lo(std::move(lo)), m_hi(std::move(hi)), m_sLo(sLo),
          m_sHi(sHi), m_neg(negated), m_sym(symmetric)
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Datum x, lo, hi;
        evalInto(*m_x, ctx, x);
        evalInto(*m_lo, ctx, lo);
        evalInto(*m_hi, ctx, hi);
        // c = comparison of x with each bound, or NULL (-1 in the 3VL encoding below).
        auto rel = [&](const Datum& b, const CompareSpec& s, bool wantGe) {
            if (x.null || b.null) return -1;
            int c = compareDatums(x, b, s);
            if (c == kUnordered) return 0;
            return (wantGe ? c >= 0 : c <= 0) ? 1 : 0;
        };
        int r = and3(rel(lo, m_sLo, true), rel(hi, m_sHi, false));
        if (m_sym) r = or3(r, and3(rel(hi, m_sHi, true), rel(lo, m_sLo, false)));
        if (r < 0) return Scalar::none();
        return Scalar::ofBool((r == 1) != m_neg);
    }

private:
    NodePtr m_x, m_lo, m_hi;
    CompareSpec m_sLo, m_sHi;
    bool m_neg, m_sym;
};

class NullIfNode final : public CompiledNode {
public:
    NullIfNode(CompareSpec spec, NodePtr a, NodePtr b, DataType t)
        : CompiledNode(t), m_a(std::move(a)), m_b(std::move(b)), m_spec(spec)
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Datum x, y;
        evalInto(*m_a, ctx, x);
        evalInto(*m_b, ctx, y);
        if (x.null || (!y.null && compareDatums(x, y, m_spec) == 0)) return Scalar::none();
        return x.s;
    }
    StrResult evalStr(EvalContext& ctx, std::string& buf) const override
    {
        StrResult x = m_a->evalStr(ctx, buf);
        Datum y;
        evalInto(*m_b, ctx, y);
        if (x.null || (!y.null && x.s == y.str)) return StrResult::none();
        return x;
    }

private:
    NodePtr m_a, m_b;
    CompareSpec m_spec;
};

} // namespace

NodePtr makeCompare(CmpOp op, CompareSpec spec, NodePtr a, NodePtr b)
{
    switch (op) {
    case CmpOp::Eq:
        return makeCompareT<CmpOp::Eq>(spec, std::move(a), std::move(b));
    case CmpOp::Ne:
        return makeCompareT<CmpOp::Ne>(spec, std::move(a), std::move(b));
    case CmpOp::Lt:
        return makeCompareT<CmpOp::Lt>(spec, std::move(a), std::move(b));
    case CmpOp::Le:
        return makeCompareT<CmpOp::Le>(spec, std::move(a), std::move(b));
    case CmpOp::Gt:
        return makeCompareT<CmpOp::Gt>(spec, std::move(a), std::move(b));
    case CmpOp::Ge:
        return makeCompareT<CmpOp::Ge>(spec, std::move(a), std::move(b));
    }
    return nullptr;
}

NodePtr makeDistinct(CompareSpec spec, NodePtr a, NodePtr b, bool negated)
{
    return std::make_unique<DistinctNode>(spec, std::move(a), std::move(b), negated);
}
NodePtr makeIn(NodePtr x, std::vector<NodePtr> items, std::vector<CompareSpec> specs, bool negated,
               DataType t)
{
    return std::make_unique<InNode>(std::move(x), std::move(items), std::move(specs), negated, t);
}
NodePtr makeBetween(NodePtr x, NodePtr lo, NodePtr hi, CompareSpec specLo, CompareSpec specHi,
                    bool negated, bool symmetric, DataType t)
{
    return std::make_unique<BetweenNode>(std::move(x), std::move(lo), std::move(hi), specLo, specHi,
                                         negated, symmetric, t);
}
NodePtr makeNullIf(CompareSpec spec, NodePtr a, NodePtr b, DataType t)
{
    return std::make_unique<NullIfNode>(spec, std::move(a), std::move(b), t);
}

} // namespace sw::runtime::expr
