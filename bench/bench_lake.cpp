// Lake sink throughput: the same orders rows (order_id, customer_id, amount DECIMAL(10, 2),
// category, event_time TIMESTAMP(3); 5 partitions of an hour) written by the file sink as JSON
// Lines (the baseline: one write per batch, no compression), by the lake sink as Avro object
// container files (libavro, deflate, 128 MiB parts) and as gzip JSON Lines, in one process,
// operators driven directly with batches of 512 rows (no engine, no generator in the timing).
// Figures per writer: wall time, rows/s, bytes on disk; then the ratio Avro / file-sink JSONL
// (rows/s). Usage: bench_lake [--rows N] [--dir D]   (default 1000000 rows, a temp dir).
// Asserts nothing.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <string>
#include <vector>

#include <unistd.h>

#include "catalog/Catalog.h"
#include "connectors/ConnectorFactories.h"
#include "exec/Operator.h"

using namespace sw::runtime;
namespace fs = std::filesystem;

namespace {

Schema ordersSchema()
{
    Schema s;
    s.add("order_id", *DataType::parse("BIGINT NOT NULL"));
    s.add("customer_id", *DataType::parse("BIGINT"));
    s.add("amount", *DataType::parse("DECIMAL(10, 2)"));
    s.add("category", *DataType::parse("STRING"));
    s.add("event_time", *DataType::parse("TIMESTAMP(3)"));
    s.setRowtime("event_time");
    return s;
}

std::vector<RecordBatch> batches(std::size_t n)
{
    const char* cats[] = {"books", "games", "garden", "toys", "tools", "music", "food", "sports"};
    std::vector<RecordBatch> out((n + 511) / 512);
    const std::int64_t base = 1796652000000; // 2026-12-07 14:00 UTC
    for (std::size_t i = 0; i < n; ++i) {
        const auto k = static_cast<std::int64_t>(i);
        const std::int64_t ts = base + k * (5 * 3600000 / static_cast<std::int64_t>(n));
        Record r({Value::integer(k), Value::integer(k % 9973),
                  Value::decimal(100 + (k * 37) % 50000, 2), Value::string(cats[i % 8]),
                  Value::timestamp(ts)},
                 ts);
        out[i / 512].appendSwap(r);
    }
    return out;
}

std::uint64_t bytesUnder(const fs::path& p)
{
    std::uint64_t total = 0;
    if (fs::is_regular_file(p)) return fs::file_size(p);
    for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file()) total += e.file_size();
    return total;
}

struct Figure {
    double seconds = 0;
    std::uint64_t bytes = 0;
};

Figure run(const char* label, const std::string& type, nlohmann::json props, const std::string& dir,
           std::size_t rows)
{
    const Schema schema = ordersSchema();
    NodeSpec node;
    node.id = "sink";
    node.type = type;
    node.properties = std::move(props);
    const NodeType* t = Catalog::instance().find(type);
    OperatorSpec spec{node, *t, {schema}, {errorSchema()}, 0, 1, dir};
    auto op = type == "lake-sink" ? makeLakeSinkOperator(spec) : makeFileSinkOperator(spec);
    if (!op) {
        std::fprintf(stderr, "%s\n", op.error().message.c_str());
        std::exit(1);
    }
    SubtaskCounters counters;
    OperatorContext ctx("sink", 0, 1, {schema}, {errorSchema()}, counters);
    ctx.setDataDirectory(dir);
    if (Status s = (*op)->open(ctx); !s) {
        std::fprintf(stderr, "%s\n", s.message().c_str());
        std::exit(1);
    }
    std::vector<RecordBatch> in = batches(rows);
    Collector out;
    const auto start = std::chrono::steady_clock::now();
    for (RecordBatch& b : in)
        (*op)->processBatch(0, b, out);
    (*op)->endOfInput(out);
    (*op)->close();
    Figure f;
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    f.bytes = bytesUnder(fs::path(dir) / node.properties["path"].get<std::string>());
    std::printf("%-26s %8.3f s %12.0f rows/s %10.1f MB on disk %7.1f B/row\n", label, f.seconds,
                static_cast<double>(rows) / f.seconds, static_cast<double>(f.bytes) / 1e6,
                static_cast<double>(f.bytes) / static_cast<double>(rows));
    return f;
}

} // namespace

int main(int argc, char** argv)
{
    std::size_t rows = 1000000;
    std::string dir;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--rows") == 0) rows = std::strtoull(argv[i + 1], nullptr, 10);
        if (std::strcmp(argv[i], "--dir") == 0) dir = argv[i + 1];
    }
    const bool temp = dir.empty();
    if (temp)
        dir = (fs::temp_directory_path() / ("bench_lake_" + std::to_string(::getpid()))).string();
    fs::create_directories(dir);
    std::printf("bench_lake: %zu orders rows, 5 hourly partitions, in %s\n", rows, dir.c_str());
    const Figure jsonl = run("file-sink jsonl", "file-sink",
                             {{"path", "orders.jsonl"}, {"format", "jsonl"}}, dir, rows);
    const Figure avro = run("lake-sink avro (deflate)", "lake-sink",
                            {{"path", "lake-avro"}, {"format", "avro"}}, dir, rows);
    const Figure gz = run("lake-sink jsonl.gz", "lake-sink",
                          {{"path", "lake-jsonl"}, {"format", "jsonl"}}, dir, rows);
    std::printf("ratio lake avro / file jsonl (rows/s): %.2f; lake jsonl.gz / file jsonl: %.2f\n",
                jsonl.seconds / avro.seconds, jsonl.seconds / gz.seconds);
    std::printf("size  lake avro / file jsonl: %.2f; lake jsonl.gz / file jsonl: %.2f\n",
                static_cast<double>(avro.bytes) / static_cast<double>(jsonl.bytes),
                static_cast<double>(gz.bytes) / static_cast<double>(jsonl.bytes));
    if (temp) fs::remove_all(dir);
    return 0;
}
