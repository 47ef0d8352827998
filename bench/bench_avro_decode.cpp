// avro-confluent decode path against the JSON path on the same orders events (order_id,
// customer_id, amount DECIMAL(10,2), category, event_time TIMESTAMP(3): ~110 bytes of JSON, as
// bench_json_decode): the events are encoded once with the avro-confluent encoder (registered in
// an in-memory embedded registry), then decoded into rows by AvroConfluentDecoder (libavro
// generic values + the column plan) and by JsonRowParser. Figures: thread CPU ns per event, best
// and median of 5 runs, records/s per core, and the ratio JSON / Avro.
// Usage: bench_avro_decode [--events N]   (default 200000). Asserts nothing.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "connectors/format/AvroConfluent.h"
#include "connectors/format/JsonRowParser.h"
#include "connectors/format/JsonRowWriter.h"
#include "schema/SchemaRegistry.h"
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

Row orderRow(std::size_t i)
{
    const char* cats[] = {"books", "games", "garden", "toys", "tools", "music", "food", "sports"};
    const auto k = static_cast<std::int64_t>(i);
    return Row{Value::integer(k), Value::integer(k % 9973),
               Value::decimal(100 + (k * 37) % 50000, 2), Value::string(cats[i % 8]),
               Value::timestamp(1704067200000LL + k * 3)};
}

struct Figures {
    double best = 0, median = 0;
};

Figures measure(std::size_t n, const std::function<void()>& pass)
{
    std::vector<double> ns;
    for (int rep = 0; rep < 5; ++rep) {
        const double t0 = threadCpuNs();
        pass();
        ns.push_back((threadCpuNs() - t0) / static_cast<double>(n));
    }
    std::sort(ns.begin(), ns.end());
    return {ns.front(), ns[2]};
}

} // namespace

int main(int argc, char** argv)
{
    std::size_t n = 200000;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--events" && i + 1 < argc) {
            n = static_cast<std::size_t>(std::strtoll(argv[++i], nullptr, 10));
            continue;
        }
        std::fprintf(stderr, "usage: bench_avro_decode [--events N]\n");
        return 2;
    }
    const Schema schema = ordersSchema();
    auto reg = schema::SchemaRegistry::start("");
    if (!reg) {
        std::fprintf(stderr, "%s\n", reg.error().message.c_str());
        return 1;
    }
    auto conn = std::make_shared<RegistryConnection>();
    conn->client = std::make_shared<schema::RegistryClient>(schema::RegistryConfig{(*reg)->url()});
    auto enc = AvroConfluentEncoder::make(schema, conn, "orders-value");
    if (!enc) {
        std::fprintf(stderr, "%s\n", enc.error().message.c_str());
        return 1;
    }
    JsonRowWriter writer(schema);
    std::vector<std::string> avro(n), json(n);
    double avroBytes = 0, jsonBytes = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Row r = orderRow(i);
        if (auto bad = (*enc)->encode(r, avro[i])) {
            std::fprintf(stderr, "encode: %s\n", bad->c_str());
            return 1;
        }
        writer.append(r, json[i]);
        avroBytes += static_cast<double>(avro[i].size());
        jsonBytes += static_cast<double>(json[i].size());
    }
    AvroConfluentDecoder decoder(schema, conn);
    JsonRowParser parser(schema);
    Row row;
    for (std::size_t i = 0; i < n; ++i) {
        if (!decoder.decode(avro[i].data(), avro[i].size(), row) || row != orderRow(i)) {
            std::fprintf(stderr, "avro event %zu not decoded: %s\n", i, decoder.error().c_str());
            return 1;
        }
        if (!parser.parse(json[i], row) || row != orderRow(i)) {
            std::fprintf(stderr, "json event %zu not decoded: %s\n", i, parser.error().c_str());
            return 1;
        }
    }
    const Figures a = measure(n, [&] {
        for (const auto& m : avro)
            decoder.decode(m.data(), m.size(), row);
        g_sink = g_sink + row[0].asInt();
    });
    const Figures j = measure(n, [&] {
        for (const auto& m : json)
            parser.parse(m, row);
        g_sink = g_sink + row[0].asInt();
    });
    std::printf(
        "orders event decode, %zu events: avro-confluent %.0f bytes, JSON %.0f bytes each\n", n,
        avroBytes / static_cast<double>(n), jsonBytes / static_cast<double>(n));
    std::printf("  avro-confluent (libavro): ns/event best %.1f median %.1f  = %.2f M records/s "
                "per core\n",
                a.best, a.median, 1e3 / a.best);
    std::printf("  JSON (JsonRowParser):     ns/event best %.1f median %.1f  = %.2f M records/s "
                "per core\n",
                j.best, j.median, 1e3 / j.best);
    std::printf("  ratio JSON / Avro (best): %.2f\n", j.best / a.best);
    return 0;
}
