#pragma once
// The binder type-checks the syntax tree against the input schema and compiles it into nodes in
// one pass: columns are resolved to indices, implicit conversions are inserted, and sub-trees
// made only of literals are folded into literals. Errors are thrown as CompileError (caught by
// Expression::compile) with the byte offset of the offending token.
#include <string>
#include <string_view>
#include <vector>

#include "expr/Ast.h"
#include "expr/Lexer.h"
#include "expr/Nodes.h"
#include "types/Schema.h"

namespace sw::runtime::expr {

struct Bound {
    NodePtr node;
    bool constant = false;
    DataType type() const { return node->type(); }
};

class Binder {
public:
    explicit Binder(const Schema& schema) : m_schema(schema) {}

    Bound bind(const Ast& a);
    const std::vector<int>& refs() const { return m_refs; }

    // ---- helpers shared with BindFunctions.cpp ----
    [[noreturn]] static void fail(int pos, std::string message);
    /// Wraps a freshly built node; folds it into a literal when all its inputs are constant.
    Bound finish(NodePtr n, bool constant);
    /// Converts `b` to the physical representation of `target` (a common type it widens to).
    NodePtr coerce(Bound b, DataType target);
    /// How values of types a and b compare; throws "cannot compare ..." at `pos` otherwise.
    CompareSpec compareSpec(DataType a, DataType b, int pos, const std::string& what) const;
    /// Throws unless `b` is BOOLEAN (or NULL).
    void requireBoolean(const Bound& b, int pos, const std::string& what) const;
    /// The common type of all `types`; throws at the first incompatible one.
    DataType commonTypeOf(const std::vector<DataType>& types, const std::vector<int>& positions,
                          const std::string& what) const;

private:
    Bound bindColumn(const Ast& a);
    Bound bindNeg(const Ast& a);
    Bound bindBinary(const Ast& a);
    Bound bindArithmetic(const Ast& a, Bound l, Bound r);
    Bound bindIntervalArithmetic(const Ast& a);
    Bound bindLogic(const Ast& a);
    Bound bindIs(const Ast& a);
    // BindPredicates.cpp
    Bound bindIn(const Ast& a);
    Bound bindBetween(const Ast& a);
    Bound bindLike(const Ast& a);
    Bound bindCase(const Ast& a);
    Bound bindCast(const Ast& a);
    Bound bindCall(const Ast& a); // BindFunctions.cpp

    const Schema& m_schema;
    std::vector<int> m_refs;
};

/// "did you mean" candidate: the closest name by edit distance (case-insensitive), or "".
std::string closestName(std::string_view name, const std::vector<std::string>& candidates);

} // namespace sw::runtime::expr
