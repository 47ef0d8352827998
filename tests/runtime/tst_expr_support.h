#pragma once
// Shared fixture for tst_expr: one schema and one row every table-driven case runs against, and
// helpers that add QTest data rows. Column values (see exprRow()):
//   id BIGINT NOT NULL 42 | qty INT 7 | price DECIMAL(10, 2) 12.34 | rate DOUBLE 0.5
//   name STRING 'Alice' | city STRING NULL | active BOOLEAN TRUE | flag BOOLEAN NULL
//   ts TIMESTAMP(3) 2024-03-15 13:45:30.250 (a Friday) | n_int INT, n_big BIGINT, n_dbl DOUBLE,
//   n_dec DECIMAL(10, 2), n_ts TIMESTAMP(3): NULL | neg INT -7 | big BIGINT 9223372036854775807
//   amount DECIMAL(10, 2) 100.50 | `order id` STRING 'X-1' | Name STRING 'Bob'
//   auction BIGINT 1230 | f BOOLEAN NOT NULL FALSE | word STRING 'héllo wörld'
//   payload BYTES 'raw' | padded STRING '  padded  ' | year INT 2020
//   dstr STRING '2024-03-15 13:45:30' | imax INT 2147483647 | pct STRING '50%_off'
#include <QtTest>

#include "types/Row.h"
#include "types/Schema.h"

namespace exprtest {

enum class Expect : int { Value, CompileError, RuntimeError };

sw::runtime::Schema exprSchema();
sw::runtime::Row exprRow();

/// "NULL", 'text' for strings, Value::toString() otherwise.
QString render(const sw::runtime::Value& v);

/// Adds the columns used by every expression table.
void addColumns();
/// Expression evaluates without error to `value` (rendered) with type `type` (DataType spelling).
void val(const char* expr, const char* type, const char* value);
/// Compilation fails with exactly `message` at 1-based `column`.
void cerr(const char* expr, const char* message, int column);
/// Compilation succeeds; evaluation fails with exactly `message` (and returns NULL).
void rerr(const char* expr, const char* message);

// Case tables (tst_expr_cases.cpp, tst_expr_errors.cpp).
void literalCases();
void arithmeticCases();
void comparisonCases();
void logicCases();
void predicateCases();
void conditionalCases();
void castCases();
void stringCases();
void numericCases();
void timeCases();
void syntaxErrorCases();
void typeErrorCases();
void runtimeErrorCases();

// Value types (tst_expr_types.cpp).
void dataTypeParseData();
void dataTypeParse();
void valueFormatting();
void valueOrdering();
void timestampAndDecimalParsing();

} // namespace exprtest
