#include "export/KubernetesExporter.h"

#include <algorithm>
#include <cctype>

#include "export/ExportOptions.h"
#include "export/MonitoringManifests.h"
#include "export/SqlText.h"
#include "export/YamlWriter.h"

namespace sw::runtime::exporting {

const char* const kRenderSqlAwk =
    "{ out = \"\"; s = $0;"
    " while (match(s, /[$][{][A-Za-z_][A-Za-z0-9_]*[}]/)) {"
    " v = substr(s, RSTART + 2, RLENGTH - 3);"
    " if (!(v in ENVIRON)) { print \"render-sql: environment variable \" v \" is not set\" > "
    "\"/dev/stderr\"; exit 1 }"
    " val = ENVIRON[v]; gsub(/'/, \"''\", val);"
    " out = out substr(s, 1, RSTART - 1) val; s = substr(s, RSTART + RLENGTH) }"
    " print out s }";

namespace {

using J = nlohmann::ordered_json;

constexpr const char* kTemplateDir = "/opt/flink/sql-template";
constexpr const char* kScriptDir = "/opt/flink/usrlib/sql-scripts";

J labels(const std::string& name)
{
    return J{{"app.kubernetes.io/name", name}, {"app.kubernetes.io/managed-by", "streamwright"}};
}

J metadata(const std::string& name, const std::string& app, const ExportOptions& o,
           J extraLabels = J::object())
{
    J l = labels(app);
    for (auto it = extraLabels.begin(); it != extraLabels.end(); ++it)
        l[it.key()] = *it;
    return J{{"name", name}, {"namespace", o.namespaceName}, {"labels", l}};
}

J flinkConfiguration(const PipelineSpec& p, const std::string& name, const ExportOptions& o)
{
    const bool eo = p.settings.delivery == DeliveryGuarantee::ExactlyOnce;
    std::string dir = o.stateDir + "/" + name;
    J c{
        {"execution.checkpointing.interval", flinkDuration(p.settings.checkpointIntervalMs)},
        {"execution.checkpointing.mode", eo ? "EXACTLY_ONCE" : "AT_LEAST_ONCE"},
        {"execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION"},
        {"execution.checkpointing.min-pause", flinkDuration(p.settings.checkpointIntervalMs / 2)},
        {"state.backend.type", "rocksdb"},
        {"state.backend.incremental", "true"},
        {"state.checkpoints.dir", dir + "/checkpoints"},
        {"state.savepoints.dir", dir + "/savepoints"},
        {"high-availability.type", "kubernetes"},
        {"high-availability.storageDir", dir + "/ha"},
        {"parallelism.default", std::to_string(std::max(1, p.settings.parallelism))},
        {"taskmanager.numberOfTaskSlots", "2"},
        {"metrics.reporter.prom.factory.class",
         "org.apache.flink.metrics.prometheus.PrometheusReporterFactory"},
        {"metrics.reporter.prom.port", std::to_string(kFlinkMetricsPort)},
    };
    for (const auto& [k, v] : flinkRecoveryOptions(p))
        c[k] = v;
    const J autoscaler = autoscalerConfiguration(p);
    for (auto it = autoscaler.begin(); it != autoscaler.end(); ++it)
        c[it.key()] = *it;
    return c;
}

J envList(const FlinkSqlScript& s, const std::string& secret)
{
    J env = J::array();
    for (const auto& e : s.env) {
        if (e.secret)
            env.push_back(
                J{{"name", e.name},
                  {"valueFrom", J{{"secretKeyRef", J{{"name", secret}, {"key", e.name}}}}}});
        else
            env.push_back(J{{"name", e.name}, {"value", e.value}});
    }
    return env;
}

J podTemplate(const FlinkSqlScript& s, const std::string& secret, const ExportOptions& o)
{
    std::string file = s.name + ".sql";
    J init = {
        {"name", "render-sql"},
        {"image", o.flinkImage},
        {"command",
         J::array({"sh", "-c", "awk \"$0\" \"$1\" > \"$2\"", kRenderSqlAwk,
                   std::string(kTemplateDir) + "/" + file, std::string(kScriptDir) + "/" + file})},
        {"env", envList(s, secret)},
        {"volumeMounts", J::array({J{{"name", "sql-template"}, {"mountPath", kTemplateDir}},
                                   J{{"name", "sql-scripts"}, {"mountPath", kScriptDir}}})},
    };
    // The Prometheus reporter's port, named for the PodMonitor (MonitoringManifests.h).
    J main = {{"name", "flink-main-container"},
              {"ports", J::array({J{{"name", kFlinkMetricsPortName},
                                    {"containerPort", kFlinkMetricsPort}}})},
              {"volumeMounts", J::array({J{{"name", "sql-scripts"}, {"mountPath", kScriptDir}}})}};
    J volumes = J::array({J{{"name", "sql-template"}, {"configMap", J{{"name", s.name + "-sql"}}}},
                          J{{"name", "sql-scripts"}, {"emptyDir", J::object()}}});
    return J{{"apiVersion", "v1"},
             {"kind", "Pod"},
             {"spec", J{{"initContainers", J::array({init})},
                        {"containers", J::array({main})},
                        {"volumes", volumes}}}};
}

std::string flinkYaml(const PipelineSpec& p, const FlinkSqlScript& s, const std::string& secret,
                      const ExportOptions& o)
{
    J configMap = {{"apiVersion", "v1"},
                   {"kind", "ConfigMap"},
                   {"metadata", metadata(s.name + "-sql", s.name, o)},
                   {"data", J{{s.name + ".sql", s.sql}}}};
    J job = {{"jarURI", "local:///opt/flink/usrlib/sql-runner.jar"},
             {"args", J::array({std::string(kScriptDir) + "/" + s.name + ".sql"})},
             {"parallelism", std::max(1, p.settings.parallelism)},
             {"upgradeMode", "savepoint"},
             {"state", "running"}};
    J spec = {{"image", o.flinkImage},
              {"flinkVersion", o.flinkVersion},
              {"serviceAccount", o.serviceAccount},
              {"flinkConfiguration", flinkConfiguration(p, s.name, o)},
              {"podTemplate", podTemplate(s, secret, o)},
              {"jobManager", J{{"resource", J{{"memory", "2048m"}, {"cpu", 1}}}}},
              {"taskManager", J{{"resource", J{{"memory", "4096m"}, {"cpu", 2}}}}},
              {"job", job}};
    J deployment = {{"apiVersion", "flink.apache.org/v1beta1"},
                    {"kind", "FlinkDeployment"},
                    {"metadata", metadata(s.name, s.name, o)},
                    {"spec", spec}};
    std::string head = "# Flink job '" + s.name + "' exported by Streamwright from pipeline '" +
                       p.settings.name + "'.\n";
    std::string secrets;
    for (const auto& e : s.env)
        if (e.secret) secrets += " --from-literal=" + e.name + "=...";
    if (!secrets.empty())
        head += "# Create the Secret first (values are never exported):\n#   kubectl -n " +
                o.namespaceName + " create secret generic " + secret + secrets + "\n";
    return head + toYaml(configMap) + "---\n" + toYaml(deployment);
}

} // namespace

std::string kubernetesTopicName(const std::string& topic)
{
    std::string out;
    for (char c : topic) {
        auto u = static_cast<unsigned char>(c);
        out += std::isalnum(u) ? static_cast<char>(std::tolower(u)) : (c == '.' ? '.' : '-');
    }
    while (!out.empty() && !std::isalnum(static_cast<unsigned char>(out.front())))
        out.erase(0, 1);
    while (!out.empty() && !std::isalnum(static_cast<unsigned char>(out.back())))
        out.pop_back();
    if (out.size() > 253) out.resize(253);
    return out.empty() ? "topic" : out;
}

KubernetesManifests kubernetesManifests(const PipelineSpec& pipeline, const FlinkSqlScript& script,
                                        const TopicPlan& plan, const ExportOptions& options)
{
    KubernetesManifests m;
    m.secretName = script.name + "-secrets";
    m.flinkYaml = flinkYaml(pipeline, script, m.secretName, options);
    m.monitoringYaml = monitoringYaml(pipeline, script.name, options);
    m.topicsYaml = "# Kafka topics of '" + script.name + "' (Strimzi KafkaTopic, cluster '" +
                   options.kafkaCluster + "').\n";
    bool first = true;
    for (const auto& t : plan.topics) {
        J config = {{"cleanup.policy", t.cleanupPolicy},
                    {"retention.ms", t.retentionMs},
                    {"min.insync.replicas", t.minInsyncReplicas}};
        J topic = {{"apiVersion", "kafka.strimzi.io/v1beta2"},
                   {"kind", "KafkaTopic"},
                   {"metadata", metadata(kubernetesTopicName(t.name), script.name, options,
                                         J{{"strimzi.io/cluster", options.kafkaCluster}})},
                   {"spec", J{{"topicName", t.name},
                              {"partitions", t.partitions},
                              {"replicas", t.replication},
                              {"config", config}}}};
        m.topicsYaml += (first ? "" : "---\n") + toYaml(topic);
        first = false;
    }
    return m;
}

Result<KubernetesManifests> exportKubernetes(const PipelineSpec& pipeline,
                                             const ExportOptions& options)
{
    auto sql = exportFlinkSql(pipeline, options);
    if (!sql) return sql.error();
    return kubernetesManifests(pipeline, sql.value(), planTopics(pipeline, options), options);
}

} // namespace sw::runtime::exporting
