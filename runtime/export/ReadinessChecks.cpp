// The production checklist, one function per item.
#include <algorithm>
#include <map>

#include "catalog/Catalog.h"
#include "catalog/PropertyAccess.h"
#include "export/ReadinessChecks.h"

namespace sw::runtime::exporting {
namespace {

struct Ctx {
    const PipelineSpec& p;
    TopicPlan plan;
};

std::string clientProp(const NodeSpec& n, const char* key)
{
    auto v = propertyValue(n, "properties");
    if (!v.is_object() || !v.contains(key)) return {};
    return v[key].is_string() ? v[key].get<std::string>() : v[key].dump();
}

int parallelism(const PipelineSpec& p, const NodeSpec& n)
{
    auto v = propertyValue(n, "parallelism");
    int x = v.is_number_integer() ? v.get<int>() : 0;
    return x > 0 ? x : std::max(1, p.settings.parallelism);
}

/// Which Kafka clients a check looks at (catalog traits, NodeType::kafkaRoleOf).
enum class Client { Consumer, ResultProducer, DeadLetterProducer };

bool isClient(const NodeSpec& n, Client c)
{
    const NodeType* t = nodeTypeOf(n);
    if (!t) return false;
    switch (c) {
    case Client::Consumer:
        return t->kafkaRoleOf(n) == KafkaRole::Consumer;
    case Client::ResultProducer:
        return t->kafkaRoleOf(n) == KafkaRole::Producer && !t->deadLetters;
    case Client::DeadLetterProducer:
        return t->kafkaRoleOf(n) == KafkaRole::Producer && t->deadLetters;
    }
    return false;
}

template <typename F> void forClients(const PipelineSpec& p, Client c, F f)
{
    for (const auto& n : p.nodes)
        if (isClient(n, c)) f(n);
}

ReadinessItem item(const char* id, const char* title, std::string passSummary)
{
    ReadinessItem i;
    i.id = id;
    i.title = title;
    i.summary = std::move(passSummary);
    return i;
}

ReadinessItem eventSchema(const Ctx& c)
{
    auto it =
        item("event-schema", "Event schema defined",
             "every Kafka source declares typed columns; generators and files have fixed schemas");
    forClients(c.p, Client::Consumer, [&](const NodeSpec& n) {
        auto schema = propertyValue(n, "schema");
        if (stringProperty(n, "format") == "raw")
            it.findings.push_back(
                {CheckStatus::Warn, n.id,
                 "reads raw, untyped bytes from '" + stringProperty(n, "topic") + "'",
                 "declare the event schema and use format json or csv"});
        else if (!schema.is_array() || schema.empty())
            it.findings.push_back({CheckStatus::Fail, n.id, "no event schema",
                                   "define the columns of '" + stringProperty(n, "topic") + "'"});
    });
    return it;
}

ReadinessItem partitioning(const Ctx& c)
{
    auto it = item("topic-partitioning", "Topics partitioned by key",
                   "every consumed topic has a partition per consumer subtask and producers key "
                   "their messages");
    forClients(c.p, Client::Consumer, [&](const NodeSpec& n) {
        const TopicPlanEntry* t = c.plan.find(stringProperty(n, "topic"));
        int par = parallelism(c.p, n);
        if (t && t->partitions < par)
            it.findings.push_back(
                {t->partitions == 1 ? CheckStatus::Fail : CheckStatus::Warn, n.id,
                 "'" + t->name + "' has " + std::to_string(t->partitions) + " partition(s) for " +
                     std::to_string(par) + " parallel consumers",
                 "create the topic with at least " + std::to_string(par) + " partitions"});
    });
    forClients(c.p, Client::ResultProducer, [&](const NodeSpec& n) {
        auto k = propertyValue(n, "key_fields");
        const TopicPlanEntry* t = c.plan.find(stringProperty(n, "topic"));
        if ((!k.is_array() || k.empty()) && t && t->partitions > 1)
            it.findings.push_back({CheckStatus::Warn, n.id,
                                   "writes to '" + t->name +
                                       "' without a key: records spread "
                                       "round-robin and per-key order is lost",
                                   "set key_fields to the entity id"});
    });
    kinesisShardFindings(c.p, it);
    return it;
}

ReadinessItem producers(const Ctx& c)
{
    auto it =
        item("idempotent-producers", "Producers idempotent with acks=all",
             "Kafka producers use the production defaults (acks=all, enable.idempotence=true)");
    auto check = [&](const NodeSpec& n) {
        std::string acks = clientProp(n, "acks"), idem = clientProp(n, "enable.idempotence");
        if (!acks.empty() && acks != "all" && acks != "-1")
            it.findings.push_back({CheckStatus::Fail, n.id,
                                   "acks=" + acks + " can lose acknowledged writes",
                                   "remove the acks override (default all)"});
        if (idem == "false")
            it.findings.push_back({CheckStatus::Fail, n.id,
                                   "enable.idempotence=false: retries can duplicate or reorder",
                                   "remove the enable.idempotence override (default true)"});
    };
    forClients(c.p, Client::ResultProducer, check);
    forClients(c.p, Client::DeadLetterProducer, check);
    return it;
}

ReadinessItem commits(const Ctx& c)
{
    auto it = item("manual-commits", "Consumers commit manually after processing",
                   "Kafka sources commit offsets only after results are durable (checkpoints)");
    forClients(c.p, Client::Consumer, [&](const NodeSpec& n) {
        if (clientProp(n, "enable.auto.commit") == "true")
            it.findings.push_back(
                {CheckStatus::Fail, n.id,
                 "enable.auto.commit=true commits offsets before results are durable",
                 "remove the enable.auto.commit override"});
    });
    return it;
}

bool feedsDlq(const PipelineSpec& p, const NodeSpec& n)
{
    for (const EdgeSpec* e : p.edgesFrom(n.id, "errors"))
        if (const NodeSpec* to = p.findNode(e->to.node)) {
            const NodeType* t = nodeTypeOf(*to);
            if (t && t->deadLetters) return true;
        }
    return false;
}

ReadinessItem dlqs(const Ctx& c)
{
    auto it = item("dlq-per-consumer", "A DLQ for every consumer",
                   "every consumer's undecodable records and every node's failures reach a DLQ");
    const Catalog& cat = Catalog::instance();
    for (const auto& n : c.p.nodes) {
        const NodeType* t = cat.find(n.type);
        if (!t || t->outputIndex("errors") < 0 || feedsDlq(c.p, n)) continue;
        bool consumer = t->kafkaRoleOf(n) == KafkaRole::Consumer;
        it.findings.push_back({consumer ? CheckStatus::Fail : CheckStatus::Warn, n.id,
                               consumer ? "undecodable records of '" + stringProperty(n, "topic") +
                                              "' are only counted, not kept"
                                        : "records this node cannot process are only counted",
                               "connect its errors output to a DLQ node"});
    }
    return it;
}

} // namespace

ReadinessReport checkReadiness(const PipelineSpec& pipeline, const ExportOptions& options)
{
    Ctx c{pipeline, planTopics(pipeline, options)};
    ReadinessReport r;
    r.items = {eventSchema(c),
               partitioning(c),
               producers(c),
               commits(c),
               dlqs(c),
               checkDelivery(pipeline, c.plan),
               checkMonitoring(pipeline),
               checkBackpressure(pipeline),
               checkRetention(pipeline, c.plan),
               checkSchemaEvolution(pipeline),
               checkLagAlerts(pipeline),
               checkAutoscaling(pipeline)};
    for (auto& i : r.items)
        for (const auto& f : i.findings)
            if (static_cast<int>(f.status) > static_cast<int>(i.status)) i.status = f.status;
    return r;
}

} // namespace sw::runtime::exporting
