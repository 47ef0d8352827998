// Engine::Impl run control: stop/drain/cancel, failures, supervision, metrics, taps.
#include <algorithm>

#include "exec/EngineImpl.h"

namespace sw::runtime {

void Engine::Impl::cancelAll()
{
    std::lock_guard structure(m_structureMutex);
    if (m_checkpoints) m_checkpoints->abort(); // nothing completes after a cancel or failure
    for (auto& st : m_subtasks)
        st->requestStop();
}

void Engine::Impl::onFail(const std::string& node, const std::string& msg)
{
    if (!m_failed && !m_stopRequested && restartAllowed()) {
        // A restart follows (exec/EngineRestart.cpp): the failure is a warning of this attempt.
        const bool first = !m_restartPending.exchange(true);
        pushEvent(EngineEvent::Kind::Warning, node,
                  msg + (first ? " (restarting from the last completed checkpoint)" : ""));
        cancelAll();
        return;
    }
    pushEvent(EngineEvent::Kind::Error, node, msg);
    m_failed = true;
    cancelAll();
}

void Engine::Impl::onFinished()
{
    std::lock_guard lock(m_runMutex);
    --m_running;
    m_runCv.notify_all();
}

void Engine::Impl::setPaused(bool p)
{
    std::lock_guard structure(m_structureMutex);
    if (!m_env) return;
    EngineState s = m_state.load();
    if (s != EngineState::Running && s != EngineState::Paused) return;
    m_env->paused = p;
    setState(p ? EngineState::Paused : EngineState::Running);
}

void Engine::Impl::stop(StopMode mode)
{
    std::lock_guard structure(m_structureMutex); // a restart may be swapping m_env
    EngineState s = m_state.load();
    if (s != EngineState::Running && s != EngineState::Paused && s != EngineState::Stopping) return;
    m_stopRequested = true;
    if (s != EngineState::Stopping) setState(EngineState::Stopping);
    if (mode == StopMode::Cancel) {
        cancelAll();
        m_runCv.notify_all(); // a restart waiting out its delay
        return;
    }
    {
        std::lock_guard lock(m_runMutex);
        if (!m_drainDeadlineSet) {
            m_drainDeadlineSet = true;
            m_drainDeadline = std::chrono::steady_clock::now() +
                              std::chrono::milliseconds(m_env->options.drainTimeoutMs);
        }
    }
    if (mode == StopMode::DrainAll) m_env->drainAll = true;
    m_env->draining = true;
    m_env->paused = false;
    m_runCv.notify_all();
}

void Engine::Impl::awaitSubtasks()
{
    std::unique_lock lock(m_runMutex);
    bool cancelled = false;
    while (m_running > 0) {
        if (m_drainDeadlineSet && !cancelled) {
            if (std::chrono::steady_clock::now() >= m_drainDeadline) {
                cancelled = true;
                lock.unlock();
                pushEvent(EngineEvent::Kind::Warning, {},
                          "stop: draining took longer than the drain timeout; cancelled the rest");
                cancelAll();
                lock.lock();
                continue;
            }
            m_runCv.wait_until(lock, m_drainDeadline, [&] { return m_running == 0; });
        } else {
            m_runCv.wait(lock,
                         [&] { return m_running == 0 || (m_drainDeadlineSet && !cancelled); });
        }
    }
}

void Engine::Impl::supervise(std::stop_token)
{
    // Watches the run: enforces the drain deadline, restarts failed attempts as the restart
    // strategy allows and publishes the final state.
    for (;;) {
        awaitSubtasks();
        if (!m_restartPending || m_failed || m_stopRequested) break;
        if (!restart()) break;
    }
    if (m_restartPending && !m_failed && !m_stopRequested) m_failed = true; // not restarted
    finalCheckpoint();
    if (m_checkpoints) m_checkpoints->abort();
    if (m_writer) m_writer->drain(); // what was complete before the end is stored
    if (m_failed)
        setState(EngineState::Failed);
    else if (m_stopRequested)
        setState(EngineState::Stopped);
    else
        setState(EngineState::Finished);
    std::lock_guard lock(m_runMutex);
    m_done = true;
    m_runCv.notify_all();
}

void Engine::Impl::joinAll()
{
    for (auto& st : m_subtasks)
        st->join();
    if (m_supervisor.joinable()) m_supervisor.join();
}

bool Engine::Impl::wait(std::int64_t timeoutMs)
{
    if (!m_supervisor.joinable()) return true;
    {
        std::unique_lock lock(m_runMutex);
        if (timeoutMs < 0)
            m_runCv.wait(lock, [&] { return m_done; });
        else if (!m_runCv.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                   [&] { return m_done; }))
            return false;
    }
    joinAll();
    return true;
}

MetricsSnapshot Engine::Impl::snapshot() const
{
    std::lock_guard structure(m_structureMutex);
    MetricsSnapshot s;
    s.state = m_state.load();
    s.takenAtMs = SystemClock::instance().nowMs(); // metrics timestamp: wall clock
    s.uptimeMs = m_startedAtMs ? s.takenAtMs - m_startedAtMs : 0;
    for (std::size_t i = 0; i < m_plan.nodes.size() && i < m_byNode.size(); ++i) {
        NodeMetrics n;
        n.nodeId = m_plan.nodes[i].spec->id;
        n.parallelism = m_plan.nodes[i].parallelism;
        EventTime wm = kMaxWatermark;
        for (const Subtask* st : m_byNode[i]) {
            const SubtaskCounters& c = const_cast<Subtask*>(st)->counters();
            n.recordsIn += c.recordsIn.get();
            n.recordsOut += c.recordsOut.get();
            n.errors += c.errors.get();
            n.late += c.late.get();
            n.dropped += c.dropped.get();
            n.filtered += c.filtered.get();
            n.pausedTurns += c.pausedTurns.get();
            n.busyNs += c.busyNs.get();
            wm = std::min(wm, c.watermark.get());
            n.maxEventTime = std::max(n.maxEventTime, c.maxEventTime.get());
        }
        for (const Subtask* st : m_byNode[i])
            st->splits().appendTo(s.splits);
        n.watermark = m_byNode[i].empty() ? kMinWatermark : wm;
        if (n.watermark != kMinWatermark && n.watermark != kMaxWatermark &&
            n.maxEventTime != kMinWatermark)
            n.eventTimeLagMs = std::max<std::int64_t>(0, n.maxEventTime - n.watermark);
        s.nodes.push_back(std::move(n));
    }
    for (std::size_t i = 0; i < m_plan.edges.size() && i < m_channels.size(); ++i) {
        EdgeMetrics e;
        e.edge = m_plan.edges[i].spec;
        for (const auto& c : m_channels[i]) {
            e.records += c->records.get();
            e.batches += c->batches.get();
            e.queuedBatches +=
                static_cast<std::uint64_t>(std::max<std::int64_t>(0, c->queuedBatches.get()));
            e.blockedNs += c->blockedNs.get();
            e.blockedProducers += c->producerBlocked.get() > 0 ? 1 : 0;
        }
        // Chained edges have no queue (capacity 0).
        e.capacityBatches =
            m_chainedEdge[i] ? 0
                             : m_channels[i].size() * (m_env ? m_env->options.channelCapacity : 0);
        e.fill = e.capacityBatches ? double(e.queuedBatches) / double(e.capacityBatches) : 0.0;
        s.edges.push_back(std::move(e));
    }
    s.checkpoints = m_checkpointStats.snapshot();
    return s;
}

Result<std::shared_ptr<Tap>> Engine::Impl::openTap(const PortRef& port, std::size_t capacity)
{
    std::lock_guard structure(m_structureMutex);
    int idx = m_plan.indexOf(port.node);
    if (idx < 0 || static_cast<std::size_t>(idx) >= m_byNode.size())
        return makeError("no running node '" + port.node + "'");
    const PlanNode& n = m_plan.nodes[static_cast<std::size_t>(idx)];
    int p = n.type->outputIndex(port.port);
    if (p < 0) return makeError(port.node + " has no output '" + port.port + "'");
    std::lock_guard lock(m_tapMutex);
    auto key = std::make_pair(port.node, port.port);
    if (auto it = m_taps.find(key); it != m_taps.end()) return it->second;
    auto tap = std::make_shared<Tap>(n.outputSchemas[static_cast<std::size_t>(p)], capacity);
    for (Subtask* st : m_byNode[static_cast<std::size_t>(idx)])
        st->collector().ports()[static_cast<std::size_t>(p)].setTap(tap.get());
    m_taps[key] = tap;
    return tap;
}

void Engine::Impl::closeTap(const PortRef& port)
{
    std::lock_guard structure(m_structureMutex);
    std::lock_guard lock(m_tapMutex);
    auto it = m_taps.find({port.node, port.port});
    if (it == m_taps.end()) return;
    int idx = m_plan.indexOf(port.node);
    int p = m_plan.nodes[static_cast<std::size_t>(idx)].type->outputIndex(port.port);
    for (Subtask* st : m_byNode[static_cast<std::size_t>(idx)])
        st->collector().ports()[static_cast<std::size_t>(p)].setTap(nullptr);
    m_retiredTaps.push_back(it->second); // a subtask may still be appending to it
    m_taps.erase(it);
}

} // namespace sw::runtime

namespace sw::runtime {

void Engine::Impl::release()
{
    std::lock_guard structure(m_structureMutex);
    if (m_env) m_env->released.store(true, std::memory_order_release);
}

namespace {
/// The plan node and injection port of `port`: an input port of a node, or a source's first
/// data output. -1 when neither.
int injectionPort(const PlanNode& n, const PortRef& port)
{
    if (n.type->isSource()) return n.type->outputIndex(port.port) == 0 ? 0 : -1;
    return n.type->inputIndex(port.port);
}
} // namespace

const Schema* Engine::Impl::injectionSchema(const PortRef& port) const
{
    std::lock_guard lock(m_injectMutex);
    if (!m_planned) return nullptr;
    const int idx = m_plan.indexOf(port.node);
    if (idx < 0) return nullptr;
    const PlanNode& n = m_plan.nodes[static_cast<std::size_t>(idx)];
    const int p = injectionPort(n, port);
    if (p < 0) return nullptr;
    const auto& schemas = n.type->isSource() ? n.outputSchemas : n.inputSchemas;
    return static_cast<std::size_t>(p) < schemas.size() ? &schemas[static_cast<std::size_t>(p)]
                                                        : nullptr;
}

Status Engine::Impl::inject(const PortRef& port, std::vector<Record> records)
{
    const EngineState s = m_state.load();
    if (s != EngineState::Running && s != EngineState::Paused)
        return makeError("no pipeline is running");
    std::lock_guard lock(m_injectMutex);
    const int idx = m_plan.indexOf(port.node);
    if (!m_planned || idx < 0 || static_cast<std::size_t>(idx) >= m_byNode.size())
        return makeError("unknown node '" + port.node + "'");
    const PlanNode& n = m_plan.nodes[static_cast<std::size_t>(idx)];
    const int p = injectionPort(n, port);
    if (p < 0)
        return makeError(port.node + ": no " + (n.type->isSource() ? "data output '" : "input '") +
                         port.port + "'");
    const Schema& schema =
        n.type->isSource() ? n.outputSchemas[0] : n.inputSchemas[static_cast<std::size_t>(p)];
    std::optional<std::vector<int>> keys;
    if (!n.type->isSource())
        if (auto names = partitionKeys(*n.spec, *n.type, p)) {
            keys.emplace();
            for (const std::string& k : *names)
                keys->push_back(schema.indexOf(k));
        }
    auto& subtasks = m_byNode[static_cast<std::size_t>(idx)];
    std::vector<std::vector<InjectionQueue::Item>> perSubtask(subtasks.size());
    for (Record& r : records) {
        if (r.row.size() != schema.size())
            return makeError(port.node + ": an injected record has " +
                             std::to_string(r.row.size()) + " columns, the port expects " +
                             std::to_string(schema.size()));
        const std::size_t target =
            keys ? keyHashChannel(keyHash(r.row, *keys), subtasks.size()) : 0;
        perSubtask[target].push_back({p, std::move(r)});
    }
    for (std::size_t i = 0; i < perSubtask.size(); ++i)
        if (!perSubtask[i].empty()) subtasks[i]->injections().push(std::move(perSubtask[i]));
    return Status::ok();
}

} // namespace sw::runtime
