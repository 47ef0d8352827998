// RunController's start (split from RunController.cpp): the start worker (checkpoint store,
// engine start, taps, metrics endpoint) and what the GUI thread does with its result.
#include <filesystem>

#include <QDir>
#include <QMetaObject>
#include <QTimer>

#include "exec/PhysicalPlan.h"
#include "metrics/PrometheusMetrics.h"
#include "run/RecordInjector.h"
#include "run/RunController.h"
#include "state/CheckpointStore.h"

namespace sw::app {

namespace {
constexpr std::size_t kErrorCapture = 10000;
} // namespace

/// What the start worker hands back to the GUI thread.
struct RunController::StartResult {
    runtime::Status status;
    runtime::ValidationResult validation;
    std::map<std::string, OpenTap> taps;
    std::vector<std::string> tapErrors;
    StartFrom from = StartFrom::LatestCheckpoint;
    std::string store;         ///< the checkpoint store
    std::string discardError;  ///< from scratch: why the store could not be deleted
    std::int64_t restored = 0; ///< the checkpoint restored (0 = none)
    std::unique_ptr<runtime::MetricsEndpoint> endpoint;
    std::string endpointError;
};

QString RunController::checkpointStorePath(const runtime::PipelineSpec& pipeline) const
{
    const QDir base(QString::fromStdString(m_options.dataDirectory));
    return QDir::cleanPath(base.filePath(QString::fromStdString(
        pipeline.defaultDataDirectoryName() + "/" + runtime::CheckpointStore::kFileName)));
}

namespace {

/// On the start worker: keeps, replaces or drops the endpoint as `port` asks; `name` labels it.
void updateEndpoint(std::unique_ptr<runtime::MetricsEndpoint>& endpoint, std::optional<int> port,
                    const std::string& name, const runtime::Engine* engine, std::string& error)
{
    if (endpoint && port && (*port == 0 || *port == endpoint->port()) &&
        endpoint->pipeline() == name)
        return;       // the same endpoint serves the next run too
    endpoint.reset(); // frees a fixed port before it is bound again
    if (!port) return;
    auto started =
        runtime::MetricsEndpoint::start(*port, name, [engine] { return engine->snapshot(); });
    if (started)
        endpoint = std::move(*started);
    else
        error = started.error().message;
}

} // namespace

void RunController::launch(const runtime::PipelineSpec& pipeline, StartFrom from)
{
    if (m_starter.joinable()) m_starter.join(); // finished: it posted its result already
    m_pipeline = pipeline;
    m_stopAfterStart = m_cancelAfterStart = false;
    m_brokerAddress.clear();
    ++m_run;
    setState(RunState::Starting);

    std::vector<TapSub> subs;
    for (const auto& [id, sub] : m_tapSubs)
        subs.push_back(sub);
    if (m_captureErrors)
        for (const runtime::PortRef& port : errorPorts(pipeline))
            subs.push_back(TapSub{port, kErrorCapture});
    runtime::Engine* engine = m_engine.get();
    auto result = std::make_shared<StartResult>();
    result->from = from;
    result->store = checkpointStorePath(pipeline).toStdString();
    result->endpoint = std::move(m_endpoint);
    m_starter = std::jthread([this, engine, pipeline, options = m_options, subs, result,
                              port = m_endpointPort]() mutable {
        // Everything that may take time (the checkpoint store, validation, opening files, Kafka
        // clients, binding the metrics port) runs here. The engine validates and plans once;
        // its sources wait for release() so the taps opened here see every record of the run.
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(result->store).parent_path(), ec);
        if (result->from == StartFrom::Scratch)
            if (auto st = runtime::CheckpointStore::discard(result->store); !st)
                result->discardError = st.message();
        options.checkpointStorePath = result->store;
        options.restore = result->from == StartFrom::LatestCheckpoint
                              ? runtime::EngineOptions::Restore::Latest
                              : runtime::EngineOptions::Restore::None;
        options.startGated = true;
        runtime::applyPipelineSettings(options, pipeline.settings); // restarts, retention
        result->status = engine->start(pipeline, options);
        if (const runtime::PhysicalPlan* plan = engine->plan())
            result->validation = plan->validation;
        if (result->status) {
            result->restored = engine->restoredCheckpoint();
            updateEndpoint(result->endpoint, port, pipeline.settings.name, engine,
                           result->endpointError);
            for (const TapSub& s : subs) {
                auto tap = engine->openTap(s.port, s.capacity);
                if (tap)
                    result->taps[tapKey(s.port)] = OpenTap{*tap, s.port};
                else
                    result->tapErrors.push_back(s.port.node + "." + s.port.port + ": " +
                                                tap.error().message);
            }
            engine->release(); // first records flow only now: taps see them all
        }
        QMetaObject::invokeMethod(
            this, [this, result] { onStartFinished(result); }, Qt::QueuedConnection);
    });
}

void RunController::reportStart(StartResult& r)
{
    m_endpoint = std::move(r.endpoint);
    const QString url = m_endpoint ? QString::fromStdString(m_endpoint->url()) : QString();
    if (url != m_metricsUrl) {
        m_metricsUrl = url;
        Q_EMIT metricsUrlChanged(url);
    }
    if (!r.endpointError.empty())
        addProblem(RunProblem::Severity::Warning, {},
                   tr("Metrics endpoint: %1. The run goes on without it; choose another port in "
                      "Preferences.")
                       .arg(QString::fromStdString(r.endpointError))
                       .toStdString(),
                   0);
    if (!r.discardError.empty()) addProblem(RunProblem::Severity::Warning, {}, r.discardError, 0);
    const QString store = QDir::toNativeSeparators(QString::fromStdString(r.store));
    if (!r.status) return;
    // A resume names its checkpoint in the engine's own event ("restored checkpoint N (store)").
    if (r.from == StartFrom::Scratch)
        addProblem(
            RunProblem::Severity::Info, {},
            tr("Run from scratch: the checkpoints in %1 were discarded").arg(store).toStdString(),
            0);
    else if (r.restored == 0)
        addProblem(
            RunProblem::Severity::Info, {},
            tr("Starting from scratch: no completed checkpoint in %1").arg(store).toStdString(), 0);
}

void RunController::onStartFinished(std::shared_ptr<StartResult> r)
{
    m_validation = std::move(r->validation);
    m_rates.reset();
    m_sample = {};
    reportStart(*r);
    if (!r->status) {
        const std::string msg = r->status.error().message;
        // Engine errors name the node first ("node: message").
        std::string node;
        if (auto colon = msg.find(": ");
            colon != std::string::npos && m_pipeline.findNode(msg.substr(0, colon)))
            node = msg.substr(0, colon);
        addProblem(RunProblem::Severity::Error, node, msg, 0);
        // State that does not fit the edited pipeline (or an unreadable store) refuses a resume.
        if (r->from == StartFrom::LatestCheckpoint && msg.find("restore") != std::string::npos)
            addProblem(RunProblem::Severity::Info, node,
                       tr("Run from Scratch (Ctrl+F5) discards the checkpoints and runs the "
                          "pipeline as it is now")
                           .toStdString(),
                       0);
        m_outcome = RunOutcome::StartFailed;
        setState(RunState::Idle);
        Q_EMIT runEnded(m_outcome);
        m_restartWith.reset();
        return;
    }
    m_injector->setActive(true);
    m_taps = std::move(r->taps);
    for (const std::string& e : r->tapErrors)
        addProblem(RunProblem::Severity::Warning, {}, "inspect " + e, 0);
    // Subscriptions made or dropped while starting.
    for (const auto& [id, sub] : m_tapSubs)
        if (!m_taps.count(tapKey(sub.port))) openTapNow(sub.port, sub.capacity);
    for (auto it = m_taps.begin(); it != m_taps.end();) {
        const runtime::PortRef port = it->second.port;
        bool wanted = m_captureErrors && isErrorsPort(port);
        for (const auto& [id, sub] : m_tapSubs)
            wanted = wanted || sub.port == port;
        if (wanted) {
            ++it;
            continue;
        }
        m_engine->closeTap(port);
        it = m_taps.erase(it);
    }
    setState(RunState::Running);
    Q_EMIT runStarted(m_run, m_pipeline);
    m_timer->start();
    if (m_cancelAfterStart)
        cancel();
    else if (m_stopAfterStart)
        stop();
}

} // namespace sw::app
