#include "schema/SchemaStore.h"

#include <climits>
#include <functional>

#include <sqlite3.h>

#include "sqlite/SqliteDb.h"

namespace sw::runtime::schema {
namespace {

constexpr const char* kSchemaSql =
    "CREATE TABLE IF NOT EXISTS schemas(id INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL,"
    " canonical TEXT NOT NULL, text TEXT NOT NULL, UNIQUE(type, canonical));"
    "CREATE TABLE IF NOT EXISTS versions(subject TEXT NOT NULL, version INTEGER NOT NULL,"
    " schema_id INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY(subject, version));"
    "CREATE TABLE IF NOT EXISTS config(subject TEXT PRIMARY KEY, level TEXT NOT NULL);";

RegistryError err(int http, int code, std::string message)
{
    return RegistryError{http, code, std::move(message)};
}

RegistryError subjectNotFound(const std::string& s)
{
    return err(404, 40401, "Subject '" + s + "' not found.");
}

RegistryError storageError(const std::string& what)
{
    return err(500, 50001, "Error in the backend data store: " + what);
}

using Bind = std::function<void(SqliteStatement&)>;

/// Runs `sql` with `bind`, calling `row` per result row; false on an SQLite error.
bool run(SqliteDb& db, const std::string& sql, const Bind& bind,
         const std::function<void(SqliteStatement&)>& row = {})
{
    auto st = db.prepare(sql);
    if (!st) return false;
    if (bind) bind(*st);
    int rc;
    while ((rc = st->step()) == SQLITE_ROW)
        if (row) row(*st);
    return rc == SQLITE_DONE;
}

bool validType(const std::string& t)
{
    return t == "AVRO" || t == "PROTOBUF";
}

} // namespace

struct SchemaStore::Row {
    int version = 0;
    int id = 0;
    std::string type;
    std::string text;
};

RegistryResult<std::string> canonicalSchema(const SchemaText& s)
{
    if (!validType(s.schemaType))
        return err(422, 42201,
                   "Invalid schema type '" + s.schemaType +
                       "': this registry stores AVRO and "
                       "PROTOBUF schemas");
    if (s.schemaType == "PROTOBUF") {
        if (s.schema.find_first_not_of(" \t\r\n") == std::string::npos)
            return err(422, 42201, "Invalid schema: the Protobuf schema is empty");
        return s.schema;
    }
    auto parsed = AvroSchema::parse(s.schema);
    if (!parsed) return err(422, 42201, "Invalid schema: " + parsed.error().message);
    return parsed->canonical();
}

Result<std::unique_ptr<SchemaStore>> SchemaStore::open(const std::string& path)
{
    auto db = SqliteDb::open(path.empty() ? ":memory:" : path);
    if (!db) return db.error();
    if (auto st = (*db)->exec(kSchemaSql); !st) return st.error();
    std::unique_ptr<SchemaStore> s(new SchemaStore());
    s->m_db = std::move(*db);
    return s;
}

SchemaStore::~SchemaStore() = default;

std::vector<SchemaStore::Row> SchemaStore::liveVersions(const std::string& subject)
{
    std::vector<Row> out;
    run(
        *m_db,
        "SELECT v.version, v.schema_id, s.type, s.text FROM versions v JOIN schemas s ON "
        "s.id = v.schema_id WHERE v.subject = ?1 AND v.deleted = 0 ORDER BY v.version",
        [&](SqliteStatement& st) { st.bindText(1, subject); },
        [&](SqliteStatement& st) {
            out.push_back({static_cast<int>(st.columnInt(0)), static_cast<int>(st.columnInt(1)),
                           st.columnBytes(2), st.columnBytes(3)});
        });
    return out;
}

std::optional<int> SchemaStore::findSchemaId(const std::string& type, const std::string& canonical)
{
    std::optional<int> id;
    run(
        *m_db, "SELECT id FROM schemas WHERE type = ?1 AND canonical = ?2",
        [&](SqliteStatement& st) {
            st.bindText(1, type);
            st.bindText(2, canonical);
        },
        [&](SqliteStatement& st) { id = static_cast<int>(st.columnInt(0)); });
    return id;
}

CompatibilityLevel SchemaStore::levelOf(const std::string& subject)
{
    std::string subjectLevel, global;
    run(
        *m_db, "SELECT subject, level FROM config WHERE subject IN (?1, '')",
        [&](SqliteStatement& st) { st.bindText(1, subject); },
        [&](SqliteStatement& st) {
            (st.columnBytes(0).empty() ? global : subjectLevel) = st.columnBytes(1);
        });
    CompatibilityLevel l = CompatibilityLevel::Backward;
    if (!parseCompatibility(subjectLevel, l)) parseCompatibility(global, l);
    return l;
}

RegistryResult<CompatibilityResult> SchemaStore::check(CompatibilityLevel level,
                                                       const SchemaText& s,
                                                       const AvroSchema& candidate,
                                                       const std::vector<Row>& against)
{
    std::vector<AvroSchema> parsed;
    parsed.reserve(against.size());
    std::vector<VersionedSchema> existing;
    for (const Row& r : against) {
        if (r.type != s.schemaType) {
            CompatibilityResult res;
            res.compatible = false;
            res.messages.push_back("version " + std::to_string(r.version) + " is a " + r.type +
                                   " schema, the new one " + s.schemaType);
            return res;
        }
        auto p = AvroSchema::parse(r.text);
        if (!p)
            return storageError("stored schema " + std::to_string(r.id) + ": " + p.error().message);
        parsed.push_back(std::move(*p));
        existing.push_back({r.version, &parsed.back()});
    }
    CompatibilityResult res;
    res.messages = checkCompatibility(level, candidate, existing);
    res.compatible = res.messages.empty();
    return res;
}

RegistryResult<int> SchemaStore::registerSchema(const std::string& subject, const SchemaText& s)
{
    auto canonical = canonicalSchema(s);
    if (!canonical.ok()) return canonical.error;
    std::lock_guard lock(m_mutex);
    const std::vector<Row> live = liveVersions(subject);
    const std::optional<int> known = findSchemaId(s.schemaType, *canonical.value);
    if (known)
        for (const Row& r : live)
            if (r.id == *known) return *known;
    if (s.schemaType == "AVRO" && !live.empty()) {
        auto candidate = AvroSchema::parse(s.schema);
        auto verdict = check(levelOf(subject), s, *candidate, live);
        if (!verdict.ok()) return verdict.error;
        if (!verdict.value->compatible) {
            std::string details;
            for (const std::string& m : verdict.value->messages)
                details += (details.empty() ? "" : "; ") + m;
            return err(409, 409,
                       "Schema being registered is incompatible with an earlier schema for "
                       "subject \"" +
                           subject + "\", details: [" + details + "]");
        }
    }
    if (auto st = m_db->exec("BEGIN IMMEDIATE"); !st) return storageError(st.message());
    int id = known.value_or(0);
    bool ok = true;
    if (!known) {
        const std::string text =
            s.schemaType == "AVRO" ? AvroSchema::parse(s.schema)->text() : s.schema;
        ok = run(*m_db, "INSERT INTO schemas(type, canonical, text) VALUES (?1, ?2, ?3)",
                 [&](SqliteStatement& st) {
                     st.bindText(1, s.schemaType);
                     st.bindText(2, *canonical.value);
                     st.bindText(3, text);
                 });
        id = static_cast<int>(sqlite3_last_insert_rowid(m_db->handle()));
    }
    ok = ok && run(*m_db,
                   "INSERT INTO versions(subject, version, schema_id) SELECT ?1, "
                   "COALESCE(MAX(version), 0) + 1, ?2 FROM versions WHERE subject = ?1",
                   [&](SqliteStatement& st) {
                       st.bindText(1, subject);
                       st.bindInt(2, id);
                   });
    if (!ok) {
        const std::string why = m_db->errorMessage();
        (void)m_db->exec("ROLLBACK");
        return storageError(why);
    }
    if (auto st = m_db->exec("COMMIT"); !st) return storageError(st.message());
    return id;
}

RegistryResult<SchemaVersion> SchemaStore::lookup(const std::string& subject, const SchemaText& s)
{
    auto canonical = canonicalSchema(s);
    if (!canonical.ok()) return canonical.error;
    std::lock_guard lock(m_mutex);
    const std::vector<Row> live = liveVersions(subject);
    if (live.empty()) return subjectNotFound(subject);
    const std::optional<int> id = findSchemaId(s.schemaType, *canonical.value);
    for (const Row& r : live)
        if (id && r.id == *id) return SchemaVersion{subject, r.version, r.id, r.type, r.text};
    return err(404, 40403, "Schema not found");
}

std::vector<std::string> SchemaStore::subjects()
{
    std::lock_guard lock(m_mutex);
    std::vector<std::string> out;
    run(*m_db, "SELECT DISTINCT subject FROM versions WHERE deleted = 0 ORDER BY subject", {},
        [&](SqliteStatement& st) { out.push_back(st.columnBytes(0)); });
    return out;
}

RegistryResult<std::vector<int>> SchemaStore::versions(const std::string& subject)
{
    std::lock_guard lock(m_mutex);
    std::vector<int> out;
    for (const Row& r : liveVersions(subject))
        out.push_back(r.version);
    if (out.empty()) return subjectNotFound(subject);
    return out;
}

RegistryResult<int> SchemaStore::resolveVersion(const std::string& subject,
                                                const std::string& version, bool includeDeleted)
{
    int wanted = 0;
    if (version != "latest" && version != "-1") {
        char* end = nullptr;
        const long v = std::strtol(version.c_str(), &end, 10);
        if (version.empty() || *end || v < 1 || v > INT_MAX)
            return err(422, 42202,
                       "The specified version '" + version +
                           "' is not a valid version id. "
                           "Allowed values are between [1, 2^31-1] and the string \"latest\"");
        wanted = static_cast<int>(v);
    }
    bool anyLive = false, found = false;
    int latest = 0;
    run(
        *m_db, "SELECT version, deleted FROM versions WHERE subject = ?1",
        [&](SqliteStatement& st) { st.bindText(1, subject); },
        [&](SqliteStatement& st) {
            const int v = static_cast<int>(st.columnInt(0));
            const bool deleted = st.columnInt(1) != 0;
            anyLive = anyLive || !deleted;
            if (!deleted && v > latest) latest = v;
            if (v == wanted && (!deleted || includeDeleted)) found = true;
        });
    if (!anyLive) return subjectNotFound(subject);
    if (wanted == 0) return latest;
    if (!found) return err(404, 40402, "Version " + version + " not found.");
    return wanted;
}

RegistryResult<SchemaVersion> SchemaStore::version(const std::string& subject,
                                                   const std::string& version)
{
    std::lock_guard lock(m_mutex);
    auto v = resolveVersion(subject, version, false);
    if (!v.ok()) return v.error;
    for (const Row& r : liveVersions(subject))
        if (r.version == *v.value) return SchemaVersion{subject, r.version, r.id, r.type, r.text};
    return err(404, 40402, "Version " + version + " not found.");
}

RegistryResult<SchemaText> SchemaStore::schemaById(int id)
{
    std::lock_guard lock(m_mutex);
    std::optional<SchemaText> out;
    run(
        *m_db, "SELECT type, text FROM schemas WHERE id = ?1",
        [&](SqliteStatement& st) { st.bindInt(1, id); },
        [&](SqliteStatement& st) {
            out = SchemaText{st.columnBytes(0), st.columnBytes(1)};
        });
    if (!out) return err(404, 40403, "Schema " + std::to_string(id) + " not found");
    return *out;
}

RegistryResult<std::vector<int>> SchemaStore::deleteSubject(const std::string& subject,
                                                            bool permanent)
{
    std::lock_guard lock(m_mutex);
    std::vector<int> live, deleted;
    run(
        *m_db, "SELECT version, deleted FROM versions WHERE subject = ?1 ORDER BY version",
        [&](SqliteStatement& st) { st.bindText(1, subject); },
        [&](SqliteStatement& st) {
            (st.columnInt(1) ? deleted : live).push_back(static_cast<int>(st.columnInt(0)));
        });
    if (live.empty() && deleted.empty()) return subjectNotFound(subject);
    if (permanent && !live.empty())
        return err(404, 40405,
                   "Subject '" + subject +
                       "' was not deleted first before being permanently deleted");
    if (!permanent && live.empty()) return subjectNotFound(subject);
    const bool ok = run(*m_db,
                        permanent ? "DELETE FROM versions WHERE subject = ?1"
                                  : "UPDATE versions SET deleted = 1 WHERE subject = ?1",
                        [&](SqliteStatement& st) { st.bindText(1, subject); });
    if (!ok) return storageError(m_db->errorMessage());
    return permanent ? deleted : live;
}

RegistryResult<int> SchemaStore::deleteVersion(const std::string& subject,
                                               const std::string& version, bool permanent)
{
    std::lock_guard lock(m_mutex);
    auto v = resolveVersion(subject, version, permanent);
    if (!v.ok()) return v.error;
    bool isDeleted = false;
    run(
        *m_db, "SELECT deleted FROM versions WHERE subject = ?1 AND version = ?2",
        [&](SqliteStatement& st) {
            st.bindText(1, subject);
            st.bindInt(2, *v.value);
        },
        [&](SqliteStatement& st) { isDeleted = st.columnInt(0) != 0; });
    if (permanent && !isDeleted)
        return err(404, 40407,
                   "Subject '" + subject + "' Version " + std::to_string(*v.value) +
                       " was not deleted first before being permanently deleted");
    const bool ok = run(*m_db,
                        permanent ? "DELETE FROM versions WHERE subject = ?1 AND version = ?2"
                                  : "UPDATE versions SET deleted = 1 WHERE subject = ?1 AND "
                                    "version = ?2",
                        [&](SqliteStatement& st) {
                            st.bindText(1, subject);
                            st.bindInt(2, *v.value);
                        });
    if (!ok) return storageError(m_db->errorMessage());
    return *v.value;
}

RegistryResult<std::string> SchemaStore::config(const std::string& subject, bool defaultToGlobal)
{
    std::lock_guard lock(m_mutex);
    std::optional<std::string> level;
    run(
        *m_db, "SELECT level FROM config WHERE subject = ?1",
        [&](SqliteStatement& st) { st.bindText(1, subject); },
        [&](SqliteStatement& st) { level = st.columnBytes(0); });
    if (level) return *level;
    if (subject.empty() || defaultToGlobal) {
        if (subject.empty()) return std::string("BACKWARD");
        return std::string(compatibilityName(levelOf("")));
    }
    return err(404, 40408,
               "Subject '" + subject + "' does not have subject-level compatibility configured");
}

RegistryResult<std::string> SchemaStore::setConfig(const std::string& subject,
                                                   const std::string& level)
{
    CompatibilityLevel l;
    if (!parseCompatibility(level, l))
        return err(422, 42203,
                   "Invalid compatibility level. Valid values are none, backward, forward, full, "
                   "backward_transitive, forward_transitive, and full_transitive");
    std::lock_guard lock(m_mutex);
    const std::string name(compatibilityName(l));
    const bool ok = run(*m_db, "INSERT OR REPLACE INTO config(subject, level) VALUES (?1, ?2)",
                        [&](SqliteStatement& st) {
                            st.bindText(1, subject);
                            st.bindText(2, name);
                        });
    if (!ok) return storageError(m_db->errorMessage());
    return name;
}

RegistryResult<std::string> SchemaStore::deleteConfig(const std::string& subject)
{
    auto old = config(subject, false);
    if (!old.ok()) return old;
    std::lock_guard lock(m_mutex);
    run(*m_db, "DELETE FROM config WHERE subject = ?1",
        [&](SqliteStatement& st) { st.bindText(1, subject); });
    return old;
}

RegistryResult<CompatibilityResult> SchemaStore::testCompatibility(const std::string& subject,
                                                                   const std::string& version,
                                                                   const SchemaText& s)
{
    auto canonical = canonicalSchema(s);
    if (!canonical.ok()) return canonical.error;
    std::lock_guard lock(m_mutex);
    auto v = resolveVersion(subject, version, false);
    if (!v.ok()) return v.error;
    if (s.schemaType != "AVRO") return CompatibilityResult{}; // not checked (header comment)
    std::vector<Row> against = liveVersions(subject);
    const CompatibilityLevel level = levelOf(subject);
    const bool latest = version == "latest" || version == "-1";
    if (!latest) std::erase_if(against, [&](const Row& r) { return r.version != *v.value; });
    auto candidate = AvroSchema::parse(s.schema);
    return check(level, s, *candidate, against);
}

} // namespace sw::runtime::schema
