#pragma once
// Calendar arithmetic on TIMESTAMP(3) values (milliseconds since the epoch, UTC, proleptic
// Gregorian calendar), and Java-style date-time patterns (DATE_FORMAT, TO_TIMESTAMP).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "types/ValueText.h" // CivilTime, toCivil, fromCivil, daysFromCivil: the one calendar

namespace sw::runtime::expr {

/// Floor division/modulo that are safe for INT64_MIN.
std::int64_t floorDiv(std::int64_t a, std::int64_t b);
std::int64_t floorMod(std::int64_t a, std::int64_t b);

/// 1 = Sunday ... 7 = Saturday (SQL DAYOFWEEK).
int dayOfWeek(std::int64_t millis);
int dayOfYear(std::int64_t millis);
/// ISO-8601 week number (1..53).
int isoWeek(std::int64_t millis);
/// Adds months, clamping the day to the target month's length. False on overflow.
bool addMonths(std::int64_t millis, std::int64_t months, std::int64_t& out);

/// A parsed Java date-time pattern ("yyyy-MM-dd HH:mm:ss.SSS", quotes for literal text).
class DatePattern {
public:
    /// Returns an error message, or "" on success.
    std::string compile(std::string_view pattern);
    void format(std::int64_t millis, std::string& out) const;
    /// Parses `text` exactly; false when it does not match.
    bool parse(std::string_view text, std::int64_t& millis) const;

private:
    struct Item {
        char letter; ///< 0 for literal text
        int count;
        std::string text;
    };
    std::vector<Item> m_items;
};

} // namespace sw::runtime::expr
