#pragma once
// A small RAII layer over the SQLite C API for the runtime's SQLite files (sinks, DLQ, later
// checkpoints): open with WAL, exec, prepared statements with Value binding. No exceptions;
// errors come back as Status with SQLite's message. sqlite3.h stays out of this header.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "types/DataType.h"
#include "types/Value.h"
#include "util/Result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace sw::runtime {

class SqliteStatement {
public:
    SqliteStatement() = default;
    explicit SqliteStatement(sqlite3_stmt* s) : m_stmt(s) {}
    SqliteStatement(SqliteStatement&& o) noexcept : m_stmt(std::exchange(o.m_stmt, nullptr)) {}
    SqliteStatement& operator=(SqliteStatement&& o) noexcept;
    ~SqliteStatement();

    /// Binds parameter `index` (1-based) to `v`, stored as `type` maps in sqliteColumnType().
    int bind(int index, const Value& v, const DataType& type);
    int bindText(int index, std::string_view text);
    int bindInt(int index, std::int64_t v);
    int bindNull(int index);
    /// SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    void reset();

    int columnCount() const;
    bool isNull(int col) const;
    std::int64_t columnInt(int col) const;
    double columnDouble(int col) const;
    /// Text or blob bytes of a column (exact bytes).
    std::string columnBytes(int col) const;

    sqlite3_stmt* handle() const { return m_stmt; }

private:
    sqlite3_stmt* m_stmt = nullptr;
};

class SqliteDb {
public:
    ~SqliteDb();
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    /// Opens (creating it and its parent directory) `path` in WAL mode with synchronous=NORMAL
    /// and a busy timeout, so readers (the GUI, tests) never block the writer.
    static Result<std::unique_ptr<SqliteDb>> open(const std::string& path);

    Status exec(const std::string& sql);
    Result<SqliteStatement> prepare(const std::string& sql);
    /// The last error message of this connection.
    std::string errorMessage() const;
    bool inTransaction() const;
    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }

private:
    SqliteDb(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}
    sqlite3* m_db;
    std::string m_path;
};

/// SQLite column type for a Flink type: BOOLEAN/INT/BIGINT -> INTEGER, DOUBLE -> REAL,
/// DECIMAL(p, s) -> NUMERIC (bound as exact text; SQLite keeps up to 15 significant digits as
/// REAL, more as TEXT), STRING -> TEXT, BYTES -> BLOB, TIMESTAMP(3) -> TEXT
/// 'yyyy-MM-dd HH:mm:ss.SSS' (sorts in time order and works with SQLite's date functions).
std::string sqliteColumnType(const DataType& t);

/// SQL identifier in double quotes ("my ""col""").
std::string sqliteQuote(std::string_view identifier);

} // namespace sw::runtime
