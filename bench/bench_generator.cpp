// Generator throughput per core (issue 3, connectors):
//  - fill: EventGenerator::fill() alone (one row per event, recycled row buffers);
//  - poll: GeneratorSource::poll() as the engine calls it (share, duplicate/malformed decisions,
//    event time, emit into a Collector whose port discards), unthrottled;
//  - hand-written loop producing the same orders rows (checked equal first), and a plain-struct
//    loop with the same arithmetic as a lower bound.
// Usage: bench_generator [events]   Prints figures; asserts nothing.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "catalog/Catalog.h"
#include "connectors/generator/EventGenerator.h"
#include "connectors/generator/GeneratorSource.h"
#include "connectors/generator/ZipfSampler.h"
#include "exec/Collector.h"
#include "exec/OperatorContext.h"

using namespace sw::runtime;

namespace {

volatile std::uint64_t g_sink = 0;

/// CPU time of this thread (not wall time: the figures are per busy core even on a loaded box).
double threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

template <typename F> double bestNsPerEvent(std::uint64_t n, F&& run)
{
    double best = 1e30;
    for (int rep = 0; rep < 5; ++rep) {
        double t0 = threadCpuNs();
        run(n);
        double ns = (threadCpuNs() - t0) / static_cast<double>(n);
        if (ns < best) best = ns;
    }
    return best;
}

GeneratorConfig config(const std::string& kind, const std::string& stream, double dup = 0,
                       double bad = 0)
{
    GeneratorConfig c;
    c.kind = kind;
    c.nexmarkStream = stream;
    c.eventsPerSecond = 0;
    c.keyCardinality = 10000;
    c.keySkew = 1.0;
    c.duplicateRatio = dup;
    c.malformedRatio = bad;
    c.seed = 42;
    return c;
}

double fillNs(const GeneratorConfig& c, std::uint64_t n)
{
    auto gen = std::move(*EventGenerator::create(c));
    Row row;
    return bestNsPerEvent(n, [&](std::uint64_t count) {
        for (std::uint64_t i = 0; i < count; ++i)
            gen->fill(i, gen->eventTime(i), row);
        g_sink = g_sink + static_cast<std::uint64_t>(row[0].asInt());
    });
}

double pollNs(const GeneratorConfig& c, std::uint64_t n)
{
    return bestNsPerEvent(n, [&](std::uint64_t count) {
        GeneratorConfig cc = c;
        cc.totalEvents = count;
        GeneratorSource src(std::move(*EventGenerator::create(cc)), 0, 1);
        SubtaskCounters counters;
        std::vector<OutputPort> ports(2); // unconnected: emit swaps into a discard slot
        Collector out("gen", std::move(ports), 1, &counters);
        Schema s = src.generator().schema();
        OperatorContext ctx("gen", 0, 1, {}, {s, errorSchema()}, counters);
        src.open(ctx);
        while (src.poll(out, 512) != SourceStatus::End) {
        }
        g_sink = g_sink + src.emitted();
    });
}

constexpr std::uint64_t kFieldSalt = 0x6669656c64730001ULL; // EventGenerator's field stream
constexpr const char* kCategories[] = {"electronics", "books",  "clothing", "home",
                                       "toys",        "sports", "grocery",  "beauty"};

/// The orders rows written by hand: same randomness, same values, no virtual calls.
void handOrders(std::uint64_t begin, std::uint64_t count, Row& row, const gen::ZipfSampler& zipf,
                std::int64_t start, const std::function<void(const Row&)>& check = nullptr)
{
    const gen::HashStream fields(42, kFieldSalt);
    for (std::uint64_t i = begin; i < begin + count; ++i) {
        gen::EventRng rng(fields.at(i));
        row.resize(5);
        row[0] = Value::integer(static_cast<std::int64_t>(i + 1));
        row[1] = Value::integer(static_cast<std::int64_t>(zipf.sample(rng)));
        row[2] = Value::decimal(rng.between(100, 50000), 2);
        row[3].assignString(kCategories[rng.below(8)]);
        row[4] = Value::timestamp(start + static_cast<std::int64_t>(i));
        if (check) check(row);
    }
}

struct PlainOrder {
    std::int64_t id, customer, cents;
    const char* category;
    std::int64_t time;
};

} // namespace

int main(int argc, char** argv)
{
    const std::uint64_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 5000000;
    (void)Catalog::instance();
    std::printf(
        "generator throughput per busy core (thread CPU time), %llu events per run, best of 5\n\n",
        static_cast<unsigned long long>(n));
    std::printf("%-22s %12s %14s %12s %14s\n", "stream", "fill ns/ev", "fill ev/s", "poll ns/ev",
                "poll ev/s");
    struct Case {
        const char* label;
        GeneratorConfig c;
    };
    const Case cases[] = {
        {"orders", config("orders", "bid")},
        {"orders +1% dup +0.1% bad", config("orders", "bid", 0.01, 0.001)},
        {"clickstream", config("clickstream", "bid")},
        {"iot", config("iot", "bid")},
        {"nexmark bid", config("nexmark", "bid")},
        {"nexmark auction", config("nexmark", "auction")},
        {"nexmark person", config("nexmark", "person")},
    };
    for (const Case& k : cases) {
        double f = fillNs(k.c, n), p = pollNs(k.c, n);
        std::printf("%-22s %12.1f %14.0f %12.1f %14.0f\n", k.label, f, 1e9 / f, p, 1e9 / p);
    }

    // Hand-written orders loop: first prove it produces the generator's rows.
    GeneratorConfig oc = config("orders", "bid");
    auto gen = std::move(*EventGenerator::create(oc));
    gen::ZipfSampler zipf(oc.keyCardinality, oc.keySkew);
    Row mine, theirs;
    std::uint64_t idx = 0, mismatches = 0;
    handOrders(0, 100000, mine, zipf, oc.startTimeMs, [&](const Row& r) {
        gen->fill(idx, gen->eventTime(idx), theirs);
        mismatches += r != theirs;
        ++idx;
    });
    double hand = bestNsPerEvent(n, [&](std::uint64_t count) {
        handOrders(0, count, mine, zipf, oc.startTimeMs);
        g_sink = g_sink + static_cast<std::uint64_t>(mine[0].asInt());
    });
    std::vector<PlainOrder> plain(1024);
    double plainNs = bestNsPerEvent(n, [&](std::uint64_t count) {
        const gen::HashStream fields(42, kFieldSalt);
        for (std::uint64_t i = 0; i < count; ++i) {
            gen::EventRng rng(fields.at(i));
            PlainOrder& o = plain[i & 1023];
            o.id = static_cast<std::int64_t>(i + 1);
            o.customer = static_cast<std::int64_t>(zipf.sample(rng));
            o.cents = rng.between(100, 50000);
            o.category = kCategories[rng.below(8)];
            o.time = oc.startTimeMs + static_cast<std::int64_t>(i);
        }
        g_sink = g_sink + static_cast<std::uint64_t>(plain[5].cents);
    });
    const double genFill = fillNs(oc, n), genPoll = pollNs(oc, n);
    std::printf("\norders, hand-written loop into the same Row (checked: %llu mismatches in 100000 "
                "rows): %.1f ns/ev, %.0f ev/s\n",
                static_cast<unsigned long long>(mismatches), hand, 1e9 / hand);
    std::printf("orders, plain-struct loop (lower bound, no Row/Value): %.1f ns/ev, %.0f ev/s\n",
                plainNs, 1e9 / plainNs);
    std::printf("ratio generator fill / hand loop: %.2f   generator poll / hand loop: %.2f (1.0 = "
                "as fast)\n",
                hand / genFill, hand / genPoll);
    return mismatches == 0 ? 0 : 1;
}
