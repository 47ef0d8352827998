// bench_redis: redis-sink throughput (pipelined SETs from one subtask) against redis-benchmark's
// SET with the same pipeline depth on the same server, in the same run (target ratio >= 0.5).
//
//   bench_redis [rows=300000] [depth=1000]
//
// Starts redis-server (Debian's; no persistence) on a free 127.0.0.1 port, runs
// `redis-benchmark -t set -P <depth> -c 1 -n <rows> -r <rows> -d 8` (one connection, as the sink
// has one per subtask; -c 50 is printed too for reference), then drives the sink operator
// directly (ConnectorTestHarness: no generator or channel in the measurement) over batches of
// 1000 rows with distinct keys and 8-byte values, and prints rows/s of both and the ratio.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>

#include "../tests/runtime/ConnectorTestHarness.h"

using namespace sw::runtime;
using namespace sw::test;

namespace {

int freePort()
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

std::string run(const std::string& cmd)
{
    std::string out;
    FILE* f = popen(cmd.c_str(), "r");
    if (!f) return out;
    char buf[4096];
    while (std::size_t n = fread(buf, 1, sizeof buf, f))
        out.append(buf, n);
    pclose(f);
    return out;
}

/// requests per second from `redis-benchmark --csv` ("SET","123456.78",...).
double benchmarkSet(int port, long rows, int depth, int clients)
{
    const std::string out =
        run("redis-benchmark -h 127.0.0.1 -p " + std::to_string(port) + " -t set -P " +
            std::to_string(depth) + " -c " + std::to_string(clients) + " -n " +
            std::to_string(rows) + " -r " + std::to_string(rows) + " -d 8 --csv 2>/dev/null");
    auto p = out.find("\"SET\",\"");
    return p == std::string::npos ? 0 : std::atof(out.c_str() + p + 7);
}

double sinkSet(int port, long rows, int depth)
{
    Schema schema({{"id", DataType::bigint()}, {"v", DataType::string()}});
    OperatorHarness h(makeNode("bench", "redis-sink",
                               {{"url", "redis://127.0.0.1:" + std::to_string(port) + "/0"},
                                {"key_fields", {"id"}},
                                {"key_prefix", "key:"},
                                {"value_fields", {"v"}},
                                {"value_format", "text"},
                                {"batch_size", depth}}),
                      {schema});
    auto op = h.build();
    if (!op) throw std::runtime_error(op.error().message);
    if (Status s = (*op)->open(*h.ctx); !s) throw std::runtime_error(s.message());
    CaptureCollector out(1, 0);
    const auto t0 = std::chrono::steady_clock::now();
    RecordBatch batch;
    for (long i = 0; i < rows;) {
        batch.clear();
        for (int j = 0; j < 1000 && i < rows; ++j, ++i) {
            Record r;
            r.row = {Value::integer(i), Value::string("xxxxxxxx")};
            batch.appendSwap(r);
        }
        (*op)->processBatch(0, batch, out.out());
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!out.records(0).empty()) throw std::runtime_error("rows refused by Redis");
    (*op)->close();
    return static_cast<double>(rows) / s;
}

} // namespace

int main(int argc, char** argv)
{
    const long rows = argc > 1 ? std::atol(argv[1]) : 300000;
    const int depth = argc > 2 ? std::atoi(argv[2]) : 1000;
    const int port = freePort();
    const std::string dir = "/tmp/bench_redis_" + std::to_string(port);
    run("mkdir -p " + dir);
    run("redis-server --port " + std::to_string(port) + " --bind 127.0.0.1 --save '' " +
        "--appendonly no --daemonize yes --dir " + dir + " --pidfile " + dir + "/redis.pid");
    const std::string cli = "redis-cli -p " + std::to_string(port) + " ";
    for (int i = 0; i < 200 && run(cli + "ping").find("PONG") == std::string::npos; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    int rc = 0;
    try {
        const double rb1 = benchmarkSet(port, rows, depth, 1);
        const double rb50 = benchmarkSet(port, rows, depth, 50);
        run(cli + "flushall");
        const double sink = sinkSet(port, rows, depth);
        std::string keys = run(cli + "dbsize");
        while (!keys.empty() && (keys.back() == '\n' || keys.back() == '\r'))
            keys.pop_back();
        std::printf("rows %ld, pipeline depth %d, redis %s", rows, depth,
                    run("redis-server --version | cut -d' ' -f3").c_str());
        std::printf("redis-benchmark SET -c 1 : %12.0f req/s\n", rb1);
        std::printf("redis-benchmark SET -c 50: %12.0f req/s (reference)\n", rb50);
        std::printf("redis-sink SET (1 subtask): %11.0f rows/s (keys in Redis: %s)\n", sink,
                    keys.c_str());
        std::printf("ratio sink / redis-benchmark -c 1: %.2f (target >= 0.5)\n",
                    rb1 > 0 ? sink / rb1 : 0.0);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_redis: %s\n", e.what());
        rc = 1;
    }
    run(cli + "shutdown nosave");
    run("rm -rf " + dir);
    return rc;
}
