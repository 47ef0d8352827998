#pragma once
// Factories for compiled nodes. The binder has checked and coerced all operand types before it
// calls these; each factory documents what it expects.
#include <string>
#include <vector>

#include "expr/Node.h"
#include "types/Value.h"

namespace sw::runtime::expr {

enum class CmpOp : unsigned char { Eq, Ne, Lt, Le, Gt, Ge };
enum class ArithOp : unsigned char { Add, Sub, Mul, Div, Mod };

/// How two values are compared, fixed at compile time.
struct CompareSpec {
    enum class Kind : unsigned char { Exact, Double, Bool, String };
    Kind kind = Kind::Exact;
    /// Exact: decimal scale of each operand (0 for INT/BIGINT/TIMESTAMP).
    /// Double: -1 for a DOUBLE operand; >= 0 for an exact operand (converted with that scale).
    int scaleA = 0;
    int scaleB = 0;
};

// ---- Node.cpp: literals, columns, conversions ----
NodePtr makeLiteral(const Value& v, DataType t);
NodePtr makeColumn(int index, std::string name, DataType t);
/// INT/BIGINT/DECIMAL -> DOUBLE.
NodePtr makeToDouble(NodePtr n);
/// INT/BIGINT/DECIMAL -> DECIMAL(p, s) of `target` (HALF_UP, overflow is a runtime error).
NodePtr makeRescale(NodePtr n, DataType target);
/// Same physical representation, different declared type (INT -> BIGINT, nullability).
NodePtr makeRetype(NodePtr n, DataType t);
// ---- NodesCompare.cpp / NodesLogic.cpp: comparisons, boolean logic, conditionals ----
NodePtr makeCompare(CmpOp op, CompareSpec spec, NodePtr a, NodePtr b);
NodePtr makeAnd(std::vector<NodePtr> kids, DataType t);
NodePtr makeOr(std::vector<NodePtr> kids, DataType t);
NodePtr makeNot(NodePtr a);
NodePtr makeIsNull(NodePtr a, bool negated);
/// x IS [NOT] TRUE / FALSE.
NodePtr makeIsBool(NodePtr a, bool value, bool negated);
NodePtr makeDistinct(CompareSpec spec, NodePtr a, NodePtr b, bool negated);
NodePtr makeIn(NodePtr x, std::vector<NodePtr> items, std::vector<CompareSpec> specs, bool negated,
               DataType t);
NodePtr makeBetween(NodePtr x, NodePtr lo, NodePtr hi, CompareSpec specLo, CompareSpec specHi,
                    bool negated, bool symmetric, DataType t);
/// Searched CASE; `elseValue` may be null (then ELSE NULL). Values are coerced to `t`.
NodePtr makeCase(std::vector<NodePtr> conds, std::vector<NodePtr> values, NodePtr elseValue,
                 DataType t);
NodePtr makeCoalesce(std::vector<NodePtr> values, DataType t);
NodePtr makeNullIf(CompareSpec spec, NodePtr a, NodePtr b, DataType t);

// ---- NodesArith.cpp: arithmetic and math functions ----
/// INT/BIGINT operands (either), result INT or BIGINT; overflow and /0 are runtime errors.
NodePtr makeIntArith(ArithOp op, NodePtr a, NodePtr b, DataType result);
/// DOUBLE operands.
NodePtr makeDoubleArith(ArithOp op, NodePtr a, NodePtr b, DataType result);
/// Exact operands (INT/BIGINT/DECIMAL, scales from their types), DECIMAL result.
NodePtr makeDecimalArith(ArithOp op, NodePtr a, NodePtr b, DataType result);
NodePtr makeNegate(NodePtr a);
/// ts + amount * unitMillis, or months when `months`; `amount` is INT/BIGINT.
NodePtr makeTimestampAdd(NodePtr ts, NodePtr amount, std::int64_t unitMillis, bool months,
                         bool subtract, DataType t);
NodePtr makeAbs(NodePtr a);
/// ROUND(x, places) for INT/BIGINT/DECIMAL/DOUBLE; result type given by the binder.
NodePtr makeRound(NodePtr x, NodePtr places, DataType result);
NodePtr makeFloorCeil(NodePtr x, bool ceil, DataType result);
enum class MathFn : unsigned char { Power, Sqrt, Ln, Log10, Log2, Exp };
/// DOUBLE argument(s), DOUBLE result.
NodePtr makeMath(MathFn fn, std::vector<NodePtr> args, DataType result);

// ---- NodesString.cpp ----
NodePtr makeConcat(std::vector<NodePtr> parts, DataType t);
NodePtr makeCaseConvert(NodePtr s, bool toUpper);
/// side: 0 both, 1 leading, 2 trailing; chars may be null (space).
NodePtr makeTrim(NodePtr s, NodePtr chars, int side, DataType t);
NodePtr makeCharLength(NodePtr s);
/// start and length are INT/BIGINT; length may be null (to the end).
NodePtr makeSubstring(NodePtr s, NodePtr start, NodePtr length, DataType t);
/// Pattern/escape compiled once when they are literals.
NodePtr makeLike(NodePtr s, NodePtr pattern, NodePtr escape, bool negated, DataType t);
NodePtr makePosition(NodePtr needle, NodePtr haystack);
NodePtr makeReplace(NodePtr s, NodePtr from, NodePtr to, DataType t);
/// LPAD/RPAD(s, len, pad).
NodePtr makePad(NodePtr s, NodePtr len, NodePtr pad, bool left, DataType t);
/// Checks a LIKE pattern with its escape character; returns an error message or "".
std::string checkLikePattern(std::string_view pattern, std::string_view escape);

// ---- NodesTime.cpp ----
enum class TimeUnit : unsigned char {
    Year,
    Quarter,
    Month,
    Week,
    Day,
    DayOfYear,
    DayOfWeek,
    Hour,
    Minute,
    Second
};
NodePtr makeExtract(TimeUnit unit, NodePtr ts, DataType t);
/// DATE_FORMAT(ts or string, fmt).
NodePtr makeDateFormat(NodePtr value, NodePtr format, DataType t);
/// TO_TIMESTAMP(str [, fmt]) (NULL on parse failure).
NodePtr makeToTimestamp(NodePtr s, NodePtr format, DataType t);
/// UNIX_TIMESTAMP(str [, fmt]) in seconds (Long.MIN_VALUE on parse failure, as Flink).
NodePtr makeUnixTimestamp(NodePtr s, NodePtr format, DataType t);
/// Validates a date-time pattern; returns an error message or "".
std::string checkDatePattern(std::string_view pattern);

// ---- Cast.cpp ----
/// CAST / TRY_CAST; the binder checked castSupported().
NodePtr makeCast(NodePtr in, DataType target, bool tryCast);

} // namespace sw::runtime::expr
