// streamwright-run reading a Kafka topic and writing it, exactly once, to a transactional
// kafka-sink, a SQLite sink and a file sink, killed with SIGKILL at least 10 times at points
// chosen by a seeded RNG on what the run is observed to have done (checkpoints completed, rows
// committed, Kafka transactions committed: never on sleeps), and restarted after each kill.
// The broker is `streamwright-run broker` in its own process (it outlives the kills); the input
// is written while the runs go on by Debian's Python client, and the output topic is read back
// by it too. At the end: the SQLite table and the visible part files hold every input record
// exactly once, and the Kafka transactions the sinks committed (their commit journals) hold
// every record exactly once, each transaction as many records as the journal says.
//
// What this cannot show on the embedded broker (it does not enforce read_committed): that a
// read_committed consumer sees only those transactions. The journal is what the sinks claim,
// and a crash between a commit and its journal line would show here as a transaction outside
// the committed set whose records another committed transaction repeats (not counted twice).
#include <QtTest>

#include "../e2e/CliProcess.h"
#include "KafkaPythonReader.h"
#include "connectors/kafka/CommitJournal.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <csignal>
#include <map>
#include <random>
#include <set>

using namespace sw::test;
using sw::runtime::kafka::CommitJournal;

namespace {
constexpr int kTotal = 24000;
constexpr int kKills = 10;

QString pipeline(const QString& bootstrap)
{
    return QString(R"({
  "format": "streamwright.pipeline/1",
  "pipeline": {"name": "eo-kills", "delivery": "exactly-once", "parallelism": 2,
               "checkpoint_interval": "100 ms"},
  "nodes": [
    {"id": "in", "type": "kafka-source", "properties": {"topic": "eo.kills.in",
      "bootstrap_servers": "%1", "group_id": "eo-kills", "start_from": "earliest",
      "format": "json", "watermark": "processing-time",
      "schema": [{"name": "id", "type": "BIGINT"}, {"name": "customer_id", "type": "BIGINT"},
                 {"name": "amount", "type": "DOUBLE"}]}},
    {"id": "out", "type": "kafka-sink", "properties": {"topic": "eo.kills.out",
      "bootstrap_servers": "%1", "partitions": 2, "key_fields": ["id"]}},
    {"id": "raw", "type": "sqlite-sink", "properties": {"path": "raw.sqlite", "table": "raw"}},
    {"id": "files", "type": "file-sink", "properties": {"path": "files", "format": "jsonl"}}
  ],
  "edges": [
    {"from": {"node": "in", "port": "out"}, "to": {"node": "out", "port": "in"}},
    {"from": {"node": "in", "port": "out"}, "to": {"node": "raw", "port": "in"}},
    {"from": {"node": "in", "port": "out"}, "to": {"node": "files", "port": "in"}}
  ]
})")
        .arg(bootstrap);
}

/// Writes kTotal JSON records (key = id) to eo.kills.in at about `rate` per second with the
/// Python client, then exits 0.
const char* const kProducer = R"(import sys, json, time
from confluent_kafka import Producer
bs, total, rate = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
p = Producer({'bootstrap.servers': bs, 'linger.ms': 5})
start = time.time()
for i in range(total):
    p.produce('eo.kills.in', key=str(i), value=json.dumps(
        {'id': i, 'customer_id': i % 40, 'amount': (i % 1000) / 10.0}))
    if i % 200 == 199:
        p.poll(0)
        ahead = (i + 1) / rate - (time.time() - start)
        if ahead > 0:
            time.sleep(ahead)
if p.flush(30) != 0:
    sys.exit('records not delivered')
print('produced', total)
)";

std::int64_t scalar(const QString& path, const std::string& sql)
{
    auto r = sqliteRows(path, sql);
    return r.empty() || r[0].empty() || r[0][0] == "NULL" ? 0 : std::stoll(r[0][0]);
}

/// Every committed transaction of the kafka-sink's subtasks, per its commit journal.
std::map<std::string, CommitJournal::Entry> journaled(const QString& data)
{
    std::map<std::string, CommitJournal::Entry> out;
    for (int s = 0; s < 2; ++s) {
        const CommitJournal j(
            CommitJournal::pathFor(data.toStdString(), "eo-kills-out-" + std::to_string(s)));
        for (const auto& e : j.read())
            out[e.txn] = e;
    }
    return out;
}

/// The ids in the visible (finished) part files; false on a partial line or a bad record.
bool visibleIds(const QString& dir, std::multiset<long long>& ids)
{
    ids.clear();
    for (const QString& name : QDir(dir).entryList(QDir::Files)) { // hidden names not listed
        QFile f(dir + "/" + name);
        if (!f.open(QIODevice::ReadOnly)) continue; // renamed away between list and open
        const QByteArray all = f.readAll();
        if (!all.isEmpty() && !all.endsWith('\n')) return false;
        for (const QByteArray& line : all.split('\n')) {
            if (line.isEmpty()) continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (!o.contains("id")) return false;
            ids.insert(o["id"].toInteger());
        }
    }
    return true;
}
} // namespace

class TstKafkaKills : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killedTenTimesKafkaToKafkaSqliteAndFilesExactlyOnce();
};

void TstKafkaKills::killedTenTimesKafkaToKafkaSqliteAndFilesExactlyOnce()
{
    QTemporaryDir dir;
    const QString data = dir.path() + "/data";
    const QString store = data + "/checkpoints.sqlite", raw = data + "/raw.sqlite";

    QProcess broker;
    broker.start(QStringLiteral(SW_CLI_PATH),
                 {"broker", "--topics", "eo.kills.in:3,eo.kills.out:2"});
    QVERIFY(broker.waitForStarted());
    QString printed, bootstrap;
    const QRegularExpression re("bootstrap\\.servers=(\\S+)");
    QDeadlineTimer deadline(60000);
    while (bootstrap.isEmpty() && !deadline.hasExpired() && broker.state() == QProcess::Running) {
        broker.waitForReadyRead(1000);
        printed += QString::fromUtf8(broker.readAllStandardOutput());
        if (auto m = re.match(printed); m.hasMatch()) bootstrap = m.captured(1);
    }
    QVERIFY2(!bootstrap.isEmpty(), qPrintable(printed));
    auto stopBroker = qScopeGuard([&] {
        ::kill(static_cast<pid_t>(broker.processId()), SIGINT);
        broker.waitForFinished(30000);
    });

    const QString file = dir.path() + "/eo.pipeline.json";
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pipeline(bootstrap).toUtf8());
    }
    QFile script(dir.path() + "/produce.py");
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(kProducer);
    script.close();
    QProcess producer;
    producer.setProcessChannelMode(QProcess::MergedChannels);
    producer.start("/usr/bin/python3",
                   {script.fileName(), bootstrap, QString::number(kTotal), "2000"});
    QVERIFY(producer.waitForStarted());
    auto stopProducer = qScopeGuard([&] {
        producer.kill();
        producer.waitForFinished();
    });

    std::mt19937 rng(20261208);
    std::map<std::string, int> kinds;
    std::int64_t lastRows = 0;
    for (int kills = 0; kills < kKills; ++kills) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(SW_CLI_PATH), {"run", file, "--data-dir", data, "--quiet"});
        QVERIFY(p.waitForStarted());
        // The kill point: 1..3 more checkpoints completed (the window between a checkpoint's
        // store write and the sinks' commits); 300..2000 more rows committed; or 1..3 more
        // Kafka transactions committed.
        enum class Kill { Checkpoints, Rows, Transactions };
        const auto kind = static_cast<Kill>(rng() % 3);
        const std::int64_t target =
            kind == Kill::Checkpoints
                ? scalar(store, "SELECT MAX(checkpoint) FROM checkpoint_completed") + 1 + rng() % 3
            : kind == Kill::Rows
                ? lastRows + 300 + rng() % 1701
                : static_cast<std::int64_t>(journaled(data).size()) + 1 + rng() % 3;
        bool reached = false;
        while (p.state() == QProcess::Running && !reached) {
            p.waitForFinished(2);
            switch (kind) {
            case Kill::Checkpoints:
                reached =
                    scalar(store, "SELECT MAX(checkpoint) FROM checkpoint_completed") >= target;
                break;
            case Kill::Rows: // input may have ended: then a checkpoint is the kill point
                reached = scalar(raw, "SELECT COUNT(*) FROM raw") >=
                          std::min<std::int64_t>(target, kTotal);
                break;
            case Kill::Transactions:
                reached = static_cast<std::int64_t>(journaled(data).size()) >= target;
                break;
            }
        }
        QVERIFY2(p.state() == QProcess::Running, p.readAll().constData());
        p.kill(); // SIGKILL
        p.waitForFinished();
        ++kinds[kind == Kill::Checkpoints ? "checkpoints"
                : kind == Kill::Rows      ? "rows"
                                          : "transactions"];
        const auto counts = sqliteRows(raw, "SELECT COUNT(*), COUNT(DISTINCT id) FROM raw");
        if (!counts.empty()) {
            QCOMPARE(counts[0][1], counts[0][0]); // no row twice, ever
            QVERIFY(std::stoll(counts[0][0]) >= lastRows);
            lastRows = std::stoll(counts[0][0]);
        }
        std::multiset<long long> ids;
        QVERIFY2(visibleIds(data + "/files", ids), "a partial or bad part file is visible");
        QCOMPARE(std::set<long long>(ids.begin(), ids.end()).size(), ids.size());
    }
    qInfo("kills: %d (%d on checkpoints, %d on committed rows, %d on Kafka commits), rows "
          "committed at the last kill: %lld",
          kKills, kinds["checkpoints"], kinds["rows"], kinds["transactions"],
          static_cast<long long>(lastRows));

    // The producer finishes; the last run reads to the end of the topic and is stopped with
    // Ctrl-C (a stop takes a final checkpoint and commits everything before it).
    QVERIFY(producer.waitForFinished(180000));
    QVERIFY2(producer.exitCode() == 0, producer.readAll().constData());
    QProcess last;
    last.setProcessChannelMode(QProcess::MergedChannels);
    last.start(QStringLiteral(SW_CLI_PATH), {"run", file, "--data-dir", data, "--quiet"});
    QVERIFY(last.waitForStarted());
    QDeadlineTimer done(180000);
    while (scalar(raw, "SELECT COUNT(*) FROM raw") < kTotal && !done.hasExpired() &&
           last.state() == QProcess::Running)
        last.waitForFinished(20);
    QCOMPARE(scalar(raw, "SELECT COUNT(*) FROM raw"), std::int64_t(kTotal));
    ::kill(static_cast<pid_t>(last.processId()), SIGINT);
    QVERIFY(last.waitForFinished(60000));
    const QByteArray lastOut = last.readAll();
    QVERIFY2(last.exitStatus() == QProcess::NormalExit && last.exitCode() == 0,
             lastOut.constData());
    QVERIFY2(lastOut.contains("resumed from checkpoint"), lastOut.constData());
    QVERIFY2(!lastOut.contains("may not have been committed"), lastOut.constData());

    const auto counts = sqliteRows(raw, "SELECT COUNT(*), COUNT(DISTINCT id), MIN(id), MAX(id) "
                                        "FROM raw");
    QCOMPARE(counts[0][0], std::to_string(kTotal));
    QCOMPARE(counts[0][1], std::to_string(kTotal));
    QCOMPARE(counts[0][2], std::string("0"));
    QCOMPARE(counts[0][3], std::to_string(kTotal - 1));
    std::multiset<long long> ids;
    QVERIFY(visibleIds(data + "/files", ids));
    QCOMPARE(ids.size(), std::size_t(kTotal));
    QCOMPARE(std::set<long long>(ids.begin(), ids.end()).size(), std::size_t(kTotal));

    // Kafka: group the output by transaction; the journaled ones hold every id exactly once.
    const auto committed = journaled(data);
    QString err;
    const auto rows = pythonRead(bootstrap.toStdString(), "eo.kills.out", 2, &err);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    std::map<std::string, std::uint64_t> perTxn;
    std::map<std::int64_t, int> seen;
    std::size_t uncommitted = 0;
    for (const ReadBack& r : rows) {
        if (!committed.count(r.txn)) {
            ++uncommitted; // an aborted transaction's record (the mock shows them)
            continue;
        }
        ++perTxn[r.txn];
        ++seen[r.id];
    }
    for (const auto& [txn, e] : committed)
        QVERIFY2(perTxn[txn] == e.records,
                 qPrintable(QString("transaction %1 holds %2 records, its journal says %3")
                                .arg(QString::fromStdString(txn))
                                .arg(perTxn[txn])
                                .arg(e.records)));
    QCOMPARE(seen.size(), std::size_t(kTotal));
    for (const auto& [id, n] : seen)
        QVERIFY2(n == 1, qPrintable(QString("id %1 committed %2 times").arg(id).arg(n)));
    QCOMPARE(seen.begin()->first, std::int64_t(0));
    QCOMPARE(seen.rbegin()->first, std::int64_t(kTotal - 1));
    std::size_t recovered = 0;
    for (const auto& [txn, e] : committed)
        recovered += e.standsFor.empty() ? 0 : 1;
    qInfo("Kafka: %zu committed transactions (%zu committed again for an earlier one), %zu "
          "records of aborted transactions on the topic",
          committed.size(), recovered, uncommitted);
}

QTEST_GUILESS_MAIN(TstKafkaKills)
#include "tst_kafka_kills.moc"
