#pragma once
// The designer's only caller of runtime::Engine. Lives on the GUI thread; every command returns
// at once. Engine::start (validation, operator construction, file/Kafka setup) runs on a worker
// thread and reports back with a queued call; a 4 Hz QTimer reads snapshot()/pollEvents() and
// the taps (both never block on the pipeline) and emits one `ticked` per period. Nothing here
// waits for a runtime lock held longer than one batch copy, or for I/O.
//
// Integration points for the designer (MainWindow/canvas):
//  - isRunning() / runningChanged(bool): disable structural edits while a run is active.
//  - problems() / problemsChanged(): runtime errors and warnings with node ids (Problems dock).
//  - statusText() / statusChanged(): state, uptime, throughput, embedded broker address.
//  - subscribeTap()/tapBatch: bounded record copies of any output port (inspector, DLQ).
//  - checkpoints: start() resumes from the latest completed checkpoint of the pipeline's store
//    (checkpointStorePath) like `streamwright-run run`, or runs from scratch (StartFrom);
//    the figures come with every tick (MetricsSnapshot::checkpoints).
//  - setMetricsEndpoint(): the runs' metrics in Prometheus format on 127.0.0.1 (metricsUrl).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include <QObject>
#include <QString>

#include "exec/Engine.h"
#include "metrics/MetricsRates.h"
#include "metrics/Tap.h"
#include "model/PipelineSpec.h"
#include "validate/Validator.h"

class QTimer;

namespace sw::runtime {
class MetricsEndpoint;
}

namespace sw::app {

class RecordInjector;
class EngineInjector;

enum class RunState { Idle, Starting, Running, Paused, Stopping };
/// Where a run starts: the latest completed checkpoint (when there is one), or from scratch
/// (the checkpoint store is deleted first; `streamwright-run run --from-scratch`).
enum class StartFrom { LatestCheckpoint, Scratch };
/// How the last run ended.
enum class RunOutcome { None, Finished, Stopped, Failed, StartFailed };
QString toDisplayString(RunState s);
QString toDisplayString(RunOutcome o);

struct RunProblem {
    enum class Severity { Error, Warning, Info };
    Severity severity = Severity::Error;
    QString nodeId; ///< empty for pipeline-level problems
    QString message;
    std::int64_t timeMs = 0;
    int run = 0; ///< run number it belongs to
};

/// Records copied from one tapped output port during one tick.
struct TapBatch {
    runtime::PortRef port;
    runtime::Schema schema;
    std::shared_ptr<const std::vector<runtime::TappedRecord>> records;
    std::uint64_t offered = 0; ///< records that left the port since the tap opened (Tap::total)
    int run = 0;
};

class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(QObject* parent = nullptr);
    ~RunController() override; ///< cancels a running pipeline and joins it

    /// Base engine options for the next runs (batch size, channel capacity, overrides...).
    void setEngineOptions(runtime::EngineOptions options);
    /// Directory relative file paths of the pipeline resolve against (EngineOptions).
    void setDataDirectory(const QString& dir);
    QString dataDirectory() const;
    /// Tick period (100..1000 ms; default 250 ms = 4 Hz).
    void setTickIntervalMs(int ms);
    int tickIntervalMs() const;

    /// The checkpoint store of `pipeline`'s runs:
    /// <data directory>/<pipeline name>.data/checkpoints.sqlite (where `streamwright-run run`
    /// started in the data directory keeps it too).
    QString checkpointStorePath(const runtime::PipelineSpec& pipeline) const;
    /// From the next start on, serves the runs' metrics in Prometheus' text format on
    /// 127.0.0.1:`port` (0 = a free port); nullopt = none. The endpoint is started on the start
    /// worker (never on the GUI thread) and outlives a run, serving its final figures until the
    /// next start. A port that cannot be used is a warning problem; the run goes on.
    void setMetricsEndpoint(std::optional<int> port) { m_endpointPort = port; }
    /// The endpoint's URL (http://127.0.0.1:PORT/metrics), empty when none serves.
    QString metricsUrl() const { return m_metricsUrl; }

    // ---- commands: return at once ----
    /// Starts `pipeline` (only from Idle). False when a run is active.
    bool start(const runtime::PipelineSpec& pipeline, StartFrom from = StartFrom::LatestCheckpoint);
    void pause();
    void resume();
    void togglePause();
    /// Draining stop (Engine's drain timeout then cancels the rest).
    void stop();
    /// Immediate cancel.
    void cancel();
    /// Stops the current run (if any) and starts `pipeline` once it has ended.
    void restart(const runtime::PipelineSpec& pipeline);

    // ---- state ----
    RunState state() const { return m_state; }
    /// Starting, Running, Paused or Stopping: structural edits must wait.
    bool isRunning() const { return m_state != RunState::Idle; }
    RunOutcome lastOutcome() const { return m_outcome; }
    int runNumber() const { return m_run; }
    const runtime::PipelineSpec& pipeline() const { return m_pipeline; }
    /// Schemas of the running (or last) pipeline.
    const runtime::ValidationResult& validation() const { return m_validation; }
    const widgets::MetricsSample& lastSample() const { return m_sample; }
    std::int64_t uptimeMs() const { return m_sample.snapshot.uptimeMs; }
    /// Records per second leaving the sources (last tick).
    double throughput() const;
    /// The embedded Kafka broker's bootstrap address when the pipeline uses it, else empty.
    QString brokerAddress() const { return m_brokerAddress; }
    QString statusText() const;
    const std::vector<RunProblem>& problems() const { return m_problems; }
    void clearProblems();
    /// Ticks since construction (tests assert progress, never durations).
    std::uint64_t tickCount() const { return m_ticks; }

    // ---- taps ----
    /// Subscribes to copies of the records leaving `port` (bounded ring of `capacity`). The tap
    /// is opened now when running and again at every later run before its first record; data
    /// arrives through tapBatch. Several subscribers of one port share one tap.
    int subscribeTap(const runtime::PortRef& port, std::size_t capacity = 2000);
    void unsubscribeTap(int id);
    /// Feeds records back into the running pipeline (DLQ replay).
    RecordInjector* injector() const;
    /// Captures every node's `errors` output for the DLQ browser (default on; takes effect at
    /// the next start). The taps open before the first record flows.
    void setCaptureErrors(bool on) { m_captureErrors = on; }
    bool captureErrors() const { return m_captureErrors; }
    /// True when `port` is an `errors` output of the current pipeline.
    bool isErrorsPort(const runtime::PortRef& port) const;
    static std::vector<runtime::PortRef> errorPorts(const runtime::PipelineSpec& pipeline);

Q_SIGNALS:
    void stateChanged(sw::app::RunState state);
    void runningChanged(bool running);
    /// A run started (its taps are open): views reset per-run data.
    void runStarted(int run, const sw::runtime::PipelineSpec& pipeline);
    void runEnded(sw::app::RunOutcome outcome);
    /// One tick of metrics (4 Hz while a run is active, plus a final one when it ends).
    void ticked(const sw::widgets::MetricsSample& sample);
    void tapBatch(const sw::app::TapBatch& batch);
    void problemsChanged();
    void statusChanged(const QString& text);
    /// The metrics endpoint started, moved or stopped (empty = none).
    void metricsUrlChanged(const QString& url);

private:
    struct StartResult;
    struct TapSub {
        runtime::PortRef port;
        std::size_t capacity = 0;
    };
    struct OpenTap {
        std::shared_ptr<runtime::Tap> tap;
        runtime::PortRef port;
    };

    void setState(RunState s);
    void launch(const runtime::PipelineSpec& pipeline, StartFrom from);
    void onStartFinished(std::shared_ptr<StartResult> result);
    /// Problems and endpoint of a start (run/RunControllerStart.cpp).
    void reportStart(StartResult& r);
    void tick();
    void drainTaps();
    void pollEvents();
    void finishRun();
    void addProblem(RunProblem::Severity sev, const std::string& node, const std::string& msg,
                    std::int64_t timeMs);
    void openTapNow(const runtime::PortRef& port, std::size_t capacity);
    static std::string tapKey(const runtime::PortRef& p) { return p.node + "\n" + p.port; }

    std::unique_ptr<runtime::Engine> m_engine;
    /// Serves m_engine's snapshots (destroyed before it). Owned by the start worker while one
    /// runs (moved into it and back through StartResult).
    std::unique_ptr<runtime::MetricsEndpoint> m_endpoint;
    std::optional<int> m_endpointPort;
    QString m_metricsUrl;
    std::unique_ptr<EngineInjector> m_injector; // active while a run is Running/Paused
    runtime::EngineOptions m_options;
    runtime::PipelineSpec m_pipeline;
    runtime::ValidationResult m_validation;
    std::optional<runtime::PipelineSpec> m_restartWith;
    std::jthread m_starter;
    QTimer* m_timer = nullptr;
    RunState m_state = RunState::Idle;
    RunOutcome m_outcome = RunOutcome::None;
    bool m_stopAfterStart = false;
    bool m_cancelAfterStart = false;
    int m_run = 0;
    std::uint64_t m_ticks = 0;
    widgets::RateTracker m_rates;
    widgets::MetricsSample m_sample;
    QString m_brokerAddress;
    std::vector<RunProblem> m_problems;
    std::uint64_t m_droppedProblems = 0;
    std::map<int, TapSub> m_tapSubs;
    std::map<std::string, OpenTap> m_taps; // by tapKey, for the current run
    int m_nextTapId = 1;
    bool m_captureErrors = true;
};

} // namespace sw::app

Q_DECLARE_METATYPE(sw::app::TapBatch)
