#pragma once
// Deployment facts an export needs that a pipeline file does not hold. Every field has a
// production-shaped default; the CLI and the Export dialog can override them.
#include <string>
#include <utility>
#include <vector>

namespace sw::runtime::exporting {

struct ExportOptions {
    /// Name of the job, the SQL script, the Kubernetes objects; empty = from the pipeline name.
    std::string name;
    std::string namespaceName = "streaming";
    /// Image with Flink, the SQL runner jar (/opt/flink/usrlib/sql-runner.jar) and connectors.
    std::string flinkImage = "streamwright/flink-sql-runner:1.20";
    std::string flinkVersion = "v1_20";
    /// Strimzi Kafka cluster (label strimzi.io/cluster) and its bootstrap address, used where a
    /// node leaves bootstrap.servers empty (the embedded broker on the desktop).
    std::string kafkaCluster = "kafka";
    std::string kafkaBootstrap = "kafka-kafka-bootstrap:9092";
    /// Durable storage for checkpoints and savepoints; "<name>" is appended.
    std::string stateDir = "s3://flink-state";
    std::string serviceAccount = "flink";
    int defaultReplication = 3; ///< used when a node does not set replication_factor
};

} // namespace sw::runtime::exporting

namespace sw::runtime {
struct PipelineSpec;
}

namespace sw::runtime::exporting {

/// Name of the exported job and its files/objects: options.name, else the pipeline name, as a
/// Kubernetes-safe name (lowercase letters, digits, '-'; at most 52 characters); "pipeline" when
/// nothing usable remains.
std::string exportName(const PipelineSpec& pipeline, const ExportOptions& options);

/// The pipeline's recovery settings as Flink configuration, in a fixed order: checkpoint
/// retention, tolerable failed checkpoints (ours count the failure that fails the run, Flink's
/// the failures tolerated before it) and the restart strategy. The FlinkDeployment's
/// flinkConfiguration and the SQL script's SET lines both use it.
std::vector<std::pair<std::string, std::string>> flinkRecoveryOptions(const PipelineSpec& p);

} // namespace sw::runtime::exporting
