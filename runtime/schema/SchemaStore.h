#pragma once
// The Schema Registry's state and rules, without HTTP: subjects with numbered versions, schemas
// with global ids, compatibility configuration, all persisted in one SQLite file (or in memory).
// Semantics follow Confluent's Schema Registry API (docs.confluent.io, "Schema Registry API
// Reference"):
//   - registering a schema a subject already has returns its id (no new version); a schema text
//     registered anywhere keeps its id in every subject (ids are global);
//   - a new version is checked against the subject's versions at the subject's level (else the
//     global one, default BACKWARD) and refused with 409 and every failed rule;
//   - deletes are soft first (the versions disappear from reads, their numbers are not reused);
//     `permanent` removes soft-deleted ones;
//   - errors carry Confluent's error codes (40401 subject not found, 40402 version not found,
//     40403 schema not found, 40405/40407 not soft-deleted first, 40408 no subject config,
//     409 incompatible, 42201 invalid schema, 42202 invalid version, 42203 invalid level).
// Schema types: AVRO (validated and compatibility-checked) and PROTOBUF (stored as given: neither
// parsed nor checked for compatibility - a subject of Protobuf schemas behaves as level NONE).
// Thread-safe: one mutex around the database.
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "schema/AvroCompatibility.h"
#include "util/Result.h"

namespace sw::runtime {
class SqliteDb;
}

namespace sw::runtime::schema {

/// An error as the REST API reports it.
struct RegistryError {
    int httpStatus = 500;
    int errorCode = 50001;
    std::string message;
};

template <typename T> struct RegistryResult {
    std::optional<T> value;
    RegistryError error;
    RegistryResult(T v) : value(std::move(v)) {}
    RegistryResult(RegistryError e) : error(std::move(e)) {}
    bool ok() const { return value.has_value(); }
};

struct SchemaVersion {
    std::string subject;
    int version = 0;
    int id = 0;
    std::string schemaType = "AVRO";
    std::string schema;
};

struct SchemaText {
    std::string schemaType = "AVRO";
    std::string schema;
};

struct CompatibilityResult {
    bool compatible = true;
    std::vector<std::string> messages;
};

class SchemaStore {
public:
    /// Opens (creating) the store in `path`; "" = in memory (nothing persists).
    static Result<std::unique_ptr<SchemaStore>> open(const std::string& path);
    ~SchemaStore();

    /// POST /subjects/{s}/versions: the schema's id.
    RegistryResult<int> registerSchema(const std::string& subject, const SchemaText& s);
    /// POST /subjects/{s}: the version of `subject` holding this schema.
    RegistryResult<SchemaVersion> lookup(const std::string& subject, const SchemaText& s);
    /// GET /subjects
    std::vector<std::string> subjects();
    /// GET /subjects/{s}/versions
    RegistryResult<std::vector<int>> versions(const std::string& subject);
    /// GET /subjects/{s}/versions/{v}: `version` "latest", "-1" or a positive number.
    RegistryResult<SchemaVersion> version(const std::string& subject, const std::string& version);
    /// GET /schemas/ids/{id}
    RegistryResult<SchemaText> schemaById(int id);
    /// DELETE /subjects/{s}[?permanent=true]: the versions deleted.
    RegistryResult<std::vector<int>> deleteSubject(const std::string& subject, bool permanent);
    /// DELETE /subjects/{s}/versions/{v}[?permanent=true]: the version deleted.
    RegistryResult<int> deleteVersion(const std::string& subject, const std::string& version,
                                      bool permanent);
    /// GET /config ("" = global) and /config/{s} (40408 without a subject level unless
    /// `defaultToGlobal`).
    RegistryResult<std::string> config(const std::string& subject, bool defaultToGlobal);
    /// PUT /config, /config/{s}: the level as stored ("FULL").
    RegistryResult<std::string> setConfig(const std::string& subject, const std::string& level);
    /// DELETE /config/{s}: the level it had.
    RegistryResult<std::string> deleteConfig(const std::string& subject);
    /// POST /compatibility/subjects/{s}/versions/{v}: "latest" checks as a registration would
    /// (all versions for a transitive level), a number against that version only.
    RegistryResult<CompatibilityResult>
    testCompatibility(const std::string& subject, const std::string& version, const SchemaText& s);

private:
    SchemaStore() = default;
    struct Row;
    std::vector<Row> liveVersions(const std::string& subject);
    RegistryResult<int> resolveVersion(const std::string& subject, const std::string& version,
                                       bool includeDeleted);
    std::optional<int> findSchemaId(const std::string& type, const std::string& canonical);
    CompatibilityLevel levelOf(const std::string& subject);
    RegistryResult<CompatibilityResult> check(CompatibilityLevel level, const SchemaText& s,
                                              const AvroSchema& candidate,
                                              const std::vector<Row>& against);

    std::mutex m_mutex;
    std::unique_ptr<SqliteDb> m_db;
};

/// Parses and validates `s` (AVRO) into the canonical text; 42201 with the parser's reason.
RegistryResult<std::string> canonicalSchema(const SchemaText& s);

} // namespace sw::runtime::schema
