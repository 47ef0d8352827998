#pragma once
// An independent oracle for window results: the same input rows written to SQLite and aggregated
// there with plain SQL (GROUP BY over window bounds computed in SQL), plus a tiny sqlite3 wrapper.
#include <sqlite3.h>

#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "types/Row.h"

namespace sw::test {
using namespace sw::runtime;

class Sqlite {
public:
    Sqlite()
    {
        if (sqlite3_open(":memory:", &m_db) != SQLITE_OK) throw std::runtime_error("sqlite3_open failed");
    }
    ~Sqlite() { sqlite3_close(m_db); }
    Sqlite(const Sqlite&) = delete;
    Sqlite& operator=(const Sqlite&) = delete;
    sqlite3* db() const { return m_db; }

    void exec(const std::string& sql)
    {
        char* err = nullptr;
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
            std::string m = err ? err : "?";
            sqlite3_free(err);
            throw std::runtime_error("SQL error: " + m + " in: " + sql);
        }
    }

    /// Runs `sql`; each result column is converted by its type code into a Value and rendered
    /// with Value::toString, the row joined by '|'. Codes: T timestamp, I integer, D<scale> decimal
    /// stored unscaled, R double, S string.
    std::vector<std::string> rows(const std::string& sql, const std::vector<std::string>& types)
    {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("SQL error: ") + sqlite3_errmsg(m_db) + " in: " + sql);
        std::vector<std::string> out;
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::string line;
            for (int c = 0; c < static_cast<int>(types.size()); ++c) {
                if (c) line += '|';
                line += toValue(st, c, types[static_cast<std::size_t>(c)]).toString();
            }
            out.push_back(std::move(line));
        }
        sqlite3_finalize(st);
        return out;
    }

    std::int64_t scalar(const std::string& sql)
    {
        auto r = rows(sql, {"I"});
        return r.empty() ? 0 : std::stoll(r.front());
    }

private:
    static Value toValue(sqlite3_stmt* st, int c, const std::string& t)
    {
        if (sqlite3_column_type(st, c) == SQLITE_NULL) return Value::null();
        switch (t[0]) {
        case 'T': return Value::timestamp(sqlite3_column_int64(st, c));
        case 'I': return Value::integer(sqlite3_column_int64(st, c));
        case 'D': return Value::decimal(sqlite3_column_int64(st, c), std::stoi(t.substr(1)));
        case 'R': return Value::float64(sqlite3_column_double(st, c));
        default:
            return Value::string(reinterpret_cast<const char*>(sqlite3_column_text(st, c)));
        }
    }
    sqlite3* m_db = nullptr;
};

inline std::string renderRow(const Row& r)
{
    std::string s;
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (i) s += '|';
        s += r[i].toString();
    }
    return s;
}

} // namespace sw::test
