#include "connectors/dlq/DeadLetterStore.h"

#include <fstream>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "connectors/dlq/DlqWriter.h"
#include "connectors/format/TextCodec.h" // parseTimestamp, decodeBase64
#include "sqlite/SqliteDb.h"

namespace sw::runtime {

namespace {

struct ReadOnlyDb {
    sqlite3* db = nullptr;
    ~ReadOnlyDb() { sqlite3_close_v2(db); }
};

Status openReadOnly(const std::string& path, ReadOnlyDb& out)
{
    if (sqlite3_open_v2(path.c_str(), &out.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return makeError("cannot open DLQ database '" + path +
                         "': " + (out.db ? sqlite3_errmsg(out.db) : "out of memory"));
    sqlite3_busy_timeout(out.db, 5000);
    return Status::ok();
}

std::optional<std::string> optText(sqlite3_stmt* s, int c)
{
    if (sqlite3_column_type(s, c) == SQLITE_NULL) return std::nullopt;
    const void* p = sqlite3_column_type(s, c) == SQLITE_BLOB
                        ? sqlite3_column_blob(s, c)
                        : static_cast<const void*>(sqlite3_column_text(s, c));
    return std::string(static_cast<const char*>(p),
                       static_cast<std::size_t>(sqlite3_column_bytes(s, c)));
}

std::optional<std::int64_t> optInt(sqlite3_stmt* s, int c)
{
    if (sqlite3_column_type(s, c) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_int64(s, c);
}

/// Whether the DLQ table has `column` (tables written before raw_headers/raw_timestamp lack them).
bool hasColumn(sqlite3* db, const char* column)
{
    sqlite3_stmt* st = nullptr;
    const std::string sql = std::string("PRAGMA table_info(") + kDeadLetterTable + ")";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return false;
    bool found = false;
    while (!found && sqlite3_step(st) == SQLITE_ROW)
        found = optText(st, 1) == column;
    sqlite3_finalize(st);
    return found;
}

void addProblem(DeadLetter& d, const std::string& problem)
{
    d.problems += (d.problems.empty() ? "" : "; ") + problem;
}

/// raw_headers and raw_timestamp (optional: older dead letters lack them). A malformed value
/// (only a hand-edited file has one) is kept as stored with a note: the rest of the dead letter
/// is still worth showing.
void readRawColumns(DeadLetter& d, const std::optional<std::string>& headers,
                    const std::optional<std::string>& timestamp)
{
    if (headers) {
        std::string why;
        if (!parseRawHeaders(*headers, d.rawHeaders, &why)) {
            d.unreadableHeaders = *headers;
            addProblem(d, why);
        }
    }
    if (timestamp) {
        std::int64_t ms = 0;
        if (parseTimestamp(*timestamp, ms))
            d.rawTimestamp = ms;
        else
            addProblem(d, "raw_timestamp '" + *timestamp + "' is not a timestamp");
    }
}

Result<std::vector<DeadLetter>> readSqlite(const std::string& path, std::size_t limit)
{
    ReadOnlyDb db;
    if (Status s = openReadOnly(path, db); !s) return s.error();
    std::string sql =
        std::string(
            "SELECT error_time, node_id, error_class, message, source_topic, source_partition, "
            "source_offset, source_file, source_line, raw_key, raw_value, record, ") +
        (hasColumn(db.db, "raw_headers") ? "raw_headers, " : "NULL, ") +
        (hasColumn(db.db, "raw_timestamp") ? "raw_timestamp FROM " : "NULL FROM ") +
        kDeadLetterTable + " ORDER BY rowid";
    if (limit) sql += " LIMIT " + std::to_string(limit);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db.db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
        return makeError("DLQ database '" + path + "': " + sqlite3_errmsg(db.db));
    std::vector<DeadLetter> out;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        DeadLetter d;
        parseTimestamp(optText(st, 0).value_or(""), d.errorTime);
        d.nodeId = optText(st, 1).value_or("");
        d.errorClass = optText(st, 2).value_or("");
        d.message = optText(st, 3).value_or("");
        d.sourceTopic = optText(st, 4);
        d.sourcePartition = optInt(st, 5);
        d.sourceOffset = optInt(st, 6);
        d.sourceFile = optText(st, 7);
        d.sourceLine = optInt(st, 8);
        d.rawKey = optText(st, 9);
        d.rawValue = optText(st, 10);
        d.record = optText(st, 11);
        readRawColumns(d, optText(st, 12), optText(st, 13));
        out.push_back(std::move(d));
    }
    std::string err = rc == SQLITE_DONE ? std::string() : sqlite3_errmsg(db.db);
    sqlite3_finalize(st);
    if (!err.empty()) return makeError("DLQ database '" + path + "': " + err);
    return out;
}

Result<std::vector<DeadLetter>> readJsonl(const std::string& path, std::size_t limit)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError("cannot open DLQ file '" + path + "'");
    std::vector<DeadLetter> out;
    std::string line;
    int lineNo = 0;
    auto str = [](const nlohmann::json& j, const char* k) -> std::optional<std::string> {
        auto it = j.find(k);
        if (it == j.end() || it->is_null()) return std::nullopt;
        return it->get<std::string>();
    };
    auto num = [](const nlohmann::json& j, const char* k) -> std::optional<std::int64_t> {
        auto it = j.find(k);
        if (it == j.end() || it->is_null()) return std::nullopt;
        return it->get<std::int64_t>();
    };
    while (std::getline(in, line) && (!limit || out.size() < limit)) {
        ++lineNo;
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object())
            return makeError("DLQ file '" + path + "': line " + std::to_string(lineNo) +
                             " is not a JSON object");
        DeadLetter d;
        parseTimestamp(str(j, "error_time").value_or(""), d.errorTime);
        d.nodeId = str(j, "node_id").value_or("");
        d.errorClass = str(j, "error_class").value_or("");
        d.message = str(j, "message").value_or("");
        d.sourceTopic = str(j, "source_topic");
        d.sourcePartition = num(j, "source_partition");
        d.sourceOffset = num(j, "source_offset");
        d.sourceFile = str(j, "source_file");
        d.sourceLine = num(j, "source_line");
        for (auto [key, field] :
             {std::pair{"raw_key", &d.rawKey}, std::pair{"raw_value", &d.rawValue}}) {
            if (auto b64 = str(j, key)) {
                std::string bytes;
                if (!decodeBase64(*b64, bytes))
                    return makeError("DLQ file '" + path + "': line " + std::to_string(lineNo) +
                                     ": bad base64 in " + key);
                *field = std::move(bytes);
            }
        }
        d.record = str(j, "record");
        readRawColumns(d, str(j, "raw_headers"), str(j, "raw_timestamp"));
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace

bool parseRawHeaders(std::string_view json, std::vector<std::pair<std::string, std::string>>& out,
                     std::string* error)
{
    auto fail = [&](std::string why) {
        if (error) *error = std::move(why);
        return false;
    };
    const auto j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_discarded()) return fail("raw_headers is not valid JSON");
    if (!j.is_array())
        return fail("raw_headers is not a JSON array of {\"key\", \"value\"} objects");
    std::vector<std::pair<std::string, std::string>> headers;
    for (std::size_t i = 0; i < j.size(); ++i) {
        const auto& h = j[i];
        const std::string where = "raw_headers entry " + std::to_string(i + 1);
        if (!h.is_object() || !h.contains("key") || !h["key"].is_string())
            return fail(where + " has no string \"key\"");
        const std::string name = h["key"].get<std::string>();
        if (!h.contains("value") || !h["value"].is_string())
            return fail(where + " ('" + name + "') has no string \"value\"");
        std::string value;
        if (!decodeBase64(h["value"].get<std::string>(), value))
            return fail(where + " ('" + name + "'): value is not base64");
        headers.emplace_back(name, std::move(value));
    }
    out = std::move(headers);
    return true;
}

Result<std::vector<DeadLetter>> readDeadLetters(const std::string& target, const std::string& path,
                                                std::size_t limit)
{
    if (target == "sqlite") return readSqlite(path, limit);
    if (target == "jsonl") return readJsonl(path, limit);
    return makeError("cannot read DLQ target '" + target + "'");
}

Result<std::map<std::string, std::uint64_t>> countDeadLetters(const std::string& target,
                                                              const std::string& path)
{
    std::map<std::string, std::uint64_t> counts;
    if (target == "sqlite") {
        ReadOnlyDb db;
        if (Status s = openReadOnly(path, db); !s) return s.error();
        sqlite3_stmt* st = nullptr;
        std::string sql = std::string("SELECT error_class, COUNT(*) FROM ") + kDeadLetterTable +
                          " GROUP BY error_class";
        if (sqlite3_prepare_v2(db.db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
            return makeError("DLQ database '" + path + "': " + sqlite3_errmsg(db.db));
        while (sqlite3_step(st) == SQLITE_ROW)
            counts[optText(st, 0).value_or("")] =
                static_cast<std::uint64_t>(sqlite3_column_int64(st, 1));
        sqlite3_finalize(st);
        return counts;
    }
    auto all = readDeadLetters(target, path);
    if (!all) return all.error();
    for (const auto& d : *all)
        ++counts[d.errorClass];
    return counts;
}

} // namespace sw::runtime
