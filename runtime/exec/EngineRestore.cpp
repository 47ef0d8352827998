// Engine::Impl checkpoints: the coordinator, the checkpoint store and its writer, restoring a
// checkpoint at start (compatibility checks, fallback over corrupt checkpoints) and the final
// checkpoint of a finished run. Design: docs/state-and-recovery.md.
#include <filesystem>
#include <map>

#include "exec/EngineImpl.h"
#include "state/KeyedState.h"
#include "state/StateFingerprint.h"

namespace sw::runtime {

namespace {
/// Nodes whose state every subtask reads whole (union state), so any parallelism restores it.
bool hasUnionState(const std::string& type)
{
    return type == "kafka-source" || type == "kinesis-source";
}

/// True when `blobs` hold operator state (not only the engine's '~' entries).
bool hasOperatorState(const StateBlobs& blobs)
{
    for (const auto& [key, b] : blobs)
        if (key.empty() || key[0] != '~') return true;
    return false;
}

/// True when every operator blob of the node is keyed state written per key group
/// (state/KeyedState.h): restorable at any parallelism.
bool hasOnlyKeyedState(const std::vector<StateBlobs>& subtasks)
{
    for (const StateBlobs& blobs : subtasks)
        for (const auto& [key, b] : blobs)
            if (!key.empty() && key[0] != '~' && !isKeyedBlobName(key)) return false;
    return true;
}

/// True when an input port of `n` is key-hash partitioned (its records go by key group).
bool hasKeyedInput(const PlanNode& n)
{
    for (std::size_t p = 0; p < n.inputSchemas.size(); ++p)
        if (partitionKeys(*n.spec, *n.type, static_cast<int>(p))) return true;
    return false;
}

/// Why the state of `n` (written by `oldPar` subtasks) cannot be restored at its parallelism,
/// or empty. Keyed state moves by key group, union state is read whole by every subtask; any
/// other state (generator and file positions, a two-phase-commit sink's transaction) stays
/// with its subtask, so only the same parallelism restores it. Keyed state written before key
/// groups (one blob per subtask) restores where the routing did not change: parallelism 1 and
/// the parallelisms dividing kMaxParallelism (state/KeyGroups.h).
std::string parallelismProblem(const PlanNode& n, int oldPar, const std::vector<StateBlobs>& blobs)
{
    const bool keyed = hasOnlyKeyedState(blobs);
    const std::string now = std::to_string(n.parallelism), was = std::to_string(oldPar);
    if (oldPar != n.parallelism) {
        if (keyed || hasUnionState(n.type->name)) return {};
        if (hasKeyedInput(n))
            return "its parallelism changed from " + was + " to " + now +
                   ", and its keyed state was written before key groups (an older checkpoint "
                   "format), which cannot be redistributed (run it with parallelism " +
                   was + ")";
        return "its parallelism changed from " + was + " to " + now + ", and its state (" +
               n.type->name +
               ") cannot be redistributed: only keyed state (windows, dedup, joins, aggregates) "
               "and Kafka/Kinesis source offsets restore at another parallelism (run it with "
               "parallelism " +
               was + ")";
    }
    if (!keyed && hasKeyedInput(n) && n.parallelism > 1 && kMaxParallelism % n.parallelism != 0)
        return "its keyed state was written before key groups (an older checkpoint format), and "
               "at parallelism " +
               now +
               " records are now routed to other subtasks than "
               "that state's (such a checkpoint restores at parallelism 1, 2, 4, 8, ...)";
    return {};
}
} // namespace

Status Engine::Impl::setUpCheckpoints()
{
    const EngineOptions& o = m_env->options;
    int commits = 0;
    for (const auto& st : m_subtasks)
        commits += st->commitsOnCheckpoint() ? 1 : 0;
    std::int64_t interval = o.checkpointIntervalMs > 0 ? o.checkpointIntervalMs
                                                       : m_pipeline.settings.checkpointIntervalMs;
    if (interval <= 0 && commits > 0) interval = 5000;
    if (o.streamTime) { // a replay: no checkpoints (its sources are recordings, never committed)
        if (o.restore != EngineOptions::Restore::None)
            return makeError("cannot restore a replay (stream time) from a checkpoint");
        interval = 0;
    }
    std::string path = o.checkpointStorePath;
    if (path.empty() && !o.dataDirectory.empty())
        path = (std::filesystem::path(o.dataDirectory) / CheckpointStore::kFileName).string();
    m_checkpointStats.configure(interval > 0, false);
    if (interval <= 0) {
        if (o.restore != EngineOptions::Restore::None)
            return makeError("cannot restore: the pipeline has no checkpoint_interval");
        return Status::ok();
    }
    m_checkpoints =
        std::make_unique<CheckpointCoordinator>(static_cast<int>(m_subtasks.size()), interval);
    m_checkpoints->setCommittingSources(commits);
    m_checkpoints->setStatsTracker(&m_checkpointStats);
    m_checkpoints->setWarningSink(
        [this](const std::string& m) { pushEvent(EngineEvent::Kind::Warning, {}, m); });
    m_env->checkpoints = m_checkpoints.get();
    for (std::size_t i = 0; i < m_subtasks.size(); ++i)
        m_subtasks[i]->setParticipant(static_cast<int>(i));
    if (path.empty()) {
        if (o.restore != EngineOptions::Restore::None)
            return makeError("cannot restore: no data directory holds a checkpoint store");
        return Status::ok();
    }
    return openStore(path);
}

Status Engine::Impl::openStore(const std::string& path)
{
    const EngineOptions& o = m_env->options;
    auto store = CheckpointStore::open(path, o.retainedCheckpoints);
    if (!store) return store.error();
    if (o.restore != EngineOptions::Restore::None)
        if (Status s = restoreFrom(**store); !s) return s;
    auto maxId = (*store)->maxId();
    if (!maxId) return maxId.error();
    m_checkpoints->setFirstId(*maxId + 1);
    std::vector<NodeStateInfo> nodes;
    for (const PlanNode& n : m_plan.nodes)
        nodes.push_back(nodeStateInfo(*n.spec, n.parallelism, n.inputSchemas, n.outputSchemas));
    m_writer = std::make_unique<CheckpointWriter>(std::move(store).value());
    if (o.injectCheckpointWriteFailures > 0)
        m_writer->failNextWrites(o.injectCheckpointWriteFailures);
    m_checkpoints->setPersistence(
        m_writer.get(), std::move(nodes), o.tolerableFailedCheckpoints,
        [this](const std::string& m) { onFail({}, "checkpoints: " + m); });
    m_env->persistState = true;
    m_checkpointStats.configure(true, true);
    return Status::ok();
}

Status Engine::Impl::restoreFrom(const CheckpointStore& store)
{
    const EngineOptions& o = m_env->options;
    if (o.restore == EngineOptions::Restore::Checkpoint) {
        auto c = store.load(o.restoreCheckpointId);
        if (!c) return c.error();
        return applyRestore(*c, store.path());
    }
    auto list = store.completed();
    if (!list) return list.error();
    if (list->empty()) return Status::ok(); // nothing to restore: from scratch (no event)
    std::string errors;
    for (const CheckpointInfo& info : *list) {
        auto c = store.load(info.id);
        if (c) return applyRestore(*c, store.path());
        // Corrupt or truncated: never half of it; the previous completed one instead.
        pushEvent(EngineEvent::Kind::Warning, {},
                  c.error().message + "; falling back to the previous completed checkpoint");
        errors += "\n  " + c.error().message;
    }
    return makeError("no completed checkpoint in '" + store.path() +
                     "' can be restored (run from scratch to discard them):" + errors);
}

Status Engine::Impl::applyRestore(const CheckpointData& c, const std::string& path)
{
    const bool allow = m_env->options.allowNonRestoredState;
    const std::string cp = "checkpoint " + std::to_string(c.id) + " (" + path + ")";
    std::map<std::string, const NodeStateInfo*> saved;
    for (const NodeStateInfo& n : c.nodes)
        saved[n.nodeId] = &n;
    std::map<std::string, std::vector<StateBlobs>> byNode;
    for (const SubtaskSnapshot& s : c.subtasks) {
        auto& v = byNode[s.nodeId];
        if (static_cast<std::size_t>(s.subtask) >= v.size())
            v.resize(static_cast<std::size_t>(s.subtask) + 1);
        v[static_cast<std::size_t>(s.subtask)] = s.blobs;
    }
    std::vector<std::pair<int, std::shared_ptr<RestoredNode>>> apply;
    for (auto& [nodeId, subtasks] : byNode) {
        bool operatorState = false;
        for (const StateBlobs& b : subtasks)
            operatorState = operatorState || hasOperatorState(b);
        const int idx = m_plan.indexOf(nodeId);
        int oldPar = 1;
        std::string problem;
        const NodeStateInfo* was = saved.count(nodeId) ? saved[nodeId] : nullptr;
        if (idx < 0) {
            problem = "node '" + nodeId + "' has state in " + cp + " but is not in the pipeline";
        } else {
            const PlanNode& n = m_plan.nodes[static_cast<std::size_t>(idx)];
            const NodeStateInfo now =
                nodeStateInfo(*n.spec, n.parallelism, n.inputSchemas, n.outputSchemas);
            const std::string change =
                was ? describeStateChange(*was, now) : "no description saved";
            oldPar = was ? was->parallelism : static_cast<int>(subtasks.size());
            if (operatorState && !change.empty())
                problem =
                    "node '" + nodeId + "' cannot restore its state from " + cp + ": " + change;
            else if (!operatorState && oldPar != n.parallelism)
                problem = "parallelism changed"; // only watermarks: rebuilt from the data
            else if (std::string why = parallelismProblem(n, oldPar, subtasks); !why.empty())
                problem = "node '" + nodeId + "' cannot restore its state from " + cp + ": " + why;
        }
        if (!problem.empty()) {
            if (!operatorState) continue; // only watermarks: rebuilt from the data
            if (!allow)
                return makeError(problem +
                                 ". Use --allow-non-restored-state (EngineOptions::"
                                 "allowNonRestoredState) to drop that state, or run from scratch");
            pushEvent(EngineEvent::Kind::Warning, nodeId, problem + ": its state is dropped");
            continue;
        }
        auto rn = std::make_shared<RestoredNode>();
        rn->checkpointId = c.id;
        rn->parallelism = oldPar;
        rn->subtasks = std::move(subtasks);
        apply.emplace_back(idx, std::move(rn));
    }
    for (auto& [idx, rn] : apply)
        for (Subtask* st : m_byNode[static_cast<std::size_t>(idx)])
            st->setRestore(rn);
    m_restoredId = c.id;
    m_checkpointStats.restored(c.id, path);
    pushEvent(EngineEvent::Kind::Info, {}, "restored " + cp);
    return Status::ok();
}

void Engine::Impl::finalCheckpoint()
{
    if (!m_checkpoints || !m_writer || m_failed) return;
    // Completes at once when every subtask finished (not after a cancel: those never finish).
    m_checkpoints->triggerNow();
    m_writer->drain();
}

} // namespace sw::runtime
