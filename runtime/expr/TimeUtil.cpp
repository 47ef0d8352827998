#include "expr/TimeUtil.h"

namespace sw::runtime::expr {
namespace {
// Years outside this range are rejected by the calendar helpers (no overflow anywhere).
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

std::int64_t daysFromCivil(std::int64_t y, int m, int d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civilFromDays(std::int64_t z, std::int64_t& y, int& m, int& d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = yoe + era * 400 + (m <= 2);
}

CivilTime toCivil(std::int64_t millis)
{
    CivilTime c;
    std::int64_t days = floorDiv(millis, kMillisPerDay);
    std::int64_t rem = floorMod(millis, kMillisPerDay);
    civilFromDays(days, c.year, c.month, c.day);
    c.hour = static_cast<int>(rem / 3600000);
    c.minute = static_cast<int>(rem / 60000 % 60);
    c.second = static_cast<int>(rem / 1000 % 60);
    c.millis = static_cast<int>(rem % 1000);
    return c;
}

int daysInMonth(std::int64_t y, int m)
{
    static constexpr int k[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
    return k[(m - 1) % 12];
}

bool fromCivil(const CivilTime& c, std::int64_t& millis)
{
    if (c.year < -kMaxYear || c.year > kMaxYear || c.month < 1 || c.month > 12 || c.day < 1 ||
        c.day > daysInMonth(c.year, c.month) || c.hour < 0 || c.hour > 23 || c.minute < 0 ||
        c.minute > 59 || c.second < 0 || c.second > 59 || c.millis < 0 || c.millis > 999)
        return false;
    millis = daysFromCivil(c.year, c.month, c.day) * kMillisPerDay + c.hour * 3600000LL +
             c.minute * 60000LL + c.second * 1000LL + c.millis;
    return true;
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
