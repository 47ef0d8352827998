#pragma once
// One parallel instance of one node: its operator, input gate, collector, counters and thread.
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <stop_token>
#include <string>
#include <thread>

#include "exec/CheckpointCoordinator.h"
#include "exec/Collector.h"
#include "exec/EngineOptions.h"
#include "exec/InjectionQueue.h"
#include "exec/InputGate.h"
#include "exec/Operator.h"
#include "exec/PhysicalPlan.h"
#include "time/WatermarkGenerator.h"

namespace sw::runtime {

/// What subtasks share with the engine. Callbacks are thread-safe.
struct TaskEnv {
    EngineOptions options;
    std::function<void(const std::string& nodeId, const std::string& message)> fail;
    std::function<void(const std::string& nodeId, const std::string& message)> warn;
    std::function<void()> finished; ///< called once per subtask when its thread ends
    std::atomic<bool> paused{false};
    std::atomic<bool> draining{false};
    std::atomic<bool> drainAll{false}; ///< StopMode::DrainAll: every source ends draining
    /// False while a gated start (EngineOptions::startGated) waits for Engine::release():
    /// sources poll nothing (injected records still flow).
    std::atomic<bool> released{true};
    /// Set when checkpoints run (see exec/CheckpointCoordinator.h).
    CheckpointCoordinator* checkpoints = nullptr;
    /// Checkpoints are persisted: acknowledgements carry the subtasks' state blobs.
    bool persistState = false;
};

/// The state of one node in the checkpoint a run restores (blobs by subtask index).
struct RestoredNode {
    std::int64_t checkpointId = 0;
    int parallelism = 1; ///< the node's parallelism when the checkpoint was taken
    std::vector<StateBlobs> subtasks;
};

/// An operator failure inside a chained subtask, carrying that subtask's node id up through
/// the head subtask's call stack.
struct ChainedFailure {
    std::string nodeId;
    std::string message;
};

class Subtask : public LocalReceiver {
public:
    Subtask(const PlanNode& node, int index, std::unique_ptr<Operator> op, TaskEnv& env);
    Subtask(const Subtask&) = delete;
    Subtask& operator=(const Subtask&) = delete;

    const PlanNode& node() const { return m_node; }
    int index() const { return m_index; }
    bool isSource() const { return m_source != nullptr; }
    /// The input gate (nullptr for sources); built before threads start.
    InputGate* gate() { return m_gate.get(); }
    void createGate(std::size_t capacity) { m_gate = std::make_unique<InputGate>(capacity); }
    /// This subtask's number with the checkpoint coordinator.
    void setParticipant(int p) { m_participant = p; }
    /// Restores this subtask from `r` after open(), before any input.
    void setRestore(std::shared_ptr<const RestoredNode> r) { m_restore = std::move(r); }
    /// True for a source whose operator commits on checkpoint completion.
    bool commitsOnCheckpoint() const { return m_source && m_source->commitsOnCheckpoint(); }
    Collector& collector() { return m_out; }
    SubtaskCounters& counters() { return m_counters; }
    const SplitSlot& splits() const { return m_splits; }
    /// Records from Engine::inject, processed on this subtask's thread at its next iteration.
    InjectionQueue& injections() { return m_injections; }

    /// Runs this subtask on `head`'s thread, fed by a forward edge into input port `port`
    /// (operator chaining). Call in topological order, before start().
    void chainTo(Subtask& head, int port);
    bool isChained() const { return m_head != nullptr; }
    /// A chained element from the upstream subtask (on the head's thread).
    void receive(StreamElement& e) override;

    void start();
    /// Thread-safe; effective even before start() (the thread then stops at once).
    void requestStop() { m_stop.request_stop(); }
    void join()
    {
        if (m_thread.joinable()) m_thread.join();
    }

private:
    void run(std::stop_token st);
    bool openChain(const std::stop_token& st);
    void closeChain();
    void prepareInputs();
    int inputCount() const { return m_gate ? m_gate->channelCount() : (m_head ? 1 : 0); }
    template <typename F> void forChain(F&& f)
    {
        if (m_members.empty())
            f(*this);
        else
            for (Subtask* m : m_members)
                f(*m);
    }
    /// Runs `f` as this (chained) subtask: a failure leaves as a ChainedFailure naming this node.
    template <typename F> void asMember(F&& f)
    {
        try {
            f();
        } catch (const ChainedFailure&) {
            throw;
        } catch (const std::exception& ex) {
            throw ChainedFailure{m_node.spec->id, ex.what()};
        } catch (...) {
            throw ChainedFailure{m_node.spec->id, "unknown exception"};
        }
    }
    void flushChain();
    /// Processes injected records of every chain member (one atomic load each when none).
    void drainChainInjections();
    void drainInjections();
    bool chainHasStale(std::chrono::steady_clock::time_point now, std::chrono::nanoseconds maxAge);
    void fireChainTimers(std::int64_t nowWallMs);
    void runOperator(const std::stop_token& st);
    void runSource(const std::stop_token& st);
    void sourceWatermarks(std::int64_t nowMs, bool force);
    void sourceIdleness(std::int64_t nowMs, bool produced);
    void sourceEnd(bool drain);
    /// Checkpoints on the source thread: a new trigger -> snapshot + barrier; completions ->
    /// notifyCheckpointComplete.
    void sourceCheckpoints();
    void sourceBarrier(std::int64_t id);
    void deliverCompletion();
    /// After a final barrier: waits (bounded by stop) until a checkpoint >= `id` completed.
    void awaitCheckpoint(std::int64_t id, const std::stop_token& st);
    /// Tells the coordinator this subtask ended, with what its state still holds.
    void reportFinished();
    /// All inputs ended: reportFinished, and for a two-phase-commit sink first a final
    /// checkpoint that pre-commits the rest of its input (exec/SubtaskCommit.cpp).
    void finishInput();
    /// Delivers completed checkpoints to the two-phase-commit sinks of this thread's chain.
    void deliverCommits();
    /// After the loop: waits (bounded by stop and abort) until the final checkpoint of every
    /// two-phase-commit sink of the chain completed and was delivered.
    void awaitFinalCommits(const std::stop_token& st);
    /// The operator's state and the engine's (watermarks) as this subtask's checkpoint part.
    SubtaskSnapshot takeSnapshot(std::int64_t id, std::int64_t alignmentMs);
    /// Restores operator and engine state from m_restore (throws on a blob that does not decode).
    void restoreState();
    /// The engine's part of a subtask's state: a source's max timestamp and last watermark, an
    /// operator's channel watermarks and combined watermark.
    struct EngineState {
        EventTime maxTs = kMinWatermark;
        EventTime watermark = kMinWatermark;
        std::vector<EventTime> channels;
    };
    EngineState readEngineState(const std::string& blob) const;
    bool handle(int channel, int port, StreamElement& e);
    void onBarrier(int channel, std::int64_t id);
    void advanceWatermark();
    void fireTimers(std::int64_t nowWallMs);
    std::chrono::steady_clock::time_point nextDeadline() const;
    // ---- stream time (EngineOptions::streamTime; exec/SubtaskStreamTime.cpp) ----
    bool streamTime() const { return m_streamClock != nullptr; }
    /// Head of a chain: moves this thread's time to `t`, firing the chain's timers due on the
    /// way in time order, then tells every output (a Time element).
    void advanceStreamTime(std::int64_t t);
    /// Points this subtask's context, collector and output tags at `clock`.
    void useClock(const Clock* clock);
    /// Source with a recorder: reports what the last poll emitted.
    void recordPoll(bool produced, EventTime watermarkBefore, bool idleBefore);

    const PlanNode& m_node;
    int m_index;
    std::unique_ptr<Operator> m_op;
    SourceOperator* m_source = nullptr;
    TaskEnv& m_env;
    SubtaskCounters m_counters;
    SplitSlot m_splits;
    InjectionQueue m_injections;
    std::vector<InjectionQueue::Item> m_injected; // drained items, reused
    RecordBatch m_injectBatch;
    OperatorContext m_ctx;
    Collector m_out;
    std::unique_ptr<InputGate> m_gate;
    Subtask* m_head = nullptr;       // chained: the subtask whose thread runs this one
    int m_localPort = 0;             // chained: the input port fed by the chain
    std::vector<Subtask*> m_members; // head: every subtask on this thread, topological, self first
    bool m_opened = false;
    std::stop_source m_stop; // owned here (not the jthread's) so a stop before start() counts
    std::jthread m_thread;

    // operator state
    WatermarkAligner m_aligner;
    int m_ended = 0;
    bool m_idle = false;
    std::vector<bool> m_barrierSeen;
    int m_barriers = 0;             // channels aligned for m_checkpoint
    std::int64_t m_checkpoint = 0;  // the checkpoint being aligned
    std::int64_t m_lastBarrier = 0; // the last barrier forwarded (or emitted by a source)
    bool m_inputStopped = false;    // an input ended without drain (StreamElement::drained)
    int m_participant = -1;
    std::chrono::steady_clock::time_point m_alignStart{}; // first barrier of m_checkpoint
    std::shared_ptr<const RestoredNode> m_restore;
    std::int64_t m_notified = 0;    // source: last completion delivered
    bool m_twoPhase = false;        // the operator is a two-phase-commit sink
    bool m_chainCommits = false;    // head: some member of the chain is one
    std::int64_t m_committed = 0;   // two-phase: last completion delivered
    std::int64_t m_finalCommit = 0; // two-phase: the checkpoint its end waits for

    std::unique_ptr<VirtualClock> m_streamClock; // stream time: this subtask's own time
    std::unique_ptr<SourceRecorder> m_recorder;  // --record: this source's recorder

    // source state
    std::optional<BoundedOutOfOrdernessWatermarks> m_wm;
    IdlenessTimer m_idleness{0};
    EventTime m_maxTs = kMinWatermark;
    EventTime m_lastWatermark = kMinWatermark;
    std::int64_t m_lastWatermarkAt = 0;
};

} // namespace sw::runtime
