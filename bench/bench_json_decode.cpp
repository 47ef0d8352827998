// JSON decode path: the orders event ({"order_id", "customer_id", "amount" DECIMAL(10,2),
// "category", "event_time" TIMESTAMP(3)}, ~110 bytes, as bench_kafka produces it) decoded into a
// Row by JsonRowParser, the decoder of every JSON source (Kafka value, JSON Lines file).
// Figures: thread CPU ns per event, best and median of 5 runs, and MB/s of JSON text.
//
// Issue 18, item 7 measured simdjson here (the commit before the one that removed it keeps that
// version of this program): simdjson On Demand alone decoded the event in 168 ns against 229 ns,
// but only by skipping what this parser checks; as a fast path that declined everything the
// strict parser would judge differently (so rows, error messages and error classes stayed the
// same) it took 249 ns. It did not win, so the dependency was dropped.
// Usage: bench_json_decode [--events N]   (default 200000). Asserts nothing.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "connectors/format/JsonRowParser.h"
#include "types/Schema.h"
#include "types/Value.h"

using namespace sw::runtime;

namespace {

volatile std::int64_t g_sink = 0;

double threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

Schema ordersSchema()
{
    Schema s;
    s.add("order_id", *DataType::parse("BIGINT"));
    s.add("customer_id", *DataType::parse("BIGINT"));
    s.add("amount", *DataType::parse("DECIMAL(10, 2)"));
    s.add("category", *DataType::parse("STRING"));
    s.add("event_time", *DataType::parse("TIMESTAMP(3)"));
    return s;
}

std::vector<std::string> ordersEvents(std::size_t n)
{
    const char* cats[] = {"books", "games", "garden", "toys", "tools", "music", "food", "sports"};
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto k = static_cast<std::int64_t>(i);
        out.push_back("{\"order_id\":" + std::to_string(k) +
                      ",\"customer_id\":" + std::to_string(k % 9973) + ",\"amount\":" +
                      formatDecimal(100 + (k * 37) % 50000, 2) + ",\"category\":\"" + cats[i % 8] +
                      "\",\"event_time\":\"" + formatTimestamp(1704067200000LL + k * 3) + "\"}");
    }
    return out;
}

int usage(FILE* f, int rc)
{
    std::fprintf(f, "usage: bench_json_decode [--events N]\n"
                    "  Decodes N orders JSON events (default 200000) with JsonRowParser; prints\n"
                    "  ns per event (thread CPU, best and median of 5) and MB/s.\n");
    return rc;
}

} // namespace

int main(int argc, char** argv)
{
    std::size_t n = 200000;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") return usage(stdout, 0);
        if (a == "--events" && i + 1 < argc) {
            char* end = nullptr;
            const long long v = std::strtoll(argv[++i], &end, 10);
            if (!end || *end || v <= 0) return usage(stderr, 2);
            n = static_cast<std::size_t>(v);
            continue;
        }
        std::fprintf(stderr, "bench_json_decode: unknown argument '%s'\n", a.c_str());
        return usage(stderr, 2);
    }

    const Schema schema = ordersSchema();
    const std::vector<std::string> events = ordersEvents(n);
    double bytes = 0;
    for (const auto& e : events)
        bytes += static_cast<double>(e.size());
    JsonRowParser parser(schema);
    Row row;
    for (std::size_t i = 0; i < n; ++i)
        if (!parser.parse(events[i], row) || row[0].asInt() != static_cast<std::int64_t>(i)) {
            std::fprintf(stderr, "event %zu not decoded: %s\n", i, parser.error().c_str());
            return 1;
        }

    std::vector<double> ns;
    for (int rep = 0; rep < 5; ++rep) {
        const double t0 = threadCpuNs();
        for (const auto& e : events)
            parser.parse(e, row);
        g_sink = g_sink + row[0].asInt();
        ns.push_back((threadCpuNs() - t0) / static_cast<double>(n));
    }
    std::sort(ns.begin(), ns.end());
    const double perEvent = bytes / static_cast<double>(n);
    std::printf("orders JSON event decode (JsonRowParser), %zu events, %.0f bytes each\n", n,
                perEvent);
    std::printf("  ns/event: best %.1f  median %.1f   MB/s (best): %.0f\n", ns.front(), ns[2],
                perEvent / ns.front() * 1e3);
    return 0;
}
