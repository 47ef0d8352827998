#pragma once
// Spelling of Flink SQL text: identifiers, string literals, intervals, expressions.
#include <cstdint>
#include <string>
#include <string_view>

#include "types/Schema.h"

namespace sw::runtime::exporting {

/// True when `word` (any case) is one of Flink SQL's reserved keywords, or a word the
/// dt-sql-parser FlinkSQL grammar treats as a keyword (e.g. DATETIME). Such identifiers must be
/// quoted with backticks.
bool isFlinkKeyword(std::string_view word);

/// `name` quoted with backticks when it collides with a keyword or is not a plain identifier
/// ([A-Za-z_][A-Za-z0-9_]*); embedded backticks are doubled.
std::string quoteIdent(std::string_view name);

/// A single-quoted SQL string literal ('it''s').
std::string sqlString(std::string_view text);

/// An interval literal for a non-negative duration: INTERVAL '5' MINUTE, INTERVAL '1.5' SECOND,
/// INTERVAL '120' SECOND(3). The largest unit that represents the value exactly is used.
std::string sqlInterval(std::int64_t millis);

/// `column + INTERVAL ...` or `column - INTERVAL ...` for a signed offset (column alone for 0).
std::string sqlShift(const std::string& column, std::int64_t millis);

/// Flink's duration spelling for SET/WITH options: "10 s", "5 min", "250 ms".
std::string flinkDuration(std::int64_t millis);

/// A SQL identifier derived from a node id: characters other than [A-Za-z0-9_] become '_'.
std::string identFromId(std::string_view id);

/// The expression text as written, except that column references of `input` that collide with
/// Flink keywords are quoted (e.g. `value`). Function names, literals and everything else stay
/// verbatim. Returns the text unchanged when it cannot be tokenized.
std::string exportExpression(std::string_view text, const Schema& input);

} // namespace sw::runtime::exporting
