#pragma once
// Loading and saving pipeline files (format "streamwright.pipeline/1", docs/pipeline-format.md).
// Loading is all-or-nothing: a bad file yields one precise Error (JSON path, and line/column
// where the parser knows them) and no partial pipeline.
#include <string>
#include <string_view>

#include "model/PipelineSpec.h"
#include "util/Result.h"

namespace sw::runtime {

/// Largest pipeline file accepted (bytes).
inline constexpr std::size_t kMaxPipelineFileBytes = 16 * 1024 * 1024;
/// Deepest JSON nesting accepted.
inline constexpr int kMaxPipelineJsonDepth = 64;

/// Why loadPipelineFile failed: the file could not be read at all (missing, unreadable, a
/// directory), or it was read but is not a valid pipeline (the Error says what and where).
enum class LoadFailure { None, CannotRead, BadContent };

Result<PipelineSpec> parsePipeline(std::string_view jsonText);
Result<PipelineSpec> loadPipelineFile(const std::string& path, LoadFailure* failure = nullptr);

/// Canonical text: stable key order, two-space indent, one node per block, trailing newline.
/// parsePipeline(serializePipeline(p)) == p, and saving an unchanged loaded canonical file
/// reproduces it byte for byte.
std::string serializePipeline(const PipelineSpec& pipeline);
/// Writes atomically (temp file + rename): a failed write leaves the old file untouched.
Status savePipelineFile(const PipelineSpec& pipeline, const std::string& path);

} // namespace sw::runtime
