#include "connectors/format/TextCodec.h"

#include <charconv>
#include <cmath>

#include "connectors/generator/Random.h"

namespace sw::runtime::text {

namespace {

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

void appendPlain(std::string& out, const Value& v, const DataType& t)
{
    switch (v.kind()) {
    case Value::Kind::Null:
        break;
    case Value::Kind::Bool:
        out += v.asBool() ? "true" : "false";
        break;
    case Value::Kind::Int:
        appendInt(out, v.asInt());
        break;
    case Value::Kind::Decimal:
        appendDecimal(out, v.decimalUnscaled(), v.decimalScale());
        break;
    case Value::Kind::Double:
        appendDouble(out, v.asDouble());
        break;
    case Value::Kind::Timestamp:
        appendTimestamp(out, v.asTimestamp());
        break;
    case Value::Kind::String:
        if (t.kind() == TypeKind::Bytes)
            appendBase64(out, v.asString());
        else
            out += v.asString();
        break;
    }
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
        if (!parseTimestamp(s, ms)) return fail();
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
