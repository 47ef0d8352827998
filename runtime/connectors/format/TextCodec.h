#pragma once
// Value <-> text conversions shared by the file formats (JSON Lines, CSV), the sinks and the DLQ.
// Rendering follows Flink's JSON/CSV formats: DECIMAL as its exact digits, TIMESTAMP(3) as
// 'yyyy-MM-dd HH:mm:ss.SSS', BOOLEAN as true/false, BYTES as base64.
#include <cstdint>
#include <string>
#include <string_view>

#include "types/DataType.h"
#include "types/Value.h"

namespace sw::runtime::text {

/// Appends 'yyyy-MM-dd HH:mm:ss.SSS' (UTC).
void appendTimestamp(std::string& out, std::int64_t millis);
/// Appends the exact decimal text of unscaled / 10^scale ("-12.30").
void appendDecimal(std::string& out, std::int64_t unscaled, int scale);
/// Appends the shortest text that reads back to `d` ("21.5", "3.0", "1.0E-7" style is not used:
/// C++ shortest form, with ".0" added to integral values); NaN/Infinity/-Infinity as words.
void appendDouble(std::string& out, double d);
void appendInt(std::string& out, std::int64_t v);

/// Standard base64 (RFC 4648, with padding).
void appendBase64(std::string& out, std::string_view bytes);
/// Decodes standard base64 (padding optional, no whitespace); false on invalid input.
bool decodeBase64(std::string_view text, std::string& out);

/// Offset of the first byte that is not part of valid UTF-8 (RFC 3629: no overlongs, no
/// surrogates, <= U+10FFFF), or npos when all of `s` is valid.
std::size_t invalidUtf8At(std::string_view s);
/// `s` with every invalid UTF-8 byte replaced by U+FFFD (for showing raw bytes as text).
std::string utf8Lossy(std::string_view s);

/// Parses TIMESTAMP text: 'yyyy-MM-dd[ HH:mm:ss[.fff]]', ISO 8601 'yyyy-MM-ddTHH:mm:ss[.fff]'
/// with optional 'Z' or a +hh:mm / -hh:mm offset (converted to UTC).
bool parseTimestampText(std::string_view text, std::int64_t& millis);

/// Converts text (a CSV field, a JSON string or number token) to a value of type `t`. Leading
/// and trailing blanks are ignored for non-STRING types. Returns false and sets `error` (e.g.
/// "cannot convert 'abc' to BIGINT") on failure.
bool parseValue(std::string_view text, const DataType& t, Value& out, std::string& error);

/// True when |unscaled| fits DECIMAL(precision, scale).
bool fitsPrecision(std::int64_t unscaled, int precision);

} // namespace sw::runtime::text
