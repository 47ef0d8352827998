// Dead-letter queue node: SQLite and JSONL targets keep raw bytes byte-identical with correct
// metadata, counts per error class, appends across runs, pluggable targets, and the generator's
// malformed records arriving intact.
#include <QtTest>

#include <QTemporaryDir>
#include <fstream>
#include <set>
#include <sqlite3.h>

#include "ConnectorTestHarness.h"
#include "PipelineRunner.h"
#include "connectors/dlq/DeadLetterStore.h"
#include "connectors/dlq/DlqOperator.h"
#include "connectors/format/TextCodec.h"
#include "exec/Engine.h"

using namespace sw::runtime;
using namespace sw::test;
using nlohmann::json;

namespace {

/// Error records as operators make them: parse errors with file/Kafka provenance and odd bytes,
/// a type error with a record, a late record, a sink error.
std::vector<Record> sampleErrors()
{
    std::vector<Record> out;
    auto file = std::make_shared<const std::string>("data/in.jsonl");
    const std::vector<std::string> raws = {
        std::string("{\"a\":\0\xff\xfe", 7), "line with\nnewline and \"quotes\"",
        "\xC3\x28 invalid utf8", std::string(3000, 'x') + "\x01", ""};
    for (std::size_t i = 0; i < raws.size(); ++i) {
        ErrorInfo info;
        info.errorClass = ErrorClass::Parse;
        info.message = "JSON syntax error at column " + std::to_string(i + 1);
        info.errorTime = 1704067200123 + static_cast<std::int64_t>(i);
        auto raw = std::make_shared<RawBytes>();
        raw->value = raws[i];
        if (i == 1) {
            info.provenance.kind = Provenance::Kind::Kafka;
            info.provenance.origin = std::make_shared<const std::string>("orders.raw");
            info.provenance.partition = 2;
            info.provenance.position = 123456789012;
            raw->key = std::string("k\0ey", 4);
            raw->hasKey = true;
        } else {
            info.provenance.kind = Provenance::Kind::File;
            info.provenance.origin = file;
            info.provenance.position = static_cast<std::int64_t>(10 + i);
        }
        info.provenance.raw = raw;
        out.push_back(makeErrorRecord("src", info));
    }
    ErrorInfo type;
    type.errorClass = ErrorClass::Type;
    type.message = "column 'amount': cannot convert 'abc' to DECIMAL(10, 2)";
    type.recordJson = "{\"amount\": \"abc\"}";
    type.errorTime = 1704067201000;
    out.push_back(makeErrorRecord("map", type));
    for (ErrorClass c :
         {ErrorClass::Late, ErrorClass::Late, ErrorClass::Sink, ErrorClass::Expression}) {
        ErrorInfo i;
        i.errorClass = c;
        i.message = std::string(toString(c)) + " error";
        i.errorTime = 1704067202000;
        out.push_back(makeErrorRecord("win", i));
    }
    return out;
}

struct DlqRun {
    std::map<std::string, std::uint64_t> counts;
};

DlqRun runDlq(json props, const std::vector<Record>& errors, const std::string& dir)
{
    OperatorHarness h(makeNode("dlq", "dlq", std::move(props)), {errorSchema()}, 0, 1, dir);
    auto op = h.build(0, 1, dir);
    if (!op) qFatal("%s", op.error().message.c_str());
    if (!(*op)->open(*h.ctx)) qFatal("dlq open failed");
    CaptureCollector cap(0, -1, "dlq");
    feed(**op, errors, cap.out());
    (*op)->endOfInput(cap.out());
    auto* counts = dynamic_cast<const DeadLetterCounts*>(op->get());
    DlqRun run{counts->countsByClass()};
    (*op)->close();
    return run;
}

void checkRoundTrip(const std::vector<DeadLetter>& got, const std::vector<Record>& sent)
{
    const Schema& es = errorSchema();
    auto text = [&](const Record& r, const char* c) -> std::optional<std::string> {
        const Value& v = r.row[static_cast<std::size_t>(es.indexOf(c))];
        if (v.isNull()) return std::nullopt;
        return v.asString();
    };
    auto num = [&](const Record& r, const char* c) -> std::optional<std::int64_t> {
        const Value& v = r.row[static_cast<std::size_t>(es.indexOf(c))];
        if (v.isNull()) return std::nullopt;
        return v.asInt();
    };
    QCOMPARE(got.size(), sent.size());
    for (std::size_t i = 0; i < sent.size(); ++i) {
        const DeadLetter& d = got[i];
        const Record& r = sent[i];
        QCOMPARE(d.errorTime, r.row[0].asTimestamp());
        QCOMPARE(d.nodeId, *text(r, "node_id"));
        QCOMPARE(d.errorClass, *text(r, "error_class"));
        QCOMPARE(d.message, *text(r, "message"));
        QCOMPARE(d.sourceTopic, text(r, "source_topic"));
        QCOMPARE(d.sourcePartition, num(r, "source_partition"));
        QCOMPARE(d.sourceOffset, num(r, "source_offset"));
        QCOMPARE(d.sourceFile, text(r, "source_file"));
        QCOMPARE(d.sourceLine, num(r, "source_line"));
        QCOMPARE(d.rawKey, text(r, "raw_key"));     // byte-identical (embedded NUL)
        QCOMPARE(d.rawValue, text(r, "raw_value")); // byte-identical (NUL, 0xFF, newlines)
        QCOMPARE(d.record, text(r, "record"));
    }
}

const std::map<std::string, std::uint64_t> kExpectedCounts = {
    {"parse", 5}, {"type", 1}, {"late", 2}, {"sink", 1}, {"expression", 1}};

} // namespace

class TestDlq : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sqliteRoundTripIsByteIdentical();
    void jsonlRoundTripIsByteIdentical();
    void appendsAcrossRuns();
    void targetsArePluggable();
    void generatorMalformedRecordsLandIntact();
    void pipelineGeneratorToSqliteWithDlq();
    void pipelineFileSourceToFileSinkWithDlq();
    void pipelineOrdersWindowToSqlite_data();
    void pipelineOrdersWindowToSqlite();
};

void TestDlq::sqliteRoundTripIsByteIdentical()
{
    QTemporaryDir dir;
    auto errors = sampleErrors();
    DlqRun run = runDlq({{"target", "sqlite"}, {"path", "dlq/dead.sqlite"}}, errors,
                        dir.path().toStdString());
    QCOMPARE(run.counts, kExpectedCounts);
    const std::string path = dir.filePath("dlq/dead.sqlite").toStdString();
    auto got = readDeadLetters("sqlite", path);
    QVERIFY2(got, got ? "" : got.error().message.c_str());
    checkRoundTrip(*got, errors);
    auto counts = countDeadLetters("sqlite", path);
    QCOMPARE(*counts, kExpectedCounts);
    // Independently of the reader: raw_value is a BLOB with the exact bytes.
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT typeof(raw_value), raw_value, error_time, source_offset FROM "
                       "dead_letters WHERE rowid = 2",
                       -1, &st, nullptr);
    QCOMPARE(sqlite3_step(st), SQLITE_ROW);
    QCOMPARE(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))),
             std::string("blob"));
    std::string bytes(static_cast<const char*>(sqlite3_column_blob(st, 1)),
                      static_cast<std::size_t>(sqlite3_column_bytes(st, 1)));
    QCOMPARE(bytes, std::string("line with\nnewline and \"quotes\""));
    QCOMPARE(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 2))),
             std::string("2024-01-01 00:00:00.124"));
    QCOMPARE(sqlite3_column_int64(st, 3), sqlite3_int64(123456789012));
    sqlite3_finalize(st);
    sqlite3_close(db);
}

void TestDlq::jsonlRoundTripIsByteIdentical()
{
    QTemporaryDir dir;
    auto errors = sampleErrors();
    DlqRun run =
        runDlq({{"target", "jsonl"}, {"path", "dead.jsonl"}}, errors, dir.path().toStdString());
    QCOMPARE(run.counts, kExpectedCounts);
    const std::string path = dir.filePath("dead.jsonl").toStdString();
    auto got = readDeadLetters("jsonl", path);
    QVERIFY2(got, got ? "" : got.error().message.c_str());
    checkRoundTrip(*got, errors);
    QCOMPARE(*countDeadLetters("jsonl", path), kExpectedCounts);
    // Independently: one JSON object per line, base64 bytes plus a readable text rendering.
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    auto j = json::parse(line);
    QCOMPARE(j["raw_value"].get<std::string>(), std::string("eyJhIjoA/w=="));
    QCOMPARE(j["raw_value_text"].get<std::string>(), std::string("{\"a\":\0\xEF\xBF\xBD", 9));
    QCOMPARE(j["source_file"].get<std::string>(), std::string("data/in.jsonl"));
    QCOMPARE(j["source_line"].get<int>(), 10);
    QVERIFY(j["source_topic"].is_null());
    QCOMPARE(j["error_time"].get<std::string>(), std::string("2024-01-01 00:00:00.123"));
}

void TestDlq::appendsAcrossRuns()
{
    QTemporaryDir dir;
    auto errors = sampleErrors();
    for (const char* target : {"sqlite", "jsonl"}) {
        const std::string file = std::string("twice.") + target;
        runDlq({{"target", target}, {"path", file}}, errors, dir.path().toStdString());
        runDlq({{"target", target}, {"path", file}}, errors, dir.path().toStdString());
        auto got =
            readDeadLetters(target, dir.filePath(QString::fromStdString(file)).toStdString());
        QCOMPARE(got->size(), errors.size() * 2);
    }
}

void TestDlq::targetsArePluggable()
{
    // Built in: sqlite, jsonl and kafka. A target nobody registered is refused by name.
    for (const char* builtIn : {"sqlite", "jsonl", "kafka"})
        QVERIFY2(findDlqWriter(builtIn), builtIn);
    QVERIFY(!findDlqWriter("memory-test"));
    NodeSpec unknown = makeNode("dlq", "dlq", {{"target", "sqlite"}});
    unknown.properties["target"] = "memory-test"; // not registered yet
    auto refused = OperatorHarness(unknown, {errorSchema()}).build();
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.find("'memory-test' is not available") != std::string::npos,
             refused.error().message.c_str());
    // Registered at run time: the DLQ node writes through it.
    struct Memory : DlqWriter {
        std::shared_ptr<std::vector<std::string>> seen;
        Status open() override { return Status::ok(); }
        Status write(const RecordBatch& b) override
        {
            for (const Record& r : b)
                seen->push_back(r.row[3].asString());
            return Status::ok();
        }
    };
    auto seen = std::make_shared<std::vector<std::string>>();
    registerDlqWriter("memory-test",
                      [seen](const OperatorSpec&) -> Result<std::unique_ptr<DlqWriter>> {
                          auto w = std::make_unique<Memory>();
                          w->seen = seen;
                          return std::unique_ptr<DlqWriter>(std::move(w));
                      });
    NodeSpec n = makeNode("dlq", "dlq", {{"target", "sqlite"}});
    n.properties["target"] = "memory-test"; // not a catalog choice: registered at run time
    OperatorHarness m(n, {errorSchema()});
    auto op = m.build();
    QVERIFY(op);
    QVERIFY((*op)->open(*m.ctx).isOk());
    CaptureCollector cap(0, -1);
    feed(**op, sampleErrors(), cap.out());
    QCOMPARE(seen->size(), sampleErrors().size());
    QCOMPARE(seen->front(), std::string("JSON syntax error at column 1"));
}

void TestDlq::generatorMalformedRecordsLandIntact()
{
    QTemporaryDir dir;
    OperatorHarness g(makeNode("gen", "generator",
                               {{"events_per_second", 0},
                                {"total_events", 5000},
                                {"malformed_ratio", 0.02},
                                {"seed", 4}}),
                      {});
    auto op = g.build();
    auto* src = dynamic_cast<SourceOperator*>(op->get());
    QVERIFY(src->open(*g.ctx).isOk());
    CaptureCollector cap(2, 1, "gen");
    while (src->poll(cap.out(), 512) != SourceStatus::End) {
    }
    auto errors = cap.records(1);
    QVERIFY(errors.size() > 50);
    runDlq({{"target", "sqlite"}, {"path", "g.sqlite"}}, errors, dir.path().toStdString());
    runDlq({{"target", "jsonl"}, {"path", "g.jsonl"}}, errors, dir.path().toStdString());
    for (const char* t : {"sqlite", "jsonl"}) {
        auto got = readDeadLetters(t, dir.filePath(QString("g.") + t).toStdString());
        QVERIFY(got);
        checkRoundTrip(*got, errors);
        for (const auto& d : *got)
            QCOMPARE(d.errorClass, std::string("parse"));
    }
}

void TestDlq::pipelineGeneratorToSqliteWithDlq()
{
    // orders generator (parallelism 2, duplicates, malformed) -> filter -> SQLite upsert by
    // order_id; malformed records -> DLQ. Oracle: the generator's subtasks driven directly.
    QTemporaryDir dir;
    json gen = {{"kind", "orders"},          {"events_per_second", 0},
                {"total_events", 20000},     {"seed", 7},
                {"malformed_ratio", 0.01},   {"duplicate_ratio", 0.02},
                {"out_of_orderness", "2 s"}, {"parallelism", 2}};
    PipelineSpec p;
    p.settings.name = "orders-e2e";
    p.nodes = {
        pnode("gen", "generator", gen), pnode("big", "filter", {{"condition", "amount >= 10"}}),
        pnode("db", "sqlite-sink",
              {{"path", "orders.sqlite"}, {"table", "orders"}, {"key_fields", {"order_id"}}}),
        pnode("dead", "dlq", {{"target", "sqlite"}, {"path", "dlq.sqlite"}})};
    p.edges = {pedge("gen", "out", "big"), pedge("big", "out", "db"),
               pedge("gen", "errors", "dead"), pedge("db", "errors", "dead")};
    const std::string dataDir = dir.path().toStdString();
    QString errors = QString::fromStdString(runPipeline(p, dataDir));
    QVERIFY2(errors.isEmpty(), qPrintable(errors));

    std::map<std::int64_t, std::string> expectRows; // order_id -> "customer|amount|category|time"
    std::vector<std::string> expectRaw;
    for (int s = 0; s < 2; ++s) {
        OperatorHarness g(makeNode("gen", "generator", gen), {}, s, 2);
        auto op = g.build(s, 2);
        auto* src = dynamic_cast<SourceOperator*>(op->get());
        QVERIFY(src->open(*g.ctx).isOk());
        CaptureCollector cap(2, 1, "gen");
        while (src->poll(cap.out(), 512) != SourceStatus::End) {
        }
        for (const Record& r : cap.records(0)) {
            if (r.row[2].decimalUnscaled() < 1000) continue; // amount >= 10
            std::string t;
            text::appendTimestamp(t, r.row[4].asTimestamp());
            std::string amount;
            text::appendDecimal(amount, r.row[2].decimalUnscaled(), 2);
            expectRows[r.row[0].asInt()] = std::to_string(r.row[1].asInt()) + "|" + amount + "|" +
                                           r.row[3].asString() + "|" + t;
        }
        for (const Record& e : cap.records(1))
            expectRaw.push_back(
                e.row[static_cast<std::size_t>(errorSchema().indexOf("raw_value"))].asString());
    }
    auto rows = sqliteRows(
        dir.filePath("orders.sqlite").toStdString(),
        "SELECT order_id, customer_id, printf('%.2f', amount), category, event_time FROM orders");
    std::map<std::int64_t, std::string> got;
    for (const auto& r : rows)
        got[std::stoll(r[0])] = r[1] + "|" + r[2] + "|" + r[3] + "|" + r[4];
    QCOMPARE(got.size(), expectRows.size());
    QVERIFY(got == expectRows);

    auto dead = readDeadLetters("sqlite", dir.filePath("dlq.sqlite").toStdString());
    QVERIFY(dead);
    std::vector<std::string> gotRaw;
    for (const auto& d : *dead) {
        QCOMPARE(d.errorClass, std::string("parse"));
        QCOMPARE(d.nodeId, std::string("gen"));
        QVERIFY(!d.message.empty());
        gotRaw.push_back(*d.rawValue);
    }
    std::sort(gotRaw.begin(), gotRaw.end());
    std::sort(expectRaw.begin(), expectRaw.end());
    QVERIFY(expectRaw.size() > 100);
    QVERIFY(gotRaw == expectRaw); // byte-identical malformed bytes

    // Replaying the same pipeline: the upsert keeps one row per order; the DLQ appends.
    errors = QString::fromStdString(runPipeline(p, dataDir));
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
    QCOMPARE(sqliteRows(dir.filePath("orders.sqlite").toStdString(),
                        "SELECT COUNT(*) FROM orders")[0][0],
             std::to_string(expectRows.size()));
    QCOMPARE((*countDeadLetters("sqlite", dir.filePath("dlq.sqlite").toStdString()))["parse"],
             std::uint64_t(2 * expectRaw.size()));
}

void TestDlq::pipelineFileSourceToFileSinkWithDlq()
{
    QTemporaryDir dir;
    const std::string data =
        std::string(SW_SOURCE_DIR) + "/tests/runtime/data/connectors/orders.jsonl";
    json schema = json::array({{{"name", "order_id"}, {"type", "BIGINT NOT NULL"}},
                               {{"name", "customer"}, {"type", "STRING"}},
                               {{"name", "amount"}, {"type", "DECIMAL(10, 2)"}},
                               {{"name", "event_time"}, {"type", "TIMESTAMP(3)"}},
                               {{"name", "flag"}, {"type", "BOOLEAN"}}});
    PipelineSpec p;
    p.nodes = {
        pnode("src", "file-source", {{"path", data}, {"format", "jsonl"}, {"schema", schema}}),
        pnode("out", "file-sink", {{"path", "out/copy.jsonl"}, {"format", "jsonl"}}),
        pnode("dead", "dlq", {{"target", "jsonl"}, {"path", "dead.jsonl"}})};
    p.edges = {pedge("src", "out", "out"), pedge("src", "errors", "dead")};
    QString errors = QString::fromStdString(runPipeline(p, dir.path().toStdString()));
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
    std::ifstream copy(dir.filePath("out/copy.jsonl").toStdString());
    std::vector<std::string> lines;
    for (std::string l; std::getline(copy, l);)
        lines.push_back(l);
    QCOMPARE(lines.size(), std::size_t(5));
    QCOMPARE(lines[0], std::string("{\"order_id\":1,\"customer\":\"Ada\",\"amount\":12.50,"
                                   "\"event_time\":\"2024-01-01 00:00:00.000\",\"flag\":true}"));
    auto dead = readDeadLetters("jsonl", dir.filePath("dead.jsonl").toStdString());
    QVERIFY(dead);
    QCOMPARE(dead->size(), std::size_t(7));
    std::ifstream in(data, std::ios::binary);
    std::vector<std::string> fileLines;
    for (std::string l; std::getline(in, l);)
        fileLines.push_back(!l.empty() && l.back() == '\r' ? l.substr(0, l.size() - 1) : l);
    for (const auto& d : *dead) {
        QCOMPARE(*d.sourceFile, data);
        QCOMPARE(*d.rawValue, fileLines[static_cast<std::size_t>(*d.sourceLine - 1)]);
    }
}

void TestDlq::pipelineOrdersWindowToSqlite_data()
{
    QTest::addColumn<int>("parallelism");
    QTest::newRow("p1") << 1;
    QTest::newRow("p2") << 2;
}

void TestDlq::pipelineOrdersWindowToSqlite()
{
    // examples/orders.pipeline.json in small: orders (duplicates, malformed, disorder) -> dedup ->
    // tumbling revenue per category -> SQLite upsert; parse errors -> DLQ. The oracle is the
    // generator driven directly, deduplicated and aggregated here.
    QFETCH(int, parallelism);
    QTemporaryDir dir;
    json gen = {{"kind", "orders"},          {"events_per_second", 0},
                {"total_events", 30000},     {"seed", 99},
                {"malformed_ratio", 0.005},  {"duplicate_ratio", 0.01},
                {"out_of_orderness", "3 s"}, {"max_out_of_orderness", "5 s"},
                {"key_skew", 0.8},           {"parallelism", parallelism}};
    json aggs = json::array({{{"function", "COUNT"}, {"column", "*"}, {"as", "orders"}},
                             {{"function", "SUM"}, {"column", "amount"}, {"as", "revenue"}}});
    PipelineSpec p;
    p.nodes = {pnode("orders", "generator", gen),
               pnode("dedup", "dedup",
                     {{"keys", {"order_id"}}, {"ttl", "1 h"}, {"parallelism", parallelism}}),
               pnode("revenue", "tumbling-window",
                     {{"size", "2 s"},
                      {"keys", {"category"}},
                      {"aggregates", aggs},
                      {"parallelism", parallelism}}),
               pnode("db", "sqlite-sink",
                     {{"path", "revenue.sqlite"},
                      {"table", "revenue"},
                      {"key_fields", {"window_start", "category"}}}),
               pnode("dead", "dlq", {{"target", "sqlite"}, {"path", "dlq.sqlite"}})};
    p.edges = {pedge("orders", "out", "dedup"), pedge("dedup", "out", "revenue"),
               pedge("revenue", "out", "db"), pedge("orders", "errors", "dead"),
               pedge("revenue", "errors", "dead")};
    QString errors = QString::fromStdString(runPipeline(p, dir.path().toStdString()));
    QVERIFY2(errors.isEmpty(), qPrintable(errors));

    std::map<std::string, std::pair<std::int64_t, std::int64_t>>
        expect; // start|category -> count, cents
    std::set<std::int64_t> seen;
    std::vector<std::string> expectRaw;
    for (int s = 0; s < parallelism; ++s) {
        OperatorHarness g(makeNode("orders", "generator", gen), {}, s, parallelism);
        auto op = g.build(s, parallelism);
        auto* src = dynamic_cast<SourceOperator*>(op->get());
        QVERIFY(src->open(*g.ctx).isOk());
        CaptureCollector cap(2, 1, "orders");
        while (src->poll(cap.out(), 512) != SourceStatus::End) {
        }
        for (const Record& r : cap.records(0)) {
            if (!seen.insert(r.row[0].asInt()).second) continue; // dedup by order_id
            std::string start;
            text::appendTimestamp(start, r.row[4].asTimestamp() - r.row[4].asTimestamp() % 2000);
            auto& [n, cents] = expect[start + "|" + r.row[3].asString()];
            ++n;
            cents += r.row[2].decimalUnscaled();
        }
        for (const Record& e : cap.records(1))
            expectRaw.push_back(
                e.row[static_cast<std::size_t>(errorSchema().indexOf("raw_value"))].asString());
    }
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> got;
    for (const auto& r : sqliteRows(dir.filePath("revenue.sqlite").toStdString(),
                                    "SELECT window_start, category, orders, CAST(ROUND(revenue * "
                                    "100) AS INTEGER) FROM revenue"))
        got[r[0] + "|" + r[1]] = {std::stoll(r[2]), std::stoll(r[3])};
    QVERIFY(expect.size() > 100);
    QCOMPARE(got.size(), expect.size());
    QVERIFY(got == expect);
    auto dead = readDeadLetters("sqlite", dir.filePath("dlq.sqlite").toStdString());
    std::vector<std::string> gotRaw;
    for (const auto& d : *dead)
        gotRaw.push_back(*d.rawValue); // no late records: all are parse errors
    std::sort(gotRaw.begin(), gotRaw.end());
    std::sort(expectRaw.begin(), expectRaw.end());
    QVERIFY(!expectRaw.empty());
    QVERIFY(gotRaw == expectRaw);
}

QTEST_GUILESS_MAIN(TestDlq)
#include "tst_dlq.moc"
