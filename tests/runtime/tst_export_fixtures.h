#pragma once
// Pipelines and helpers shared by tst_export and tst_export_tools.
#include <string>
#include <vector>

#include "export/Exporter.h"
#include "model/PipelineSpec.h"

namespace sw::test_export {

/// The canary secret planted by canaryPipeline(); it must appear in no exported file.
inline constexpr const char* kCanary = "CANARY-s3cr3t-7f1d9a";

/// examples/*.pipeline.json, sorted.
std::vector<std::string> exampleFiles();
/// "orders-kafka" for ".../orders-kafka.pipeline.json".
std::string exampleStem(const std::string& path);

/// A generated pipeline that uses every node type of the catalog (exactly-once, keyword
/// columns, metadata columns, all window kinds and joins, every sink, a DLQ).
sw::runtime::PipelineSpec coveragePipeline();
/// A pipeline whose Kafka nodes carry SASL/SSL secrets equal to kCanary.
sw::runtime::PipelineSpec canaryPipeline();
/// Parses pipeline JSON text; fails the calling test (returns empty) on error.
sw::runtime::PipelineSpec parseOrFail(const std::string& json, const std::string& what);

std::string readFile(const std::string& path);

} // namespace sw::test_export
