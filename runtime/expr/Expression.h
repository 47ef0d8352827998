#pragma once
// Public API of the expression language: a Flink-SQL-compatible expression subset.
// Parsed once, type-checked against an input schema (errors carry the 1-based column), compiled
// into a form that evaluates without re-parsing or name lookups.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "types/Row.h"
#include "types/Schema.h"
#include "util/Result.h"

namespace sw::runtime::expr {

class CompiledNode; // implementation detail (see expr/ sources)

/// Per-record evaluation error (division by zero, bad cast, overflow ...).
struct EvalError {
    std::string message;
    bool set() const { return !message.empty(); }
};

class Expression {
public:
    /// Parses and type-checks `text` against `input`. On failure the Error's `column` is the
    /// 1-based character column in `text` where the problem starts and the message names it,
    /// e.g. "unknown column 'amout' (did you mean 'amount'?)".
    static Result<Expression> compile(std::string_view text, const Schema& input);

    /// Parses only (no schema); for syntax checks and highlighting.
    static Status checkSyntax(std::string_view text);

    const std::string& text() const { return m_text; }
    DataType type() const;
    /// Indices of input columns the expression reads.
    const std::vector<int>& referencedColumns() const { return m_refs; }

    /// Evaluates over one row. On a runtime error returns NULL and sets `err` (the first error
    /// of this evaluation); `err` is left untouched when evaluation succeeds. Never throws.
    /// Thread-safe: the compiled form is immutable and shared by copies.
    Value evaluate(RowView row, EvalError& err) const;
    /// The same result written into `out` (NULL on error), reusing its storage: no temporary
    /// Value for non-string results. Returns false on a runtime error (then `err` is set).
    bool evaluateInto(RowView row, Value& out, EvalError& err) const;
    /// WHERE semantics: TRUE keeps the row; FALSE and NULL do not.
    bool test(RowView row, EvalError& err) const;

private:
    std::string m_text;
    std::shared_ptr<const CompiledNode> m_root;
    std::vector<int> m_refs;
};

} // namespace sw::runtime::expr
