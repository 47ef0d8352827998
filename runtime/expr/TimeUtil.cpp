#include "expr/TimeUtil.h"

namespace sw::runtime::expr {
namespace {
// addMonths refuses years outside this range, as fromCivil (types/ValueText.cpp) does.
constexpr std::int64_t kMaxYear = 100000000;
} // namespace

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b, r = a % b;
    return (r != 0 && ((r < 0) != (b < 0))) ? q - 1 : q;
}

std::int64_t floorMod(std::int64_t a, std::int64_t b)
{
    std::int64_t r = a % b;
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}

int dayOfWeek(std::int64_t millis)
{
    std::int64_t days = floorDiv(millis, kMillisPerDay);
    return static_cast<int>(floorMod(days + 4, 7)) + 1; // 1970-01-01 was a Thursday
}

int dayOfYear(std::int64_t millis)
{
    CivilTime c = toCivil(millis);
    return static_cast<int>(floorDiv(millis, kMillisPerDay) - daysFromCivil(c.year, 1, 1)) + 1;
}

int isoWeek(std::int64_t millis)
{
    std::int64_t days = floorDiv(millis, kMillisPerDay);
    int isoDow = static_cast<int>(floorMod(days + 3, 7)) + 1; // Monday = 1
    std::int64_t thursday = days - isoDow + 4;
    std::int64_t y;
    int m, d;
    civilFromDays(thursday, y, m, d);
    return static_cast<int>((thursday - daysFromCivil(y, 1, 1)) / 7) + 1;
}

bool addMonths(std::int64_t millis, std::int64_t months, std::int64_t& out)
{
    if (months > 12 * kMaxYear || months < -12 * kMaxYear) return false;
    CivilTime c = toCivil(millis);
    if (c.year > kMaxYear || c.year < -kMaxYear) return false;
    std::int64_t total = c.year * 12 + (c.month - 1) + months;
    c.year = floorDiv(total, 12);
    c.month = static_cast<int>(floorMod(total, 12)) + 1;
    if (c.day > daysInMonth(c.year, c.month)) c.day = daysInMonth(c.year, c.month);
    return fromCivil(c, out);
}

} // namespace sw::runtime::expr
