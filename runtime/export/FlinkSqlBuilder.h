#pragma once
// Internal: the state of one Flink SQL export and the per-node-type translations
// (FlinkSqlSources.cpp, FlinkSqlTransforms.cpp, FlinkSqlWindows.cpp, FlinkSqlJoins.cpp,
// FlinkSqlSinks.cpp).
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "catalog/Catalog.h"
#include "export/FlinkSqlExporter.h"
#include "validate/Validator.h"

namespace sw::runtime::exporting {

/// A named SQL relation (table or view) carrying one output port's records.
struct Relation {
    std::string name; ///< SQL name, quoted where needed
    Schema schema;
    bool updating = false;              ///< produces updates/retractions (not append-only)
    std::vector<std::string> upsertKey; ///< key of the updates, when known
};

struct WithOption {
    std::string key;
    std::string value;
};

class FlinkSqlBuilder {
public:
    FlinkSqlBuilder(const PipelineSpec& p, const ValidationResult& v, const ExportOptions& o);
    FlinkSqlScript build();

    // Used by the per-type translations.
    const PipelineSpec& pipeline() const { return m_p; }
    const ExportOptions& options() const { return m_o; }
    std::string jobName() const { return m_name; }
    /// The relation feeding input port `port` (first edge), or nullptr.
    const Relation* input(const NodeSpec& n, const NodeType& t, std::size_t port) const;
    /// All relations feeding input port `port` (union); empty if any is missing.
    std::vector<const Relation*> inputs(const NodeSpec& n, const NodeType& t,
                                        std::size_t port) const;
    const Schema* outputSchema(const NodeSpec& n, const std::string& port = "out") const;
    void setOutput(const NodeSpec& n, Relation r, const std::string& port = "out");
    /// A fresh SQL name derived from `base` (quoted where needed).
    std::string newName(const std::string& base);
    void addStatement(std::string sql) { m_statements.push_back(std::move(sql)); }
    void addInsert(std::string sql) { m_inserts.push_back(std::move(sql)); }
    void addSet(const std::string& key, const std::string& value);
    void issue(const NodeSpec& n, IssueKind k, std::string feature, std::string reason,
               std::string equivalent = {});
    void skip(const NodeSpec& n) { m_skipped.push_back(n.id); }
    /// A `${NAME}` placeholder recorded in the script's environment list.
    std::string env(const std::string& name, bool secret, std::string value, std::string what);
    /// format avro-confluent: the registry URL (a placeholder when the node uses the embedded
    /// registry; credentials as a secret placeholder) after 'format' / 'value.format', and a
    /// JSON key format (FlinkSqlAvroConfluent.cpp). Nothing for other formats.
    void applyAvroConfluent(const NodeSpec& n, std::vector<WithOption>& with, bool keyColumns);
    /// Kafka 'properties.*' options of a node, secrets as placeholders.
    std::vector<WithOption> kafkaProperties(const NodeSpec& n, const std::string& bootstrap);
    int parallelismOf(const NodeSpec& n) const;
    bool exactlyOnce() const { return m_p.settings.delivery == DeliveryGuarantee::ExactlyOnce; }
    /// True when the node's `errors` output feeds anything.
    bool errorsConnected(const NodeSpec& n) const { return !m_p.edgesFrom(n.id, "errors").empty(); }
    void noteStateTtl(std::int64_t ms) { m_stateTtl = std::max(m_stateTtl, ms); }
    void noteIdleTimeout(std::int64_t ms) { m_idleTimeout = std::max(m_idleTimeout, ms); }

    // Per-type translations (one family per file).
    void exportKafkaSource(const NodeSpec& n, const NodeType& t);
    void exportGenerator(const NodeSpec& n, const NodeType& t);
    void exportFileSource(const NodeSpec& n, const NodeType& t);
    void exportFilter(const NodeSpec& n, const NodeType& t);
    void exportMap(const NodeSpec& n, const NodeType& t);
    void exportKeyBy(const NodeSpec& n, const NodeType& t);
    void exportUnion(const NodeSpec& n, const NodeType& t);
    void exportDedup(const NodeSpec& n, const NodeType& t);
    void exportDlq(const NodeSpec& n, const NodeType& t);
    void exportWindow(const NodeSpec& n, const NodeType& t);
    void exportIntervalJoin(const NodeSpec& n, const NodeType& t);
    void exportGroupAggregate(const NodeSpec& n, const NodeType& t);
    void exportRegularJoin(const NodeSpec& n, const NodeType& t);
    void exportWindowJoin(const NodeSpec& n, const NodeType& t);
    void exportTemporalJoin(const NodeSpec& n, const NodeType& t);
    void exportKafkaSink(const NodeSpec& n, const NodeType& t);
    void exportSqliteSink(const NodeSpec& n, const NodeType& t);
    void exportFileSink(const NodeSpec& n, const NodeType& t);
    void exportConsoleSink(const NodeSpec& n, const NodeType& t);
    void exportRedisSink(const NodeSpec& n, const NodeType& t);
    void exportLakeSink(const NodeSpec& n, const NodeType& t); // FlinkSqlLake.cpp
    void exportKinesisSource(const NodeSpec& n, const NodeType& t); // FlinkSqlKinesis.cpp
    void exportKinesisSink(const NodeSpec& n, const NodeType& t);

    /// The translation of each Flink SQL construct a node type declares (NodeType::flinkSql);
    /// a type without one is reported not exportable.
    static const std::map<FlinkSqlExport,
                          void (FlinkSqlBuilder::*)(const NodeSpec&, const NodeType&)>&
    translations();

private:
    void exportNode(const NodeSpec& n, const NodeType& t);
    void reportErrorsPort(const NodeSpec& n, const NodeType& t);
    void reportEdgePartitioning();
    std::string header() const;
    std::string settings() const;

    const PipelineSpec& m_p;
    const ValidationResult& m_v;
    const ExportOptions& m_o;
    std::string m_name;
    std::map<std::pair<std::string, std::string>, Relation> m_relations;
    std::set<std::string> m_usedNames;
    std::vector<std::string> m_statements;
    std::vector<std::string> m_inserts;
    std::vector<std::pair<std::string, std::string>> m_sets;
    ExportIssues m_issues;
    std::vector<EnvVar> m_env;
    std::vector<std::string> m_skipped;
    std::int64_t m_stateTtl = 0;
    std::int64_t m_idleTimeout = 0;
};

// Formatting helpers shared by the translations.
/// "CREATE TABLE name (\n  col TYPE,\n  ...\n) WITH (\n  'k' = 'v',\n  ...\n);"
std::string createTable(const std::string& name, const std::vector<std::string>& columnLines,
                        const std::vector<WithOption>& with);
/// "CREATE TEMPORARY VIEW name AS\n<query>;"
std::string createView(const std::string& name, const std::string& query);
/// "col TYPE" lines of a schema.
std::vector<std::string> columnDefinitions(const Schema& s);
/// "a, b, c" (quoted), each optionally prefixed "l.".
std::string columnList(const Schema& s, const std::string& prefix = {});
/// Names of a FieldList property, quoted, joined with ", ", each optionally prefixed.
std::string fieldList(const nlohmann::json& names, const std::string& prefix = {});
std::vector<std::string> stringList(const nlohmann::json& names);

} // namespace sw::runtime::exporting
