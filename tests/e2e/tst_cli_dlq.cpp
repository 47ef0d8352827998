// streamwright-run dlq replay: the dead letters a run stored are fed back, after the pipeline was
// fixed, at the node that failed them; sources read nothing new; what still fails is reported.
#include <QtTest>

#include "CliProcess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace {

int runCli(const QStringList& args, QString* out = nullptr)
{
    return runCliProcess(args, out);
}

/// id -> unit of every line of a JSONL output file.
QMap<qint64, qint64> units(const QString& path)
{
    QMap<qint64, qint64> m;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return m;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.trimmed().isEmpty()) continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        m[o["id"].toInteger()] = o["unit"].toInteger();
    }
    return m;
}

/// The pipeline: input.jsonl -> map (unit = `expr`) -> `out`; both errors ports -> dlq.jsonl.
QString writePipeline(const QTemporaryDir& dir, const QString& name, const QString& expr,
                      const QString& out)
{
    const QString text =
        QString(R"({"format": "streamwright.pipeline/1", "pipeline": {"name": "units"},
  "nodes": [
    {"id": "src", "type": "file-source", "properties": {"path": "%1", "format": "jsonl",
      "watermark": "processing-time",
      "schema": [{"name": "id", "type": "BIGINT"}, {"name": "price", "type": "BIGINT"},
                 {"name": "qty", "type": "BIGINT"}]}},
    {"id": "unit", "type": "map", "properties": {"columns": [
      {"name": "id", "expr": "id"}, {"name": "unit", "expr": "%2"}]}},
    {"id": "out", "type": "file-sink", "properties": {"path": "%3", "format": "jsonl"}},
    {"id": "dead", "type": "dlq", "properties": {"target": "jsonl", "path": "%4"}}
  ],
  "edges": [
    {"from": {"node": "src", "port": "out"}, "to": {"node": "unit", "port": "in"}},
    {"from": {"node": "unit", "port": "out"}, "to": {"node": "out", "port": "in"}},
    {"from": {"node": "src", "port": "errors"}, "to": {"node": "dead", "port": "in"}},
    {"from": {"node": "unit", "port": "errors"}, "to": {"node": "dead", "port": "in"}}
  ]})")
            .arg(dir.filePath("input.jsonl"), expr, dir.filePath(out), dir.filePath("dlq.jsonl"));
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(text.toUtf8());
    return path;
}

} // namespace

class TstCliDlq : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void replayFeedsFixedPipelineOnlyTheDeadLetters();
    void usageErrors();
};

void TstCliDlq::replayFeedsFixedPipelineOnlyTheDeadLetters()
{
    QTemporaryDir dir;
    QFile in(dir.filePath("input.jsonl"));
    QVERIFY(in.open(QIODevice::WriteOnly));
    // ids 3 and 6 divide by zero (expression errors), line 8 is not JSON (a parse error).
    in.write("{\"id\": 1, \"price\": 10, \"qty\": 2}\n{\"id\": 2, \"price\": 9, \"qty\": 3}\n"
             "{\"id\": 3, \"price\": 7, \"qty\": 0}\n{\"id\": 4, \"price\": 8, \"qty\": 4}\n"
             "{\"id\": 5, \"price\": 5, \"qty\": 5}\n{\"id\": 6, \"price\": 6, \"qty\": 0}\n"
             "{\"id\": 7, \"price\": 14, \"qty\": 7}\n{\"id\": 8, \"price\": \n");
    in.close();
    const QString v1 = writePipeline(dir, "v1.pipeline.json", "price / qty", "out1.jsonl");
    QString out;
    QCOMPARE(runCli({"run", v1, "--data-dir", dir.path(), "--quiet"}, &out), 0);
    const auto first = units(dir.filePath("out1.jsonl"));
    QCOMPARE(first.size(), 5);
    QVERIFY(!first.contains(3) && !first.contains(6));

    // The fix: zero quantities get unit -1. Only the dead letters flow into the fixed pipeline
    // (its source is not read again: out2 holds exactly the two replayed records).
    const QString v2 = writePipeline(
        dir, "v2.pipeline.json", "CASE WHEN qty = 0 THEN -1 ELSE price / qty END", "out2.jsonl");
    QCOMPARE(runCli({"dlq", "replay", v2, "--data-dir", dir.path(), "--dry-run"}, &out), 1);
    QVERIFY2(out.contains("would replay 2 into unit"), qPrintable(out));
    QVERIFY2(out.contains("still does not parse"), qPrintable(out)); // the line that is not JSON
    QVERIFY(!QFile::exists(dir.filePath("out2.jsonl")));

    QCOMPARE(runCli({"dlq", "replay", v2, "--data-dir", dir.path(), "--class", "expression"}, &out),
             0);
    QVERIFY2(out.contains("2 of 2 dead letters replayed"), qPrintable(out));
    const auto replayed = units(dir.filePath("out2.jsonl"));
    QCOMPARE(replayed, (QMap<qint64, qint64>{{3, -1}, {6, -1}}));

    // Without the filter the parse error is selected too: it still does not parse (exit 1).
    QCOMPARE(runCli({"dlq", "replay", v2, "--data-dir", dir.path(), "--node", "src"}, &out), 1);
    QVERIFY2(out.contains("0 of 1 dead letters replayed (1 could not be prepared)"),
             qPrintable(out));
}

void TstCliDlq::usageErrors()
{
    QTemporaryDir dir;
    QString out;
    QCOMPARE(runCli({"dlq", "--help"}, &out), 0);
    QVERIFY(out.contains("dlq replay FILE"));
    QCOMPARE(runCli({"dlq", "purge", "x.pipeline.json"}, &out), 2);
    QVERIFY(out.contains("unknown subcommand 'purge'"));
    QCOMPARE(runCli({"dlq", "replay", "x.pipeline.json", "--limit", "0"}, &out), 2);
    QVERIFY(out.contains("--limit needs a positive integer"));
    // A pipeline without a dlq node.
    const QString p = dir.filePath("nodlq.pipeline.json");
    QFile f(p);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "streamwright.pipeline/1", "pipeline": {"name": "n"},
  "nodes": [{"id": "g", "type": "generator", "properties": {"kind": "orders"}},
            {"id": "c", "type": "console-sink"}],
  "edges": [{"from": {"node": "g", "port": "out"}, "to": {"node": "c", "port": "in"}}]})");
    f.close();
    QCOMPARE(runCli({"dlq", "replay", p, "--data-dir", dir.path()}, &out), 2);
    QVERIFY2(out.contains("the pipeline has no dlq node"), qPrintable(out));
}

QTEST_GUILESS_MAIN(TstCliDlq)
#include "tst_cli_dlq.moc"
