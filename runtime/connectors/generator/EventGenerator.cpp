#include "connectors/generator/EventGenerator.h"

#include "catalog/GeneratorSchemas.h"
#include "connectors/generator/NexmarkGenerator.h"
#include "connectors/generator/SimpleGenerators.h"

namespace sw::runtime {

namespace {
constexpr std::uint64_t kFieldSalt = 0x6669656c64730001ULL;
constexpr std::uint64_t kJitterSalt = 0x6a69747465720002ULL;
} // namespace

EventGenerator::EventGenerator(const GeneratorConfig& config)
    : m_config(config), m_schema(generatorSchema(config.kind, config.nexmarkStream)),
      m_fieldStream(config.seed, kFieldSalt), m_jitterStream(config.seed, kJitterSalt)
{
}

Result<std::unique_ptr<EventGenerator>> EventGenerator::create(const GeneratorConfig& c)
{
    std::unique_ptr<EventGenerator> g;
    if (c.kind == "orders")
        g = std::make_unique<OrdersGenerator>(c);
    else if (c.kind == "clickstream")
        g = std::make_unique<ClickstreamGenerator>(c);
    else if (c.kind == "iot")
        g = std::make_unique<IotGenerator>(c);
    else if (c.kind == "nexmark")
        g = std::make_unique<NexmarkGenerator>(c);
    else
        return makeError("unknown generator kind '" + c.kind + "'");
    return g;
}

EventTime EventGenerator::timeAt(std::uint64_t timeline) const
{
    const gen::uint128 t = timeline;
    if (m_config.eventsPerSecond <= 0) return m_config.startTimeMs + static_cast<EventTime>(t);
    return m_config.startTimeMs +
           static_cast<EventTime>(t * 1000 / static_cast<gen::uint128>(m_config.eventsPerSecond));
}

EventTime EventGenerator::eventTime(std::uint64_t index) const
{
    EventTime t = scheduledTime(index);
    if (m_config.outOfOrdernessMs > 0) {
        t -= static_cast<EventTime>(m_jitterStream.at(index) %
                                    static_cast<std::uint64_t>(m_config.outOfOrdernessMs + 1));
        if (t < m_config.startTimeMs) t = m_config.startTimeMs; // nothing before start_time
    }
    return t;
}

} // namespace sw::runtime
