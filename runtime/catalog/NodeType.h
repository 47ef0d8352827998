#pragma once
// A node type: the one description of it every layer reads (palette, property editor, loader,
// validator, engine, exporters, run views). A pure description: it names no operator or
// exporter; those register against the type's name (exec/OperatorRegistry.h) or dispatch on
// its traits (export/FlinkSqlBuilder.cpp: flinkSql).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/PropertyAccess.h"
#include "catalog/PropertySpec.h"
#include "model/Diagnostic.h"
#include "model/PipelineSpec.h"
#include "types/RowKind.h"
#include "types/Schema.h"

namespace sw::runtime {

enum class Category { Sources, Transforms, Windows, Joins, Quality, Sinks };
std::string_view toString(Category c);

struct PortSpec {
    std::string name;
    bool multiple = false; ///< input accepts several edges (union, dlq)
    bool errors = false;   ///< the `errors` output (schema: errorSchema())
    std::string doc;
};

/// What a node type's schema derivation sees and reports.
class DeriveContext {
public:
    DeriveContext(const NodeSpec& node, std::vector<const Schema*> inputs, std::size_t outputs)
        : m_node(node), m_inputs(std::move(inputs)), m_outputs(outputs)
    {
    }
    const NodeSpec& node() const { return m_node; }
    /// Schema arriving on input port i, or nullptr when unconnected/unknown.
    const Schema* input(std::size_t i) const { return i < m_inputs.size() ? m_inputs[i] : nullptr; }
    std::size_t inputCount() const { return m_inputs.size(); }
    /// Property value or the catalog default.
    nlohmann::json prop(std::string_view name) const { return propertyValue(m_node, name); }

    void setOutput(std::size_t i, Schema s) { m_outputs[i] = std::move(s); }
    std::vector<Schema>& outputs() { return m_outputs; }
    void error(std::string property, std::string message, int column = 0)
    {
        m_diags.push_back(
            {Severity::Error, m_node.id, std::move(property), std::move(message), column});
    }
    void warning(std::string property, std::string message)
    {
        m_diags.push_back(
            {Severity::Warning, m_node.id, std::move(property), std::move(message), 0});
    }
    Diagnostics& diagnostics() { return m_diags; }

private:
    const NodeSpec& m_node;
    std::vector<const Schema*> m_inputs;
    std::vector<Schema> m_outputs;
    Diagnostics m_diags;
};

/// Fills ctx's output schemas (the `errors` output is filled by the caller) and reports
/// design-time problems of this node (bad references, type errors).
using DeriveSchemaFn = std::function<void(DeriveContext& ctx)>;

/// What a node type's changelog rule sees and decides (Flink's changelog mode inference,
/// FlinkChangelogModeInferenceProgram): the changelog mode arriving on each input port, and the
/// mode of its data outputs (`errors` outputs are always append-only).
class ChangelogContext {
public:
    struct Input {
        ChangelogMode mode;
        std::string port; ///< the input port's name
        std::string from; ///< an upstream node that makes this input updating (for messages)
    };
    ChangelogContext(const NodeSpec& node, std::vector<Input> inputs, const Schema* output)
        : m_node(node), m_inputs(std::move(inputs)), m_output(output)
    {
    }
    const NodeSpec& node() const { return m_node; }
    std::size_t inputCount() const { return m_inputs.size(); }
    const Input& input(std::size_t i) const { return m_inputs.at(i); }
    /// The schema of the first data output (nullptr when unknown).
    const Schema* outputSchema() const { return m_output; }
    nlohmann::json prop(std::string_view name) const { return propertyValue(m_node, name); }

    void setOutput(ChangelogMode m) { m_mode = std::move(m); }
    const ChangelogMode& output() const { return m_mode; }
    /// Refuses the updating stream on input `port`: "<type> '<id>' doesn't support consuming
    /// update changes ... <reason>. Fix: needs a key (upsert) or an append-only input (<hint>)".
    void refuse(std::size_t port, const std::string& reason, const std::string& hint = "");
    Diagnostics& diagnostics() { return m_diags; }

private:
    const NodeSpec& m_node;
    std::vector<Input> m_inputs;
    const Schema* m_output;
    ChangelogMode m_mode;
    Diagnostics m_diags;
};

/// Decides the node's output changelog mode from its inputs' and refuses inputs it cannot
/// consume. Empty (the default): every input must be append-only, the output is append-only.
using DeriveChangelogFn = std::function<void(ChangelogContext& ctx)>;

/// Which window a window node opens (Flink's TumblingEventTimeWindows, SlidingEventTimeWindows,
/// EventTimeSessionWindows, GlobalWindows).
enum class WindowKind : std::uint8_t { None, Tumbling, Hop, Session, Global };

/// How a node talks to Kafka: it reads a topic, or it writes one (sinks, a DLQ with target
/// kafka). Topic plans, topic naming checks, client health and lag views read this.
enum class KafkaRole : std::uint8_t { None, Consumer, Producer };

/// What replaying input after a failure does to a sink's output under at-least-once (readiness
/// checks; under exactly-once Kafka and SQLite sinks are transactional).
enum class SinkReplay : std::uint8_t {
    None,              ///< not a result sink
    Duplicates,        ///< appends, neither transactional nor idempotent (console, file)
    UpsertsWhenKeyed,  ///< idempotent when key_fields is set (SQLite upserts)
    CompactsWhenKeyed, ///< consumers can upsert when keyed on a compacted topic (Kafka)
    UpsertsButStreams, ///< idempotent writes by key, except command xadd, which appends (Redis)
    MergesByLabels,    ///< alert-sink: Alertmanager merges alerts re-posted with the same
                       ///< labels; webhook bodies are posted again
};

/// The Flink SQL construct a node type exports to; export/FlinkSqlBuilder.cpp translates each.
enum class FlinkSqlExport : std::uint8_t {
    None, ///< no translation: the exporter reports the node as not exportable
    KafkaSource,
    Datagen,
    FilesystemSource,
    Filter,
    Map,
    KeyBy,
    Union,
    Dedup,
    DeadLetters,
    Window, ///< one translation for all kinds (see NodeType::window)
    GroupAggregate,
    RegularJoin,
    IntervalJoin,
    WindowJoin,
    TemporalJoin,
    KafkaSink,
    JdbcSink,
    FilesystemSink,
    PrintSink,
    RedisSink,     ///< no Flink SQL connector: listed in the export report with its equivalent
    LakeSink,      ///< 'filesystem' with partitions by event time
    KinesisSource, ///< 'connector' = 'kinesis' (export/FlinkSqlKinesis.cpp)
    KinesisSink,
};

/// One node type: the single description every layer reads (palette, property editor,
/// validator, runtime, exporters).
struct NodeType {
    std::string name;        ///< "tumbling-window"
    std::string displayName; ///< "Tumbling Window"
    Category category = Category::Transforms;
    std::string icon;        ///< icon resource name, ":/icons/<icon>.svg"
    std::string description; ///< one or two sentences for tooltips and docs
    std::vector<PortSpec> inputs;
    std::vector<PortSpec> outputs;
    std::vector<PropertySpec> properties;
    DeriveSchemaFn deriveSchema;
    /// Changelog rule (catalog/ChangelogRules.h); empty = consumes and produces append-only.
    DeriveChangelogFn changelog;

    // Traits: what other layers need to know about the type, so none compares type names.
    WindowKind window = WindowKind::None;
    KafkaRole kafka = KafkaRole::None;
    /// When set, the node uses Kafka (`kafka`) only if this holds for its properties (a DLQ
    /// writes to Kafka only with target = kafka). Empty = always.
    std::function<bool(const NodeSpec&)> kafkaWhen;
    bool deadLetters = false; ///< collects other nodes' error outputs (the DLQ node)
    bool synthetic = false;   ///< generates its own events (no external input, no raw bytes)
    bool stateful = false;    ///< keeps keyed state across records (windows, dedup, joins)
    bool watchOnly = false;   ///< output meant for watching a run (console): slow, not production
    SinkReplay sinkReplay = SinkReplay::None;
    /// Takes part in `"delivery": "exactly-once"`: commits its output with checkpoints (Kafka
    /// transactions, SQLite staging table, file part files). Other result sinks get a warning.
    bool exactlyOnce = false;
    FlinkSqlExport flinkSql = FlinkSqlExport::None;
    /// With flinkSql None: the closest equivalent in a Flink deployment, which the export
    /// report gives with "no Flink SQL translation" (empty = none known).
    std::string exportEquivalent;

    bool isSource() const { return inputs.empty(); }
    bool isSink() const;
    /// A sink that writes results (every sink but the dead-letter queue).
    bool isResultSink() const { return isSink() && !deadLetters; }
    /// This node's Kafka role given its properties (KafkaRole::None when it does not use Kafka).
    KafkaRole kafkaRoleOf(const NodeSpec& node) const;
    const PropertySpec* findProperty(std::string_view n) const;
    int inputIndex(std::string_view port) const;  ///< -1 when absent
    int outputIndex(std::string_view port) const; ///< -1 when absent
};

/// Schema of every `errors` output: one row per record a node could not process.
const Schema& errorSchema();

} // namespace sw::runtime
