#pragma once
// --record / --replay / --parallelism of `streamwright-run run` and their set-up, shared with
// `streamwright-run test` (docs/recording.md).
#include <functional>
#include <memory>
#include <string>

#include "exec/EngineOptions.h"
#include "model/PipelineSpec.h"
#include "replay/SourceRecording.h"

namespace sw::cli {

struct RecordReplayArgs {
    std::string record; ///< --record DIR
    std::string replay; ///< --replay DIR
    runtime::RecordingLimits limits;
    int parallelism = 0; ///< --parallelism N: the pipeline's default parallelism (0 = as is)
};

/// Consumes option `s` (taking its value with `next`) if it is one of ours: 1 = taken,
/// 0 = not ours, 2 = bad usage (printed, prefixed with `cmd`).
int parseRecordReplayArg(const std::string& cmd, const std::string& s,
                         const std::function<const char*()>& next, RecordReplayArgs& a);
extern const char* kRecordReplayUsage;

/// Applies --parallelism to `pipeline`.
void applyParallelism(const RecordReplayArgs& a, runtime::PipelineSpec& pipeline);
/// The pipeline without its sources (what still needs Kafka in a replay: its sinks).
runtime::PipelineSpec withoutSources(const runtime::PipelineSpec& pipeline);

/// Before Engine::start: sets up the recording session (returned; keep it for the run) or
/// the replay. Prints and returns false on error.
bool setUpRecordReplay(const RecordReplayArgs& a, const runtime::PipelineSpec& pipeline,
                       runtime::EngineOptions& opts,
                       std::unique_ptr<runtime::RecordingSession>& session);

} // namespace sw::cli
