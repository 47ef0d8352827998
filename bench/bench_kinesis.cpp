// Kinesis benchmark on kinesalite (a local Kinesis API; started here from the npm fixture's
// install, tests/tools/kinesis, or reached at SW_KINESIS_ENDPOINT when set).
//  - sink: generator (orders) -> kinesis-sink (json, keyed by customer_id) against a raw loop of
//    PutRecords calls of 500 pre-encoded records (KinesisClient) on a stream of the same shards;
//  - source: kinesis-source (json, orders schema, parse included) -> discard against a raw
//    loop of GetRecords calls over every shard of the same stream (KinesisClient, data decoded
//    from base64, not parsed), one thread, as the source's fetch thread.
// Both ratios are printed (target: source >= 0.8 of the raw loop). kinesalite itself (Node.js,
// one thread) is the bottleneck of both sides, which is the point: the connector should add
// little to what the API can deliver.
//
// Usage: bench_kinesis [records (default 50000)] [shards (default 4)] [reps (default 2)]
//        run from the build directory after `ctest -R npm_install_kinesis_tools`
//        (or SW_KINESIS_NODE_DIR=<dir with node_modules/kinesalite>).
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/PipelineLoader.h"
#include "connectors/kinesis/KinesisClient.h"
#include "exec/Engine.h"
#include "exec/Operator.h"

using namespace sw::runtime;
using namespace sw::runtime::kinesis;

namespace {

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

[[noreturn]] void die(const std::string& m)
{
    std::fprintf(stderr, "bench_kinesis: %s\n", m.c_str());
    std::exit(1);
}

struct Kinesalite {
    pid_t pid = -1;
    int stdinFd = -1;
    std::string endpoint;
    Kinesalite()
    {
        if (const char* e = std::getenv("SW_KINESIS_ENDPOINT")) {
            endpoint = e;
            return;
        }
        const char* d = std::getenv("SW_KINESIS_NODE_DIR");
        const std::string dir = d ? d : "node/kinesis-tools";
        int in[2], out[2];
        if (pipe(in) != 0 || pipe(out) != 0) die("pipe");
        pid = fork();
        if (pid == 0) {
            dup2(in[0], 0);
            dup2(out[1], 1);
            close(in[1]);
            close(out[0]);
            const std::string script = dir + "/kinesalite-server.js";
            execlp("node", "node", script.c_str(), "--port", "0", static_cast<char*>(nullptr));
            _exit(127);
        }
        close(in[0]);
        close(out[1]);
        stdinFd = in[1]; // the server exits when this closes
        std::string line;
        char c;
        while (read(out[0], &c, 1) == 1 && c != '\n')
            line += c;
        close(out[0]);
        if (line.rfind("listening ", 0) != 0)
            die("kinesalite did not start from " + dir +
                " (run ctest -R npm_install_kinesis_tools)");
        endpoint = "http://127.0.0.1:" + line.substr(10);
    }
    ~Kinesalite()
    {
        if (pid <= 0) return;
        close(stdinFd);
        waitpid(pid, nullptr, 0);
    }
};

ClientOptions options(const Kinesalite& k)
{
    ClientOptions o;
    o.endpoint = k.endpoint;
    o.credentials = {"AKIDBENCH", "bench-secret", "", "bench"};
    o.requestTimeoutMs = 60000;
    return o;
}

void createStream(KinesisClient& c, const std::string& name, int shards)
{
    auto r =
        c.call("CreateStream", nlohmann::json{{"StreamName", name}, {"ShardCount", shards}}.dump());
    if (!r.ok()) die(r.error.message);
}

std::string props(const Kinesalite& k, const std::string& stream)
{
    return R"J("stream": ")J" + stream + R"J(", "region": "us-east-1", "endpoint": ")J" +
           k.endpoint +
           R"J(", "properties": {"aws.credentials.basic.accesskeyid": "AKIDBENCH",
               "aws.credentials.basic.secretkey": "bench-secret"})J";
}

class Discard final : public Operator {
public:
    void processBatch(int, RecordBatch&, Collector&) override {}
};

double runUntil(const std::string& json, const std::string& node, std::uint64_t n, bool sink)
{
    auto p = parsePipeline(json);
    if (!p) die(p.error().toString());
    EngineOptions o;
    if (!sink)
        o.operatorOverrides["out"] = [](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
            return std::unique_ptr<Operator>(std::make_unique<Discard>());
        };
    Engine e;
    const double t0 = now();
    if (auto s = e.start(*p, o); !s) die(s.message());
    double t1 = 0;
    while (true) {
        for (const auto& ev : e.pollEvents())
            if (ev.kind == EngineEvent::Kind::Error) die(ev.nodeId + ": " + ev.message);
        if (sink && e.state() == EngineState::Finished) {
            t1 = now();
            break;
        }
        const NodeMetrics* m = e.snapshot().node(node);
        if (!sink && m && m->recordsIn >= n) {
            t1 = now();
            break;
        }
        if (now() - t0 > 600) die("timed out");
        usleep(2000);
    }
    e.stop(StopMode::Cancel);
    e.wait(60000);
    return t1 - t0;
}

} // namespace

int main(int argc, char** argv)
{
    std::signal(SIGPIPE, SIG_IGN);
    const int n = argc > 1 ? std::atoi(argv[1]) : 50000;
    const int shards = argc > 2 ? std::atoi(argv[2]) : 4;
    const int reps = argc > 3 ? std::atoi(argv[3]) : 2;
    Kinesalite k;
    KinesisClient c(options(k));
    std::vector<PutEntry> all;
    for (int i = 0; i < n; ++i) {
        const std::string cust = std::to_string(i % 1000);
        all.push_back(
            {cust,
             R"({"order_id":)" + std::to_string(i) + R"(,"customer_id":)" + cust +
                 R"(,"amount":12.34,"category":"books","event_time":"2024-01-01 00:00:00.000"})"});
    }
    // Alternating runs (kinesalite's JIT warms up over the first ones); best of each side.
    double rawPut = 1e9, pipedPut = 1e9, rawGet = 1e9, pipedGet = 1e9;
    for (int rep = 0; rep < reps; ++rep) {
        const std::string raw = "raw" + std::to_string(rep), piped = "piped" + std::to_string(rep);
        createStream(c, raw, shards);
        createStream(c, piped, shards);
        double t0 = now();
        for (std::size_t i = 0; i < all.size(); i += 500) {
            std::vector<PutEntry> batch(
                all.begin() + static_cast<std::ptrdiff_t>(i),
                all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), i + 500)));
            auto r = c.putRecords(raw, batch);
            if (!r.ok()) die(r.error.message);
        }
        rawPut = std::min(rawPut, now() - t0);
        const std::string sinkJson = R"J({"format": "streamwright.pipeline/1",
      "pipeline": {"name": "bench-sink", "parallelism": 1},
      "nodes": [
        {"id": "gen", "type": "generator", "properties": {"kind": "orders", "events_per_second": 0,
          "total_events": )J" + std::to_string(n) +
                                     R"J(, "key_cardinality": 1000}},
        {"id": "sink", "type": "kinesis-sink", "properties": {)J" +
                                     props(k, piped) +
                                     R"J(, "partition_key_fields": ["customer_id"]}}],
      "edges": [{"from": {"node": "gen", "port": "out"}, "to": {"node": "sink", "port": "in"}}]})J";
        pipedPut = std::min(pipedPut, runUntil(sinkJson, "sink", n, true));

        t0 = now();
        std::size_t got = 0;
        auto list = c.listShards(raw);
        if (!list.ok()) die(list.error.message);
        std::vector<std::string> iters;
        for (const auto& s : *list.value) {
            auto it = c.getShardIterator(raw, s.id, IteratorType::TrimHorizon);
            if (!it.ok()) die(it.error.message);
            iters.push_back(*it.value);
        }
        while (got < static_cast<std::size_t>(n)) {
            for (auto& it : iters) {
                auto r = c.getRecords(it);
                if (!r.ok()) die(r.error.message);
                got += r.value->records.size();
                it = r.value->nextIterator;
            }
        }
        rawGet = std::min(rawGet, now() - t0);
        const std::string sourceJson = R"J({"format": "streamwright.pipeline/1",
      "pipeline": {"name": "bench-source", "parallelism": 1},
      "nodes": [
        {"id": "in", "type": "kinesis-source", "properties": {)J" +
                                       props(k, raw) +
                                       R"J(, "format": "json", "watermark": "processing-time",
          "schema": [{"name": "order_id", "type": "BIGINT"}, {"name": "customer_id", "type": "BIGINT"},
                     {"name": "amount", "type": "DECIMAL(10, 2)"}, {"name": "category", "type": "STRING"},
                     {"name": "event_time", "type": "TIMESTAMP(3)"}]}},
        {"id": "out", "type": "console-sink", "properties": {}}],
      "edges": [{"from": {"node": "in", "port": "out"}, "to": {"node": "out", "port": "in"}}]})J";
        pipedGet = std::min(pipedGet, runUntil(sourceJson, "out", n, false));
    }
    std::printf("sink:   raw PutRecords loop %8.0f records/s, kinesis-sink %8.0f records/s, "
                "ratio %.2f\n",
                n / rawPut, n / pipedPut, rawPut / pipedPut);
    std::printf("source: raw GetRecords loop %8.0f records/s, kinesis-source %8.0f records/s, "
                "ratio %.2f (target >= 0.8)\n",
                n / rawGet, n / pipedGet, rawGet / pipedGet);
    return 0;
}
