#include "expr/DecimalMath.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace sw::runtime::expr {
namespace {

i128 absI(i128 v)
{
    return v < 0 ? -v : v;
}

std::string_view trimSpaces(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

} // namespace

namespace {
struct Pow10Table {
    i128 v[39];
    constexpr Pow10Table() : v()
    {
        v[0] = 1;
        for (int k = 1; k < 39; ++k)
            v[k] = v[k - 1] * 10;
    }
};
constexpr Pow10Table kPow10;
} // namespace

i128 pow10i(int n)
{
    return kPow10.v[n < 0 ? 0 : n > 38 ? 38 : n];
}

bool fitsPrecision(i128 v, int precision)
{
    return absI(v) < pow10i(precision);
}

bool rescale(i128 v, int from, int to, i128& out)
{
    if (to == from) {
        out = v;
        return true;
    }
    if (to > from) {
        int k = to - from;
        if (k > 38) return false;
        i128 f = pow10i(k);
        // |v| * f must stay below ~1.7e38.
        if (v != 0 && absI(v) > (i128(1) << 126) / f) return false;
        out = v * f;
        return true;
    }
    int k = from - to;
    if (k > 38) {
        out = 0;
        return true;
    }
    i128 f = pow10i(k);
    i128 q = absI(v) / f, r = absI(v) % f;
    if (r * 2 >= f) ++q;
    out = v < 0 ? -q : q;
    return true;
}

bool divideRounded(i128 a, i128 b, int digits, i128& out)
{
    bool neg = (a < 0) != (b < 0);
    i128 n = absI(a), d = absI(b);
    if (digits < 0) {
        // Divide by a larger denominator instead; d stays below 1e37 for our inputs.
        for (int k = 0; k < -digits; ++k) {
            if (d > pow10i(37)) {
                out = 0;
                return true;
            }
            d *= 10;
        }
        digits = 0;
    }
    const i128 limit = pow10i(19);
    i128 q = n / d, r = n % d;
    if (q >= limit) return false;
    for (int k = 0; k < digits; ++k) {
        r *= 10;
        q = q * 10 + r / d;
        r %= d;
        if (q >= limit) return false;
    }
    if (r * 2 >= d) ++q;
    out = neg ? -q : q;
    return true;
}

bool parseDecimalText(std::string_view text, int precision, int scale, std::int64_t& out)
{
    std::string_view t = trimSpaces(text);
    if (t.empty()) return false;
    bool neg = false;
    std::size_t i = 0;
    if (t[0] == '+' || t[0] == '-') {
        neg = t[0] == '-';
        i = 1;
    }
    std::string digits; // significant digits without the dot
    int fracDigits = 0;
    bool dot = false, any = false;
    for (; i < t.size(); ++i) {
        char c = t[i];
        if (c == '.') {
            if (dot) return false;
            dot = true;
        } else if (c >= '0' && c <= '9') {
            any = true;
            if (digits.empty() && c == '0') {
                if (dot) ++fracDigits;
                continue;
            }
            if (digits.size() > 400) return false;
            digits += c;
            if (dot) ++fracDigits;
        } else {
            break;
        }
    }
    if (!any) return false;
    long exp10 = 0;
    if (i < t.size()) {
        if (t[i] != 'e' && t[i] != 'E') return false;
        ++i;
        bool eneg = false;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) eneg = t[i++] == '-';
        if (i >= t.size()) return false;
        for (; i < t.size(); ++i) {
            if (t[i] < '0' || t[i] > '9') return false;
            if (exp10 < 100000) exp10 = exp10 * 10 + (t[i] - '0');
        }
        if (eneg) exp10 = -exp10;
    }
    // value = digits * 10^(exp10 - fracDigits); we want round(value * 10^scale).
    long shift = exp10 - fracDigits + scale;
    if (digits.empty()) {
        out = 0;
        return true;
    }
    if (shift >= 0) {
        if (static_cast<long>(digits.size()) + shift > precision) return false;
        i128 v = 0;
        for (char c : digits)
            v = v * 10 + (c - '0');
        v *= pow10i(static_cast<int>(shift));
        out = static_cast<std::int64_t>(neg ? -v : v);
        return true;
    }
    long keep = static_cast<long>(digits.size()) + shift; // digits before the rounding point
    if (keep < 0) {
        out = 0;
        return true;
    }
    if (keep > precision + 1) return false;
    i128 v = 0;
    for (long k = 0; k < keep; ++k)
        v = v * 10 + (digits[static_cast<std::size_t>(k)] - '0');
    if (digits[static_cast<std::size_t>(keep)] >= '5') ++v;
    if (!fitsPrecision(v, precision)) return false;
    out = static_cast<std::int64_t>(neg ? -v : v);
    return true;
}

void shortestDigits(double d, std::string& digits, int& exponent, bool& negative)
{
    negative = std::signbit(d);
    double a = std::fabs(d);
    char buf[40];
    for (int prec = 1; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*e", prec - 1, a);
        if (std::strtod(buf, nullptr) == a) break;
    }
    // buf is "d.ddddde+XX"
    digits.clear();
    const char* p = buf;
    for (; *p && *p != 'e'; ++p)
        if (*p >= '0' && *p <= '9') digits += *p;
    int e = *p == 'e' ? std::atoi(p + 1) : 0;
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();
    exponent = e + 1;
}

std::string javaDoubleString(double d)
{
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
    std::string digits;
    int e = 0;
    bool neg = false;
    shortestDigits(d, digits, e, neg);
    std::string s = neg ? "-" : "";
    double a = std::fabs(d);
    if (a >= 1e-3 && a < 1e7) {
        if (e <= 0) {
            s += "0." + std::string(static_cast<std::size_t>(-e), '0') + digits;
        } else if (static_cast<int>(digits.size()) <= e) {
            s += digits + std::string(static_cast<std::size_t>(e) - digits.size(), '0') + ".0";
        } else {
            s += digits.substr(0, static_cast<std::size_t>(e)) + "." +
                 digits.substr(static_cast<std::size_t>(e));
        }
        return s;
    }
    s += digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0");
    s += "E" + std::to_string(e - 1);
    return s;
}

double roundDouble(double d, int places)
{
    if (!std::isfinite(d) || d == 0) return d;
    std::string digits;
    int e = 0;
    bool neg = false;
    shortestDigits(d, digits, e, neg);
    // d = 0.digits * 10^e; keep (e + places) digits.
    long keep = static_cast<long>(e) + places;
    if (keep >= static_cast<long>(digits.size())) return d;
    std::string kept;
    if (keep < 0) return neg ? -0.0 : 0.0;
    kept = digits.substr(0, static_cast<std::size_t>(keep));
    bool up = digits[static_cast<std::size_t>(keep)] >= '5';
    if (up) {
        // Increment the kept digit string.
        int k = static_cast<int>(kept.size()) - 1;
        while (k >= 0 && kept[static_cast<std::size_t>(k)] == '9')
            kept[static_cast<std::size_t>(k--)] = '0';
        if (k < 0) {
            kept.insert(kept.begin(), '1');
            ++e;
        } else {
            ++kept[static_cast<std::size_t>(k)];
        }
    }
    if (kept.empty()) return neg ? -0.0 : 0.0;
    std::string text = std::string(neg ? "-" : "") + "0." + kept + "e" + std::to_string(e);
    return std::strtod(text.c_str(), nullptr);
}

bool doubleToDecimal(double d, int precision, int scale, std::int64_t& out)
{
    if (!std::isfinite(d)) return false;
    if (d == 0) {
        out = 0;
        return true;
    }
    if (std::fabs(d) >= 1e19) return false;
    std::string digits;
    int e = 0;
    bool neg = false;
    shortestDigits(d, digits, e, neg);
    std::string text = std::string(neg ? "-" : "") + "0." + digits + "e" + std::to_string(e);
    return parseDecimalText(text, precision, scale, out);
}

} // namespace sw::runtime::expr
