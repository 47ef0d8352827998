// streamwright-run run FILE: runs a pipeline headless until its bounded inputs end, --events N,
// --duration D or Ctrl-C (first Ctrl-C stops with a checkpoint, a second one cancels). It resumes
// from the latest completed checkpoint in the data directory (docs/state-and-recovery.md) unless
// told otherwise.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "BrokerCommand.h"
#include "schema/SchemaRegistry.h"
#include "CommandSupport.h"
#include "Commands.h"
#include "RecordReplay.h"
#include "RunReport.h"
#include "catalog/Catalog.h"
#include "catalog/PipelineLoader.h"
#include "exec/Engine.h"
#include "metrics/PrometheusMetrics.h"
#include "state/CheckpointStore.h"
#include "types/Duration.h"
#include "validate/Validator.h"

namespace sw::cli {
namespace {

const char* kRunUsage = R"(Usage: streamwright-run run FILE [options]

Runs a pipeline until its bounded inputs end, a limit is reached, or Ctrl-C
(the first Ctrl-C stops: in-flight data reaches the sinks and open windows stay in the
checkpoint for the next run; a second one cancels).
  --events N        stop (as Ctrl-C) once the sources emitted at least N records
  --duration D      stop (as Ctrl-C) after D, e.g. "30 s", "5 min"
  --report FILE     write final metrics and errors as JSON
  --data-dir DIR    base directory for relative output/DLQ/state paths
                    (default: ./<pipeline name>.data)
  --brokers N       brokers in the embedded Kafka cluster started when Kafka
                    nodes name no bootstrap.servers (1..16, default 1)
  --metrics-port P  serve Prometheus metrics on http://127.0.0.1:P/metrics while
                    the pipeline runs (0 = a free port, printed at start)
  --from-scratch    discard the checkpoints in the data directory and start
                    from scratch (default: resume from the latest completed one)
  --from-checkpoint ID
                    resume from completed checkpoint ID
  --allow-non-restored-state
                    drop the state of nodes that were removed or changed
                    instead of refusing to start
  --quiet           no live status line
%s
Exit codes: 0 finished or stopped cleanly, 1 the pipeline failed,
            2 the file is unreadable or the pipeline has validation errors.
)";

std::atomic<int> g_interrupts{0};
extern "C" void onSigint(int)
{
    g_interrupts.fetch_add(1);
}

struct RunArgs {
    std::string file;
    std::uint64_t events = 0;
    std::int64_t durationMs = 0;
    std::string report;
    std::string dataDir;
    bool quiet = false;
    int brokers = 1;
    int metricsPort = -1; ///< -1 = no metrics endpoint
    bool fromScratch = false;
    std::int64_t fromCheckpoint = 0;
    bool allowNonRestoredState = false;
    RecordReplayArgs rr;
};

int parseArgs(int argc, char** argv, RunArgs& a)
{
    for (int i = 0; i < argc; ++i) {
        std::string s = argv[i];
        auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        if (s == "--help" || s == "-h") {
            std::printf(kRunUsage, kRecordReplayUsage);
            return 0;
        }
        if (int rc = parseRecordReplayArg("run", s, next, a.rr); rc != 0) {
            if (rc == 2) return 2;
        } else if (s == "--from-scratch") {
            a.fromScratch = true;
        } else if (s == "--allow-non-restored-state") {
            a.allowNonRestoredState = true;
        } else if (s == "--from-checkpoint") {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "run: --from-checkpoint needs a checkpoint id\n");
                return 2;
            }
            const std::string v = argv[++i];
            char* end = nullptr;
            const long long id = std::strtoll(v.c_str(), &end, 10);
            if (v.empty() || *end != '\0' || id <= 0) {
                std::fprintf(stderr, "run: --from-checkpoint needs a positive id, got '%s'\n",
                             v.c_str());
                return 2;
            }
            a.fromCheckpoint = id;
        } else if (s == "--quiet") {
            a.quiet = true;
        } else if (s == "--events" || s == "--duration" || s == "--report" || s == "--data-dir" ||
                   s == "--brokers" || s == "--metrics-port") {
            const char* v = next();
            if (!v) {
                std::fprintf(stderr, "run: %s needs a value\n", s.c_str());
                return 2;
            }
            if (s == "--events") {
                char* end = nullptr;
                long long n = std::strtoll(v, &end, 10);
                if (!end || *end || n <= 0) {
                    std::fprintf(stderr, "run: --events needs a positive integer, got '%s'\n", v);
                    return 2;
                }
                a.events = static_cast<std::uint64_t>(n);
            } else if (s == "--duration") {
                std::string err;
                auto d = runtime::parseDuration(v, &err);
                if (!d || *d <= 0) {
                    std::fprintf(stderr, "run: --duration: %s\n",
                                 d ? "must be positive" : err.c_str());
                    return 2;
                }
                a.durationMs = *d;
            } else if (s == "--brokers") {
                char* end = nullptr;
                long n = std::strtol(v, &end, 10);
                if (!end || *end || n < 1 || n > 16) {
                    std::fprintf(stderr, "run: --brokers needs an integer from 1 to 16, got '%s'\n",
                                 v);
                    return 2;
                }
                a.brokers = static_cast<int>(n);
            } else if (s == "--metrics-port") {
                char* end = nullptr;
                long n = std::strtol(v, &end, 10);
                if (!end || *end || n < 0 || n > 65535) {
                    std::fprintf(stderr,
                                 "run: --metrics-port needs a port from 0 to 65535, got '%s'\n", v);
                    return 2;
                }
                a.metricsPort = static_cast<int>(n);
            } else if (s == "--report") {
                a.report = v;
            } else {
                a.dataDir = v;
            }
        } else if (!s.empty() && s[0] == '-') {
            std::fprintf(stderr, "run: unknown option '%s' (see run --help)\n", s.c_str());
            return 2;
        } else if (a.file.empty()) {
            a.file = s;
        } else {
            std::fprintf(stderr, "run: only one FILE may be given\n");
            return 2;
        }
    }
    if (a.file.empty()) {
        std::fprintf(stderr, kRunUsage, kRecordReplayUsage);
        return 2;
    }
    return -1;
}

} // namespace

int runRunCommand(int argc, char** argv)
{
    RunArgs a;
    if (int rc = parseArgs(argc, argv, a); rc >= 0) return rc;
    auto loaded = loadPipelineOrReport(a.file);
    if (!loaded) return 2;
    applyParallelism(a.rr, *loaded);
    const runtime::PipelineSpec& pipeline = *loaded;
    const bool replay = !a.rr.replay.empty();
    a.dataDir = dataDirectoryFor(pipeline, a.dataDir);
    std::error_code ec;
    std::filesystem::create_directories(a.dataDir, ec);
    if (ec) {
        std::fprintf(stderr, "run: cannot create data directory %s: %s\n", a.dataDir.c_str(),
                     ec.message().c_str());
        return 2;
    }

    // Kafka: the embedded broker (when no bootstrap servers are named) with every topic created.
    // A replay opens no source: only its sinks may need a broker.
    auto kafka = KafkaRunInfo::prepare(replay ? withoutSources(pipeline) : pipeline, a.brokers);
    if (!kafka) {
        std::fprintf(stderr, "%s: %s\n", a.file.c_str(), kafka.error().message.c_str());
        return 2;
    }
    if (auto b = kafka->banner(); !b.empty()) {
        std::printf("%s\n", b.c_str());
        std::fflush(stdout);
    }
    runtime::EngineOptions opts;
    opts.dataDirectory = a.dataDir;
    if (a.fromScratch && a.fromCheckpoint > 0) {
        std::fprintf(stderr, "run: --from-scratch and --from-checkpoint exclude each other\n");
        return 2;
    }
    const std::string store =
        (std::filesystem::path(a.dataDir) / runtime::CheckpointStore::kFileName).string();
    if (replay) {
        // A replay starts from its recording, never from a checkpoint (EngineOptions::streamTime).
    } else if (a.fromScratch) {
        if (auto st = runtime::CheckpointStore::discard(store); !st) {
            std::fprintf(stderr, "run: %s\n", st.message().c_str());
            return 2;
        }
    } else {
        opts.restore = a.fromCheckpoint > 0 ? runtime::EngineOptions::Restore::Checkpoint
                                            : runtime::EngineOptions::Restore::Latest;
        opts.restoreCheckpointId = a.fromCheckpoint;
    }
    opts.allowNonRestoredState = a.allowNonRestoredState;
    // The pipeline's restart_strategy (default Flink's: 3 attempts, 1 s apart), retention and
    // tolerable checkpoint failures.
    runtime::applyPipelineSettings(opts, pipeline.settings);
    std::unique_ptr<runtime::RecordingSession> recording;
    if (!setUpRecordReplay(a.rr, pipeline, opts, recording)) return 2;
    runtime::Engine engine;
    if (auto st = engine.start(pipeline, opts); !st) {
        std::fprintf(stderr, "%s: %s\n", a.file.c_str(), st.message().c_str());
        return 2;
    }
    if (recording) {
        if (auto st = recording->writeManifest(pipeline.settings.name); !st)
            std::fprintf(stderr, "record: %s\n", st.message().c_str());
        std::printf("recording into %s\n", recording->dir().c_str());
    }
    if (replay)
        std::printf("replaying %s (recorded processing time)\n", a.rr.replay.c_str());
    else if (engine.restoredCheckpoint() > 0)
        std::printf("resumed from checkpoint %lld (%s)\n",
                    static_cast<long long>(engine.restoredCheckpoint()), store.c_str());
    else
        std::printf("starting from scratch (no completed checkpoint in %s)\n", store.c_str());
    // avro-confluent nodes without schema_registry_url started the embedded registry.
    if (auto reg = runtime::schema::SchemaRegistry::sharedIfRunning())
        std::printf("Schema Registry: %s (embedded, schemas in %s)\n", reg->url().c_str(),
                    (std::filesystem::path(a.dataDir) / reg->kStoreFile).c_str());
    std::fflush(stdout);
    std::unique_ptr<runtime::MetricsEndpoint> metrics;
    if (a.metricsPort >= 0) {
        auto ep = runtime::MetricsEndpoint::start(a.metricsPort, pipeline.settings.name,
                                                  [&engine] { return engine.snapshot(); });
        if (!ep) {
            std::fprintf(stderr, "run: %s\n", ep.error().message.c_str());
            engine.stop(runtime::StopMode::Cancel);
            engine.wait(-1);
            return 2;
        }
        metrics = std::move(*ep);
        std::printf("Metrics: %s\n", metrics->url().c_str());
        std::fflush(stdout);
    }
    std::signal(SIGINT, onSigint);
    std::signal(SIGTERM, onSigint);
    const bool live = !a.quiet && isatty(STDERR_FILENO);
    StatusLine status(pipeline, live);
    RunLog log;
    int seenInterrupts = 0;
    bool stopRequested = false;
    auto t0 = std::chrono::steady_clock::now();
    while (true) {
        bool done = engine.wait(250);
        for (auto& e : engine.pollEvents())
            log.add(e, status);
        auto snap = engine.snapshot();
        kafka->refresh();
        status.setExtra(kafka->statusSuffix());
        status.update(snap);
        if (done) break;
        auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - t0)
                           .count();
        int irq = g_interrupts.load();
        if (irq > seenInterrupts) {
            seenInterrupts = irq;
            status.message(irq == 1 ? "interrupted: stopping (Ctrl-C again to cancel)"
                                    : "cancelling");
            engine.stop(irq == 1 ? runtime::StopMode::Drain : runtime::StopMode::Cancel);
            stopRequested = true;
        } else if (!stopRequested &&
                   ((a.durationMs > 0 && elapsed >= a.durationMs) ||
                    (a.events > 0 && sourceRecords(snap, pipeline) >= a.events))) {
            engine.stop(runtime::StopMode::Drain);
            stopRequested = true;
        }
    }
    for (auto& e : engine.pollEvents())
        log.add(e, status);
    auto final = engine.snapshot();
    status.finish(final);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    printSummary(final, pipeline, a.dataDir);
    if (recording) {
        const std::string err = recording->error();
        std::printf("recorded %llu records (%llu bytes) into %s%s\n",
                    static_cast<unsigned long long>(recording->records()),
                    static_cast<unsigned long long>(recording->bytes()), recording->dir().c_str(),
                    recording->limited() ? " (stopped at its limit)" : "");
        if (!err.empty()) {
            std::fprintf(stderr, "record: %s\n", err.c_str());
            return 1;
        }
    }
    if (!a.report.empty()) {
        if (auto st =
                writeReport(a.report, a.file, a.dataDir, pipeline, final, log, kafka->report());
            !st) {
            std::fprintf(stderr, "run: %s\n", st.message().c_str());
            return 1;
        }
    }
    return final.state == runtime::EngineState::Failed || log.hasErrors() ? 1 : 0;
}

} // namespace sw::cli
