// Engine::Impl restarts within a run (Flink's restart strategies): after an operator failure
// every subtask of the attempt is cancelled; once all ended, the supervisor waits the strategy's
// delay, rebuilds the graph from the plan, restores every subtask from the last completed
// checkpoint (sources rewind to its positions) and starts it again. Only runs that persist
// checkpoints restart (without a store there is no state to restore). docs/state-and-recovery.md.
#include <algorithm>

#include "exec/EngineImpl.h"

namespace sw::runtime {

Status Engine::Impl::buildRun()
{
    auto fail = [&](Status st) {
        m_writer.reset();
        m_checkpoints.reset();
        m_subtasks.clear();
        m_byNode.clear();
        return st;
    };
    if (Status st = buildSubtasks(); !st) return fail(st);
    buildChainsAndGates();
    if (Status st = setUpCheckpoints(); !st) return fail(st);
    m_channels.resize(m_plan.edges.size());
    for (std::size_t i = 0; i < m_plan.edges.size(); ++i)
        wire(m_plan.edges[i], i);
    return Status::ok();
}

bool Engine::Impl::restartAllowed() const
{
    const EngineOptions::RestartStrategy& r = m_env->options.restartStrategy;
    return m_env->persistState && r.kind != EngineOptions::RestartStrategy::Kind::None &&
           m_restarts.load() < r.attempts;
}

bool Engine::Impl::restart()
{
    const EngineOptions::RestartStrategy r = m_env->options.restartStrategy;
    const int attempt = m_restarts.fetch_add(1) + 1;
    m_checkpointStats.restarted();
    for (auto& st : m_subtasks)
        st->join(); // every thread of the failed attempt ended (m_running == 0)
    // The failed attempt's checkpoints: nothing completes any more, what was complete is stored.
    if (m_checkpoints) m_checkpoints->abort();
    if (m_writer) m_writer->drain();
    std::int64_t delay = r.delayMs;
    if (r.kind == EngineOptions::RestartStrategy::Kind::ExponentialDelay)
        for (int i = 1; i < attempt && delay < r.maxDelayMs; ++i)
            delay *= 2;
    delay = std::clamp<std::int64_t>(delay, 0, std::max<std::int64_t>(r.maxDelayMs, 0));
    {
        std::unique_lock lock(m_runMutex);
        m_runCv.wait_for(lock, std::chrono::milliseconds(delay),
                         [&] { return m_stopRequested.load(); });
        if (m_stopRequested) return false;
    }
    std::int64_t restored = 0;
    {
        std::lock_guard structure(m_structureMutex);
        std::lock_guard injections(m_injectMutex); // inject() routes into m_byNode
        EngineOptions options = m_env->options;
        options.restore = EngineOptions::Restore::Latest;
        const bool released = m_env->released.load();
        m_writer.reset();
        m_checkpoints.reset();
        m_subtasks.clear();
        m_byNode.clear();
        m_channels.clear();
        m_restoredId = 0;
        m_env = std::make_unique<TaskEnv>();
        m_env->options = std::move(options);
        m_env->released = released;
        m_env->fail = [this](const std::string& n, const std::string& m) { onFail(n, m); };
        m_env->warn = [this](const std::string& n, const std::string& m) {
            pushEvent(EngineEvent::Kind::Warning, n, m);
        };
        m_env->finished = [this] { onFinished(); };
        if (Status st = buildRun(); !st) {
            pushEvent(EngineEvent::Kind::Error, {},
                      "restart " + std::to_string(attempt) + " failed: " + st.message());
            m_failed = true;
            return false;
        }
        {
            std::lock_guard taps(m_tapMutex); // taps keep filling across restarts
            for (const auto& [key, tap] : m_taps) {
                const int idx = m_plan.indexOf(key.first);
                const int p =
                    m_plan.nodes[static_cast<std::size_t>(idx)].type->outputIndex(key.second);
                for (Subtask* st : m_byNode[static_cast<std::size_t>(idx)])
                    st->collector().ports()[static_cast<std::size_t>(p)].setTap(tap.get());
            }
        }
        {
            std::lock_guard lock(m_runMutex);
            m_running = static_cast<int>(m_subtasks.size());
        }
        m_restartPending = false;
        restored = m_restoredId;
        pushEvent(EngineEvent::Kind::Warning, {},
                  "restart " + std::to_string(attempt) + " of " + std::to_string(r.attempts) +
                      (restored > 0 ? ": restored checkpoint " + std::to_string(restored)
                                    : ": no completed checkpoint yet, started from scratch"));
        for (auto& st : m_subtasks)
            if (!st->isChained()) st->start();
        if (m_checkpoints) m_checkpoints->start();
    }
    return true;
}

} // namespace sw::runtime
