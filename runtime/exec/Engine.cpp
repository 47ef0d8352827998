#include "exec/Engine.h"

#include "exec/EngineImpl.h"
#include "exec/OperatorRegistry.h"

namespace sw::runtime {

std::string_view toString(EngineState s)
{
    switch (s) {
    case EngineState::Idle:
        return "idle";
    case EngineState::Running:
        return "running";
    case EngineState::Paused:
        return "paused";
    case EngineState::Stopping:
        return "stopping";
    case EngineState::Finished:
        return "finished";
    case EngineState::Stopped:
        return "stopped";
    case EngineState::Failed:
        return "failed";
    }
    return "idle";
}

Engine::Engine() : m_impl(std::make_unique<Impl>()) {}
Engine::~Engine() = default;

Status Engine::start(const PipelineSpec& pipeline, EngineOptions options)
{
    return m_impl->start(pipeline, std::move(options));
}
void Engine::release()
{
    m_impl->release();
}
const PhysicalPlan* Engine::plan() const
{
    return m_impl->plan();
}
Status Engine::inject(const PortRef& port, std::vector<Record> records)
{
    return m_impl->inject(port, std::move(records));
}
const Schema* Engine::injectionSchema(const PortRef& port) const
{
    return m_impl->injectionSchema(port);
}
void Engine::stop(StopMode mode)
{
    m_impl->stop(mode);
}
void Engine::pause()
{
    m_impl->setPaused(true);
}
void Engine::resume()
{
    m_impl->setPaused(false);
}
bool Engine::wait(std::int64_t timeoutMs)
{
    return m_impl->wait(timeoutMs);
}
EngineState Engine::state() const
{
    return m_impl->state();
}
std::vector<EngineEvent> Engine::pollEvents()
{
    return m_impl->pollEvents();
}
MetricsSnapshot Engine::snapshot() const
{
    return m_impl->snapshot();
}
Result<std::shared_ptr<Tap>> Engine::openTap(const PortRef& port, std::size_t capacity)
{
    return m_impl->openTap(port, capacity);
}
void Engine::closeTap(const PortRef& port)
{
    m_impl->closeTap(port);
}
std::int64_t Engine::restoredCheckpoint() const
{
    return m_impl->restoredCheckpoint();
}
std::uint64_t Engine::completedCheckpoints() const
{
    return m_impl->completedCheckpoints();
}
std::uint64_t Engine::failedCheckpoints() const
{
    return m_impl->failedCheckpoints();
}
int Engine::restarts() const
{
    return m_impl->restarts();
}

// ------------------------------------------------------------------------------ Impl

namespace {
std::int64_t wallMs()
{
    return SystemClock::instance().nowMs();
}
} // namespace

Engine::Impl::~Impl()
{
    stop(StopMode::Cancel);
    wait(-1);
}

void Engine::Impl::pushEvent(EngineEvent::Kind k, std::string node, std::string msg)
{
    std::lock_guard lock(m_eventMutex);
    if (m_events.size() >= 10000) m_events.pop_front(); // bounded: a GUI that never polls
    m_events.push_back(EngineEvent{k, std::move(node), std::move(msg), m_state.load(), wallMs()});
}

void Engine::Impl::setState(EngineState s)
{
    m_state.store(s);
    pushEvent(EngineEvent::Kind::StateChanged, {}, std::string(toString(s)));
}

std::vector<EngineEvent> Engine::Impl::pollEvents()
{
    std::lock_guard lock(m_eventMutex);
    std::vector<EngineEvent> out(std::make_move_iterator(m_events.begin()),
                                 std::make_move_iterator(m_events.end()));
    m_events.clear();
    return out;
}

Status Engine::Impl::buildSubtasks()
{
    for (const PlanNode& n : m_plan.nodes) {
        OperatorFactory factory;
        if (auto it = m_env->options.operatorOverrides.find(n.spec->id);
            it != m_env->options.operatorOverrides.end())
            factory = it->second;
        else if (const OperatorFactory* builtin = builtinOperators().find(n.type->name))
            factory = *builtin;
        if (!factory)
            return makeError(n.spec->id + ": node type '" + n.type->name +
                             "' cannot run in the engine yet");
        m_byNode.emplace_back();
        for (int i = 0; i < n.parallelism; ++i) {
            OperatorSpec spec{*n.spec,
                              *n.type,
                              n.inputSchemas,
                              n.outputSchemas,
                              i,
                              n.parallelism,
                              m_env->options.dataDirectory,
                              n.keepRawBytes,
                              m_pipeline.settings.delivery,
                              m_pipeline.settings.name,
                              n.inputChangelogs,
                              m_pipeline.settings.schemaEvolution};
            auto op = factory(spec);
            if (!op) return makeError(n.spec->id + ": " + op.error().message);
            if (!*op) return makeError(n.spec->id + ": the operator factory returned nothing");
            if (n.type->isSource() != (dynamic_cast<SourceOperator*>(op->get()) != nullptr))
                return makeError(n.spec->id + ": " +
                                 (n.type->isSource() ? "a source node needs a SourceOperator"
                                                     : "a SourceOperator on a node with inputs"));
            auto st = std::make_unique<Subtask>(n, i, std::move(*op), *m_env);
            m_byNode.back().push_back(st.get());
            m_subtasks.push_back(std::move(st));
        }
    }
    return Status::ok();
}

void Engine::Impl::buildChainsAndGates()
{
    m_chainedEdge.assign(m_plan.edges.size(), false);
    std::vector<int> chainEdgeOf(m_plan.nodes.size(), -1);
    for (std::size_t i = 0; i < m_plan.edges.size() && m_env->options.chaining; ++i) {
        const PlanEdge& e = m_plan.edges[i];
        // Forward edges chain; so does any edge between two single subtasks (a key-hash or
        // rebalance edge with one target routes nothing: OutputPort treats it as forward).
        const bool single = m_plan.nodes[static_cast<std::size_t>(e.from)].parallelism == 1 &&
                            m_plan.nodes[static_cast<std::size_t>(e.to)].parallelism == 1;
        if (e.partitioning != Partitioning::Forward && !single) continue;
        // An explicit broadcast or rebalance edge (EdgeSpec::partitioning) is a thread boundary
        // even between single subtasks, as in Flink (only forward edges chain).
        if (e.partitioning == Partitioning::Broadcast || e.partitioning == Partitioning::Rebalance)
            continue;
        int into = 0, outOfPort = 0;
        for (const PlanEdge& o : m_plan.edges) {
            if (o.to == e.to) ++into;
            if (o.from == e.from && o.fromPort == e.fromPort) ++outOfPort;
        }
        if (into != 1 || outOfPort != 1) continue;
        m_chainedEdge[i] = true;
        chainEdgeOf[static_cast<std::size_t>(e.to)] = static_cast<int>(i);
    }
    // Topological order, so a chain's members are appended upstream first.
    for (std::size_t n = 0; n < m_plan.nodes.size(); ++n) {
        int ei = chainEdgeOf[n];
        for (std::size_t j = 0; j < m_byNode[n].size(); ++j) {
            Subtask* st = m_byNode[n][j];
            if (ei >= 0) {
                const PlanEdge& e = m_plan.edges[static_cast<std::size_t>(ei)];
                st->chainTo(*m_byNode[static_cast<std::size_t>(e.from)][j], e.toPort);
            } else if (!m_plan.nodes[n].type->isSource()) {
                st->createGate(m_env->options.channelCapacity);
                st->gate()->setOrdered(m_env->options.streamTime);
            }
        }
    }
}

void Engine::Impl::wire(const PlanEdge& e, std::size_t edgeIndex)
{
    auto& producers = m_byNode[static_cast<std::size_t>(e.from)];
    auto& consumers = m_byNode[static_cast<std::size_t>(e.to)];
    auto& counters = m_channels[edgeIndex];
    for (std::size_t i = 0; i < producers.size(); ++i) {
        std::vector<OutputPort::Target> targets;
        for (std::size_t j = 0; j < consumers.size(); ++j) {
            if (e.partitioning == Partitioning::Forward && j != i) continue;
            counters.push_back(std::make_unique<ChannelCounters>());
            if (m_chainedEdge[edgeIndex]) {
                targets.push_back({nullptr, 0, counters.back().get(), consumers[j]});
                continue;
            }
            InputGate* gate = consumers[j]->gate();
            int ch = gate->addChannel(e.toPort, counters.back().get());
            targets.push_back({gate, ch, counters.back().get(), nullptr});
        }
        producers[i]->collector().ports()[static_cast<std::size_t>(e.fromPort)].addEdge(
            e.partitioning, e.keys, std::move(targets));
    }
}

Status Engine::Impl::start(const PipelineSpec& pipeline, EngineOptions options)
{
    EngineState s = m_state.load();
    if (s == EngineState::Running || s == EngineState::Paused || s == EngineState::Stopping)
        return makeError("a pipeline is already running");
    wait(-1); // join a previous run
    // snapshot() may be called meanwhile from any thread (a metrics endpoint that outlives runs)
    std::lock_guard structure(m_structureMutex);
    std::lock_guard injectLock(m_injectMutex);
    m_planned = false;
    m_subtasks.clear();
    m_byNode.clear();
    m_channels.clear();
    m_writer.reset(); // drains its last writes first
    m_checkpoints.reset();
    m_restoredId = 0;
    m_checkpointStats.reset(false, false);
    {
        std::lock_guard lock(m_tapMutex);
        m_taps.clear();
        m_retiredTaps.clear();
    }
    m_pipeline = pipeline;
    auto plan = compilePlan(m_pipeline);
    if (!plan) return plan.error();
    m_plan = std::move(plan).value();
    m_planned = true;
    m_env = std::make_unique<TaskEnv>();
    m_env->options = std::move(options);
    m_env->released = !m_env->options.startGated;
    m_env->fail = [this](const std::string& n, const std::string& m) { onFail(n, m); };
    m_env->warn = [this](const std::string& n, const std::string& m) {
        pushEvent(EngineEvent::Kind::Warning, n, m);
    };
    m_env->finished = [this] { onFinished(); };
    if (Status st = buildRun(); !st) return st;
    m_restarts = 0;
    m_restartPending = false;
    m_failed = false;
    m_stopRequested = false;
    m_done = false;
    m_drainDeadlineSet = false;
    m_running = static_cast<int>(m_subtasks.size());
    m_startedAtMs = wallMs();
    setState(EngineState::Running);
    for (auto& st : m_subtasks)
        if (!st->isChained()) st->start();
    if (m_checkpoints) m_checkpoints->start();
    m_supervisor = std::jthread([this](std::stop_token t) { supervise(std::move(t)); });
    return Status::ok();
}

} // namespace sw::runtime
