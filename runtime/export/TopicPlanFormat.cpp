// Text, JSON and kafka-topics.sh renderings of a topic plan.
#include "export/TopicPlan.h"

namespace sw::runtime::exporting {
namespace {

std::string joined(const std::vector<std::string>& v)
{
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : ", ") + x;
    return s.empty() ? "-" : s;
}

std::string shellQuote(const std::string& s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

} // namespace

std::string topicPlanText(const TopicPlan& plan)
{
    std::string out = "Topic plan (" + std::to_string(plan.topics.size()) + " topic" +
                      (plan.topics.size() == 1 ? "" : "s") + ")\n";
    for (const auto& t : plan.topics) {
        out += "\n" + t.name + "\n";
        out += "  convention:   " + std::string(toString(t.convention)) +
               (t.namingProblem.empty() ? " (name conforms)" : " (" + t.namingProblem + ")") + "\n";
        out += "  partitions:   " + std::to_string(t.partitions) + "\n";
        out += "  key:          " + t.key + "\n";
        if (!t.valueSubject.empty())
            out += "  schema:       " + t.valueSubject + " (avro-confluent, compatibility " +
                   t.compatibility + ")\n";
        out += "  replication:  " + std::to_string(t.replication) + " (min.insync.replicas " +
               std::to_string(t.minInsyncReplicas) + ")\n";
        out += "  retention:    " + formatRetention(t.retentionMs) +
               (t.retentionExplicit ? " (set on the node)" : " (convention default)") + "\n";
        out += "  cleanup:      " + t.cleanupPolicy + "\n";
        out += "  producers:    " + joined(t.producers) + "\n";
        out += "  consumers:    " + joined(t.consumers) + "\n";
        for (const auto& w : t.warnings)
            out += "  WARNING: " + w + "\n";
    }
    return out;
}

nlohmann::ordered_json topicPlanJson(const TopicPlan& plan)
{
    auto arr = nlohmann::ordered_json::array();
    for (const auto& t : plan.topics) {
        nlohmann::ordered_json o;
        o["name"] = t.name;
        o["convention"] = std::string(toString(t.convention));
        o["conforms"] = t.namingProblem.empty();
        o["naming_problem"] = t.namingProblem;
        o["partitions"] = t.partitions;
        o["key"] = t.key;
        if (!t.valueSubject.empty()) {
            o["value_subject"] = t.valueSubject;
            o["compatibility"] = t.compatibility;
        }
        o["replication"] = t.replication;
        o["min_insync_replicas"] = t.minInsyncReplicas;
        o["retention_ms"] = t.retentionMs;
        o["retention"] = formatRetention(t.retentionMs);
        o["retention_explicit"] = t.retentionExplicit;
        o["cleanup_policy"] = t.cleanupPolicy;
        o["producers"] = t.producers;
        o["consumers"] = t.consumers;
        o["warnings"] = t.warnings;
        arr.push_back(std::move(o));
    }
    nlohmann::ordered_json doc;
    doc["topics"] = std::move(arr);
    return doc;
}

std::string kafkaTopicsScript(const TopicPlan& plan, const std::string& jobName)
{
    std::string out = "#!/bin/sh\n# Kafka topics of " + jobName +
                      ", created idempotently. Usage: KAFKA_BOOTSTRAP_SERVERS=host:9092 sh " +
                      jobName +
                      "-create-topics.sh\nset -eu\n"
                      ": \"${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}\"\n";
    for (const auto& t : plan.topics) {
        out += "\nkafka-topics.sh --bootstrap-server \"$KAFKA_BOOTSTRAP_SERVERS\" --create "
               "--if-not-exists \\\n  --topic " +
               shellQuote(t.name) + " --partitions " + std::to_string(t.partitions) +
               " --replication-factor " + std::to_string(t.replication) +
               " \\\n  --config cleanup.policy=" + t.cleanupPolicy +
               " --config retention.ms=" + std::to_string(t.retentionMs) +
               " --config min.insync.replicas=" + std::to_string(t.minInsyncReplicas) + "\n";
    }
    return out;
}

} // namespace sw::runtime::exporting
