// Three-valued boolean logic, IS [NOT] NULL/TRUE/FALSE and conditional expressions (CASE,
// COALESCE).
#include "expr/Nodes.h"

namespace sw::runtime::expr {
namespace {

DataType boolType(bool nullable)
{
    return DataType::boolean().withNullable(nullable);
}

// ---- boolean logic ----

class AndNode final : public CompiledNode {
public:
    AndNode(std::vector<NodePtr> kids, DataType t) : CompiledNode(t), m_kids(std::move(kids)) {}
    Scalar eval(EvalContext& ctx) const override
    {
        bool sawNull = false;
        for (const auto& k : m_kids) {
            Scalar s = k->eval(ctx);
            if (s.null)
                sawNull = true;
            else if (!s.b)
                return Scalar::ofBool(false);
        }
        return sawNull ? Scalar::none() : Scalar::ofBool(true);
    }

private:
    std::vector<NodePtr> m_kids;
};

class OrNode final : public CompiledNode {
public:
    OrNode(std::vector<NodePtr> kids, DataType t) : CompiledNode(t), m_kids(std::move(kids)) {}
    Scalar eval(EvalContext& ctx) const override
    {
        bool sawNull = false;
        for (const auto& k : m_kids) {
            Scalar s = k->eval(ctx);
            if (s.null)
                sawNull = true;
            else if (s.b)
                return Scalar::ofBool(true);
        }
        return sawNull ? Scalar::none() : Scalar::ofBool(false);
    }

private:
    std::vector<NodePtr> m_kids;
};

class NotNode final : public CompiledNode {
public:
    explicit NotNode(NodePtr a) : CompiledNode(a->type()), m_a(std::move(a)) {}
    Scalar eval(EvalContext& ctx) const override
    {
        Scalar s = m_a->eval(ctx);
        return s.null ? s : Scalar::ofBool(!s.b);
    }

private:
    NodePtr m_a;
};

class IsNullNode final : public CompiledNode {
public:
    IsNullNode(NodePtr a, bool negated)
        : CompiledNode(boolType(false)), m_a(std::move(a)), m_neg(negated),
          m_str(isStringKind(m_a->type().kind()))
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        bool isNull;
        if (m_str) {
            std::string buf;
            isNull = m_a->evalStr(ctx, buf).null;
        } else {
            isNull = m_a->eval(ctx).null;
        }
        return Scalar::ofBool(isNull != m_neg);
    }

private:
    NodePtr m_a;
    bool m_neg, m_str;
};

class IsBoolNode final : public CompiledNode {
public:
    IsBoolNode(NodePtr a, bool value, bool negated)
        : CompiledNode(boolType(false)), m_a(std::move(a)), m_value(value), m_neg(negated)
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Scalar s = m_a->eval(ctx);
        bool is = !s.null && s.b == m_value;
        return Scalar::ofBool(is != m_neg);
    }

private:
    NodePtr m_a;
    bool m_value, m_neg;
};

class CaseNode final : public CompiledNode {
public:
    CaseNode(std::vector<NodePtr> conds, std::vector<NodePtr> values, NodePtr elseValue, DataType t)
        : CompiledNode(t), m_conds(std::move(conds)), m_values(std::move(values)),
          m_else(std::move(elseValue))
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        const CompiledNode* n = pick(ctx);
        return n ? n->eval(ctx) : Scalar::none();
    }
    StrResult evalStr(EvalContext& ctx, std::string& buf) const override
    {
        const CompiledNode* n = pick(ctx);
        return n ? n->evalStr(ctx, buf) : StrResult::none();
    }

private:
    const CompiledNode* pick(EvalContext& ctx) const
    {
        for (std::size_t i = 0; i < m_conds.size(); ++i) {
            Scalar c = m_conds[i]->eval(ctx);
            if (!c.null && c.b) return m_values[i].get();
        }
        return m_else.get();
    }
    std::vector<NodePtr> m_conds, m_values;
    NodePtr m_else;
};

class CoalesceNode final : public CompiledNode {
public:
    CoalesceNode(std::vector<NodePtr> values, DataType t)
        : CompiledNode(t), m_values(std::move(values))
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        for (const auto& v : m_values) {
            Scalar s = v->eval(ctx);
            if (!s.null) return s;
        }
        return Scalar::none();
    }
    StrResult evalStr(EvalContext& ctx, std::string& buf) const override
    {
        for (const auto& v : m_values) {
            StrResult s = v->evalStr(ctx, buf);
            if (!s.null) return s;
        }
        return StrResult::none();
    }

private:
    std::vector<NodePtr> m_values;
};

} // namespace

NodePtr makeAnd(std::vector<NodePtr> kids, DataType t)
{
    return std::make_unique<AndNode>(std::move(kids), t);
}
NodePtr makeOr(std::vector<NodePtr> kids, DataType t)
{
    return std::make_unique<OrNode>(std::move(kids), t);
}
NodePtr makeNot(NodePtr a)
{
    return std::make_unique<NotNode>(std::move(a));
}
NodePtr makeIsNull(NodePtr a, bool negated)
{
    return std::make_unique<IsNullNode>(std::move(a), negated);
}
NodePtr makeIsBool(NodePtr a, bool value, bool negated)
{
    return std::make_unique<IsBoolNode>(std::move(a), value, negated);
}
NodePtr makeCase(std::vector<NodePtr> conds, std::vector<NodePtr> values, NodePtr elseValue,
                 DataType t)
{
    return std::make_unique<CaseNode>(std::move(conds), std::move(values), std::move(elseValue), t);
}
NodePtr makeCoalesce(std::vector<NodePtr> values, DataType t)
{
    return std::make_unique<CoalesceNode>(std::move(values), t);
}
} // namespace sw::runtime::expr
