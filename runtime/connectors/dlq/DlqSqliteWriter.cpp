// DLQ target "sqlite": table dead_letters with the errorSchema() columns (raw bytes as BLOBs,
// exact), an index on error_class, one transaction per batch. Appends across runs.
#include <set>
#include <sqlite3.h>

#include "catalog/NodeType.h"
#include "connectors/PropertyReader.h"
#include "connectors/dlq/DlqWriter.h"
#include "sqlite/SqliteDb.h"

namespace sw::runtime {

namespace {

class DlqSqliteWriter final : public DlqWriter {
public:
    explicit DlqSqliteWriter(std::string path) : m_path(std::move(path)) {}

    Status open() override
    {
        auto db = SqliteDb::open(m_path);
        if (!db) return db.error();
        m_db = std::move(*db);
        const Schema& s = errorSchema();
        std::string create = std::string("CREATE TABLE IF NOT EXISTS ") + kDeadLetterTable + " (";
        std::string cols, params;
        for (std::size_t i = 0; i < s.size(); ++i) {
            create += (i ? ", " : "") + sqliteQuote(s[i].name) + " " + sqliteColumnType(s[i].type);
            cols += (i ? ", " : "") + sqliteQuote(s[i].name);
            params += (i ? ", ?" : "?") + std::to_string(i + 1);
        }
        create += ")";
        for (const std::string& sql :
             {create, std::string("CREATE INDEX IF NOT EXISTS dead_letters_class ON ") +
                          kDeadLetterTable + " (error_class)"}) {
            Status st = m_db->exec(sql);
            if (!st) return makeError("DLQ database '" + m_path + "': " + st.message());
        }
        if (Status st = addMissingColumns(); !st)
            return makeError("DLQ database '" + m_path + "': " + st.message());
        auto stmt = m_db->prepare(std::string("INSERT INTO ") + kDeadLetterTable + " (" + cols +
                                  ") VALUES (" + params + ")");
        if (!stmt) return makeError("DLQ database '" + m_path + "': " + stmt.error().message);
        m_insert = std::move(*stmt);
        return Status::ok();
    }

    Status write(const RecordBatch& batch) override
    {
        const Schema& s = errorSchema();
        Status st = m_db->exec("BEGIN");
        if (!st) return makeError("DLQ database '" + m_path + "': " + st.message());
        for (const Record& r : batch) {
            for (std::size_t c = 0; c < s.size(); ++c)
                m_insert.bind(static_cast<int>(c + 1), c < r.row.size() ? r.row[c] : Value(),
                              s[c].type);
            int rc = m_insert.step();
            m_insert.reset();
            if (rc != SQLITE_DONE) {
                std::string msg = m_db->errorMessage();
                m_db->exec("ROLLBACK");
                return makeError("DLQ database '" + m_path + "': " + msg);
            }
        }
        st = m_db->exec("COMMIT");
        if (!st) {
            m_db->exec("ROLLBACK");
            return makeError("DLQ database '" + m_path + "': commit failed: " + st.message());
        }
        return Status::ok();
    }

    void close() override
    {
        m_insert = SqliteStatement();
        m_db.reset();
    }

private:
    /// A table written by an older version lacks the columns errorSchema() gained since
    /// (raw_headers, raw_timestamp): add them, so appending across versions keeps working.
    Status addMissingColumns()
    {
        auto info = m_db->prepare(std::string("PRAGMA table_info(") + kDeadLetterTable + ")");
        if (!info) return info.error();
        std::set<std::string> have;
        while (info->step() == SQLITE_ROW)
            have.insert(info->columnBytes(1));
        for (const Field& f : errorSchema().fields()) {
            if (have.count(f.name)) continue;
            Status st = m_db->exec(std::string("ALTER TABLE ") + kDeadLetterTable + " ADD COLUMN " +
                                   sqliteQuote(f.name) + " " + sqliteColumnType(f.type));
            if (!st) return st;
        }
        return Status::ok();
    }

    std::string m_path;
    std::unique_ptr<SqliteDb> m_db;
    SqliteStatement m_insert;
};

} // namespace

Result<std::unique_ptr<DlqWriter>> makeSqliteDlqWriter(const OperatorSpec& spec)
{
    PropertyReader p(spec.node);
    std::string path = p.string("path");
    if (p.ok() && path.empty()) p.fail("path", "a SQLite file path is required");
    if (!p.ok()) return p.error();
    return std::unique_ptr<DlqWriter>(
        std::make_unique<DlqSqliteWriter>(resolvePath(spec.dataDirectory, path)));
}

} // namespace sw::runtime
