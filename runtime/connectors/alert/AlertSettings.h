#pragma once
// What an alert-sink subtask needs, read once from the node (catalog/AlertSinkType.cpp
// describes and validates the properties): the endpoint, how a record becomes an alert, and
// batching / retry / auth settings. Secret values (bearer token, password, secret-looking header
// values, credentials in the URL) are registered with the process-wide redactor
// (kafka::registerSecret) when read, so no message, log line or report shows them.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "connectors/kafka/ClientConfig.h"
#include "exec/Operator.h"
#include "expr/Expression.h"
#include "expr/JsonTemplate.h"

namespace sw::runtime::alert {

enum class Mode : std::uint8_t { Alertmanager, Webhook };

struct AlertSettings {
    std::string nodeId;
    Mode mode = Mode::Alertmanager;
    std::string url;        ///< what is posted to (Alertmanager: <base>/api/v2/alerts)
    std::string displayUrl; ///< `url` without credentials, for messages
    Schema inputSchema;

    // alertmanager mode
    std::vector<int> labelColumns; ///< label name = column name
    std::vector<std::pair<std::string, std::string>> constantLabels;
    std::vector<std::pair<std::string, expr::Expression>> annotations;
    std::string generatorUrl;
    std::int64_t resolveTimeoutMs = 0; ///< 0 = no endsAt

    // webhook mode
    std::optional<expr::JsonTemplate> body;

    std::size_t batchSize = 100;
    std::int64_t flushIntervalMs = 1000;
    std::int64_t requestTimeoutMs = 10000;
    std::int64_t initialBackoffMs = 100;
    std::int64_t maxBackoffMs = 30000;

    std::string bearerToken;
    std::string username;
    std::string password;
    std::vector<std::string> headers; ///< "Name: value"
    kafka::Redactor redactor;         ///< this node's secrets
};

/// Reads and compiles the node's settings (Alertmanager's URL completed) and registers its
/// secrets for redaction. Errors name the property.
Result<AlertSettings> alertSettings(const OperatorSpec& spec);

/// The service a mode talks to, for messages: "Alertmanager" or "webhook".
const char* serviceName(Mode m);

} // namespace sw::runtime::alert
