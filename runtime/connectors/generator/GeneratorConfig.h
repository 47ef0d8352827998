#pragma once
// Settings of a `generator` node, read from its catalog properties.
#include <cstdint>
#include <string>

#include "model/PipelineSpec.h"
#include "util/Result.h"

namespace sw::runtime {

struct GeneratorConfig {
    std::string kind = "orders";       ///< orders | clickstream | iot | nexmark
    std::string nexmarkStream = "bid"; ///< bid | auction | person (kind nexmark)
    /// Target rate over all subtasks; 0 = unthrottled. For Nexmark it is the rate of the mixed
    /// person/auction/bid event sequence (Nexmark's firstEventRate), of which a stream is a share.
    std::int64_t eventsPerSecond = 1000;
    std::uint64_t totalEvents = 0; ///< over all subtasks (records of the stream); 0 = unbounded
    std::uint64_t keyCardinality = 1000;
    double keySkew = 0;                ///< Zipf exponent; 0 = uniform
    std::int64_t outOfOrdernessMs = 0; ///< event times jitter backwards by up to this
    double duplicateRatio = 0;
    double malformedRatio = 0;
    std::uint64_t seed = 42;
    std::int64_t startTimeMs = 1704067200000; ///< 2024-01-01 00:00:00 UTC

    static Result<GeneratorConfig> fromNode(const NodeSpec& node);
};

} // namespace sw::runtime
