#pragma once
// How one run of the engine is configured (exec/Engine.h: Engine::start). A value type of its
// own so callers that only fill options (CLI, GUI run controller, tests) need not see the engine.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "exec/OperatorFactory.h"
#include "exec/SourceRecorder.h"
#include "model/PipelineSpec.h"
#include "time/Clock.h"

namespace sw::runtime {

struct EngineOptions {
    std::size_t batchSize = 512;            ///< records per channel batch
    std::size_t channelCapacity = 8;        ///< batches queued per physical channel before blocking
    std::int64_t flushIntervalMs = 20;      ///< a partial batch waits at most this long
    std::int64_t watermarkIntervalMs = 200; ///< periodic watermark emission at sources;
                                            ///< 0 = after every poll (deterministic, for tests)
    std::size_t sourcePollRecords = 512;    ///< maxRecords per SourceOperator::poll
    std::int64_t drainTimeoutMs = 500;      ///< a draining stop cancels after this long
    /// Checkpoint interval (exec/CheckpointCoordinator.h); 0 = the pipeline's
    /// `checkpoint_interval`. Checkpoints run for every pipeline with an interval.
    std::int64_t checkpointIntervalMs = 0;
    /// Checkpoint store (state/CheckpointStore.h): "" = `<dataDirectory>/checkpoints.sqlite`
    /// when dataDirectory is set, else checkpoints persist nothing (at-least-once by replay).
    std::string checkpointStorePath;
    int retainedCheckpoints = 3;        ///< completed checkpoints kept in the store
    int tolerableFailedCheckpoints = 3; ///< consecutive failed checkpoints that fail the run
    /// Restore at start (docs/state-and-recovery.md): None, the latest completed checkpoint of
    /// the store (falling back to older ones when it is corrupt), or checkpoint
    /// restoreCheckpointId.
    enum class Restore : std::uint8_t { None, Latest, Checkpoint };
    Restore restore = Restore::None;
    std::int64_t restoreCheckpointId = 0;
    /// Drop the state of nodes that are gone or changed instead of refusing to start (Flink's
    /// --allowNonRestoredState).
    bool allowNonRestoredState = false;
    /// Test hook: the first N checkpoint writes fail as if the disk were full.
    int injectCheckpointWriteFailures = 0;
    /// Restarts within a run (Flink's restart strategies; docs/state-and-recovery.md): after
    /// an operator failure the graph is rebuilt, every subtask restored from the last completed
    /// checkpoint and the sources rewound to it. Only runs with a checkpoint store restart.
    /// The library default is None; streamwright-run and the designer use the pipeline's
    /// `restart_strategy` (applyPipelineSettings).
    using RestartStrategy = runtime::RestartStrategy;
    RestartStrategy restartStrategy{RestartStrategy::Kind::None};
    /// Operator chaining (as Flink): a forward edge that is the only edge of its output port and
    /// the only input of its consumer runs producer and consumer on one thread, handing batches
    /// over by a direct call instead of a channel.
    bool chaining = true;
    /// Sources poll nothing until Engine::release() (injected records still flow), so a
    /// caller can open taps after start() and see every record of the run (the designer's
    /// inspectors and DLQ capture).
    bool startGated = false;
    std::string dataDirectory; ///< base for relative file paths
    /// Processing time of the run (time/Clock.h): nullptr = the system clock. A VirtualClock
    /// makes processing time move only when its owner advances it (timers, processing-time
    /// windows and triggers, TTLs, idleness and pacing all follow it).
    std::shared_ptr<Clock> clock;
    /// Stream time (a replay, docs/recording.md): processing time is virtual and travels with
    /// the data. A source subtask's time moves to SourceOperator::nextProcessingTime() before
    /// each poll; every element carries its sender's time; a subtask takes its inputs in a
    /// deterministic (time, channel) merge and its time follows the elements it takes, firing
    /// its processing-time timers on the way. So processing-time windows and triggers,
    /// idleness and TTLs decide the same on every replay, at any parallelism, and the order of
    /// every sink's input is the same too. Checkpoints do not run; channels do not block.
    /// Replaces `clock`; time starts at streamTimeStartMs.
    bool streamTime = false;
    std::int64_t streamTimeStartMs = 0;
    /// Called for every source subtask at start (--record): what it returns observes
    /// everything the source emits (exec/SourceRecorder.h). Empty = nothing recorded.
    SourceRecorderFactory sourceRecorders;
    /// Replaces the operator of a node (by node id) regardless of its type, e.g. in tests or
    /// for a GUI "preview" source. The node's schemas still come from the catalog.
    std::map<std::string, OperatorFactory> operatorOverrides;
};

/// Fills the options a pipeline file sets (restart_strategy, retained_checkpoints,
/// tolerable_failed_checkpoints) from `s`: what streamwright-run and the designer run with.
inline void applyPipelineSettings(EngineOptions& o, const PipelineSettings& s)
{
    o.restartStrategy = s.restartStrategy;
    o.retainedCheckpoints = s.retainedCheckpoints;
    o.tolerableFailedCheckpoints = s.tolerableFailedCheckpoints;
}

} // namespace sw::runtime
