// Checkpoint size, snapshot (synchronous copy), store write, load and restore time for window
// state with many keys (issue 12): a tumbling window operator holding N keys (default 1M) over
// 2 open windows, COUNT(*) + SUM(BIGINT) + MAX(STRING); snapshotState -> CheckpointStore::write ->
// load -> restoreState into a fresh operator, checked to hold the same keys.
// The checkpoint itself (snapshot + store write) is repeated `reps` times (default 21) with the
// store's retention of 3, for p50 and p99 (with 21 samples p99 is the slowest).
// Usage: bench_checkpoint [keys] [dir] [reps]   Prints figures; asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "catalog/Catalog.h"
#include "exec/Collector.h"
#include "exec/OperatorContext.h"
#include "exec/OperatorRegistry.h"
#include "operators/windows/TimeWindowOperator.h"
#include "state/CheckpointStore.h"

using namespace sw::runtime;

namespace {
double msSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

/// CPU time of this thread in ms (the figures stay meaningful on a loaded machine).
double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Instance {
    std::vector<Schema> inputs, outputs;
    SubtaskCounters counters;
    std::unique_ptr<OperatorContext> ctx;
    std::unique_ptr<Operator> op;
};

std::unique_ptr<Instance> build(const NodeSpec& n)
{
    auto in = std::make_unique<Instance>();
    Schema s;
    s.add("k", DataType::bigint());
    s.add("v", DataType::bigint());
    s.add("name", DataType::string());
    s.add("ts", DataType::timestamp());
    s.setRowtime("ts");
    in->inputs = {s};
    Diagnostics d;
    in->outputs = Catalog::instance().deriveSchemas(n, {&in->inputs[0]}, d);
    const NodeType* t = Catalog::instance().find(n.type);
    OperatorSpec spec{n, *t, in->inputs, in->outputs, 0, 1, {}};
    auto op = (*builtinOperators().find(n.type))(spec);
    if (!op) {
        std::fprintf(stderr, "%s\n", op.error().message.c_str());
        std::exit(1);
    }
    in->op = std::move(*op);
    in->ctx = std::make_unique<OperatorContext>("w", 0, 1, in->inputs, in->outputs, in->counters);
    (void)in->op->open(*in->ctx);
    return in;
}
} // namespace

int main(int argc, char** argv)
{
    const std::size_t keys = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    const std::string dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path().string();
    const int reps = argc > 3 ? std::max(1, std::atoi(argv[3])) : 21;
    NodeSpec n;
    n.id = "w";
    n.type = "tumbling-window";
    n.properties = {{"size", "1 min"},
                    {"keys", {"k"}},
                    {"aggregates",
                     {{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}},
                      {{"function", "SUM"}, {"column", "v"}, {"as", "sv"}},
                      {{"function", "MAX"}, {"column", "name"}, {"as", "mx"}}}}};
    auto a = build(n);
    std::vector<OutputPort> ports(2);
    SubtaskCounters oc;
    Collector out("w", std::move(ports), 1, &oc);
    auto t0 = std::chrono::steady_clock::now();
    double c0 = cpuMs();
    RecordBatch batch;
    for (std::size_t i = 0; i < 2 * keys; ++i) { // two windows, every key in each
        Record& r = batch.appendSlot();
        const EventTime ts = 60000 * static_cast<EventTime>(i / keys);
        r.row = {Value::integer(static_cast<std::int64_t>(i % keys)),
                 Value::integer(static_cast<std::int64_t>(i)),
                 Value::string("name-" + std::to_string(i % 977)), Value::timestamp(ts)};
        r.timestamp = ts;
        if (batch.size() == 512) {
            a->op->processBatch(0, batch, out);
            batch.clear();
        }
    }
    a->op->processBatch(0, batch, out);
    const double buildCpu = cpuMs() - c0;
    std::printf("state: %zu keys x 2 windows, built from %zu records in %.0f ms (CPU %.0f ms)\n",
                keys, 2 * keys, msSince(t0), buildCpu);

    const std::string path = dir + "/bench_checkpoint.sqlite";
    (void)CheckpointStore::discard(path);
    auto store = CheckpointStore::open(path);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        return 1;
    }
    std::vector<double> snapMs, snapCpu, writeMs, totalMs;
    std::size_t bytes = 0;
    std::int64_t lastId = 0;
    for (int rep = 1; rep <= reps; ++rep) {
        t0 = std::chrono::steady_clock::now();
        c0 = cpuMs();
        BlobStateWriter w;
        a->op->snapshotState(rep, w);
        snapMs.push_back(msSince(t0));
        snapCpu.push_back(cpuMs() - c0);
        bytes = 0;
        for (const auto& [k, b] : w.blobs())
            bytes += b.size();
        CheckpointData c;
        c.id = rep;
        c.subtasks.push_back({"w", 0, std::move(w.blobs()), 0});
        const auto w0 = std::chrono::steady_clock::now();
        if (Status s = (*store)->write(c); !s) {
            std::fprintf(stderr, "%s\n", s.message().c_str());
            return 1;
        }
        writeMs.push_back(msSince(w0));
        totalMs.push_back(msSince(t0));
        lastId = rep;
    }
    auto pct = [](std::vector<double> v, double q) {
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1,
                          static_cast<std::size_t>(q * static_cast<double>(v.size())))];
    };
    std::printf("snapshot (synchronous copy): p50 %.0f ms, p99 %.0f ms (CPU p50 %.0f ms), %.1f MB "
                "(%.1f bytes per key and window)\n",
                pct(snapMs, 0.5), pct(snapMs, 0.99), pct(snapCpu, 0.5),
                static_cast<double>(bytes) / 1e6,
                static_cast<double>(bytes) / static_cast<double>(2 * keys));
    std::printf("store write (asynchronous phase, synchronous=FULL): p50 %.0f ms, p99 %.0f ms, "
                "file %.1f MB (3 retained)\n",
                pct(writeMs, 0.5), pct(writeMs, 0.99),
                static_cast<double>(std::filesystem::file_size(path)) / 1e6);
    std::printf("checkpoint (snapshot + write) over %d: p50 %.0f ms, p99 %.0f ms\n", reps,
                pct(totalMs, 0.5), pct(totalMs, 0.99));
    const double snapCpuP50 = pct(snapCpu, 0.5);

    t0 = std::chrono::steady_clock::now();
    c0 = cpuMs();
    auto loaded = (*store)->load(lastId);
    const double loadMs = msSince(t0), loadCpu = cpuMs() - c0;
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().message.c_str());
        return 1;
    }
    auto b = build(n);
    t0 = std::chrono::steady_clock::now();
    c0 = cpuMs();
    BlobStateReader reader(&loaded->subtasks[0].blobs);
    b->op->restoreState(reader);
    const double restoreMs = msSince(t0), restoreCpu = cpuMs() - c0;
    std::printf("restore: load + verify %.0f ms (CPU %.0f), restoreState %.0f ms (CPU %.0f), "
                "total %.0f ms (CPU %.0f)\n",
                loadMs, loadCpu, restoreMs, restoreCpu, loadMs + restoreMs, loadCpu + restoreCpu);
    std::printf("ratios (CPU): snapshot / building the state %.2f, restore / building %.2f\n",
                snapCpuP50 / buildCpu, (loadCpu + restoreCpu) / buildCpu);
    const auto* tw = dynamic_cast<TimeWindowOperator*>(b->op.get());
    std::printf("restored windows: %zu (expected 2)\n", tw ? tw->windowCount() : 0);
    (void)CheckpointStore::discard(path);
    return 0;
}
