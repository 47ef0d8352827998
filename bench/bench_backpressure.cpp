// Backpressure throughput (moved out of tst_backpressure, which now asserts the mechanism only):
// source -> map -> sink on three threads (no chaining), batch 256, capacity 4. Measures the sink's
// rate unthrottled, then with the sink throttled to 10% of that rate, then after the throttle
// lifts, with the share of time the producers spent blocked and the records in flight in each
// phase. Usage: bench_backpressure [phase_ms]   Prints figures; asserts nothing.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "exec/Engine.h"
#include "exec/Operator.h"
#include "model/PipelineSpec.h"

using namespace sw::runtime;

namespace {

struct Flow {
    std::atomic<std::int64_t> nanosPerRecord{0}; // sink throttle, 0 = none
    std::mutex mutex;
    std::condition_variable_any cv;
};

class SequenceSource : public SourceOperator {
public:
    SourceStatus poll(Collector& out, std::size_t) override
    {
        for (int k = 0; k < 64; ++k) {
            m_rec.row = {Value::integer(m_next), Value::integer(m_next % 10),
                         Value::timestamp(1'700'000'000'000 + m_next)};
            m_rec.timestamp = kNoTimestamp;
            ++m_next;
            out.emit(m_rec);
        }
        return SourceStatus::More;
    }

private:
    std::int64_t m_next = 0;
    Record m_rec;
};

class ThrottledSink : public Operator {
public:
    explicit ThrottledSink(std::shared_ptr<Flow> f) : m_f(std::move(f)) {}
    Status open(OperatorContext& ctx) override
    {
        m_stop = ctx.stopToken();
        return Status::ok();
    }
    void processBatch(int, RecordBatch& batch, Collector&) override
    {
        if (std::int64_t ns = m_f->nanosPerRecord.load(); ns > 0) {
            auto until = std::chrono::steady_clock::now() +
                         std::chrono::nanoseconds(ns * static_cast<std::int64_t>(batch.size()));
            std::unique_lock l(m_f->mutex);
            m_f->cv.wait_until(l, m_stop, until, [&] { return m_f->nanosPerRecord.load() == 0; });
        }
    }

private:
    std::shared_ptr<Flow> m_f;
    std::stop_token m_stop;
};

NodeSpec makeNode(const std::string& id, const std::string& type, nlohmann::json props)
{
    NodeSpec n;
    n.id = id;
    n.type = type;
    n.properties = std::move(props);
    return n;
}

struct Phase {
    double rate = 0;         // sink records/s
    double blockedShare = 0; // source edge: blocked time / wall time
    std::int64_t peakInFlight = 0;
};

Phase measure(Engine& e, int ms)
{
    using clock = std::chrono::steady_clock;
    MetricsSnapshot a = e.snapshot();
    auto t0 = clock::now();
    Phase p;
    while (clock::now() - t0 < std::chrono::milliseconds(ms)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        MetricsSnapshot s = e.snapshot();
        p.peakInFlight = std::max(p.peakInFlight, std::int64_t(s.node("src")->recordsOut) -
                                                      std::int64_t(s.node("sink")->recordsIn));
    }
    MetricsSnapshot b = e.snapshot();
    double secs = std::chrono::duration<double>(clock::now() - t0).count();
    p.rate = double(b.node("sink")->recordsIn - a.node("sink")->recordsIn) / secs;
    p.blockedShare = double(b.edges.front().blockedNs - a.edges.front().blockedNs) / (secs * 1e9);
    return p;
}

} // namespace

int main(int argc, char** argv)
{
    const int phaseMs = argc > 1 ? std::atoi(argv[1]) : 1000;
    auto flow = std::make_shared<Flow>();
    EngineOptions o;
    o.chaining = false;
    o.batchSize = 256;
    o.channelCapacity = 4;
    o.operatorOverrides["src"] = [](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<SequenceSource>();
    };
    o.operatorOverrides["sink"] = [flow](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<ThrottledSink>(flow);
    };
    nlohmann::json schema = nlohmann::json::array({{{"name", "id"}, {"type", "BIGINT"}},
                                                   {{"name", "k"}, {"type", "BIGINT"}},
                                                   {{"name", "ts"}, {"type", "TIMESTAMP(3)"}}});
    PipelineSpec p;
    p.nodes = {
        makeNode("src", "file-source",
                 {{"path", "unused.jsonl"}, {"schema", schema}, {"timestamp_column", "ts"}}),
        makeNode("m", "map",
                 {{"columns", {{{"name", "id"}, {"expr", "id"}}}}, {"keep_input_columns", false}}),
        makeNode("sink", "console-sink", nlohmann::json::object())};
    p.edges = {EdgeSpec{PortRef{"src", "out"}, PortRef{"m", "in"}},
               EdgeSpec{PortRef{"m", "out"}, PortRef{"sink", "in"}}};
    Engine e;
    if (Status s = e.start(p, o); !s) {
        std::fprintf(stderr, "start failed: %s\n", s.message().c_str());
        return 1;
    }
    const std::int64_t bound = 2 * (4 + 2) * 256;
    std::this_thread::sleep_for(std::chrono::milliseconds(200)); // warm up
    Phase free = measure(e, phaseMs);
    flow->nanosPerRecord = static_cast<std::int64_t>(1e9 / (0.1 * std::max(free.rate, 1.0)));
    std::this_thread::sleep_for(std::chrono::milliseconds(100)); // queues fill
    Phase throttled = measure(e, phaseMs);
    flow->nanosPerRecord = 0;
    flow->cv.notify_all();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    Phase recovered = measure(e, phaseMs);
    e.stop(StopMode::Cancel);
    e.wait();
    auto print = [&](const char* name, const Phase& ph) {
        std::printf("%-10s %12.0f records/s  source blocked %5.1f%%  peak in flight %6lld "
                    "(bound %lld)\n",
                    name, ph.rate, 100 * ph.blockedShare, static_cast<long long>(ph.peakInFlight),
                    static_cast<long long>(bound));
    };
    print("free", free);
    print("throttled", throttled);
    print("recovered", recovered);
    std::printf("throttled/free %.3f (target 0.1), recovered/throttled %.1fx\n",
                throttled.rate / std::max(free.rate, 1.0),
                recovered.rate / std::max(throttled.rate, 1.0));
    return 0;
}
