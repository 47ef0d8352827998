// Checklist items on delivery, monitoring, backpressure, retention and schema evolution.
#include <algorithm>

#include "catalog/Catalog.h"
#include "catalog/PropertyAccess.h"
#include "export/ReadinessChecks.h"

namespace sw::runtime::exporting {
namespace {

int parallelism(const PipelineSpec& p, const NodeSpec& n)
{
    auto v = propertyValue(n, "parallelism");
    int x = v.is_number_integer() ? v.get<int>() : 0;
    return x > 0 ? x : std::max(1, p.settings.parallelism);
}

SinkReplay sinkReplayOf(const NodeSpec& n)
{
    const NodeType* t = nodeTypeOf(n);
    return t ? t->sinkReplay : SinkReplay::None;
}

bool hasTrait(const NodeSpec& n, bool NodeType::*trait)
{
    const NodeType* t = nodeTypeOf(n);
    return t && t->*trait;
}

bool hasKey(const NodeSpec& n)
{
    auto k = propertyValue(n, "key_fields");
    return k.is_array() && !k.empty();
}

ReadinessItem item(const char* id, const char* title, std::string summary)
{
    ReadinessItem i;
    i.id = id;
    i.title = title;
    i.summary = std::move(summary);
    return i;
}

} // namespace

ReadinessItem checkDelivery(const PipelineSpec& p, const TopicPlan& plan)
{
    const bool eo = p.settings.delivery == DeliveryGuarantee::ExactlyOnce;
    auto it = item("delivery-guarantee", "Exactly-once, or at-least-once with idempotent sinks",
                   eo ? "exactly-once: Kafka sinks write in transactions, SQLite sinks commit rows "
                        "with the checkpoint, file sinks commit part files on checkpoints"
                      : "at-least-once with idempotent (keyed upsert) sinks");
    int sinks = 0, safe = 0;
    for (const auto& n : p.nodes) {
        const SinkReplay replay = sinkReplayOf(n);
        if (replay == SinkReplay::None) continue;
        ++sinks;
        bool ok = false;
        std::string why, fix;
        const NodeType* type = nodeTypeOf(n);
        if (eo && type && type->exactlyOnce) {
            ok = true;
        } else if (replay == SinkReplay::Duplicates) {
            why = "a " + n.type +
                  " appends what it is given: a replay after a failure writes it "
                  "again";
            fix = eo ? "write results to a sink that takes part in exactly-once (Kafka, SQLite, "
                       "file, lake)"
                     : "write results to Kafka or SQLite, or let readers skip rows they have seen";
        } else if (replay == SinkReplay::MergesByLabels) {
            ok = stringProperty(n, "mode") != "webhook";
            why = "a webhook receives the same alert again when input is replayed after a failure";
            fix = "use mode alertmanager (alerts with the same labels merge), or let the "
                  "receiver skip alerts it has seen";
        } else if (replay == SinkReplay::UpsertsButStreams) {
            ok = stringProperty(n, "command") != "xadd";
            why = "XADD appends stream entries: a replay after a failure duplicates them";
            fix = "write keyed values (set, hset, zadd), or let the stream's consumers skip "
                  "entries they have seen";
        } else if (replay == SinkReplay::UpsertsWhenKeyed) {
            ok = hasKey(n);
            why = "appends rows: a replay after a failure duplicates them";
            fix = "set key_fields (upserts make replays idempotent) or choose exactly-once";
        } else {
            const TopicPlanEntry* t = plan.find(stringProperty(n, "topic"));
            ok = hasKey(n) && t && t->cleanupPolicy == "compact";
            why = "a replay after a failure duplicates messages in '" + stringProperty(n, "topic") +
                  "'";
            fix = "choose exactly-once, or key the messages (key_fields) on a compacted topic so "
                  "consumers can upsert";
        }
        if (ok)
            ++safe;
        else
            it.findings.push_back({CheckStatus::Warn, n.id, why, fix});
    }
    if (sinks > 0 && safe == 0)
        it.findings.push_back({CheckStatus::Fail, "",
                               "no sink is transactional or idempotent: every failure can "
                               "duplicate results",
                               "set the pipeline's delivery guarantee to exactly-once"});
    return it;
}

ReadinessItem checkMonitoring(const PipelineSpec& p)
{
    auto it = item("monitoring", "Monitoring of lag, throughput and errors",
                   "per-node throughput, consumer lag per group and error counts are collected "
                   "(the Flink export adds a Prometheus reporter)");
    for (const auto& n : p.nodes) {
        if (kafkaRoleOf(n) == KafkaRole::Consumer &&
            stringProperty(n, "group_id") == "streamwright")
            it.findings.push_back({CheckStatus::Warn, n.id,
                                   "uses the default consumer group 'streamwright': its lag "
                                   "mixes with every other pipeline that kept the default",
                                   "give the source a group id named after the pipeline"});
        if (hasTrait(n, &NodeType::deadLetters) && kafkaRoleOf(n) == KafkaRole::None)
            it.findings.push_back({CheckStatus::Warn, n.id,
                                   "dead letters go to a local " + stringProperty(n, "target") +
                                       " file that production monitoring cannot see",
                                   "set target to kafka so the DLQ topic can be alerted on"});
    }
    return it;
}

ReadinessItem checkBackpressure(const PipelineSpec& p)
{
    auto it = item("backpressure", "Backpressure handled",
                   "bounded channels block upstream when a node falls behind (Flink: "
                   "credit-based flow control); no node is slower by construction");
    for (const auto& n : p.nodes) {
        if (hasTrait(n, &NodeType::synthetic) && propertyValue(n, "events_per_second") == 0)
            it.findings.push_back({CheckStatus::Warn, n.id, "generates as fast as possible",
                                   "set a rate that matches the expected production load"});
        if (hasTrait(n, &NodeType::watchOnly))
            it.findings.push_back({CheckStatus::Warn, n.id,
                                   "printing to a console is slow and backpressures the pipeline",
                                   "write to Kafka or SQLite instead"});
        for (const EdgeSpec* e : p.edgesInto(n.id)) {
            const NodeSpec* from = p.findNode(e->from.node);
            if (!from || e->from.port == "errors") continue;
            int up = parallelism(p, *from), here = parallelism(p, n);
            if (here < up)
                it.findings.push_back({CheckStatus::Warn, n.id,
                                       "runs " + std::to_string(here) + " subtask(s) behind '" +
                                           from->id + "' with " + std::to_string(up) +
                                           ": a likely bottleneck",
                                       "raise its parallelism to " + std::to_string(up)});
        }
    }
    return it;
}

ReadinessItem checkRetention(const PipelineSpec& p, const TopicPlan& plan)
{
    (void)p;
    auto it = item("retention", "Retention set per topic",
                   "every topic's retention comes from its naming convention or the node");
    for (const auto& t : plan.topics) {
        std::string node = !t.producers.empty() ? t.producers.front()
                                                : (t.consumers.empty() ? "" : t.consumers.front());
        if (t.convention == TopicConvention::None && !t.retentionExplicit)
            it.findings.push_back(
                {CheckStatus::Warn, node,
                 "'" + t.name +
                     "' follows no naming convention and sets no "
                     "retention: the broker default applies",
                 "set the node's retention, or rename the topic to a convention"});
        if (t.retentionDeviates)
            it.findings.push_back({CheckStatus::Warn, node,
                                   "'" + t.name + "' keeps data " + formatRetention(t.retentionMs) +
                                       " (" + t.cleanupPolicy + "), outside its " +
                                       std::string(toString(t.convention)) + " convention",
                                   "set retention and cleanup_policy as the convention says, "
                                   "or leave them empty to use its defaults"});
    }
    return it;
}

ReadinessItem checkSchemaEvolution(const PipelineSpec& p)
{
    const std::string& s = p.settings.schemaEvolution;
    auto it = item("schema-evolution", "Schema-evolution strategy declared",
                   "declared: " + (s.empty() ? std::string("none") : s) + " compatibility");
    if (s.empty())
        it.findings.push_back({CheckStatus::Fail, "", "no schema-evolution strategy is declared",
                               "declare backward, forward or full compatibility in the pipeline "
                               "settings"});
    else if (s == "none")
        it.findings.push_back({CheckStatus::Warn, "",
                               "schema evolution 'none': any producer change can break consumers",
                               "declare backward (consumers first) or full compatibility"});
    return it;
}

ReadinessItem checkLagAlerts(const PipelineSpec& p)
{
    bool kafka = false;
    for (const auto& n : p.nodes)
        if (const NodeType* t = nodeTypeOf(n))
            kafka = kafka || t->kafkaRoleOf(n) == KafkaRole::Consumer;
    auto it = item("lag-alerts", "Consumer lag alerts",
                   kafka ? "the Kubernetes export alerts when the Kafka sources fall more than " +
                               std::to_string(p.settings.alerts.consumerLag) +
                               " records behind for 5 minutes (PrometheusRule; pipeline setting "
                               "alerts.consumer_lag), and on error rate and restarts"
                         : "no Kafka source to fall behind; the Kubernetes export alerts on error "
                           "rate and restarts (PrometheusRule)");
    return it;
}

ReadinessItem checkAutoscaling(const PipelineSpec& p)
{
    auto it = item("autoscaling", "Auto-scaling",
                   p.settings.autoscaling
                       ? "the Flink Kubernetes Operator's autoscaler scales each vertex up to " +
                             std::to_string(p.settings.autoscaling->maxParallelism) +
                             " toward a busy-time target of " +
                             std::to_string(static_cast<int>(
                                 p.settings.autoscaling->targetUtilization * 100 + 0.5)) +
                             "%"
                       : std::string("parallelism is fixed"));
    if (!p.settings.autoscaling)
        it.findings.push_back({CheckStatus::Warn,
                               {},
                               "parallelism stays at " + std::to_string(p.settings.parallelism) +
                                   " whatever the load: lag grows with traffic peaks",
                               "enable autoscaling in the pipeline settings (\"autoscaling\": "
                               "{\"max_parallelism\": 8}): the export then configures the "
                               "operator's job.autoscaler"});
    return it;
}

} // namespace sw::runtime::exporting
