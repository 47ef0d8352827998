#include "connectors/generator/SimpleGenerators.h"

#include <charconv>
#include <cmath>
#include <string_view>

namespace sw::runtime {

namespace {

constexpr std::array<std::string_view, 8> kCategories = {
    "electronics", "books", "clothing", "home", "toys", "sports", "grocery", "beauty"};
constexpr std::array<std::string_view, 10> kPages = {"/",      "/search",   "/product", "/category",
                                                     "/cart",  "/checkout", "/account", "/help",
                                                     "/deals", "/reviews"};

double round2(double x)
{
    return std::round(x * 100.0) / 100.0;
}

/// Appends `v` in lowercase hex, exactly `digits` digits.
void appendHex(char*& p, std::uint64_t v, int digits)
{
    static constexpr char kHex[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; --i)
        p[i] = kHex[(v >> (4 * (digits - 1 - i))) & 0xf];
    p += digits;
}

void setString(Value& v, std::string_view s)
{
    v.assignString(s);
}

} // namespace

OrdersGenerator::OrdersGenerator(const GeneratorConfig& c)
    : EventGenerator(c), m_keys(c.keyCardinality, c.keySkew)
{
}

void OrdersGenerator::fill(std::uint64_t index, EventTime eventTime, Row& row)
{
    gen::EventRng rng = rngFor(index);
    row.resize(5);
    row[0].setInteger(static_cast<std::int64_t>(index + 1));
    row[1].setInteger(static_cast<std::int64_t>(m_keys.sample(rng)));
    row[2].setDecimal(rng.between(100, 50000), 2);
    setString(row[3], kCategories[rng.below(kCategories.size())]);
    row[4].setTimestamp(eventTime);
}

ClickstreamGenerator::ClickstreamGenerator(const GeneratorConfig& c)
    : EventGenerator(c), m_keys(c.keyCardinality, c.keySkew),
      m_sessionKey(gen::mix64(c.seed ^ 0x5e55))
{
}

void ClickstreamGenerator::fill(std::uint64_t index, EventTime eventTime, Row& row)
{
    gen::EventRng rng = rngFor(index);
    const std::uint64_t user = m_keys.sample(rng);
    // A user's session changes every 30 minutes of event time.
    const std::uint64_t bucket = static_cast<std::uint64_t>(eventTime / 1800000);
    char buf[16];
    char* p = buf;
    *p++ = 's';
    appendHex(p, gen::mix64(m_sessionKey ^ (user * 0x9e3779b97f4a7c15ULL) ^ bucket), 12);
    std::uint64_t a = rng.below(100);
    std::string_view action = a < 60   ? "view"
                              : a < 85 ? "click"
                              : a < 92 ? "scroll"
                              : a < 98 ? "add_to_cart"
                                       : "purchase";
    row.resize(6);
    row[0].setInteger(static_cast<std::int64_t>(index + 1));
    row[1].setInteger(static_cast<std::int64_t>(user));
    setString(row[2], std::string_view(buf, static_cast<std::size_t>(p - buf)));
    setString(row[3], kPages[rng.below(kPages.size())]);
    setString(row[4], action);
    row[5].setTimestamp(eventTime);
}

IotGenerator::IotGenerator(const GeneratorConfig& c)
    : EventGenerator(c), m_keys(c.keyCardinality, c.keySkew),
      m_sensorKey(gen::mix64(c.seed ^ 0x107))
{
}

void IotGenerator::fill(std::uint64_t index, EventTime eventTime, Row& row)
{
    gen::EventRng rng = rngFor(index);
    const std::uint64_t sensor = m_keys.sample(rng);
    const std::uint64_t traits = gen::mix64(m_sensorKey + sensor);
    char buf[32] = "sensor-";
    auto res = std::to_chars(buf + 7, buf + sizeof buf, sensor);
    const double baseTemp = 18.0 + static_cast<double>(traits % 101) / 10.0;
    const double baseHumidity = 30.0 + static_cast<double>((traits >> 8) % 401) / 10.0;
    const double startBattery = 60.0 + static_cast<double>((traits >> 20) % 401) / 10.0;
    const double hours = static_cast<double>(eventTime - m_config.startTimeMs) / 3600000.0;
    double battery = startBattery - (hours > 0 ? hours : 0);
    row.resize(6);
    row[0].setInteger(static_cast<std::int64_t>(index + 1));
    setString(row[1], std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)));
    row[2].setFloat64(round2(baseTemp + (rng.unit() - 0.5) * 2.0));
    row[3].setFloat64(round2(baseHumidity + (rng.unit() - 0.5) * 4.0));
    row[4].setFloat64(std::round((battery < 0 ? 0 : battery) * 10.0) / 10.0);
    row[5].setTimestamp(eventTime);
}

} // namespace sw::runtime
