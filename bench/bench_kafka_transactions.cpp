// Transactional (exactly-once) kafka-sink against the at-least-once kafka-sink on the embedded
// broker (issue 12: target ratio >= 0.7). The same pipeline, generator (orders, as fast as
// possible, N events) -> kafka-sink (3 partitions), runs with "delivery" at-least-once and
// exactly-once, checkpoints every second into a data directory, alternating, `reps` times each.
// Throughput = events / wall time from start to the end of the run (the exactly-once run includes
// its final checkpoint and commit). Prints figures; asserts nothing.
// Usage: bench_kafka_transactions [events] [reps]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "catalog/PipelineLoader.h"
#include "connectors/kafka/EmbeddedBroker.h"
#include "connectors/kafka/KafkaTransactions.h"
#include "exec/Engine.h"

using namespace sw::runtime;
using sw::runtime::kafka::EmbeddedBroker;

namespace {

std::string pipeline(const std::string& delivery, const std::string& bs, const std::string& topic,
                     long long events)
{
    return R"({"format": "streamwright.pipeline/1", "pipeline": {"name": "bench-)" + delivery +
           R"(", "parallelism": 1, "delivery": ")" + delivery + R"("}, "nodes": [
      {"id": "gen", "type": "generator", "properties": {"kind": "orders",
       "events_per_second": 0, "total_events": )" +
           std::to_string(events) + R"(}},
      {"id": "out", "type": "kafka-sink", "properties": {"topic": ")" +
           topic + R"(", "bootstrap_servers": ")" + bs + R"(", "partitions": 3}}],
      "edges": [{"from": {"node": "gen", "port": "out"}, "to": {"node": "out", "port": "in"}}]})";
}

/// Events per second of one run, or -1 on failure.
double runOnce(const std::string& delivery, EmbeddedBroker& broker, long long events, int rep)
{
    const std::string topic = "bench." + delivery + "." + std::to_string(rep);
    (void)broker.createTopic(topic, 3);
    auto p = parsePipeline(pipeline(delivery, broker.bootstrapServers(), topic, events));
    if (!p) {
        std::fprintf(stderr, "%s\n", p.error().toString().c_str());
        return -1;
    }
    const auto dir = std::filesystem::temp_directory_path() /
                     ("bench_kafka_tx_" + delivery + std::to_string(rep));
    std::filesystem::remove_all(dir);
    EngineOptions o;
    o.dataDirectory = dir.string();
    o.checkpointIntervalMs = 1000;
    o.drainTimeoutMs = 600000;
    Engine e;
    const auto t0 = std::chrono::steady_clock::now();
    if (Status s = e.start(*p, o); !s) {
        std::fprintf(stderr, "%s\n", s.message().c_str());
        return -1;
    }
    e.wait(-1);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    for (const EngineEvent& ev : e.pollEvents())
        if (ev.kind == EngineEvent::Kind::Error)
            std::fprintf(stderr, "error [%s]: %s\n", ev.nodeId.c_str(), ev.message.c_str());
    const auto* out = e.snapshot().node("out");
    const std::uint64_t in = out ? out->recordsIn : 0;
    std::filesystem::remove_all(dir);
    if (static_cast<long long>(in) != events) {
        std::fprintf(stderr, "%s: the sink received %llu of %lld events\n", delivery.c_str(),
                     static_cast<unsigned long long>(in), events);
        return -1;
    }
    std::printf("  %-13s %9.0f events/s (%.2f s, %llu checkpoints)\n", delivery.c_str(),
                static_cast<double>(events) / secs, secs,
                static_cast<unsigned long long>(e.completedCheckpoints()));
    return static_cast<double>(events) / secs;
}

} // namespace

int main(int argc, char** argv)
{
    const long long events = argc > 1 ? std::atoll(argv[1]) : 1000000;
    const int reps = argc > 2 ? std::atoi(argv[2]) : 3;
    auto broker = EmbeddedBroker::start(1);
    if (!broker) {
        std::fprintf(stderr, "%s\n", broker.error().message.c_str());
        return 1;
    }
    std::printf("generator (orders) -> kafka-sink, %lld events, checkpoints every 1 s, embedded "
                "broker\n",
                events);
    std::vector<double> alo, eo;
    for (int r = 0; r < reps; ++r) {
        std::printf("rep %d:\n", r + 1);
        double a = runOnce("at-least-once", **broker, events, r);
        double x = runOnce("exactly-once", **broker, events, r);
        if (a <= 0 || x <= 0) return 1;
        alo.push_back(a);
        eo.push_back(x);
    }
    const double bestA = *std::max_element(alo.begin(), alo.end());
    const double bestX = *std::max_element(eo.begin(), eo.end());
    std::uint64_t committed = 0;
    for (const auto& o : kafka::KafkaTxnLog::instance().outcomes("bench-exactly-once"))
        committed += o.kind == kafka::TxnOutcome::Kind::Committed ? 1 : 0;
    std::printf("best of %d: at-least-once %9.0f events/s, exactly-once %9.0f events/s "
                "(%llu transactions committed)\n",
                reps, bestA, bestX, static_cast<unsigned long long>(committed));
    std::printf("ratio transactional / at-least-once: %.2f (best of each), per rep:",
                bestX / bestA);
    for (int r = 0; r < reps; ++r)
        std::printf(" %.2f", eo[static_cast<std::size_t>(r)] / alo[static_cast<std::size_t>(r)]);
    std::printf("\n");
    return 0;
}
