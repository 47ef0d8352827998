#pragma once
// The embedded Schema Registry: SchemaStore behind Confluent's REST API (cpp-httplib) on
// 127.0.0.1, on an ephemeral or a given port. Started by `streamwright-run broker`, by tests, and
// on demand (shared()) when a node uses a registry format without naming `schema_registry_url`,
// as EmbeddedBroker is.
//
// Routes (Confluent's "Schema Registry API Reference"; bodies are application/vnd.schemaregistry
// .v1+json, errors {"error_code": N, "message": "..."}):
//   GET /subjects                          GET /schemas/ids/{id}      GET /schemas/types
//   GET|POST /subjects/{s}/versions        GET /subjects/{s}/versions/{v}[/schema]
//   POST /subjects/{s} (lookup)            DELETE /subjects/{s}[/versions/{v}][?permanent=true]
//   GET|PUT /config, GET|PUT|DELETE /config/{s}
//   POST /compatibility/subjects/{s}/versions/{v}[?verbose=true]
//
// Threads: the listener and a small pool of request workers, all std::jthreads; stop() (and the
// destructor) stops the listener and joins them.
#include <memory>
#include <string>
#include <thread>

#include "schema/SchemaStore.h"
#include "util/Result.h"

namespace sw::runtime::schema {

class SchemaRegistry {
public:
    /// Opens the store at `storePath` ("" = in memory) and listens on 127.0.0.1:`port`
    /// (0 = ephemeral).
    static Result<std::unique_ptr<SchemaRegistry>> start(const std::string& storePath,
                                                         int port = 0);
    /// The process-wide registry, started on first use with its store in
    /// `<dataDirectory>/schema-registry.sqlite` ("" = in memory); kept while anybody holds it.
    static Result<std::shared_ptr<SchemaRegistry>> shared(const std::string& dataDirectory);
    /// The shared registry when one is running, else nullptr (never starts one).
    static std::shared_ptr<SchemaRegistry> sharedIfRunning();
    ~SchemaRegistry();
    SchemaRegistry(const SchemaRegistry&) = delete;
    SchemaRegistry& operator=(const SchemaRegistry&) = delete;

    /// "http://127.0.0.1:PORT"
    const std::string& url() const { return m_url; }
    int port() const { return m_port; }
    SchemaStore& store() { return *m_store; }
    void stop();

    /// The file name of the store inside a data directory.
    static constexpr const char* kStoreFile = "schema-registry.sqlite";

private:
    SchemaRegistry() = default;
    struct Server;
    std::unique_ptr<SchemaStore> m_store;
    std::unique_ptr<Server> m_server;
    std::jthread m_listener;
    std::string m_url;
    int m_port = 0;
};

} // namespace sw::runtime::schema
