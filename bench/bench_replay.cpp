// Record and replay (issue 17, docs/recording.md) on the orders example (generator -> dedup ->
// 5-minute window -> SQLite, DLQ), unthrottled, run to the end of N events in-process:
//  - original: the pipeline on its generator source;
//  - recording overhead: the same run with --record's recorder on every source (process CPU
//    time, target <= 15%);
//  - replay throughput: the recording replayed (stream time) vs the original run's records per
//    wall second (target ratio >= 0.8).
// Usage: bench_replay [events] [parallelism]   Prints figures; asserts nothing.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "catalog/PipelineLoader.h"
#include "exec/Engine.h"
#include "replay/ReplaySource.h"
#include "replay/SourceRecording.h"

using namespace sw::runtime;

namespace {

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

struct Figures {
    double wall = 0, cpu = 0;
    std::uint64_t records = 0;
};

Figures run(const PipelineSpec& p, EngineOptions o)
{
    Figures f;
    Engine e;
    const double c0 = cpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    if (auto st = e.start(p, std::move(o)); !st) {
        std::fprintf(stderr, "start: %s\n", st.message().c_str());
        std::exit(1);
    }
    e.wait(-1);
    f.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    f.cpu = cpuSeconds() - c0;
    for (const auto& ev : e.pollEvents())
        if (ev.kind == EngineEvent::Kind::Error)
            std::fprintf(stderr, "error in %s: %s\n", ev.nodeId.c_str(), ev.message.c_str());
    if (const auto* n = e.snapshot().node("revenue")) f.records = n->recordsIn;
    return f;
}

} // namespace

int main(int argc, char** argv)
{
    const long long events = argc > 1 ? std::atoll(argv[1]) : 400000;
    const int parallelism = argc > 2 ? std::atoi(argv[2]) : 2;
    auto loaded = loadPipelineFile(std::string(SW_SOURCE_DIR) + "/examples/orders.pipeline.json");
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().toString().c_str());
        return 1;
    }
    PipelineSpec p = *loaded;
    p.settings.parallelism = parallelism;
    for (NodeSpec& n : p.nodes)
        if (n.id == "orders") {
            n.properties["events_per_second"] = 0;
            n.properties["total_events"] = events;
        }
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "sw_bench_replay";
    fs::remove_all(dir);
    auto options = [&](const std::string& sub) {
        EngineOptions o;
        o.dataDirectory = (dir / sub).string();
        fs::create_directories(o.dataDirectory);
        o.checkpointIntervalMs = 0;
        return o;
    };
    // Warm-up (page cache, allocator), then the measured runs.
    run(p, options("warm"));
    const Figures original = run(p, options("original"));
    RecordingSession rec((dir / "recording").string(), {}, SystemClock::instance().nowMs());
    if (!rec.prepare()) return 1;
    EngineOptions ro = options("recorded");
    ro.sourceRecorders = rec.factory();
    const Figures recorded = run(p, std::move(ro));
    (void)rec.writeManifest(p.settings.name);
    EngineOptions po = options("replayed");
    if (auto st = applyReplay(rec.dir(), p, po); !st) {
        std::fprintf(stderr, "replay: %s\n", st.message().c_str());
        return 1;
    }
    const Figures replayed = run(p, std::move(po));

    auto line = [](const char* what, const Figures& f) {
        std::printf("%-10s %9llu records  %7.3f s wall  %7.3f s CPU  %10.0f records/s\n", what,
                    static_cast<unsigned long long>(f.records), f.wall, f.cpu,
                    static_cast<double>(f.records) / f.wall);
    };
    std::printf("orders example, %lld events, parallelism %d\n", events, parallelism);
    line("original", original);
    line("recorded", recorded);
    line("replayed", replayed);
    std::printf("recording: %llu records, %.1f MB; CPU overhead %+.1f%% (target <= 15%%)\n",
                static_cast<unsigned long long>(rec.records()),
                static_cast<double>(rec.bytes()) / 1e6,
                (recorded.cpu / original.cpu - 1.0) * 100.0);
    std::printf("replay throughput / original: %.2f (target >= 0.8)\n",
                (static_cast<double>(replayed.records) / replayed.wall) /
                    (static_cast<double>(original.records) / original.wall));
    fs::remove_all(dir);
    return 0;
}
