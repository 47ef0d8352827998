#pragma once
// The Kafka topic plan of a pipeline: every topic it reads or writes with the settings the
// production naming conventions call for, and where the pipeline deviates from them.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/ExportOptions.h"
#include "model/PipelineSpec.h"

namespace sw::runtime::exporting {

enum class TopicConvention {
    EventSourcing, ///< domain.entity.event: compacted, infinite retention
    Cdc,           ///< cdc.database.table: 7-30 days
    Metrics,       ///< metrics.service.type: 24-72 h
    Commands,      ///< commands.service.action: 24 h
    Dlq,           ///< dlq.consumer-group.topic: 1-3 partitions, 30 days
    None,          ///< follows no convention
};
std::string_view toString(TopicConvention c);

struct TopicPlanEntry {
    std::string name;
    TopicConvention convention = TopicConvention::None;
    std::string namingProblem; ///< checkTopicName(): empty when the name conforms
    int partitions = 1;
    int replication = 3;
    std::int64_t retentionMs = -1; ///< -1 = infinite
    std::string cleanupPolicy;     ///< "delete" or "compact"
    int minInsyncReplicas = 1;
    std::string key;                    ///< message key columns, or a description
    std::vector<std::string> producers; ///< node ids writing to it
    std::vector<std::string> consumers; ///< node ids reading it
    std::vector<std::string> warnings;  ///< deviations from the conventions, with the fix
    bool retentionExplicit = false;     ///< set by a node property, not the convention
    bool retentionDeviates = false;     ///< retention/cleanup outside the convention's range
    /// Values in avro-confluent: the Schema Registry subject (<topic>-value) and its
    /// compatibility level (the pipeline's schema_evolution; BACKWARD, the registry default,
    /// when it declares none). Empty for other formats.
    std::string valueSubject;
    std::string compatibility;
};

struct TopicPlan {
    std::vector<TopicPlanEntry> topics; ///< sorted by name
    const TopicPlanEntry* find(std::string_view name) const;
};

TopicPlan planTopics(const PipelineSpec& pipeline, const ExportOptions& options = {});

/// The DLQ topic of a dlq node that leaves `topic` empty: dlq.<consumer group>.<source topic> of
/// the first Kafka source whose errors reach it, else dlq.<pipeline name>.<node id>.
std::string defaultDlqTopic(const PipelineSpec& pipeline, const NodeSpec& dlqNode);

/// "7 d", "72 h", "infinite".
std::string formatRetention(std::int64_t ms);

std::string topicPlanText(const TopicPlan& plan);
nlohmann::ordered_json topicPlanJson(const TopicPlan& plan);
/// A POSIX shell script of `kafka-topics.sh --create --if-not-exists ...` commands.
std::string kafkaTopicsScript(const TopicPlan& plan, const std::string& jobName);

} // namespace sw::runtime::exporting
