// Function calls: the function table, argument checks and result types.
#include <algorithm>
#include <array>

#include "expr/FunctionCall.h"
#include "expr/TypeRules.h"

namespace sw::runtime::expr {
namespace {

using namespace fn;

using Handler = Bound (*)(Call&);

struct Function {
    std::string_view name;
    int minArgs;
    int maxArgs;             // -1: unbounded
    std::array<Arg, 3> args; // expected kinds of the first arguments (others repeat the last)
    Handler handler;
};

bool accepts(Arg a, DataType t)
{
    TypeKind k = t.kind();
    if (k == TypeKind::Null) return true;
    switch (a) {
    case Arg::String:
        return k == TypeKind::String;
    case Arg::Integral:
        return t.isIntegral();
    case Arg::Numeric:
        return t.isNumeric();
    case Arg::Timestamp:
        return k == TypeKind::Timestamp;
    case Arg::Boolean:
        return k == TypeKind::Boolean;
    case Arg::StringOrTimestamp:
        return k == TypeKind::String || k == TypeKind::Timestamp;
    }
    return false;
}

const char* argName(Arg a)
{
    switch (a) {
    case Arg::String:
        return "STRING";
    case Arg::Integral:
        return "INT or BIGINT";
    case Arg::Numeric:
        return "numeric";
    case Arg::Timestamp:
        return "TIMESTAMP(3)";
    case Arg::Boolean:
        return "BOOLEAN";
    case Arg::StringOrTimestamp:
        return "TIMESTAMP(3) or STRING";
    }
    return "?";
}

DataType str(bool nullable)
{
    return DataType::string().withNullable(nullable);
}

void requireTyped(Call& c, std::size_t i)
{
    if (c.type(i).kind() == TypeKind::Null)
        Binder::fail(c.pos(i), "cannot infer the type of NULL in " + std::string(c.ast.name) +
                                   " (use CAST(NULL AS type))");
}

Bound upper(Call& c)
{
    return c.done(makeCaseConvert(c.take(0), true));
}
Bound lower(Call& c)
{
    return c.done(makeCaseConvert(c.take(0), false));
}
Bound trim(Call& c)
{
    int side = c.ast.unit == "LEADING" || c.ast.name == "LTRIM"    ? 1
               : c.ast.unit == "TRAILING" || c.ast.name == "RTRIM" ? 2
                                                                   : 0;
    DataType t = str(c.anyNullable());
    return c.done(makeTrim(c.take(0), c.take(1), side, t));
}
Bound charLength(Call& c)
{
    return c.done(makeCharLength(c.take(0)));
}
Bound substring(Call& c)
{
    return c.done(makeSubstring(c.take(0), c.take(1), c.take(2), str(true)));
}
Bound concat(Call& c)
{
    DataType t = str(c.anyNullable());
    std::vector<NodePtr> parts;
    for (std::size_t i = 0; i < c.args.size(); ++i)
        parts.push_back(c.take(i));
    return c.done(makeConcat(std::move(parts), t));
}
Bound position(Call& c)
{
    return c.done(makePosition(c.take(0), c.take(1)));
}
Bound replace(Call& c)
{
    DataType t = str(c.anyNullable());
    return c.done(makeReplace(c.take(0), c.take(1), c.take(2), t));
}
Bound pad(Call& c)
{
    return c.done(makePad(c.take(0), c.take(1), c.take(2), c.ast.name == "LPAD", str(true)));
}
Bound abs(Call& c)
{
    requireTyped(c, 0);
    return c.done(makeAbs(c.take(0)));
}
Bound round(Call& c)
{
    requireTyped(c, 0);
    DataType x = c.type(0);
    DataType t = x.withNullable(c.anyNullable());
    if (x.kind() == TypeKind::Decimal) {
        std::int64_t r = 0;
        if (c.args.size() > 1) {
            if (!c.args[1].node->isLiteral())
                Binder::fail(c.pos(1), "the number of decimal places of ROUND must be a constant "
                                       "for a DECIMAL argument");
            EvalError err;
            EvalContext ctx({}, err);
            Scalar s = c.args[1].node->eval(ctx);
            if (s.null) return c.done(makeLiteral(Value::null(), t.withNullable(true)));
            r = s.i;
        }
        int p = x.precision(), sc = x.scale();
        if (r >= sc)
            t = x;
        else if (r < 0)
            t = DataType::decimal(std::min(kMaxDecimalPrecision, 1 + p - sc), 0);
        else
            t = DataType::decimal(std::min(kMaxDecimalPrecision, 1 + p - sc + static_cast<int>(r)),
                                  static_cast<int>(r));
        t = t.withNullable(c.anyNullable());
    }
    return c.done(makeRound(c.take(0), c.take(1), t));
}
Bound floorCeil(Call& c)
{
    requireTyped(c, 0);
    DataType x = c.type(0);
    DataType t = x.kind() == TypeKind::Decimal
                     ? DataType::decimal(x.precision(), 0).withNullable(x.nullable())
                     : x;
    return c.done(makeFloorCeil(c.take(0), c.ast.name != "FLOOR", t));
}
Bound math(Call& c)
{
    static const std::pair<std::string_view, MathFn> kFns[] = {
        {"POWER", MathFn::Power}, {"POW", MathFn::Power},   {"SQRT", MathFn::Sqrt},
        {"LN", MathFn::Ln},       {"LOG10", MathFn::Log10}, {"LOG2", MathFn::Log2},
        {"EXP", MathFn::Exp}};
    MathFn fn = MathFn::Power;
    for (const auto& [n, f] : kFns)
        if (n == c.ast.name) fn = f;
    DataType t = DataType::float64().withNullable(c.anyNullable());
    std::vector<NodePtr> args;
    for (auto& a : c.args)
        args.push_back(makeToDouble(std::move(a.node)));
    return c.done(makeMath(fn, std::move(args), t));
}
Bound coalesce(Call& c)
{
    std::vector<DataType> types;
    std::vector<int> positions;
    bool allNullable = true;
    for (std::size_t i = 0; i < c.args.size(); ++i) {
        types.push_back(c.type(i));
        positions.push_back(c.pos(i));
        allNullable = allNullable && c.nullable(i);
    }
    DataType t = c.binder.commonTypeOf(types, positions, "arguments of " + c.ast.name);
    t = t.withNullable(allNullable);
    std::vector<NodePtr> values;
    for (auto& a : c.args)
        values.push_back(c.binder.coerce(std::move(a), t));
    return c.done(makeCoalesce(std::move(values), t));
}
Bound nullIf(Call& c)
{
    CompareSpec s = c.binder.compareSpec(c.type(0), c.type(1), c.pos(1), "NULLIF");
    DataType t = c.type(0).withNullable(true);
    return c.done(makeNullIf(s, c.take(0), c.take(1), t));
}
Bound ifFn(Call& c)
{
    DataType t =
        c.binder.commonTypeOf({c.type(1), c.type(2)}, {c.pos(1), c.pos(2)}, "the branches of IF");
    std::vector<NodePtr> conds, values;
    conds.push_back(c.take(0));
    values.push_back(c.binder.coerce(std::move(c.args[1]), t));
    NodePtr elseValue = c.binder.coerce(std::move(c.args[2]), t);
    return c.done(makeCase(std::move(conds), std::move(values), std::move(elseValue), t));
}
Bound mod(Call& c)
{
    Ast op;
    op.kind = AstKind::Binary;
    op.op = BinOp::Mod;
    op.pos = op.opPos = c.ast.pos;
    Bound l = std::move(c.args[0]), r = std::move(c.args[1]);
    auto numeric = [](DataType t) { return t.isNumeric() || t.kind() == TypeKind::Null; };
    if (!numeric(l.type()) || !numeric(r.type()) || l.type().kind() == TypeKind::Double ||
        r.type().kind() == TypeKind::Double)
        c.fail("MOD needs exact numeric arguments (INT, BIGINT or DECIMAL), got " +
               typeName(l.type()) + " and " + typeName(r.type()));
    if (l.type().kind() == TypeKind::Null && r.type().kind() == TypeKind::Null)
        c.fail("cannot infer the type of MOD(NULL, NULL) (use CAST(NULL AS type))");
    DataType t = arithmeticType(BinOp::Mod, l.type(), r.type());
    NodePtr n = t.isIntegral()
                    ? makeIntArith(ArithOp::Mod, std::move(l.node), std::move(r.node), t)
                    : makeDecimalArith(ArithOp::Mod, std::move(l.node), std::move(r.node), t);
    return c.done(std::move(n));
}

constexpr Arg S = Arg::String, I = Arg::Integral, N = Arg::Numeric, T = Arg::Timestamp,
              B = Arg::Boolean, ST = Arg::StringOrTimestamp;

const Function kFunctions[] = {
    {"UPPER", 1, 1, {S, S, S}, upper},
    {"LOWER", 1, 1, {S, S, S}, lower},
    {"TRIM", 1, 2, {S, S, S}, trim},
    {"LTRIM", 1, 1, {S, S, S}, trim},
    {"RTRIM", 1, 1, {S, S, S}, trim},
    {"CHAR_LENGTH", 1, 1, {S, S, S}, charLength},
    {"CHARACTER_LENGTH", 1, 1, {S, S, S}, charLength},
    {"SUBSTRING", 2, 3, {S, I, I}, substring},
    {"SUBSTR", 2, 3, {S, I, I}, substring},
    {"CONCAT", 1, -1, {S, S, S}, concat},
    {"POSITION", 2, 2, {S, S, S}, position},
    {"REPLACE", 3, 3, {S, S, S}, replace},
    {"LPAD", 3, 3, {S, I, S}, pad},
    {"RPAD", 3, 3, {S, I, S}, pad},
    {"ABS", 1, 1, {N, N, N}, abs},
    {"ROUND", 1, 2, {N, I, I}, round},
    {"FLOOR", 1, 1, {N, N, N}, floorCeil},
    {"CEIL", 1, 1, {N, N, N}, floorCeil},
    {"CEILING", 1, 1, {N, N, N}, floorCeil},
    {"POWER", 2, 2, {N, N, N}, math},
    {"POW", 2, 2, {N, N, N}, math},
    {"SQRT", 1, 1, {N, N, N}, math},
    {"LN", 1, 1, {N, N, N}, math},
    {"LOG10", 1, 1, {N, N, N}, math},
    {"LOG2", 1, 1, {N, N, N}, math},
    {"EXP", 1, 1, {N, N, N}, math},
    {"MOD", 2, 2, {N, N, N}, mod},
    {"COALESCE", 1, -1, {}, coalesce},
    {"IFNULL", 2, 2, {}, coalesce},
    {"NULLIF", 2, 2, {}, nullIf},
    {"IF", 3, 3, {B, {}, {}}, ifFn},
    {"EXTRACT", 1, 1, {T, T, T}, extract},
    {"YEAR", 1, 1, {T, T, T}, extract},
    {"QUARTER", 1, 1, {T, T, T}, extract},
    {"MONTH", 1, 1, {T, T, T}, extract},
    {"WEEK", 1, 1, {T, T, T}, extract},
    {"DAYOFMONTH", 1, 1, {T, T, T}, extract},
    {"DAYOFYEAR", 1, 1, {T, T, T}, extract},
    {"DAYOFWEEK", 1, 1, {T, T, T}, extract},
    {"HOUR", 1, 1, {T, T, T}, extract},
    {"MINUTE", 1, 1, {T, T, T}, extract},
    {"SECOND", 1, 1, {T, T, T}, extract},
    {"DATE_FORMAT", 2, 2, {ST, S, S}, dateFormat},
    {"TO_TIMESTAMP", 1, 2, {S, S, S}, toTimestamp},
    {"UNIX_TIMESTAMP", 1, 2, {S, S, S}, unixTimestamp},
    {"TIMESTAMPADD", 2, 2, {I, T, T}, timestampAdd},
};

bool untypedArgs(const Function& f)
{
    return f.handler == coalesce || f.handler == nullIf;
}

std::string arityText(const Function& f)
{
    auto n = [](int k) { return std::to_string(k) + (k == 1 ? " argument" : " arguments"); };
    if (f.maxArgs < 0) return "at least " + n(f.minArgs);
    if (f.minArgs == f.maxArgs) return n(f.minArgs);
    if (f.maxArgs == f.minArgs + 1)
        return std::to_string(f.minArgs) + " or " + std::to_string(f.maxArgs) + " arguments";
    return std::to_string(f.minArgs) + " to " + std::to_string(f.maxArgs) + " arguments";
}

bool isOneOf(std::string_view n, std::initializer_list<std::string_view> set)
{
    return std::find(set.begin(), set.end(), n) != set.end();
}

} // namespace

Bound Binder::bindCall(const Ast& a)
{
    const std::string& name = a.name;
    if (isOneOf(name, {"NOW", "RAND", "RAND_INTEGER", "UUID", "PROCTIME", "CURRENT_TIMESTAMP",
                       "LOCALTIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME",
                       "CURRENT_ROW_TIMESTAMP", "CURRENT_WATERMARK"}) ||
        (name == "UNIX_TIMESTAMP" && a.kids.empty()))
        fail(a.pos, name + "() is not allowed: expressions must be deterministic (use the "
                           "record's event-time column instead)");
    if (isOneOf(name, {"COUNT", "SUM", "AVG", "MIN", "MAX", "FIRST_VALUE", "LAST_VALUE", "LISTAGG",
                       "COLLECT", "STDDEV_POP", "STDDEV_SAMP", "VAR_POP", "VAR_SAMP", "TUMBLE",
                       "HOP", "SESSION", "CUMULATE"}))
        fail(a.pos, "aggregate/window function " + name +
                        " is not allowed in a row expression (use a window aggregate node)");
    if (name == "TIMESTAMPDIFF") fail(a.pos, "TIMESTAMPDIFF is not supported yet");
    const Function* fn = nullptr;
    for (const auto& f : kFunctions)
        if (f.name == name) fn = &f;
    if (!fn) {
        std::vector<std::string> names;
        for (const auto& f : kFunctions)
            names.emplace_back(f.name);
        std::string guess = closestName(name, names);
        fail(a.pos,
             "unknown function " + name + (guess.empty() ? "" : " (did you mean " + guess + "?)"));
    }
    int n = static_cast<int>(a.kids.size());
    if (n < fn->minArgs || (fn->maxArgs >= 0 && n > fn->maxArgs))
        fail(a.pos,
             "function " + name + " expects " + arityText(*fn) + ", got " + std::to_string(n));
    Call c{*this, a, {}, true};
    for (int i = 0; i < n; ++i) {
        Bound b = bind(*a.kids[static_cast<std::size_t>(i)]);
        if (!untypedArgs(*fn) && !(fn->handler == ifFn && i > 0)) {
            Arg want = fn->args[static_cast<std::size_t>(std::min(i, 2))];
            if (!accepts(want, b.type()))
                fail(a.kids[static_cast<std::size_t>(i)]->pos,
                     "argument " + std::to_string(i + 1) + " of " + name + " must be " +
                         argName(want) + ", got " + typeName(b.type()));
        }
        c.constant = c.constant && b.constant;
        c.args.push_back(std::move(b));
    }
    return fn->handler(c);
}

} // namespace sw::runtime::expr
