// GUI responsiveness while a pipeline runs flat out (issue 6):
//  - GUI event-loop latency p50/p99: a probe thread posts a queued call every 5 ms; the delay
//    until the GUI thread runs it is the time an event waits in the loop;
//  - CPU taken by the GUI thread (thread CPU time / wall time, and share of the process CPU);
//  - pipeline throughput with the GUI attached (designer canvas with overlays, Metrics dock,
//    DLQ browser) versus headless (Engine alone), alternated; and with an inspector open on the
//    first edge too (its tap copies every record crossing the edge);
//  - GUI-thread CPU per metrics update (4 Hz tick: snapshot, rates, charts, overlay repaint,
//    inspector and DLQ rows), against the baseline of the RunController alone (same ticks,
//    snapshot and taps, no views), and as a share of the 250 ms tick period.
// Usage: bench_gui_run [--seconds N] [--rounds R] [--pipeline FILE]   (run under xvfb-run or
// QT_QPA_PLATFORM=offscreen). Prints figures; asserts nothing.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>
#include <vector>

#include <sys/resource.h>

#include <QApplication>
#include <QDockWidget>
#include <QEventLoop>
#include <QMainWindow>
#include <QTemporaryDir>
#include <QTimer>

#include "canvas/NodeCanvas.h"
#include "canvas/PipelineScene.h"
#include "catalog/Catalog.h"
#include "catalog/PipelineLoader.h"
#include "document/Document.h"
#include "exec/Engine.h"
#include "run/RunAndDebug.h"
#include "run/RunController.h"

using namespace sw;
using Clock = std::chrono::steady_clock;

namespace {

double threadCpuSec()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double processCpuSec()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    auto tv = [](timeval t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return tv(ru.ru_utime) + tv(ru.ru_stime);
}

std::uint64_t sourceRecords(const runtime::MetricsSnapshot& s, const runtime::PipelineSpec& p)
{
    std::uint64_t n = 0;
    for (const auto& node : p.nodes)
        if (const auto* t = runtime::Catalog::instance().find(node.type); t && t->isSource())
            if (const auto* m = s.node(node.id)) n += m->recordsOut;
    return n;
}

/// Runs the GUI event loop for `ms` (blocking in the loop like a real application; a
/// processEvents() spin would burn the GUI thread's core and inflate every figure).
void waitEvents(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/// Records/s of the sources over `seconds` after a 1 s warm-up, engine alone.
double headless(const runtime::PipelineSpec& p, int seconds)
{
    QTemporaryDir dir;
    runtime::Engine engine;
    runtime::EngineOptions opts;
    opts.dataDirectory = dir.path().toStdString();
    if (auto st = engine.start(p, opts); !st) {
        std::fprintf(stderr, "headless start failed: %s\n", st.message().c_str());
        return 0;
    }
    std::this_thread::sleep_for(std::chrono::seconds(1));
    const auto a = engine.snapshot();
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    const auto b = engine.snapshot();
    engine.stop(runtime::StopMode::Cancel);
    engine.wait(-1);
    return double(sourceRecords(b, p) - sourceRecords(a, p)) /
           (double(b.takenAtMs - a.takenAtMs) / 1000.0);
}

struct GuiResult {
    double throughput = 0;
    double cpuPerTickMs = 0; ///< GUI-thread CPU per metrics tick
    std::uint64_t ticks = 0;
    double p50 = 0, p99 = 0, max = 0;
    double guiCpuShareOfCore = 0;
    double guiCpuShareOfProcess = 0;
    std::size_t probes = 0;
};

/// `views`: the full designer window; else the RunController alone (the baseline of GUI-thread
/// cost per tick: same 4 Hz snapshot, rates and error taps, nothing drawn). `inspect`: an
/// inspector on the first edge as well.
GuiResult withGui(const runtime::PipelineSpec& p, int seconds, bool views, bool inspect = false)
{
    GuiResult r;
    app::Document doc; // outlives the window: the canvas reads it while the scene goes away
    doc.reset(p, QString());
    QMainWindow window;
    QTemporaryDir dir;
    app::RunController bare;
    app::RunController* c = &bare;
    if (views) {
        auto* scene = new widgets::PipelineScene(&doc, &window);
        scene->setCanvasStyle(widgets::CanvasStyle::fromPalette(window.palette()));
        auto* canvas = new widgets::NodeCanvas(scene, &window);
        window.setCentralWidget(canvas);
        app::RunAndDebug::Hooks hooks;
        hooks.pipeline = [&doc] { return doc.pipeline(); };
        hooks.dataDirectory = [&dir] { return dir.path(); };
        hooks.scene = scene;
        app::RunAndDebug* rd = app::installRunAndDebug(&window, hooks);
        window.resize(1600, 1000);
        window.show();
        if (inspect && !p.edges.empty()) rd->inspect(p.edges.front());
        rd->run();
        c = rd->controller();
    } else {
        bare.setDataDirectory(dir.path());
        bare.start(p);
    }
    while (c->state() == app::RunState::Starting)
        waitEvents(10);
    if (c->state() != app::RunState::Running) {
        std::fprintf(stderr, "GUI start failed\n");
        return r;
    }
    waitEvents(1000);

    // Probe: queued calls from another thread, each stamped when posted.
    QObject sink;
    std::vector<double> delaysMs;
    delaysMs.reserve(std::size_t(seconds) * 250);
    std::atomic<bool> probing{true};
    std::thread probe([&] {
        while (probing.load()) {
            const auto posted = Clock::now();
            QMetaObject::invokeMethod(
                &sink,
                [&delaysMs, posted] {
                    delaysMs.push_back(
                        std::chrono::duration<double, std::milli>(Clock::now() - posted).count());
                },
                Qt::QueuedConnection);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    const auto a = c->lastSample().snapshot;
    const std::uint64_t ticks0 = c->tickCount();
    const double cpu0 = threadCpuSec(), proc0 = processCpuSec();
    const auto t0 = Clock::now();
    waitEvents(seconds * 1000);
    const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
    const double cpu1 = threadCpuSec(), proc1 = processCpuSec();
    const auto b = c->lastSample().snapshot;
    probing = false;
    probe.join();
    waitEvents(50);

    r.throughput = double(sourceRecords(b, p) - sourceRecords(a, p)) /
                   (double(b.takenAtMs - a.takenAtMs) / 1000.0);
    r.ticks = c->tickCount() - ticks0;
    r.cpuPerTickMs = r.ticks ? (cpu1 - cpu0) * 1000.0 / double(r.ticks) : 0.0;
    r.guiCpuShareOfCore = (cpu1 - cpu0) / wall;
    r.guiCpuShareOfProcess = (cpu1 - cpu0) / std::max(1e-9, proc1 - proc0);
    std::sort(delaysMs.begin(), delaysMs.end());
    r.probes = delaysMs.size();
    if (!delaysMs.empty()) {
        r.p50 = delaysMs[delaysMs.size() / 2];
        r.p99 = delaysMs[std::min(delaysMs.size() - 1, delaysMs.size() * 99 / 100)];
        r.max = delaysMs.back();
    }
    c->stop();
    while (c->isRunning())
        waitEvents(10);
    return r;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication qapp(argc, argv);
    int seconds = 10;
    int rounds = 2;
    QString file = QStringLiteral(SW_SOURCE_DIR "/examples/orders.pipeline.json");
    const QStringList args = QApplication::arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == "--seconds") seconds = args[i + 1].toInt();
        if (args[i] == "--rounds") rounds = args[i + 1].toInt();
        if (args[i] == "--pipeline") file = args[i + 1];
    }
    auto loaded = runtime::loadPipelineFile(file.toStdString());
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().toString().c_str());
        return 1;
    }
    runtime::PipelineSpec p = *loaded;
    for (auto& n : p.nodes)
        if (n.type == "generator") {
            n.properties["events_per_second"] = 0; // flat out
            n.properties["total_events"] = 0;
        }
    std::printf(
        "bench_gui_run: %s flat out, %d s per measurement, %d rounds, %u hardware threads\n",
        qPrintable(file), seconds, rounds, std::thread::hardware_concurrency());
    double hSum = 0, gSum = 0, iSum = 0, tickViews = 0, tickBare = 0, p99Sum = 0;
    for (int round = 1; round <= rounds; ++round) {
        const double h = headless(p, seconds);
        const GuiResult g = withGui(p, seconds, true);
        const GuiResult i = withGui(p, seconds, true, true);
        const GuiResult b = withGui(p, seconds, false);
        hSum += h;
        gSum += g.throughput;
        iSum += i.throughput;
        p99Sum += g.p99;
        tickViews += g.cpuPerTickMs;
        tickBare += b.cpuPerTickMs;
        std::printf(
            "round %d: headless %.0f rec/s | GUI %.0f rec/s (ratio %.3f) | event-loop latency "
            "p50 %.2f ms p99 %.2f ms max %.2f ms (%zu probes) | GUI thread CPU %.1f %% of a core, "
            "%.1f %% of process CPU\n",
            round, h, g.throughput, h > 0 ? g.throughput / h : 0.0, g.p50, g.p99, g.max, g.probes,
            g.guiCpuShareOfCore * 100, g.guiCpuShareOfProcess * 100);
        std::printf("         with an inspector on the first edge: %.0f rec/s (ratio %.3f), "
                    "latency p99 %.2f ms, %.2f ms GUI CPU per update\n",
                    i.throughput, h > 0 ? i.throughput / h : 0.0, i.p99, i.cpuPerTickMs);
        std::printf(
            "         GUI-thread CPU per update: views %.2f ms (%llu ticks) vs controller "
            "alone %.2f ms (%llu ticks), ratio %.2f; controller-alone p99 latency %.2f ms\n",
            g.cpuPerTickMs, static_cast<unsigned long long>(g.ticks), b.cpuPerTickMs,
            static_cast<unsigned long long>(b.ticks),
            b.cpuPerTickMs > 0 ? g.cpuPerTickMs / b.cpuPerTickMs : 0.0, b.p99);
        std::fflush(stdout);
    }
    std::printf("mean: headless %.0f rec/s, GUI %.0f rec/s, ratio %.3f (target >= 0.9); with an "
                "inspector %.0f rec/s, ratio %.3f; mean p99 latency %.2f ms (target < 16 ms)\n",
                hSum / rounds, gSum / rounds, hSum > 0 ? gSum / hSum : 0.0, iSum / rounds,
                hSum > 0 ? iSum / hSum : 0.0, p99Sum / rounds);
    std::printf("mean GUI-thread CPU per update: %.2f ms with views = %.1f %% of the 250 ms tick "
                "(controller alone %.2f ms; ratio %.2f)\n",
                tickViews / rounds, tickViews / rounds / 250.0 * 100, tickBare / rounds,
                tickBare > 0 ? tickViews / tickBare : 0.0);
    return 0;
}
