// streamwright-run with an exactly-once lake sink (Avro parts in hourly partitions, parallelism
// 2, 8 KiB parts so they roll between checkpoints too; 30,000 orders over 10 s), SIGKILLed at 8
// points chosen by a seeded RNG on what the run is observed to have done (checkpoints completed,
// pending parts seen: never on sleeps) and restarted after each kill. Between kills the independent
// reader (python3-avro, tests/tools/lake/read_lake.py) lists the lake as Hive or Spark would: every
// visible file reads whole, no order is visible twice, nothing a reader saw is taken back, every
// row is in the partition of its event time. At the end every order is there exactly once.
#include <QtTest>

#include "CliProcess.h"
#include "LakeReader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <random>
#include <set>

namespace {
constexpr int kTotal = 30000;
constexpr int kKills = 8;

const char* const kPipeline = R"({
  "format": "streamwright.pipeline/1",
  "pipeline": {"name": "lake-kills", "delivery": "exactly-once", "parallelism": 2,
               "checkpoint_interval": "100 ms"},
  "nodes": [
    {"id": "gen", "type": "generator", "properties": {"kind": "orders", "seed": 6,
      "total_events": 30000, "events_per_second": 3000, "start_time": "2026-12-07 13:59:57"}},
    {"id": "lake", "type": "lake-sink", "properties": {"path": "lake", "roll_size": 8192}}
  ],
  "edges": [{"from": {"node": "gen", "port": "out"}, "to": {"node": "lake", "port": "in"}}]
})";

std::int64_t scalar(const QString& path, const std::string& sql)
{
    auto r = sqliteRows(path, sql);
    return r.empty() || r[0].empty() || r[0][0] == "NULL" ? 0 : std::stoll(r[0][0]);
}

int pendingParts(const QString& root)
{
    int n = 0;
    QDirIterator it(root, {"*.pending"}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

/// What a reader sees: the order ids of every visible file (the reader fails on a file that
/// does not read whole); fails the test on a row outside its partition.
std::multiset<long long> visibleIds(const QString& root, bool* ok)
{
    std::multiset<long long> ids;
    const auto r = sw::test::readLake(root.toStdString(), {}, "event_time", "dt=%Y-%m-%d/hr=%H");
    *ok = r.ok;
    if (!r.ok) qWarning("reader: %s", r.error.c_str());
    for (const auto& x : r.rows) {
        if (x.dir != x.expectedDir) {
            qWarning("row in %s, expected %s", x.dir.c_str(), x.expectedDir.c_str());
            *ok = false;
        }
        ids.insert(x.row["order_id"].get<long long>());
    }
    return ids;
}
} // namespace

class TstCliLake : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killedEightTimesArchivesExactlyOnce();
};

void TstCliLake::killedEightTimesArchivesExactlyOnce()
{
    QTemporaryDir dir;
    const QString file = dir.path() + "/lake.pipeline.json";
    const QString data = dir.path() + "/data";
    const QString store = data + "/checkpoints.sqlite", lake = data + "/lake";
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kPipeline);
    }
    std::mt19937 rng(20261208);
    int kills = 0, onCheckpoints = 0, onPending = 0;
    std::set<long long> seen;
    while (kills < kKills) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(SW_CLI_PATH), {"run", file, "--data-dir", data, "--quiet"});
        QVERIFY(p.waitForStarted());
        // Kill point: 1..3 more completed checkpoints, or 1..2 times a new set of pending parts
        // (a barrier passed the sink, its checkpoint not yet committed).
        const bool onCp = rng() % 2 == 0;
        const std::int64_t target =
            onCp ? scalar(store, "SELECT MAX(checkpoint) FROM checkpoint_completed") + 1 + rng() % 3
                 : 1 + rng() % 2;
        bool reached = false;
        int pendingSeen = 0, lastPending = 0;
        while (p.state() == QProcess::Running && !reached) {
            p.waitForFinished(2);
            if (onCp) {
                reached =
                    scalar(store, "SELECT MAX(checkpoint) FROM checkpoint_completed") >= target;
            } else {
                const int pending = pendingParts(lake);
                if (pending > 0 && pending != lastPending) ++pendingSeen;
                lastPending = pending;
                reached = pendingSeen >= target;
            }
        }
        if (p.state() != QProcess::Running) {
            QVERIFY2(p.exitCode() == 0, p.readAll().constData());
            break;
        }
        auto read = [&] {
            bool ok = true;
            const auto ids = visibleIds(lake, &ok);
            QVERIFY(ok);
            QVERIFY2(std::set<long long>(ids.begin(), ids.end()).size() == ids.size(),
                     "an order is visible in two part files");
            QVERIFY2(std::includes(ids.begin(), ids.end(), seen.begin(), seen.end()),
                     "an order a reader saw is no longer visible");
            seen = std::set<long long>(ids.begin(), ids.end());
        };
        read();
        if (QTest::currentTestFailed()) return;
        p.kill(); // SIGKILL
        p.waitForFinished();
        ++kills;
        ++(onCp ? onCheckpoints : onPending);
        read();
        if (QTest::currentTestFailed()) return;
    }
    QVERIFY2(kills >= 6, qPrintable(QString("only %1 kills before the input ended").arg(kills)));
    qInfo("kills: %d (%d on checkpoints, %d on pending parts); orders visible at the last: %zu",
          kills, onCheckpoints, onPending, seen.size());
    QString out;
    QCOMPARE(runCliProcess({"run", file, "--data-dir", data, "--quiet"}, &out, 180000), 0);
    QVERIFY2(out.contains("resumed from checkpoint"), qPrintable(out));
    bool ok = true;
    const auto ids = visibleIds(lake, &ok);
    QVERIFY(ok);
    QCOMPARE(ids.size(), std::size_t(kTotal));
    QCOMPARE(std::set<long long>(ids.begin(), ids.end()).size(), std::size_t(kTotal));
    QCOMPARE(*ids.rbegin() - *ids.begin() + 1, static_cast<long long>(kTotal)); // no gap
    QCOMPARE(sw::test::hiddenLakeFiles(lake.toStdString()), std::size_t(0));
    QVERIFY(QDir(lake + "/dt=2026-12-07/hr=13").exists() &&
            QDir(lake + "/dt=2026-12-07/hr=14").exists());
}

QTEST_GUILESS_MAIN(TstCliLake)
#include "tst_cli_lake.moc"
