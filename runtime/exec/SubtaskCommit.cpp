// The two-phase-commit side of Subtask (Operator::isTwoPhaseCommitSink): completed checkpoints
// are delivered to the sinks on their own thread, and a sink whose input ends takes a final
// checkpoint covering the rest of its input and waits for it before its thread ends, so its
// last transaction is committed (Flink's final checkpoint, FLIP-147). Design and crash-point
// argument: docs/state-and-recovery.md.
#include <thread>

#include "exec/Subtask.h"

namespace sw::runtime {

void Subtask::finishInput()
{
    if (!m_twoPhase) {
        reportFinished();
        return;
    }
    CheckpointCoordinator* cc = m_env.checkpoints;
    if (!m_inputStopped) {
        // Drained to the end: what arrived after the last barrier belongs to a final
        // checkpoint. (Stopped without drain, the records after the last barrier are read
        // again after a restart: they stay uncommitted, the sink discards them on restore.)
        const std::int64_t id = cc ? cc->triggerNow() : m_lastBarrier + 1;
        if (id > 0) {
            m_op->prepareSnapshotPreBarrier(id, m_out);
            m_lastBarrier = id;
            // Without checkpoints nothing is ever restored: commit at once.
            if (!cc) m_op->notifyCheckpointComplete(id);
        }
    }
    reportFinished(); // the final state (snapshotted under m_lastBarrier) joins every checkpoint
    if (cc) m_finalCommit = m_lastBarrier;
}

void Subtask::deliverCommits()
{
    CheckpointCoordinator* cc = m_env.checkpoints;
    if (!m_chainCommits || !cc) return;
    const std::int64_t done = cc->completedId();
    forChain([&](Subtask& m) {
        if (!m.m_twoPhase || done <= m.m_committed) return;
        m.m_committed = done;
        m.asMember([&] { m.m_op->notifyCheckpointComplete(done); });
    });
}

void Subtask::awaitFinalCommits(const std::stop_token& st)
{
    CheckpointCoordinator* cc = m_env.checkpoints;
    if (!m_chainCommits || !cc) return;
    // A failed or timed-out final checkpoint is followed by a periodic one that completes at
    // once (every participant of this chain finished), so waiting for any completion at or
    // after the final one suffices; a run that fails for good aborts the coordinator.
    forChain([&](Subtask& m) {
        while (m.m_twoPhase && m.m_finalCommit > m.m_committed && !st.stop_requested() &&
               !cc->aborted()) {
            deliverCommits();
            if (m.m_finalCommit <= m.m_committed) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
}

} // namespace sw::runtime
