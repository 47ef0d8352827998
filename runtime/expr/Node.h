#pragma once
// The compiled form of an expression: a tree of immutable nodes with column references resolved
// to indices and all types fixed at compile time. Evaluation never throws: a node that fails
// records the error in the EvalContext and returns NULL; the caller then discards the result.
//
// Physical representation by type (what eval() returns):
//   BOOLEAN -> Scalar::b; INT, BIGINT, TIMESTAMP(3) (epoch millis) -> Scalar::i;
//   DECIMAL(p, s) -> Scalar::i (unscaled at the type's scale s); DOUBLE -> Scalar::d;
//   STRING, BYTES -> evalStr(); the NULL type -> always NULL from both.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "expr/Expression.h"
#include "types/DataType.h"
#include "types/Row.h"

namespace sw::runtime::expr {

/// A non-string value; trivially copyable so it comes back in registers.
struct Scalar {
    union {
        std::int64_t i;
        double d;
        bool b;
    };
    bool null;

    static Scalar none()
    {
        Scalar s;
        s.i = 0;
        s.null = true;
        return s;
    }
    static Scalar ofInt(std::int64_t v)
    {
        Scalar s;
        s.i = v;
        s.null = false;
        return s;
    }
    static Scalar ofDouble(double v)
    {
        Scalar s;
        s.d = v;
        s.null = false;
        return s;
    }
    static Scalar ofBool(bool v)
    {
        Scalar s;
        s.i = 0;
        s.b = v;
        s.null = false;
        return s;
    }
};

/// A string result: a view into the row, a literal, or the caller-supplied buffer.
struct StrResult {
    std::string_view s;
    bool null = true;
    static StrResult none() { return {}; }
    static StrResult of(std::string_view v) { return {v, false}; }
};

class EvalContext {
public:
    EvalContext(RowView row, EvalError& err) : row(row), m_err(err) {}

    RowView row;

    /// Records a runtime error (the first one of this evaluation wins) and returns NULL.
    Scalar fail(std::string message);
    StrResult failStr(std::string message)
    {
        fail(std::move(message));
        return StrResult::none();
    }
    bool failed() const { return m_failed; }

private:
    EvalError& m_err;
    bool m_failed = false;
};

class CompiledNode {
public:
    explicit CompiledNode(DataType type) : m_type(type) {}
    virtual ~CompiledNode() = default;
    CompiledNode(const CompiledNode&) = delete;
    CompiledNode& operator=(const CompiledNode&) = delete;

    DataType type() const { return m_type; }

    /// Evaluates a non-string node.
    virtual Scalar eval(EvalContext& ctx) const;
    /// Evaluates a STRING/BYTES node; the result may point into `buf`, the row or the node.
    virtual StrResult evalStr(EvalContext& ctx, std::string& buf) const;

    /// True for literal nodes (used by constant folding and literal-only arguments).
    virtual bool isLiteral() const { return false; }

private:
    DataType m_type;
};

using NodePtr = std::unique_ptr<CompiledNode>;

/// Largest string a function may produce (REPLACE/CONCAT could otherwise grow exponentially
/// with nesting); exceeding it is a runtime error.
inline constexpr std::size_t kMaxStringBytes = 16u << 20;

/// True when the type's values travel as strings (STRING, BYTES).
inline bool isStringKind(TypeKind k)
{
    return k == TypeKind::String || k == TypeKind::Bytes;
}

/// Converts a node's physical result into a Value of its type.
Value toValue(const Scalar& s, DataType type);
/// Evaluates `node` into a Value (strings copied out).
Value evalToValue(const CompiledNode& node, EvalContext& ctx);

} // namespace sw::runtime::expr
