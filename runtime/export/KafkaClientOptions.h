#pragma once
// Translation of a node's librdkafka client properties into Flink Kafka connector options
// ('properties.<java client key>'), with secrets replaced by ${ENV_VAR} placeholders.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/ExportIssue.h"

namespace sw::runtime::exporting {

/// A secret the export refers to by name only. The value never leaves the pipeline file.
struct SecretRef {
    std::string envVar; ///< ORDERS_IN_SASL_PASSWORD
    std::string nodeId;
    std::string property; ///< client property key, e.g. sasl.password
    friend bool operator==(const SecretRef&, const SecretRef&) = default;
};

struct ConnectorOption {
    std::string key;
    std::string value;
};

/// Environment variable name for a node's property: upper case, [A-Z0-9_] only.
std::string envVarName(std::string_view nodeId, std::string_view key);

/// The `${NAME}` placeholder text.
std::string placeholder(std::string_view envVar);

/// Translates librdkafka client properties (a KeyValue property) of `nodeId` into Flink Kafka
/// connector options with the 'properties.' prefix. Secret values (isSecretKey) become
/// placeholders recorded in `secrets`; keys without an exact Java client equivalent are reported.
std::vector<ConnectorOption> kafkaClientOptions(const std::string& nodeId,
                                                const nlohmann::json& properties,
                                                ExportIssues& issues,
                                                std::vector<SecretRef>& secrets);

} // namespace sw::runtime::exporting
