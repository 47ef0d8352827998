// Poison records end to end: a JSONL file with unparseable bytes, type mismatches, rows whose map
// expression fails and records too late for their window runs through file-source -> map ->
// tumbling window -> file-sink with every errors port wired to a SQLite DLQ. Each bad record
// lands in the DLQ once, byte-identical where it had bytes, with its node, class, file/line and
// record; the good records still produce the exact window results (the pipeline keeps running).
#include <QtTest>

#include <QTemporaryDir>
#include <chrono>
#include <fstream>
#include <map>

#include "PipelineRunner.h"
#include "connectors/dlq/DeadLetterStore.h"

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
            // Parsed records carry file/line (no raw bytes: sources keep those only for their
            // own errors) and the record as JSON.
            QCOMPARE(d.nodeId, std::string(d.errorClass == "expression" ? "m" : "w"));
            QVERIFY(k == (d.errorClass == "expression" ? Kind::DivZero : Kind::Late));
            QVERIFY(d.record);
            QVERIFY2(d.record->find("\"id\": " + std::to_string(i)) != std::string::npos,
                     d.record->c_str());
        }
    }
}

QTEST_GUILESS_MAIN(TstPoison)
#include "tst_poison.moc"
