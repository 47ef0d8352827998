// streamwright-run resumes from the latest completed checkpoint of its data directory: a run
// killed with SIGKILL after some checkpoints, then a second run of the same file, together give
// exactly the results of the input (SQLite oracle over the upserted raw orders: no loss, no
// duplicates); --from-checkpoint with an unknown id and a changed pipeline are refused with clear
// messages; --from-scratch discards the checkpoints.
#include <QtTest>

#include "CliProcess.h"

#include <sqlite3.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

namespace {
constexpr int kTotal = 40000;

QString pipelineJson(const QString& windowSize)
{
    return QString(R"({
  "format": "streamwright.pipeline/1",
  "pipeline": {"name": "resume", "parallelism": 2, "checkpoint_interval": "100 ms"},
  "nodes": [
    {"id": "gen", "type": "generator", "properties": {"kind": "orders", "seed": 3,
      "total_events": %1, "events_per_second": 10000, "key_cardinality": 30,
      "out_of_orderness": "40 ms", "max_out_of_orderness": "50 ms"}},
    {"id": "w", "type": "tumbling-window", "properties": {"size": "%2", "keys": ["customer_id"],
      "aggregates": [{"function": "COUNT", "column": "*", "as": "cnt"},
                     {"function": "SUM", "column": "amount", "as": "total"}]}},
    {"id": "out", "type": "sqlite-sink", "properties": {"path": "out.sqlite", "table": "windows",
      "key_fields": ["window_start", "customer_id"]}},
    {"id": "raw", "type": "sqlite-sink", "properties": {"path": "raw.sqlite", "table": "raw",
      "key_fields": ["order_id"]}}
  ],
  "edges": [
    {"from": {"node": "gen", "port": "out"}, "to": {"node": "w", "port": "in"}},
    {"from": {"node": "w", "port": "out"}, "to": {"node": "out", "port": "in"}},
    {"from": {"node": "gen", "port": "out"}, "to": {"node": "raw", "port": "in"}}
  ]
})")
        .arg(kTotal)
        .arg(windowSize);
}

int completedCheckpoints(const QString& dir)
{
    auto r = sqliteRows(dir + "/checkpoints.sqlite", "SELECT COUNT(*) FROM checkpoint_completed");
    return r.empty() ? 0 : std::stoi(r[0][0]);
}

int run(const QStringList& args, QString* out)
{
    return runCliProcess(QStringList{"run"} + args, out, 180000);
}
} // namespace

class TstCliResume : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killedRunResumesExactly();
};

void TstCliResume::killedRunResumesExactly()
{
    QTemporaryDir dir;
    const QString file = dir.path() + "/resume.pipeline.json";
    const QString data = dir.path() + "/data";
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pipelineJson("100 ms").toUtf8());
    }
    // Run 1: SIGKILL once 3 checkpoints are stored (about 1 s of its 4 s of input).
    QProcess first;
    first.setProcessChannelMode(QProcess::MergedChannels);
    first.start(QStringLiteral(SW_CLI_PATH), {"run", file, "--data-dir", data, "--quiet"});
    QVERIFY(first.waitForStarted());
    QElapsedTimer t;
    t.start();
    while (completedCheckpoints(data) < 3 && first.state() == QProcess::Running &&
           t.elapsed() < 60000)
        first.waitForFinished(20);
    QVERIFY2(first.state() == QProcess::Running, "killed before the input ended");
    QVERIFY(completedCheckpoints(data) >= 3);
    first.kill(); // SIGKILL
    first.waitForFinished();
    auto latest = sqliteRows(data + "/checkpoints.sqlite",
                             "SELECT MAX(checkpoint) FROM checkpoint_completed");
    QVERIFY(!latest.empty());

    // A changed window refuses to restore, naming the node and the change; an unknown id too.
    QString out;
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(pipelineJson("200 ms").toUtf8());
    }
    QCOMPARE(run({file, "--data-dir", data, "--quiet"}, &out), 2);
    QVERIFY2(out.contains("node 'w' cannot restore its state") && out.contains("property 'size'"),
             qPrintable(out));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(pipelineJson("100 ms").toUtf8());
    }
    QCOMPARE(run({file, "--data-dir", data, "--from-checkpoint", "99999", "--quiet"}, &out), 2);
    QVERIFY2(out.contains("checkpoint 99999 is not a completed checkpoint"), qPrintable(out));

    // Run 2 resumes from the latest checkpoint and runs to the end.
    QCOMPARE(run({file, "--data-dir", data, "--quiet"}, &out), 0);
    QVERIFY2(out.contains(QString::fromStdString("resumed from checkpoint " + latest[0][0])),
             qPrintable(out));
    const QString db = data + "/out.sqlite", raw = data + "/raw.sqlite";
    auto count = sqliteRows(raw, "SELECT COUNT(*), COUNT(DISTINCT order_id) FROM raw");
    QCOMPARE(count[0][0], std::to_string(kTotal)); // no loss
    QCOMPARE(count[0][1], std::to_string(kTotal));
    const auto oracle =
        sqliteRows(raw, "SELECT substr(event_time, 1, 21) || '00', customer_id, COUNT(*), "
                        "CAST(ROUND(SUM(amount) * 100) AS INTEGER) FROM raw GROUP BY 1, 2 "
                        "ORDER BY 1, 2");
    const auto got =
        sqliteRows(db, "SELECT window_start, customer_id, cnt, CAST(ROUND(total * 100) AS "
                       "INTEGER) FROM windows ORDER BY 1, 2");
    QVERIFY(oracle.size() > 100);
    QCOMPARE(got.size(), oracle.size());
    QVERIFY(got == oracle);

    // --from-scratch discards the store: the run starts over (and says so).
    QCOMPARE(run({file, "--data-dir", data, "--from-scratch", "--quiet"}, &out), 0);
    QVERIFY2(out.contains("starting from scratch"), qPrintable(out));
}

QTEST_GUILESS_MAIN(TstCliResume)
#include "tst_cli_resume.moc"
