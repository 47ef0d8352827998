#pragma once
// The embedded Kafka broker: librdkafka's in-process mock cluster (rdkafka_mock.h), reachable by
// any Kafka client (kcat, confluent-kafka) on 127.0.0.1. Used when a pipeline's Kafka nodes name
// no bootstrap servers, by `streamwright-run broker`, by tests and benchmarks.
//
// Known limit (librdkafka 2.0.2): each partition keeps only about 5 MiB of message sets (older
// ones are deleted, like retention). Consumers detect that they fell behind (see KafkaSource) and
// producers feeding embedded topics pace themselves on consumer lag (see KafkaLagRegistry).
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "util/Result.h"

struct rd_kafka_s;
struct rd_kafka_mock_cluster_s;

namespace sw::runtime::kafka {

/// One topic to create: name and partition count.
struct TopicSpec {
    std::string name;
    int partitions = 1;
    friend bool operator==(const TopicSpec&, const TopicSpec&) = default;
};

/// Parses "t1:3,t2:1" (partition count optional, default 1). Fails with a message naming the
/// bad item.
Result<std::vector<TopicSpec>> parseTopicList(const std::string& text);

class EmbeddedBroker {
public:
    ~EmbeddedBroker();
    EmbeddedBroker(const EmbeddedBroker&) = delete;
    EmbeddedBroker& operator=(const EmbeddedBroker&) = delete;

    /// Starts a new cluster of `brokers` brokers (1..16) listening on 127.0.0.1 (ephemeral ports).
    static Result<std::unique_ptr<EmbeddedBroker>> start(int brokers = 1);

    /// The process-wide shared broker: started on first use, kept while anybody holds it, so
    /// several pipelines (and tests) in one process see the same topics and consumer groups.
    /// `brokers` only matters when it is started by this call.
    static Result<std::shared_ptr<EmbeddedBroker>> shared(int brokers = 1);
    /// The shared broker when one is running, else nullptr (never starts one).
    static std::shared_ptr<EmbeddedBroker> sharedIfRunning();

    /// "127.0.0.1:port[,127.0.0.1:port...]".
    const std::string& bootstrapServers() const { return m_bootstraps; }
    int brokerCount() const { return m_brokers; }

    /// Creates a topic; an existing topic is left as it is (its partition count is reported
    /// through `existingPartitions` when not null, -1 when the topic was created now).
    Status createTopic(const std::string& name, int partitions, int* existingPartitions = nullptr);
    Status createTopics(const std::vector<TopicSpec>& topics);
    /// Partition count of a topic created through this object, or -1.
    int knownPartitions(const std::string& name) const;

    // ---- fault injection (tests) ----
    /// Takes broker `id` (1-based) down / up: its connections are closed and it refuses new ones.
    Status setBrokerDown(int id);
    Status setBrokerUp(int id);
    /// The next `errors.size()` requests of API `apiKey` (e.g. 0 = Produce, 1 = Fetch,
    /// 8 = OffsetCommit) fail with these error codes (rd_kafka_resp_err_t values).
    void pushRequestErrors(int apiKey, const std::vector<int>& errors);
    /// Round-trip time added by broker `id`.
    Status setRtt(int id, int rttMs);

    /// The raw mock cluster, for tests that need more of rdkafka_mock.h.
    rd_kafka_mock_cluster_s* mockCluster() const { return m_cluster; }

private:
    EmbeddedBroker() = default;
    rd_kafka_s* m_handle = nullptr; // owns the mock cluster's thread
    rd_kafka_mock_cluster_s* m_cluster = nullptr;
    std::string m_bootstraps;
    int m_brokers = 1;
    mutable std::mutex m_mutex;
    std::vector<TopicSpec> m_topics;
};

} // namespace sw::runtime::kafka
