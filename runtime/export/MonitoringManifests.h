#pragma once
// Monitoring of an exported Flink job on Kubernetes (prometheus-operator,
// monitoring.coreos.com/v1): a PodMonitor scraping the job's Prometheus reporter (port `metrics`,
// 9249, declared by the FlinkDeployment's pod template), and a PrometheusRule with the alerts the
// production checklist asks for: consumer lag (Flink's FLIP-33 `pendingRecords` of the Kafka
// sources), error rate (FLIP-33 `numRecordsInErrors` of sources and `numRecordsSendErrors` of
// sinks) and restarts. Thresholds come from the pipeline's `alerts` setting. With `autoscaling`
// set, the FlinkDeployment also carries the operator's autoscaler settings
// (autoscalerConfiguration).
#include <string>

#include <nlohmann/json.hpp>

#include "export/ExportOptions.h"
#include "model/PipelineSpec.h"

namespace sw::runtime::exporting {

/// The Flink reporter's container port (metrics.reporter.prom.port) and its name.
inline constexpr int kFlinkMetricsPort = 9249;
inline constexpr const char* kFlinkMetricsPortName = "metrics";

/// PodMonitor + PrometheusRule for job `name` (two YAML documents).
std::string monitoringYaml(const PipelineSpec& pipeline, const std::string& name,
                           const ExportOptions& options);

/// The PromQL rule groups alone, as promtool's rule file format (`groups: [...]`): what
/// `promtool check rules` reads, and exactly the groups of the PrometheusRule.
std::string prometheusRuleGroupsYaml(const PipelineSpec& pipeline, const std::string& name);

/// `job.autoscaler.*` (and pipeline.max-parallelism) for the flinkConfiguration; empty when the
/// pipeline does not enable autoscaling.
nlohmann::ordered_json autoscalerConfiguration(const PipelineSpec& pipeline);

} // namespace sw::runtime::exporting
