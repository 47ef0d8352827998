#pragma once
// Observes what one source subtask emits, on that subtask's thread (streamwright-run run
// --record; the recording format is runtime/replay/, docs/recording.md). The engine calls it
// from the source's Collector and poll loop, so no connector knows about recording.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "exec/Record.h"
#include "types/Schema.h"

namespace sw::runtime {

class SourceRecorder {
public:
    virtual ~SourceRecorder() = default;
    /// A record the source emitted on output `port` (0 = data, else its errors port), stamped
    /// with its event time, before routing.
    virtual void onRecord(int port, const Record& r) = 0;
    /// The records since the previous call are one batch that arrived at processing time
    /// `processingTimeMs` (called after every poll that emitted something).
    virtual void onBatch(std::int64_t processingTimeMs) = 0;
    /// The source emitted watermark `w` / went idle or active again / ended.
    virtual void onWatermark(std::int64_t processingTimeMs, EventTime w) = 0;
    virtual void onIdle(std::int64_t processingTimeMs, bool idle) = 0;
    virtual void onEnd(std::int64_t processingTimeMs) = 0;
};

/// Builds the recorder of source `nodeId`, subtask `subtask` of `parallelism`, whose outputs
/// have `schemas` (by port; 0 = data). nullptr = this source is not recorded.
using SourceRecorderFactory = std::function<std::unique_ptr<SourceRecorder>(
    const std::string& nodeId, int subtask, int parallelism, const std::vector<Schema>& schemas)>;

} // namespace sw::runtime
