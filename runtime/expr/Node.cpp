// Node basics: the evaluation context, literals, column references and implicit conversions.
#include "expr/Node.h"
#include "expr/DecimalMath.h"
#include "expr/Nodes.h"
#include "expr/TypeRules.h"

namespace sw::runtime::expr {

Scalar EvalContext::fail(std::string message)
{
    if (!m_failed) {
        m_failed = true;
        m_err.message = std::move(message);
    }
    return Scalar::none();
}

Scalar CompiledNode::eval(EvalContext& ctx) const
{
    if (m_type.kind() == TypeKind::Null) return Scalar::none();
    return ctx.fail("internal error: " + typeName(m_type) + " node evaluated as a scalar");
}

StrResult CompiledNode::evalStr(EvalContext& ctx, std::string&) const
{
    if (m_type.kind() == TypeKind::Null) return StrResult::none();
    return ctx.failStr("internal error: " + typeName(m_type) + " node evaluated as a string");
}

Value toValue(const Scalar& s, DataType type)
{
    if (s.null) return Value::null();
    switch (type.kind()) {
    case TypeKind::Boolean:
        return Value::boolean(s.b);
    case TypeKind::Int:
    case TypeKind::BigInt:
        return Value::integer(s.i);
    case TypeKind::Double:
        return Value::float64(s.d);
    case TypeKind::Decimal:
        return Value::decimal(s.i, type.scale());
    case TypeKind::Timestamp:
        return Value::timestamp(s.i);
    default:
        return Value::null();
    }
}

Value evalToValue(const CompiledNode& node, EvalContext& ctx)
{
    if (isStringKind(node.type().kind())) {
        std::string buf;
        StrResult r = node.evalStr(ctx, buf);
        if (r.null) return Value::null();
        if (r.s.data() == buf.data() && r.s.size() == buf.size())
            return Value::string(std::move(buf));
        return Value::string(std::string(r.s));
    }
    return toValue(node.eval(ctx), node.type());
}

namespace {

double pow10d(int s)
{
    static constexpr double k[19] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8, 1e9,
                                     1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};
    return s >= 0 && s <= 18 ? k[s] : 1.0;
}

class ConstNode final : public CompiledNode {
public:
    ConstNode(DataType t, Scalar s, std::string str)
        : CompiledNode(t), m_s(s), m_str(std::move(str))
    {
    }
    Scalar eval(EvalContext&) const override { return m_s; }
    StrResult evalStr(EvalContext&, std::string&) const override
    {
        return m_s.null ? StrResult::none() : StrResult::of(m_str);
    }
    bool isLiteral() const override { return true; }

private:
    Scalar m_s;
    std::string m_str;
};

const char* valueKindName(Value::Kind k)
{
    switch (k) {
    case Value::Kind::Null:
        return "NULL";
    case Value::Kind::Bool:
        return "BOOLEAN";
    case Value::Kind::Int:
        return "integer";
    case Value::Kind::Double:
        return "DOUBLE";
    case Value::Kind::Decimal:
        return "DECIMAL";
    case Value::Kind::String:
        return "STRING";
    case Value::Kind::Timestamp:
        return "TIMESTAMP";
    }
    return "?";
}

/// Column reference, specialised on the Value kind the column's type expects. Other kinds are
/// converted when lossless (e.g. an integer in a DOUBLE column) or reported as runtime errors.
template <Value::Kind K> class ColumnNode final : public CompiledNode {
public:
    ColumnNode(int index, std::string name, DataType t)
        : CompiledNode(t), m_index(static_cast<std::size_t>(index)), m_name(std::move(name))
    {
    }

    Scalar eval(EvalContext& ctx) const override
    {
        if (m_index >= ctx.row.size()) return missing(ctx);
        const Value& v = ctx.row[m_index];
        if (v.kind() == K) {
            if constexpr (K == Value::Kind::Bool)
                return Scalar::ofBool(v.asBool());
            else if constexpr (K == Value::Kind::Double)
                return Scalar::ofDouble(v.asDouble());
            else if constexpr (K == Value::Kind::Decimal) {
                if (v.decimalScale() != type().scale()) return convert(ctx, v);
                return Scalar::ofInt(v.decimalUnscaled());
            } else {
                return Scalar::ofInt(v.asInt());
            }
        }
        if (v.isNull()) return Scalar::none();
        return convert(ctx, v);
    }

    StrResult evalStr(EvalContext& ctx, std::string&) const override
    {
        if (m_index >= ctx.row.size()) return missing(ctx), StrResult::none();
        const Value& v = ctx.row[m_index];
        if (v.kind() == Value::Kind::String) return StrResult::of(v.asString());
        if (v.isNull()) return StrResult::none();
        return mismatch(ctx, v), StrResult::none();
    }

private:
    Scalar missing(EvalContext& ctx) const
    {
        return ctx.fail("row has " + std::to_string(ctx.row.size()) + " columns; column '" +
                        m_name + "' is number " + std::to_string(m_index + 1));
    }
    Scalar mismatch(EvalContext& ctx, const Value& v) const
    {
        return ctx.fail("column '" + m_name + "' holds a " + valueKindName(v.kind()) +
                        " value, but its type is " + typeName(type()));
    }
    Scalar convert(EvalContext& ctx, const Value& v) const
    {
        switch (type().kind()) {
        case TypeKind::Double:
            if (v.kind() == Value::Kind::Int || v.kind() == Value::Kind::Decimal)
                return Scalar::ofDouble(v.toDouble());
            break;
        case TypeKind::Decimal: {
            if (v.kind() != Value::Kind::Int && v.kind() != Value::Kind::Decimal) break;
            int from = v.kind() == Value::Kind::Decimal ? v.decimalScale() : 0;
            i128 out = 0;
            if (!rescale(v.decimalUnscaled(), from, type().scale(), out) ||
                !fitsPrecision(out, type().precision()))
                return ctx.fail("column '" + m_name + "' value " + v.toString() + " does not fit " +
                                typeName(type()));
            return Scalar::ofInt(static_cast<std::int64_t>(out));
        }
        case TypeKind::Timestamp:
            if (v.kind() == Value::Kind::Int) return Scalar::ofInt(v.asInt());
            break;
        default:
            break;
        }
        return mismatch(ctx, v);
    }

    std::size_t m_index;
    std::string m_name;
};

class ToDoubleNode final : public CompiledNode {
public:
    explicit ToDoubleNode(NodePtr in)
        : CompiledNode(DataType::float64().withNullable(in->type().nullable())),
          m_in(std::move(in)), m_div(pow10d(exactScale(m_in->type())))
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Scalar s = m_in->eval(ctx);
        if (s.null) return s;
        double d = static_cast<double>(s.i);
        return Scalar::ofDouble(m_div == 1.0 ? d : d / m_div);
    }

private:
    NodePtr m_in;
    double m_div;
};

class RescaleNode final : public CompiledNode {
public:
    RescaleNode(NodePtr in, DataType t)
        : CompiledNode(t), m_in(std::move(in)), m_from(exactScale(m_in->type()))
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Scalar s = m_in->eval(ctx);
        if (s.null) return s;
        i128 out = 0;
        if (!rescale(s.i, m_from, type().scale(), out) || !fitsPrecision(out, type().precision()))
            return ctx.fail("numeric overflow: value does not fit " + typeName(type()));
        return Scalar::ofInt(static_cast<std::int64_t>(out));
    }

private:
    NodePtr m_in;
    int m_from;
};

class RetypeNode final : public CompiledNode {
public:
    RetypeNode(NodePtr in, DataType t) : CompiledNode(t), m_in(std::move(in)) {}
    Scalar eval(EvalContext& ctx) const override { return m_in->eval(ctx); }
    StrResult evalStr(EvalContext& ctx, std::string& buf) const override
    {
        return m_in->evalStr(ctx, buf);
    }

private:
    NodePtr m_in;
};

} // namespace

NodePtr makeLiteral(const Value& v, DataType t)
{
    Scalar s = Scalar::none();
    std::string str;
    if (!v.isNull()) {
        switch (t.kind()) {
        case TypeKind::Boolean:
            s = Scalar::ofBool(v.asBool());
            break;
        case TypeKind::Int:
        case TypeKind::BigInt:
        case TypeKind::Timestamp:
            s = Scalar::ofInt(v.asInt());
            break;
        case TypeKind::Double:
            s = Scalar::ofDouble(v.toDouble());
            break;
        case TypeKind::Decimal: {
            int from = v.kind() == Value::Kind::Decimal ? v.decimalScale() : 0;
            i128 out = 0;
            rescale(v.decimalUnscaled(), from, t.scale(), out);
            s = Scalar::ofInt(static_cast<std::int64_t>(out));
            break;
        }
        case TypeKind::String:
        case TypeKind::Bytes:
            s = Scalar::ofBool(false); // non-null marker
            str = v.asString();
            break;
        default:
            break;
        }
    }
    return std::make_unique<ConstNode>(t, s, std::move(str));
}

NodePtr makeColumn(int index, std::string name, DataType t)
{
    using K = Value::Kind;
    switch (t.kind()) {
    case TypeKind::Boolean:
        return std::make_unique<ColumnNode<K::Bool>>(index, std::move(name), t);
    case TypeKind::Double:
        return std::make_unique<ColumnNode<K::Double>>(index, std::move(name), t);
    case TypeKind::Decimal:
        return std::make_unique<ColumnNode<K::Decimal>>(index, std::move(name), t);
    case TypeKind::Timestamp:
        return std::make_unique<ColumnNode<K::Timestamp>>(index, std::move(name), t);
    case TypeKind::String:
    case TypeKind::Bytes:
        return std::make_unique<ColumnNode<K::String>>(index, std::move(name), t);
    default:
        return std::make_unique<ColumnNode<K::Int>>(index, std::move(name), t);
    }
}

NodePtr makeToDouble(NodePtr n)
{
    if (n->type().kind() == TypeKind::Double || n->type().kind() == TypeKind::Null) return n;
    return std::make_unique<ToDoubleNode>(std::move(n));
}

NodePtr makeRescale(NodePtr n, DataType target)
{
    DataType t = target.withNullable(n->type().nullable());
    if (n->type().kind() == TypeKind::Null) return n;
    if (n->type().kind() == TypeKind::Decimal && n->type().scale() == t.scale() &&
        n->type().precision() <= t.precision())
        return std::make_unique<RetypeNode>(std::move(n), t);
    return std::make_unique<RescaleNode>(std::move(n), t);
}

NodePtr makeRetype(NodePtr n, DataType t)
{
    if (n->type() == t) return n;
    return std::make_unique<RetypeNode>(std::move(n), t);
}

} // namespace sw::runtime::expr
