#include "ExprFuzzCase.h"

#include <cmath>
#include <string_view>
#include <vector>

#include "expr/Expression.h"

namespace exprfuzz {
namespace {

using namespace sw::runtime;

const Schema& schema()
{
    static const Schema s = [] {
        Schema r;
        auto add = [&](const char* n, const char* t) { r.add(n, *DataType::parse(t)); };
        add("id", "BIGINT NOT NULL");
        add("qty", "INT");
        add("price", "DECIMAL(10, 2)");
        add("rate", "DOUBLE");
        add("name", "STRING");
        add("ts", "TIMESTAMP(3)");
        add("active", "BOOLEAN");
        add("payload", "BYTES");
        add("big", "BIGINT");
        add("tiny", "DECIMAL(18, 18)");
        add("wide", "DECIMAL(18, 0)");
        add("order id", "STRING");
        return r;
    }();
    return s;
}

std::vector<Row> rows()
{
    std::int64_t ts = 0;
    parseTimestamp("2024-03-15 13:45:30.250", ts);
    return {
        {Value::integer(42), Value::integer(7), Value::decimal(1234, 2), Value::float64(0.5),
         Value::string("Alice"), Value::timestamp(ts), Value::boolean(true), Value::string("raw"),
         Value::integer(1230), Value::decimal(5, 18), Value::decimal(999999999999999999, 0),
         Value::string("X-1")},
        {Value::integer(0), Value::null(), Value::null(), Value::null(), Value::null(),
         Value::null(), Value::null(), Value::null(), Value::null(), Value::null(), Value::null(),
         Value::null()},
        {Value::integer(INT64_MIN), Value::integer(INT32_MIN), Value::decimal(-9999999999, 2),
         Value::float64(std::nan("")), Value::string(std::string("\0\xff%_\\'", 6)),
         Value::timestamp(INT64_MIN), Value::boolean(false), Value::string(""),
         Value::integer(INT64_MAX), Value::decimal(-999999999999999999, 18),
         Value::decimal(-999999999999999999, 0), Value::string(std::string(300, 'x'))},
        {Value::integer(1)}, // too short: columns beyond the first are missing
    };
}

bool kindMatches(const Value& v, DataType t)
{
    if (v.isNull()) return true;
    switch (t.kind()) {
    case TypeKind::Boolean:
        return v.kind() == Value::Kind::Bool;
    case TypeKind::Int:
        return v.kind() == Value::Kind::Int && v.asInt() >= INT32_MIN && v.asInt() <= INT32_MAX;
    case TypeKind::BigInt:
        return v.kind() == Value::Kind::Int;
    case TypeKind::Double:
        return v.kind() == Value::Kind::Double;
    case TypeKind::Decimal:
        if (v.kind() != Value::Kind::Decimal || v.decimalScale() != t.scale()) return false;
        {
            std::int64_t limit = 1;
            for (int i = 0; i < t.precision(); ++i)
                limit *= 10;
            return v.decimalUnscaled() > -limit && v.decimalUnscaled() < limit;
        }
    case TypeKind::String:
    case TypeKind::Bytes:
        return v.kind() == Value::Kind::String;
    case TypeKind::Timestamp:
        return v.kind() == Value::Kind::Timestamp;
    case TypeKind::Null:
        return false;
    }
    return false;
}

std::size_t characters(std::string_view s)
{
    std::size_t n = 0;
    for (char c : s)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool sameValue(const Value& a, const Value& b)
{
    if (a.kind() != b.kind()) return false;
    if (a.kind() == Value::Kind::Double && std::isnan(a.asDouble()))
        return std::isnan(b.asDouble());
    return a == b;
}

} // namespace

std::string runExprCase(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto compiled = expr::Expression::compile(text, schema());
    Status syntax = expr::Expression::checkSyntax(text);
    if (!compiled) {
        const Error& e = compiled.error();
        if (e.message.empty()) return "compile error without a message";
        if (e.column < 1 || static_cast<std::size_t>(e.column) > characters(text) + 1)
            return "compile error column " + std::to_string(e.column) +
                   " outside the text: " + e.message;
        return {};
    }
    if (!syntax.isOk()) return "compiles but checkSyntax fails: " + syntax.message();
    const expr::Expression& e = *compiled;
    const DataType t = e.type();
    for (int ref : e.referencedColumns())
        if (ref < 0 || static_cast<std::size_t>(ref) >= schema().size())
            return "bad column reference";
    int rowNo = 0;
    for (const Row& row : rows()) {
        ++rowNo;
        const std::string where = " (row " + std::to_string(rowNo) + ", type " + t.toString() + ")";
        expr::EvalError err;
        Value v = e.evaluate(row, err);
        if (err.set()) {
            if (!v.isNull()) return "runtime error but a non-NULL result" + where;
        } else {
            if (!kindMatches(v, t)) return "result " + v.toString() + " does not match" + where;
            if (!t.nullable() && v.isNull() && rowNo != 4)
                return "NULL from a NOT NULL type" + where;
        }
        expr::EvalError err2;
        Value again = e.evaluate(row, err2);
        if (err.message != err2.message || !sameValue(v, again)) return "not deterministic" + where;
        if (t.kind() == TypeKind::Boolean) {
            expr::EvalError err3;
            bool pass = e.test(row, err3);
            if (pass != (!err.set() && !v.isNull() && v.asBool()))
                return "test() disagrees" + where;
        }
    }
    return {};
}

} // namespace exprfuzz
