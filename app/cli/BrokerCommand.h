#pragma once
// The Kafka side of `streamwright-run run` (the `broker` subcommand itself is declared in
// Commands.h): the embedded broker a pipeline uses, started and given every topic up front, its
// bootstrap address for the banner and the status line, and per-partition consumer lag for the
// JSON report. Reads only redacted values (addresses, topics, offsets): no client properties.
#include <map>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "connectors/kafka/KafkaEndpoint.h"
#include "connectors/kafka/LagRegistry.h"
#include "model/PipelineSpec.h"
#include "util/Result.h"

namespace sw::cli {

class KafkaRunInfo {
public:
    /// Starts (or joins) the embedded broker when a Kafka node names no bootstrap servers and
    /// creates the pipeline's topics. Keep the object for the whole run.
    /// `brokers`: the embedded cluster's size if this call starts it.
    static runtime::Result<KafkaRunInfo> prepare(const runtime::PipelineSpec& pipeline,
                                                 int brokers = 1);

    /// Takes the current Kafka consumer metrics of this process (call on every status tick; the
    /// report keeps the last values of sources that have closed).
    void refresh();
    /// "Kafka: embedded Kafka broker at 127.0.0.1:port (topics: ...)" or "" without Kafka; an
    /// exactly-once pipeline producing to the embedded broker gets a second line: what that
    /// broker does not enforce (PipelineKafka::exactlyOnceCaveat).
    std::string banner() const;
    /// " | kafka 127.0.0.1:port lag 42" for the live status line ("" without Kafka sources).
    std::string statusSuffix() const;
    /// {"bootstrap_servers", "embedded", "sources": [{node, subtask, topic, group_id, total_lag,
    /// records_lost, rebalances, partitions: [{partition, high_watermark, low_watermark,
    /// position, committed, lag, paused}]}]}, or null without Kafka.
    nlohmann::json report() const;

private:
    runtime::kafka::PipelineKafka m_kafka;
    std::map<std::pair<std::string, int>, runtime::kafka::SourceLag> m_lag; ///< node, subtask
    std::string m_bootstrap; ///< embedded broker address, else the first node's servers
    bool m_uses = false;     ///< some node of the pipeline is a Kafka node
};

} // namespace sw::cli
