#include "connectors/generator/GeneratorConfig.h"

#include "catalog/GeneratorSchemas.h"
#include "connectors/PropertyReader.h"

namespace sw::runtime {

Result<GeneratorConfig> GeneratorConfig::fromNode(const NodeSpec& node)
{
    PropertyReader p(node);
    GeneratorConfig c;
    c.kind = p.string("kind");
    c.nexmarkStream = p.string("nexmark_stream");
    c.eventsPerSecond = p.integer("events_per_second");
    std::int64_t total = p.integer("total_events");
    std::int64_t keys = p.integer("key_cardinality");
    c.keySkew = p.number("key_skew");
    c.outOfOrdernessMs = p.durationMs("out_of_orderness");
    c.duplicateRatio = p.number("duplicate_ratio");
    c.malformedRatio = p.number("malformed_ratio");
    std::int64_t seed = p.integer("seed");
    c.startTimeMs = p.timestampMs("start_time");
    if (!p.ok()) return p.error();

    bool known = false;
    for (const auto& k : generatorKinds())
        known = known || k == c.kind;
    if (!known) p.fail("kind", "unknown generator kind '" + c.kind + "'");
    if (c.kind == "nexmark" && c.nexmarkStream != "bid" && c.nexmarkStream != "auction" &&
        c.nexmarkStream != "person")
        p.fail("nexmark_stream", "expected bid, auction or person");
    if (c.eventsPerSecond < 0) p.fail("events_per_second", "must be >= 0");
    if (total < 0) p.fail("total_events", "must be >= 0");
    if (keys < 1) p.fail("key_cardinality", "must be >= 1");
    if (c.keySkew < 0 || c.keySkew > 10) p.fail("key_skew", "must be between 0 and 10");
    if (c.outOfOrdernessMs < 0) p.fail("out_of_orderness", "must be >= 0");
    if (c.duplicateRatio < 0 || c.duplicateRatio > 1)
        p.fail("duplicate_ratio", "must be between 0 and 1");
    if (c.malformedRatio < 0 || c.malformedRatio > 1)
        p.fail("malformed_ratio", "must be between 0 and 1");
    if (seed < 0) p.fail("seed", "must be >= 0");
    if (!p.ok()) return p.error();
    c.totalEvents = static_cast<std::uint64_t>(total);
    c.keyCardinality = static_cast<std::uint64_t>(keys);
    c.seed = static_cast<std::uint64_t>(seed);
    return c;
}

} // namespace sw::runtime
