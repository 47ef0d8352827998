#include "expr/Binder.h"

#include <algorithm>
#include <cctype>

#include "expr/TypeRules.h"

namespace sw::runtime::expr {
namespace {

std::string lower(std::string_view s)
{
    std::string r(s);
    for (auto& c : r)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
}

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

CmpOp cmpOpOf(BinOp op)
{
    switch (op) {
    case BinOp::Eq:
        return CmpOp::Eq;
    case BinOp::Ne:
        return CmpOp::Ne;
    case BinOp::Lt:
        return CmpOp::Lt;
    case BinOp::Le:
        return CmpOp::Le;
    case BinOp::Gt:
        return CmpOp::Gt;
    default:
        return CmpOp::Ge;
    }
}

ArithOp arithOpOf(BinOp op)
{
    switch (op) {
    case BinOp::Add:
        return ArithOp::Add;
    case BinOp::Sub:
        return ArithOp::Sub;
    case BinOp::Mul:
        return ArithOp::Mul;
    case BinOp::Div:
        return ArithOp::Div;
    default:
        return ArithOp::Mod;
    }
}

bool isNullType(DataType t)
{
    return t.kind() == TypeKind::Null;
}

} // namespace

std::string closestName(std::string_view name, const std::vector<std::string>& candidates)
{
    if (name.size() > 200) return {};
    std::string lname = lower(name);
    std::size_t limit = name.size() <= 3 ? 1 : name.size() <= 6 ? 2 : 3;
    std::string best;
    std::size_t bestD = limit + 1;
    for (const auto& c : candidates) {
        if (c.size() > 200) continue;
        std::size_t d = editDistance(lname, lower(c));
        if (d < bestD) {
            bestD = d;
            best = c;
        }
    }
    return best;
}

void Binder::fail(int pos, std::string message)
{
    throw CompileError{pos, std::move(message)};
}

Bound Binder::finish(NodePtr n, bool constant)
{
    if (!constant || n->isLiteral()) return {std::move(n), constant};
    EvalError err;
    EvalContext ctx({}, err);
    Value v = evalToValue(*n, ctx);
    if (ctx.failed()) return {std::move(n), false}; // keep it: the error happens per row
    DataType t = n->type();
    return {makeLiteral(v, t), true};
}

NodePtr Binder::coerce(Bound b, DataType target)
{
    DataType from = b.type();
    NodePtr n = std::move(b.node);
    if (isNullType(from) || isNullType(target)) return n;
    switch (target.kind()) {
    case TypeKind::Double:
        return makeToDouble(std::move(n));
    case TypeKind::Decimal:
        if (from.kind() == TypeKind::Decimal && from.scale() == target.scale()) return n;
        return makeRescale(std::move(n), target);
    default:
        return n; // INT -> BIGINT and same-kind types share their representation
    }
}

CompareSpec Binder::compareSpec(DataType a, DataType b, int pos, const std::string& what) const
{
    if (isNullType(a)) a = b;
    if (isNullType(b)) b = a;
    CompareSpec s;
    if (a.isNumeric() && b.isNumeric()) {
        if (a.kind() == TypeKind::Double || b.kind() == TypeKind::Double) {
            s.kind = CompareSpec::Kind::Double;
            s.scaleA = a.kind() == TypeKind::Double ? -1 : exactScale(a);
            s.scaleB = b.kind() == TypeKind::Double ? -1 : exactScale(b);
        } else {
            s.kind = CompareSpec::Kind::Exact;
            s.scaleA = exactScale(a);
            s.scaleB = exactScale(b);
        }
        return s;
    }
    if (a.kind() == b.kind()) {
        switch (a.kind()) {
        case TypeKind::Null:
        case TypeKind::Timestamp:
            s.kind = CompareSpec::Kind::Exact;
            return s;
        case TypeKind::Boolean:
            s.kind = CompareSpec::Kind::Bool;
            return s;
        case TypeKind::String:
        case TypeKind::Bytes:
            s.kind = CompareSpec::Kind::String;
            return s;
        default:
            break;
        }
    }
    fail(pos, "cannot compare " + typeName(a) + " with " + typeName(b) + " in " + what);
}

void Binder::requireBoolean(const Bound& b, int pos, const std::string& what) const
{
    TypeKind k = b.type().kind();
    if (k != TypeKind::Boolean && k != TypeKind::Null)
        fail(pos, what + " must be BOOLEAN, got " + typeName(b.type()));
}

DataType Binder::commonTypeOf(const std::vector<DataType>& types, const std::vector<int>& positions,
                              const std::string& what) const
{
    DataType t = types.front();
    for (std::size_t i = 1; i < types.size(); ++i) {
        auto c = commonType(t, types[i]);
        if (!c)
            fail(positions[i],
                 what + " have incompatible types " + typeName(t) + " and " + typeName(types[i]));
        t = *c;
    }
    return t;
}

Bound Binder::bind(const Ast& a)
{
    switch (a.kind) {
    case AstKind::Literal:
        return {makeLiteral(a.value, a.type), true};
    case AstKind::Column:
        return bindColumn(a);
    case AstKind::Neg:
        return bindNeg(a);
    case AstKind::Binary:
        return bindBinary(a);
    case AstKind::And:
    case AstKind::Or:
    case AstKind::Not:
        return bindLogic(a);
    case AstKind::IsNull:
    case AstKind::IsTrue:
    case AstKind::IsFalse:
    case AstKind::IsDistinct:
        return bindIs(a);
    case AstKind::In:
        return bindIn(a);
    case AstKind::Between:
        return bindBetween(a);
    case AstKind::Like:
        return bindLike(a);
    case AstKind::Case:
        return bindCase(a);
    case AstKind::Cast:
        return bindCast(a);
    case AstKind::Call:
        return bindCall(a);
    case AstKind::Interval:
        fail(a.pos, "an INTERVAL can only be added to or subtracted from a TIMESTAMP "
                    "(e.g. ts + INTERVAL '5' MINUTE)");
    }
    fail(a.pos, "internal error: unknown syntax node");
}

Bound Binder::bindColumn(const Ast& a)
{
    int idx = m_schema.indexOf(a.name);
    if (idx < 0) {
        std::vector<std::string> names;
        for (const auto& f : m_schema.fields())
            names.push_back(f.name);
        std::string guess = closestName(a.name, names);
        std::string msg = "unknown column '" + a.name + "'";
        if (!guess.empty()) msg += " (did you mean '" + guess + "'?)";
        fail(a.pos, msg);
    }
    if (std::find(m_refs.begin(), m_refs.end(), idx) == m_refs.end()) m_refs.push_back(idx);
    const Field& f = m_schema[static_cast<std::size_t>(idx)];
    if (f.type.kind() == TypeKind::Null) fail(a.pos, "column '" + a.name + "' has no type");
    return {makeColumn(idx, f.name, f.type), false};
}

Bound Binder::bindNeg(const Ast& a)
{
    Bound x = bind(*a.kids[0]);
    const char* op = a.flag ? "+" : "-";
    if (!x.type().isNumeric() && !isNullType(x.type()))
        fail(a.pos, std::string("operand of unary '") + op + "' must be numeric, got " +
                        typeName(x.type()));
    if (a.flag || isNullType(x.type())) return x;
    bool c = x.constant;
    return finish(makeNegate(std::move(x.node)), c);
}

Bound Binder::bindBinary(const Ast& a)
{
    if ((a.op == BinOp::Add || a.op == BinOp::Sub) &&
        (a.kids[0]->kind == AstKind::Interval || a.kids[1]->kind == AstKind::Interval))
        return bindIntervalArithmetic(a);
    Bound l = bind(*a.kids[0]);
    Bound r = bind(*a.kids[1]);
    DataType lt = l.type(), rt = r.type();
    bool constant = l.constant && r.constant;
    if (isComparison(a.op)) {
        CompareSpec spec = compareSpec(lt, rt, a.opPos, std::string("'") + opSymbol(a.op) + "'");
        DataType t = DataType::boolean().withNullable(lt.nullable() || rt.nullable());
        NodePtr n = makeCompare(cmpOpOf(a.op), spec, std::move(l.node), std::move(r.node));
        return finish(makeRetype(std::move(n), t), constant);
    }
    if (a.op == BinOp::Concat) {
        auto isStr = [](DataType t) { return t.kind() == TypeKind::String || isNullType(t); };
        if (!isStr(lt) || !isStr(rt))
            fail(a.opPos, "cannot apply '||' to " + typeName(lt) + " and " + typeName(rt) +
                              " (use CAST(... AS STRING))");
        std::vector<NodePtr> parts;
        parts.push_back(std::move(l.node));
        parts.push_back(std::move(r.node));
        DataType t = DataType::string().withNullable(lt.nullable() || rt.nullable());
        return finish(makeConcat(std::move(parts), t), constant);
    }
    return bindArithmetic(a, std::move(l), std::move(r));
}

Bound Binder::bindArithmetic(const Ast& a, Bound l, Bound r)
{
    DataType lt = l.type(), rt = r.type();
    bool constant = l.constant && r.constant;
    const std::string sym = opSymbol(a.op);
    auto numericOrNull = [](DataType t) { return t.isNumeric() || isNullType(t); };
    if (!numericOrNull(lt) || !numericOrNull(rt)) {
        std::string hint;
        if (lt.kind() == TypeKind::Timestamp || rt.kind() == TypeKind::Timestamp)
            hint = " (use ts + INTERVAL '1' DAY or TIMESTAMPADD)";
        else if (lt.kind() == TypeKind::String && rt.kind() == TypeKind::String &&
                 a.op == BinOp::Add)
            hint = " (use || to concatenate strings)";
        fail(a.opPos,
             "cannot apply '" + sym + "' to " + typeName(lt) + " and " + typeName(rt) + hint);
    }
    if (isNullType(lt) && isNullType(rt))
        fail(a.opPos, "cannot apply '" + sym + "' to NULL and NULL (use CAST(NULL AS type))");
    if (a.op == BinOp::Mod && (lt.kind() == TypeKind::Double || rt.kind() == TypeKind::Double))
        fail(a.opPos, "'%' (MOD) needs exact numeric operands (INT, BIGINT or DECIMAL), got " +
                          typeName(lt) + " and " + typeName(rt));
    DataType t = arithmeticType(a.op, lt, rt);
    ArithOp op = arithOpOf(a.op);
    NodePtr n;
    if (t.kind() == TypeKind::Double) {
        n = makeDoubleArith(op, coerce(std::move(l), t), coerce(std::move(r), t), t);
    } else if (t.isIntegral()) {
        n = makeIntArith(op, std::move(l.node), std::move(r.node), t);
    } else {
        n = makeDecimalArith(op, std::move(l.node), std::move(r.node), t);
    }
    return finish(std::move(n), constant);
}

Bound Binder::bindIntervalArithmetic(const Ast& a)
{
    const Ast* iv = a.kids[1]->kind == AstKind::Interval ? a.kids[1].get() : a.kids[0].get();
    const Ast* other = iv == a.kids[1].get() ? a.kids[0].get() : a.kids[1].get();
    if (other->kind == AstKind::Interval)
        fail(a.opPos, "cannot combine two INTERVAL values; add each to a TIMESTAMP");
    if (a.op == BinOp::Sub && iv == a.kids[0].get())
        fail(a.opPos, "cannot subtract a TIMESTAMP from an INTERVAL (write ts - INTERVAL ...)");
    Bound ts = bind(*other);
    if (ts.type().kind() != TypeKind::Timestamp && !isNullType(ts.type()))
        fail(a.opPos, "cannot apply '" + std::string(opSymbol(a.op)) + "' to " +
                          typeName(ts.type()) + " and an INTERVAL (needs TIMESTAMP(3))");
    bool months = iv->unit == "YEAR" || iv->unit == "MONTH";
    DataType t = DataType::timestamp().withNullable(ts.type().nullable());
    bool constant = ts.constant;
    NodePtr amount = makeLiteral(iv->value, DataType::bigint().withNullable(false));
    return finish(
        makeTimestampAdd(std::move(ts.node), std::move(amount), 1, months, a.op == BinOp::Sub, t),
        constant);
}

Bound Binder::bindLogic(const Ast& a)
{
    const char* what = a.kind == AstKind::And  ? "operand of AND"
                       : a.kind == AstKind::Or ? "operand of OR"
                                               : "operand of NOT";
    std::vector<NodePtr> kids;
    bool constant = true, nullable = false;
    for (const auto& k : a.kids) {
        Bound b = bind(*k);
        requireBoolean(b, k->pos, what);
        constant = constant && b.constant;
        nullable = nullable || b.type().nullable();
        kids.push_back(std::move(b.node));
    }
    DataType t = DataType::boolean().withNullable(nullable);
    if (a.kind == AstKind::Not) return finish(makeRetype(makeNot(std::move(kids[0])), t), constant);
    if (a.kind == AstKind::And) return finish(makeAnd(std::move(kids), t), constant);
    return finish(makeOr(std::move(kids), t), constant);
}

Bound Binder::bindIs(const Ast& a)
{
    Bound x = bind(*a.kids[0]);
    bool constant = x.constant;
    switch (a.kind) {
    case AstKind::IsNull:
        return finish(makeIsNull(std::move(x.node), a.negated), constant);
    case AstKind::IsTrue:
    case AstKind::IsFalse:
        requireBoolean(x, a.kids[0]->pos,
                       std::string("operand of IS ") + (a.negated ? "NOT " : "") +
                           (a.kind == AstKind::IsTrue ? "TRUE" : "FALSE"));
        return finish(makeIsBool(std::move(x.node), a.kind == AstKind::IsTrue, a.negated),
                      constant);
    default: {
        Bound y = bind(*a.kids[1]);
        CompareSpec s = compareSpec(x.type(), y.type(), a.opPos, "IS DISTINCT FROM");
        constant = constant && y.constant;
        return finish(makeDistinct(s, std::move(x.node), std::move(y.node), a.negated), constant);
    }
    }
}

} // namespace sw::runtime::expr
