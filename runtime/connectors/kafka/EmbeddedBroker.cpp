#include "connectors/kafka/EmbeddedBroker.h"

#include <cctype>
#include <cstdlib>

#include <librdkafka/rdkafka.h>
// rdkafka_mock.h must follow rdkafka.h
#include <librdkafka/rdkafka_mock.h>

#include "connectors/kafka/ClientConfig.h"

namespace sw::runtime::kafka {
namespace {

std::mutex& sharedMutex()
{
    static std::mutex m;
    return m;
}
std::weak_ptr<EmbeddedBroker>& sharedSlot()
{
    static std::weak_ptr<EmbeddedBroker> w;
    return w;
}

bool validTopicName(const std::string& t)
{
    if (t.empty() || t.size() > 249 || t == "." || t == "..") return false;
    for (char c : t)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-'))
            return false;
    return true;
}

} // namespace

Result<std::vector<TopicSpec>> parseTopicList(const std::string& text)
{
    std::vector<TopicSpec> out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t comma = text.find(',', pos);
        std::string item =
            text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        pos = comma == std::string::npos ? text.size() + 1 : comma + 1;
        if (item.empty()) continue;
        TopicSpec t;
        std::size_t colon = item.rfind(':');
        t.name = item.substr(0, colon);
        if (colon != std::string::npos) {
            std::string n = item.substr(colon + 1);
            char* end = nullptr;
            long v = std::strtol(n.c_str(), &end, 10);
            if (n.empty() || *end != '\0' || v < 1 || v > 10000)
                return makeError("topic '" + item + "': partition count must be 1..10000");
            t.partitions = static_cast<int>(v);
        }
        if (!validTopicName(t.name))
            return makeError("topic '" + t.name +
                             "': not a valid Kafka topic name ([A-Za-z0-9._-], "
                             "at most 249 characters)");
        out.push_back(std::move(t));
    }
    return out;
}

EmbeddedBroker::~EmbeddedBroker()
{
    if (m_cluster) rd_kafka_mock_cluster_destroy(m_cluster);
    if (m_handle) rd_kafka_destroy(m_handle);
}

Result<std::unique_ptr<EmbeddedBroker>> EmbeddedBroker::start(int brokers)
{
    if (brokers < 1 || brokers > 16)
        return makeError("embedded broker: broker count must be 1..16");
    ClientConfig cfg;
    cfg.set("client.id", "streamwright-embedded-broker");
    auto conf = cfg.build();
    if (!conf) return conf.error();
    char err[512];
    rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, *conf, err, sizeof err);
    if (!rk) {
        rd_kafka_conf_destroy(*conf);
        return makeError(std::string("embedded broker: cannot create its client handle: ") + err);
    }
    std::unique_ptr<EmbeddedBroker> b(new EmbeddedBroker());
    b->m_handle = rk;
    b->m_brokers = brokers;
    b->m_cluster = rd_kafka_mock_cluster_new(rk, brokers);
    if (!b->m_cluster)
        return makeError("embedded broker: librdkafka could not start a mock cluster");
    b->m_bootstraps = rd_kafka_mock_cluster_bootstraps(b->m_cluster);
    return b;
}

Result<std::shared_ptr<EmbeddedBroker>> EmbeddedBroker::shared(int brokers)
{
    std::lock_guard lock(sharedMutex());
    if (auto b = sharedSlot().lock()) return b;
    auto started = start(brokers);
    if (!started) return started.error();
    std::shared_ptr<EmbeddedBroker> b(std::move(*started));
    sharedSlot() = b;
    return b;
}

std::shared_ptr<EmbeddedBroker> EmbeddedBroker::sharedIfRunning()
{
    std::lock_guard lock(sharedMutex());
    return sharedSlot().lock();
}

Status EmbeddedBroker::createTopic(const std::string& name, int partitions, int* existingPartitions)
{
    if (existingPartitions) *existingPartitions = -1;
    if (!validTopicName(name))
        return Status(makeError("'" + name + "' is not a valid Kafka topic name"));
    if (partitions < 1) return Status(makeError("topic '" + name + "': partitions must be >= 1"));
    std::lock_guard lock(m_mutex);
    for (const auto& t : m_topics)
        if (t.name == name) {
            if (existingPartitions) *existingPartitions = t.partitions;
            return {};
        }
    // Replication factor = broker count (capped at 3, like a production cluster).
    int rf = m_brokers < 3 ? m_brokers : 3;
    rd_kafka_resp_err_t e = rd_kafka_mock_topic_create(m_cluster, name.c_str(), partitions, rf);
    if (e == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
        // Auto-created by a client before us (the mock creates 4 partitions by default).
        if (existingPartitions) *existingPartitions = 0;
        return {};
    }
    if (e != RD_KAFKA_RESP_ERR_NO_ERROR)
        return Status(makeError("embedded broker: cannot create topic '" + name +
                                "': " + rd_kafka_err2str(e)));
    m_topics.push_back({name, partitions});
    return {};
}

Status EmbeddedBroker::createTopics(const std::vector<TopicSpec>& topics)
{
    for (const auto& t : topics) {
        Status s = createTopic(t.name, t.partitions);
        if (!s) return s;
    }
    return {};
}

int EmbeddedBroker::knownPartitions(const std::string& name) const
{
    std::lock_guard lock(m_mutex);
    for (const auto& t : m_topics)
        if (t.name == name) return t.partitions;
    return -1;
}

Status EmbeddedBroker::setBrokerDown(int id)
{
    rd_kafka_resp_err_t e = rd_kafka_mock_broker_set_down(m_cluster, id);
    if (e)
        return Status(makeError(std::string("embedded broker: set down: ") + rd_kafka_err2str(e)));
    return {};
}

Status EmbeddedBroker::setBrokerUp(int id)
{
    rd_kafka_resp_err_t e = rd_kafka_mock_broker_set_up(m_cluster, id);
    if (e) return Status(makeError(std::string("embedded broker: set up: ") + rd_kafka_err2str(e)));
    return {};
}

void EmbeddedBroker::pushRequestErrors(int apiKey, const std::vector<int>& errors)
{
    std::vector<rd_kafka_resp_err_t> e;
    for (int x : errors)
        e.push_back(static_cast<rd_kafka_resp_err_t>(x));
    rd_kafka_mock_push_request_errors_array(m_cluster, static_cast<int16_t>(apiKey), e.size(),
                                            e.data());
}

Status EmbeddedBroker::setRtt(int id, int rttMs)
{
    rd_kafka_resp_err_t e = rd_kafka_mock_broker_set_rtt(m_cluster, id, rttMs);
    if (e)
        return Status(makeError(std::string("embedded broker: set rtt: ") + rd_kafka_err2str(e)));
    return {};
}

} // namespace sw::runtime::kafka
