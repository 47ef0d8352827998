#include "export/MonitoringManifests.h"

#include <cstdio>

#include "catalog/Catalog.h"
#include "export/YamlWriter.h"

namespace sw::runtime::exporting {

namespace {

using J = nlohmann::ordered_json;

bool readsKafka(const PipelineSpec& p)
{
    for (const NodeSpec& n : p.nodes)
        if (const NodeType* t = nodeTypeOf(n); t && t->kafkaRoleOf(n) == KafkaRole::Consumer)
            return true;
    return false;
}

std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

J ruleGroups(const PipelineSpec& p, const std::string& name)
{
    const std::string job = "job_name=\"" + name + "\"";
    J rules = J::array();
    if (readsKafka(p))
        rules.push_back(
            {{"alert", "StreamwrightConsumerLagHigh"},
             {"expr", "sum by (job_name) (flink_taskmanager_job_task_operator_pendingRecords{" +
                          job + "}) > " + std::to_string(p.settings.alerts.consumerLag)},
             {"for", "5m"},
             {"labels", {{"severity", "warning"}, {"pipeline", p.settings.name}}},
             {"annotations",
              {{"summary", "Kafka consumer lag of " + name + " is high"},
               {"description", "{{ $value }} records behind the end of the input topics "
                               "(threshold " +
                                   std::to_string(p.settings.alerts.consumerLag) +
                                   ", the pipeline's alerts.consumer_lag) for 5 minutes."}}}});
    rules.push_back(
        {{"alert", "StreamwrightErrorRateHigh"},
         {"expr", "sum by (job_name) (rate({__name__=~\"flink_taskmanager_job_task_operator_"
                  "(numRecordsInErrors|numRecordsSendErrors)\", " +
                      job + "}[5m])) > " + number(p.settings.alerts.errorRate)},
         {"for", "5m"},
         {"labels", {{"severity", "warning"}, {"pipeline", p.settings.name}}},
         {"annotations",
          {{"summary", "Records of " + name + " fail"},
           {"description", "{{ $value }} records per second fail (threshold " +
                               number(p.settings.alerts.errorRate) +
                               ", the pipeline's alerts.error_rate)."}}}});
    rules.push_back({{"alert", "StreamwrightJobRestarting"},
                     {"expr", "increase(flink_jobmanager_job_numRestarts{" + job + "}[10m]) > 0"},
                     {"labels", {{"severity", "critical"}, {"pipeline", p.settings.name}}},
                     {"annotations",
                      {{"summary", name + " restarted"},
                       {"description", "The job restarted {{ $value }} times in 10 minutes."}}}});
    return J::array({J{{"name", "streamwright-" + name}, {"rules", rules}}});
}

J metadata(const std::string& name, const ExportOptions& o)
{
    return J{
        {"name", name},
        {"namespace", o.namespaceName},
        {"labels",
         {{"app.kubernetes.io/name", name}, {"app.kubernetes.io/managed-by", "streamwright"}}}};
}

} // namespace

std::string prometheusRuleGroupsYaml(const PipelineSpec& pipeline, const std::string& name)
{
    return toYaml(J{{"groups", ruleGroups(pipeline, name)}});
}

std::string monitoringYaml(const PipelineSpec& pipeline, const std::string& name,
                           const ExportOptions& options)
{
    // The Flink Kubernetes Operator labels the job's pods with app=<deployment name>.
    J podMonitor = {{"apiVersion", "monitoring.coreos.com/v1"},
                    {"kind", "PodMonitor"},
                    {"metadata", metadata(name, options)},
                    {"spec",
                     {{"selector", {{"matchLabels", {{"app", name}}}}},
                      {"podMetricsEndpoints",
                       J::array({J{{"port", kFlinkMetricsPortName}, {"interval", "15s"}}})}}}};
    J rule = {{"apiVersion", "monitoring.coreos.com/v1"},
              {"kind", "PrometheusRule"},
              {"metadata", metadata(name, options)},
              {"spec", {{"groups", ruleGroups(pipeline, name)}}}};
    return "# Monitoring of Flink job '" + name +
           "' (prometheus-operator): scrape its Prometheus reporter, alert on consumer lag, "
           "error rate and restarts.\n" +
           toYaml(podMonitor) + "---\n" + toYaml(rule);
}

nlohmann::ordered_json autoscalerConfiguration(const PipelineSpec& pipeline)
{
    J c = J::object();
    if (!pipeline.settings.autoscaling) return c;
    const AutoscalingSettings& a = *pipeline.settings.autoscaling;
    c["job.autoscaler.enabled"] = "true";
    c["job.autoscaler.stabilization.interval"] = "1m";
    c["job.autoscaler.metrics.window"] = "5m";
    c["job.autoscaler.target.utilization"] = number(a.targetUtilization);
    c["job.autoscaler.target.utilization.boundary"] = "0.2";
    c["job.autoscaler.vertex.max-parallelism"] = std::to_string(a.maxParallelism);
    // Key groups bound every rescale: keep room above the autoscaler's maximum.
    c["pipeline.max-parallelism"] = std::to_string(std::max(128, a.maxParallelism * 2));
    return c;
}

} // namespace sw::runtime::exporting
