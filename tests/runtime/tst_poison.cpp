// Poison records end to end: a JSONL file with unparseable bytes, type mismatches, rows whose map
// expression fails and records too late for their window runs through file-source -> map ->
// tumbling window -> file-sink with every errors port wired to a SQLite DLQ. Each bad record
// lands in the DLQ once, byte-identical where it had bytes, with its node, class, file/line and
// record; the good records still produce the exact window results (the pipeline keeps running).
#include <QtTest>

#include <QTemporaryDir>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>

#include "PipelineRunner.h"
#include "connectors/dlq/DeadLetterStore.h"
#include "exec/PhysicalPlan.h"

using namespace sw::runtime;
using namespace sw::test;

namespace {

constexpr std::int64_t kBase = 1'704'067'200'000; // 2024-01-01 00:00:00 UTC

enum class Kind { Good, Garbage, BadType, DivZero, Late };

Kind kindOf(int i)
{
    if (i % 97 == 5) return Kind::Garbage;
    if (i % 89 == 7) return Kind::BadType;
    if (i % 83 == 3) return Kind::DivZero;
    if (i % 101 == 50 && i > 1200) return Kind::Late; // 20 s behind a 1 s bound
    return Kind::Good;
}

std::int64_t tsOf(int i)
{
    return kBase + i * 10 - (kindOf(i) == Kind::Late ? 20000 : 0);
}
std::int64_t vOf(int i)
{
    return kindOf(i) == Kind::DivZero ? 0 : 1 + i % 50;
}

std::string lineOf(int i)
{
    const std::string ts = "\"" + formatTimestamp(tsOf(i)) + "\"";
    switch (kindOf(i)) {
    case Kind::Garbage:
        return std::string("\x01\xff{not json \xC3\x28 ", 12) + std::to_string(i);
    case Kind::BadType:
        return "{\"id\": " + std::to_string(i) + ", \"v\": \"abc\", \"ts\": " + ts + "}";
    default:
        return "{\"id\": " + std::to_string(i) + ", \"v\": " + std::to_string(vOf(i)) +
               ", \"ts\": " + ts + "}";
    }
}

std::int64_t wallMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

class TstPoison : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void poisonRecordsLandInTheDlqAndThePipelineKeepsRunning();
    void laterErrorsKeepTheOriginalLineBytes_data();
    void laterErrorsKeepTheOriginalLineBytes();
    void rawBytesOnlyWhenAnErrorsPortDownstreamIsConnected();
};

void TstPoison::poisonRecordsLandInTheDlqAndThePipelineKeepsRunning()
{
    constexpr int n = 3000;
    QTemporaryDir dir;
    const std::string path = dir.filePath("poison.jsonl").toStdString();
    {
        std::ofstream f(path, std::ios::binary);
        for (int i = 0; i < n; ++i)
            f << lineOf(i) << '\n';
    }
    json schema = json::array({{{"name", "id"}, {"type", "BIGINT"}},
                               {{"name", "v"}, {"type", "BIGINT"}},
                               {{"name", "ts"}, {"type", "TIMESTAMP(3)"}}});
    json cols = json::array({{{"name", "id"}, {"expr", "id"}},
                             {{"name", "q"}, {"expr", "100 / v"}},
                             {{"name", "ts"}, {"expr", "ts"}}});
    json aggs = json::array({{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}},
                             {{"function", "SUM"}, {"column", "q"}, {"as", "sq"}}});
    PipelineSpec p;
    p.nodes = {pnode("src", "file-source",
                     {{"path", path},
                      {"format", "jsonl"},
                      {"schema", schema},
                      {"timestamp_column", "ts"},
                      {"max_out_of_orderness", "1 s"}}),
               pnode("m", "map", {{"columns", cols}}),
               pnode("w", "tumbling-window", {{"size", "1 s"}, {"aggregates", aggs}}),
               pnode("out", "file-sink", {{"path", "out.jsonl"}, {"format", "jsonl"}}),
               pnode("dead", "dlq", {{"target", "sqlite"}, {"path", "dlq.sqlite"}})};
    p.edges = {pedge("src", "out", "m"),     pedge("m", "out", "w"),
               pedge("w", "out", "out"),     pedge("src", "errors", "dead"),
               pedge("m", "errors", "dead"), pedge("w", "errors", "dead")};
    EngineOptions o;
    o.watermarkIntervalMs = 0; // a watermark after every poll: lateness is deterministic
    const std::int64_t t0 = wallMs();
    QString errors = QString::fromStdString(runPipeline(p, dir.path().toStdString(), o));
    const std::int64_t t1 = wallMs();
    QVERIFY2(errors.isEmpty(), qPrintable(errors));

    // The good records' windows, exactly.
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> expect; // start -> cnt, sum(q)
    std::map<Kind, int> bad;
    for (int i = 0; i < n; ++i) {
        if (kindOf(i) != Kind::Good) {
            ++bad[kindOf(i)];
            continue;
        }
        auto& [cnt, sq] = expect[formatTimestamp(tsOf(i) - (tsOf(i) - kBase) % 1000)];
        ++cnt;
        sq += 100 / vOf(i);
    }
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> got;
    std::ifstream in(dir.filePath("out.jsonl").toStdString());
    for (std::string l; std::getline(in, l);) {
        json j = json::parse(l);
        got[j["window_start"].get<std::string>()] = {j["cnt"].get<std::int64_t>(),
                                                     j["sq"].get<std::int64_t>()};
    }
    QVERIFY(expect.size() >= 29);
    QVERIFY(got == expect);

    // Every bad record once, with its metadata.
    auto counts = countDeadLetters("sqlite", dir.filePath("dlq.sqlite").toStdString());
    QVERIFY(counts);
    QCOMPARE((*counts)["parse"], std::uint64_t(bad[Kind::Garbage]));
    QCOMPARE((*counts)["type"], std::uint64_t(bad[Kind::BadType]));
    QCOMPARE((*counts)["expression"], std::uint64_t(bad[Kind::DivZero]));
    QCOMPARE((*counts)["late"], std::uint64_t(bad[Kind::Late]));
    qInfo("DLQ: parse %d, type %d, expression %d, late %d; %zu windows of good records",
          bad[Kind::Garbage], bad[Kind::BadType], bad[Kind::DivZero], bad[Kind::Late], got.size());
    QVERIFY(bad[Kind::Late] > 10 && bad[Kind::Garbage] > 10);
    auto dead = readDeadLetters("sqlite", dir.filePath("dlq.sqlite").toStdString());
    QVERIFY(dead);
    for (const DeadLetter& d : *dead) {
        QVERIFY(d.errorTime >= t0 && d.errorTime <= t1);
        QVERIFY(!d.message.empty());
        QVERIFY2(d.sourceFile && *d.sourceFile == path, d.nodeId.c_str());
        QVERIFY(d.sourceLine && *d.sourceLine >= 1 && *d.sourceLine <= n);
        const int i = static_cast<int>(*d.sourceLine - 1);
        const Kind k = kindOf(i);
        if (d.errorClass == "parse" || d.errorClass == "type") {
            QCOMPARE(d.nodeId, std::string("src"));
            QVERIFY(k == (d.errorClass == "parse" ? Kind::Garbage : Kind::BadType));
            QVERIFY(d.rawValue);
            QVERIFY(*d.rawValue == lineOf(i)); // byte-identical, invalid UTF-8 included
        } else {
            // Parsed records carry file/line, the record as JSON and, because errors ports
            // downstream of the source are connected, the line's original bytes too.
            QCOMPARE(d.nodeId, std::string(d.errorClass == "expression" ? "m" : "w"));
            QVERIFY(k == (d.errorClass == "expression" ? Kind::DivZero : Kind::Late));
            QVERIFY(d.record);
            QVERIFY2(d.record->find("\"id\": " + std::to_string(i)) != std::string::npos,
                     d.record->c_str());
            QVERIFY(d.rawValue);
            QVERIFY(*d.rawValue == lineOf(i));
        }
    }
}

namespace {

/// Line i of the raw-bytes test: non-ASCII names, v = 0 (100 / v fails in the map) every 23rd
/// line, 20 s late (past a 1 s bound) every 37th line after 1100 (a poll reads up to a batch of
/// records before the engine emits a watermark, so lateness needs a few polls behind it).
struct RawLine {
    std::string bytes;      ///< the record without its line terminator
    std::string terminator; ///< "\n", "\r\n" or "" (the last line)
    bool divZero = false;
    bool late = false;
};

std::vector<RawLine> rawLines(bool csv, int n)
{
    std::vector<RawLine> out;
    for (int i = 0; i < n; ++i) {
        RawLine l;
        l.divZero = i % 23 == 4;
        l.late = i > 1100 && i % 37 == 0;
        const std::int64_t ts = kBase + i * 10 - (l.late ? 20000 : 0);
        const std::string name = "Gr\xC3\xBC\xC3\x9F"
                                 "e, \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80 #" +
                                 std::to_string(i); // "Grüße, 東京 😀 #i"
        const std::string v = l.divZero ? "0" : std::to_string(1 + i % 7);
        if (csv)
            l.bytes = std::to_string(i) + ",\"" + name + "\"," + v + "," + formatTimestamp(ts);
        else
            l.bytes = "{\"id\": " + std::to_string(i) + ", \"name\": \"" + name +
                      "\", \"v\": " + v + ", \"ts\": \"" + formatTimestamp(ts) + "\"}";
        l.terminator = i == n - 1 ? "" : i % 3 == 0 ? "\r\n" : "\n";
        out.push_back(std::move(l));
    }
    return out;
}

PipelineSpec rawBytesPipeline(const std::string& path, bool csv, bool connectErrors)
{
    json schema = json::array({{{"name", "id"}, {"type", "BIGINT"}},
                               {{"name", "name"}, {"type", "STRING"}},
                               {{"name", "v"}, {"type", "BIGINT"}},
                               {{"name", "ts"}, {"type", "TIMESTAMP(3)"}}});
    json cols = json::array({{{"name", "id"}, {"expr", "id"}},
                             {{"name", "q"}, {"expr", "100 / v"}},
                             {{"name", "ts"}, {"expr", "ts"}}});
    json aggs = json::array({{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}}});
    PipelineSpec p;
    p.nodes = {pnode("src", "file-source",
                     {{"path", path},
                      {"format", csv ? "csv" : "jsonl"},
                      {"schema", schema},
                      {"timestamp_column", "ts"},
                      {"max_out_of_orderness", "1 s"}}),
               pnode("m", "map", {{"columns", cols}}),
               pnode("w", "tumbling-window", {{"size", "1 s"}, {"aggregates", aggs}}),
               pnode("out", "file-sink", {{"path", "out.jsonl"}, {"format", "jsonl"}})};
    p.edges = {pedge("src", "out", "m"), pedge("m", "out", "w"), pedge("w", "out", "out")};
    if (connectErrors) {
        p.nodes.push_back(pnode("dead", "dlq", {{"target", "sqlite"}, {"path", "dlq.sqlite"}}));
        p.nodes.push_back(pnode("dead2", "dlq", {{"target", "jsonl"}, {"path", "dlq.jsonl"}}));
        for (const char* from : {"m", "w"}) {
            p.edges.push_back(pedge(from, "errors", "dead"));
            p.edges.push_back(pedge(from, "errors", "dead2"));
        }
    }
    return p;
}

/// A sink that counts the records it receives and how many of them carry raw bytes.
class RawProbe final : public Operator {
public:
    explicit RawProbe(std::shared_ptr<std::pair<std::atomic<int>, std::atomic<int>>> c)
        : m_c(std::move(c))
    {
    }
    void processRecord(int, Record& r, Collector&) override
    {
        m_c->first.fetch_add(1);
        if (r.provenance.raw) m_c->second.fetch_add(1);
    }

private:
    std::shared_ptr<std::pair<std::atomic<int>, std::atomic<int>>> m_c;
};

} // namespace

void TstPoison::laterErrorsKeepTheOriginalLineBytes_data()
{
    QTest::addColumn<bool>("csv");
    QTest::newRow("jsonl") << false;
    QTest::newRow("csv") << true;
}

void TstPoison::laterErrorsKeepTheOriginalLineBytes()
{
    // Records that parse and fail later (a map expression, a window's lateness) reach the SQLite
    // and JSONL DLQs with the exact bytes of their line: non-ASCII, CSV quoting, a line that
    // ended in CRLF (the terminator is not part of the bytes, as for parse failures).
    QFETCH(bool, csv);
    constexpr int n = 2000;
    QTemporaryDir dir;
    const std::string path = dir.filePath(csv ? "in.csv" : "in.jsonl").toStdString();
    const std::vector<RawLine> lines = rawLines(csv, n);
    {
        std::ofstream f(path, std::ios::binary);
        if (csv) f << "id,name,v,ts\r\n";
        for (const RawLine& l : lines)
            f << l.bytes << l.terminator;
    }
    const int firstLine = csv ? 2 : 1; // the header is line 1
    EngineOptions o;
    o.watermarkIntervalMs = 0;
    QString errors = QString::fromStdString(
        runPipeline(rawBytesPipeline(path, csv, true), dir.path().toStdString(), o));
    QVERIFY2(errors.isEmpty(), qPrintable(errors));

    int divZero = 0, late = 0;
    for (const RawLine& l : lines) {
        divZero += l.divZero;
        late += l.late && !l.divZero;
    }
    QVERIFY(divZero > 50 && late > 10);
    for (const char* target : {"sqlite", "jsonl"}) {
        auto dead = readDeadLetters(target, dir.filePath(QString("dlq.") + target).toStdString());
        QVERIFY2(dead, target);
        QCOMPARE(int(dead->size()), divZero + late);
        int expr = 0, lateSeen = 0;
        for (const DeadLetter& d : *dead) {
            QVERIFY(d.sourceLine);
            const auto i = static_cast<std::size_t>(*d.sourceLine - firstLine);
            QVERIFY(i < lines.size());
            QCOMPARE(d.errorClass, std::string(lines[i].divZero ? "expression" : "late"));
            expr += d.errorClass == "expression";
            lateSeen += d.errorClass == "late";
            QVERIFY2(d.rawValue, target);
            QVERIFY2(*d.rawValue == lines[i].bytes, d.rawValue->c_str()); // byte-identical
            QVERIFY(!d.rawKey);
            QVERIFY(d.rawHeaders.empty() && !d.rawTimestamp);
        }
        QCOMPARE(expr, divZero);
        QCOMPARE(lateSeen, late);
    }
}

void TstPoison::rawBytesOnlyWhenAnErrorsPortDownstreamIsConnected()
{
    // The plan decides per source: raw bytes only when a node reachable downstream has its
    // errors output connected (the source's own errors carry bytes anyway).
    QTemporaryDir dir;
    const std::string path = dir.filePath("in.jsonl").toStdString();
    {
        std::ofstream f(path, std::ios::binary);
        for (const RawLine& l : rawLines(false, 200))
            f << l.bytes << "\n";
    }
    PipelineSpec none = rawBytesPipeline(path, false, false);
    PipelineSpec withDlq = rawBytesPipeline(path, false, true);
    PipelineSpec sourceOnly = none;
    sourceOnly.nodes.push_back(pnode("dead", "dlq", {{"target", "sqlite"}, {"path", "d.sqlite"}}));
    sourceOnly.edges.push_back(pedge("src", "errors", "dead"));
    auto keeps = [](const PipelineSpec& p) {
        auto plan = compilePlan(p);
        if (!plan) qFatal("%s", plan.error().message.c_str());
        return plan->nodes[static_cast<std::size_t>(plan->indexOf("src"))].keepRawBytes;
    };
    QVERIFY(!keeps(none));
    QVERIFY(!keeps(sourceOnly));
    QVERIFY(keeps(withDlq));

    // And the records that reach the sink hold no bytes unless they are needed.
    for (const PipelineSpec* p : {&none, &withDlq}) {
        auto counts = std::make_shared<std::pair<std::atomic<int>, std::atomic<int>>>();
        EngineOptions o;
        o.operatorOverrides["m"] = [counts](const OperatorSpec&) {
            return makeOperator<RawProbe>(counts);
        };
        // The probe replaces the map's operator; the plan (and its errors edges) stays.
        QString errors = QString::fromStdString(runPipeline(*p, dir.path().toStdString(), o));
        QVERIFY2(errors.isEmpty(), qPrintable(errors));
        QCOMPARE(counts->first.load(), 200);
        QCOMPARE(counts->second.load(), p == &none ? 0 : 200);
    }
}

QTEST_GUILESS_MAIN(TstPoison)
#include "tst_poison.moc"
