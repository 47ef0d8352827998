#pragma once
// The avro-confluent format (Confluent's wire format, as Flink's avro-confluent): a message value
// is the magic byte 0, the writer schema's registry id (4 bytes, big-endian) and the Avro binary
// datum. Decoding reads each record with its writer schema (fetched by id from the registry,
// cached) and resolves it into the node's columns (AvroColumnPlan.h); encoding registers the
// columns' Avro schema (avroSchemaJson, as Flink derives it) under `<topic>-value`
// (TopicNameStrategy) and writes rows with libavro (AvroRowEncoder, shared with the lake sink).
//
// Registry: `schema_registry_url` names one (basic auth, https); none = the embedded registry of
// this process (schema/SchemaRegistry::shared, its store in the data directory), started on
// demand.
//
// Bad input never stops the source: an unknown id, a magic byte other than 0, a value shorter
// than the header, a truncated or over-long datum, a writer schema that does not parse or does
// not fit the columns: each such record fails with the precise reason (the source routes it to
// `errors` with its raw bytes).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "connectors/format/AvroColumnPlan.h"
#include "exec/ErrorRecord.h"
#include "schema/RegistryClient.h"
#include "types/Row.h"
#include "types/Schema.h"
#include "util/Result.h"

namespace sw::runtime {
class AvroRowEncoder;
namespace schema {
class SchemaRegistry;
}

/// The registry a node uses (node properties).
struct RegistrySettings {
    std::string url; ///< empty = the embedded registry
    std::string username;
    std::string password;
    int pinnedVersion = 0;     ///< schema_version: 0 = latest
    std::string dataDirectory; ///< where the embedded registry keeps its store
};

/// A connection to the registry; holds the embedded registry alive when it is the one used.
struct RegistryConnection {
    std::shared_ptr<schema::SchemaRegistry> embedded;
    std::shared_ptr<schema::RegistryClient> client;
    int pinnedVersion = 0;
};

/// Connects (starting the embedded registry when `s.url` is empty). The password is registered
/// with the process-wide redactor.
Result<std::shared_ptr<RegistryConnection>> connectRegistry(const RegistrySettings& s);

/// The subject of a topic's values (TopicNameStrategy).
std::string valueSubject(const std::string& topic);

/// Checks that the pinned version (if any) of `subject` can be read into `columns`: the error
/// names the column and the rule.
Status checkPinnedVersion(RegistryConnection& c, const std::string& subject, const Schema& columns);

class AvroConfluentDecoder {
public:
    AvroConfluentDecoder(Schema columns, std::shared_ptr<RegistryConnection> registry);
    ~AvroConfluentDecoder();
    AvroConfluentDecoder(const AvroConfluentDecoder&) = delete;
    AvroConfluentDecoder& operator=(const AvroConfluentDecoder&) = delete;

    /// Decodes one message value into row[0 .. columns). False with error() and errorClass().
    bool decode(const char* data, std::size_t size, Row& row);
    const std::string& error() const { return m_error; }
    ErrorClass errorClass() const { return m_class; }

private:
    struct Writer;
    Writer* writerFor(std::uint32_t id);
    bool fail(ErrorClass c, std::string message);

    Schema m_columns;
    std::shared_ptr<RegistryConnection> m_registry;
    std::map<std::uint32_t, std::unique_ptr<Writer>> m_writers;
    struct Reader;
    std::unique_ptr<Reader> m_reader;
    std::string m_error;
    ErrorClass m_class = ErrorClass::Parse;
};

class AvroConfluentEncoder {
public:
    /// Registers the Avro schema of `columns` under `subject` (a refusal - an incompatible change
    /// - comes back with the registry's reasons: the field and the rule). `compatibility` (the
    /// pipeline's schema_evolution, e.g. "full"; empty = leave it) is set as the subject's level
    /// first.
    static Result<std::unique_ptr<AvroConfluentEncoder>>
    make(const Schema& columns, std::shared_ptr<RegistryConnection> registry,
         const std::string& subject, const std::string& compatibility = {});
    ~AvroConfluentEncoder();

    /// Encodes `row` into `out` (cleared first); nullopt on success, else why it cannot be.
    std::optional<std::string> encode(const Row& row, std::string& out);
    std::uint32_t schemaId() const { return m_id; }

private:
    AvroConfluentEncoder() = default;
    std::shared_ptr<RegistryConnection> m_registry;
    std::unique_ptr<AvroRowEncoder> m_avro;
    std::uint32_t m_id = 0;
};

} // namespace sw::runtime
