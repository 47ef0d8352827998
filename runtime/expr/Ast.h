#pragma once
// Syntax tree produced by the parser and consumed by the binder (type checker + compiler).
#include <memory>
#include <string>
#include <vector>

#include "types/DataType.h"
#include "types/Value.h"

namespace sw::runtime::expr {

enum class AstKind : unsigned char {
    Literal,    ///< value + type
    Column,     ///< name
    Neg,        ///< -kids[0] (flag: unary plus)
    Binary,     ///< kids[0] op kids[1]
    And,        ///< kids (flattened)
    Or,         ///< kids (flattened)
    Not,        ///< NOT kids[0]
    IsNull,     ///< kids[0] IS [NOT] NULL/UNKNOWN (negated)
    IsTrue,     ///< kids[0] IS [NOT] TRUE
    IsFalse,    ///< kids[0] IS [NOT] FALSE
    IsDistinct, ///< kids[0] IS [NOT] DISTINCT FROM kids[1]; negated = NOT DISTINCT
    In,         ///< kids[0] [NOT] IN (kids[1..])
    Between,    ///< kids[0] [NOT] BETWEEN [SYMMETRIC] kids[1] AND kids[2]; flag = SYMMETRIC
    Like,       ///< kids[0] [NOT] LIKE kids[1] [ESCAPE kids[2]]
    Case,       ///< kids = [operand?] (when, then)* [else]; flag = has operand, flag2 = has else
    Cast,       ///< CAST/TRY_CAST(kids[0] AS type); flag = TRY_CAST
    Call,       ///< name(kids...); unit = keyword argument (EXTRACT unit, TRIM side, ...)
    Interval,   ///< INTERVAL 'n' unit: value = amount (millis, or months if unit is YEAR/MONTH)
};

enum class BinOp : unsigned char { Add, Sub, Mul, Div, Mod, Concat, Eq, Ne, Lt, Le, Gt, Ge };

inline bool isComparison(BinOp op)
{
    return op >= BinOp::Eq;
}
const char* opSymbol(BinOp op);

struct Ast;
using AstPtr = std::unique_ptr<Ast>;

struct Ast {
    AstKind kind = AstKind::Literal;
    int pos = 0;   ///< byte offset where the node's text starts
    int opPos = 0; ///< byte offset of the operator/keyword (errors about the operation)
    BinOp op = BinOp::Add;
    bool negated = false;
    bool flag = false;
    bool flag2 = false;
    std::string name; ///< column or function name (functions upper-cased)
    std::string unit; ///< keyword argument, upper-cased
    Value value;      ///< literal value; interval amount as Value::integer
    DataType type;    ///< literal type or CAST target
    std::vector<AstPtr> kids;
    int height = 1;
};

} // namespace sw::runtime::expr
