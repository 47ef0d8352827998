#pragma once
#include <string>
#include <vector>

#include "types/Schema.h"

namespace sw::runtime {

/// Generator kinds: "orders", "clickstream", "iot", "nexmark".
const std::vector<std::string>& generatorKinds();
/// The schema a generator of `kind` emits; `nexmarkStream` ("bid", "auction", "person") selects
/// the Nexmark table. Column names and types follow the Nexmark benchmark's Flink tables.
Schema generatorSchema(const std::string& kind, const std::string& nexmarkStream);
/// The event-time column of a generator kind ("event_time", or "date_time" for Nexmark).
std::string generatorTimeColumn(const std::string& kind);

} // namespace sw::runtime
