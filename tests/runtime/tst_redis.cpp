// Redis: URL parsing and redaction, the redis-sink's commands (set/hset/zadd/xadd) with TTLs,
// errors of single rows, authentication, against a real redis-server started by each test
// (RedisTestServer.h). Expected contents are computed independently in the test (last value per
// key, the leaderboard sorted here) and read back with plain hiredis.
#include <QtTest>

#include <algorithm>
#include <map>

#include "ConnectorTestHarness.h"
#include "RedisTestServer.h"
#include "catalog/Catalog.h"
#include "connectors/redis/RedisCommands.h"
#include "exec/OperatorRegistry.h"
#include "redis/RedisUrl.h"
#include "tst_redis.h"
#include "types/ValueText.h"
#include "util/OutageWarnings.h"

using namespace sw::runtime;
using namespace sw::test;
using nlohmann::json;

namespace {

Schema scoreSchema()
{
    return Schema({{"player", DataType::string().withNullable(false)},
                   {"region", DataType::string()},
                   {"score", DataType::bigint()},
                   {"amount", DataType::decimal(10, 2)},
                   {"at", DataType::timestamp()}});
}

Record scoreRow(const std::string& player, const char* region, std::optional<long long> score,
                long long cents, long long at)
{
    Record r;
    r.row = {Value::string(player), region ? Value::string(region) : Value(),
             score ? Value::integer(*score) : Value(), Value::decimal(cents, 2),
             Value::timestamp(at)};
    return r;
}

/// Runs a redis-sink with `props` over `rows` (one batch per `batch` rows); returns the error rows.
std::vector<Record> runSink(json props, const std::vector<Record>& rows, std::size_t batch = 1000)
{
    OperatorHarness h(makeNode("cache", "redis-sink", std::move(props)), {scoreSchema()});
    auto op = h.build();
    if (!op) qFatal("%s", op.error().message.c_str());
    if (Status s = (*op)->open(*h.ctx); !s) qFatal("%s", s.message().c_str());
    CaptureCollector out(1, 0);
    for (std::size_t i = 0; i < rows.size(); i += batch) {
        std::vector<Record> part(rows.begin() + static_cast<std::ptrdiff_t>(i),
                                 rows.begin() +
                                     static_cast<std::ptrdiff_t>(std::min(rows.size(), i + batch)));
        feed(**op, part, out.out());
    }
    (*op)->close();
    std::vector<Record> errors;
    for (Record& r : out.records(0))
        errors.push_back(std::move(r));
    return errors;
}

std::vector<Record> leaderboardRows()
{
    // Scores change over time (the last write wins), with ties to check Redis's ordering.
    std::vector<Record> rows;
    for (int i = 0; i < 300; ++i)
        rows.push_back(scoreRow("p" + std::to_string(i % 40), "eu", (i * 7919) % 97, i, 1000 + i));
    return rows;
}

} // namespace

class TstRedis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        OutageWarnings::setPolicy({0, 60000, 600000}); // warn on the first failed attempt
    }
    void urlParsesAndRedacts();
    void outageWarningSchedule();
    void setJsonAndTextWithTtl();
    void hsetMirrorsTheRowWithTtl();
    void zaddLeaderboardEqualsOracle();
    void xaddStreamLengthAndContents();
    void refusedRowsGoToErrors();
    void authenticationAndRedaction();
    void deletePathCommands();
    void restartInTheMiddleLosesNothing() { sw::test_redis::restartInTheMiddleLosesNothing(); }
    void stopIsPromptWhileRedisIsDown() { sw::test_redis::stopIsPromptWhileRedisIsDown(); }
    void dedupSharedByTwoPipelines() { sw::test_redis::dedupSharedByTwoPipelines(); }
    void dedupRedisReplayPassesAgain() { sw::test_redis::dedupRedisReplayPassesAgain(); }
    void changelogUpsertsDeletesAndRetractions()
    {
        sw::test_redis::changelogUpsertsDeletesAndRetractions();
    }
};

void TstRedis::urlParsesAndRedacts()
{
    using redis::RedisUrl;
    auto u = RedisUrl::parse("redis://app:p%40ss:w0rd@cache.local:6380/3");
    QVERIFY(u);
    QCOMPARE(u->host, std::string("cache.local"));
    QCOMPARE(u->port, 6380);
    QCOMPARE(u->db, 3);
    QCOMPARE(u->user, std::string("app"));
    QCOMPARE(u->password, std::string("p@ss:w0rd"));
    QCOMPARE(u->redacted(), std::string("redis://app:******@cache.local:6380/3"));
    auto d = RedisUrl::parse("redis://localhost");
    QVERIFY(d);
    QCOMPARE(d->port, 6379);
    QCOMPARE(d->db, 0);
    QCOMPARE(d->redacted(), std::string("redis://localhost:6379/0"));
    auto p = RedisUrl::parse("redis://:only-pw@[::1]:7000");
    QVERIFY(p);
    QCOMPARE(p->host, std::string("::1"));
    QCOMPARE(p->password, std::string("only-pw"));
    QCOMPARE(p->redacted(), std::string("redis://:******@[::1]:7000/0"));
    for (const char* bad : {"http://x", "rediss://u:topsecret@h", "redis://u:topsecret@h:99999",
                            "redis://u:topsecret@h/x", "redis://u:top%zzsecret@h", "redis://"}) {
        auto r = RedisUrl::parse(bad);
        QVERIFY2(!r, bad);
        QVERIFY2(r.error().message.find("topsecret") == std::string::npos, bad);
    }
}

void TstRedis::outageWarningSchedule()
{
    // Virtual clock: warn after 5 s, repeat after 30 s, then at doubling intervals; a recovery
    // notice only after a warning.
    OutageWarnings w({5000, 30000, 600000});
    QVERIFY(!w.recovered(0, "x"));
    w.failed(1000, "refused");
    QVERIFY(!w.due(5999, "down"));
    QCOMPARE(*w.due(6000, "down"), std::string("down for 5 s; retrying (last error: refused)"));
    QVERIFY(!w.due(35999, "down"));
    QVERIFY(w.due(36000, "down"));
    QVERIFY(!w.due(95999, "down")); // next after 60 s
    QVERIFY(w.due(96000, "down"));
    QCOMPARE(*w.recovered(100000, "back"), std::string("back after 99 s"));
    QVERIFY(!w.inOutage());
    w.failed(200000, "again"); // a short outage: no warning, no recovery notice
    QVERIFY(!w.recovered(201000, "back"));
    QCOMPARE(w.warnings(), std::uint64_t(4));
}

void TstRedis::setJsonAndTextWithTtl()
{
    RedisTestServer server;
    QString up = server.start();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    std::vector<Record> rows;
    std::map<std::string, const Record*> last; // oracle: the last row per key
    for (int i = 0; i < 2500; ++i)
        rows.push_back(scoreRow("p" + std::to_string(i % 700), i % 3 ? "eu" : nullptr, i * 3,
                                100 + i, 1704067200000LL + i));
    for (const Record& r : rows)
        last[r.row[0].asString()] = &r;
    auto errors = runSink({{"url", server.url()},
                           {"command", "set"},
                           {"key_fields", {"player"}},
                           {"key_prefix", "score:"},
                           {"value_fields", {"region", "score", "amount", "at"}},
                           {"ttl", "10 min"},
                           {"batch_size", 64}},
                          rows, 300);
    QCOMPARE(errors.size(), std::size_t(0));
    QCOMPARE(server.integer({"DBSIZE"}), 700LL);
    for (const auto& [player, r] : last) {
        json expect = {{"region", r->row[1].isNull() ? json() : json(r->row[1].asString())},
                       {"score", r->row[2].asInt()},
                       {"amount", json::parse(formatDecimal(r->row[3].decimalUnscaled(), 2))},
                       {"at", formatTimestamp(r->row[4].asTimestamp())}};
        const std::string got = server.str({"GET", "score:" + player});
        QCOMPARE(json::parse(got), expect);
        const long long pttl = server.integer({"PTTL", "score:" + player});
        QVERIFY2(pttl > 0 && pttl <= 600000, qPrintable(QString::number(pttl)));
    }
    // text: the value columns' text joined by ':'; no TTL = the key does not expire
    errors = runSink({{"url", server.url()},
                      {"command", "set"},
                      {"key_fields", {"region", "player"}},
                      {"value_format", "text"},
                      {"value_fields", {"score", "amount"}}},
                     {scoreRow("ann", "us", 42, 1250, 0)});
    QCOMPARE(errors.size(), std::size_t(0));
    QCOMPARE(server.str({"GET", "us:ann"}), std::string("42:12.50"));
    QCOMPARE(server.integer({"PTTL", "us:ann"}), -1LL);
}

void TstRedis::hsetMirrorsTheRowWithTtl()
{
    RedisTestServer server;
    QString up = server.start();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    // The second row for "bo" has NULL region and score: those fields are deleted.
    auto errors =
        runSink({{"url", server.url()},
                 {"command", "hset"},
                 {"key_fields", {"player"}},
                 {"key_prefix", "h:"},
                 {"ttl", "1 h"}},
                {scoreRow("al", "eu", 5, 1999, 1704067200000LL), scoreRow("bo", "us", 9, 1, 0),
                 scoreRow("bo", nullptr, std::nullopt, 2, 0)});
    QCOMPARE(errors.size(), std::size_t(0));
    auto all = [&](const std::string& key) {
        std::map<std::string, std::string> m;
        auto r = server.command({"HGETALL", key});
        for (std::size_t i = 0; r && i + 1 < r->elements; i += 2)
            m[std::string(r->element[i]->str, r->element[i]->len)] =
                std::string(r->element[i + 1]->str, r->element[i + 1]->len);
        return m;
    };
    std::map<std::string, std::string> al = {{"player", "al"},
                                             {"region", "eu"},
                                             {"score", "5"},
                                             {"amount", "19.99"},
                                             {"at", "2024-01-01 00:00:00.000"}};
    QCOMPARE(all("h:al"), al);
    std::map<std::string, std::string> bo = {
        {"player", "bo"}, {"amount", "0.02"}, {"at", "1970-01-01 00:00:00.000"}};
    QCOMPARE(all("h:bo"), bo);
    for (const char* k : {"h:al", "h:bo"}) {
        const long long pttl = server.integer({"PTTL", k});
        QVERIFY2(pttl > 0 && pttl <= 3600000, k);
    }
}

void TstRedis::zaddLeaderboardEqualsOracle()
{
    RedisTestServer server;
    QString up = server.start();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    const auto rows = leaderboardRows();
    auto errors = runSink({{"url", server.url()},
                           {"command", "zadd"},
                           {"key_prefix", "top:"},
                           {"key_fields", {"region"}},
                           {"value_fields", {"player"}},
                           {"value_format", "text"},
                           {"score_field", "score"},
                           {"ttl", "5 min"}},
                          rows, 77);
    QCOMPARE(errors.size(), std::size_t(0));
    // Oracle: the last score per player, ordered as ZREVRANGE orders: score descending, ties
    // by member descending (byte order).
    std::map<std::string, long long> score;
    for (const Record& r : rows)
        score[r.row[0].asString()] = r.row[2].asInt();
    std::vector<std::pair<long long, std::string>> expect;
    for (const auto& [p, s] : score)
        expect.push_back({s, p});
    std::sort(expect.rbegin(), expect.rend());
    auto got = server.command({"ZREVRANGE", "top:eu", "0", "-1", "WITHSCORES"});
    QVERIFY(got && got->type == REDIS_REPLY_ARRAY);
    QCOMPARE(got->elements, expect.size() * 2);
    for (std::size_t i = 0; i < expect.size(); ++i) {
        QCOMPARE(std::string(got->element[2 * i]->str), expect[i].second);
        QCOMPARE(std::stoll(got->element[2 * i + 1]->str), expect[i].first);
    }
    const long long pttl = server.integer({"PTTL", "top:eu"});
    QVERIFY(pttl > 0 && pttl <= 300000);
}

void TstRedis::xaddStreamLengthAndContents()
{
    RedisTestServer server;
    QString up = server.start();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    std::vector<Record> rows;
    for (int i = 0; i < 1234; ++i)
        rows.push_back(scoreRow("p" + std::to_string(i), i % 5 ? "eu" : nullptr, i, i, i));
    auto errors = runSink({{"url", server.url()},
                           {"command", "xadd"},
                           {"key_prefix", "events"},
                           {"value_fields", {"player", "region", "score"}}},
                          rows, 100);
    QCOMPARE(errors.size(), std::size_t(0));
    QCOMPARE(server.integer({"XLEN", "events"}), 1234LL);
    auto got = server.command({"XRANGE", "events", "-", "+"});
    QVERIFY(got && got->elements == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const redisReply* fields = got->element[i]->element[1];
        std::vector<std::string> f;
        for (std::size_t j = 0; j < fields->elements; ++j)
            f.emplace_back(fields->element[j]->str, fields->element[j]->len);
        std::vector<std::string> expect = {"player", "p" + std::to_string(i)};
        if (!rows[i].row[1].isNull()) expect.insert(expect.end(), {"region", "eu"});
        expect.insert(expect.end(), {"score", std::to_string(i)});
        QCOMPARE(f, expect);
    }
    QCOMPARE(server.integer({"PTTL", "events"}), -1LL);
}

void TstRedis::refusedRowsGoToErrors()
{
    RedisTestServer server;
    QString up = server.start();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    server.command({"SET", "h:bad", "a string, not a hash"});
    auto errors = runSink({{"url", server.url()},
                           {"command", "hset"},
                           {"key_fields", {"region"}},
                           {"key_prefix", "h:"}},
                          {scoreRow("a", "good", 1, 1, 1), scoreRow("b", "bad", 2, 2, 2),
                           scoreRow("c", nullptr, 3, 3, 3), scoreRow("d", "fine", 4, 4, 4)});
    QCOMPARE(errors.size(), std::size_t(2));
    const Schema es = errorSchema();
    auto col = [&](const Record& r, const char* name) {
        return r.row[static_cast<std::size_t>(es.indexOf(name))].toString();
    };
    // The NULL key is refused before anything is sent, the WRONGTYPE reply after the write.
    QCOMPARE(col(errors[0], "error_class"), std::string("sink"));
    QVERIFY(col(errors[0], "message").find("NULL in a key column") != std::string::npos);
    QCOMPARE(col(errors[1], "error_class"), std::string("sink"));
    QVERIFY2(col(errors[1], "message").find("WRONGTYPE") != std::string::npos,
             col(errors[1], "message").c_str());
    QVERIFY(col(errors[1], "message").find("h:bad") != std::string::npos);
    QCOMPARE(json::parse(col(errors[1], "record"))["player"], json("b"));
    QCOMPARE(server.str({"HGET", "h:good", "player"}), std::string("a"));
    QCOMPARE(server.str({"HGET", "h:fine", "player"}), std::string("d"));
    QCOMPARE(server.str({"GET", "h:bad"}), std::string("a string, not a hash"));
}

void TstRedis::authenticationAndRedaction()
{
    const std::string pw = "s3cr3t-Pa55";
    RedisTestServer server(pw);
    QString up = server.start();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    // A wrong password fails the node at open, naming the server but never the password.
    const std::string wrong =
        "redis://:not-the-" + pw + "@127.0.0.1:" + std::to_string(server.port()) + "/0";
    OperatorHarness h(makeNode("cache", "redis-sink", {{"url", wrong}, {"key_fields", {"player"}}}),
                      {scoreSchema()});
    auto op = h.build();
    QVERIFY(op);
    Status s = (*op)->open(*h.ctx);
    QVERIFY(!s);
    QVERIFY2(s.message().find("authentication failed") != std::string::npos, s.message().c_str());
    QVERIFY2(s.message().find(pw) == std::string::npos, s.message().c_str());
    QVERIFY(s.message().find("******") != std::string::npos);
    // The right one writes.
    auto errors = runSink({{"url", server.url()}, {"key_fields", {"player"}}},
                          {scoreRow("z", "eu", 1, 1, 1)});
    QCOMPARE(errors.size(), std::size_t(0));
    QVERIFY(server.str({"GET", "z"}).find("\"player\":\"z\"") != std::string::npos);
}

void TstRedis::deletePathCommands()
{
    // The delete path of changelog streams: DEL for set/hset, ZREM of the member for zadd,
    // none for xadd. Checked against the server.
    RedisTestServer server;
    QString up = server.start();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    redis::RedisSinkOptions o;
    o.url = *redis::RedisUrl::parse(server.url());
    o.schema = scoreSchema();
    o.command = redis::SinkCommand::ZAdd;
    o.keyPrefix = "top";
    o.valueColumns = {0};
    o.jsonValue = false;
    o.scoreColumn = 2;
    redis::RedisCommandBuilder b(o);
    std::vector<redis::RedisCommand> cmds;
    QVERIFY(b.upsert(scoreRow("a", "eu", 1, 0, 0).row, cmds).empty());
    QVERIFY(b.upsert(scoreRow("b", "eu", 2, 0, 0).row, cmds).empty());
    QVERIFY(b.remove(scoreRow("a", "eu", 1, 0, 0).row, cmds).empty());
    redis::RedisConnection c(o.url);
    QVERIFY(c.connect());
    std::vector<redis::RedisReply> replies;
    QVERIFY(c.execute(cmds, 0, cmds.size(), replies));
    QCOMPARE(server.integer({"ZCARD", "top"}), 1LL);
    QCOMPARE(server.integer({"ZSCORE", "top", "a"}), -999LL); // nil: removed
    o.command = redis::SinkCommand::XAdd;
    redis::RedisCommandBuilder x(o);
    QVERIFY(!x.remove(scoreRow("a", "eu", 1, 0, 0).row, cmds).empty());
}

QTEST_MAIN(TstRedis)
#include "tst_redis.moc"
