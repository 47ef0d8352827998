// The lake sink (runtime/connectors/lake): Avro container files and gzip JSON Lines read back by
// an independent reader (Debian's python3-avro, Python's gzip and json: LakeReader.h) equal the
// input row for row, each row in the partition directory Python's strftime computes from its
// event time; parts roll on size and on time into several whole files; rows that cannot be
// written go to the errors port; bad properties get precise errors. Exactly-once (crash points,
// a cancelled run resumed): tst_lake_sink_eo.
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "LakeReader.h"
#include "PipelineRunner.h"
#include "connectors/format/JsonRowWriter.h"
#include "connectors/lake/LakeSink.h"
#include "state/OperatorState.h"
#include "time/PartitionPattern.h"
#include "validate/Validator.h"

using namespace sw::runtime;
using namespace sw::test;
namespace fs = std::filesystem;

namespace {

const json kSchemaJson = json::array({
    {{"name", "id"}, {"type", "BIGINT NOT NULL"}},
    {{"name", "n"}, {"type", "INT"}},
    {{"name", "name"}, {"type", "STRING"}},
    {{"name", "price"}, {"type", "DECIMAL(18, 4)"}},
    {{"name", "ratio"}, {"type", "DOUBLE"}},
    {{"name", "flag"}, {"type", "BOOLEAN"}},
    {{"name", "ts"}, {"type", "TIMESTAMP(3) NOT NULL"}},
    {{"name", "data"}, {"type", "BYTES"}},
});

Schema inputSchema()
{
    NodeSpec n = makeNode("src", "file-source", {{"path", "x"}, {"schema", kSchemaJson}});
    Schema s = deriveOutputs(n)[0];
    s.setRowtime("ts");
    return s;
}

/// `count` rows of every type, NULLs in every nullable column, event times over ~40 hours
/// from 2026-12-07 00:00 (and some before 1970 and around a year end).
std::vector<Row> makeRows(int count, std::uint32_t seed)
{
    std::mt19937_64 rng(seed);
    std::int64_t base = 0;
    parseTimestamp("2026-12-07 00:00:00", base);
    const std::int64_t specials[] = {-1, -86400001, 0, 1798761599999, 1798761600000};
    const std::vector<std::int64_t> decimals = {0,
                                                1,
                                                -1,
                                                127,
                                                128,
                                                -128,
                                                -129,
                                                255,
                                                256,
                                                32767,
                                                -32768,
                                                999999999999999999,
                                                -999999999999999999};
    std::vector<Row> rows;
    for (int i = 0; i < count; ++i) {
        const bool nulls = i % 7 == 3;
        // Mostly in order, as a stream is (up to 10 min late), a few far-off times.
        const std::int64_t ts =
            i < 5 ? specials[i]
                  : base + i * (40 * 3600000ll / count) - static_cast<std::int64_t>(rng() % 600000);
        std::string bytes;
        for (int b = 0; b < i % 9; ++b)
            bytes += static_cast<char>(rng() & 0xff);
        const std::int64_t dec = static_cast<std::size_t>(i) < decimals.size()
                                     ? decimals[static_cast<std::size_t>(i)]
                                     : static_cast<std::int64_t>(rng() % 2000000001) - 1000000000;
        rows.push_back({Value::integer(i),
                        nulls ? Value::null() : Value::integer(i % 2 ? 2147483647 - i : -i),
                        nulls ? Value::null()
                              : Value::string("row " + std::to_string(i) + " \xE2\x82\xAC \"q\""),
                        nulls ? Value::null() : Value::decimal(dec, 4),
                        nulls ? Value::null() : Value::float64((static_cast<double>(i) - 500) / 8),
                        nulls ? Value::null() : Value::boolean(i % 2 == 0), Value::timestamp(ts),
                        nulls ? Value::null() : Value::string(bytes)});
    }
    return rows;
}

std::multiset<std::string> dumped(const std::vector<Row>& rows, const Schema& s)
{
    std::multiset<std::string> out;
    for (const Row& r : rows)
        out.insert(normalised(r, s).dump());
    return out;
}

/// Writes `rows` as the file source's JSON Lines input.
void writeInput(const std::string& path, const std::vector<Row>& rows, const Schema& s)
{
    JsonRowWriter w(s);
    std::string text;
    for (const Row& r : rows) {
        w.append(r, text);
        text += '\n';
    }
    std::ofstream(path, std::ios::binary) << text;
}

PipelineSpec fileToLake(json lakeProps)
{
    PipelineSpec p;
    p.settings.name = "lake";
    p.nodes = {pnode("src", "file-source",
                     {{"path", "in.jsonl"},
                      {"format", "jsonl"},
                      {"schema", kSchemaJson},
                      {"timestamp_column", "ts"}}),
               pnode("lake", "lake-sink", std::move(lakeProps))};
    p.edges = {pedge("src", "out", "lake")};
    return p;
}

/// A sink driven directly (no engine), at-least-once unless `exactlyOnce`.
struct Driven {
    std::unique_ptr<OperatorHarness> h;
    std::unique_ptr<CaptureCollector> out;
    std::unique_ptr<Operator> op;
};
Driven drive(const std::string& dir, json props, bool exactlyOnce = false)
{
    Driven d;
    d.h = std::make_unique<OperatorHarness>(makeNode("lake", "lake-sink", std::move(props)),
                                            std::vector<Schema>{inputSchema()}, 0, 1, dir);
    d.out = std::make_unique<CaptureCollector>(1, 0, "lake");
    const NodeType* t = Catalog::instance().find("lake-sink");
    OperatorSpec spec{d.h->node, *t, d.h->inputs, d.h->outputs, 0, 1, dir};
    spec.delivery = exactlyOnce ? DeliveryGuarantee::ExactlyOnce : DeliveryGuarantee::AtLeastOnce;
    auto op = builtinOperators().find("lake-sink")->operator()(spec);
    if (!op) qFatal("%s", op.error().message.c_str());
    d.op = std::move(*op);
    Status st = d.op->open(*d.h->ctx);
    if (!st) qFatal("%s", st.message().c_str());
    return d;
}

std::vector<Record> records(const std::vector<Row>& rows)
{
    std::vector<Record> out;
    for (const Row& r : rows)
        out.emplace_back(r, r[6].asTimestamp());
    return out;
}

} // namespace

class TstLakeSink : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readBackEqualsInput_data();
    void readBackEqualsInput();
    void rollsOnSizeIntoSeveralWholeFiles();
    void largePartHasManyBlocks();
    void rollsOnIntervalWhileRunning();
    void unwritableRowsGoToErrors();
    void partitionPatternFormatsUtc();
    void badPropertiesGivePreciseErrors();
};

void TstLakeSink::readBackEqualsInput_data()
{
    QTest::addColumn<QString>("format");
    QTest::addRow("avro") << "avro";
    QTest::addRow("jsonl.gz") << "jsonl";
}

void TstLakeSink::readBackEqualsInput()
{
    // 3000 rows of every type through file-source -> lake-sink (default partition pattern,
    // at-least-once, no checkpoints): every visible file is read back by Python, the rows equal
    // the input, each in the directory strftime gives for its event time.
    QFETCH(QString, format);
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    const Schema s = inputSchema();
    const auto rows = makeRows(3000, 7);
    writeInput(dir + "/in.jsonl", rows, s);
    const std::string errors =
        runPipeline(fileToLake({{"path", "archive"}, {"format", format.toStdString()}}), dir);
    QVERIFY2(errors.empty(), errors.c_str());
    const LakeRead r = readLake(dir + "/archive", "ts", "ts", "dt=%Y-%m-%d/hr=%H", "price");
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(r.codecs, std::vector<std::string>{format == "avro" ? "avro/deflate" : "gzip"});
    QCOMPARE(r.rows.size(), rows.size());
    std::multiset<std::string> got;
    std::set<std::string> dirs;
    for (const LakeRow& x : r.rows) {
        QCOMPARE(x.dir, x.expectedDir);
        got.insert(x.row.dump());
        dirs.insert(x.dir);
    }
    const auto want = dumped(rows, s);
    if (got != want) {
        std::vector<std::string> extra, missing;
        std::set_difference(got.begin(), got.end(), want.begin(), want.end(),
                            std::back_inserter(extra));
        std::set_difference(want.begin(), want.end(), got.begin(), got.end(),
                            std::back_inserter(missing));
        QFAIL(
            qPrintable(QString::fromStdString("read " + (extra.empty() ? "" : extra[0]) +
                                              "\nwanted " + (missing.empty() ? "" : missing[0]))));
    }
    QVERIFY2(dirs.size() >= 40, "rows over 40 hours land in 40+ hour partitions");
    QVERIFY(dirs.count("dt=1969-12-31/hr=23") && dirs.count("dt=2027-01-01/hr=00"));
    QCOMPARE(hiddenLakeFiles(dir + "/archive"), std::size_t(0));
    const std::string ext = format == "avro" ? ".avro" : ".jsonl.gz";
    for (const LakeRow& x : r.rows)
        QVERIFY2(x.file.size() > ext.size() &&
                     x.file.compare(x.file.size() - ext.size(), ext.size(), ext) == 0,
                 x.file.c_str());
}

void TstLakeSink::rollsOnSizeIntoSeveralWholeFiles()
{
    // 20,000 orders (about 20 s of event time: one partition) with roll_size 16 KiB: many parts,
    // each a whole Avro file no larger than roll_size plus one row and a block's framing.
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    PipelineSpec p;
    p.settings.name = "roll";
    p.nodes = {
        pnode("gen", "generator",
              {{"kind", "orders"}, {"seed", 3}, {"total_events", 20000}, {"events_per_second", 0}}),
        pnode("lake", "lake-sink", {{"path", "orders"}, {"roll_size", 16384}})};
    p.edges = {pedge("gen", "out", "lake")};
    const std::string errors = runPipeline(p, dir);
    QVERIFY2(errors.empty(), errors.c_str());
    const LakeRead r = readLake(dir + "/orders");
    QVERIFY2(r.ok, r.error.c_str());
    QVERIFY2(r.files >= 4, qPrintable(QString("%1 files").arg(r.files)));
    std::set<std::int64_t> ids;
    std::set<std::string> files;
    for (const LakeRow& x : r.rows) {
        ids.insert(x.row["order_id"].get<std::int64_t>());
        files.insert(x.file);
    }
    QCOMPARE(ids.size(), std::size_t(20000));
    QCOMPARE(r.rows.size(), std::size_t(20000));
    QCOMPARE(static_cast<int>(files.size()), r.files); // no empty part
    for (const std::string& f : files) {
        const auto size = fs::file_size(dir + "/orders/" + f);
        QVERIFY2(size <= 16384 + 1024,
                 qPrintable(QString::fromStdString(f) + " " + QString::number(size)));
    }
}

void TstLakeSink::largePartHasManyBlocks()
{
    // 50,000 orders in one partition and one part (default roll_size): over 1 MB of encoded
    // rows, so the Avro file has 20+ blocks of ~64 KB, each deflated, all read back.
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    PipelineSpec p;
    p.settings.name = "blocks";
    p.nodes = {
        pnode("gen", "generator",
              {{"kind", "orders"}, {"seed", 8}, {"total_events", 50000}, {"events_per_second", 0}}),
        pnode("lake", "lake-sink", {{"path", "orders"}, {"partition_pattern", ""}})};
    p.edges = {pedge("gen", "out", "lake")};
    const std::string errors = runPipeline(p, dir);
    QVERIFY2(errors.empty(), errors.c_str());
    const LakeRead r = readLake(dir + "/orders");
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(r.files, 1);
    QCOMPARE(r.rows.size(), std::size_t(50000));
    std::set<std::int64_t> ids;
    for (const LakeRow& x : r.rows)
        ids.insert(x.row["order_id"].get<std::int64_t>());
    QCOMPARE(ids.size(), std::size_t(50000));
    QCOMPARE(r.rows[0].dir, std::string()); // no partitions: files in the root
}

void TstLakeSink::rollsOnIntervalWhileRunning()
{
    // A part open for roll_interval (processing time) is finished and visible while the sink
    // keeps running; the next rows start a new part. The timer is driven directly.
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    Driven d = drive(dir, {{"path", "lake"}, {"format", "jsonl"}, {"roll_interval", "1 min"}});
    auto rows = makeRows(60, 11);
    for (Row& r : rows) // one partition
        r[6] = Value::timestamp(1796652000000 + r[0].asInt());
    std::vector<Row> first(rows.begin() + 5, rows.begin() + 30);
    feed(*d.op, records(first), d.out->out());
    LakeRead r = readLake(dir + "/lake", "ts", {}, {}, "price");
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(r.rows.size(), std::size_t(0)); // open parts are hidden
    QVERIFY(hiddenLakeFiles(dir + "/lake") > 0);
    d.op->onProcessingTime(d.h->ctx->processingTimeMs() + 60000, d.out->out());
    r = readLake(dir + "/lake", "ts", {}, {}, "price");
    QVERIFY2(r.ok, r.error.c_str());
    std::multiset<std::string> got;
    for (const LakeRow& x : r.rows)
        got.insert(x.row.dump());
    QVERIFY(got == dumped(first, inputSchema()));
    QCOMPARE(hiddenLakeFiles(dir + "/lake"), std::size_t(0));
    std::vector<Row> second(rows.begin() + 30, rows.end());
    feed(*d.op, records(second), d.out->out());
    d.op->endOfInput(d.out->out());
    d.op->close();
    r = readLake(dir + "/lake", "ts", {}, {}, "price");
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(r.rows.size(), first.size() + second.size());
}

void TstLakeSink::unwritableRowsGoToErrors()
{
    // A record without event time (its partition is unknown) and a NULL in a NOT NULL column
    // go to the errors port with class sink; the other rows are written.
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    Driven d = drive(dir, {{"path", "lake"}});
    auto rows = makeRows(10, 5);
    auto recs = records(rows);
    recs[3].timestamp = kNoTimestamp;
    recs[6].row[0] = Value::null();
    feed(*d.op, recs, d.out->out());
    d.op->endOfInput(d.out->out());
    d.op->close();
    const auto& errors = d.out->records(0);
    QCOMPARE(errors.size(), std::size_t(2));
    const Schema& es = errorSchema();
    const int cls = es.indexOf("error_class"), msg = es.indexOf("message");
    QCOMPARE(errors[0].row[cls].asString(), std::string("sink"));
    QVERIFY2(errors[0].row[msg].asString().find("no event time") != std::string::npos,
             errors[0].row[msg].asString().c_str());
    QVERIFY2(errors[1].row[msg].asString().find(
                 "column 'id' is BIGINT NOT NULL but the value is NULL") != std::string::npos,
             errors[1].row[msg].asString().c_str());
    const LakeRead r = readLake(dir + "/lake");
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(r.rows.size(), std::size_t(8));
}

void TstLakeSink::partitionPatternFormatsUtc()
{
    auto at = [](const char* text) {
        std::int64_t ms = 0;
        if (!parseTimestamp(text, ms)) qFatal("bad %s", text);
        return ms;
    };
    auto p = PartitionPattern::parse("dt={yyyy-MM-dd}/hr={HH}");
    QVERIFY(p.isOk());
    QCOMPARE(p->format(at("2026-12-07 14:59:59.999")), std::string("dt=2026-12-07/hr=14"));
    QCOMPARE(p->format(-1), std::string("dt=1969-12-31/hr=23"));
    QCOMPARE(p->granularityMs(), std::int64_t(3600000));
    QVERIFY(p->isHive());
    auto q = PartitionPattern::parse("year={yyyy}/month={MM}/{dd}_{HH}.{mm}");
    QVERIFY2(q.isOk(), q.isOk() ? "" : q.error().message.c_str());
    QCOMPARE(q->format(at("2024-02-29 23:05:00")), std::string("year=2024/month=02/29_23.05"));
    QVERIFY(!q->isHive());
    auto none = PartitionPattern::parse("");
    QVERIFY(none.isOk() && none->empty() && none->format(12345).empty());
}

void TstLakeSink::badPropertiesGivePreciseErrors()
{
    // Design time (the validator, what the designer shows) and the operator factory.
    auto diagnose = [](json props) {
        PipelineSpec p = fileToLake(std::move(props));
        std::string all;
        for (const Diagnostic& d : validate(p).diagnostics)
            if (d.severity == Severity::Error) all += d.property + ": " + d.message + "\n";
        return all;
    };
    const std::pair<const char*, const char*> cases[] = {
        {"dt={YYYY}", "partition_pattern: column 5: unknown date field 'YYYY' (use yyyy, MM, dd, "
                      "HH or mm)"},
        {"dt={yyyy-MM-dd", "partition_pattern: column 4: '{' is not closed by '}'"},
        {"/dt={yyyy}", "partition_pattern: column 1: the pattern starts with '/'"},
        {"dt={yyyy}//hr={HH}", "partition_pattern: column 11: an empty directory name ('//')"},
        {".hidden/{yyyy}", "partition_pattern: column 1: a directory name must not start with "
                           "'.': readers skip hidden directories"},
        {"dt {yyyy}", "partition_pattern: column 3: ' ' is not allowed in a partition directory "
                      "name (letters, digits, = - _ .)"},
        {"hr={HH}", "partition_pattern: 'HH' without 'yyyy': one directory would mix records of "
                    "different years; add the coarser fields (e.g. dt={yyyy-MM-dd}/hr={HH})"},
        {"d={yyyy}/{}", "partition_pattern: column 10: an empty field '{}'"},
    };
    for (const auto& [pattern, expected] : cases) {
        const std::string got = diagnose({{"path", "lake"}, {"partition_pattern", pattern}});
        QVERIFY2(got == std::string(expected) + "\n",
                 qPrintable(QString("%1 -> %2").arg(pattern, QString::fromStdString(got))));
    }
    QVERIFY(diagnose({{"path", "lake"}}).empty());
    QVERIFY2(diagnose({{"path", ""}}).find("path: ") == 0, diagnose({{"path", ""}}).c_str());
    QVERIFY(diagnose({{"path", "lake"}, {"format", "parquet"}}).find("format: ") == 0);
    QVERIFY(diagnose({{"path", "lake"}, {"roll_size", 10}}).find("roll_size: ") == 0);
    QCOMPARE(diagnose({{"path", "lake"}, {"roll_interval", "0 s"}}),
             std::string("roll_interval: must be positive\n"));
    // The factory checks the same when a pipeline skips validation.
    OperatorHarness h(makeNode("lake", "lake-sink", {{"partition_pattern", "x={mm}"}}),
                      {inputSchema()});
    auto op = h.build();
    QVERIFY(!op);
    QVERIFY2(op.error().message.find("node 'lake': property 'partition_pattern': 'mm' without "
                                     "'yyyy'") == 0,
             op.error().message.c_str());
}

QTEST_GUILESS_MAIN(TstLakeSink)
#include "tst_lake_sink.moc"
