#pragma once
// Value <-> text conversions shared by the file formats (JSON Lines, CSV), the sinks and the DLQ.
// Rendering follows Flink's JSON/CSV formats: DECIMAL as its exact digits, TIMESTAMP(3) as
// 'yyyy-MM-dd HH:mm:ss.SSS', BOOLEAN as true/false, BYTES as base64. The timestamp grammar and
// the TIMESTAMP and DECIMAL renderings live in types/ValueText.h, base64 in util/Base64.h, UTF-8
// in util/Utf8.h: this file only composes them per SQL type.
#include <cstdint>
#include <string>
#include <string_view>

#include "types/DataType.h"
#include "types/Value.h"
#include "types/ValueText.h"
#include "util/Base64.h"
#include "util/Utf8.h"

namespace sw::runtime::text {

/// Appends the shortest text that reads back to `d` ("21.5", "3.0", "1.0E-7" style is not used:
/// C++ shortest form, with ".0" added to integral values); NaN/Infinity/-Infinity as words.
void appendDouble(std::string& out, double d);
void appendInt(std::string& out, std::int64_t v);

/// Appends `v` as plain text in Flink's csv/json rendering, unquoted: NULL as nothing,
/// BOOLEAN true/false, DECIMAL exact, DOUBLE by appendDouble, TIMESTAMP 'yyyy-MM-dd
/// HH:mm:ss.SSS', BYTES (type `t`) base64, STRING as it is.
void appendPlain(std::string& out, const Value& v, const DataType& t);

/// Converts text (a CSV field, a JSON string or number token) to a value of type `t`. Leading
/// and trailing blanks are ignored for non-STRING types. TIMESTAMP text follows the one grammar
/// of parseTimestamp() (types/ValueText.h); BYTES is base64. Returns false and sets `error`
/// (e.g. "cannot convert 'abc' to BIGINT") on failure.
bool parseValue(std::string_view text, const DataType& t, Value& out, std::string& error);

/// True when |unscaled| fits DECIMAL(precision, scale).
bool fitsPrecision(std::int64_t unscaled, int precision);

} // namespace sw::runtime::text
