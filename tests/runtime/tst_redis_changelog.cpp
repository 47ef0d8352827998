// tst_redis: a changelog into the redis-sink. A keep-last dedup feeding a group aggregate emits
// +I, -U/+U and -D (groups that lose every row); three redis-sinks apply it: SET by key (upserts
// and deletes), ZADD (members retracted and added) and XADD (every change with its op field).
// Oracle: SQLite's GROUP BY over the last row per id, read back with plain hiredis.
#include <QtTest>

#include <map>

#include "RedisTestServer.h"
#include "tst_changelog_support.h"
#include "tst_redis.h"

using namespace sw::runtime;
using namespace sw::test;

namespace sw::test_redis {

namespace {

/// The fields of a stream entry (XRANGE's [id, [f1, v1, ...]]) as field -> value.
std::map<std::string, std::string> entryFields(const redisReply* entry)
{
    std::map<std::string, std::string> out;
    const redisReply* kv = entry->element[1];
    for (std::size_t i = 0; i + 1 < kv->elements; i += 2)
        out[std::string(kv->element[i]->str, kv->element[i]->len)] =
            std::string(kv->element[i + 1]->str, kv->element[i + 1]->len);
    return out;
}

} // namespace

void changelogUpsertsDeletesAndRetractions()
{
    RedisTestServer server;
    QString up = server.start();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    const auto rows = randomEvents(41, 4000, 500, 300);
    PipelineSpec p;
    p.settings.parallelism = 2;
    const nlohmann::json aggs = {{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}},
                                 {{"function", "MAX"}, {"column", "v"}, {"as", "mx"}}};
    p.nodes = {sourceNode("src", kEvents, "ts", "1 s"),
               node("last", "dedup", {{"keys", {"id"}}, {"keep", "last"}, {"ttl", "1 d"}}),
               node("agg", "aggregate", {{"keys", {"k"}}, {"aggregates", aggs}}),
               node("kv", "redis-sink",
                    {{"url", server.url()},
                     {"key_fields", {"k"}},
                     {"key_prefix", "agg:"},
                     {"value_fields", {"cnt", "mx"}},
                     {"value_format", "text"}}),
               node("top", "redis-sink",
                    {{"url", server.url()},
                     {"command", "zadd"},
                     {"key_prefix", "top"},
                     {"value_fields", {"k"}},
                     {"value_format", "text"},
                     {"score_field", "cnt"}}),
               node("log", "redis-sink",
                    {{"url", server.url()},
                     {"command", "xadd"},
                     {"key_prefix", "changes"},
                     {"value_fields", {"k", "cnt"}}})};
    p.edges = {edge("src", "last"), edge("last", "agg"), edge("agg", "kv"), edge("agg", "top"),
               edge("agg", "log")};
    EngineOptions o;
    o.watermarkIntervalMs = 0;
    o.operatorOverrides["src"] =
        vectorSource(VectorSourceConfig{std::make_shared<std::vector<Row>>(rows)});
    Engine e;
    Status s = e.start(p, o);
    QVERIFY2(s, s.message().c_str());
    const std::string errs = errorsOf(runToEnd(e));
    QVERIFY2(errs.empty(), errs.c_str());

    Sqlite db;
    loadEvents(db, "ev", rows);
    auto expect = db.rows("SELECT k, COUNT(*), MAX(v) FROM ev e WHERE e.ts = (SELECT MAX(ts) "
                          "FROM ev x WHERE x.id = e.id) GROUP BY k ORDER BY k",
                          {"I", "I", "I"});
    QVERIFY(expect.size() > 100 && expect.size() < 300); // some groups were deleted
    // SET: one key per live group holding "cnt:mx" (NULL renders empty); deleted groups are gone.
    QCOMPARE(server.integer({"EVAL", "return #redis.call('KEYS', 'agg:*')", "0"}),
             static_cast<long long>(expect.size()));
    for (const std::string& r : expect) {
        const auto k = r.substr(0, r.find('|'));
        const auto rest = r.substr(r.find('|') + 1);
        const auto cnt = rest.substr(0, rest.find('|'));
        auto mx = rest.substr(rest.find('|') + 1);
        if (mx == "NULL") mx.clear();
        QCOMPARE(server.str({"GET", "agg:" + k}), cnt + ":" + mx);
        // ZADD: the group's member carries the current count, old members were removed.
        QCOMPARE(server.str({"ZSCORE", "top", k}), cnt);
    }
    QCOMPARE(server.integer({"ZCARD", "top"}), static_cast<long long>(expect.size()));
    // XADD: every change is an entry with its op; applied in order they give the same table.
    auto range = server.command({"XRANGE", "changes", "-", "+"});
    QVERIFY(range && range->type == REDIS_REPLY_ARRAY);
    Materialized m;
    std::map<std::string, int> kinds;
    for (std::size_t i = 0; i < range->elements; ++i) {
        auto f = entryFields(range->element[i]);
        QVERIFY2(parseRowKind(f["op"]).has_value(), f["op"].c_str());
        ++kinds[f["op"]];
        m.apply(*parseRowKind(f["op"]), f["k"] + "|" + f["cnt"]);
    }
    QVERIFY2(m.shapeErrors.empty(), m.shapeErrors.empty() ? "" : m.shapeErrors.front().c_str());
    QVERIFY(kinds["-U"] > 0 && kinds["+U"] > 0 && kinds["-D"] > 0);
    std::vector<std::string> table;
    for (const std::string& r : expect)
        table.push_back(r.substr(0, r.rfind('|')));
    std::sort(table.begin(), table.end());
    QCOMPARE(m.sorted(), table);
}

} // namespace sw::test_redis
