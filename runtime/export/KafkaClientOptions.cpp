#include "export/KafkaClientOptions.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "catalog/PropertySpec.h"

namespace sw::runtime::exporting {
namespace {

/// librdkafka keys whose Java client key is spelled the same and means the same.
constexpr std::array<std::string_view, 22> kSameKeys = {"acks",
                                                        "batch.size",
                                                        "client.id",
                                                        "compression.type",
                                                        "enable.idempotence",
                                                        "fetch.max.bytes",
                                                        "fetch.min.bytes",
                                                        "isolation.level",
                                                        "linger.ms",
                                                        "max.in.flight.requests.per.connection",
                                                        "max.poll.interval.ms",
                                                        "receive.buffer.bytes",
                                                        "reconnect.backoff.max.ms",
                                                        "reconnect.backoff.ms",
                                                        "request.timeout.ms",
                                                        "retries",
                                                        "retry.backoff.ms",
                                                        "sasl.mechanism",
                                                        "security.protocol",
                                                        "send.buffer.bytes",
                                                        "session.timeout.ms",
                                                        "ssl.endpoint.identification.algorithm"};

/// librdkafka spelling -> Java client spelling.
const std::map<std::string, std::string>& renamed()
{
    static const std::map<std::string, std::string> m = {
        {"sasl.mechanisms", "sasl.mechanism"},       {"queue.buffering.max.ms", "linger.ms"},
        {"compression.codec", "compression.type"},   {"message.max.bytes", "max.request.size"},
        {"socket.timeout.ms", "request.timeout.ms"},
    };
    return m;
}

std::string str(const nlohmann::json& v)
{
    return v.is_string() ? v.get<std::string>() : v.dump();
}

std::string jaasModule(const std::string& mechanism)
{
    if (mechanism.rfind("SCRAM", 0) == 0)
        return "org.apache.kafka.common.security.scram.ScramLoginModule";
    return "org.apache.kafka.common.security.plain.PlainLoginModule";
}

std::string jaasQuote(const std::string& s)
{
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

} // namespace

std::string envVarName(std::string_view nodeId, std::string_view key)
{
    std::string out;
    auto add = [&](std::string_view s) {
        for (char c : s)
            out += std::isalnum(static_cast<unsigned char>(c))
                       ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                       : '_';
    };
    add(nodeId);
    out += '_';
    add(key);
    if (!out.empty() && std::isdigit(static_cast<unsigned char>(out[0]))) out.insert(0, "SW_");
    return out;
}

std::string placeholder(std::string_view envVar)
{
    return "${" + std::string(envVar) + "}";
}

std::vector<ConnectorOption> kafkaClientOptions(const std::string& nodeId,
                                                const nlohmann::json& properties,
                                                ExportIssues& issues,
                                                std::vector<SecretRef>& secrets)
{
    std::vector<ConnectorOption> out;
    if (!properties.is_object()) return out;
    auto secret = [&](const std::string& key) {
        std::string env = envVarName(nodeId, key);
        secrets.push_back({env, nodeId, key});
        return placeholder(env);
    };
    std::string mechanism = "PLAIN";
    if (properties.contains("sasl.mechanism")) mechanism = str(properties["sasl.mechanism"]);
    if (properties.contains("sasl.mechanisms")) mechanism = str(properties["sasl.mechanisms"]);
    bool userPass = properties.contains("sasl.username") || properties.contains("sasl.password");
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const std::string& key = it.key();
        if (key == "sasl.username" || key == "sasl.password") continue; // -> sasl.jaas.config
        if (key == "enable.auto.commit" || key == "enable.auto.offset.store") {
            issues.push_back({nodeId, IssueKind::Note, "offset-commit",
                              "'" + key +
                                  "' is not passed on: Flink commits offsets when a "
                                  "checkpoint completes and restores from its own checkpoints",
                              "Flink's checkpoint-driven offset commits"});
            continue;
        }
        if (key == "ssl.ca.location") {
            out.push_back({"properties.ssl.truststore.type", "PEM"});
            out.push_back({"properties.ssl.truststore.location", str(*it)});
            issues.push_back(
                {nodeId, IssueKind::Note, "tls",
                 "the CA file " + str(*it) + " must exist at that path in the Flink pods",
                 "mount it from a Secret or ConfigMap"});
            continue;
        }
        std::string javaKey = key;
        if (auto r = renamed().find(key); r != renamed().end()) javaKey = r->second;
        bool known = std::find(kSameKeys.begin(), kSameKeys.end(), javaKey) != kSameKeys.end();
        if (isSecretKey(key)) {
            out.push_back({"properties." + javaKey, secret(key)});
            continue;
        }
        if (!known && javaKey == key)
            issues.push_back({nodeId, IssueKind::Note, "client-property",
                              "'" + key +
                                  "' has no known Java Kafka client equivalent; passed "
                                  "through unchanged",
                              "check the Java client configuration reference"});
        out.push_back({"properties." + javaKey, str(*it)});
    }
    if (userPass) {
        std::string user =
            properties.contains("sasl.username") ? str(properties["sasl.username"]) : "";
        std::string pass = properties.contains("sasl.password") ? secret("sasl.password") : "";
        out.push_back(
            {"properties.sasl.jaas.config", jaasModule(mechanism) + " required username=\"" +
                                                jaasQuote(user) + "\" password=\"" + pass + "\";"});
    }
    return out;
}

} // namespace sw::runtime::exporting
