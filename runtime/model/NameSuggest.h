#pragma once
// "Did you mean ...?" for misspelt names (node types, properties, members, node ids, ports).
#include <string>
#include <string_view>
#include <vector>

namespace sw::runtime {

/// Edit distance (Levenshtein) between a and b, ignoring ASCII case and treating '_' and '-'
/// as equal (so "tumbling_window" is 0 away from "tumbling-window").
std::size_t nameDistance(std::string_view a, std::string_view b);

/// The candidate closest to `name` when it is close enough to be a plausible typo
/// (distance <= max(1, length / 3)); empty when nothing is close. Ties go to the first candidate.
std::string closestName(std::string_view name, const std::vector<std::string>& candidates);

/// " (did you mean \"x\"?)" or "" when closestName finds nothing.
std::string didYouMean(std::string_view name, const std::vector<std::string>& candidates);

} // namespace sw::runtime
