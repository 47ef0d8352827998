#pragma once
// Flink SQL export: one script (SET options, CREATE TABLE for sources and sinks, one view per
// processing node, one INSERT or an EXECUTE STATEMENT SET) plus the per-node list of what could
// not be carried over exactly. Mapping table: docs/export.md.
#include <string>
#include <vector>

#include "export/ExportIssue.h"
#include "export/ExportOptions.h"
#include "export/KafkaClientOptions.h"
#include "model/PipelineSpec.h"
#include "util/Result.h"

namespace sw::runtime::exporting {

/// A `${NAME}` placeholder of the script, substituted from the environment at deployment.
struct EnvVar {
    std::string name;
    bool secret = true;      ///< from a Kubernetes Secret (credentials, JDBC URLs)
    std::string value;       ///< the value for non-secret variables (bootstrap servers)
    std::string description; ///< what it is for, e.g. "sasl.password of node orders_in"
    friend bool operator==(const EnvVar&, const EnvVar&) = default;
};

struct FlinkSqlScript {
    std::string name; ///< exportName(): the job and file name
    std::string sql;  ///< the complete script
    ExportIssues issues;
    std::vector<EnvVar> env; ///< every placeholder the script uses, in first-use order
    /// Ids of nodes with no statement of their own (not exportable or folded into another node).
    std::vector<std::string> skippedNodes;
};

/// Exports a pipeline as a Flink SQL script. Fails (with the validation errors) when the
/// pipeline does not validate; a valid pipeline always exports, with issues for what is lost.
Result<FlinkSqlScript> exportFlinkSql(const PipelineSpec& pipeline,
                                      const ExportOptions& options = {});

/// The environment variable holding the Kafka bootstrap servers for nodes that leave
/// bootstrap_servers empty (the desktop's embedded broker).
inline constexpr const char* kBootstrapEnvVar = "KAFKA_BOOTSTRAP_SERVERS";

} // namespace sw::runtime::exporting
