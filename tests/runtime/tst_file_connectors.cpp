// File source (JSON Lines, CSV with header) and file/console sinks: parsing with tricky quoting,
// bad lines to the errors port with their line numbers and exact bytes, chunk boundaries,
// event-time replay, Flink-style rendering and write -> read round trips.
#include <QtTest>

#include <QTemporaryDir>
#include <fstream>
#include <sstream>

#include "ConnectorTestHarness.h"
#include "connectors/file/ConsoleSink.h"
#include "connectors/format/TextCodec.h"

using namespace sw::runtime;
using namespace sw::test;
using nlohmann::json;

namespace {

const std::string kDataDir = std::string(SW_SOURCE_DIR) + "/tests/runtime/data/connectors";

json ordersSchema()
{
    return json::array({{{"name", "order_id"}, {"type", "BIGINT NOT NULL"}},
                        {{"name", "customer"}, {"type", "STRING"}},
                        {{"name", "amount"}, {"type", "DECIMAL(10, 2)"}},
                        {{"name", "event_time"}, {"type", "TIMESTAMP(3)"}},
                        {{"name", "flag"}, {"type", "BOOLEAN"}}});
}

struct SourceRun {
    std::vector<Record> out;
    std::vector<Record> errors;
    Schema schema;
    Status openStatus;
};

SourceRun readFile(json props, const std::string& dataDir = kDataDir)
{
    if (!props.contains("schema")) props["schema"] = ordersSchema();
    OperatorHarness h(makeNode("src", "file-source", props), {}, 0, 1, dataDir);
    auto op = h.build(0, 1, dataDir);
    if (!op) qFatal("%s", op.error().message.c_str());
    auto* src = dynamic_cast<SourceOperator*>(op->get());
    SourceRun run;
    run.schema = h.outputs[0];
    run.openStatus = src->open(*h.ctx);
    if (!run.openStatus) return run;
    CaptureCollector cap(2, 1, "src");
    while (src->poll(cap.out(), 7) != SourceStatus::End) {
    }
    src->close();
    run.out = cap.records(0);
    run.errors = cap.records(1);
    return run;
}

/// The file's physical lines (split on LF, CR of CRLF removed): what raw bytes must equal.
std::vector<std::string> fileLines(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string all = ss.str();
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < all.size()) {
        std::size_t nl = all.find('\n', start);
        std::string l = all.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (!l.empty() && l.back() == '\r') l.pop_back();
        lines.push_back(l);
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return lines;
}

const Value& ecol(const Record& r, const char* name)
{
    return r.row[static_cast<std::size_t>(errorSchema().indexOf(name))];
}

std::int64_t ts(const char* text)
{
    std::int64_t ms = 0;
    if (!parseTimestamp(text, ms)) qFatal("bad timestamp %s", text);
    return ms;
}

struct ExpectedError {
    std::int64_t line;
    const char* cls;
    const char* messagePart;
};

void checkErrors(const SourceRun& run, const std::string& path,
                 const std::vector<ExpectedError>& expected)
{
    const auto lines = fileLines(path);
    QCOMPARE(run.errors.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Record& e = run.errors[i];
        const auto& x = expected[i];
        QCOMPARE(ecol(e, "source_line").asInt(), x.line);
        QCOMPARE(ecol(e, "error_class").asString(), std::string(x.cls));
        QCOMPARE(ecol(e, "node_id").asString(), std::string("src"));
        QCOMPARE(ecol(e, "source_file").asString(), path);
        QVERIFY2(ecol(e, "message").asString().find(x.messagePart) != std::string::npos,
                 ecol(e, "message").asString().c_str());
        QVERIFY(ecol(e, "source_topic").isNull());
        QCOMPARE(ecol(e, "raw_value").asString(), lines[static_cast<std::size_t>(x.line - 1)]);
    }
}

} // namespace

class TestFileConnectors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonlParsesAndReportsBadLines();
    void csvParsesRfc4180AndReportsBadRecords();
    void csvHeaderMapsColumnsByName();
    void chunkBoundariesKeepLinesAndBytes();
    void relativePathsUseDataDirectory();
    void missingFileFailsOpen();
    void eventTimeReplayHoldsFutureRecords();
    void jsonlSinkWritesFlinkJson();
    void sinkSourceRoundTrip_data();
    void sinkSourceRoundTrip();
    void consoleSinkTableAndMaxRows();
};

void TestFileConnectors::jsonlParsesAndReportsBadLines()
{
    SourceRun r = readFile({{"path", "orders.jsonl"}, {"format", "jsonl"}});
    QVERIFY(r.openStatus.isOk());
    QCOMPARE(r.out.size(), std::size_t(5));
    // line 1
    QCOMPARE(r.out[0].row[0], Value::integer(1));
    QCOMPARE(r.out[0].row[1], Value::string("Ada"));
    QCOMPARE(r.out[0].row[2], Value::decimal(1250, 2));
    QCOMPARE(r.out[0].row[3], Value::timestamp(ts("2024-01-01 00:00:00")));
    QCOMPARE(r.out[0].row[4], Value::boolean(true));
    QCOMPARE(r.out[0].provenance.position, std::int64_t(1));
    // line 2: escapes, surrogate pair, numeric string, ISO 8601 with Z, nested member ignored
    QCOMPARE(r.out[1].row[1].asString(),
             std::string("quote \" and \\ and \xC3\xA9 \xF0\x9F\x98\x80"));
    QCOMPARE(r.out[1].row[2], Value::decimal(725, 2));
    QCOMPARE(r.out[1].row[3], Value::timestamp(ts("2024-01-01 00:00:01")));
    // line 4: missing members are NULL, exponent decimal, epoch-millis timestamp
    QCOMPARE(r.out[2].provenance.position, std::int64_t(4));
    QVERIFY(r.out[2].row[1].isNull());
    QCOMPARE(r.out[2].row[2], Value::decimal(10000, 2));
    QCOMPARE(r.out[2].row[3], Value::timestamp(1704067202000));
    QVERIFY(r.out[2].row[4].isNull());
    // line 7 (CRLF): half away from zero rounding, fractional seconds
    QCOMPARE(r.out[3].provenance.position, std::int64_t(7));
    QCOMPARE(r.out[3].row[2], Value::decimal(-1, 2));
    QCOMPARE(r.out[3].row[3], Value::timestamp(ts("2024-01-01 00:00:04.500")));
    // line 12: control escapes, max DECIMAL(10, 2), UTC offset
    QCOMPARE(r.out[4].row[1].asString(), std::string("tab\tnew\nline"));
    QCOMPARE(r.out[4].row[2], Value::decimal(9999999999, 2));
    QCOMPARE(r.out[4].row[3], Value::timestamp(ts("2024-02-29 22:59:59.999")));
    for (const auto& rec : r.out) {
        QCOMPARE(int(rec.provenance.kind), int(Provenance::Kind::File));
        QCOMPARE(*rec.provenance.origin, kDataDir + "/orders.jsonl");
    }
    checkErrors(r, kDataDir + "/orders.jsonl",
                {{5, "parse", "unexpected end of input"},
                 {6, "type", "column 'amount': cannot convert 'abc' to DECIMAL(10, 2)"},
                 {8, "parse", "invalid UTF-8"},
                 {9, "type", "column 'order_id' is NOT NULL but the value is missing"},
                 {11, "parse", "unexpected content after the JSON object"},
                 {13, "parse", "expected '{'"},
                 {14, "type", "does not fit DECIMAL(10, 2)"}});
}

void TestFileConnectors::csvParsesRfc4180AndReportsBadRecords()
{
    SourceRun r = readFile({{"path", "orders.csv"}, {"format", "csv"}});
    QVERIFY2(r.openStatus.isOk(), r.openStatus.message().c_str());
    QCOMPARE(r.out.size(), std::size_t(6));
    QCOMPARE(r.out[0].row[2], Value::decimal(1250, 2));
    QCOMPARE(r.out[0].provenance.position, std::int64_t(2));
    QCOMPARE(r.out[1].row[1].asString(), std::string("Lovelace, Ada"));
    QCOMPARE(r.out[1].row[3], Value::timestamp(ts("2024-01-01 00:00:01")));
    QCOMPARE(r.out[1].row[4], Value::boolean(false));
    // a quoted field over two lines: the record starts at line 4
    QCOMPARE(r.out[2].provenance.position, std::int64_t(4));
    QCOMPARE(r.out[2].row[1].asString(), std::string("multi\nline \"name\""));
    QCOMPARE(r.out[2].row[2], Value::decimal(10000, 2));
    QVERIFY(r.out[2].row[4].isNull());
    // "" is the empty string, an empty unquoted field is NULL
    QCOMPARE(r.out[3].provenance.position, std::int64_t(6));
    QCOMPARE(r.out[3].row[1], Value::string(""));
    QVERIFY(r.out[3].row[2].isNull());
    QCOMPARE(r.out[4].provenance.position, std::int64_t(11));
    QCOMPARE(r.out[4].row[1].asString(), std::string("crlf"));
    QCOMPARE(r.out[4].row[4], Value::boolean(false));
    QCOMPARE(r.out[5].provenance.position, std::int64_t(13));
    QVERIFY(r.out[5].row[1].isNull());
    QCOMPARE(r.out[5].row[2], Value::decimal(-300, 2));
    QCOMPARE(r.out[5].row[4], Value::boolean(true));
    checkErrors(r, kDataDir + "/orders.csv",
                {{7, "parse", "quote inside an unquoted field"},
                 {8, "parse", "unexpected character after a closing quote"},
                 {9, "parse", "expected 6 fields (as in the header), found 4"},
                 {10, "type", "column 'amount'"},
                 {14, "type", "column 'order_id' is NOT NULL"},
                 {15, "parse", "unterminated quoted field"}});
}

void TestFileConnectors::csvHeaderMapsColumnsByName()
{
    QTemporaryDir dir;
    {
        std::ofstream f(dir.filePath("h.csv").toStdString(), std::ios::binary);
        f << "\xEF\xBB\xBF"
          << "flag,extra,order_id\ntrue,zz,5\n";
    }
    SourceRun r = readFile({{"path", "h.csv"}, {"format", "csv"}}, dir.path().toStdString());
    QVERIFY(r.openStatus.isOk());
    QCOMPARE(r.out.size(), std::size_t(1));
    QCOMPARE(r.out[0].row[0], Value::integer(5));
    QVERIFY(r.out[0].row[1].isNull() && r.out[0].row[2].isNull()); // not in the header: NULL
    QCOMPARE(r.out[0].row[4], Value::boolean(true));
    {
        std::ofstream f(dir.filePath("noid.csv").toStdString(), std::ios::binary);
        f << "customer\nx\n";
    }
    SourceRun bad = readFile({{"path", "noid.csv"}, {"format", "csv"}}, dir.path().toStdString());
    QVERIFY(!bad.openStatus.isOk());
    QVERIFY(bad.openStatus.message().find("no column 'order_id'") != std::string::npos);
}

void TestFileConnectors::chunkBoundariesKeepLinesAndBytes()
{
    // > 2 reads of 1 MiB: records straddle the chunk boundaries.
    QTemporaryDir dir;
    const int n = 40000;
    std::string jsonl, csv = "order_id,customer\n";
    for (int i = 1; i <= n; ++i) {
        std::string name = "customer number " + std::to_string(i) +
                           std::string(static_cast<std::size_t>(i % 37), 'x');
        if (i % 1000 == 0) {
            jsonl += "{\"order_id\": " + std::to_string(i) + ", \"customer\": \"" + name +
                     "\"\n";                                               // broken
            csv += std::to_string(i) + ",\"" + name + "\nsecond line\"\n"; // 2 lines
        } else {
            jsonl += "{\"order_id\": " + std::to_string(i) + ", \"customer\": \"" + name + "\"}\n";
            csv += std::to_string(i) + "," + name + "\n";
        }
    }
    std::ofstream(dir.filePath("big.jsonl").toStdString(), std::ios::binary) << jsonl;
    std::ofstream(dir.filePath("big.csv").toStdString(), std::ios::binary) << csv;
    SourceRun j = readFile({{"path", "big.jsonl"}, {"format", "jsonl"}}, dir.path().toStdString());
    QCOMPARE(j.out.size(), std::size_t(n - n / 1000));
    QCOMPARE(j.errors.size(), std::size_t(n / 1000));
    const auto lines = fileLines(dir.filePath("big.jsonl").toStdString());
    for (const auto& e : j.errors) {
        std::int64_t line = ecol(e, "source_line").asInt();
        QCOMPARE(line % 1000, std::int64_t(0));
        QCOMPARE(ecol(e, "raw_value").asString(), lines[static_cast<std::size_t>(line - 1)]);
    }
    for (const auto& rec : j.out)
        QCOMPARE(rec.provenance.position, rec.row[0].asInt());
    SourceRun c = readFile({{"path", "big.csv"}, {"format", "csv"}}, dir.path().toStdString());
    QCOMPARE(c.out.size(), std::size_t(n));
    QVERIFY(c.errors.empty());
    std::int64_t extra = 0; // each multi-line record pushes later records one line down
    for (const auto& rec : c.out) {
        QCOMPARE(rec.provenance.position, rec.row[0].asInt() + 1 + extra);
        if (rec.row[0].asInt() % 1000 == 0) {
            ++extra;
            QVERIFY(rec.row[1].asString().find("\nsecond line") != std::string::npos);
        }
    }
}

void TestFileConnectors::relativePathsUseDataDirectory()
{
    SourceRun abs =
        readFile({{"path", kDataDir + "/orders.jsonl"}, {"format", "jsonl"}}, "/nonexistent");
    QVERIFY(abs.openStatus.isOk());
    QCOMPARE(abs.out.size(), std::size_t(5));
}

void TestFileConnectors::missingFileFailsOpen()
{
    SourceRun r = readFile({{"path", "nope.jsonl"}, {"format", "jsonl"}});
    QVERIFY(!r.openStatus.isOk());
    QVERIFY(r.openStatus.message().find("nope.jsonl") != std::string::npos);
    QVERIFY(r.openStatus.message().find("'src'") != std::string::npos);
}

void TestFileConnectors::eventTimeReplayHoldsFutureRecords()
{
    QTemporaryDir dir;
    std::ofstream(dir.filePath("r.jsonl").toStdString(), std::ios::binary)
        << "{\"order_id\":1,\"event_time\":\"2024-01-01 00:00:00\"}\n"
        << "{\"order_id\":2,\"event_time\":\"2024-01-01 00:00:00\"}\n"
        << "{\"order_id\":3,\"event_time\":\"2024-01-01 01:00:00\"}\n"; // due one hour later
    json p = {{"path", "r.jsonl"},
              {"format", "jsonl"},
              {"replay", "event-time"},
              {"schema", ordersSchema()}};
    OperatorHarness h(makeNode("src", "file-source", p), {}, 0, 1, dir.path().toStdString());
    auto op = h.build(0, 1, dir.path().toStdString());
    auto* src = dynamic_cast<SourceOperator*>(op->get());
    QVERIFY(src->open(*h.ctx).isOk());
    CaptureCollector cap(2, 1);
    QCOMPARE(src->poll(cap.out(), 100), SourceStatus::More);
    QCOMPARE(cap.records(0).size(), std::size_t(2)); // same event time: both at once
    h.stop.request_stop();
    for (int i = 0; i < 5; ++i)
        QVERIFY(src->poll(cap.out(), 100) != SourceStatus::End);
    QCOMPARE(cap.records(0).size(), std::size_t(2)); // the 01:00 record waits for its time
    // At a huge speed-up the same file replays to the end.
    p["replay_speed"] = 1e6;
    SourceRun fast = readFile(p, dir.path().toStdString());
    QCOMPARE(fast.out.size(), std::size_t(3));
}

void TestFileConnectors::jsonlSinkWritesFlinkJson()
{
    QTemporaryDir dir;
    Schema s({{"id", DataType::bigint()},
              {"amount", DataType::decimal(10, 2)},
              {"t", DataType::timestamp()},
              {"d", DataType::float64()},
              {"b", DataType::boolean()},
              {"s", DataType::string()},
              {"raw", DataType::bytes()}});
    json schemaJson = json::array();
    NodeSpec n = makeNode("out", "file-sink", {{"path", "sub/out.jsonl"}, {"format", "jsonl"}});
    OperatorHarness h(n, {s}, 0, 1, dir.path().toStdString());
    auto op = h.build(0, 1, dir.path().toStdString());
    QVERIFY(op);
    QVERIFY((*op)->open(*h.ctx).isOk());
    CaptureCollector cap(1, 0);
    Record r;
    r.row = {Value::integer(7),
             Value::decimal(-1230, 2),
             Value::timestamp(ts("2024-03-04 05:06:07.089")),
             Value::float64(2.0),
             Value::boolean(true),
             Value::string("a\"b\n\x01"),
             Value::string(std::string("\0\xff", 2))};
    Record nulls;
    nulls.row = {Value::integer(8), Value(), Value(), Value(), Value(), Value(), Value()};
    feed(**op, {r, nulls}, cap.out());
    (*op)->endOfInput(cap.out());
    (*op)->close();
    const auto lines = fileLines(dir.filePath("sub/out.jsonl").toStdString());
    QCOMPARE(lines.size(), std::size_t(2));
    const std::string first =
        "{\"id\":7,\"amount\":-12.30,\"t\":\"2024-03-04 05:06:07.089\",\"d\":2.0,"
        "\"b\":true,\"s\":\"a\\\"b\\n\\u0001\",\"raw\":\"AP8=\"}";
    const std::string second =
        "{\"id\":8,\"amount\":null,\"t\":null,\"d\":null,\"b\":null,\"s\":null,\"raw\":null}";
    QCOMPARE(lines[0], first);
    QCOMPARE(lines[1], second);
}

void TestFileConnectors::sinkSourceRoundTrip_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("jsonl") << "jsonl";
    QTest::newRow("csv") << "csv";
}

void TestFileConnectors::sinkSourceRoundTrip()
{
    QFETCH(QString, format);
    QTemporaryDir dir;
    const std::string fmt = format.toStdString();
    json schemaJson = json::array({{{"name", "id"}, {"type", "BIGINT"}},
                                   {{"name", "amount"}, {"type", "DECIMAL(12, 3)"}},
                                   {{"name", "t"}, {"type", "TIMESTAMP(3)"}},
                                   {{"name", "d"}, {"type", "DOUBLE"}},
                                   {{"name", "b"}, {"type", "BOOLEAN"}},
                                   {{"name", "s"}, {"type", "STRING"}},
                                   {{"name", "raw"}, {"type", "BYTES"}}});
    NodeSpec srcNode = makeNode("src", "file-source",
                                {{"path", "rt." + fmt}, {"format", fmt}, {"schema", schemaJson}});
    Schema s = deriveOutputs(srcNode)[0];
    std::vector<Record> rows;
    const std::vector<std::string> texts = {
        "plain",    "", "comma, \"quoted\"", "multi\nline\r\nend", " padded ", "\xE2\x82\xAC uro",
        "tab\there"};
    for (int i = 0; i < 60; ++i) {
        Record r;
        r.row = {Value::integer(i * 1000003 - 7),
                 Value::decimal((i - 30) * 12345, 3),
                 Value::timestamp(-86400000LL * 400 + i * 3600123LL),
                 Value::float64(i * 0.1 - 2.5),
                 Value::boolean(i % 2 == 0),
                 Value::string(texts[static_cast<std::size_t>(i) % texts.size()]),
                 Value::string(std::string("\0\x01\xfe", 3) + std::to_string(i))};
        if (i % 11 == 3)
            for (std::size_t c = 1; c < r.row.size(); ++c)
                r.row[c] = Value(); // NULLs (not id)
        rows.push_back(std::move(r));
    }
    OperatorHarness sink(makeNode("out", "file-sink", {{"path", "rt." + fmt}, {"format", fmt}}),
                         {s}, 0, 1, dir.path().toStdString());
    auto op = sink.build(0, 1, dir.path().toStdString());
    QVERIFY((*op)->open(*sink.ctx).isOk());
    CaptureCollector cap(1, 0);
    feed(**op, rows, cap.out());
    (*op)->endOfInput(cap.out());
    (*op)->close();
    SourceRun back = readFile(srcNode.properties, dir.path().toStdString());
    QVERIFY(back.errors.empty());
    QCOMPARE(back.out.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        QCOMPARE(rowToJson(back.out[i].row, s), rowToJson(rows[i].row, s));
}

void TestFileConnectors::consoleSinkTableAndMaxRows()
{
    Schema s({{"id", DataType::bigint()},
              {"name", DataType::string()},
              {"amount", DataType::decimal(10, 2)}});
    std::FILE* f = std::tmpfile();
    ConsoleSink sink(s, false, 2, f);
    CaptureCollector cap(0, -1);
    std::vector<Record> rows;
    for (int i = 0; i < 5; ++i) {
        Record r;
        r.row = {Value::integer(i), i == 1 ? Value() : Value::string("n\n" + std::to_string(i)),
                 Value::decimal(i * 150, 2)};
        rows.push_back(std::move(r));
    }
    feed(sink, rows, cap.out());
    sink.endOfInput(cap.out());
    sink.close();
    std::rewind(f);
    std::string text;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, f))
        text.append(buf, n);
    std::fclose(f);
    const std::string expected = "+--------------+--------------+--------------+\n"
                                 "| id           | name         | amount       |\n"
                                 "+--------------+--------------+--------------+\n"
                                 "|            0 | n\\n0         |         0.00 |\n"
                                 "|            1 | <NULL>       |         1.50 |\n"
                                 "... 3 more rows not shown (max_rows = 2)\n";
    QCOMPARE(text, expected);
    QCOMPARE(sink.hidden(), std::uint64_t(3));
}

QTEST_GUILESS_MAIN(TestFileConnectors)
#include "tst_file_connectors.moc"
