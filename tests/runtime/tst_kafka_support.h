#pragma once
// Helpers for the Kafka tests: drive operators directly through the engine interfaces (a
// Collector wired to an InputGate we drain), and plain librdkafka producers/consumers as
// independent clients of the embedded broker.
#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <librdkafka/rdkafka.h>
#include <nlohmann/json.hpp>

#include "catalog/Catalog.h"
#include "catalog/PipelineLoader.h"
#include "exec/Collector.h"
#include "exec/Engine.h"
#include "exec/InputGate.h"
#include "exec/Operator.h"
#include "exec/OperatorContext.h"

namespace sw::test {
using namespace sw::runtime;

/// A Collector with an `out` port (0) and an `errors` port (1), both feeding one InputGate
/// (channel 0 = out, channel 1 = errors) that the test drains.
struct Capture {
    explicit Capture(std::size_t capacityBatches = 100000, std::size_t batchSize = 64)
        : gate(capacityBatches)
    {
        int chOut = gate.addChannel(0, &cc[0]);
        int chErr = gate.addChannel(0, &cc[1]);
        std::vector<OutputPort> ports(2);
        ports[0].addEdge(Partitioning::Forward, {}, {OutputPort::Target{&gate, chOut, &cc[0]}});
        ports[1].addEdge(Partitioning::Forward, {}, {OutputPort::Target{&gate, chErr, &cc[1]}});
        for (auto& p : ports)
            p.setBatchSize(batchSize);
        collector = Collector("node", std::move(ports), 1, &counters);
    }
    /// Moves everything queued into `out` / `errors`.
    void drain()
    {
        collector.flushAll();
        int ch;
        StreamElement e;
        while (gate.tryPop(ch, e) == InputGate::PopResult::Element) {
            if (e.kind != StreamElement::Kind::Records) continue;
            for (Record& r : *e.batch)
                (ch == 0 ? out : errors).push_back(r);
            gate.release(ch, std::move(e.batch));
        }
    }
    InputGate gate;
    ChannelCounters cc[2];
    SubtaskCounters counters;
    Collector collector;
    std::vector<Record> out;
    std::vector<Record> errors;
};

/// A node of a catalog type with its derived schemas, kept alive for OperatorSpec references.
struct NodeFixture {
    NodeFixture(const std::string& type, const std::string& id, nlohmann::json props,
                std::vector<Schema> inputs = {})
    {
        node.id = id;
        node.type = type;
        node.properties = std::move(props);
        nodeType = Catalog::instance().find(type);
        inputSchemas = std::move(inputs);
        std::vector<const Schema*> in;
        for (const Schema& s : inputSchemas)
            in.push_back(&s);
        Diagnostics d;
        outputSchemas = Catalog::instance().deriveSchemas(node, in, d);
        for (const auto& x : d)
            diagnostics += x.message + "; ";
    }
    OperatorSpec spec(int subtask = 0, int parallelism = 1) const
    {
        return OperatorSpec{node, *nodeType, inputSchemas, outputSchemas, subtask, parallelism, ""};
    }
    std::unique_ptr<OperatorContext> context(int subtask = 0) const
    {
        auto c = std::make_unique<OperatorContext>(node.id, subtask, 1, inputSchemas, outputSchemas,
                                                   counters);
        c->setStopToken(stop.get_token());
        return c;
    }
    NodeSpec node;
    const NodeType* nodeType = nullptr;
    std::vector<Schema> inputSchemas;
    std::vector<Schema> outputSchemas;
    std::string diagnostics;
    mutable SubtaskCounters counters;
    mutable std::stop_source stop;
};

struct Msg {
    std::string key;
    std::string value;
    bool hasKey = false;
    bool hasValue = true;
    std::int32_t partition = -1;
    std::int64_t offset = -1;
    std::int64_t timestamp = -1;
    std::vector<std::pair<std::string, std::string>> headers;
};

inline rd_kafka_t* newClient(rd_kafka_type_t type, const std::string& bootstrap,
                             std::map<std::string, std::string> extra = {})
{
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    char err[512];
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.c_str(), err, sizeof err);
    rd_kafka_conf_set(conf, "log_level", "2", err, sizeof err);
    for (auto& [k, v] : extra)
        rd_kafka_conf_set(conf, k.c_str(), v.c_str(), err, sizeof err);
    return rd_kafka_new(type, conf, err, sizeof err);
}

/// Produces messages synchronously (acks=all); returns the number delivered.
inline int produce(const std::string& bootstrap, const std::string& topic,
                   const std::vector<Msg>& msgs)
{
    rd_kafka_t* rk = newClient(RD_KAFKA_PRODUCER, bootstrap, {{"linger.ms", "5"}, {"acks", "all"}});
    int failed = 0;
    for (const Msg& m : msgs) {
        rd_kafka_headers_t* h = nullptr;
        if (!m.headers.empty()) {
            h = rd_kafka_headers_new(m.headers.size());
            for (auto& [n, v] : m.headers)
                rd_kafka_header_add(h, n.c_str(), -1, v.data(), static_cast<ssize_t>(v.size()));
        }
        for (;;) {
            rd_kafka_resp_err_t e = rd_kafka_producev(
                rk, RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_PARTITION(m.partition),
                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                RD_KAFKA_V_KEY(m.hasKey ? m.key.data() : nullptr, m.hasKey ? m.key.size() : 0),
                RD_KAFKA_V_VALUE(m.hasValue ? const_cast<char*>(m.value.data()) : nullptr,
                                 m.hasValue ? m.value.size() : 0),
                RD_KAFKA_V_TIMESTAMP(m.timestamp > 0 ? m.timestamp : 0), RD_KAFKA_V_HEADERS(h),
                RD_KAFKA_V_END);
            if (e == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
                rd_kafka_poll(rk, 10);
                continue;
            }
            if (e) {
                ++failed;
                if (h) rd_kafka_headers_destroy(h);
            }
            break;
        }
    }
    rd_kafka_flush(rk, 30000);
    int left = rd_kafka_outq_len(rk);
    rd_kafka_destroy(rk);
    return static_cast<int>(msgs.size()) - failed - left;
}

/// Reads every partition of `topic` from the beginning up to the high watermark at call time.
inline std::vector<Msg> readAll(const std::string& bootstrap, const std::string& topic,
                                int partitions, int timeoutMs = 20000)
{
    rd_kafka_t* rk = newClient(RD_KAFKA_CONSUMER, bootstrap,
                               {{"group.id", "test-reader"}, {"enable.auto.commit", "false"}});
    rd_kafka_topic_partition_list_t* list = rd_kafka_topic_partition_list_new(partitions);
    std::map<int, std::int64_t> high;
    for (int p = 0; p < partitions; ++p) {
        std::int64_t lo = 0, hi = 0;
        rd_kafka_query_watermark_offsets(rk, topic.c_str(), p, &lo, &hi, 5000);
        high[p] = hi;
        if (hi > lo) rd_kafka_topic_partition_list_add(list, topic.c_str(), p)->offset = lo;
    }
    std::vector<Msg> out;
    if (list->cnt > 0) {
        rd_kafka_assign(rk, list);
        std::map<int, std::int64_t> next;
        auto done = [&] {
            for (auto& [p, h] : high)
                if (h > 0 && next[p] < h) return false;
            return true;
        };
        auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        while (!done() && std::chrono::steady_clock::now() < deadline) {
            rd_kafka_message_t* m = rd_kafka_consumer_poll(rk, 100);
            if (!m) continue;
            if (!m->err && m->offset < high[m->partition]) {
                Msg x;
                x.partition = m->partition;
                x.offset = m->offset;
                x.hasKey = m->key != nullptr;
                if (m->key) x.key.assign(static_cast<const char*>(m->key), m->key_len);
                x.hasValue = m->payload != nullptr;
                if (m->payload) x.value.assign(static_cast<const char*>(m->payload), m->len);
                x.timestamp = rd_kafka_message_timestamp(m, nullptr);
                rd_kafka_headers_t* h = nullptr;
                if (rd_kafka_message_headers(m, &h) == RD_KAFKA_RESP_ERR_NO_ERROR) {
                    const char* n;
                    const void* v;
                    size_t s;
                    for (size_t i = 0; rd_kafka_header_get_all(h, i, &n, &v, &s) == 0; ++i)
                        x.headers.emplace_back(n, v ? std::string(static_cast<const char*>(v), s)
                                                    : "");
                }
                next[m->partition] = m->offset + 1;
                out.push_back(std::move(x));
            }
            rd_kafka_message_destroy(m);
        }
    }
    rd_kafka_topic_partition_list_destroy(list);
    rd_kafka_consumer_close(rk);
    rd_kafka_destroy(rk);
    return out;
}

/// The committed offset of `group` for topic[partition] (-1001 = none).
inline std::int64_t committedOffset(const std::string& bootstrap, const std::string& group,
                                    const std::string& topic, int partition)
{
    rd_kafka_t* rk = newClient(RD_KAFKA_CONSUMER, bootstrap,
                               {{"group.id", group}, {"enable.auto.commit", "false"}});
    rd_kafka_topic_partition_list_t* list = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(list, topic.c_str(), partition);
    std::int64_t off = -2000;
    if (rd_kafka_committed(rk, list, 10000) == RD_KAFKA_RESP_ERR_NO_ERROR)
        off = list->elems[0].offset;
    rd_kafka_topic_partition_list_destroy(list);
    rd_kafka_destroy(rk);
    return off;
}

/// Commits `offset` for `group` on topic[partition] without joining the group.
inline bool commitOffset(const std::string& bootstrap, const std::string& group,
                         const std::string& topic, int partition, std::int64_t offset)
{
    rd_kafka_t* rk = newClient(RD_KAFKA_CONSUMER, bootstrap,
                               {{"group.id", group}, {"enable.auto.commit", "false"}});
    rd_kafka_topic_partition_list_t* list = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(list, topic.c_str(), partition)->offset = offset;
    bool ok = rd_kafka_commit(rk, list, 0) == RD_KAFKA_RESP_ERR_NO_ERROR;
    rd_kafka_topic_partition_list_destroy(list);
    rd_kafka_destroy(rk);
    return ok;
}

/// Polls `pred` every 20 ms for up to `ms`; true when it held.
template <typename Pred> bool waitFor(Pred pred, int ms)
{
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (std::chrono::steady_clock::now() < deadline) {
        if (pred()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return pred();
}

/// Runs a shell command, returns its exit code and stdout.
inline int runCommand(const std::string& cmd, std::string* out = nullptr)
{
    FILE* f = popen(cmd.c_str(), "r");
    if (!f) return -1;
    char buf[4096];
    std::string s;
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        s.append(buf, n);
    int rc = pclose(f);
    if (out) *out = s;
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

// ---- whole pipelines run by the engine ----

inline std::string errorsOf(const std::vector<EngineEvent>& ev)
{
    std::string s;
    for (const auto& e : ev)
        if (e.kind == EngineEvent::Kind::Error) s += e.nodeId + ": " + e.message + "\n";
    return s;
}

inline const NodeMetrics* nodeOf(const MetricsSnapshot& s, const std::string& id)
{
    return s.node(id);
}

/// Starts `pipelineJson`, waits until `pred(snapshot)` holds, then drains and joins.
struct Run {
    Engine engine;
    std::vector<EngineEvent> events;
    bool start(const std::string& pipelineJson, std::string* error)
    {
        auto p = parsePipeline(pipelineJson);
        if (!p) {
            *error = p.error().toString();
            return false;
        }
        EngineOptions o;
        o.drainTimeoutMs = 20000;
        o.watermarkIntervalMs = 50;
        o.checkpointIntervalMs = 200;
        Status s = engine.start(*p, o);
        if (!s) *error = s.message();
        return s.isOk();
    }
    template <typename P> bool waitUntil(P pred, int ms)
    {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (std::chrono::steady_clock::now() < deadline) {
            auto ev = engine.pollEvents();
            events.insert(events.end(), ev.begin(), ev.end());
            if (pred(engine.snapshot())) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }
    bool stop(StopMode mode = StopMode::Drain)
    {
        engine.stop(mode);
        bool ok = engine.wait(60000);
        auto ev = engine.pollEvents();
        events.insert(events.end(), ev.begin(), ev.end());
        return ok;
    }
};

/// kafka-source `in` -> kafka-sink `out` (JSON {id, payload}, keyed by id); `extraSource` and
/// `extraSink` are appended to the nodes' properties.
inline std::string passThrough(const std::string& name, const std::string& in,
                               const std::string& out, const std::string& group,
                               const std::string& extraSource = "", int parallelism = 2,
                               int partitions = 4, const std::string& extraSink = "")
{
    return R"({"format": "streamwright.pipeline/1",
      "pipeline": {"name": ")" +
           name + R"(", "parallelism": )" + std::to_string(parallelism) + R"(},
      "nodes": [
        {"id": "in", "type": "kafka-source", "properties": {"topic": ")" +
           in + R"(", "group_id": ")" + group + R"(", "partitions": )" +
           std::to_string(partitions) + R"(, "format": "json", "watermark": "processing-time",
           "schema": [{"name": "id", "type": "BIGINT"}, {"name": "payload", "type": "STRING"}])" +
           extraSource + R"(}},
        {"id": "out", "type": "kafka-sink", "properties": {"topic": ")" +
           out + R"(", "key_fields": ["id"], "partitions": )" + std::to_string(partitions) +
           extraSink + R"(}}
      ],
      "edges": [{"from": {"node": "in", "port": "out"}, "to": {"node": "out", "port": "in"}}]})";
}

inline std::vector<Msg> idMessages(int from, int to, int partitions)
{
    std::vector<Msg> v;
    for (int i = from; i < to; ++i) {
        Msg m;
        m.key = std::to_string(i);
        m.hasKey = true;
        m.value = "{\"id\":" + std::to_string(i) + ",\"payload\":\"p" + std::to_string(i) + "\"}";
        m.partition = i % partitions;
        v.push_back(m);
    }
    return v;
}

inline std::multiset<std::int64_t> idsIn(const std::vector<Msg>& msgs)
{
    std::multiset<std::int64_t> s;
    for (const Msg& m : msgs)
        s.insert(nlohmann::json::parse(m.value)["id"].get<std::int64_t>());
    return s;
}

} // namespace sw::test
