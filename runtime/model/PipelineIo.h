#pragma once
// Writing pipeline files (format "streamwright.pipeline/1", docs/pipeline-format.md). Loading
// checks every node against the node catalog, so it lives a layer up: catalog/PipelineLoader.h.
#include <string>

#include "model/PipelineSpec.h"
#include "util/Result.h"

namespace sw::runtime {

/// Canonical text: stable key order, two-space indent, one node per block, trailing newline.
/// parsePipeline(serializePipeline(p)) == p, and saving an unchanged loaded canonical file
/// reproduces it byte for byte.
std::string serializePipeline(const PipelineSpec& pipeline);
/// Writes atomically (temp file + rename): a failed write leaves the old file untouched.
Status savePipelineFile(const PipelineSpec& pipeline, const std::string& path);

} // namespace sw::runtime
