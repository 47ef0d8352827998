#pragma once
// Event time and the watermark sentinels: the time vocabulary every layer above time/ shares
// (records, watermark generators, windows, timers).
#include <cstdint>
#include <limits>

namespace sw::runtime {

/// Event time in milliseconds since the epoch (Flink's TIMESTAMP(3) rowtime).
using EventTime = std::int64_t;
/// Record::timestamp of a record that has no event time (processing-time pipelines).
inline constexpr EventTime kNoTimestamp = std::numeric_limits<EventTime>::min();
/// The watermark that means "no more records will ever come" (end of a bounded input).
inline constexpr EventTime kMaxWatermark = std::numeric_limits<EventTime>::max();
/// The watermark before any was seen.
inline constexpr EventTime kMinWatermark = std::numeric_limits<EventTime>::min();

} // namespace sw::runtime
