#pragma once
// What the commands that run a pipeline (run, dlq replay) share.
#include <optional>
#include <string>

#include "model/PipelineSpec.h"

namespace sw::cli {

/// Loads a pipeline file; prints "FILE: error" to stderr and returns nullopt when it cannot.
std::optional<runtime::PipelineSpec> loadPipelineOrReport(const std::string& file);
/// `dir` when given, else ./<pipeline name>.data (the default data directory of a run).
std::string dataDirectoryFor(const runtime::PipelineSpec& pipeline, const std::string& dir);

} // namespace sw::cli
