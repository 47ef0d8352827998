#include "state/StateCodec.h"

#include <bit>
#include <cstring>

namespace sw::runtime {

namespace {
enum ValueTag : std::uint8_t { kNull, kFalse, kTrue, kInt, kDouble, kDecimal, kString, kTimestamp };
} // namespace

void StateOutput::u64(std::uint64_t v)
{
    while (v >= 0x80) {
        m_data.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    m_data.push_back(static_cast<char>(v));
}

void StateOutput::i64(std::int64_t v)
{
    u64((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
}

void StateOutput::f64(double d)
{
    auto bits = std::bit_cast<std::uint64_t>(d);
    for (int i = 0; i < 8; ++i)
        m_data.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
}

void StateOutput::bytes(std::string_view s)
{
    u64(s.size());
    m_data.append(s.data(), s.size());
}

void StateOutput::value(const Value& v)
{
    switch (v.kind()) {
    case Value::Kind::Null:
        m_data.push_back(kNull);
        return;
    case Value::Kind::Bool:
        m_data.push_back(v.asBool() ? kTrue : kFalse);
        return;
    case Value::Kind::Int:
        m_data.push_back(kInt);
        i64(v.asInt());
        return;
    case Value::Kind::Double:
        m_data.push_back(kDouble);
        f64(v.asDouble());
        return;
    case Value::Kind::Decimal:
        m_data.push_back(kDecimal);
        i64(v.decimalUnscaled());
        u64(static_cast<std::uint64_t>(v.decimalScale()));
        return;
    case Value::Kind::String:
        m_data.push_back(kString);
        bytes(v.asString());
        return;
    case Value::Kind::Timestamp:
        m_data.push_back(kTimestamp);
        i64(v.asTimestamp());
        return;
    }
}

void StateOutput::row(const Row& r)
{
    u64(r.size());
    for (const Value& v : r)
        value(v);
}

// ------------------------------------------------------------------------------ input

void StateInput::fail(std::string reason)
{
    if (m_error.empty()) m_error = std::move(reason);
    m_pos = m_data.size();
}

std::uint64_t StateInput::u64()
{
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (m_pos >= m_data.size()) {
            fail("truncated (a number runs past the end at byte " + std::to_string(m_pos) + ")");
            return 0;
        }
        auto b = static_cast<std::uint8_t>(m_data[m_pos++]);
        v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
        if (!(b & 0x80)) return v;
    }
    fail("corrupt (a number longer than 10 bytes at byte " + std::to_string(m_pos) + ")");
    return 0;
}

std::int64_t StateInput::i64()
{
    std::uint64_t z = u64();
    return static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
}

double StateInput::f64()
{
    if (m_data.size() - m_pos < 8) {
        fail("truncated (a DOUBLE runs past the end at byte " + std::to_string(m_pos) + ")");
        return 0;
    }
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i)
        bits |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(m_data[m_pos + i])) << (8 * i);
    m_pos += 8;
    return std::bit_cast<double>(bits);
}

std::string StateInput::bytes()
{
    std::uint64_t n = u64();
    if (!ok()) return {};
    if (n > m_data.size() - m_pos) {
        fail("truncated (a string of " + std::to_string(n) + " bytes at byte " +
             std::to_string(m_pos) + " runs past the end)");
        return {};
    }
    std::string s(m_data.substr(m_pos, static_cast<std::size_t>(n)));
    m_pos += static_cast<std::size_t>(n);
    return s;
}

Value StateInput::value()
{
    if (m_pos >= m_data.size()) {
        fail("truncated (a value expected at byte " + std::to_string(m_pos) + ")");
        return {};
    }
    const auto tag = static_cast<std::uint8_t>(m_data[m_pos++]);
    switch (tag) {
    case kNull:
        return Value::null();
    case kFalse:
        return Value::boolean(false);
    case kTrue:
        return Value::boolean(true);
    case kInt:
        return Value::integer(i64());
    case kDouble:
        return Value::float64(f64());
    case kDecimal: {
        std::int64_t unscaled = i64();
        std::uint64_t scale = u64();
        if (scale > 38) fail("corrupt (DECIMAL scale " + std::to_string(scale) + ")");
        return ok() ? Value::decimal(unscaled, static_cast<int>(scale)) : Value();
    }
    case kString: {
        std::string s = bytes();
        return ok() ? Value::string(std::move(s)) : Value();
    }
    case kTimestamp:
        return Value::timestamp(i64());
    default:
        fail("corrupt (unknown value tag " + std::to_string(tag) + " at byte " +
             std::to_string(m_pos - 1) + ")");
        return {};
    }
}

Row StateInput::row()
{
    Row r(count());
    for (Value& v : r)
        v = value();
    return r;
}

std::size_t StateInput::count(std::size_t minItemBytes)
{
    std::uint64_t n = u64();
    if (!ok()) return 0;
    const std::size_t left = m_data.size() - m_pos;
    if (minItemBytes > 0 && n > left / minItemBytes) {
        fail("corrupt (a count of " + std::to_string(n) + " items at byte " +
             std::to_string(m_pos) + " but only " + std::to_string(left) + " bytes left)");
        return 0;
    }
    return static_cast<std::size_t>(n);
}

std::string StateInput::finish(const std::string& what) const
{
    if (!ok()) return what + ": " + m_error;
    if (m_pos != m_data.size())
        return what + ": corrupt (" + std::to_string(m_data.size() - m_pos) + " trailing bytes)";
    return {};
}

} // namespace sw::runtime
