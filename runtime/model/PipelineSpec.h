#pragma once
// The pipeline document as plain value types. File format: docs/pipeline-format.md.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace sw::runtime {

inline constexpr std::string_view kPipelineFormat = "streamwright.pipeline/1";

enum class DeliveryGuarantee { AtLeastOnce, ExactlyOnce };
std::string_view toString(DeliveryGuarantee g);
std::optional<DeliveryGuarantee> parseDeliveryGuarantee(std::string_view s);

struct PortRef {
    std::string node;
    std::string port;
    friend bool operator==(const PortRef&, const PortRef&) = default;
};

/// How an edge spreads records over the consumer's subtasks (Flink DataStream's rebalance(),
/// broadcast(), forward()). Auto (the default, not written to files): key-hash into a keyed
/// input, forward between equal parallelism, else rebalance.
enum class EdgePartitioning { Auto, Rebalance, Broadcast, Forward };
/// "auto", "rebalance", "broadcast", "forward".
std::string_view toString(EdgePartitioning p);
std::optional<EdgePartitioning> parseEdgePartitioning(std::string_view s);

struct EdgeSpec {
    PortRef from; ///< an output port
    PortRef to;   ///< an input port
    EdgePartitioning partitioning = EdgePartitioning::Auto;
    friend bool operator==(const EdgeSpec&, const EdgeSpec&) = default;
};

struct NodeSpec {
    std::string id;    ///< stable, unique in the pipeline: [A-Za-z_][A-Za-z0-9_.-]*
    std::string type;  ///< a catalog type name, e.g. "tumbling-window"
    std::string label; ///< shown on the canvas; may be empty
    double x = 0;      ///< canvas position
    double y = 0;
    /// Property values keyed by name, as JSON (numbers, strings, booleans, arrays, objects).
    /// Only the values the node sets are stored; read them with the catalog's defaults applied
    /// through catalog/PropertyAccess.h (propertyValue, stringProperty, PropertyReader).
    nlohmann::json properties = nlohmann::json::object();
    friend bool operator==(const NodeSpec&, const NodeSpec&) = default;
};

/// Thresholds of the alerts exported with the Kubernetes manifests (PrometheusRule).
struct AlertSettings {
    std::int64_t consumerLag = 10000; ///< records behind the end of the Kafka sources
    double errorRate = 1.0;           ///< records per second that fail (errors ports)
    friend bool operator==(const AlertSettings&, const AlertSettings&) = default;
};

/// The Flink Kubernetes Operator's autoscaler for the exported job (`job.autoscaler.*`).
struct AutoscalingSettings {
    int maxParallelism = 8;         ///< upper bound of any vertex's parallelism
    double targetUtilization = 0.7; ///< busy-time target per vertex, 0..1
    friend bool operator==(const AutoscalingSettings&, const AutoscalingSettings&) = default;
};

/// What a failure inside a run does (Flink's restart strategies, `restart_strategy`): rebuild the
/// graph, restore the last completed checkpoint and run again, up to `attempts` times, waiting
/// `delayMs` (fixed) or a delay doubling from `delayMs` up to `maxDelayMs` (exponential).
/// docs/state-and-recovery.md.
struct RestartStrategy {
    enum class Kind : std::uint8_t { None, FixedDelay, ExponentialDelay };
    Kind kind = Kind::FixedDelay; ///< the pipeline default, as Flink's
    int attempts = 3;
    std::int64_t delayMs = 1000;
    std::int64_t maxDelayMs = 60000; ///< exponential-delay only
    friend bool operator==(const RestartStrategy&, const RestartStrategy&) = default;
};
/// "none", "fixed-delay", "exponential-delay".
std::string_view toString(RestartStrategy::Kind k);
std::optional<RestartStrategy::Kind> parseRestartStrategyKind(std::string_view s);

struct PipelineSettings {
    std::string name;
    std::string description;
    DeliveryGuarantee delivery = DeliveryGuarantee::AtLeastOnce;
    int parallelism = 1; ///< default parallelism of every node
    std::int64_t checkpointIntervalMs = 10000;
    std::string
        schemaEvolution;  ///< declared strategy ("backward", "forward", "full", "none") or empty
    AlertSettings alerts; ///< `alerts`: thresholds of the exported alert rules
    std::optional<AutoscalingSettings> autoscaling; ///< `autoscaling`: present = enabled
    RestartStrategy restartStrategy;                ///< `restart_strategy`
    int retainedCheckpoints = 3;        ///< `retained_checkpoints`: completed checkpoints kept
    int tolerableFailedCheckpoints = 3; ///< `tolerable_failed_checkpoints`: failures in a row
                                        ///< that fail the run
    friend bool operator==(const PipelineSettings&, const PipelineSettings&) = default;
};

struct PipelineSpec {
    PipelineSettings settings;
    std::vector<NodeSpec> nodes;
    std::vector<EdgeSpec> edges;
    /// The designer's optional `dashboard` section (model/Dashboard.h), as the loader checked
    /// it; null when the file has none. The runtime ignores it.
    nlohmann::json dashboard;

    const NodeSpec* findNode(std::string_view id) const;
    NodeSpec* findNode(std::string_view id);
    /// Edges arriving at (node, port); port empty = any port of the node.
    std::vector<const EdgeSpec*> edgesInto(std::string_view node, std::string_view port = {}) const;
    /// Edges leaving (node, port); port empty = any port of the node.
    std::vector<const EdgeSpec*> edgesFrom(std::string_view node, std::string_view port = {}) const;
    /// A fresh id "<base>", "<base>_2", ... not used by any node.
    std::string uniqueId(std::string_view base) const;
    /// The name of a run's default data directory (checkpoints, state): "<name>.data", or
    /// "pipeline.data" without a name. `streamwright-run` makes it in the working directory,
    /// the designer next to the pipeline file.
    std::string defaultDataDirectoryName() const;
    friend bool operator==(const PipelineSpec&, const PipelineSpec&) = default;
};

} // namespace sw::runtime
