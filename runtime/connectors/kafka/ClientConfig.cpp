#include "connectors/kafka/ClientConfig.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include <librdkafka/rdkafka.h>

#include "catalog/PropertySpec.h"
#include "connectors/kafka/ClientHealth.h"

namespace sw::runtime::kafka {
namespace {

constexpr std::string_view kMask = "******";

struct GlobalState {
    std::mutex mutex;
    Redactor redactor;
    LogSink sink;
};

GlobalState& global()
{
    static GlobalState* g = new GlobalState(); // never destroyed: log callbacks may run late
    return *g;
}

void defaultSink(int level, const std::string& client, const std::string& line)
{
    // Errors and worse by default; SW_KAFKA_LOG_LEVEL=7 shows librdkafka's debug output (with the
    // `debug` property set on a node, e.g. "fetch,cgrp").
    static const int maxLevel = [] {
        const char* v = std::getenv("SW_KAFKA_LOG_LEVEL");
        return v ? std::atoi(v) : 3;
    }();
    if (level > maxLevel) return;
    std::fprintf(stderr, "kafka: %s: %s\n", client.c_str(), line.c_str());
}

void logCallback(const rd_kafka_t* rk, int level, const char* fac, const char* buf)
{
    std::string client = rk ? rd_kafka_name(rk) : "";
    std::string line = std::string(fac ? fac : "") + ": " + (buf ? buf : "");
    log(level, client, line);
}

} // namespace

void log(int level, const std::string& client, std::string_view line)
{
    LogSink sink;
    std::string redacted;
    {
        GlobalState& g = global();
        std::lock_guard lock(g.mutex);
        redacted = g.redactor.apply(line);
        sink = g.sink;
    }
    if (sink)
        sink(level, client, redacted);
    else
        defaultSink(level, client, redacted);
}

void Redactor::addSecret(std::string value)
{
    if (value.empty()) return;
    if (std::find(m_secrets.begin(), m_secrets.end(), value) != m_secrets.end()) return;
    m_secrets.push_back(std::move(value));
    std::sort(m_secrets.begin(), m_secrets.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string Redactor::apply(std::string_view text) const
{
    std::string out(text);
    for (const std::string& s : m_secrets) {
        std::size_t pos = 0;
        while ((pos = out.find(s, pos)) != std::string::npos) {
            out.replace(pos, s.size(), kMask);
            pos += kMask.size();
        }
    }
    return out;
}

const Redactor& globalRedactor()
{
    return global().redactor;
}

void registerSecret(std::string value)
{
    GlobalState& g = global();
    std::lock_guard lock(g.mutex);
    g.redactor.addSecret(std::move(value));
}

std::string redactSecrets(std::string_view text)
{
    GlobalState& g = global();
    std::lock_guard lock(g.mutex);
    return g.redactor.apply(text);
}

void setLogSink(LogSink sink)
{
    GlobalState& g = global();
    std::lock_guard lock(g.mutex);
    g.sink = std::move(sink);
}

void installLogCallback(rd_kafka_conf_s* conf)
{
    rd_kafka_conf_set_log_cb(conf, logCallback);
}

bool isSecretProperty(std::string_view key)
{
    if (isSecretKey(key)) return true;
    for (std::string_view k : {"sasl.oauthbearer.config", "ssl.keystore.location"})
        if (key == k) return true;
    return false;
}

ClientConfig ClientConfig::defaults(Role role)
{
    ClientConfig c;
    if (role == Role::Producer) {
        c.set("acks", "all");
        c.set("enable.idempotence", "true");
        c.set("compression.type", "lz4");
        c.set("linger.ms", "5");
        c.set("batch.size", "32768");
        // Same key -> same partition as Java clients (Kafka's default partitioner).
        c.set("partitioner", "murmur2_random");
        // Bounded local queue: produce() reports QUEUE_FULL and the sink waits (backpressure).
        c.set("queue.buffering.max.kbytes", "65536");
        c.set("queue.buffering.max.messages", "200000");
    } else {
        c.set("enable.auto.commit", "false");
        c.set("enable.auto.offset.store", "false");
        // Out-of-range offsets (fell behind retention) surface as errors the source handles and
        // reports (records lost); librdkafka never silently jumps.
        c.set("auto.offset.reset", "error");
        c.set("enable.partition.eof", "false");
        // Bounded prefetch: at most 64 MiB (librdkafka's default) is buffered per consumer, plus
        // what one fetch brings beyond it. The bytes bound is the one that applies: for a group
        // consumer both thresholds count the single consumer queue shared by all partitions, and
        // once either is reached librdkafka 2.0 stops fetching and re-checks only when its broker
        // thread wakes, up to 1 s later (fetch.queue.backoff.ms arrives in 2.2). So the queue must
        // hold about a second of consumption: a 20000-message limit starved a pipeline parsing 1M
        // events/s to 70K/s (bench_kafka), with 1M messages / 64 MiB it keeps up with kcat.
        c.set("queued.max.messages.kbytes", "65536");
        c.set("queued.min.messages", "1000000");
        c.set("fetch.wait.max.ms", "100");
    }
    return c;
}

void ClientConfig::set(std::string key, std::string value)
{
    for (auto& e : m_entries)
        if (e.first == key) {
            e.second = std::move(value);
            return;
        }
    m_entries.emplace_back(std::move(key), std::move(value));
}

Status ClientConfig::merge(const nlohmann::json& properties)
{
    if (properties.is_null()) return {};
    if (!properties.is_object()) return Status(makeError("properties: expected an object"));
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        if (!it->is_string())
            return Status(makeError("properties: value of '" + it.key() + "' must be a string"));
        set(it.key(), it->get<std::string>());
    }
    return {};
}

const std::string* ClientConfig::find(std::string_view key) const
{
    for (const auto& e : m_entries)
        if (e.first == key) return &e.second;
    return nullptr;
}

std::string ClientConfig::describe() const
{
    std::string out;
    for (const auto& [k, v] : m_entries) {
        if (!out.empty()) out += ", ";
        out += k + "=" + (isSecretProperty(k) ? std::string(kMask) : v);
    }
    return out;
}

Redactor ClientConfig::redactor() const
{
    Redactor r;
    GlobalState& g = global();
    std::lock_guard lock(g.mutex);
    for (const auto& [k, v] : m_entries)
        if (isSecretProperty(k)) {
            r.addSecret(v);
            g.redactor.addSecret(v);
        }
    return r;
}

Result<rd_kafka_conf_s*> ClientConfig::build(bool health) const
{
    Redactor red = redactor();
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    char err[512];
    for (const auto& [k, v] : m_entries) {
        if (rd_kafka_conf_set(conf, k.c_str(), v.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK) {
            rd_kafka_conf_destroy(conf);
            return makeError("Kafka client property '" + k + "': " + red.apply(err));
        }
    }
    installLogCallback(conf);
    if (health) installHealthCallbacks(conf);
    return conf;
}

} // namespace sw::runtime::kafka
