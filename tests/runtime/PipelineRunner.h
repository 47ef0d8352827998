#pragma once
// Running whole pipelines (catalog operators, real connectors) in connector tests: node/edge
// builders, run-to-end with error collection, and reading SQLite result tables.
#include <sqlite3.h>

#include <string>
#include <vector>

#include <QtGlobal>

#include "ConnectorTestHarness.h"
#include "exec/Engine.h"

namespace sw::test {
using namespace sw::runtime;
using nlohmann::json;

inline NodeSpec pnode(const std::string& id, const std::string& type, json props)
{
    return makeNode(id, type, std::move(props));
}

inline EdgeSpec pedge(const std::string& from, const std::string& fromPort, const std::string& to)
{
    return EdgeSpec{PortRef{from, fromPort}, PortRef{to, "in"}};
}

/// Runs `p` to the end of its bounded input; returns the error events (empty = clean run).
inline std::string runPipeline(const PipelineSpec& p, const std::string& dataDir,
                               EngineOptions o = {})
{
    Engine e;
    o.dataDirectory = dataDir;
    Status s = e.start(p, o);
    if (!s) return "start: " + s.message();
    if (!e.wait(120000)) {
        e.stop(StopMode::Cancel);
        e.wait();
        return "timeout";
    }
    std::string errors;
    for (const auto& ev : e.pollEvents())
        if (ev.kind == EngineEvent::Kind::Error) errors += ev.nodeId + ": " + ev.message + "\n";
    if (e.state() != EngineState::Finished) errors += "state " + std::string(toString(e.state()));
    return errors;
}

inline std::vector<std::vector<std::string>> sqliteRows(const std::string& path,
                                                        const std::string& sql)
{
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
        qFatal("%s", sqlite3_errmsg(db));
    std::vector<std::vector<std::string>> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        std::vector<std::string> r;
        for (int c = 0; c < sqlite3_column_count(st); ++c) {
            const void* b = sqlite3_column_blob(st, c);
            r.emplace_back(b ? static_cast<const char*>(b) : "",
                           static_cast<std::size_t>(sqlite3_column_bytes(st, c)));
        }
        out.push_back(std::move(r));
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

} // namespace sw::test
