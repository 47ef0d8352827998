// The source side of Subtask: poll loop with batching, watermarks, idleness, pause and stop.
#include <thread>

#include "exec/Subtask.h"

namespace sw::runtime {

void Subtask::sourceWatermarks(std::int64_t nowMs, bool force)
{
    if (!m_wm) return;
    if (m_maxTs != kMinWatermark) m_wm->onEvent(m_maxTs);
    // An idle source emits no watermarks (as Flink's WatermarksWithIdleness): downstream a
    // watermark marks its channel active again, so one sent after Idle would hold the other
    // inputs back until this source produces again. Activity sends Active, then watermarks.
    if (m_idleness.idle()) return;
    if (!force && m_env.options.watermarkIntervalMs > 0 &&
        nowMs - m_lastWatermarkAt < m_env.options.watermarkIntervalMs)
        return;
    m_lastWatermarkAt = nowMs;
    EventTime w = m_wm->currentWatermark();
    if (auto split = m_source->splitWatermark()) w = *split; // per-split (Kafka partitions)
    if (w > m_lastWatermark) {
        m_lastWatermark = w;
        m_counters.watermark.set(w);
        m_out.emitWatermark(w);
    }
}

void Subtask::sourceIdleness(std::int64_t nowMs, bool produced)
{
    if (produced) {
        if (m_idleness.onActivity(nowMs)) m_out.emitControl(StreamElement::active());
    } else if (m_idleness.checkIdle(nowMs)) {
        m_out.emitControl(StreamElement::idle());
    }
}

void Subtask::sourceEnd(bool drain)
{
    // Like Flink at the end of a bounded input (or a draining stop): a final MAX watermark
    // fires all event-time windows, then end-of-input. Without drain (an unbounded source that
    // commits, stopped): only end-of-input, marked so downstream fires nothing.
    if (m_wm && drain) {
        m_counters.watermark.set(kMaxWatermark);
        m_out.emitWatermark(kMaxWatermark);
    }
    m_out.emitControl(StreamElement::endOfInput(drain));
    m_out.updateCounters();
    if (m_recorder) m_recorder->onEnd(m_ctx.processingTimeMs());
}

void Subtask::sourceBarrier(std::int64_t id)
{
    CheckpointAck ack;
    ack.state = takeSnapshot(id, 0);
    m_source->collectPositions(id, ack.positions);
    m_lastBarrier = id;
    m_out.emitControl(StreamElement::barrier(id));
    m_env.checkpoints->acknowledge(m_participant, id, std::move(ack));
}

void Subtask::deliverCompletion()
{
    CheckpointCoordinator* cc = m_env.checkpoints;
    if (cc->completedId() <= m_notified) return;
    auto [id, holds] = cc->completed();
    if (id <= m_notified) return;
    m_notified = id;
    m_source->notifyCheckpointComplete(id, *holds);
}

void Subtask::sourceCheckpoints()
{
    CheckpointCoordinator* cc = m_env.checkpoints;
    if (!cc) return;
    // Completions first: a chained two-phase-commit sink commits checkpoint k before it sees
    // barrier k + 1 (triggered after k completed), so its transactions are not merged.
    deliverCommits();
    // Only the newest trigger: a source that fell behind skips older checkpoints (downstream,
    // a newer barrier subsumes an older one).
    if (std::int64_t t = cc->latestTrigger(); t > m_lastBarrier) sourceBarrier(t);
    deliverCompletion();
    deliverCommits(); // two-phase-commit sinks chained to this source
}

void Subtask::awaitCheckpoint(std::int64_t id, const std::stop_token& st)
{
    CheckpointCoordinator* cc = m_env.checkpoints;
    while (!st.stop_requested() && !cc->aborted()) {
        deliverCompletion();
        if (m_notified >= id) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

void Subtask::runSource(const std::stop_token& st)
{
    using namespace std::chrono;
    const auto maxAge = milliseconds(m_env.options.flushIntervalMs);
    const std::size_t maxRecords = m_env.options.sourcePollRecords;
    m_lastWatermarkAt = m_ctx.processingTimeMs();
    bool stopped = false; // a draining stop (not the end of bounded input)
    while (!st.stop_requested()) {
        sourceCheckpoints();
        if (m_env.draining.load(std::memory_order_acquire)) {
            m_source->stopReading();
            stopped = true;
            break;
        }
        drainChainInjections();
        if (m_env.paused.load(std::memory_order_acquire) ||
            !m_env.released.load(std::memory_order_acquire)) {
            if (m_env.paused.load(std::memory_order_relaxed)) m_counters.pausedTurns.add(1);
            flushChain();
            std::this_thread::sleep_for(milliseconds(5));
            continue;
        }
        auto t0 = steady_clock::now();
        if (streamTime())
            if (auto t = m_source->nextProcessingTime()) advanceStreamTime(*t);
        std::uint64_t before = m_counters.recordsOut.get();
        const EventTime wmBefore = m_lastWatermark;
        const bool idleBefore = m_idleness.idle();
        SourceStatus s = m_source->poll(m_out, maxRecords);
        m_out.updateCounters();
        std::uint64_t produced = m_counters.recordsOut.get() - before;
        m_counters.recordsIn.add(produced);
        if (m_maxTs != kMinWatermark) m_counters.maxEventTime.set(m_maxTs);
        std::int64_t now = m_ctx.processingTimeMs();
        sourceIdleness(now, produced > 0);
        sourceWatermarks(now, false);
        fireChainTimers(streamTime() ? now - 1 : now); // stream time: see advanceStreamTime
        if (m_recorder) recordPoll(produced > 0, wmBefore, idleBefore);
        auto t1 = steady_clock::now();
        m_counters.busyNs.add(static_cast<std::uint64_t>((t1 - t0).count()));
        if (s == SourceStatus::End) break;
        if (s == SourceStatus::Idle) {
            if (!streamTime()) flushChain();
            std::this_thread::sleep_for(milliseconds(1));
        } else if (!streamTime() && chainHasStale(t1, maxAge)) {
            flushChain();
        }
        for (const OutputPort& p : m_out.ports())
            if (!p.live()) return; // a push was abandoned: we are being cancelled
    }
    if (st.stop_requested()) return;
    drainChainInjections(); // injected before the stop: emitted before the end
    sourceWatermarks(m_ctx.processingTimeMs(), true);
    // A committing source takes a final checkpoint at its end, so a graceful stop commits all
    // it read (except what open state holds) and a restart replays nothing else. A stop of a run
    // with checkpointed state takes one from every source (Flink's stop-with-savepoint): the
    // resume starts exactly there, and two-phase-commit sinks commit everything before it.
    CheckpointCoordinator* cc = m_env.checkpoints;
    const bool drainAll = m_env.drainAll.load(std::memory_order_acquire);
    const bool savepoint = stopped && m_env.persistState && !drainAll;
    std::int64_t final = 0;
    if (cc && (m_source->commitsOnCheckpoint() || savepoint) && (final = cc->triggerNow()) > 0)
        sourceBarrier(final);
    // A stop ends the input without draining (no final MAX watermark: open windows keep their
    // records in state, nothing fires early) when the run resumes from where it stopped: its
    // state is checkpointed, or the source's positions are committed (Kafka). This is Flink's
    // stop-with-savepoint without --drain; draining would leave the operators' time at +inf in
    // the final state and every record of the resumed run would be late. DrainAll (Flink's
    // --drain) and bounded input that reached its end drain.
    const bool resumable = m_source->stopsWithoutDrain() || m_env.persistState;
    sourceEnd(!(stopped && resumable && !drainAll));
    if (cc)
        cc->finished(m_participant, SourceHolds(), {},
                     m_env.persistState ? takeSnapshot(m_lastBarrier, 0) : SubtaskSnapshot{});
    if (final > 0) {
        awaitCheckpoint(final, st);
        if (!m_source->commitsOnCheckpoint()) return;
        // Close only once every committing source committed (see finalCommitDone()).
        cc->finalCommitDone();
        const auto until = steady_clock::now() + seconds(5);
        while (!cc->allFinalCommitsDone() && !st.stop_requested() && !cc->aborted() &&
               steady_clock::now() < until)
            std::this_thread::sleep_for(milliseconds(2));
    }
}

} // namespace sw::runtime
