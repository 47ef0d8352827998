#pragma once
// A Schema Registry client (Confluent's REST API) over the runtime's libcurl client: schemas by
// id (cached for good: an id's schema never changes), registration under a subject, a subject's
// versions, compatibility tests and subject config. Works against the embedded registry and any
// Confluent-compatible one (http or https; basic auth).
//
// Secrets: the password (given, or as user:password@ in the URL) is sent, never reported: the
// URL in messages carries no user info, and every message passes through the password's
// redaction ("******"). Callers register the password with the process-wide redactor
// (kafka::registerSecret) like the Kafka client secrets.
//
// Thread-safe (one mutex around the connection and the cache). Calls block for at most the
// request timeout.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "schema/AvroModel.h"
#include "schema/SchemaStore.h"
#include "util/Result.h"

namespace sw::runtime::http {
class HttpClient;
}

namespace sw::runtime::schema {

struct RegistryConfig {
    std::string url; ///< "http://host:port" (user:password@ allowed; a trailing / is dropped)
    std::string username;
    std::string password;
    std::int64_t timeoutMs = 5000;
};

/// A schema fetched by id: its text, type and (for AVRO) the parsed tree.
struct FetchedSchema {
    int id = 0;
    std::string schemaType = "AVRO";
    std::string text;
    std::optional<AvroSchema> avro;
};

class RegistryClient {
public:
    explicit RegistryClient(RegistryConfig config);
    ~RegistryClient();
    RegistryClient(const RegistryClient&) = delete;
    RegistryClient& operator=(const RegistryClient&) = delete;

    /// GET /schemas/ids/{id}, cached (also a "not found", which never changes).
    Result<std::shared_ptr<const FetchedSchema>> schemaById(int id, std::stop_token stop = {});
    /// POST /subjects/{s}/versions: the id. A 409 comes back with the registry's reasons.
    Result<int> registerSchema(const std::string& subject, const std::string& schema,
                               const std::string& schemaType = "AVRO", std::stop_token stop = {});
    /// GET /subjects/{s}/versions/{v} (`version` "latest" or a number).
    Result<SchemaVersion> version(const std::string& subject, const std::string& version,
                                  std::stop_token stop = {});
    /// POST /compatibility/subjects/{s}/versions/{v}?verbose=true
    Result<CompatibilityResult> testCompatibility(const std::string& subject,
                                                  const std::string& version,
                                                  const std::string& schema,
                                                  std::stop_token stop = {});
    /// PUT /config/{s}
    Status setCompatibility(const std::string& subject, const std::string& level,
                            std::stop_token stop = {});

    /// The URL without user info, for messages.
    const std::string& displayUrl() const { return m_display; }

private:
    struct Reply;
    Reply call(const std::string& method, const std::string& path, const std::string& body,
               std::stop_token stop);
    Error failure(const std::string& what, const Reply& r) const;

    RegistryConfig m_config;
    std::string m_base;    ///< URL without user info and trailing slash
    std::string m_display; ///< the same, for messages
    std::mutex m_mutex;
    std::unique_ptr<http::HttpClient> m_http;
    std::map<int, Result<std::shared_ptr<const FetchedSchema>>> m_byId;
};

/// Percent-encodes a subject for a URL path.
std::string encodeSubject(const std::string& subject);

} // namespace sw::runtime::schema
