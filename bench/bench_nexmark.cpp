// Nexmark-style benchmarks of the engine (issue 3): q0 pass-through, q1 price * 0.908,
// q2 auction % 123 = 0, q5 hop 10 s / 2 s count per auction (hottest count per window),
// q11 session 10 s count per bidder, and orders (5-minute tumbling revenue per category).
//
// Each query runs as a real pipeline on the engine (the catalog's operators, channels, threads)
// with an in-process generated stream (the Nexmark/orders EventGenerator behind a small source)
// and a discarding sink that keeps a checksum; then a hand-written single-threaded loop computes
// the same result from the same generator in the same process. Both checksums are printed and
// must agree. Rates are events per CPU-second ("per busy core": process CPU time, so threads that
// wait on channels do not count) and the ratio engine / hand loop.
//
// Measurement: each query runs `reps` times (default 5), hand loop and engine back to back in
// alternating order; the ratio is best engine rate / best hand rate (the runs least disturbed by
// other load on the machine), followed by the median and range of the per-repetition ratios.
// The ratio depends on the machine's load (other processes evict the engine's larger working
// set more than the hand loop's one row): compare figures taken at the same load.
// Usage: bench_nexmark [events] [query|all|taps|checkpoints] [reps] (--help). Prints figures;
// asserts nothing, but exits 1 when any repetition's engine checksum differs from the hand
// loop's. "checkpoints": q5 and orders with checkpoints every 1 s against none (issue 12).
// SW_BENCH_BATCH=N sets the engine's batch size and source poll size (default 512).
// "taps": q0/q2 with and without a tap on the source edge, and the untapped check's cost.
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "connectors/generator/EventGenerator.h"
#include "exec/Engine.h"
#include "exec/Operator.h"

using namespace sw::runtime;

namespace {

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}
double wallSeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

GeneratorConfig genConfig(const std::string& kind)
{
    GeneratorConfig c;
    c.kind = kind;
    c.nexmarkStream = "bid";
    c.eventsPerSecond = 100000; // event-time rate: 10 us of event time per (Nexmark) event
    c.keyCardinality = 10000;
    c.seed = 42;
    return c;
}

/// Emits records [subtask, subtask + p, ...) < total of the generator, timestamps set directly.
class BenchSource : public SourceOperator {
public:
    BenchSource(const GeneratorConfig& c, std::uint64_t total, int subtask, int parallelism)
        : m_gen(std::move(*EventGenerator::create(c))), m_next(std::uint64_t(subtask)),
          m_step(std::uint64_t(parallelism)), m_total(total)
    {
    }
    SourceStatus poll(Collector& out, std::size_t maxRecords) override
    {
        for (std::size_t k = 0; k < maxRecords && m_next < m_total; ++k, m_next += m_step) {
            EventTime ts = m_gen->eventTime(m_next);
            m_gen->fill(m_next, ts, m_rec.row);
            m_rec.timestamp = ts;
            out.emit(m_rec);
        }
        return m_next < m_total ? SourceStatus::More : SourceStatus::End;
    }

private:
    std::unique_ptr<EventGenerator> m_gen;
    std::uint64_t m_next, m_step, m_total;
    Record m_rec;
};

/// What a query's sink folds its output into (also computed by the hand loop).
struct Check {
    std::uint64_t rows = 0;
    std::int64_t sum = 0;
    bool operator==(const Check&) const = default;
};

using Fold = std::function<void(const Row&, Check&)>;

class DiscardSink : public Operator {
public:
    DiscardSink(Fold f, Check* out) : m_fold(std::move(f)), m_out(out) {}
    void processBatch(int, RecordBatch& b, Collector&) override
    {
        for (const Record& r : b)
            m_fold(r.row, m_check);
    }
    void endOfInput(Collector&) override { *m_out = m_check; }

private:
    Fold m_fold;
    Check m_check;
    Check* m_out;
};

NodeSpec node(const std::string& id, const std::string& type,
              nlohmann::json props = nlohmann::json::object())
{
    NodeSpec n;
    n.id = id;
    n.type = type;
    n.properties = std::move(props);
    return n;
}

struct Query {
    std::string name;
    std::string kind; // generator kind
    std::vector<NodeSpec> mids;
    Fold fold;                                // sink side
    std::function<Check(std::uint64_t)> hand; // hand-written loop over n events
    bool windowed = false;
};

struct Figures {
    double wall = 0, cpu = 0;
    Check check;
    std::string error;
    std::uint64_t checkpoints = 0; ///< completed (with checkpointing on)
};

/// Checkpointing for a run: every `intervalMs` into a store at `storePath` (0 = off).
struct Checkpointing {
    std::int64_t intervalMs = 0;
    std::string storePath;
};

Figures runEngine(const Query& q, std::uint64_t n, bool tapped = false,
                  const Checkpointing& cp = {})
{
    PipelineSpec p;
    NodeSpec src =
        node("src", "generator",
             {{"kind", q.kind}, {"nexmark_stream", "bid"}, {"max_out_of_orderness", "0 ms"}});
    p.nodes.push_back(src);
    std::string prev = "src";
    for (const auto& m : q.mids) {
        p.nodes.push_back(m);
        p.edges.push_back({{prev, "out"}, {m.id, "in"}});
        prev = m.id;
    }
    p.nodes.push_back(node("sink", "console-sink"));
    p.edges.push_back({{prev, "out"}, {"sink", "in"}});
    Figures f;
    EngineOptions o;
    if (const char* b = std::getenv("SW_BENCH_BATCH")) // experiments: records per batch and poll
        o.batchSize = o.sourcePollRecords = std::max<std::size_t>(1, std::strtoull(b, nullptr, 10));
    o.checkpointIntervalMs = cp.intervalMs;
    o.checkpointStorePath = cp.storePath;
    GeneratorConfig gc = genConfig(q.kind);
    o.operatorOverrides["src"] = [gc,
                                  n](const OperatorSpec& s) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<BenchSource>(gc, n, s.subtask, s.parallelism);
    };
    o.operatorOverrides["sink"] = [&q,
                                   &f](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<DiscardSink>(q.fold, &f.check);
    };
    Engine e;
    double w0 = wallSeconds(), c0 = cpuSeconds();
    if (Status s = e.start(p, o); !s) {
        f.error = s.message();
        return f;
    }
    if (tapped) (void)e.openTap({"src", "out"}, 1000); // ring of the latest 1000, never read
    e.wait();
    f.wall = wallSeconds() - w0;
    f.cpu = cpuSeconds() - c0;
    f.checkpoints = e.completedCheckpoints();
    for (const auto& ev : e.pollEvents())
        if (ev.kind == EngineEvent::Kind::Error) f.error += ev.nodeId + ": " + ev.message + "; ";
    return f;
}

Figures runHand(const Query& q, std::uint64_t n)
{
    Figures f;
    double w0 = wallSeconds(), c0 = cpuSeconds();
    f.check = q.hand(n);
    f.wall = wallSeconds() - w0;
    f.cpu = cpuSeconds() - c0;
    return f;
}

} // namespace

std::vector<Query> makeQueries(); // bench_nexmark_queries below

/// Taps: q0 and q2 untapped vs with a tap on the source's output, alternating, best of 3; plus
/// the measured cost of the one check an untapped port makes per flushed batch.
int benchTaps(std::uint64_t n)
{
    std::atomic<Tap*> slot{nullptr};
    const std::uint64_t loads = 100'000'000;
    std::uint64_t seen = 0;
    double c0 = cpuSeconds();
    for (std::uint64_t i = 0; i < loads; ++i)
        seen += slot.load(std::memory_order_acquire) != nullptr;
    const double nsPerCheck = (cpuSeconds() - c0) / double(loads) * 1e9;
    if (seen) return 1; // (uses the loads' result so they stay in the loop)
    const double batch = double(EngineOptions().batchSize);
    std::printf("untapped port: one atomic load per flushed batch of %.0f = %.3f ns/batch = %.5f "
                "ns/record\n",
                batch, nsPerCheck, nsPerCheck / batch);
    std::printf("%-7s %14s %14s %9s %14s\n", "query", "untapped ev/s", "tapped ev/s", "ratio",
                "untapped ns/ev");
    for (const Query& q : makeQueries()) {
        if (q.name != "q0" && q.name != "q2") continue;
        double best[2] = {0, 0};
        for (int rep = 0; rep < 3; ++rep)
            for (int t = 0; t < 2; ++t) {
                Figures f = runEngine(q, n, t == 1);
                if (!f.error.empty()) {
                    std::printf("%s: %s\n", q.name.c_str(), f.error.c_str());
                    return 1;
                }
                best[t] = std::max(best[t], double(n) / f.cpu);
            }
        std::printf(
            "%-7s %12.2fM %12.2fM %9.2f %14.1f   (untapped check = %.4f%% of the per-event cost)\n",
            q.name.c_str(), best[0] / 1e6, best[1] / 1e6, best[1] / best[0], 1e9 / best[0],
            100.0 * (nsPerCheck / batch) / (1e9 / best[0]));
    }
    return 0;
}

/// Checkpoints (issue 12): q5 and orders with checkpoints every second (window state written to
/// a checkpoint store in a temporary directory, fsync included) against checkpoints off,
/// alternating, best and median of `reps`. Target: at least 0.9.
int benchCheckpoints(std::uint64_t n, int reps)
{
    char tmpl[] = "/tmp/sw-bench-cp-XXXXXX";
    const char* dir = mkdtemp(tmpl);
    if (!dir) {
        std::perror("mkdtemp");
        return 1;
    }
    std::printf("%-7s %10s %12s %12s %6s %13s %12s\n", "query", "events", "off ev/s", "1 s ev/s",
                "ratio", "median [range]", "checkpoints");
    int bad = 0;
    for (const Query& q : makeQueries()) {
        if (q.name != "q5" && q.name != "orders") continue;
        std::vector<double> off, on, ratio;
        std::uint64_t completed = 0;
        for (int rep = 0; rep < reps; ++rep) {
            const std::string store =
                std::string(dir) + "/" + q.name + "-" + std::to_string(rep) + ".sqlite";
            Figures a, b;
            if (rep % 2 == 0) {
                a = runEngine(q, n);
                b = runEngine(q, n, false, {1000, store});
            } else {
                b = runEngine(q, n, false, {1000, store});
                a = runEngine(q, n);
            }
            std::remove(store.c_str());
            std::remove((store + "-wal").c_str());
            std::remove((store + "-shm").c_str());
            if (!a.error.empty() || !b.error.empty() || !(a.check == b.check)) {
                std::printf("%-7s error or different results: %s %s\n", q.name.c_str(),
                            a.error.c_str(), b.error.c_str());
                ++bad;
                break;
            }
            off.push_back(double(n) / a.cpu);
            on.push_back(double(n) / b.cpu);
            ratio.push_back(on.back() / off.back());
            completed = std::max(completed, b.checkpoints);
        }
        if (ratio.empty()) continue;
        std::sort(ratio.begin(), ratio.end());
        const double best =
            *std::max_element(on.begin(), on.end()) / *std::max_element(off.begin(), off.end());
        std::printf("%-7s %10llu %10.2fM %10.2fM %6.2f %4.2f [%.2f-%.2f] %12llu\n", q.name.c_str(),
                    (unsigned long long)n, *std::max_element(off.begin(), off.end()) / 1e6,
                    *std::max_element(on.begin(), on.end()) / 1e6, best, ratio[ratio.size() / 2],
                    ratio.front(), ratio.back(), (unsigned long long)completed);
        std::fflush(stdout);
    }
    rmdir(dir);
    return bad ? 1 : 0;
}

/// Best-of-N measurement of one query: each repetition runs the hand loop and the engine back to
/// back (alternating which goes first, so a slow phase of the machine hits both alike), the
/// checksums of every repetition must agree.
struct Series {
    std::vector<double> engine, hand, ratio; // events per CPU-second; paired ratio per repetition
    double bestWall = 0;                     // best engine wall rate
    Check engineCheck, handCheck;
    bool same = true;
    std::string error;
};

Series measure(const Query& q, std::uint64_t n, int reps)
{
    Series s;
    for (int rep = 0; rep < reps; ++rep) {
        Figures hand, eng;
        if (rep % 2 == 0) {
            hand = runHand(q, n);
            eng = runEngine(q, n);
        } else {
            eng = runEngine(q, n);
            hand = runHand(q, n);
        }
        if (!eng.error.empty()) {
            s.error = eng.error;
            return s;
        }
        const double er = double(n) / eng.cpu, hr = double(n) / hand.cpu;
        s.engine.push_back(er);
        s.hand.push_back(hr);
        s.ratio.push_back(er / hr);
        s.bestWall = std::max(s.bestWall, double(n) / eng.wall);
        s.engineCheck = eng.check;
        s.handCheck = hand.check;
        s.same = s.same && eng.check == hand.check;
    }
    return s;
}

double maxOf(const std::vector<double>& v)
{
    return *std::max_element(v.begin(), v.end());
}
double minOf(const std::vector<double>& v)
{
    return *std::min_element(v.begin(), v.end());
}
double medianOf(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

namespace {
int usage(FILE* to)
{
    std::fprintf(to, "usage: bench_nexmark [EVENTS] [QUERY|all|taps|checkpoints] [REPS]\n"
                     "  EVENTS       events per run (default 5000000; checkpoints: 20000000)\n"
                     "  QUERY        q0 q1 q2 q5 q11 orders, or all (default)\n"
                     "  taps         q0/q2 with and without a tap on the source edge\n"
                     "  checkpoints  q5/orders with checkpoints every 1 s against none\n"
                     "  REPS         interleaved repetitions (default 5)\n"
                     "Prints engine / hand-loop ratios; exits 1 when results differ.\n");
    return to == stdout ? 0 : 2;
}

bool isNumber(const char* s)
{
    if (!*s) return false;
    for (; *s; ++s)
        if (*s < '0' || *s > '9') return false;
    return true;
}
} // namespace

int main(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") return usage(stdout);
    if (argc > 4 || (argc > 1 && !isNumber(argv[1])) || (argc > 3 && !isNumber(argv[3])))
        return usage(stderr);
    std::string only = argc > 2 ? argv[2] : "";
    bool known = only.empty() || only == "all" || only == "taps" || only == "checkpoints";
    for (const Query& q : makeQueries())
        known = known || q.name == only;
    if (!known) {
        std::fprintf(stderr, "bench_nexmark: unknown query '%s'\n", only.c_str());
        return usage(stderr);
    }
    const std::uint64_t n = argc > 1                ? std::strtoull(argv[1], nullptr, 10)
                            : only == "checkpoints" ? 20'000'000
                                                    : 5'000'000;
    if (n == 0) return usage(stderr);
    const int reps = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
    if (only == "taps") return benchTaps(n);
    if (only == "checkpoints") return benchCheckpoints(n, reps);
    if (only == "all") only.clear();
    std::printf("best of %d interleaved repetitions (hand loop and engine alternate); rates are "
                "events per CPU-second (per busy core)\n",
                reps);
    std::printf("%-7s %10s %11s %11s %11s %6s %13s  %s\n", "query", "events", "engine ev/s",
                "hand ev/s", "engine wall", "ratio", "median [range]",
                "check (rows, sum) engine = hand");
    int bad = 0;
    for (const Query& q : makeQueries()) {
        if (!only.empty() && q.name != only) continue;
        Series s = measure(q, n, reps);
        if (!s.error.empty()) {
            std::printf("%-7s engine error: %s\n", q.name.c_str(), s.error.c_str());
            ++bad;
            continue;
        }
        bad += s.same ? 0 : 1;
        const double be = maxOf(s.engine), bh = maxOf(s.hand);
        std::printf("%-7s %10llu %9.2fM %9.2fM %8.2fM/s %6.2f %4.2f [%.2f-%.2f]  (%llu, %lld) %s "
                    "(%llu, %lld)\n",
                    q.name.c_str(), (unsigned long long)n, be / 1e6, bh / 1e6, s.bestWall / 1e6,
                    be / bh, medianOf(s.ratio), minOf(s.ratio), maxOf(s.ratio),
                    (unsigned long long)s.engineCheck.rows, (long long)s.engineCheck.sum,
                    s.same ? "==" : "!=", (unsigned long long)s.handCheck.rows,
                    (long long)s.handCheck.sum);
        std::fflush(stdout);
    }
    return bad ? 1 : 0;
}

// ------------------------------------------------------------------------------ queries

namespace {

/// Generates n events of `kind` into `row`, calling f(row, ts) for each.
template <typename F> void generate(const std::string& kind, std::uint64_t n, F&& f)
{
    auto gen = std::move(*EventGenerator::create(genConfig(kind)));
    Row row;
    for (std::uint64_t i = 0; i < n; ++i) {
        EventTime ts = gen->eventTime(i);
        gen->fill(i, ts, row);
        f(row, ts);
    }
}

// Bid columns: auction 0, bidder 1, price 2, channel 3, url 4, date_time 5, extra 6.
// Orders columns: order_id 0, customer_id 1, amount 2, category 3, event_time 4.

Check handQ0(std::uint64_t n)
{
    Check c;
    generate("nexmark", n, [&](const Row& r, EventTime) {
        ++c.rows;
        c.sum += r[2].asInt();
    });
    return c;
}

Check handQ1(std::uint64_t n)
{
    Check c;
    generate("nexmark", n, [&](const Row& r, EventTime) {
        ++c.rows;
        c.sum += r[2].asInt() * 908; // price * 0.908 as DECIMAL(.., 3), unscaled
    });
    return c;
}

Check handQ2(std::uint64_t n)
{
    Check c;
    generate("nexmark", n, [&](const Row& r, EventTime) {
        if (r[0].asInt() % 123 != 0) return;
        ++c.rows;
        c.sum += r[2].asInt();
    });
    return c;
}

/// q5: hop 10 s / 2 s COUNT(*) per auction; per window the hottest count. Check = (windows,
/// sum over windows of the max count). Windows fire on the in-order stream's watermark.
Check handQ5(std::uint64_t n)
{
    const std::int64_t size = 10000, slide = 2000;
    std::map<EventTime, std::unordered_map<std::int64_t, std::int64_t>> windows; // end -> counts
    Check c;
    auto fire = [&](EventTime upTo) {
        while (!windows.empty() && windows.begin()->first - 1 <= upTo) {
            std::int64_t mx = 0;
            for (const auto& [a, cnt] : windows.begin()->second)
                mx = std::max(mx, cnt);
            c.rows += windows.begin()->second.size();
            c.sum += mx;
            windows.erase(windows.begin());
        }
    };
    generate("nexmark", n, [&](const Row& r, EventTime ts) {
        EventTime last = ts - ((ts % slide) + slide) % slide;
        for (EventTime s = last; s > ts - size; s -= slide)
            ++windows[s + size][r[0].asInt()];
        fire(ts - 1); // bound 0: W = maxTs - 1
    });
    fire(kMaxWatermark);
    return c;
}

/// q11: session gap 10 s COUNT(*) per bidder. Check = (sessions, total count).
Check handQ11(std::uint64_t n)
{
    const std::int64_t gap = 10000;
    struct S {
        EventTime last;
        std::int64_t count;
    };
    std::unordered_map<std::int64_t, S> open;
    Check c;
    generate("nexmark", n, [&](const Row& r, EventTime ts) {
        auto [it, fresh] = open.try_emplace(r[1].asInt(), S{ts, 0});
        if (!fresh && ts > it->second.last + gap) {
            ++c.rows;
            c.sum += it->second.count;
            it->second.count = 0;
        }
        it->second.last = std::max(it->second.last, ts);
        ++it->second.count;
    });
    for (const auto& [b, s] : open) {
        ++c.rows;
        c.sum += s.count;
    }
    return c;
}

/// orders: 5-minute tumbling SUM(amount) per category. Check = (rows, sum of revenue unscaled).
Check handOrders(std::uint64_t n)
{
    const std::int64_t size = 300000;
    std::map<std::pair<EventTime, std::string>, std::int64_t> rev;
    Check c;
    generate("orders", n, [&](const Row& r, EventTime ts) {
        EventTime start = ts - ((ts % size) + size) % size;
        rev[{start, r[3].asString()}] += r[2].decimalUnscaled();
    });
    for (const auto& [k, v] : rev) {
        ++c.rows;
        c.sum += v;
    }
    return c;
}

} // namespace

std::vector<Query> makeQueries()
{
    std::vector<Query> q;
    q.push_back({"q0",
                 "nexmark",
                 {},
                 [](const Row& r, Check& c) {
                     ++c.rows;
                     c.sum += r[2].asInt();
                 },
                 handQ0});
    q.push_back({"q1",
                 "nexmark",
                 {node("q1", "map",
                       {{"columns",
                         {{{"name", "auction"}, {"expr", "auction"}},
                          {{"name", "bidder"}, {"expr", "bidder"}},
                          {{"name", "price"}, {"expr", "price * 0.908"}},
                          {{"name", "date_time"}, {"expr", "date_time"}},
                          {{"name", "extra"}, {"expr", "extra"}}}}})},
                 [](const Row& r, Check& c) {
                     ++c.rows;
                     c.sum += r[2].decimalUnscaled() * (r[2].decimalScale() == 3 ? 1 : 0);
                 },
                 handQ1});
    q.push_back({"q2",
                 "nexmark",
                 {node("q2f", "filter", {{"condition", "auction % 123 = 0"}}),
                  node("q2m", "map",
                       {{"columns",
                         {{{"name", "auction"}, {"expr", "auction"}},
                          {{"name", "price"}, {"expr", "price"}}}}})},
                 [](const Row& r, Check& c) {
                     ++c.rows;
                     c.sum += r[1].asInt();
                 },
                 handQ2});
    // q5 sink: hop rows arrive per window end (all of a window at once on the watermark).
    auto q5fold = [state = std::make_shared<std::pair<EventTime, std::int64_t>>(kMinWatermark, 0)](
                      const Row& r, Check& c) {
        EventTime end = r[1].asTimestamp();
        if (end != state->first) {
            state->first = end;
            state->second = 0;
        }
        std::int64_t cnt = r[3].asInt();
        ++c.rows;
        if (cnt > state->second) {
            c.sum += cnt - state->second; // running max per window: sum of maxima
            state->second = cnt;
        }
    };
    q.push_back(
        {"q5",
         "nexmark",
         {node("q5", "hop-window",
               {{"size", "10 s"},
                {"slide", "2 s"},
                {"keys", {"auction"}},
                {"aggregates", {{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}}}}})},
         q5fold,
         handQ5,
         true});
    q.push_back(
        {"q11",
         "nexmark",
         {node("q11", "session-window",
               {{"gap", "10 s"},
                {"keys", {"bidder"}},
                {"aggregates", {{{"function", "COUNT"}, {"column", "*"}, {"as", "bid_count"}}}}})},
         [](const Row& r, Check& c) {
             ++c.rows;
             c.sum += r[3].asInt();
         },
         handQ11,
         true});
    q.push_back(
        {"orders",
         "orders",
         {node("rev", "tumbling-window",
               {{"size", "5 min"},
                {"keys", {"category"}},
                {"aggregates", {{{"function", "SUM"}, {"column", "amount"}, {"as", "revenue"}}}}})},
         [](const Row& r, Check& c) {
             ++c.rows;
             c.sum += r[3].decimalUnscaled();
         },
         handOrders,
         true});
    return q;
}
