// Kafka benchmark: JSON order events are pre-produced into an embedded-broker topic (spread over
// partitions: the embedded broker keeps ~5 MiB per partition), then a pipeline consumes, parses
// and windows them (kafka-source -> 1-minute tumbling revenue per category -> discard). Prints
// events/s (wall) and events/s per core (process CPU time over the consume phase), and the same
// for `kcat -C -e -o beginning ... > /dev/null` on the same topic in the same run (less the time
// and CPU of a kcat reading one message: the pipeline is timed from its first record).
// Targets: >= 500K events/s per core end to end, >= 0.8 of kcat.
//
// CPU per core: the process's CPU time over the consume phase; for kcat, kcat's CPU plus this
// process's over the same interval (the embedded broker serving it), so both include the broker.
//
// The pipeline runs twice: as above, then with the window's errors output wired to a JSONL DLQ,
// which makes the source keep every record's raw bytes (key, value, headers, timestamp) for
// error rows: the difference is the cost of Provenance::raw.
//
// Measurement: kcat and the pipeline run `reps` times (default 3), back to back in alternating
// order (each pipeline run in a new consumer group, from the earliest offset); the ratios are of
// the best wall rate of each, and the median ratio of the pairs is printed too. The embedded
// broker keeps ~5 MiB per partition: keep events x ~112 bytes / partitions under that.
//
// Usage: bench_kafka [events (default 1000000)] [partitions (default 32)] [reps (default 3)]
//        SW_BENCH_KAFKA_PROPS='{"queued.min.messages": "200000"}' overrides consumer properties.
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <librdkafka/rdkafka.h>

#include "catalog/PipelineLoader.h"
#include "connectors/kafka/EmbeddedBroker.h"
#include "exec/Collector.h"
#include "exec/Engine.h"
#include "exec/Operator.h"
#include "types/Value.h"

using namespace sw::runtime;

namespace {

double cpuSeconds(int who)
{
    rusage u{};
    getrusage(who, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool preProduce(const std::string& bs, const std::string& topic, long n, int partitions,
                double& bytes)
{
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    char err[512];
    for (auto [k, v] : {std::pair{"bootstrap.servers", bs.c_str()},
                        {"linger.ms", "20"},
                        {"batch.size", "1000000"},
                        {"queue.buffering.max.messages", "1000000"}})
        rd_kafka_conf_set(conf, k, v, err, sizeof err);
    rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    if (!rk) return false;
    const char* cats[] = {"books", "games", "garden", "toys", "tools", "music", "food", "sports"};
    std::string v;
    bytes = 0;
    for (long i = 0; i < n; ++i) {
        std::int64_t ts = 1704067200000LL + i * 3;
        v = "{\"order_id\":" + std::to_string(i) + ",\"customer_id\":" + std::to_string(i % 9973) +
            ",\"amount\":" + formatDecimal(100 + (i * 37) % 50000, 2) + ",\"category\":\"" +
            cats[i % 8] + "\",\"event_time\":\"" + formatTimestamp(ts) + "\"}";
        bytes += static_cast<double>(v.size());
        while (rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topic.c_str()),
                                 RD_KAFKA_V_PARTITION(static_cast<int32_t>(i % partitions)),
                                 RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                 RD_KAFKA_V_VALUE(v.data(), v.size()),
                                 RD_KAFKA_V_END) == RD_KAFKA_RESP_ERR__QUEUE_FULL)
            rd_kafka_poll(rk, 10);
        rd_kafka_poll(rk, 0);
    }
    rd_kafka_flush(rk, 60000);
    bool ok = rd_kafka_outq_len(rk) == 0;
    rd_kafka_destroy(rk);
    return ok;
}

class Discard final : public Operator {
public:
    void processBatch(int, RecordBatch&, Collector&) override {}
};

struct Measure {
    double wall = 0;
    double cpu = 0;
};

std::string consumerProps()
{
    const char* p = std::getenv("SW_BENCH_KAFKA_PROPS"); // e.g. {"fetch.wait.max.ms": "10"}
    return p ? std::string(R"("properties": )") + p + ", " : std::string();
}

Measure runPipeline(const std::string& topic, int partitions, long n, int parallelism,
                    const std::string& group, bool errorsConnected = false)
{
    // A DLQ on the window's errors output: the source then keeps every record's raw bytes.
    const std::string dlq =
        errorsConnected
            ? R"J(, {"id": "dead", "type": "dlq", "properties": {"target": "jsonl", "path": "/tmp/bench_kafka_dlq.jsonl"}})J"
            : "";
    const std::string dlqEdge =
        errorsConnected
            ? R"J(, {"from": {"node": "revenue", "port": "errors"}, "to": {"node": "dead", "port": "in"}})J"
            : "";
    std::string pipeline =
        R"J({"format": "streamwright.pipeline/1",
      "pipeline": {"name": "bench-kafka", "parallelism": )J" +
        std::to_string(parallelism) + R"J(},
      "nodes": [
        {"id": "orders", "type": "kafka-source", "properties": {"topic": ")J" +
        topic + R"J(",
          "group_id": ")J" +
        group + R"J(", "partitions": )J" + std::to_string(partitions) + R"J(,
          "start_from": "earliest", "format": "json",)J" +
        consumerProps() + R"J( "timestamp_column": "event_time", "max_out_of_orderness": "5 s",
          "schema": [{"name": "order_id", "type": "BIGINT"}, {"name": "customer_id", "type": "BIGINT"},
                     {"name": "amount", "type": "DECIMAL(10, 2)"}, {"name": "category", "type": "STRING"},
                     {"name": "event_time", "type": "TIMESTAMP(3)"}]}},
        {"id": "revenue", "type": "tumbling-window", "properties": {"size": "1 min", "keys": ["category"],
          "aggregates": [{"function": "COUNT", "column": "*", "as": "orders"},
                         {"function": "SUM", "column": "amount", "as": "revenue"}]}},
        {"id": "out", "type": "console-sink", "properties": {}})J" +
        dlq + R"J(
      ],
      "edges": [{"from": {"node": "orders", "port": "out"}, "to": {"node": "revenue", "port": "in"}},
                {"from": {"node": "revenue", "port": "out"}, "to": {"node": "out", "port": "in"}})J" +
        dlqEdge + "]}";
    auto p = parsePipeline(pipeline);
    if (!p) {
        std::fprintf(stderr, "pipeline: %s\n", p.error().toString().c_str());
        std::exit(1);
    }
    EngineOptions o;
    o.operatorOverrides["out"] = [](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        return std::unique_ptr<Operator>(std::make_unique<Discard>());
    };
    Engine engine;
    if (auto s = engine.start(*p, o); !s) {
        std::fprintf(stderr, "start: %s\n", s.message().c_str());
        std::exit(1);
    }
    // Wait for the group to form (the embedded broker delays the first assignment ~3 s), then
    // time from the first record to the last. Errors end the run (a bench that hangs is useless).
    auto consumed = [&](std::uint64_t atLeast) {
        auto deadline = now() + 300;
        while (engine.snapshot().node("orders")->recordsOut < atLeast) {
            for (const auto& e : engine.pollEvents())
                if (e.kind == EngineEvent::Kind::Error) {
                    std::fprintf(stderr, "error [%s]: %s\n", e.nodeId.c_str(), e.message.c_str());
                    std::exit(1);
                }
            if (now() > deadline) {
                std::fprintf(
                    stderr, "timed out: %llu of %llu records consumed\n",
                    static_cast<unsigned long long>(engine.snapshot().node("orders")->recordsOut),
                    static_cast<unsigned long long>(atLeast));
                std::exit(1);
            }
            std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
    };
    consumed(1);
    double t0 = now(), c0 = cpuSeconds(RUSAGE_SELF);
    consumed(static_cast<std::uint64_t>(n));
    Measure m{now() - t0, cpuSeconds(RUSAGE_SELF) - c0};
    auto s = engine.snapshot();
    std::printf("  windowed: %llu records in, %llu windows out, late %llu, errors %llu\n",
                static_cast<unsigned long long>(s.node("revenue")->recordsIn),
                static_cast<unsigned long long>(s.node("revenue")->recordsOut),
                static_cast<unsigned long long>(s.node("revenue")->late),
                static_cast<unsigned long long>(s.node("orders")->errors));
    engine.stop(StopMode::Cancel);
    engine.wait(-1);
    return m;
}

Measure timeKcat(const std::string& args)
{
    std::string cmd = "kcat -C " + args + " -q > /dev/null";
    // CPU = kcat's own plus this process's over the same interval (the embedded broker serving
    // the fetches), so both measurements include the broker's share.
    double c0 = cpuSeconds(RUSAGE_CHILDREN) + cpuSeconds(RUSAGE_SELF), t0 = now();
    int rc = std::system(cmd.c_str());
    Measure m{now() - t0, cpuSeconds(RUSAGE_CHILDREN) + cpuSeconds(RUSAGE_SELF) - c0};
    if (rc != 0) std::fprintf(stderr, "kcat exited with %d\n", rc);
    return m;
}

/// kcat reading the whole topic, less a kcat that reads one message and exits (process start,
/// metadata, connection, first fetch): the pipeline is timed from its first record too.
Measure runKcat(const std::string& bs, const std::string& topic)
{
    const std::string args = "-b " + bs + " -t " + topic + " -o beginning";
    Measure startup = timeKcat(args + " -c 1");
    Measure all = timeKcat(args + " -e");
    return {std::max(all.wall - startup.wall, 1e-3), std::max(all.cpu - startup.cpu, 1e-3)};
}

} // namespace

int main(int argc, char** argv)
{
    long n = argc > 1 ? std::atol(argv[1]) : 1000000;
    int partitions = argc > 2 ? std::atoi(argv[2]) : 32;
    auto broker =
        kafka::EmbeddedBroker::shared(); // the broker pipelines without bootstrap_servers use
    if (!broker) {
        std::fprintf(stderr, "%s\n", broker.error().message.c_str());
        return 1;
    }
    const std::string bs = (*broker)->bootstrapServers();
    const std::string topic = "bench.orders";
    (*broker)->createTopic(topic, partitions);
    double bytes = 0;
    double t0 = now();
    if (!preProduce(bs, topic, n, partitions, bytes)) {
        std::fprintf(stderr, "pre-producing failed\n");
        return 1;
    }
    std::printf(
        "bench_kafka: %ld JSON events (%.0f bytes avg, %.1f MiB per partition) in %d partitions, "
        "produced in %.2f s\n",
        n, bytes / static_cast<double>(n), bytes / partitions / 1048576.0, partitions, now() - t0);

    const int reps = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
    std::vector<Measure> kcat, pipe;
    for (int rep = 0; rep < reps; ++rep) {
        auto runPipe = [&] {
            pipe.push_back(runPipeline(topic, partitions, n, 1, "bench-" + std::to_string(rep)));
        };
        if (rep % 2) runPipe();
        kcat.push_back(runKcat(bs, topic));
        if (rep % 2 == 0) runPipe();
        const Measure &k = kcat.back(), &m = pipe.back();
        std::printf("rep %d: kcat %9.0f events/s (%.2f s, %.2f CPU s); pipeline %9.0f events/s "
                    "(%.2f s, %.2f CPU s), %9.0f per core; ratio %.2f\n",
                    rep + 1, static_cast<double>(n) / k.wall, k.wall, k.cpu,
                    static_cast<double>(n) / m.wall, m.wall, m.cpu, static_cast<double>(n) / m.cpu,
                    k.wall / m.wall);
    }
    auto best = [](const std::vector<Measure>& v, double Measure::*field) {
        double b = v.front().*field;
        for (const Measure& x : v)
            b = std::min(b, x.*field);
        return b;
    };
    std::vector<double> ratios;
    for (int rep = 0; rep < reps; ++rep)
        ratios.push_back(kcat[static_cast<std::size_t>(rep)].wall /
                         pipe[static_cast<std::size_t>(rep)].wall);
    std::sort(ratios.begin(), ratios.end());
    const double kRate = static_cast<double>(n) / best(kcat, &Measure::wall);
    const double kCore = static_cast<double>(n) / best(kcat, &Measure::cpu);
    const double rate = static_cast<double>(n) / best(pipe, &Measure::wall);
    const double core = static_cast<double>(n) / best(pipe, &Measure::cpu);
    std::printf("best of %d:\n", reps);
    std::printf("kcat -C to /dev/null:        %9.0f events/s, %9.0f events/s per core\n", kRate,
                kCore);
    std::printf("consume+parse+window (p=1): %9.0f events/s, %9.0f events/s per core\n", rate,
                core);
    std::printf("ratio to kcat: %.2f (wall; median of pairs %.2f, range %.2f-%.2f), %.2f (per "
                "core)   targets: >= 500000 events/s per core, >= 0.8 of kcat\n",
                rate / kRate, ratios[ratios.size() / 2], ratios.front(), ratios.back(),
                core / kCore);
    Measure r = runPipeline(topic, partitions, n, 1, "bench-raw", true);
    double rRate = static_cast<double>(n) / r.wall, rCore = static_cast<double>(n) / r.cpu;
    std::printf("same, errors port -> DLQ (raw bytes kept): %9.0f events/s, %9.0f events/s per "
                "core (%.2f s, %.2f CPU s); per core %.2f of the best run without\n",
                rRate, rCore, r.wall, r.cpu, rCore / core);
    return 0;
}
