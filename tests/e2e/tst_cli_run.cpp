// streamwright-run run: the shipped examples run headless with --duration/--events/Ctrl-C and
// write a --report whose metrics add up; a failing operator exits 1 and names its node.
#include <QtTest>

#include "CliProcess.h"

#include <csignal>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace {

QString src(const QString& rel)
{
    return QStringLiteral(SW_SOURCE_DIR) + "/" + rel;
}

/// Runs `streamwright-run run <args>`; returns the exit code (-1 = did not finish).
int runCli(const QStringList& args, QString* out = nullptr)
{
    return runCliProcess(QStringList{"run"} + args, out);
}

QJsonObject readReport(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

/// Every non-source node received exactly what its incoming edges carried.
QString edgesAddUp(const QJsonObject& report)
{
    QMap<QString, qint64> carried;
    for (const auto& e : report["edges"].toArray()) {
        QString to = e.toObject()["to"].toString().section('.', 0, 0);
        carried[to] += e.toObject()["records"].toInteger();
    }
    for (const auto& n : report["nodes"].toArray()) {
        QJsonObject o = n.toObject();
        QString id = o["id"].toString();
        if (!carried.contains(id)) continue; // a source
        if (carried[id] != o["records_in"].toInteger())
            return QString("%1: edges carried %2, records_in %3")
                .arg(id)
                .arg(carried[id])
                .arg(o["records_in"].toInteger());
    }
    return {};
}

} // namespace

class TstCliRun : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void examplesRunForADuration_data();
    void examplesRunForADuration();
    void eventsLimitStops();
    void interruptStopsAndTheNextRunResumes();
    void operatorFailureExitsOneAndNamesTheNode();
};

void TstCliRun::examplesRunForADuration_data()
{
    QTest::addColumn<QString>("example");
    // orders-kafka needs the embedded broker: covered by the Kafka tests.
    for (const char* e : {"orders", "clickstream-sessions", "nexmark-q5"})
        QTest::newRow(e) << QString(e);
}

void TstCliRun::examplesRunForADuration()
{
    QFETCH(QString, example);
    QTemporaryDir dir;
    const QString report = dir.filePath("report.json");
    QString out;
    int rc = runCli({src("examples/" + example + ".pipeline.json"), "--duration", "2 s",
                     "--data-dir", dir.path(), "--report", report, "--quiet"},
                    &out);
    QVERIFY2(rc == 0, qPrintable(out));
    QJsonObject r = readReport(report);
    QCOMPARE(r["state"].toString(), QString("stopped"));
    QVERIFY(r["records_from_sources"].toInteger() > 0);
    QVERIFY(r["events"].toArray().isEmpty());
    QString sum = edgesAddUp(r);
    QVERIFY2(sum.isEmpty(), qPrintable(sum));
    // The stop kept open windows in state for the next run (stop-with-savepoint): no node saw
    // the final MAX watermark, and the run says where it resumes from.
    for (const auto& n : r["nodes"].toArray())
        QVERIFY2(n.toObject()["watermark"].toString() != "end of input",
                 qPrintable(n.toObject()["id"].toString()));
    QVERIFY(out.contains("stopped after")); // the summary table
}

void TstCliRun::eventsLimitStops()
{
    QTemporaryDir dir;
    const QString report = dir.filePath("report.json");
    QString out;
    int rc = runCli({src("examples/orders.pipeline.json"), "--events", "1500", "--data-dir",
                     dir.path(), "--report", report, "--quiet"},
                    &out);
    QVERIFY2(rc == 0, qPrintable(out));
    QJsonObject r = readReport(report);
    QCOMPARE(r["state"].toString(), QString("stopped"));
    QVERIFY(r["records_from_sources"].toInteger() >= 1500);
    QString sum = edgesAddUp(r);
    QVERIFY2(sum.isEmpty(), qPrintable(sum));
}

void TstCliRun::interruptStopsAndTheNextRunResumes()
{
    // Ctrl-C is a stop with a checkpoint (Flink's stop-with-savepoint): open sessions stay in
    // state, and the next run resumes from it as if nothing had stopped - no record of the
    // resumed run is late (a drain's MAX watermark in the checkpoint made all of them late).
    QTemporaryDir dir;
    const QString report = dir.filePath("report.json");
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(SW_CLI_PATH),
            {"run", src("examples/clickstream-sessions.pipeline.json"), "--data-dir", dir.path(),
             "--report", report, "--quiet", "--metrics-port", "0"});
    QVERIFY(p.waitForStarted());
    // Running, and clicks have reached the sessions window (its metrics say so).
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += p.readAll()).contains("Metrics: http"), 60000);
    const QString url =
        QRegularExpression("Metrics: (\\S+)").match(QString::fromUtf8(out)).captured(1);
    QTRY_VERIFY_WITH_TIMEOUT(
        promSample(httpGet(url), "streamwright_node_records_in_total", "sessions") > 0, 60000);
    QElapsedTimer t;
    t.start();
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(60000));
    qInfo("Ctrl-C to exit: %lld ms", static_cast<long long>(t.elapsed()));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 0, p.readAll().constData());
    QJsonObject r = readReport(report);
    QCOMPARE(r["state"].toString(), QString("stopped"));
    QFile sessions(dir.filePath("sessions.jsonl"));
    QVERIFY(sessions.open(QIODevice::ReadOnly));
    QCOMPARE(sessions.readAll().count('\n'), r["records_to_sinks"].toInteger());
    sessions.close();

    // The next run resumes from the stop's checkpoint; its clicks are not late.
    const QString report2 = dir.filePath("report2.json");
    QString out2;
    const int rc =
        runCliProcess({"run", src("examples/clickstream-sessions.pipeline.json"), "--data-dir",
                       dir.path(), "--report", report2, "--quiet", "--duration", "3 s"},
                      &out2);
    QVERIFY2(rc == 0, qPrintable(out2));
    QVERIFY2(out2.contains("resumed from checkpoint"), qPrintable(out2));
    QJsonObject r2 = readReport(report2);
    bool seen = false;
    for (const QJsonValue& n : r2["nodes"].toArray()) {
        if (n["id"].toString() != "sessions") continue;
        seen = true;
        QVERIFY(n["records_in"].toInteger() > 0);
        QCOMPARE(n["late"].toInteger(), 0);
    }
    QVERIFY(seen);
}

void TstCliRun::operatorFailureExitsOneAndNamesTheNode()
{
    QTemporaryDir dir;
    // The sink's directory cannot be created (a file is in the way): it fails to open.
    QFile blocker(dir.filePath("blocker"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString pipeline = dir.filePath("fail.pipeline.json");
    QFile f(pipeline);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "streamwright.pipeline/1", "pipeline": {"name": "fails"},
  "nodes": [
    {"id": "gen", "type": "generator", "properties": {"kind": "orders", "events_per_second": 1000}},
    {"id": "out", "type": "file-sink", "properties": {"path": "blocker/sub/out.jsonl", "format": "jsonl"}}
  ],
  "edges": [{"from": {"node": "gen", "port": "out"}, "to": {"node": "out", "port": "in"}}]})");
    f.close();
    const QString report = dir.filePath("report.json");
    QString out;
    int rc = runCli({pipeline, "--data-dir", dir.path(), "--report", report, "--quiet"}, &out);
    QCOMPARE(rc, 1);
    QJsonObject r = readReport(report);
    QCOMPARE(r["state"].toString(), QString("failed"));
    bool named = false;
    for (const auto& e : r["events"].toArray())
        if (e.toObject()["kind"].toString() == "error" && e.toObject()["node"].toString() == "out")
            named = true;
    QVERIFY2(named, qPrintable(out));
    QVERIFY(out.contains("error [out]"));
}

QTEST_GUILESS_MAIN(TstCliRun)
#include "tst_cli_run.moc"
