#pragma once
// librdkafka client configuration: production defaults, per-node overrides (the `properties`
// map, passed through verbatim: security.protocol, sasl.*, ssl.*), and secrets redaction.
//
// Secret values (catalog/PropertySpec.h isSecretKey: passwords, keys, JAAS configs, tokens)
// never appear in anything this module produces: describe(), error messages, and librdkafka's
// own log lines (routed through kafka::logSink() after redaction).
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "util/Result.h"

struct rd_kafka_conf_s;

namespace sw::runtime::kafka {

/// Replaces every occurrence of registered secret values with "******".
class Redactor {
public:
    void addSecret(std::string value);
    std::string apply(std::string_view text) const;
    bool empty() const { return m_secrets.empty(); }

private:
    std::vector<std::string> m_secrets; // longest first, so overlapping secrets redact fully
};

/// The process-wide redactor: every secret any Kafka client of this process was configured
/// with. Used for log lines and for text that leaves the runtime (status lines, reports).
const Redactor& globalRedactor();
/// Adds a secret of another client of this process (an HTTP sink's token or password) to
/// globalRedactor(), so the CLI, reports and logs redact it like Kafka secrets.
void registerSecret(std::string value);
/// Redacts `text` with globalRedactor() (convenience for the CLI, reports and the engine).
std::string redactSecrets(std::string_view text);

/// Where librdkafka log lines go (already redacted). level: syslog levels (0 emerg .. 7 debug).
/// Default: stderr for levels <= 3 (errors), prefixed "kafka: <client>: ".
using LogSink = std::function<void(int level, const std::string& client, const std::string& line)>;
void setLogSink(LogSink sink);
/// Installs the sink into `conf` (log_cb): librdkafka's log lines go to the sink, redacted.
void installLogCallback(rd_kafka_conf_s* conf);
/// Logs a line of our own through the same sink (redacted).
void log(int level, const std::string& client, std::string_view line);

/// An ordered set of librdkafka properties (later set() of the same key replaces the value).
class ClientConfig {
public:
    enum class Role { Consumer, Producer };

    /// The production defaults of `role` (producer: acks=all, enable.idempotence=true,
    /// compression.type=lz4, linger.ms=5, batch.size=32768; consumer: manual offset commits,
    /// bounded prefetch queues).
    static ClientConfig defaults(Role role);

    void set(std::string key, std::string value);
    /// Applies a node's `properties` map (JSON object of strings). Fails on non-string values.
    Status merge(const nlohmann::json& properties);
    const std::string* find(std::string_view key) const;
    const std::vector<std::pair<std::string, std::string>>& entries() const { return m_entries; }

    /// "key=value, ..." with secret values shown as "******".
    std::string describe() const;
    /// Registers this config's secret values with globalRedactor() and returns a redactor for
    /// exactly these secrets.
    Redactor redactor() const;

    /// Builds an rd_kafka_conf_t (caller owns it) with the log callback installed. Errors name
    /// the property; values are never echoed for secret keys and are redacted anyway.
    /// `health`: also the error and statistics callbacks that feed a ClientHealth attached to
    /// the client (ClientHealth.h; the operator's own clients).
    Result<rd_kafka_conf_s*> build(bool health = false) const;

private:
    std::vector<std::pair<std::string, std::string>> m_entries;
};

/// True for property keys whose values must be hidden (isSecretKey plus librdkafka's own
/// sensitive properties such as sasl.oauthbearer.config).
bool isSecretProperty(std::string_view key);

} // namespace sw::runtime::kafka
