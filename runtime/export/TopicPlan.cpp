#include "export/TopicPlan.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "catalog/Catalog.h"
#include "catalog/PropertyAccess.h"
#include "types/Duration.h"
#include "validate/Validator.h"

namespace sw::runtime::exporting {
namespace {

constexpr std::int64_t kHour = 3600000, kDay = 24 * kHour;

struct Convention {
    std::int64_t minRetention, maxRetention, defaultRetention;
    const char* cleanup;
    const char* text;
};

Convention conventionOf(TopicConvention c)
{
    switch (c) {
    case TopicConvention::EventSourcing:
        return {-1, -1, -1, "compact", "compacted, infinite retention"};
    case TopicConvention::Cdc:
        return {7 * kDay, 30 * kDay, 7 * kDay, "delete", "7-30 d retention"};
    case TopicConvention::Metrics:
        return {24 * kHour, 72 * kHour, 72 * kHour, "delete", "24-72 h retention"};
    case TopicConvention::Commands:
        return {24 * kHour, 24 * kHour, 24 * kHour, "delete", "24 h retention"};
    case TopicConvention::Dlq:
        return {30 * kDay, 30 * kDay, 30 * kDay, "delete", "1-3 partitions, 30 d retention"};
    case TopicConvention::None:
        break;
    }
    return {0, 0, 7 * kDay, "delete", "no convention (broker defaults: 7 d, delete)"};
}

TopicConvention classify(const std::string& topic, const std::string& problem)
{
    auto head = topic.substr(0, topic.find('.'));
    if (head == "cdc") return TopicConvention::Cdc;
    if (head == "metrics") return TopicConvention::Metrics;
    if (head == "commands") return TopicConvention::Commands;
    if (head == "dlq") return TopicConvention::Dlq;
    return problem.empty() ? TopicConvention::EventSourcing : TopicConvention::None;
}

struct Usage {
    const NodeSpec* node;
    std::string topic;
    bool producer;
};

std::vector<Usage> usages(const PipelineSpec& p)
{
    std::vector<Usage> out;
    for (const auto& n : p.nodes) {
        const NodeType* t = nodeTypeOf(n);
        const KafkaRole role = t ? t->kafkaRoleOf(n) : KafkaRole::None;
        if (role == KafkaRole::None) continue;
        std::string topic = stringProperty(n, "topic");
        if (topic.empty() && t->deadLetters) topic = defaultDlqTopic(p, n);
        out.push_back({&n, topic, role == KafkaRole::Producer});
    }
    return out;
}

class Planner {
public:
    Planner(const PipelineSpec& p, const ExportOptions& o) : m_p(p), m_o(o) {}

    void add(const Usage& u);
    void finish(TopicPlanEntry& e) const;
    std::map<std::string, TopicPlanEntry> topics;

private:
    int consumerParallelism(const NodeSpec& n) const
    {
        int p = integerProperty(n, "parallelism", 0);
        return p > 0 ? p : std::max(1, m_p.settings.parallelism);
    }
    const PipelineSpec& m_p;
    const ExportOptions& m_o;
    std::map<std::string, int> m_maxConsumers;
    std::map<std::string, std::set<std::string>> m_keys;
};

void Planner::add(const Usage& u)
{
    const NodeSpec& n = *u.node;
    bool fresh = !topics.count(u.topic);
    TopicPlanEntry& e = topics[u.topic];
    if (fresh) {
        e.name = u.topic;
        e.namingProblem = checkTopicName(u.topic);
        e.convention = classify(u.topic, e.namingProblem);
        Convention c = conventionOf(e.convention);
        e.retentionMs = c.defaultRetention;
        e.cleanupPolicy = c.cleanup;
        e.partitions = 0;
        e.replication = 0;
    }
    (u.producer ? e.producers : e.consumers).push_back(n.id);
    int parts = integerProperty(n, "partitions", 1);
    if (e.partitions != 0 && parts != e.partitions && n.properties.contains("partitions"))
        e.warnings.push_back("nodes disagree on the partition count (" +
                             std::to_string(e.partitions) + " vs " + std::to_string(parts) +
                             " on " + n.id + "); the plan uses the larger");
    e.partitions = std::max(e.partitions, parts);
    int repl = integerProperty(n, "replication_factor", m_o.defaultReplication);
    e.replication = std::max(e.replication, repl);
    std::string retention = stringProperty(n, "retention");
    if (n.properties.contains("retention") && !retention.empty()) {
        std::int64_t ms = -1;
        if (retention != "infinite" && retention != "-1")
            ms = parseDuration(retention).value_or(e.retentionMs);
        e.retentionMs = ms;
        e.retentionExplicit = true;
    }
    std::string cleanup = stringProperty(n, "cleanup_policy");
    if (!cleanup.empty() && cleanup != "default") e.cleanupPolicy = cleanup;
    if (auto f = propertyValue(n, "format"); f.is_string() && f == "avro-confluent") {
        e.valueSubject = u.topic + "-value";
        std::string level = m_p.settings.schemaEvolution.empty() ? std::string("backward")
                                                                 : m_p.settings.schemaEvolution;
        for (char& ch : level)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        e.compatibility = level;
    }
    if (u.producer && nodeTypeOf(n) && nodeTypeOf(n)->isResultSink()) {
        std::string k;
        if (auto kf = propertyValue(n, "key_fields"); kf.is_array())
            for (const auto& f : kf)
                k += (k.empty() ? "" : ", ") + f.get<std::string>();
        m_keys[u.topic].insert(k);
    } else if (u.producer) {
        m_keys[u.topic].insert("");
    } else {
        m_maxConsumers[u.topic] = std::max(m_maxConsumers[u.topic], consumerParallelism(n));
    }
}

void Planner::finish(TopicPlanEntry& e) const
{
    Convention c = conventionOf(e.convention);
    e.minInsyncReplicas = e.replication >= 3 ? 2 : 1;
    auto keys = m_keys.count(e.name) ? m_keys.at(e.name) : std::set<std::string>{};
    if (keys.empty()) e.key = "(set by the producer outside this pipeline)";
    for (const auto& k : keys)
        e.key += (e.key.empty() ? "" : " | ") + (k.empty() ? "(none)" : k);
    if (!e.namingProblem.empty())
        e.warnings.push_back(e.namingProblem + "; rename it to follow a convention");
    if (e.convention == TopicConvention::Dlq && (e.partitions < 1 || e.partitions > 3))
        e.warnings.push_back("DLQ topics use 1-3 partitions; set partitions to 1");
    if (e.convention != TopicConvention::None && e.convention != TopicConvention::EventSourcing &&
        (e.retentionMs < c.minRetention || e.retentionMs > c.maxRetention)) {
        e.retentionDeviates = true;
        e.warnings.push_back("retention " + formatRetention(e.retentionMs) + " is outside the " +
                             std::string(toString(e.convention)) + " convention (" + c.text + ")");
    }
    if (e.convention == TopicConvention::EventSourcing &&
        (e.retentionMs != -1 || e.cleanupPolicy != "compact")) {
        e.retentionDeviates = true;
        e.warnings.push_back("event-sourced topics keep every entity's latest event: " +
                             std::string(c.text));
    }
    if (e.compatibility == "NONE")
        e.warnings.push_back("subject " + e.valueSubject +
                             " has compatibility NONE: any producer change can break consumers; "
                             "declare schema_evolution backward or full");
    if (e.cleanupPolicy == "compact" && keys.count(""))
        e.warnings.push_back("a compacted topic needs keyed messages, but a producer writes "
                             "without a key: set key_fields on the sink");
    if (m_maxConsumers.count(e.name) && e.partitions < m_maxConsumers.at(e.name))
        e.warnings.push_back(
            std::to_string(e.partitions) + " partition(s) feed " +
            std::to_string(m_maxConsumers.at(e.name)) +
            " parallel consumers: some stay idle; use at least as many partitions");
}

} // namespace

std::string_view toString(TopicConvention c)
{
    switch (c) {
    case TopicConvention::EventSourcing:
        return "event-sourcing";
    case TopicConvention::Cdc:
        return "cdc";
    case TopicConvention::Metrics:
        return "metrics";
    case TopicConvention::Commands:
        return "commands";
    case TopicConvention::Dlq:
        return "dlq";
    case TopicConvention::None:
        return "none";
    }
    return "none";
}

const TopicPlanEntry* TopicPlan::find(std::string_view name) const
{
    for (const auto& t : topics)
        if (t.name == name) return &t;
    return nullptr;
}

std::string defaultDlqTopic(const PipelineSpec& p, const NodeSpec& dlq)
{
    // Breadth-first upstream from the DLQ to the nearest Kafka source.
    std::vector<std::string> queue = {dlq.id};
    std::set<std::string> seen = {dlq.id};
    for (std::size_t i = 0; i < queue.size(); ++i) {
        for (const EdgeSpec* e : p.edgesInto(queue[i])) {
            const NodeSpec* from = p.findNode(e->from.node);
            if (!from || !seen.insert(from->id).second) continue;
            if (kafkaRoleOf(*from) == KafkaRole::Consumer)
                return "dlq." + stringProperty(*from, "group_id") + "." +
                       stringProperty(*from, "topic");
            queue.push_back(from->id);
        }
    }
    std::string name = exportName(p, ExportOptions{});
    return "dlq." + name + "." + dlq.id;
}

std::string formatRetention(std::int64_t ms)
{
    if (ms < 0) return "infinite";
    if (ms % kDay == 0) return std::to_string(ms / kDay) + " d";
    if (ms % kHour == 0) return std::to_string(ms / kHour) + " h";
    return formatDuration(ms);
}

TopicPlan planTopics(const PipelineSpec& pipeline, const ExportOptions& options)
{
    Planner planner(pipeline, options);
    for (const Usage& u : usages(pipeline))
        if (!u.topic.empty()) planner.add(u);
    TopicPlan plan;
    for (auto& [name, e] : planner.topics) {
        planner.finish(e);
        plan.topics.push_back(e);
    }
    return plan;
}

} // namespace sw::runtime::exporting
