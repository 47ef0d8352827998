#pragma once
// Engine internals (exec/Engine.cpp, exec/EngineRun.cpp).
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>

#include "exec/Engine.h"
#include "exec/PhysicalPlan.h"
#include "exec/Subtask.h"
#include "state/CheckpointWriter.h"

namespace sw::runtime {

class Engine::Impl {
public:
    ~Impl();

    Status start(const PipelineSpec& pipeline, EngineOptions options);
    void stop(StopMode mode);
    bool wait(std::int64_t timeoutMs);
    MetricsSnapshot snapshot() const;
    Result<std::shared_ptr<Tap>> openTap(const PortRef& port, std::size_t capacity);
    void closeTap(const PortRef& port);
    std::vector<EngineEvent> pollEvents();
    EngineState state() const { return m_state.load(); }
    void setPaused(bool p);
    std::int64_t restoredCheckpoint() const { return m_restoredId; }
    /// Over the whole run, restarts included (the coordinator is rebuilt at each restart).
    std::uint64_t completedCheckpoints() const { return m_checkpointStats.snapshot().completed; }
    std::uint64_t failedCheckpoints() const { return m_checkpointStats.snapshot().failed; }
    int restarts() const { return m_restarts.load(); }
    void release();
    const PhysicalPlan* plan() const { return m_planned ? &m_plan : nullptr; }
    Status inject(const PortRef& port, std::vector<Record> records);
    const Schema* injectionSchema(const PortRef& port) const;

private:
    Status buildSubtasks();
    void wire(const PlanEdge& e, std::size_t edgeIndex);
    /// Marks chainable edges, chains their consumer subtasks and creates the other gates.
    void buildChainsAndGates();
    /// Creates the checkpoint coordinator (every pipeline with a checkpoint interval), the store
    /// and its writer, and restores a checkpoint as EngineOptions asks (exec/EngineRestore.cpp).
    Status setUpCheckpoints();
    Status openStore(const std::string& path);
    Status restoreFrom(const CheckpointStore& store);
    Status applyRestore(const CheckpointData& c, const std::string& path);
    /// At the end of a run whose subtasks all finished: a final checkpoint, written before the
    /// run reports its end (Flink's final checkpoint of finished tasks).
    void finalCheckpoint();
    /// Builds subtasks, chains, checkpoints (restoring as m_env's options say) and wiring for
    /// m_plan: at start and at each restart (exec/EngineRestart.cpp).
    Status buildRun();
    /// True when the restart strategy allows one more attempt after a failure.
    bool restartAllowed() const;
    /// On the supervisor after every subtask of a failed attempt ended: waits the strategy's
    /// delay, rebuilds the graph, restores the last completed checkpoint and starts it again.
    /// False when the run must end instead (stopped during the delay, or the rebuild failed).
    bool restart();
    /// Waits until every subtask thread ended, enforcing the drain deadline.
    void awaitSubtasks();
    void supervise(std::stop_token st);
    void cancelAll();
    void onFail(const std::string& node, const std::string& msg);
    void onFinished();
    void pushEvent(EngineEvent::Kind k, std::string node, std::string msg);
    void setState(EngineState s);
    void joinAll();

    PipelineSpec m_pipeline;
    PhysicalPlan m_plan;
    bool m_planned = false;
    /// Held by inject() while it routes into subtasks, and by start() while it replaces them.
    mutable std::mutex m_injectMutex;
    std::unique_ptr<CheckpointCoordinator> m_checkpoints; // before m_env: it points here
    std::unique_ptr<CheckpointWriter> m_writer; // after m_checkpoints: its thread calls it back
    std::int64_t m_restoredId = 0;
    CheckpointStatsTracker m_checkpointStats; // the whole run's, across restarts
    std::atomic<int> m_restarts{0};
    std::atomic<bool> m_restartPending{false};
    /// Guards the run's structure (subtasks, env, plan metrics) against a restart rebuilding it.
    mutable std::recursive_mutex m_structureMutex;
    std::unique_ptr<TaskEnv> m_env;
    std::vector<std::unique_ptr<Subtask>> m_subtasks;
    std::vector<std::vector<Subtask*>> m_byNode; // plan node index -> subtasks
    std::vector<std::vector<std::unique_ptr<ChannelCounters>>> m_channels; // per plan edge
    std::vector<bool> m_chainedEdge;                                       // per plan edge
    std::map<std::pair<std::string, std::string>, std::shared_ptr<Tap>> m_taps;
    std::vector<std::shared_ptr<Tap>> m_retiredTaps; // kept alive until the run is joined
    mutable std::mutex m_tapMutex;

    std::atomic<EngineState> m_state{EngineState::Idle};
    std::atomic<bool> m_failed{false};
    std::atomic<bool> m_stopRequested{false};
    std::int64_t m_startedAtMs = 0;

    std::mutex m_runMutex; // running count, drain deadline
    std::condition_variable_any m_runCv;
    int m_running = 0;
    bool m_drainDeadlineSet = false;
    std::chrono::steady_clock::time_point m_drainDeadline;
    bool m_done = false;
    std::jthread m_supervisor;

    mutable std::mutex m_eventMutex;
    std::deque<EngineEvent> m_events;
};

} // namespace sw::runtime
