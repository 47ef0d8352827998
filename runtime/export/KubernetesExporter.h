#pragma once
// Kubernetes export: a ConfigMap with the SQL script, a FlinkDeployment (Flink Kubernetes
// Operator, flink.apache.org/v1beta1) running it with the SQL-runner pattern, a Strimzi
// KafkaTopic (kafka.strimzi.io/v1beta2) per topic of the plan, and its monitoring (PodMonitor,
// PrometheusRule; with the pipeline's `autoscaling`, the operator's autoscaler settings). Secrets
// are referenced through a Kubernetes Secret by name, never written.
#include <string>

#include "export/FlinkSqlExporter.h"
#include "export/TopicPlan.h"

namespace sw::runtime::exporting {

struct KubernetesManifests {
    std::string flinkYaml;      ///< ConfigMap + FlinkDeployment (two YAML documents)
    std::string topicsYaml;     ///< one KafkaTopic document per topic
    std::string monitoringYaml; ///< PodMonitor + PrometheusRule (export/MonitoringManifests.h)
    std::string secretName;     ///< the Secret the deployment expects (may hold no keys)
};

/// The awk program of the render-sql init container: copies the script template, replacing
/// each ${NAME} with the environment variable NAME (single quotes doubled, as the placeholders
/// sit inside SQL string literals); exits 1 naming a variable that is not set.
extern const char* const kRenderSqlAwk;

KubernetesManifests kubernetesManifests(const PipelineSpec& pipeline, const FlinkSqlScript& script,
                                        const TopicPlan& plan, const ExportOptions& options = {});

/// Exports the SQL and the topic plan and renders the manifests.
Result<KubernetesManifests> exportKubernetes(const PipelineSpec& pipeline,
                                             const ExportOptions& options = {});

/// A valid Kubernetes object name for a topic (lowercase, '_' -> '-', at most 253 characters).
std::string kubernetesTopicName(const std::string& topic);

} // namespace sw::runtime::exporting
