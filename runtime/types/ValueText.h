#pragma once
// TIMESTAMP(3) <-> text and the civil (proleptic Gregorian) calendar under it, and the rendering
// of DECIMAL: the one home of
// the timestamp grammar that CAST(... AS TIMESTAMP(3)), the JSON and CSV formats (files and
// Kafka), the dead-letter readers and the pipeline properties all use, and of the rendering they
// all write. Home: types/, beside the TIMESTAMP(3) type whose text form it defines; it needs
// nothing but the standard library, so expr/ and connectors/ use it without reaching sideways.
//
// TIMESTAMP(3) is milliseconds since 1970-01-01 00:00:00 (a wall-clock time without zone, which
// the runtime reads as UTC, as Flink's TIMESTAMP(3) in a UTC session).
//
// Rendering: 'yyyy-MM-dd HH:mm:ss.SSS' (always three fraction digits), as Flink's SQL timestamp
// format writes TIMESTAMP(3). Years outside 0000..9999 (only reachable by arithmetic) are written
// with as many digits as they need, negative years with a '-'.
//
// Parsing, the one grammar (ASCII letters and digits only, case-sensitive):
//
//   [blanks] ( date-time | epoch-ms ) [blanks]
//   date-time := yyyy-MM-dd [ ('T' | ' ') HH:mm [ :ss [ .f ] ] [ zone ] ]
//   zone      := 'Z' | ('+' | '-') hh [ [':'] mm ]
//   epoch-ms  := [ '-' ] digits          (a whole number that fits 64 bits)
//
//   - yyyy is exactly 4 digits (0000..9999); MM, dd, HH, mm, ss exactly 2 digits. The date must
//     exist (2024-02-29 yes, 2023-02-29 and 2024-04-31 no); HH 00..23, mm 00..59, ss 00..59
//     (no leap second, no 24:00).
//   - A date alone is midnight. Seconds may be left out (HH:mm), as in Flink's json format
//     (ISO_LOCAL_TIME); CAST in Flink needs them, we accept the superset.
//   - 'T' is the ISO 8601 separator (Flink json 'ISO-8601' standard), ' ' the SQL one (Flink
//     CAST and json 'SQL' standard); both are accepted everywhere, as the runtime has no
//     timestamp-format option.
//   - f is 1 to 9 digits (nanoseconds at most, like Flink); digits past the third are cut off
//     (truncated toward the past, as Flink's cast to TIMESTAMP(3) does): '.1' is 100 ms,
//     '.123999' is 123 ms. A '.' without digits, a ',' decimal mark and 10+ digits are rejected.
//   - zone: 'Z' or an offset from UTC of at most 18:00 (hh 00..18, mm 00..59), converted to
//     UTC: '2024-01-01T10:00:00+02:00' is 2024-01-01 08:00:00.000. Flink's TIMESTAMP (without
//     time zone) rejects a zone; Streamwright accepts it because Kafka producers commonly send
//     ISO 8601 instants, and converting them to UTC is what the runtime's UTC session means.
//   - blanks are ASCII whitespace (space, \t, \n, \v, \f, \r) around the text, ignored (CAST
//     here has always trimmed its operand, and the formats trimmed fields). Anything else before
//     or after is an error ("trailing garbage"), as are single-digit fields ('2024-1-5'), which
//     Flink's CAST would accept but its json format would not.
//   - A whole number is milliseconds since the epoch ('1704067200000', '-1'; no '+', no
//     fraction or exponent). The JSON and CSV readers have always read TIMESTAMP columns this
//     way (a JSON number or a digits field, tests rely on it), so the one grammar keeps it and
//     CAST gains it. Flink's CAST rejects it (Flink spells it TO_TIMESTAMP_LTZ(ms, 3)); '2024'
//     is therefore 1970-01-01 00:00:02.024, not a year.
#include <cstdint>
#include <string>
#include <string_view>

namespace sw::runtime {

inline constexpr std::int64_t kMillisPerDay = 86400000;

/// A TIMESTAMP(3) split into calendar fields (proleptic Gregorian, UTC).
struct CivilTime {
    std::int64_t year = 1970;
    int month = 1, day = 1, hour = 0, minute = 0, second = 0, millis = 0;
};

bool isLeapYear(std::int64_t year);
int daysInMonth(std::int64_t year, int month);
/// Days since 1970-01-01 of a date (H. Hinnant's algorithm; any year, no range check).
std::int64_t daysFromCivil(std::int64_t year, int month, int day);
/// The date of a day number (inverse of daysFromCivil).
void civilFromDays(std::int64_t days, std::int64_t& year, int& month, int& day);
/// Milliseconds since the epoch -> fields (floor semantics: -1 is 1969-12-31 23:59:59.999).
CivilTime toCivil(std::int64_t millis);
/// Fields -> milliseconds since the epoch. False when a field is out of range (month 13,
/// February 30, hour 24, ...) or |year| > 100,000,000 (so nothing can overflow).
bool fromCivil(const CivilTime& c, std::int64_t& millis);

/// Appends 'yyyy-MM-dd HH:mm:ss.SSS'.
void appendTimestamp(std::string& out, std::int64_t millis);
/// 'yyyy-MM-dd HH:mm:ss.SSS'.
std::string formatTimestamp(std::int64_t millis);
/// Parses timestamp text by the grammar above. False (and `millis` untouched) when `text` does
/// not match it.
bool parseTimestamp(std::string_view text, std::int64_t& millis);

/// Appends the exact text of DECIMAL unscaled / 10^scale, as Flink renders DECIMAL: all `scale`
/// fraction digits, a leading 0 before the point ((1234, 2) "12.34", (-5, 2) "-0.05", (7, 0)
/// "7").
void appendDecimal(std::string& out, std::int64_t unscaled, int scale);
std::string formatDecimal(std::int64_t unscaled, int scale);


} // namespace sw::runtime
