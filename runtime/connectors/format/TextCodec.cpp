#include "connectors/format/TextCodec.h"

#include <charconv>
#include <cmath>
#include <cstring>

#include "connectors/generator/Random.h"

namespace sw::runtime::text {

namespace {

constexpr char kDigits2[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

void put2(char* p, unsigned v)
{
    std::memcpy(p, kDigits2 + 2 * v, 2);
}

// Days since 1970-01-01 -> civil date (H. Hinnant's algorithm).
void civil(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
}

std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
    return true;
}

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int b64Value(char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

/// Decimal text with optional exponent -> unscaled at `scale`, rounding half away from zero.
bool parseDecimalText(std::string_view t, int scale, std::int64_t& out)
{
    std::size_t i = 0;
    bool neg = false;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) neg = t[i++] == '-';
    gen::int128 mant = 0;
    long frac = 0, droppedInt = 0;
    int digits = 0, kept = 0, firstDropped = -1;
    bool dot = false;
    for (; i < t.size() && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.'); ++i) {
        if (t[i] == '.') {
            if (dot) return false;
            dot = true;
            continue;
        }
        ++digits;
        if (kept < 36) { // keep 36 significant digits; later ones only matter for rounding
            mant = mant * 10 + (t[i] - '0');
            if (mant != 0) ++kept;
            if (dot) ++frac;
        } else {
            if (firstDropped < 0) firstDropped = t[i] - '0';
            if (!dot) ++droppedInt;
        }
    }
    if (digits == 0) return false;
    long exp = 0;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        const char* b = t.data() + i + 1;
        if (b < t.data() + t.size() && *b == '+') ++b;
        auto r = std::from_chars(b, t.data() + t.size(), exp);
        if (r.ec != std::errc() || r.ptr != t.data() + t.size() || exp > 1000 || exp < -1000)
            return false;
        i = t.size();
    }
    if (i != t.size()) return false;
    long shift = scale + exp - frac + droppedInt; // unscaled = mant * 10^shift
    int roundDigit = shift == 0 && firstDropped >= 0 ? firstDropped : 0;
    if (shift < 0) {
        if (shift < -38) {
            mant = 0;
        } else {
            for (long k = shift; k < -1; ++k)
                mant /= 10;
            roundDigit = static_cast<int>(mant % 10);
            mant /= 10;
        }
    }
    for (; shift > 0; --shift) {
        mant *= 10;
        if (mant > static_cast<gen::int128>(INT64_MAX)) return false;
    }
    if (roundDigit >= 5) mant += 1;
    if (mant > static_cast<gen::int128>(INT64_MAX)) return false;
    out = static_cast<std::int64_t>(neg ? -mant : mant);
    return true;
}

} // namespace

void appendInt(std::string& out, std::int64_t v)
{
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

void appendTimestamp(std::string& out, std::int64_t millis)
{
    std::int64_t days = millis >= 0 ? millis / 86400000 : -((-(millis + 1)) / 86400000) - 1;
    auto rem = static_cast<unsigned>(millis - days * 86400000);
    std::int64_t y;
    unsigned m, d;
    civil(days, y, m, d);
    char buf[32];
    char* p = buf;
    if (y < 0 || y > 9999) {
        auto r = std::to_chars(p, buf + 12, y);
        p = r.ptr;
    } else {
        put2(p, static_cast<unsigned>(y / 100));
        put2(p + 2, static_cast<unsigned>(y % 100));
        p += 4;
    }
    *p++ = '-';
    put2(p, m);
    p[2] = '-';
    put2(p + 3, d);
    p[5] = ' ';
    put2(p + 6, rem / 3600000);
    p[8] = ':';
    put2(p + 9, rem / 60000 % 60);
    p[11] = ':';
    put2(p + 12, rem / 1000 % 60);
    p[14] = '.';
    unsigned ms = rem % 1000;
    p[15] = static_cast<char>('0' + ms / 100);
    put2(p + 16, ms % 100);
    out.append(buf, static_cast<std::size_t>(p + 18 - buf));
}

void appendDecimal(std::string& out, std::int64_t unscaled, int scale)
{
    const bool neg = unscaled < 0;
    unsigned long long mag = neg ? 0ULL - static_cast<unsigned long long>(unscaled)
                                 : static_cast<unsigned long long>(unscaled);
    char buf[48];
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

void appendDouble(std::string& out, double d)
{
    if (std::isnan(d)) {
        out += "NaN";
        return;
    }
    if (std::isinf(d)) {
        out += d > 0 ? "Infinity" : "-Infinity";
        return;
    }
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, d);
    std::string_view s(buf, static_cast<std::size_t>(r.ptr - buf));
    out += s;
    if (s.find_first_of(".e") == std::string_view::npos) out += ".0";
}

void appendBase64(std::string& out, std::string_view bytes)
{
    std::size_t i = 0;
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
    for (; i + 3 <= bytes.size(); i += 3) {
        unsigned v = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
        char q[4] = {kB64[v >> 18], kB64[(v >> 12) & 63], kB64[(v >> 6) & 63], kB64[v & 63]};
        out.append(q, 4);
    }
    if (std::size_t rest = bytes.size() - i) {
        unsigned v = b[i] << 16 | (rest == 2 ? b[i + 1] << 8 : 0);
        out += kB64[v >> 18];
        out += kB64[(v >> 12) & 63];
        out += rest == 2 ? kB64[(v >> 6) & 63] : '=';
        out += '=';
    }
}

bool decodeBase64(std::string_view text, std::string& out)
{
    out.clear();
    while (!text.empty() && text.back() == '=')
        text.remove_suffix(1);
    if (text.size() % 4 == 1) return false;
    unsigned acc = 0;
    int bits = 0;
    for (char c : text) {
        int v = b64Value(c);
        if (v < 0) return false;
        acc = (acc << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xff);
        }
    }
    return true;
}

std::size_t invalidUtf8At(std::string_view s)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        unsigned lo = 0x80, hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf)
            len = 2;
        else if (c >= 0xe0 && c <= 0xef) {
            len = 3;
            if (c == 0xe0) lo = 0xa0;
            if (c == 0xed) hi = 0x9f; // no surrogates
        } else if (c >= 0xf0 && c <= 0xf4) {
            len = 4;
            if (c == 0xf0) lo = 0x90;
            if (c == 0xf4) hi = 0x8f;
        } else
            return i;
        if (i + len > n) return i;
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xbf) return i;
        i += len;
    }
    return std::string_view::npos;
}

std::string utf8Lossy(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    while (!s.empty()) {
        std::size_t bad = invalidUtf8At(s);
        if (bad == std::string_view::npos) {
            out += s;
            break;
        }
        out += s.substr(0, bad);
        out += "\xEF\xBF\xBD";
        s.remove_prefix(bad + 1);
    }
    return out;
}

bool parseTimestampText(std::string_view t, std::int64_t& millis)
{
    auto num = [&](std::size_t pos, std::size_t len, unsigned& out) {
        if (pos + len > t.size()) return false;
        out = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (t[i] < '0' || t[i] > '9') return false;
            out = out * 10 + static_cast<unsigned>(t[i] - '0');
        }
        return true;
    };
    unsigned y, mo, d, h = 0, mi = 0, s = 0, ms = 0;
    if (t.size() < 10 || !num(0, 4, y) || t[4] != '-' || !num(5, 2, mo) || t[7] != '-' ||
        !num(8, 2, d))
        return false;
    std::size_t p = 10;
    std::int64_t offsetMs = 0;
    if (p < t.size()) {
        if ((t[p] != ' ' && t[p] != 'T') || !num(p + 1, 2, h) || p + 6 > t.size() ||
            t[p + 3] != ':' || !num(p + 4, 2, mi))
            return false;
        p += 6;
        if (p < t.size() && t[p] == ':') {
            if (!num(p + 1, 2, s)) return false;
            p += 3;
        }
        if (p < t.size() && (t[p] == '.' || t[p] == ',')) {
            int digits = 0;
            for (++p; p < t.size() && t[p] >= '0' && t[p] <= '9'; ++p, ++digits)
                if (digits < 3) ms = ms * 10 + static_cast<unsigned>(t[p] - '0');
            if (digits == 0) return false;
            for (int k = digits; k < 3; ++k)
                ms *= 10;
        }
        if (p < t.size() && t[p] == 'Z') {
            ++p;
        } else if (p < t.size() && (t[p] == '+' || t[p] == '-')) {
            unsigned oh, om = 0;
            if (!num(p + 1, 2, oh)) return false;
            std::size_t q = p + 3;
            if (q < t.size() && t[q] == ':') ++q;
            if (q < t.size() && !num(q, 2, om)) return false;
            if (q < t.size()) q += 2;
            offsetMs = (oh * 3600000LL + om * 60000LL) * (t[p] == '+' ? 1 : -1);
            p = q;
        }
        if (p != t.size()) return false;
    }
    static constexpr unsigned kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] || h > 23 || mi > 59 || s > 59)
        return false;
    if (mo == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) return false;
    millis = daysFromCivil(y, mo, d) * 86400000 + h * 3600000LL + mi * 60000LL + s * 1000LL + ms -
             offsetMs;
    return true;
}

bool fitsPrecision(std::int64_t unscaled, int precision)
{
    if (precision <= 0 || precision >= 19) return true;
    std::uint64_t limit = 1;
    for (int i = 0; i < precision; ++i)
        limit *= 10;
    std::uint64_t mag = unscaled < 0 ? 0ULL - static_cast<std::uint64_t>(unscaled)
                                     : static_cast<std::uint64_t>(unscaled);
    return mag < limit;
}

bool parseValue(std::string_view raw, const DataType& t, Value& out, std::string& error)
{
    std::string_view s = t.kind() == TypeKind::String ? raw : trim(raw);
    auto fail = [&] {
        error = "cannot convert '" + std::string(raw.substr(0, 64)) +
                (raw.size() > 64 ? "...'" : "'") + " to " + t.withNullable(true).toString();
        return false;
    };
    switch (t.kind()) {
    case TypeKind::String:
        out.assignString(s);
        return true;
    case TypeKind::Boolean:
        if (iequals(s, "true") || s == "1")
            out.setBoolean(true);
        else if (iequals(s, "false") || s == "0")
            out.setBoolean(false);
        else
            return fail();
        return true;
    case TypeKind::Int:
    case TypeKind::BigInt: {
        std::int64_t v = 0;
        const char* b = s.data() + (!s.empty() && s[0] == '+');
        auto r = std::from_chars(b, s.data() + s.size(), v);
        if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) return fail();
        if (t.kind() == TypeKind::Int && (v < INT32_MIN || v > INT32_MAX)) return fail();
        out.setInteger(v);
        return true;
    }
    case TypeKind::Double: {
        double v = 0;
        if (s == "NaN")
            v = std::nan("");
        else if (s == "Infinity" || s == "+Infinity")
            v = INFINITY;
        else if (s == "-Infinity")
            v = -INFINITY;
        else {
            const char* b = s.data() + (!s.empty() && s[0] == '+');
            auto r = std::from_chars(b, s.data() + s.size(), v);
            if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) return fail();
        }
        out.setFloat64(v);
        return true;
    }
    case TypeKind::Decimal: {
        std::int64_t v = 0;
        if (!parseDecimalText(s, t.scale(), v)) return fail();
        if (!fitsPrecision(v, t.precision())) {
            error =
                "value '" + std::string(s) + "' does not fit " + t.withNullable(true).toString();
            return false;
        }
        out.setDecimal(v, t.scale());
        return true;
    }
    case TypeKind::Timestamp: {
        std::int64_t ms = 0;
        if (parseTimestampText(s, ms)) {
            out.setTimestamp(ms);
            return true;
        }
        auto r = std::from_chars(s.data(), s.data() + s.size(), ms); // epoch milliseconds
        if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) return fail();
        out.setTimestamp(ms);
        return true;
    }
    case TypeKind::Bytes: {
        std::string bytes;
        if (!decodeBase64(s, bytes)) return fail();
        out = Value::string(std::move(bytes));
        return true;
    }
    case TypeKind::Null:
        break;
    }
    return fail();
}

} // namespace sw::runtime::text
