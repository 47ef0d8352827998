// Binding of predicates and conditionals: IN, BETWEEN, LIKE, CASE and CAST.
#include "expr/Binder.h"
#include "expr/TypeRules.h"

namespace sw::runtime::expr {
namespace {
bool isNullType(DataType t)
{
    return t.kind() == TypeKind::Null;
}
} // namespace

Bound Binder::bindIn(const Ast& a)
{
    Bound x = bind(*a.kids[0]);
    bool constant = x.constant, nullable = x.type().nullable();
    std::vector<NodePtr> items;
    std::vector<CompareSpec> specs;
    for (std::size_t i = 1; i < a.kids.size(); ++i) {
        Bound b = bind(*a.kids[i]);
        specs.push_back(compareSpec(x.type(), b.type(), a.kids[i]->pos, "IN list"));
        constant = constant && b.constant;
        nullable = nullable || b.type().nullable();
        items.push_back(std::move(b.node));
    }
    DataType t = DataType::boolean().withNullable(nullable);
    return finish(makeIn(std::move(x.node), std::move(items), std::move(specs), a.negated, t),
                  constant);
}

Bound Binder::bindBetween(const Ast& a)
{
    Bound x = bind(*a.kids[0]);
    Bound lo = bind(*a.kids[1]);
    Bound hi = bind(*a.kids[2]);
    CompareSpec sl = compareSpec(x.type(), lo.type(), a.kids[1]->pos, "BETWEEN");
    CompareSpec sh = compareSpec(x.type(), hi.type(), a.kids[2]->pos, "BETWEEN");
    bool constant = x.constant && lo.constant && hi.constant;
    DataType t = DataType::boolean().withNullable(x.type().nullable() || lo.type().nullable() ||
                                                  hi.type().nullable());
    return finish(makeBetween(std::move(x.node), std::move(lo.node), std::move(hi.node), sl, sh,
                              a.negated, a.flag, t),
                  constant);
}

Bound Binder::bindLike(const Ast& a)
{
    std::vector<Bound> parts;
    bool constant = true, nullable = false;
    static const char* kRole[] = {"LIKE operand", "LIKE pattern", "LIKE escape"};
    for (std::size_t i = 0; i < a.kids.size(); ++i) {
        Bound b = bind(*a.kids[i]);
        TypeKind k = b.type().kind();
        if (k != TypeKind::String && k != TypeKind::Null)
            fail(a.kids[i]->pos,
                 std::string(kRole[i]) + " must be STRING, got " + typeName(b.type()));
        constant = constant && b.constant;
        nullable = nullable || b.type().nullable();
        parts.push_back(std::move(b));
    }
    bool escapeLit = parts.size() < 3 || parts[2].node->isLiteral();
    if (parts[1].node->isLiteral() && escapeLit) {
        EvalError err;
        EvalContext ctx({}, err);
        std::string b1, b2;
        StrResult p = parts[1].node->evalStr(ctx, b1);
        StrResult e = parts.size() < 3 ? StrResult::of("") : parts[2].node->evalStr(ctx, b2);
        if (!p.null && !e.null) {
            std::string msg = checkLikePattern(p.s, e.s);
            bool escapeProblem = msg.find("escape must") != std::string::npos;
            if (!msg.empty()) fail(a.kids[escapeProblem ? 2 : 1]->pos, msg);
        }
    }
    NodePtr esc = parts.size() > 2 ? std::move(parts[2].node) : nullptr;
    DataType t = DataType::boolean().withNullable(nullable);
    return finish(
        makeLike(std::move(parts[0].node), std::move(parts[1].node), std::move(esc), a.negated, t),
        constant);
}

Bound Binder::bindCase(const Ast& a)
{
    const std::size_t first = a.flag ? 1 : 0;
    const std::size_t end = a.kids.size() - (a.flag2 ? 1 : 0); // WHEN/THEN pairs in [first, end)
    std::vector<NodePtr> conds;
    std::vector<Bound> values;
    std::vector<int> valuePos;
    bool constant = true;
    for (std::size_t i = first; i + 1 < end; i += 2) {
        const Ast& when = *a.kids[i];
        Bound cond;
        if (a.flag) { // simple CASE x WHEN v: the condition is x = v
            Bound x = bind(*a.kids[0]);
            Bound v = bind(when);
            CompareSpec s = compareSpec(x.type(), v.type(), when.pos, "CASE ... WHEN");
            bool c = x.constant && v.constant;
            DataType bt =
                DataType::boolean().withNullable(x.type().nullable() || v.type().nullable());
            NodePtr eq = makeCompare(CmpOp::Eq, s, std::move(x.node), std::move(v.node));
            cond = finish(makeRetype(std::move(eq), bt), c);
        } else {
            cond = bind(when);
            requireBoolean(cond, when.pos, "WHEN condition");
        }
        constant = constant && cond.constant;
        conds.push_back(std::move(cond.node));
        values.push_back(bind(*a.kids[i + 1]));
        valuePos.push_back(a.kids[i + 1]->pos);
    }
    if (a.flag2) {
        values.push_back(bind(*a.kids.back()));
        valuePos.push_back(a.kids.back()->pos);
    }
    std::vector<DataType> types;
    for (const auto& v : values)
        types.push_back(v.type());
    DataType t = commonTypeOf(types, valuePos, "CASE branches");
    if (!a.flag2) t = t.withNullable(true);
    std::vector<NodePtr> results;
    for (auto& v : values) {
        constant = constant && v.constant;
        results.push_back(coerce(std::move(v), t));
    }
    NodePtr elseNode;
    if (a.flag2) {
        elseNode = std::move(results.back());
        results.pop_back();
    }
    return finish(makeCase(std::move(conds), std::move(results), std::move(elseNode), t), constant);
}

Bound Binder::bindCast(const Ast& a)
{
    Bound x = bind(*a.kids[0]);
    DataType from = x.type();
    DataType to = a.type.withNullable(a.flag || from.nullable());
    if (!castSupported(from, to))
        fail(a.pos, std::string("cannot ") + (a.flag ? "TRY_CAST " : "cast ") + typeName(from) +
                        " to " + typeName(to));
    bool constant = x.constant;
    if (isNullType(from) || from.sameKind(to))
        return finish(makeRetype(std::move(x.node), to), constant);
    return finish(makeCast(std::move(x.node), to, a.flag), constant);
}

} // namespace sw::runtime::expr
