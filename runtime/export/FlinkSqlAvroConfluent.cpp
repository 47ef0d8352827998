// Kafka nodes with format avro-confluent in Flink SQL: Flink's avro-confluent format with the
// registry's URL ('avro-confluent.url', 'value.avro-confluent.url' beside 'value.format'); basic
// auth from user info in schema_registry_url as a secret placeholder; the embedded registry (no
// URL) becomes a placeholder of the production registry. Keys: the desktop runtime keeps its
// text/JSON keys, exported as Flink's json key format.
#include "catalog/PropertyAccess.h"
#include "export/FlinkSqlBuilder.h"
#include "export/KafkaClientOptions.h"

namespace sw::runtime::exporting {

void FlinkSqlBuilder::applyAvroConfluent(const NodeSpec& n, std::vector<WithOption>& with,
                                         bool keyColumns)
{
    if (stringProperty(n, "format") != "avro-confluent") return;
    std::string url = stringProperty(n, "schema_registry_url");
    std::string userInfo;
    if (auto scheme = url.find("://"); scheme != std::string::npos) {
        const std::size_t host = scheme + 3;
        const std::size_t at = url.rfind('@', url.find('/', host));
        if (at != std::string::npos && at >= host) {
            userInfo = url.substr(host, at - host);
            url.erase(host, at + 1 - host);
        }
    }
    const std::string base = envVarName(n.id, "schema_registry");
    if (url.empty()) {
        url = env(base + "_URL", false, "",
                  "Schema Registry URL of node " + n.id +
                      " (the desktop runtime used its embedded registry)");
        issue(n, IssueKind::Note, "schema-registry",
              "the node used the desktop runtime's embedded Schema Registry; the job needs the "
              "production registry, with the subject's schemas registered there",
              "set " + base + "_URL");
    }
    for (std::size_t i = 0; i < with.size(); ++i) {
        WithOption& o = with[i];
        if (o.key == "key.format" && o.value == "avro-confluent") {
            o.value = "json";
            if (keyColumns)
                issue(n, IssueKind::Approximated, "key-format",
                      "avro-confluent applies to values; the desktop runtime writes a one-column "
                      "key as its text and several as a JSON object, exported as Flink's json key "
                      "format",
                      "use 'raw' as key.format for a single STRING key column");
            continue;
        }
        if ((o.key != "format" && o.key != "value.format") || o.value != "avro-confluent") continue;
        const std::string prefix = o.key == "format" ? "" : "value.";
        std::vector<WithOption> extra = {{prefix + "avro-confluent.url", url}};
        if (!userInfo.empty()) {
            extra.push_back({prefix + "avro-confluent.basic-auth.credentials-source", "USER_INFO"});
            extra.push_back({prefix + "avro-confluent.basic-auth.user-info",
                             env(base + "_USER_INFO", true, "",
                                 "Schema Registry user:password of node " + n.id)});
        }
        with.insert(with.begin() + static_cast<std::ptrdiff_t>(i) + 1, extra.begin(), extra.end());
        i += extra.size();
    }
}

} // namespace sw::runtime::exporting
