#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sw::runtime {

/// Parses durations typed like Flink's: "5 min", "30 s", "100 ms", "1 h", "2 d", "1.5 h",
/// "10 seconds", "0". Returns milliseconds; negative values allowed with a leading '-'.
std::optional<std::int64_t> parseDuration(std::string_view text, std::string* error = nullptr);
/// Canonical spelling with the largest exact unit: 300000 -> "5 min", 1500 -> "1500 ms".
std::string formatDuration(std::int64_t millis);

} // namespace sw::runtime
