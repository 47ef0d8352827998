// tst_redis: whole pipelines through the Engine against a real redis-server (RedisTestServer.h):
// a Redis restart in the middle of a run, a prompt stop while Redis is down, and dedup's Redis
// store shared by two pipelines. Oracles: a SQLite sink in the same pipeline (what must be in
// Redis) and SQL over the input files (what dedup must let through). Every wait is on an event
// (a key written, the node's outage warning, the end of the run), never on a sleep.
#include <QtTest>

#include <QTemporaryDir>

#include <chrono>
#include <fstream>
#include <set>
#include <thread>

#include "PipelineRunner.h"
#include "RedisTestServer.h"
#include "tst_redis.h"

using namespace sw::runtime;
using namespace sw::test;
using nlohmann::json;

namespace sw::test_redis {

namespace {

/// Polls `done` until it holds or `seconds` pass (each poll: events are taken from `e`).
template <typename F> bool waitFor(F done, int seconds = 60)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return done();
}

/// Collects the engine's events while waiting for one that matches.
struct EventLog {
    std::vector<EngineEvent> events;
    bool waitFor(Engine& e, EngineEvent::Kind kind, const std::string& text, int seconds = 60)
    {
        return sw::test_redis::waitFor(
            [&] {
                for (auto& ev : e.pollEvents())
                    events.push_back(std::move(ev));
                for (const auto& ev : events)
                    if (ev.kind == kind && ev.message.find(text) != std::string::npos) return true;
                return false;
            },
            seconds);
    }
    std::string all() const
    {
        std::string s;
        for (const auto& ev : events)
            s += ev.nodeId + ": " + ev.message + "\n";
        return s;
    }
};

} // namespace

void restartInTheMiddleLosesNothing()
{
    const std::string pw = "restart-Secret-77";
    RedisTestServer server(pw);
    QString up = server.start();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    QTemporaryDir dir;
    // orders -> redis (SET o:<order_id> = "<category>:<customer_id>") and -> SQLite (the oracle)
    PipelineSpec p;
    p.settings.name = "redis-restart";
    p.nodes = {
        pnode("gen", "generator",
              {{"kind", "orders"},
               {"events_per_second", 1000},
               {"total_events", 4000},
               {"seed", 11}}),
        pnode("cache", "redis-sink",
              {{"url", server.url()},
               {"key_fields", {"order_id"}},
               {"key_prefix", "o:"},
               {"value_fields", {"category", "customer_id"}},
               {"value_format", "text"},
               {"batch_size", 50}}),
        pnode("db", "sqlite-sink",
              {{"path", "orders.sqlite"}, {"table", "orders"}, {"key_fields", {"order_id"}}})};
    p.edges = {pedge("gen", "out", "cache"), pedge("gen", "out", "db")};
    Engine e;
    EngineOptions o;
    o.dataDirectory = dir.path().toStdString();
    Status s = e.start(p, o);
    QVERIFY2(s, s.message().c_str());
    // The first keys are in Redis: kill it (kill -9) in the middle of the run.
    QVERIFY(waitFor([&] { return server.integer({"DBSIZE"}) > 0; }));
    server.kill();
    EventLog log;
    QVERIFY2(log.waitFor(e, EngineEvent::Kind::Warning, "cannot reach Redis"), log.all().c_str());
    QCOMPARE(std::string(toString(e.state())),
             std::string(toString(EngineState::Running))); // waiting, not failed
    up = server.start();                                   // same port, same append-only file
    QVERIFY2(up.isEmpty(), qPrintable(up));
    QVERIFY(e.wait(120000));
    log.waitFor(e, EngineEvent::Kind::Warning, "restored", 10);
    QCOMPARE(std::string(toString(e.state())), std::string(toString(EngineState::Finished)));
    for (const auto& ev : log.events) {
        QVERIFY2(ev.kind != EngineEvent::Kind::Error, ev.message.c_str());
        QVERIFY2(ev.message.find(pw) == std::string::npos, ev.message.c_str());
    }
    QVERIFY2(log.all().find("redis://:******@127.0.0.1") != std::string::npos, log.all().c_str());
    QVERIFY2(log.all().find("restored") != std::string::npos, log.all().c_str());
    // Every row of the oracle is in Redis with its value, and nothing else.
    auto rows = sqliteRows(dir.filePath("orders.sqlite").toStdString(),
                           "SELECT order_id, category || ':' || customer_id FROM orders");
    QCOMPARE(rows.size(), std::size_t(4000));
    QCOMPARE(server.integer({"DBSIZE"}), 4000LL);
    for (const auto& r : rows)
        QCOMPARE(server.str({"GET", "o:" + r[0]}), r[1]);
}

void stopIsPromptWhileRedisIsDown()
{
    // Nothing listens on the port: the sink waits (backpressure), warns, and a cancel ends the
    // wait at once.
    const int port = freePort();
    PipelineSpec p;
    p.settings.name = "redis-down";
    p.nodes = {pnode("gen", "generator", {{"kind", "orders"}, {"events_per_second", 0}}),
               pnode("cache", "redis-sink",
                     {{"url", "redis://:pw-never-shown@127.0.0.1:" + std::to_string(port) + "/0"},
                      {"key_fields", {"order_id"}}})};
    p.edges = {pedge("gen", "out", "cache")};
    Engine e;
    Status s = e.start(p, {});
    QVERIFY2(s, s.message().c_str());
    EventLog log;
    QVERIFY2(log.waitFor(e, EngineEvent::Kind::Warning, "cannot reach Redis"), log.all().c_str());
    QVERIFY(log.all().find("pw-never-shown") == std::string::npos);
    e.stop(StopMode::Cancel);
    QVERIFY2(e.wait(10000), "the cancel did not end the sink's wait");
    QCOMPARE(std::string(toString(e.state())), std::string(toString(EngineState::Stopped)));
}

namespace {

json idSchema()
{
    return json::array(
        {{{"name", "id"}, {"type", "BIGINT NOT NULL"}}, {{"name", "src"}, {"type", "STRING"}}});
}

/// Writes ids as JSONL ({"id": n, "src": tag}); returns the path.
std::string writeIds(const QTemporaryDir& dir, const std::string& name, const std::vector<int>& ids)
{
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream f(path);
    for (int id : ids)
        f << json{{"id", id}, {"src", name}}.dump() << "\n";
    return path;
}

std::vector<int> idsOf(int from, int to, int dupEvery)
{
    std::vector<int> ids;
    for (int i = from; i < to; ++i) {
        ids.push_back(i);
        if (i % dupEvery == 0)
            ids.push_back(i - 3 > from ? i - 3 : i); // duplicates inside the file
    }
    return ids;
}

PipelineSpec dedupPipeline(const std::string& name, const std::string& input,
                           const std::string& url, const std::string& output)
{
    PipelineSpec p;
    p.settings.name = name;
    p.nodes = {pnode("src", "file-source",
                     {{"path", input},
                      {"format", "jsonl"},
                      {"schema", idSchema()},
                      {"watermark", "processing-time"}}),
               pnode("seen", "dedup",
                     {{"keys", {"id"}},
                      {"ttl", "1 h"},
                      {"store", "redis"},
                      {"redis_url", url},
                      {"redis_key_prefix", "ids:"}}),
               pnode("db", "sqlite-sink", {{"path", output}, {"table", "out"}})};
    p.edges = {pedge("src", "out", "seen"), pedge("seen", "out", "db")};
    return p;
}

/// The oracle: SQLite over the inputs. Loads files into an in-memory table and returns the
/// query's first column.
std::vector<std::string> oracle(const std::vector<std::pair<std::string, std::vector<int>>>& inputs,
                                const std::string& sql)
{
    sqlite3* db = nullptr;
    sqlite3_open(":memory:", &db);
    sqlite3_exec(db, "CREATE TABLE input(file TEXT, line INTEGER, id INTEGER)", nullptr, nullptr,
                 nullptr);
    for (const auto& [file, ids] : inputs)
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const std::string ins = "INSERT INTO input VALUES('" + file + "', " +
                                    std::to_string(i + 1) + ", " + std::to_string(ids[i]) + ")";
            sqlite3_exec(db, ins.c_str(), nullptr, nullptr, nullptr);
        }
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
    std::vector<std::string> out;
    while (sqlite3_step(st) == SQLITE_ROW)
        out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

std::vector<std::string> column(const std::string& db, const std::string& sql)
{
    std::vector<std::string> out;
    for (auto& r : sqliteRows(db, sql))
        out.push_back(r[0]);
    return out;
}

} // namespace

void dedupSharedByTwoPipelines()
{
    RedisTestServer server;
    QString up = server.start();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    QTemporaryDir dir;
    const auto a = idsOf(0, 3000, 7), b = idsOf(2000, 5000, 5);
    const std::string fa = writeIds(dir, "a.jsonl", a), fb = writeIds(dir, "b.jsonl", b);
    const std::string oa = dir.filePath("a.sqlite").toStdString();
    const std::string ob = dir.filePath("b.sqlite").toStdString();
    // Two independent pipelines at the same time, one idempotency set in Redis.
    Engine ea, eb;
    EngineOptions o;
    o.dataDirectory = dir.path().toStdString();
    Status sa = ea.start(dedupPipeline("ingest-a", fa, server.url(), oa), o);
    QVERIFY2(sa, sa.message().c_str());
    Status sb = eb.start(dedupPipeline("ingest-b", fb, server.url(), ob), o);
    QVERIFY2(sb, sb.message().c_str());
    QVERIFY(ea.wait(120000));
    QVERIFY(eb.wait(120000));
    QVERIFY(ea.state() == EngineState::Finished);
    QVERIFY(eb.state() == EngineState::Finished);
    // Every distinct id of both inputs came out exactly once, from one pipeline or the other.
    auto outA = column(oa, "SELECT id FROM out");
    auto outB = column(ob, "SELECT id FROM out");
    std::multiset<std::string> got(outA.begin(), outA.end());
    got.insert(outB.begin(), outB.end());
    auto expect = oracle({{"a", a}, {"b", b}}, "SELECT DISTINCT id FROM input");
    QCOMPARE(got, std::multiset<std::string>(expect.begin(), expect.end()));
    // Ids only in one input came out of that pipeline (the other never saw them).
    auto onlyA =
        oracle({{"a", a}, {"b", b}}, "SELECT DISTINCT id FROM input WHERE file = 'a' AND id NOT IN "
                                     "(SELECT id FROM input WHERE file = 'b')");
    std::set<std::string> setA(outA.begin(), outA.end());
    for (const auto& id : onlyA)
        QVERIFY2(setA.count(id), id.c_str());
    // The seen-ids carry the TTL.
    const long long pttl = server.integer({"PTTL", "ids:2500"});
    QVERIFY2(pttl > 0 && pttl <= 3600000, qPrintable(QString::number(pttl)));
    QCOMPARE(server.integer({"DBSIZE"}), static_cast<long long>(expect.size()));
}

void dedupRedisReplayPassesAgain()
{
    // A second run of the same pipeline over the same file (a replay after a restart) is
    // recognised record by record and passes the same records again; another pipeline over
    // the same file sees only duplicates.
    RedisTestServer server;
    QString up = server.start();
    QVERIFY2(up.isEmpty(), qPrintable(up));
    QTemporaryDir dir;
    const auto a = idsOf(0, 1500, 4);
    const std::string fa = writeIds(dir, "a.jsonl", a);
    auto expect = oracle({{"a", a}}, "SELECT id FROM input GROUP BY id ORDER BY MIN(line)");
    for (int run = 0; run < 2; ++run) {
        const std::string out = dir.filePath(QString("run%1.sqlite").arg(run)).toStdString();
        QCOMPARE(
            runPipeline(dedupPipeline("ingest", fa, server.url(), out), dir.path().toStdString()),
            std::string());
        QCOMPARE(column(out, "SELECT id FROM out ORDER BY rowid"), expect);
    }
    const std::string other = dir.filePath("other.sqlite").toStdString();
    QCOMPARE(runPipeline(dedupPipeline("someone-else", fa, server.url(), other),
                         dir.path().toStdString()),
             std::string());
    QCOMPARE(column(other, "SELECT COUNT(*) FROM out"), std::vector<std::string>{"0"});
}

} // namespace sw::test_redis
