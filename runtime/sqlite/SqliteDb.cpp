#include "sqlite/SqliteDb.h"

#include <filesystem>
#include <sqlite3.h>

#include "types/ValueText.h"

namespace sw::runtime {

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& o) noexcept
{
    if (this != &o) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(o.m_stmt, nullptr);
    }
    return *this;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

int SqliteStatement::bindText(int index, std::string_view text)
{
    return sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT,
                               SQLITE_UTF8);
}

int SqliteStatement::bindInt(int index, std::int64_t v)
{
    return sqlite3_bind_int64(m_stmt, index, v);
}

int SqliteStatement::bindNull(int index)
{
    return sqlite3_bind_null(m_stmt, index);
}

int SqliteStatement::bind(int index, const Value& v, const DataType& type)
{
    thread_local std::string text;
    switch (v.kind()) {
    case Value::Kind::Null:
        return bindNull(index);
    case Value::Kind::Bool:
        return bindInt(index, v.asBool() ? 1 : 0);
    case Value::Kind::Int:
        return bindInt(index, v.asInt());
    case Value::Kind::Double:
        return sqlite3_bind_double(m_stmt, index, v.asDouble());
    case Value::Kind::Decimal:
        text.clear();
        appendDecimal(text, v.decimalUnscaled(), v.decimalScale());
        return bindText(index, text);
    case Value::Kind::Timestamp:
        text.clear();
        appendTimestamp(text, v.asTimestamp());
        return bindText(index, text);
    case Value::Kind::String:
        if (type.kind() == TypeKind::Bytes)
            return sqlite3_bind_blob64(m_stmt, index, v.asString().data(), v.asString().size(),
                                       SQLITE_TRANSIENT);
        return bindText(index, v.asString());
    }
    return bindNull(index);
}

int SqliteStatement::step()
{
    return sqlite3_step(m_stmt);
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int SqliteStatement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}
bool SqliteStatement::isNull(int col) const
{
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}
std::int64_t SqliteStatement::columnInt(int col) const
{
    return sqlite3_column_int64(m_stmt, col);
}
double SqliteStatement::columnDouble(int col) const
{
    return sqlite3_column_double(m_stmt, col);
}

std::string SqliteStatement::columnBytes(int col) const
{
    const void* p = sqlite3_column_type(m_stmt, col) == SQLITE_BLOB
                        ? sqlite3_column_blob(m_stmt, col)
                        : static_cast<const void*>(sqlite3_column_text(m_stmt, col));
    const int n = sqlite3_column_bytes(m_stmt, col);
    return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(n))
             : std::string();
}

SqliteDb::~SqliteDb()
{
    sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::open(const std::string& path)
{
    std::error_code ec;
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    sqlite3* db = nullptr;
    int rc =
        sqlite3_open_v2(path.c_str(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close_v2(db);
        return makeError("cannot open SQLite database '" + path + "': " + msg);
    }
    std::unique_ptr<SqliteDb> d(new SqliteDb(db, path));
    sqlite3_busy_timeout(db, 5000);
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"}) {
        Status s = d->exec(pragma);
        if (!s) return makeError("SQLite database '" + path + "': " + s.message());
    }
    return d;
}

Status SqliteDb::exec(const std::string& sql)
{
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err) == SQLITE_OK) return Status::ok();
    std::string msg = err ? err : sqlite3_errmsg(m_db);
    sqlite3_free(err);
    return makeError(msg);
}

Result<SqliteStatement> SqliteDb::prepare(const std::string& sql)
{
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), static_cast<int>(sql.size()), &s, nullptr) !=
        SQLITE_OK)
        return makeError(sqlite3_errmsg(m_db));
    return SqliteStatement(s);
}

std::string SqliteDb::errorMessage() const
{
    return sqlite3_errmsg(m_db);
}

bool SqliteDb::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

std::string sqliteColumnType(const DataType& t)
{
    switch (t.kind()) {
    case TypeKind::Boolean:
    case TypeKind::Int:
    case TypeKind::BigInt:
        return "INTEGER";
    case TypeKind::Double:
        return "REAL";
    case TypeKind::Decimal:
        return "NUMERIC";
    case TypeKind::Bytes:
        return "BLOB";
    default:
        return "TEXT";
    }
}

std::string sqliteQuote(std::string_view id)
{
    std::string out = "\"";
    for (char c : id) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace sw::runtime
