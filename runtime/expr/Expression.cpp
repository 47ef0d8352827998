#include "expr/Expression.h"

#include <algorithm>

#include "expr/Binder.h"
#include "expr/Parser.h"
#include "expr/TypeRules.h"

namespace sw::runtime::expr {
namespace {

Error toError(std::string_view text, const CompileError& e)
{
    Error err;
    err.message = e.message;
    err.column = columnOf(text, e.pos);
    return err;
}

} // namespace

Result<Expression> Expression::compile(std::string_view text, const Schema& input)
{
    try {
        Parser parser(text);
        AstPtr ast = parser.parseAll();
        Binder binder(input);
        Bound root = binder.bind(*ast);
        Expression e;
        e.m_text = std::string(text);
        e.m_root = std::shared_ptr<const CompiledNode>(std::move(root.node));
        e.m_refs = binder.refs();
        std::sort(e.m_refs.begin(), e.m_refs.end());
        return e;
    } catch (const CompileError& err) {
        return toError(text, err);
    } catch (const std::exception& ex) {
        return makeError(std::string("internal error while compiling the expression: ") +
                         ex.what());
    }
}

Status Expression::checkSyntax(std::string_view text)
{
    try {
        Parser parser(text);
        parser.parseAll();
        return Status::ok();
    } catch (const CompileError& err) {
        return Status(toError(text, err));
    } catch (const std::exception& ex) {
        return Status(
            makeError(std::string("internal error while parsing the expression: ") + ex.what()));
    }
}

DataType Expression::type() const
{
    return m_root ? m_root->type() : DataType::null();
}

Value Expression::evaluate(RowView row, EvalError& err) const
{
    if (!m_root) {
        err.message = "expression was not compiled";
        return Value::null();
    }
    try {
        EvalContext ctx(row, err);
        Value v = evalToValue(*m_root, ctx);
        if (ctx.failed()) return Value::null();
        return v;
    } catch (const std::exception& ex) { // std::bad_alloc on absurd strings
        err.message = std::string("evaluation failed: ") + ex.what();
        return Value::null();
    }
}

namespace {
/// toValue() in place.
void setScalar(Value& out, const Scalar& s, DataType type)
{
    if (s.null) {
        out.setNull();
        return;
    }
    switch (type.kind()) {
    case TypeKind::Boolean:
        out.setBoolean(s.b);
        return;
    case TypeKind::Int:
    case TypeKind::BigInt:
        out.setInteger(s.i);
        return;
    case TypeKind::Double:
        out.setFloat64(s.d);
        return;
    case TypeKind::Decimal:
        out.setDecimal(s.i, type.scale());
        return;
    case TypeKind::Timestamp:
        out.setTimestamp(s.i);
        return;
    default:
        out.setNull();
        return;
    }
}
} // namespace

bool Expression::evaluateInto(RowView row, Value& out, EvalError& err) const
{
    if (!m_root) {
        err.message = "expression was not compiled";
        out.setNull();
        return false;
    }
    try {
        EvalContext ctx(row, err);
        if (isStringKind(m_root->type().kind())) {
            Value v = evalToValue(*m_root, ctx);
            if (ctx.failed()) {
                out.setNull();
                return false;
            }
            out = std::move(v);
            return true;
        }
        const Scalar s = m_root->eval(ctx);
        if (ctx.failed()) {
            out.setNull();
            return false;
        }
        setScalar(out, s, m_root->type());
        return true;
    } catch (const std::exception& ex) {
        err.message = std::string("evaluation failed: ") + ex.what();
        out.setNull();
        return false;
    }
}

bool Expression::test(RowView row, EvalError& err) const
{
    if (!m_root) {
        err.message = "expression was not compiled";
        return false;
    }
    if (m_root->type().kind() != TypeKind::Boolean) {
        if (m_root->type().kind() == TypeKind::Null) return false;
        err.message = "condition must be BOOLEAN, but it is " + typeName(m_root->type());
        return false;
    }
    try {
        EvalContext ctx(row, err);
        Scalar s = m_root->eval(ctx);
        return !ctx.failed() && !s.null && s.b;
    } catch (const std::exception& ex) {
        err.message = std::string("evaluation failed: ") + ex.what();
        return false;
    }
}

} // namespace sw::runtime::expr
