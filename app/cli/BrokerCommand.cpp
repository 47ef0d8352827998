// streamwright-run broker [--topics t1:3,t2:1] [--brokers N] [--registry-port P] [--data-dir D]
// Runs only the embedded Kafka broker (librdkafka's mock cluster) and the embedded Schema
// Registry until Ctrl-C, for experiments with other Kafka clients (kcat, confluent-kafka, npm's
// kafkajs and @kafkajs/confluent-schema-registry).
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include "BrokerCommand.h"
#include "Commands.h"
#include "catalog/Catalog.h"
#include "connectors/kafka/EmbeddedBroker.h"
#include "schema/SchemaRegistry.h"

namespace sw::cli {
namespace {

const char* kBrokerUsage = R"(Usage: streamwright-run broker [--topics t1:3,t2:1] [--brokers N]
                              [--registry-port P] [--data-dir DIR]

Runs the embedded Kafka broker (an in-process Kafka-protocol cluster) and the embedded Schema
Registry (Confluent's REST API) until Ctrl-C and prints their addresses, e.g.:
  kcat -b <address> -L        curl <registry>/subjects
  --topics LIST       topics to create, NAME[:PARTITIONS] separated by commas (default 1 partition)
  --brokers N         number of brokers in the cluster (1..16, default 1)
  --registry-port P   the Schema Registry's port on 127.0.0.1 (default: a free one)
  --data-dir DIR      keep the registry's schemas in DIR/schema-registry.sqlite (default: in
                      memory, gone at exit)
Limit: each partition keeps about 5 MiB (older messages are deleted).
)";

std::atomic<bool> g_stop{false};

extern "C" void onSignal(int)
{
    g_stop.store(true);
}

} // namespace

int runBrokerCommand(int argc, char** argv)
{
    std::string topics, dataDir;
    int brokers = 1, registryPort = 0;
    for (int i = 0; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](const char* name) -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "streamwright-run broker: %s needs a value\n", name);
                return nullptr;
            }
            return argv[++i];
        };
        if (a == "--help" || a == "-h") {
            std::fputs(kBrokerUsage, stdout);
            return 0;
        } else if (a == "--topics") {
            const char* v = value("--topics");
            if (!v) return 2;
            topics = v;
        } else if (a.rfind("--topics=", 0) == 0) {
            topics = a.substr(9);
        } else if (a == "--brokers") {
            const char* v = value("--brokers");
            if (!v) return 2;
            brokers = std::atoi(v);
        } else if (a == "--registry-port") {
            const char* v = value("--registry-port");
            if (!v) return 2;
            registryPort = std::atoi(v);
            if (registryPort < 1 || registryPort > 65535) {
                std::fprintf(stderr,
                             "streamwright-run broker: --registry-port needs a port from "
                             "1 to 65535, got '%s'\n",
                             v);
                return 2;
            }
        } else if (a == "--data-dir") {
            const char* v = value("--data-dir");
            if (!v) return 2;
            dataDir = v;
        } else {
            std::fprintf(stderr, "streamwright-run broker: unknown option '%s'\n\n%s", a.c_str(),
                         kBrokerUsage);
            return 2;
        }
    }
    auto list = runtime::kafka::parseTopicList(topics);
    if (!list) {
        std::fprintf(stderr, "streamwright-run broker: --topics: %s\n",
                     list.error().message.c_str());
        return 2;
    }
    auto broker = runtime::kafka::EmbeddedBroker::start(brokers);
    if (!broker) {
        std::fprintf(stderr, "streamwright-run broker: %s\n", broker.error().message.c_str());
        return 1;
    }
    if (auto s = (*broker)->createTopics(*list); !s) {
        std::fprintf(stderr, "streamwright-run broker: %s\n", s.message().c_str());
        return 1;
    }
    const std::string store =
        dataDir.empty() ? "" : dataDir + "/" + runtime::schema::SchemaRegistry::kStoreFile;
    auto registry = runtime::schema::SchemaRegistry::start(store, registryPort);
    if (!registry) {
        std::fprintf(stderr, "streamwright-run broker: %s\n", registry.error().message.c_str());
        return 1;
    }
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    std::printf("Embedded Kafka broker (%d broker%s) listening on %s\n", brokers,
                brokers == 1 ? "" : "s", (*broker)->bootstrapServers().c_str());
    std::printf("Kafka: %s\nSchema Registry: %s%s\n", (*broker)->bootstrapServers().c_str(),
                (*registry)->url().c_str(),
                store.empty() ? " (in memory)" : (" (schemas in " + store + ")").c_str());
    for (const auto& t : *list)
        std::printf("  topic %s (%d partition%s)\n", t.name.c_str(), t.partitions,
                    t.partitions == 1 ? "" : "s");
    std::printf("bootstrap.servers=%s\nPress Ctrl-C to stop.\n",
                (*broker)->bootstrapServers().c_str());
    std::fflush(stdout);
    while (!g_stop.load())
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::printf("Stopping the embedded broker and Schema Registry.\n");
    (*registry)->stop();
    return 0;
}

runtime::Result<KafkaRunInfo> KafkaRunInfo::prepare(const runtime::PipelineSpec& pipeline,
                                                    int brokers)
{
    KafkaRunInfo info;
    auto kafka = runtime::kafka::preparePipelineKafka(pipeline, brokers);
    if (!kafka) return kafka.error();
    info.m_kafka = std::move(*kafka);
    for (const auto& n : pipeline.nodes) {
        // Kafka sources and sinks (a Kafka DLQ alone does not make the run a Kafka run here).
        const runtime::NodeType* t = runtime::nodeTypeOf(n);
        if (!t || t->deadLetters || t->kafkaRoleOf(n) == runtime::KafkaRole::None) continue;
        info.m_uses = true;
        if (info.m_bootstrap.empty())
            if (auto ep = runtime::kafka::resolveEndpoint(n))
                info.m_bootstrap = ep->bootstrapServers;
    }
    if (info.m_kafka.broker) info.m_bootstrap = info.m_kafka.broker->bootstrapServers();
    return info;
}

void KafkaRunInfo::refresh()
{
    if (!m_uses) return;
    for (auto& s : runtime::kafka::LagRegistry::instance().snapshot())
        m_lag[{s.nodeId, s.subtask}] = std::move(s);
}

std::string KafkaRunInfo::banner() const
{
    if (!m_uses) return {};
    if (m_kafka.broker)
        return "Kafka: " + m_kafka.describe() +
               (m_kafka.exactlyOnceCaveat.empty() ? "" : "\nNote: " + m_kafka.exactlyOnceCaveat);
    return "Kafka: bootstrap servers " + m_bootstrap;
}

std::string KafkaRunInfo::statusSuffix() const
{
    if (!m_uses) return {};
    std::int64_t lag = 0;
    std::uint64_t lost = 0;
    for (const auto& [id, s] : m_lag) {
        lag += s.totalLag;
        lost += s.recordsLost;
    }
    std::string text = " | kafka " + m_bootstrap;
    if (!m_lag.empty()) text += " lag " + std::to_string(lag);
    if (lost > 0) text += " LOST " + std::to_string(lost);
    return text;
}

nlohmann::json KafkaRunInfo::report() const
{
    if (!m_uses) return nullptr;
    nlohmann::json sources = nlohmann::json::array();
    for (const auto& [id, s] : m_lag) {
        nlohmann::json parts = nlohmann::json::array();
        for (const auto& p : s.partitions)
            parts.push_back({{"partition", p.partition},
                             {"low_watermark", p.lowWatermark},
                             {"high_watermark", p.highWatermark},
                             {"position", p.position},
                             {"committed", p.committed},
                             {"lag", p.lag},
                             {"paused", p.paused}});
        sources.push_back({{"node", s.nodeId},
                           {"subtask", s.subtask},
                           {"topic", s.topic},
                           {"group_id", s.groupId},
                           {"total_lag", s.totalLag},
                           {"records_lost", s.recordsLost},
                           {"rebalances", s.rebalances},
                           {"commits", s.commits},
                           {"commit_failures", s.commitFailures},
                           {"partitions", parts}});
    }
    return {{"bootstrap_servers", m_bootstrap},
            {"embedded", m_kafka.broker != nullptr},
            {"sources", sources}};
}

} // namespace sw::cli
