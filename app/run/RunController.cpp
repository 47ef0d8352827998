#include "run/RunController.h"

#include <algorithm>

#include <QMetaObject>
#include <QTimer>

#include "catalog/Catalog.h"
#include "catalog/PropertyAccess.h"
#include "connectors/kafka/EmbeddedBroker.h"
#include "metrics/PrometheusMetrics.h"
#include "run/RecordInjector.h"

namespace sw::app {

namespace {
bool usesEmbeddedKafka(const runtime::PipelineSpec& p)
{
    for (const auto& n : p.nodes) {
        if (runtime::kafkaRoleOf(n) == runtime::KafkaRole::None) continue;
        const auto servers = propertyValue(n, "bootstrap_servers");
        if (!servers.is_string() || servers.get<std::string>().empty()) return true;
    }
    return false;
}

bool hasKafkaSource(const runtime::PipelineSpec& p)
{
    return std::any_of(p.nodes.begin(), p.nodes.end(), [](const runtime::NodeSpec& n) {
        return runtime::kafkaRoleOf(n) == runtime::KafkaRole::Consumer;
    });
}

/// Consumer lag of the pipeline's Kafka sources, per partition, from the engine's split metrics.
std::vector<widgets::PartitionLag> kafkaLag(const runtime::MetricsSnapshot& snapshot)
{
    std::vector<widgets::PartitionLag> out;
    for (const runtime::SplitMetrics& s : snapshot.splits)
        if (s.lag >= 0) out.push_back({s.nodeId, s.topic, static_cast<int>(s.partition), s.lag});
    return out;
}

} // namespace

RunController::RunController(QObject* parent)
    : QObject(parent), m_engine(std::make_unique<runtime::Engine>()),
      m_injector(std::make_unique<EngineInjector>(*m_engine))
{
    qRegisterMetaType<sw::app::TapBatch>();
    m_timer = new QTimer(this);
    m_timer->setInterval(250);
    m_timer->setTimerType(Qt::CoarseTimer);
    connect(m_timer, &QTimer::timeout, this, &RunController::tick);
}

RunController::~RunController()
{
    m_timer->stop();
    if (m_starter.joinable()) m_starter.join(); // a start in flight finishes first
    m_endpoint.reset();                         // it reads the engine
    if (m_engine) {
        m_engine->stop(runtime::StopMode::Cancel);
        m_engine->wait(-1);
    }
}

void RunController::setEngineOptions(runtime::EngineOptions options)
{
    const std::string dir = m_options.dataDirectory;
    m_options = std::move(options);
    if (m_options.dataDirectory.empty()) m_options.dataDirectory = dir;
}

void RunController::setDataDirectory(const QString& dir)
{
    m_options.dataDirectory = dir.toStdString();
}
QString RunController::dataDirectory() const
{
    return QString::fromStdString(m_options.dataDirectory);
}
void RunController::setTickIntervalMs(int ms)
{
    m_timer->setInterval(std::clamp(ms, 100, 1000));
}
int RunController::tickIntervalMs() const
{
    return m_timer->interval();
}

void RunController::setState(RunState s)
{
    if (m_state == s) return;
    const bool wasRunning = isRunning();
    m_state = s;
    Q_EMIT stateChanged(s);
    if (wasRunning != isRunning()) Q_EMIT runningChanged(isRunning());
    Q_EMIT statusChanged(statusText());
}

bool RunController::start(const runtime::PipelineSpec& pipeline, StartFrom from)
{
    if (m_state != RunState::Idle) return false;
    launch(pipeline, from);
    return true;
}

void RunController::pause()
{
    if (m_state != RunState::Running) return;
    m_engine->pause();
    setState(RunState::Paused);
}

void RunController::resume()
{
    if (m_state != RunState::Paused) return;
    m_engine->resume();
    setState(RunState::Running);
}

void RunController::togglePause()
{
    if (m_state == RunState::Paused)
        resume();
    else
        pause();
}

void RunController::stop()
{
    if (m_state == RunState::Starting) {
        m_stopAfterStart = true;
        return;
    }
    if (m_state != RunState::Running && m_state != RunState::Paused) return;
    m_engine->stop(runtime::StopMode::Drain);
    setState(RunState::Stopping);
}

void RunController::cancel()
{
    if (m_state == RunState::Starting) {
        m_cancelAfterStart = true;
        return;
    }
    if (m_state == RunState::Idle) return;
    m_engine->stop(runtime::StopMode::Cancel);
    setState(RunState::Stopping);
}

void RunController::restart(const runtime::PipelineSpec& pipeline)
{
    if (m_state == RunState::Idle) {
        launch(pipeline, StartFrom::LatestCheckpoint);
        return;
    }
    m_restartWith = pipeline;
    stop();
}

void RunController::tick()
{
    ++m_ticks;
    if (m_state == RunState::Idle || m_state == RunState::Starting) return;
    const runtime::EngineState es = m_engine->state();
    const bool ended = es == runtime::EngineState::Finished ||
                       es == runtime::EngineState::Stopped || es == runtime::EngineState::Failed;
    // Threads are joined (wait(0) is true) before the final metrics and records are read.
    const bool joined = ended && m_engine->wait(0);
    pollEvents();
    m_sample.snapshot = m_engine->snapshot();
    m_sample.rates = m_rates.update(m_sample.snapshot);
    m_sample.lagReported = hasKafkaSource(m_pipeline);
    if (m_sample.lagReported) m_sample.partitionLag = kafkaLag(m_sample.snapshot);
    if (m_brokerAddress.isEmpty() && usesEmbeddedKafka(m_pipeline))
        if (auto broker = runtime::kafka::EmbeddedBroker::sharedIfRunning())
            m_brokerAddress = QString::fromStdString(broker->bootstrapServers());
    drainTaps();
    if (!joined) {
        if (es == runtime::EngineState::Stopping && m_state != RunState::Stopping)
            setState(RunState::Stopping);
    }
    Q_EMIT ticked(m_sample);
    if (joined)
        finishRun();
    else
        Q_EMIT statusChanged(statusText());
}

void RunController::pollEvents()
{
    for (const runtime::EngineEvent& e : m_engine->pollEvents()) {
        switch (e.kind) {
        case runtime::EngineEvent::Kind::Error:
            addProblem(RunProblem::Severity::Error, e.nodeId, e.message, e.timeMs);
            break;
        case runtime::EngineEvent::Kind::Warning:
            addProblem(RunProblem::Severity::Warning, e.nodeId, e.message, e.timeMs);
            break;
        case runtime::EngineEvent::Kind::Info:
            addProblem(RunProblem::Severity::Info, e.nodeId, e.message, e.timeMs);
            break;
        case runtime::EngineEvent::Kind::StateChanged:
            break; // state() is polled
        }
    }
}

void RunController::drainTaps()
{
    for (auto& [key, open] : m_taps) {
        auto records = std::make_shared<std::vector<runtime::TappedRecord>>(open.tap->take());
        TapBatch b;
        b.port = open.port;
        b.schema = open.tap->schema();
        b.records = std::move(records);
        b.offered = open.tap->total();
        b.run = m_run;
        Q_EMIT tapBatch(b);
    }
}

void RunController::finishRun()
{
    m_timer->stop();
    switch (m_engine->state()) {
    case runtime::EngineState::Failed:
        m_outcome = RunOutcome::Failed;
        break;
    case runtime::EngineState::Stopped:
        m_outcome = RunOutcome::Stopped;
        break;
    default:
        m_outcome = RunOutcome::Finished;
        break;
    }
    m_injector->setActive(false);
    m_taps.clear();
    setState(RunState::Idle);
    Q_EMIT runEnded(m_outcome);
    if (m_restartWith) {
        runtime::PipelineSpec next = std::move(*m_restartWith);
        m_restartWith.reset();
        launch(next, StartFrom::LatestCheckpoint);
    }
}

void RunController::openTapNow(const runtime::PortRef& port, std::size_t capacity)
{
    auto tap = m_engine->openTap(port, capacity);
    if (!tap) {
        addProblem(RunProblem::Severity::Warning, port.node,
                   "inspect " + port.node + "." + port.port + ": " + tap.error().message, 0);
        return;
    }
    m_taps[tapKey(port)] = OpenTap{*tap, port};
}

int RunController::subscribeTap(const runtime::PortRef& port, std::size_t capacity)
{
    const int id = m_nextTapId++;
    m_tapSubs[id] = TapSub{port, capacity};
    const bool live = m_state == RunState::Running || m_state == RunState::Paused;
    if (live && !m_taps.count(tapKey(port))) openTapNow(port, capacity);
    return id;
}

void RunController::unsubscribeTap(int id)
{
    auto it = m_tapSubs.find(id);
    if (it == m_tapSubs.end()) return;
    const runtime::PortRef port = it->second.port;
    m_tapSubs.erase(it);
    for (const auto& [other, sub] : m_tapSubs)
        if (sub.port == port) return;                  // still wanted
    if (m_captureErrors && isErrorsPort(port)) return; // the DLQ capture keeps it
    // While starting, the engine belongs to the start worker: onStartFinished closes it then.
    if (m_state == RunState::Starting) return;
    if (m_taps.erase(tapKey(port)) && isRunning()) m_engine->closeTap(port);
}

RecordInjector* RunController::injector() const
{
    return m_injector.get();
}

} // namespace sw::app
