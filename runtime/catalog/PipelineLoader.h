#pragma once
// Loading pipeline files (format "streamwright.pipeline/1", docs/pipeline-format.md). Loading is
// all-or-nothing: a bad file yields one precise Error (JSON path, and line/column where the
// parser knows them) and no partial pipeline. Node types, properties and ports are checked
// against the node catalog, which is why loading lives here and not in model/ (saving does:
// model/PipelineIo.h, included for convenience).
#include <cstddef>
#include <string>
#include <string_view>

#include "model/PipelineIo.h"
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

} // namespace sw::runtime
