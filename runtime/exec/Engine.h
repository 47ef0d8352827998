#pragma once
// The engine: compiles a pipeline into a physical plan (node x parallelism subtasks connected
// by bounded batch channels) and runs it on std::jthreads. Every call returns promptly; the
// engine never calls back into the caller: state, errors and metrics are polled.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "exec/EngineOptions.h"
#include "exec/Tap.h"
#include "metrics/MetricsSnapshot.h"
#include "model/PipelineSpec.h"
#include "util/Result.h"

namespace sw::runtime {

enum class StopMode : std::uint8_t {
    Drain,  ///< sources stop reading and end their input; in-flight data and final results
            ///< flow to the sinks; after drainTimeoutMs the rest is cancelled
    Cancel, ///< every thread stops at once; in-flight data is discarded
};

/// Something the GUI/CLI should know, polled with Engine::pollEvents().
struct EngineEvent {
    enum class Kind : std::uint8_t { StateChanged, Error, Warning, Info };
    Kind kind = Kind::Info;
    std::string nodeId; ///< empty for pipeline-level events
    std::string message;
    EngineState state = EngineState::Idle; ///< for StateChanged
    std::int64_t timeMs = 0;               ///< wall clock
};

class Engine {
public:
    Engine();
    ~Engine(); ///< cancels and joins a running pipeline
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    /// Validates and compiles `pipeline`, builds every operator (open() runs on the task
    /// threads) and starts the threads. Fails without starting anything when the pipeline has
    /// errors or an operator cannot be built; the message names the node.
    Status start(const PipelineSpec& pipeline, EngineOptions options = {});

    /// Requests a stop and returns at once. Use wait() to join.
    void stop(StopMode mode = StopMode::Drain);
    /// Sources stop polling (in-flight data keeps flowing); resume() continues.
    void pause();
    void resume();

    /// Waits until every thread finished (bounded input ended, stop, or failure) or `timeoutMs`
    /// passes (< 0 = forever). Returns true when finished. Joins the threads when finished.
    bool wait(std::int64_t timeoutMs = -1);

    EngineState state() const;
    /// Events since the last call, oldest first. Never blocks on the pipeline.
    std::vector<EngineEvent> pollEvents();
    /// Live counters. Never stalls the pipeline.
    MetricsSnapshot snapshot() const;

    /// Opens a tap on output port `port` of node `nodeId`, keeping the latest `capacity` records.
    /// The tap stays valid (and filled) until closeTap() or the end of the run.
    Result<std::shared_ptr<Tap>> openTap(const PortRef& port, std::size_t capacity = 1000);
    void closeTap(const PortRef& port);

    /// The checkpoint this run restored (0 = none); set by start().
    std::int64_t restoredCheckpoint() const;
    /// Checkpoints completed (durably stored, when persisted) and failed in this run.
    std::uint64_t completedCheckpoints() const;
    std::uint64_t failedCheckpoints() const;
    /// Restarts of this run so far (EngineOptions::restartStrategy).
    int restarts() const;

    class Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace sw::runtime
