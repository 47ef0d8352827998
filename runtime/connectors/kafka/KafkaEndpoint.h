#pragma once
// Where a Kafka node connects: its `bootstrap_servers` property, else a `bootstrap.servers`
// entry in its client `properties`, else the process-wide embedded broker (started on demand).
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "connectors/kafka/EmbeddedBroker.h"
#include "model/PipelineSpec.h"
#include "util/Result.h"

namespace sw::runtime::kafka {

struct Endpoint {
    std::string bootstrapServers;
    bool embedded = false;
    std::shared_ptr<EmbeddedBroker> broker; ///< keeps the embedded broker alive (embedded only)
};

/// Resolves a node's endpoint. `brokers` is the broker count if the embedded broker is started.
Result<Endpoint> resolveEndpoint(const std::string& bootstrapProperty,
                                 const nlohmann::json& clientProperties, int brokers = 1);
/// Same, from a Kafka node's properties (kafka-source, kafka-sink, dlq).
Result<Endpoint> resolveEndpoint(const NodeSpec& node, int brokers = 1);

/// The Kafka side of a pipeline run: the embedded broker it uses (if any) with every topic
/// the pipeline reads or writes created with the partition counts of its nodes.
struct PipelineKafka {
    std::shared_ptr<EmbeddedBroker> broker; ///< null when no node uses the embedded broker
    std::vector<TopicSpec> embeddedTopics;  ///< topics created on the embedded broker
    /// "embedded Kafka broker at 127.0.0.1:port (topics: a[3], b[1])", or "" when none.
    std::string describe() const;
    /// An exactly-once pipeline that produces to the embedded broker (kafka-sink, Kafka DLQ):
    /// what that broker cannot show (kEmbeddedExactlyOnceCaveat), else "".
    std::string exactlyOnceCaveat;
};

/// The embedded broker accepts Kafka transactions but does not enforce them (measured with
/// librdkafka 2.0.2's mock cluster; docs/state-and-recovery.md).
inline constexpr const char* kEmbeddedExactlyOnceCaveat =
    "exactly-once into Kafka: the embedded broker (librdkafka 2.0.2 mock cluster) accepts "
    "transactions but does not enforce read_committed or fencing (its readers also see aborted "
    "and open transactions; a zombie producer is not fenced), so exactly-once into Kafka is "
    "verified only against a real cluster";

/// Starts (or joins) the embedded broker when a Kafka node of `pipeline` names no bootstrap
/// servers, and creates every topic those nodes use: kafka-source and kafka-sink topics with
/// their `partitions`, and Kafka DLQ topics (explicit, or dlq.<group>.<topic> for each Kafka
/// source whose records can reach the DLQ). Call before Engine::start and keep the result for
/// the run (it keeps the broker alive). Operators also create their own topic on open, so this
/// is needed only to report the address and to have all topics exist up front.
Result<PipelineKafka> preparePipelineKafka(const PipelineSpec& pipeline, int brokers = 1);

/// The default Kafka DLQ topic for records of a Kafka source: "dlq.<group>.<topic>".
std::string defaultDlqTopic(const std::string& groupId, const std::string& topic);

} // namespace sw::runtime::kafka
