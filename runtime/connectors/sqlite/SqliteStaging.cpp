#include "connectors/sqlite/SqliteStaging.h"

#include <sqlite3.h>

#include <algorithm>

namespace sw::runtime {

namespace {
std::string literal(const std::string& s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

/// BEGIN IMMEDIATE ... COMMIT around `body`; rolls back when anything fails.
template <typename F> Status transaction(SqliteDb& db, F&& body)
{
    if (Status s = db.exec("BEGIN IMMEDIATE"); !s) return s;
    Status s = body();
    if (s) s = db.exec("COMMIT");
    if (!s && db.inTransaction()) db.exec("ROLLBACK");
    return s;
}
} // namespace

SqliteStaging::SqliteStaging(SqliteDb& db, std::string table, std::string sink,
                             const Schema& schema, std::vector<std::string> upsertKeys)
    : m_db(db), m_table(std::move(table)), m_staging(m_table + "__sw_staging"),
      m_sink(std::move(sink)), m_schema(schema), m_keys(std::move(upsertKeys))
{
    for (std::size_t i = 0; i < m_schema.size(); ++i)
        m_columns += (i ? ", " : "") + sqliteQuote(m_schema[i].name);
}

Result<std::string> SqliteStaging::prepare()
{
    if (Status s = m_db.exec("PRAGMA synchronous=FULL"); !s) return s.error();
    std::string create = "CREATE TABLE IF NOT EXISTS " + sqliteQuote(m_staging) +
                         " (sw_sink TEXT NOT NULL, sw_checkpoint INTEGER";
    for (std::size_t i = 0; i < m_schema.size(); ++i)
        create += ", " + sqliteQuote(m_schema[i].name) + " " + sqliteColumnType(m_schema[i].type);
    create += ")";
    if (Status s = m_db.exec(create); !s) return s.error();
    if (Status s = m_db.exec("CREATE INDEX IF NOT EXISTS " + sqliteQuote(m_staging + "_sink") +
                             " ON " + sqliteQuote(m_staging) + " (sw_sink, sw_checkpoint)");
        !s)
        return s.error();
    if (Status s = m_db.exec(std::string("CREATE TABLE IF NOT EXISTS ") + kCommitsTable +
                             " (sink TEXT PRIMARY KEY, checkpoint INTEGER NOT NULL)");
        !s)
        return s.error();
    std::string params;
    for (std::size_t i = 0; i < m_schema.size(); ++i)
        params += ", ?" + std::to_string(i + 1);
    return "INSERT INTO " + sqliteQuote(m_staging) + " (sw_sink, " + m_columns + ") VALUES (" +
           literal(m_sink) + params + ")";
}

Status SqliteStaging::seal(std::int64_t id)
{
    return m_db.exec("UPDATE " + sqliteQuote(m_staging) +
                     " SET sw_checkpoint = " + std::to_string(id) +
                     " WHERE sw_sink = " + literal(m_sink) + " AND sw_checkpoint IS NULL");
}

Result<std::int64_t> SqliteStaging::committed() const
{
    auto q = m_db.prepare(std::string("SELECT checkpoint FROM ") + kCommitsTable +
                          " WHERE sink = " + literal(m_sink));
    if (!q) return q.error();
    const int rc = q->step();
    if (rc == SQLITE_ROW) return q->columnInt(0);
    if (rc == SQLITE_DONE) return std::int64_t(0);
    return makeError(m_db.errorMessage());
}

Status SqliteStaging::moveLocked(std::int64_t id, std::uint64_t* moved)
{
    auto marker = committed();
    if (!marker) return marker.error();
    if (*marker >= id) return Status::ok(); // committed before (a replayed completion)
    const std::string where =
        " WHERE sw_sink = " + literal(m_sink) + " AND sw_checkpoint <= " + std::to_string(id);
    std::string insert = "INSERT INTO " + sqliteQuote(m_table) + " (" + m_columns + ") SELECT " +
                         m_columns + " FROM " + sqliteQuote(m_staging) + where + " ORDER BY rowid";
    if (!m_keys.empty()) {
        std::string keys, updates;
        for (std::size_t i = 0; i < m_keys.size(); ++i)
            keys += (i ? ", " : "") + sqliteQuote(m_keys[i]);
        for (const Field& f : m_schema.fields())
            if (std::find(m_keys.begin(), m_keys.end(), f.name) == m_keys.end())
                updates += (updates.empty() ? "" : ", ") + sqliteQuote(f.name) + " = excluded." +
                           sqliteQuote(f.name);
        insert += " ON CONFLICT (" + keys + ")" +
                  (updates.empty() ? " DO NOTHING" : " DO UPDATE SET " + updates);
    }
    if (Status s = m_db.exec(insert); !s) return s;
    if (moved) *moved = static_cast<std::uint64_t>(sqlite3_changes(m_db.handle()));
    if (Status s = m_db.exec("DELETE FROM " + sqliteQuote(m_staging) + where); !s) return s;
    return m_db.exec(std::string("INSERT INTO ") + kCommitsTable + " (sink, checkpoint) VALUES (" +
                     literal(m_sink) + ", " + std::to_string(id) +
                     ") ON CONFLICT (sink) DO UPDATE SET checkpoint = excluded.checkpoint");
}

Status SqliteStaging::commit(std::int64_t id, std::uint64_t* moved)
{
    if (moved) *moved = 0;
    return transaction(m_db, [&] { return moveLocked(id, moved); });
}

Status SqliteStaging::recover(std::int64_t id, std::int64_t* alreadyCommitted)
{
    *alreadyCommitted = 0;
    return transaction(m_db, [&]() -> Status {
        auto marker = committed();
        if (!marker) return marker.error();
        if (*marker > id) *alreadyCommitted = *marker;
        if (id > 0)
            if (Status s = moveLocked(id, nullptr); !s) return s;
        return m_db.exec("DELETE FROM " + sqliteQuote(m_staging) +
                         " WHERE sw_sink = " + literal(m_sink));
    });
}

Status SqliteStaging::reset()
{
    return transaction(m_db, [&]() -> Status {
        if (Status s = m_db.exec("DELETE FROM " + sqliteQuote(m_staging) +
                                 " WHERE sw_sink = " + literal(m_sink));
            !s)
            return s;
        return m_db.exec(std::string("DELETE FROM ") + kCommitsTable +
                         " WHERE sink = " + literal(m_sink));
    });
}

} // namespace sw::runtime
