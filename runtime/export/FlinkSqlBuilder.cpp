#include "export/FlinkSqlBuilder.h"

#include <algorithm>

#include "catalog/PropertyAccess.h"
#include "export/ExportOptions.h"
#include "export/SqlText.h"
#include "types/Duration.h"

namespace sw::runtime::exporting {

FlinkSqlBuilder::FlinkSqlBuilder(const PipelineSpec& p, const ValidationResult& v,
                                 const ExportOptions& o)
    : m_p(p), m_v(v), m_o(o), m_name(exportName(p, o))
{
}

const std::map<FlinkSqlExport, void (FlinkSqlBuilder::*)(const NodeSpec&, const NodeType&)>&
FlinkSqlBuilder::translations()
{
    using B = FlinkSqlBuilder;
    using E = FlinkSqlExport;
    static const std::map<E, void (B::*)(const NodeSpec&, const NodeType&)> m = {
        {E::KafkaSource, &B::exportKafkaSource},
        {E::Datagen, &B::exportGenerator},
        {E::FilesystemSource, &B::exportFileSource},
        {E::Filter, &B::exportFilter},
        {E::Map, &B::exportMap},
        {E::KeyBy, &B::exportKeyBy},
        {E::Union, &B::exportUnion},
        {E::Dedup, &B::exportDedup},
        {E::DeadLetters, &B::exportDlq},
        {E::Window, &B::exportWindow},
        {E::IntervalJoin, &B::exportIntervalJoin},
        {E::GroupAggregate, &B::exportGroupAggregate},
        {E::RegularJoin, &B::exportRegularJoin},
        {E::WindowJoin, &B::exportWindowJoin},
        {E::TemporalJoin, &B::exportTemporalJoin},
        {E::KafkaSink, &B::exportKafkaSink},
        {E::JdbcSink, &B::exportSqliteSink},
        {E::FilesystemSink, &B::exportFileSink},
        {E::PrintSink, &B::exportConsoleSink},
        {E::RedisSink, &B::exportRedisSink},
        {E::LakeSink, &B::exportLakeSink},
        {E::KinesisSource, &B::exportKinesisSource},
        {E::KinesisSink, &B::exportKinesisSink},
    };
    return m;
}

FlinkSqlScript FlinkSqlBuilder::build()
{
    const Catalog& catalog = Catalog::instance();
    for (const std::string& id : m_v.topologicalOrder) {
        const NodeSpec* n = m_p.findNode(id);
        const NodeType* t = n ? catalog.find(n->type) : nullptr;
        if (n && t) exportNode(*n, *t);
    }
    reportEdgePartitioning();
    if (m_stateTtl > 0) addSet("table.exec.state.ttl", flinkDuration(m_stateTtl));
    if (m_idleTimeout > 0) addSet("table.exec.source.idle-timeout", flinkDuration(m_idleTimeout));
    if (m_inserts.empty())
        m_issues.push_back({"", IssueKind::NotExportable, "no-sink",
                            "no sink could be exported, so the script defines tables and views "
                            "but runs no job",
                            "add a Kafka, SQLite, file or console sink"});

    std::string sql = header() + settings();
    for (const auto& s : m_statements)
        sql += "\n" + s + "\n";
    if (m_inserts.size() == 1) {
        sql += "\n" + m_inserts.front() + ";\n";
    } else if (m_inserts.size() > 1) {
        sql += "\nEXECUTE STATEMENT SET\nBEGIN\n";
        for (const auto& i : m_inserts)
            sql += i + ";\n";
        sql += "END;\n";
    }
    FlinkSqlScript out;
    out.name = m_name;
    out.sql = std::move(sql);
    out.issues = std::move(m_issues);
    out.env = std::move(m_env);
    out.skippedNodes = std::move(m_skipped);
    return out;
}

void FlinkSqlBuilder::exportNode(const NodeSpec& n, const NodeType& t)
{
    auto it = translations().find(t.flinkSql);
    if (it == translations().end()) {
        issue(n, IssueKind::NotExportable, "node-type",
              "node type '" + t.name + "' has no Flink SQL translation", t.exportEquivalent);
        skip(n);
        return;
    }
    // A node whose input could not be exported cannot be exported either.
    for (std::size_t i = 0; i < t.inputs.size(); ++i) {
        for (const EdgeSpec* e : m_p.edgesInto(n.id, t.inputs[i].name)) {
            const NodeSpec* from = m_p.findNode(e->from.node);
            const NodeType* ft = from ? Catalog::instance().find(from->type) : nullptr;
            int port = ft ? ft->outputIndex(e->from.port) : -1;
            bool errorsEdge = ft && port >= 0 && ft->outputs[static_cast<std::size_t>(port)].errors;
            if (errorsEdge && t.deadLetters) continue;
            if (!m_relations.count({e->from.node, e->from.port})) {
                issue(n, IssueKind::NotExportable, "upstream",
                      errorsEdge ? "it consumes the errors output of '" + e->from.node +
                                       "', which Flink SQL does not have"
                                 : "its input '" + e->from.node + "' is not exportable",
                      errorsEdge ? "a DataStream job with side outputs" : "");
                skip(n);
                return;
            }
        }
    }
    (this->*(it->second))(n, t);
    reportErrorsPort(n, t);
}

void FlinkSqlBuilder::reportEdgePartitioning()
{
    // Flink SQL has no per-edge partitioning: the planner picks forward or hash exchanges.
    for (const EdgeSpec& e : m_p.edges) {
        if (e.partitioning == EdgePartitioning::Auto) continue;
        const NodeSpec* to = m_p.findNode(e.to.node);
        if (!to) continue;
        const std::string kind(toString(e.partitioning));
        const std::string edge =
            e.from.node + "." + e.from.port + " -> " + e.to.node + "." + e.to.port;
        const bool broadcast = e.partitioning == EdgePartitioning::Broadcast;
        issue(*to, broadcast ? IssueKind::Approximated : IssueKind::Note, "edge-partitioning",
              "edge " + edge + " is " + kind +
                  " here; Flink SQL cannot set an edge's partitioning " +
                  (broadcast ? "(the planner sends each record to one subtask, so every subtask "
                               "no longer sees every record)"
                             : "(the planner chooses the exchange; results are the same)"),
              "the DataStream API's " + kind + "() on this stream");
    }
}

void FlinkSqlBuilder::reportErrorsPort(const NodeSpec& n, const NodeType& t)
{
    if (t.outputIndex("errors") < 0 || !errorsConnected(n)) return;
    std::string what, equivalent;
    switch (t.category) {
    case Category::Sources:
        if (t.synthetic) {
            what = "the generator's malformed records and its errors output have no datagen "
                   "equivalent: datagen emits only well-formed rows";
            equivalent = "exercise error handling against a Kafka topic that holds recorded bad "
                         "records";
            break;
        }
        what = "undecodable records go to the errors output here; Flink SQL has no per-record "
               "error output, so a malformed record fails the job";
        equivalent = "'" + std::string(propertyValue(n, "format") == "csv" ? "csv" : "json") +
                     ".ignore-parse-errors' = 'true' (skips them, uncounted), or a DataStream "
                     "deserializer that routes failures to a side output / DLQ topic";
        break;
    case Category::Windows:
        what = "late records go to the errors output here; Flink SQL windows drop late records";
        equivalent = "DataStream windows with sideOutputLateData()";
        break;
    case Category::Sinks:
        what = "records the sink cannot write go to the errors output here; in Flink a write "
               "failure fails the job and it restarts from the last checkpoint";
        equivalent = "restart strategy + alerting on job restarts";
        break;
    default:
        what = "records whose evaluation fails go to the errors output here; in Flink SQL an "
               "expression error fails the job";
        equivalent = "guard the expression (TRY_CAST, CASE WHEN ... ) or a DataStream "
                     "ProcessFunction with a side output";
        break;
    }
    issue(n, IssueKind::NotExportable, "errors-output", what, equivalent);
}

const Relation* FlinkSqlBuilder::input(const NodeSpec& n, const NodeType& t, std::size_t port) const
{
    if (port >= t.inputs.size()) return nullptr;
    auto edges = m_p.edgesInto(n.id, t.inputs[port].name);
    if (edges.empty()) return nullptr;
    auto it = m_relations.find({edges.front()->from.node, edges.front()->from.port});
    return it == m_relations.end() ? nullptr : &it->second;
}

std::vector<const Relation*> FlinkSqlBuilder::inputs(const NodeSpec& n, const NodeType& t,
                                                     std::size_t port) const
{
    std::vector<const Relation*> out;
    if (port >= t.inputs.size()) return out;
    for (const EdgeSpec* e : m_p.edgesInto(n.id, t.inputs[port].name)) {
        auto it = m_relations.find({e->from.node, e->from.port});
        if (it == m_relations.end()) return {};
        out.push_back(&it->second);
    }
    return out;
}

const Schema* FlinkSqlBuilder::outputSchema(const NodeSpec& n, const std::string& port) const
{
    return m_v.schemaOf(PortRef{n.id, port});
}

void FlinkSqlBuilder::setOutput(const NodeSpec& n, Relation r, const std::string& port)
{
    m_relations[{n.id, port}] = std::move(r);
}

std::string FlinkSqlBuilder::newName(const std::string& base)
{
    std::string b = identFromId(base), name = b;
    for (int i = 2; m_usedNames.count(name); ++i)
        name = b + "_" + std::to_string(i);
    m_usedNames.insert(name);
    return quoteIdent(name);
}

void FlinkSqlBuilder::addSet(const std::string& key, const std::string& value)
{
    m_sets.emplace_back(key, value);
}

void FlinkSqlBuilder::issue(const NodeSpec& n, IssueKind k, std::string feature, std::string reason,
                            std::string equivalent)
{
    m_issues.push_back({n.id, k, std::move(feature), std::move(reason), std::move(equivalent)});
}

std::string FlinkSqlBuilder::env(const std::string& name, bool secret, std::string value,
                                 std::string what)
{
    bool known = false;
    for (const auto& e : m_env)
        known = known || e.name == name;
    if (!known) m_env.push_back({name, secret, std::move(value), std::move(what)});
    return placeholder(name);
}

int FlinkSqlBuilder::parallelismOf(const NodeSpec& n) const
{
    auto v = propertyValue(n, "parallelism");
    int p = v.is_number_integer() ? v.get<int>() : 0;
    return p > 0 ? p : std::max(1, m_p.settings.parallelism);
}

std::vector<WithOption> FlinkSqlBuilder::kafkaProperties(const NodeSpec& n,
                                                         const std::string& bootstrap)
{
    std::vector<WithOption> out;
    std::string servers = bootstrap;
    if (servers.empty())
        servers = env(kBootstrapEnvVar, false, m_o.kafkaBootstrap,
                      "Kafka bootstrap servers (nodes without bootstrap_servers)");
    out.push_back({"properties.bootstrap.servers", servers});
    std::vector<SecretRef> secrets;
    auto opts = kafkaClientOptions(n.id, propertyValue(n, "properties"), m_issues, secrets);
    for (const auto& s : secrets)
        env(s.envVar, true, "", s.property + " of node " + s.nodeId);
    for (auto& o : opts)
        out.push_back({o.key, o.value});
    return out;
}

std::string FlinkSqlBuilder::header() const
{
    std::vector<std::string> lines = {
        "Flink SQL for pipeline '" + m_p.settings.name + "' (job " + m_name +
            "), exported by Streamwright.",
        "Target: Apache Flink 1.20 with the Kafka, JDBC and filesystem connectors."};
    if (!m_env.empty()) {
        lines.push_back(
            "Placeholders are substituted from the environment before the script runs:");
        for (const auto& e : m_env)
            lines.push_back("  " + e.name + (e.secret ? " (secret)" : "") + ": " + e.description);
    }
    if (!m_issues.empty()) {
        lines.push_back("Not carried over exactly (per node, see the export report):");
        for (const auto& i : m_issues) {
            std::string text = issuesToText({i});
            lines.push_back("  " + text.substr(0, text.size() - 1));
        }
    }
    std::string h;
    for (auto& line : lines) {
        // One physical line each, and no ';': some SQL tools split scripts on it before parsing.
        for (char& c : line)
            if (c == '\n' || c == '\r')
                c = ' ';
            else if (c == ';')
                c = ',';
        h += "-- " + line + "\n";
    }
    return h;
}

std::string FlinkSqlBuilder::settings() const
{
    const auto& s = m_p.settings;
    std::string out = "\n";
    auto set = [&](const std::string& k, const std::string& v) {
        out += "SET " + sqlString(k) + " = " + sqlString(v) + ";\n";
    };
    set("pipeline.name", m_name);
    set("parallelism.default", std::to_string(std::max(1, s.parallelism)));
    set("execution.checkpointing.interval", flinkDuration(s.checkpointIntervalMs));
    set("execution.checkpointing.mode",
        s.delivery == DeliveryGuarantee::ExactlyOnce ? "EXACTLY_ONCE" : "AT_LEAST_ONCE");
    for (const auto& [k, v] : flinkRecoveryOptions(m_p))
        set(k, v);
    for (const auto& [k, v] : m_sets)
        set(k, v);
    return out;
}

} // namespace sw::runtime::exporting
