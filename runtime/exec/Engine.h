#pragma once
// The engine: compiles a pipeline into a physical plan (node x parallelism subtasks connected
// by bounded batch channels) and runs it on std::jthreads. Every call returns promptly; the
// engine never calls back into the caller: state, errors and metrics are polled.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "exec/EngineOptions.h"
#include "exec/Record.h"
#include "metrics/MetricsSnapshot.h"
#include "metrics/Tap.h"
#include "model/PipelineSpec.h"
#include "util/Result.h"

namespace sw::runtime {

enum class StopMode : std::uint8_t {
    Drain,  ///< sources stop reading and end their input; in-flight data and final results
            ///< flow to the sinks; after drainTimeoutMs the rest is cancelled. A run whose
            ///< state is checkpointed (or a Kafka source) sends no final MAX watermark: open
            ///< windows stay in state for the resume (Flink's stop-with-savepoint)
    Cancel, ///< every thread stops at once; in-flight data is discarded
    /// As Drain, but sources that stop without drain (Kafka: open windows keep holding their
    /// records for a restart) send the final MAX watermark too, so every event-time window
    /// fires (Flink's `stop --drain`). For runs whose state must not outlive them (DLQ replay).
    DrainAll,
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

struct PhysicalPlan;

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

    /// Opens the start gate of a run started with EngineOptions::startGated (no effect
    /// otherwise, or when already released).
    void release();

    /// The plan of the current (or last) run: schemas per port, parallelism and the
    /// validation result (warnings) of the pipeline. Valid after a successful start() until
    /// the next start(); nullptr before. The caller must not keep it across start() calls.
    const PhysicalPlan* plan() const;

    /// Feeds `records` into the running pipeline at `port`: a node's input port (by name), as
    /// if they arrived on it (routed to subtasks like the edge into it: key-hash by the port's
    /// key columns, else subtask 0); or a source's data output, as if the source emitted them
    /// (timestamps assigned from the rowtime column when kNoTimestamp). Thread-safe, returns at
    /// once; the records are processed on the subtask threads at their next loop iteration
    /// (before end of input, when a drain follows) and counted in recordsIn. Fails when not
    /// running, the node or port is unknown, or a row does not have the port's column count.
    Status inject(const PortRef& port, std::vector<Record> records);
    /// The schema records injected at `port` must have (nullptr when the node or port is
    /// unknown, or nothing runs).
    const Schema* injectionSchema(const PortRef& port) const;

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
