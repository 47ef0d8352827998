// SQLite sink: table from the schema, keyed upsert (replays are idempotent), append without keys,
// batched transactions, WAL mode, exact type mapping, rejected rows to the errors port.
// Results are read back with the SQLite C API directly (independent of the sink's helpers).
#include <QtTest>

#include <QTemporaryDir>
#include <sqlite3.h>

#include "ConnectorTestHarness.h"
#include "connectors/format/TextCodec.h"

using namespace sw::runtime;
using namespace sw::test;
using nlohmann::json;

namespace {

/// All rows of `sql` as text cells ("NULL" for NULL, blobs as hex).
std::vector<std::vector<std::string>> query(const std::string& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        qFatal("open %s", path.c_str());
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
        qFatal("%s", sqlite3_errmsg(db));
    std::vector<std::vector<std::string>> rows;
    while (sqlite3_step(st) == SQLITE_ROW) {
        std::vector<std::string> r;
        for (int c = 0; c < sqlite3_column_count(st); ++c) {
            int type = sqlite3_column_type(st, c);
            if (type == SQLITE_NULL) {
                r.push_back("NULL");
            } else if (type == SQLITE_BLOB) {
                std::string hex = "x'";
                auto* b = static_cast<const unsigned char*>(sqlite3_column_blob(st, c));
                for (int i = 0; i < sqlite3_column_bytes(st, c); ++i) {
                    char h[3];
                    std::snprintf(h, sizeof h, "%02x", b[i]);
                    hex += h;
                }
                r.push_back(hex + "'");
            } else {
                r.push_back(reinterpret_cast<const char*>(sqlite3_column_text(st, c)));
            }
        }
        rows.push_back(std::move(r));
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rows;
}

void execSql(const std::string& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    char* err = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) qFatal("%s", err);
    sqlite3_close(db);
}

Schema revenueSchema()
{
    return Schema({{"window_start", DataType::timestamp().withNullable(false)},
                   {"category", DataType::string().withNullable(false)},
                   {"orders", DataType::bigint()},
                   {"revenue", DataType::decimal(18, 2)},
                   {"avg_amount", DataType::float64()},
                   {"big", DataType::boolean()},
                   {"payload", DataType::bytes()}});
}

std::vector<Record> revenueRows(int n, int version)
{
    const char* cats[] = {"books", "toys", "home"};
    std::vector<Record> rows;
    for (int i = 0; i < n; ++i) {
        Record r;
        r.row = {Value::timestamp(1704067200000LL + (i / 3) * 300000LL),
                 Value::string(cats[i % 3]),
                 Value::integer(i * 10 + version),
                 Value::decimal(123456 * (i + 1) + version, 2),
                 Value::float64(12.5 + i),
                 Value::boolean(i % 2 == 1),
                 i % 4 == 0 ? Value()
                            : Value::string(std::string("\0\xff", 2) + std::to_string(i))};
        rows.push_back(std::move(r));
    }
    return rows;
}

struct SinkRun {
    std::vector<Record> errors;
    Status openStatus;
};

SinkRun runSink(json props, const Schema& s, const std::vector<Record>& rows,
                const std::string& dir, std::size_t chunk = 100)
{
    OperatorHarness h(makeNode("db", "sqlite-sink", std::move(props)), {s}, 0, 1, dir);
    auto op = h.build(0, 1, dir);
    if (!op) qFatal("%s", op.error().message.c_str());
    SinkRun run;
    run.openStatus = (*op)->open(*h.ctx);
    if (!run.openStatus) return run;
    CaptureCollector cap(1, 0, "db");
    for (std::size_t i = 0; i < rows.size(); i += chunk)
        feed(**op,
             std::vector<Record>(rows.begin() + static_cast<std::ptrdiff_t>(i),
                                 rows.begin() +
                                     static_cast<std::ptrdiff_t>(std::min(rows.size(), i + chunk))),
             cap.out());
    (*op)->endOfInput(cap.out());
    (*op)->close();
    run.errors = cap.records(0);
    return run;
}

} // namespace

class TestSqliteSink : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void upsertReplayIsIdempotent();
    void appendWithoutKeys();
    void typesMapExactly();
    void walModeAndBatchedTransactions();
    void rejectedRowsGoToErrors();
    void existingTableWithoutColumnFailsOpen();
};

void TestSqliteSink::upsertReplayIsIdempotent()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("out.sqlite").toStdString();
    json props = {{"path", "out.sqlite"},
                  {"table", "revenue"},
                  {"key_fields", {"window_start", "category"}},
                  {"batch_size", 50}};
    auto rows = revenueRows(300, 0);
    QVERIFY(runSink(props, revenueSchema(), rows, dir.path().toStdString()).errors.empty());
    const std::string all = "SELECT * FROM revenue ORDER BY window_start, category";
    auto first = query(path, all);
    QCOMPARE(first.size(), std::size_t(300));
    // Replay the same input (at-least-once redelivery): same rows, same values.
    QVERIFY(runSink(props, revenueSchema(), rows, dir.path().toStdString(), 37).errors.empty());
    QCOMPARE(query(path, all), first);
    // Updated results for the same keys replace the old values (upsert, not insert).
    auto updated = revenueRows(300, 1);
    QVERIFY(runSink(props, revenueSchema(), updated, dir.path().toStdString()).errors.empty());
    auto after = query(path, all);
    QCOMPARE(after.size(), std::size_t(300));
    QCOMPARE(query(path, "SELECT orders, revenue FROM revenue WHERE category = 'toys' ORDER BY "
                         "window_start LIMIT 1"),
             (std::vector<std::vector<std::string>>{{"11", "2469.13"}}));
    QCOMPARE(query(path, "SELECT COUNT(*) FROM pragma_index_list('revenue')"),
             (std::vector<std::vector<std::string>>{{"1"}}));
}

void TestSqliteSink::appendWithoutKeys()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("a.sqlite").toStdString();
    json props = {{"path", "a.sqlite"}, {"table", "events"}};
    auto rows = revenueRows(40, 0);
    runSink(props, revenueSchema(), rows, dir.path().toStdString());
    runSink(props, revenueSchema(), rows, dir.path().toStdString());
    QCOMPARE(query(path, "SELECT COUNT(*) FROM events"),
             (std::vector<std::vector<std::string>>{{"80"}}));
}

void TestSqliteSink::typesMapExactly()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("t.sqlite").toStdString();
    auto rows = revenueRows(2, 0);
    runSink({{"path", "t.sqlite"}, {"table", "r"}, {"key_fields", {"window_start", "category"}}},
            revenueSchema(), rows, dir.path().toStdString());
    auto got = query(path, "SELECT window_start, category, orders, revenue, typeof(revenue), "
                           "avg_amount, big, payload, "
                           "typeof(payload) FROM r ORDER BY orders");
    QCOMPARE(got.size(), std::size_t(2));
    QCOMPARE(got[0], (std::vector<std::string>{"2024-01-01 00:00:00.000", "books", "0", "1234.56",
                                               "real", "12.5", "0", "NULL", "null"}));
    QCOMPARE(got[1], (std::vector<std::string>{"2024-01-01 00:00:00.000", "toys", "10", "2469.12",
                                               "real", "13.5", "1", "x'00ff31'", "blob"}));
    auto types = query(path, "SELECT name, type, pk FROM pragma_table_info('r') ORDER BY cid");
    QCOMPARE(types[0], (std::vector<std::string>{"window_start", "TEXT", "1"}));
    QCOMPARE(types[3], (std::vector<std::string>{"revenue", "NUMERIC", "0"}));
    QCOMPARE(types[6], (std::vector<std::string>{"payload", "BLOB", "0"}));
}

void TestSqliteSink::walModeAndBatchedTransactions()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("w.sqlite").toStdString();
    runSink({{"path", "w.sqlite"}, {"table", "r"}, {"batch_size", 7}}, revenueSchema(),
            revenueRows(101, 0), dir.path().toStdString(), 30);
    QCOMPARE(query(path, "PRAGMA journal_mode"), (std::vector<std::vector<std::string>>{{"wal"}}));
    QCOMPARE(query(path, "SELECT COUNT(*) FROM r"),
             (std::vector<std::vector<std::string>>{{"101"}}));
}

void TestSqliteSink::rejectedRowsGoToErrors()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("c.sqlite").toStdString();
    execSql(path, "CREATE TABLE r (window_start TEXT, category TEXT, orders INTEGER CHECK (orders "
                  "< 100), revenue NUMERIC, "
                  "avg_amount REAL, big INTEGER, payload BLOB, note TEXT, PRIMARY KEY "
                  "(window_start, category))");
    auto rows = revenueRows(20, 0); // orders = 0, 10, ..., 190: rows 10..19 violate the CHECK
    rows[3].row[1] = Value();       // NULL key
    rows[3].provenance.kind = Provenance::Kind::File;
    rows[3].provenance.origin = std::make_shared<const std::string>("in.jsonl");
    rows[3].provenance.position = 42;
    SinkRun run = runSink(
        {{"path", "c.sqlite"}, {"table", "r"}, {"key_fields", {"window_start", "category"}}},
        revenueSchema(), rows, dir.path().toStdString(), 6);
    QVERIFY(run.openStatus.isOk());
    QCOMPARE(run.errors.size(), std::size_t(11));
    const Schema& es = errorSchema();
    const Record& nullKey = run.errors[0];
    QCOMPARE(nullKey.row[es.indexOf("error_class")].asString(), std::string("sink"));
    QCOMPARE(nullKey.row[es.indexOf("node_id")].asString(), std::string("db"));
    QVERIFY(nullKey.row[es.indexOf("message")].asString().find("NULL in a key column") !=
            std::string::npos);
    QCOMPARE(nullKey.row[es.indexOf("source_file")].asString(), std::string("in.jsonl"));
    QCOMPARE(nullKey.row[es.indexOf("source_line")].asInt(), std::int64_t(42));
    for (std::size_t i = 1; i < run.errors.size(); ++i) {
        const Record& e = run.errors[i];
        QVERIFY(e.row[es.indexOf("message")].asString().find("CHECK constraint failed") !=
                std::string::npos);
        QVERIFY(e.row[es.indexOf("record")].asString().find(
                    "\"orders\": " + std::to_string(90 + 10 * i)) != std::string::npos);
    }
    QCOMPARE(query(path, "SELECT COUNT(*), MAX(orders), COUNT(note) FROM r"),
             (std::vector<std::vector<std::string>>{{"9", "90", "0"}}));
}

void TestSqliteSink::existingTableWithoutColumnFailsOpen()
{
    QTemporaryDir dir;
    execSql(dir.filePath("x.sqlite").toStdString(),
            "CREATE TABLE r (window_start TEXT, category TEXT)");
    SinkRun run = runSink({{"path", "x.sqlite"}, {"table", "r"}}, revenueSchema(), {},
                          dir.path().toStdString());
    QVERIFY(!run.openStatus.isOk());
    QVERIFY2(run.openStatus.message().find("no column 'orders'") != std::string::npos,
             run.openStatus.message().c_str());
}

QTEST_GUILESS_MAIN(TestSqliteSink)
#include "tst_sqlite_sink.moc"
