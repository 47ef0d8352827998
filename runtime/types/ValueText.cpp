#include "types/ValueText.h"

#include <charconv>
#include <cstring>

namespace sw::runtime {
namespace {

// Years outside this range are rejected by fromCivil (no overflow anywhere).
constexpr std::int64_t kMaxYear = 100000000;
// Largest zone offset (Java's ZoneOffset range, which Flink's parsers use).
constexpr int kMaxOffsetMinutes = 18 * 60;

constexpr char kDigits2[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

void put2(char* p, unsigned v)
{
    std::memcpy(p, kDigits2 + 2 * v, 2);
}

bool isBlank(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/// A cursor over timestamp text.
struct Cursor {
    std::string_view t;
    std::size_t p = 0;

    bool atEnd() const { return p == t.size(); }
    bool lit(char c)
    {
        if (p < t.size() && t[p] == c) {
            ++p;
            return true;
        }
        return false;
    }
    bool isDigit() const { return p < t.size() && t[p] >= '0' && t[p] <= '9'; }
    /// Exactly `n` digits.
    bool digits(std::size_t n, int& out)
    {
        if (t.size() - p < n) return false;
        int v = 0;
        for (std::size_t k = 0; k < n; ++k, ++p) {
            if (!isDigit()) return false;
            v = v * 10 + (t[p] - '0');
        }
        out = v;
        return true;
    }
};

/// '.f' with 1..9 digits, cut to milliseconds.
bool parseFraction(Cursor& c, int& millis)
{
    int n = 0;
    millis = 0;
    for (; c.isDigit(); ++c.p, ++n)
        if (n < 3) millis = millis * 10 + (c.t[c.p] - '0');
    if (n == 0 || n > 9) return false;
    for (int k = n; k < 3; ++k)
        millis *= 10;
    return true;
}

/// 'Z' | ('+'|'-') hh [[':'] mm], or nothing; `offsetMs` is what to subtract to get UTC.
bool parseZone(Cursor& c, std::int64_t& offsetMs)
{
    offsetMs = 0;
    if (c.lit('Z') || c.atEnd()) return true;
    const char sign = c.t[c.p];
    if (sign != '+' && sign != '-') return false;
    ++c.p;
    int hh = 0, mm = 0;
    if (!c.digits(2, hh)) return false;
    if (c.lit(':')) {
        if (!c.digits(2, mm)) return false;
    } else if (c.isDigit() && !c.digits(2, mm)) {
        return false;
    }
    if (mm > 59 || hh * 60 + mm > kMaxOffsetMinutes) return false;
    offsetMs = (hh * 3600000LL + mm * 60000LL) * (sign == '+' ? 1 : -1);
    return true;
}

} // namespace

bool isLeapYear(std::int64_t y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

int daysInMonth(std::int64_t y, int m)
{
    static constexpr int k[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2) return isLeapYear(y) ? 29 : 28;
    return k[(m - 1) % 12];
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
    // Floor division that is also safe for INT64_MIN (negating it would overflow).
    std::int64_t days = millis / kMillisPerDay;
    std::int64_t rem = millis % kMillisPerDay;
    if (rem < 0) {
        rem += kMillisPerDay;
        --days;
    }
    CivilTime c;
    civilFromDays(days, c.year, c.month, c.day);
    c.hour = static_cast<int>(rem / 3600000);
    c.minute = static_cast<int>(rem / 60000 % 60);
    c.second = static_cast<int>(rem / 1000 % 60);
    c.millis = static_cast<int>(rem % 1000);
    return c;
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

void appendTimestamp(std::string& out, std::int64_t millis)
{
    const CivilTime c = toCivil(millis);
    char buf[48];
    char* p = buf;
    if (c.year >= 0 && c.year <= 9999) {
        put2(p, static_cast<unsigned>(c.year / 100));
        put2(p + 2, static_cast<unsigned>(c.year % 100));
        p += 4;
    } else {
        p = std::to_chars(p, buf + 24, c.year).ptr;
    }
    *p = '-';
    put2(p + 1, static_cast<unsigned>(c.month));
    p[3] = '-';
    put2(p + 4, static_cast<unsigned>(c.day));
    p[6] = ' ';
    put2(p + 7, static_cast<unsigned>(c.hour));
    p[9] = ':';
    put2(p + 10, static_cast<unsigned>(c.minute));
    p[12] = ':';
    put2(p + 13, static_cast<unsigned>(c.second));
    p[15] = '.';
    p[16] = static_cast<char>('0' + c.millis / 100);
    put2(p + 17, static_cast<unsigned>(c.millis % 100));
    out.append(buf, static_cast<std::size_t>(p + 19 - buf));
}

std::string formatTimestamp(std::int64_t millis)
{
    std::string out;
    appendTimestamp(out, millis);
    return out;
}

bool parseTimestamp(std::string_view text, std::int64_t& millis)
{
    while (!text.empty() && isBlank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isBlank(text.back()))
        text.remove_suffix(1);
    const std::string_view digits = !text.empty() && text[0] == '-' ? text.substr(1) : text;
    if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos) {
        std::int64_t ms = 0; // epoch milliseconds
        const char* e = text.data() + text.size();
        const auto r = std::from_chars(text.data(), e, ms);
        if (r.ec != std::errc() || r.ptr != e) return false;
        millis = ms;
        return true;
    }
    Cursor c{text};
    CivilTime f;
    int year = 0;
    if (!c.digits(4, year) || !c.lit('-') || !c.digits(2, f.month) || !c.lit('-') ||
        !c.digits(2, f.day))
        return false;
    f.year = year;
    std::int64_t offsetMs = 0;
    if (!c.atEnd()) {
        if (!c.lit('T') && !c.lit(' ')) return false;
        if (!c.digits(2, f.hour) || !c.lit(':') || !c.digits(2, f.minute)) return false;
        if (c.lit(':')) {
            if (!c.digits(2, f.second)) return false;
            if (c.lit('.') && !parseFraction(c, f.millis)) return false;
        }
        if (!parseZone(c, offsetMs)) return false;
    }
    std::int64_t ms = 0;
    if (!c.atEnd() || !fromCivil(f, ms)) return false;
    millis = ms - offsetMs;
    return true;
}

void appendDecimal(std::string& out, std::int64_t unscaled, int scale)
{
    const bool neg = unscaled < 0;
    unsigned long long mag = neg ? 0ULL - static_cast<unsigned long long>(unscaled)
                                 : static_cast<unsigned long long>(unscaled);
    char buf[300]; // scale is at most 255 (Value keeps it in 8 bits)
    char* end = buf + sizeof buf;
    char* p = end;
    int n = 0;
    do {
        *--p = static_cast<char>('0' + mag % 10);
        mag /= 10;
        if (++n == scale) *--p = '.';
    } while (mag != 0 || n < scale);
    if (*p == '.') *--p = '0';
    if (neg) *--p = '-';
    out.append(p, static_cast<std::size_t>(end - p));
}

std::string formatDecimal(std::int64_t unscaled, int scale)
{
    std::string out;
    appendDecimal(out, unscaled, scale);
    return out;
}

} // namespace sw::runtime
