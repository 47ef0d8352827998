#pragma once
// Replay (streamwright-run run --replay DIR, streamwright-run test): every source of a
// pipeline is replaced by its recording (replay/RecordingFormat.h) and the run goes in stream
// time (EngineOptions::streamTime): processing time is the recorded arrival time of each
// batch, so processing-time windows and triggers, idleness and TTLs decide as they did, and
// two replays give the same sink output at any parallelism. No connector is opened (a Kafka
// source's recording replays with no broker).
#include <string>

#include "exec/EngineOptions.h"
#include "model/PipelineSpec.h"
#include "replay/RecordingFormat.h"

namespace sw::runtime {

/// Reads DIR's manifest and configures `options` to replay it into `pipeline`: overrides for
/// every source, stream time from the recording's start, watermarks after every batch, no
/// checkpoints, no restore. Refuses (naming the source and the reason) a recording whose
/// sources are not exactly the pipeline's sources. Each file's header (version, node, schema)
/// is checked when its source subtask opens; its lines are read as the replay goes, and a
/// damaged line fails the run naming the file and line.
Status applyReplay(const std::string& dir, const PipelineSpec& pipeline, EngineOptions& options);

} // namespace sw::runtime
