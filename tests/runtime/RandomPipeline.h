#pragma once
// Random but well-formed pipelines built from the node catalog (for round-trip tests).
#include <random>

#include "catalog/PropertySpec.h"
#include "model/PipelineSpec.h"

namespace sw::test {

/// A valid value for `spec` (passes spec.check with required=false).
nlohmann::json randomPropertyValue(const runtime::PropertySpec& spec, std::mt19937_64& rng);

/// A pipeline with 0..maxNodes nodes of random catalog types, random properties, labels (with
/// quotes, backslashes, control characters and non-ASCII text), positions and valid edges.
runtime::PipelineSpec randomPipeline(std::mt19937_64& rng, int maxNodes = 12);

} // namespace sw::test
