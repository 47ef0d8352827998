#include "exec/Subtask.h"

#include <exception>

#include "catalog/PropertyAccess.h"
#include "types/Duration.h"

namespace sw::runtime {

namespace {
int errorPortOf(const NodeType& t)
{
    for (std::size_t i = 0; i < t.outputs.size(); ++i)
        if (t.outputs[i].errors) return static_cast<int>(i);
    return -1;
}
} // namespace

Subtask::Subtask(const PlanNode& node, int index, std::unique_ptr<Operator> op, TaskEnv& env)
    : m_node(node), m_index(index), m_op(std::move(op)), m_env(env),
      m_ctx(node.spec->id, index, node.parallelism, node.inputSchemas, node.outputSchemas,
            m_counters),
      m_out(node.spec->id, std::vector<OutputPort>(node.type->outputs.size()),
            errorPortOf(*node.type), &m_counters)
{
    m_source = dynamic_cast<SourceOperator*>(m_op.get());
    m_ctx.setDataDirectory(env.options.dataDirectory);
    if (env.options.streamTime)
        m_streamClock = std::make_unique<VirtualClock>(env.options.streamTimeStartMs);
    m_ctx.setSplitSlot(&m_splits);
    for (OutputPort& p : m_out.ports()) {
        p.setBatchSize(env.options.batchSize);
        p.setSubtask(index);
    }
    useClock(m_streamClock ? m_streamClock.get() : env.options.clock.get());
    m_out.setUnconnectedErrorHandler(
        [this](const std::string& msg) { m_env.warn(m_node.spec->id, msg); });
    m_ctx.setWarnHandler([this](const std::string& msg) { m_env.warn(m_node.spec->id, msg); });
    if (m_source) {
        const Schema& s = node.outputSchemas.empty() ? Schema() : node.outputSchemas[0];
        int rowtime = s.rowtime().empty() ? -1 : s.indexOf(s.rowtime());
        m_out.setSourceStamping(rowtime, &m_maxTs);
        if (rowtime >= 0 && propertyValue(*node.spec, "watermark") == "bounded-out-of-orderness")
            m_wm.emplace(durationProperty(*node.spec, "max_out_of_orderness"));
        m_idleness = IdlenessTimer(durationProperty(*node.spec, "idle_timeout"));
        if (env.options.sourceRecorders) {
            m_recorder = env.options.sourceRecorders(node.spec->id, index, node.parallelism,
                                                     node.outputSchemas);
            m_out.setRecorder(m_recorder.get());
        }
    }
}

void Subtask::chainTo(Subtask& head, int port)
{
    Subtask& h = head.m_head ? *head.m_head : head;
    m_head = &h;
    m_localPort = port;
    if (streamTime()) useClock(h.m_streamClock.get()); // one time per thread
    if (h.m_members.empty()) h.m_members.push_back(&h);
    h.m_members.push_back(this);
}

void Subtask::start()
{
    m_thread = std::jthread([this] { run(m_stop.get_token()); });
}

void Subtask::prepareInputs()
{
    m_aligner.reset(static_cast<std::size_t>(inputCount()));
    m_barrierSeen.assign(static_cast<std::size_t>(inputCount()), false);
}

bool Subtask::openChain(const std::stop_token& st)
{
    bool ok = true;
    forChain([&](Subtask& m) {
        if (!ok) return;
        m.m_ctx.setStopToken(st);
        for (OutputPort& p : m.m_out.ports())
            p.setStopToken(st);
        m.prepareInputs();
        Status s = m.m_op->open(m.m_ctx);
        if (!s) {
            m_env.fail(m.m_node.spec->id, "open failed: " + s.message());
            ok = false;
            return;
        }
        m.m_opened = true;
        m.m_twoPhase = !m.m_source && m.m_op->isTwoPhaseCommitSink();
        m_chainCommits = m_chainCommits || m.m_twoPhase;
        if (!m.m_restore) return;
        try {
            m.restoreState();
        } catch (const std::exception& e) {
            m_env.fail(m.m_node.spec->id, "restoring checkpoint " +
                                              std::to_string(m.m_restore->checkpointId) +
                                              " failed: " + e.what());
            ok = false;
        }
    });
    return ok;
}

void Subtask::closeChain()
{
    forChain([&](Subtask& m) {
        if (!m.m_opened) return;
        m.m_opened = false;
        try {
            m.m_op->close();
        } catch (const ChainedFailure& f) { // raised by a later member while `m` flushed
            m_env.fail(f.nodeId, "close failed: " + f.message);
        } catch (const std::exception& e) {
            m_env.fail(m.m_node.spec->id, std::string("close failed: ") + e.what());
        } catch (...) {
            m_env.fail(m.m_node.spec->id, "close failed");
        }
    });
}

void Subtask::run(std::stop_token st)
{
    try {
        if (openChain(st)) {
            if (m_source)
                runSource(st);
            else
                runOperator(st);
            awaitFinalCommits(st);
        }
    } catch (const ChainedFailure& f) {
        m_env.fail(f.nodeId, f.message);
    } catch (const std::exception& e) {
        m_env.fail(m_node.spec->id, e.what());
    } catch (...) {
        m_env.fail(m_node.spec->id, "unknown exception");
    }
    closeChain();
    forChain([&](Subtask&) { m_env.finished(); });
}

void Subtask::receive(StreamElement& e)
{
    asMember([&] {
        if (handle(0, m_localPort, e))
            m_out.emitControl(StreamElement::endOfInput(!m_inputStopped));
        m_out.updateCounters();
    });
}

void Subtask::drainChainInjections()
{
    forChain([&](Subtask& m) {
        if (!m.m_injections.pending()) [[likely]]
            return;
        if (&m == this) {
            drainInjections();
            return;
        }
        m.asMember([&] {
            m.drainInjections();
            m.m_out.updateCounters();
        });
    });
}

void Subtask::drainInjections()
{
    if (!m_injections.drain(m_injected)) return;
    if (m_source) {
        // As if the source had produced them: stamped from the rowtime column, counted.
        for (InjectionQueue::Item& item : m_injected)
            m_out.emit(0, item.record);
        m_counters.recordsIn.add(m_injected.size());
        m_out.updateCounters();
        m_injected.clear();
        return;
    }
    std::size_t i = 0;
    while (i < m_injected.size()) {
        const int port = m_injected[i].port;
        m_injectBatch.clear();
        for (; i < m_injected.size() && m_injected[i].port == port; ++i)
            m_injectBatch.appendSwap(m_injected[i].record);
        m_counters.recordsIn.add(m_injectBatch.size());
        m_op->processBatch(port, m_injectBatch, m_out);
    }
    m_injected.clear();
}

void Subtask::flushChain()
{
    forChain([](Subtask& m) { m.m_out.flushAll(); });
}

bool Subtask::chainHasStale(std::chrono::steady_clock::time_point now,
                            std::chrono::nanoseconds maxAge)
{
    bool stale = false;
    forChain([&](Subtask& m) { stale = stale || m.m_out.hasStale(now, maxAge); });
    return stale;
}

void Subtask::fireChainTimers(std::int64_t nowWallMs)
{
    forChain([&](Subtask& m) {
        if (m.m_ctx.processingTimers().empty()) return;
        if (&m == this) {
            fireTimers(nowWallMs);
            return;
        }
        m.asMember([&] {
            m.fireTimers(nowWallMs);
            m.m_out.updateCounters();
        });
    });
}

// ---------------------------------------------------------------- operators

std::chrono::steady_clock::time_point Subtask::nextDeadline() const
{
    using namespace std::chrono;
    auto now = steady_clock::now();
    auto deadline = now + milliseconds(std::max<std::int64_t>(1, m_env.options.flushIntervalMs));
    if (streamTime()) return deadline; // stream time moves with elements, never by waiting
    auto consider = [&](const Subtask& m) {
        if (m.m_ctx.processingTimers().empty()) return;
        std::int64_t wait = m.m_ctx.processingTimers().next() - m.m_ctx.processingTimeMs();
        auto t = now + milliseconds(std::max<std::int64_t>(0, wait));
        if (t < deadline) deadline = t;
    };
    if (m_members.empty()) consider(*this);
    for (const Subtask* m : m_members)
        consider(*m);
    return deadline;
}

void Subtask::fireTimers(std::int64_t nowWallMs)
{
    std::int64_t t;
    while (m_ctx.processingTimers().popDue(nowWallMs, t))
        m_op->onProcessingTime(t, m_out);
}

void Subtask::runOperator(const std::stop_token& st)
{
    InputGate& gate = *m_gate;
    const auto maxAge = std::chrono::milliseconds(m_env.options.flushIntervalMs);
    bool done = gate.channelCount() == 0;
    if (done) {
        m_op->endOfInput(m_out);
        finishInput();
    }
    while (!done) {
        int ch = 0;
        StreamElement e;
        auto r = gate.tryPop(ch, e);
        if (r != InputGate::PopResult::Element) {
            if (!streamTime()) flushChain(); // stream time: batches end only where time moves
            r = gate.pop(ch, e, st, nextDeadline());
        }
        if (r == InputGate::PopResult::Stopped) return;
        auto t0 = std::chrono::steady_clock::now();
        drainChainInjections();
        deliverCommits(); // before a barrier that may follow the completion
        if (r == InputGate::PopResult::Element && streamTime() &&
            e.kind != StreamElement::Kind::EndOfInput)
            advanceStreamTime(e.procTime);
        if (r == InputGate::PopResult::Element) done = handle(ch, gate.portOf(ch), e);
        fireChainTimers(m_ctx.processingTimeMs() - (streamTime() ? 1 : 0)); // see advanceStreamTime
        m_out.updateCounters();
        auto t1 = std::chrono::steady_clock::now();
        m_counters.busyNs.add(static_cast<std::uint64_t>((t1 - t0).count()));
        if (!streamTime() && (r == InputGate::PopResult::Timeout || chainHasStale(t1, maxAge)))
            flushChain();
        if (st.stop_requested()) return;
    }
    m_out.emitControl(StreamElement::endOfInput(!m_inputStopped));
    m_out.updateCounters();
}

bool Subtask::handle(int ch, int port, StreamElement& e)
{
    using K = StreamElement::Kind;
    const auto c = static_cast<std::size_t>(ch);
    switch (e.kind) {
    case K::Records:
        m_counters.recordsIn.add(e.batch->size());
        m_op->processBatch(port, *e.batch, m_out);
        if (m_gate) m_gate->release(ch, std::move(e.batch));
        return false;
    case K::Watermark:
        if (m_aligner.onWatermark(c, e.value)) advanceWatermark();
        if (m_idle) {
            m_idle = false;
            m_out.emitControl(StreamElement::active());
        }
        return false;
    case K::Idle:
        if (m_aligner.onIdle(c)) advanceWatermark();
        if (!m_idle && m_aligner.allIdle()) {
            m_idle = true;
            m_out.emitControl(StreamElement::idle());
        }
        return false;
    case K::Active:
        m_aligner.onActive(c);
        if (m_idle) {
            m_idle = false;
            m_out.emitControl(StreamElement::active());
        }
        return false;
    case K::Barrier:
        onBarrier(ch, e.value);
        return false;
    case K::Time: // the head moved the thread's time already; a chained member passes it on
        if (m_head) m_out.emitControl(StreamElement::time(e.procTime));
        return false;
    case K::EndOfInput:
        ++m_ended;
        if (m_barriers > 0) onBarrier(ch, -1);
        if (e.drained()) {
            if (m_aligner.onEnd(c)) advanceWatermark();
        } else {
            // Stopped without drain: time stands still on this input (its watermark keeps
            // holding the others back), so open windows do not fire with partial data.
            m_inputStopped = true;
            m_aligner.onActive(c);
        }
        if (m_ended < inputCount()) return false;
        drainInjections(); // injected before the stop: processed before the end
        if (!m_inputStopped) m_op->endOfInput(m_out);
        finishInput();
        return true;
    }
    return false;
}

void Subtask::advanceWatermark()
{
    EventTime w = m_aligner.current();
    m_ctx.setCurrentWatermark(w);
    m_counters.watermark.set(w);
    m_op->processWatermark(w, m_out);
}

void Subtask::onBarrier(int ch, std::int64_t id)
{
    // Aligned barriers: block a channel once its barrier arrived; when every live channel
    // delivered it, make the operator's output durable, snapshot, report holds, forward and
    // acknowledge. A newer barrier subsumes the one being aligned (its checkpoint never
    // completes here; the newer one covers it); a barrier older than one already handled is
    // ignored. (id < 0: re-check after a channel ended.)
    if (id >= 0) {
        if (id <= m_lastBarrier || (m_barriers > 0 && id < m_checkpoint)) return;
        if (m_barriers > 0 && id > m_checkpoint) {
            for (int i = 0; i < inputCount(); ++i) {
                m_barrierSeen[static_cast<std::size_t>(i)] = false;
                if (m_gate) m_gate->setBlocked(i, false);
            }
            m_barriers = 0;
        }
        m_barrierSeen[static_cast<std::size_t>(ch)] = true;
        if (m_gate) m_gate->setBlocked(ch, true);
        if (m_barriers == 0) m_alignStart = std::chrono::steady_clock::now();
        ++m_barriers;
        m_checkpoint = id;
    }
    if (m_barriers == 0 || m_barriers < inputCount() - m_ended) return;
    const auto alignMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - m_alignStart)
                             .count();
    m_op->prepareSnapshotPreBarrier(m_checkpoint, m_out);
    CheckpointAck ack;
    ack.state = takeSnapshot(m_checkpoint, alignMs);
    m_op->collectHolds(ack.holds);
    m_op->collectReplayUnits(ack.units);
    m_lastBarrier = m_checkpoint;
    m_out.emitControl(StreamElement::barrier(m_checkpoint));
    for (int i = 0; i < inputCount(); ++i) {
        m_barrierSeen[static_cast<std::size_t>(i)] = false;
        if (m_gate) m_gate->setBlocked(i, false);
    }
    m_barriers = 0;
    if (m_env.checkpoints)
        m_env.checkpoints->acknowledge(m_participant, m_lastBarrier, std::move(ack));
}

void Subtask::reportFinished()
{
    if (!m_env.checkpoints) return;
    SourceHolds holds;
    m_op->collectHolds(holds);
    std::vector<ReplayUnit> units;
    m_op->collectReplayUnits(units);
    m_env.checkpoints->finished(m_participant, holds, std::move(units),
                                m_env.persistState ? takeSnapshot(m_lastBarrier, 0)
                                                   : SubtaskSnapshot{});
}

} // namespace sw::runtime
