#include "export/Exporter.h"

#include <filesystem>
#include <fstream>

#include "export/FlinkSqlExporter.h"
#include "export/KubernetesExporter.h"
#include "export/ReadinessReport.h"
#include "export/TopicPlan.h"

namespace sw::runtime::exporting {
namespace {

nlohmann::ordered_json reportJson(const FlinkSqlScript& s)
{
    nlohmann::ordered_json doc;
    doc["job"] = s.name;
    doc["issues"] = issuesToJson(s.issues);
    auto env = nlohmann::ordered_json::array();
    for (const auto& e : s.env)
        env.push_back({{"name", e.name}, {"secret", e.secret}, {"description", e.description}});
    doc["environment"] = std::move(env);
    doc["nodes_without_statement"] = s.skippedNodes;
    return doc;
}

Status addSql(ExportBundle& b, const PipelineSpec& p, const ExportOptions& o, bool withK8s)
{
    auto sql = exportFlinkSql(p, o);
    if (!sql) return Status(sql.error());
    const FlinkSqlScript& s = sql.value();
    b.issues = s.issues;
    b.files.push_back({s.name + ".sql", s.sql, "sql"});
    b.files.push_back({s.name + ".export-report.txt",
                       "Export report for " + s.name + " (Flink SQL)\n\n" +
                           (s.issues.empty() ? std::string("Everything exported exactly.\n")
                                             : issuesToText(s.issues)),
                       "text"});
    b.files.push_back({s.name + ".export-report.json", reportJson(s).dump(2) + "\n", "json"});
    if (withK8s) {
        auto m = kubernetesManifests(p, s, planTopics(p, o), o);
        b.files.push_back({"k8s/" + s.name + "-flink.yaml", m.flinkYaml, "yaml"});
        b.files.push_back({"k8s/" + s.name + "-topics.yaml", m.topicsYaml, "yaml"});
        b.files.push_back({"k8s/" + s.name + "-monitoring.yaml", m.monitoringYaml, "yaml"});
    }
    return {};
}

void addTopics(ExportBundle& b, const PipelineSpec& p, const ExportOptions& o)
{
    TopicPlan plan = planTopics(p, o);
    b.files.push_back({"topics/" + b.name + "-topics.txt", topicPlanText(plan), "text"});
    b.files.push_back(
        {"topics/" + b.name + "-topics.json", topicPlanJson(plan).dump(2) + "\n", "json"});
    b.files.push_back(
        {"topics/" + b.name + "-create-topics.sh", kafkaTopicsScript(plan, b.name), "shell"});
}

void addReadiness(ExportBundle& b, const PipelineSpec& p, const ExportOptions& o)
{
    ReadinessReport r = checkReadiness(p, o);
    b.files.push_back({"readiness/" + b.name + "-readiness.txt", readinessText(r), "text"});
    b.files.push_back(
        {"readiness/" + b.name + "-readiness.json", readinessJson(r).dump(2) + "\n", "json"});
}

} // namespace

std::string_view toString(ExportTarget t)
{
    switch (t) {
    case ExportTarget::FlinkSql:
        return "flink-sql";
    case ExportTarget::Kubernetes:
        return "k8s";
    case ExportTarget::Topics:
        return "topics";
    case ExportTarget::Readiness:
        return "readiness";
    case ExportTarget::All:
        return "all";
    }
    return "all";
}

std::optional<ExportTarget> parseExportTarget(std::string_view text)
{
    for (auto t : {ExportTarget::FlinkSql, ExportTarget::Kubernetes, ExportTarget::Topics,
                   ExportTarget::Readiness, ExportTarget::All})
        if (toString(t) == text) return t;
    return std::nullopt;
}

const ExportFile* ExportBundle::find(std::string_view path) const
{
    for (const auto& f : files)
        if (f.path == path) return &f;
    return nullptr;
}

Result<ExportBundle> exportPipeline(const PipelineSpec& pipeline, ExportTarget target,
                                    const ExportOptions& options)
{
    ExportBundle b;
    b.name = exportName(pipeline, options);
    bool all = target == ExportTarget::All;
    if (all || target == ExportTarget::FlinkSql || target == ExportTarget::Kubernetes) {
        if (Status s = addSql(b, pipeline, options, all || target == ExportTarget::Kubernetes); !s)
            return s.error();
    }
    if (all || target == ExportTarget::Topics) addTopics(b, pipeline, options);
    if (all || target == ExportTarget::Readiness) addReadiness(b, pipeline, options);
    return b;
}

Status writeBundle(const ExportBundle& bundle, const std::string& directory)
{
    namespace fs = std::filesystem;
    for (const auto& f : bundle.files) {
        fs::path path = fs::path(directory) / f.path;
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        if (ec)
            return Status(
                makeError("cannot create " + path.parent_path().string() + ": " + ec.message()));
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << f.content;
        out.close();
        if (!out) return Status(makeError("cannot write " + path.string()));
    }
    return {};
}

} // namespace sw::runtime::exporting
