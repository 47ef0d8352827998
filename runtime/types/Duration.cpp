#include "types/Duration.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace sw::runtime {

std::optional<std::int64_t> parseDuration(std::string_view t, std::string* error)
{
    auto fail = [&](std::string m) -> std::optional<std::int64_t> {
        if (error) *error = std::move(m);
        return std::nullopt;
    };
    std::string s(t);
    std::size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t numStart = i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    bool digits = false;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) {
        digits = digits || s[i] != '.';
        ++i;
    }
    if (!digits)
        return fail("'" + s + "' is not a duration (expected e.g. '5 min', '30 s', '100 ms')");
    double n = std::strtod(s.substr(numStart, i - numStart).c_str(), nullptr);
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    std::string unit;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])))
        unit += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i++])));
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i != s.size()) return fail("unexpected text after duration '" + s + "'");
    double mult;
    if (unit.empty()) {
        if (n != 0) return fail("duration '" + s + "' needs a unit (ms, s, min, h, d)");
        mult = 1;
    } else if (unit == "ms" || unit == "milli" || unit == "millis" || unit == "millisecond" ||
               unit == "milliseconds")
        mult = 1;
    else if (unit == "s" || unit == "sec" || unit == "secs" || unit == "second" || unit == "seconds")
        mult = 1000;
    else if (unit == "m" || unit == "min" || unit == "mins" || unit == "minute" || unit == "minutes")
        mult = 60000;
    else if (unit == "h" || unit == "hour" || unit == "hours")
        mult = 3600000;
    else if (unit == "d" || unit == "day" || unit == "days")
        mult = 86400000;
    else
        return fail("unknown duration unit '" + unit + "' (use ms, s, min, h or d)");
    double ms = n * mult;
    if (std::fabs(ms) > 9.0e15) return fail("duration '" + s + "' is too large");
    if (ms != std::floor(ms)) return fail("duration '" + s + "' is not a whole number of milliseconds");
    return static_cast<std::int64_t>(ms);
}

std::string formatDuration(std::int64_t ms)
{
    if (ms == 0) return "0 ms";
    struct U {
        std::int64_t f;
        const char* n;
    } units[] = {{86400000, "d"}, {3600000, "h"}, {60000, "min"}, {1000, "s"}, {1, "ms"}};
    for (const auto& u : units)
        if (ms % u.f == 0) return std::to_string(ms / u.f) + " " + u.n;
    return std::to_string(ms) + " ms";
}

} // namespace sw::runtime
