// streamwright-run with exactly-once SQLite and file sinks, killed with SIGKILL at 12 points
// chosen by a seeded RNG on what the run is observed to have done (checkpoints completed, rows
// committed: never on sleeps) and restarted after each kill. Between kills a reader checks what
// is visible: every visible part file is whole, no record is visible twice (in the files or the
// SQLite table), and nothing uncommitted is visible. At the end the SQLite and file outputs hold
// every order exactly once and the windows equal a SQLite oracle over the input.
#include <QtTest>

#include "CliProcess.h"

#include <sqlite3.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <map>
#include <random>
#include <set>

namespace {
constexpr int kTotal = 60000;
constexpr int kKills = 12;

const char* const kPipeline = R"({
  "format": "streamwright.pipeline/1",
  "pipeline": {"name": "eo-kills", "delivery": "exactly-once", "parallelism": 2,
               "checkpoint_interval": "100 ms"},
  "nodes": [
    {"id": "gen", "type": "generator", "properties": {"kind": "orders", "seed": 5,
      "total_events": 60000, "events_per_second": 12000, "key_cardinality": 30,
      "out_of_orderness": "40 ms", "max_out_of_orderness": "50 ms"}},
    {"id": "w", "type": "tumbling-window", "properties": {"size": "100 ms", "keys": ["customer_id"],
      "aggregates": [{"function": "COUNT", "column": "*", "as": "cnt"},
                     {"function": "SUM", "column": "amount", "as": "total"}]}},
    {"id": "out", "type": "sqlite-sink", "properties": {"path": "out.sqlite", "table": "windows"}},
    {"id": "raw", "type": "sqlite-sink", "properties": {"path": "raw.sqlite", "table": "raw"}},
    {"id": "files", "type": "file-sink", "properties": {"path": "orders", "format": "jsonl"}}
  ],
  "edges": [
    {"from": {"node": "gen", "port": "out"}, "to": {"node": "w", "port": "in"}},
    {"from": {"node": "w", "port": "out"}, "to": {"node": "out", "port": "in"}},
    {"from": {"node": "gen", "port": "out"}, "to": {"node": "raw", "port": "in"}},
    {"from": {"node": "gen", "port": "out"}, "to": {"node": "files", "port": "in"}}
  ]
})";

std::int64_t scalar(const QString& path, const std::string& sql)
{
    auto r = sqliteRows(path, sql);
    return r.empty() || r[0].empty() || r[0][0] == "NULL" ? 0 : std::stoll(r[0][0]);
}

/// What a reader sees in the part-file directory: the order ids of every visible file, each
/// file whole (every line ends with a newline and is a JSON object with an order_id). Fails
/// the test on a partial file or an id seen twice.
std::multiset<long long> visibleFileIds(const QString& dir, bool* ok)
{
    std::multiset<long long> ids;
    *ok = true;
    const QStringList files = QDir(dir).entryList(QDir::Files); // hidden names are not listed
    for (const QString& name : files) {
        QFile f(dir + "/" + name);
        if (!f.open(QIODevice::ReadOnly)) continue; // renamed away between list and open
        const QByteArray all = f.readAll();
        if (!all.isEmpty() && !all.endsWith('\n')) {
            qWarning("partial file visible: %s", qPrintable(name));
            *ok = false;
        }
        for (const QByteArray& line : all.split('\n')) {
            if (line.isEmpty()) continue;
            const int at = line.indexOf("\"order_id\":");
            if (at < 0 || !line.endsWith('}')) {
                qWarning("bad line in %s: %s", qPrintable(name), line.constData());
                *ok = false;
                continue;
            }
            ids.insert(line.mid(at + 11).split(',')[0].trimmed().toLongLong());
        }
    }
    return ids;
}

bool noDuplicates(const std::multiset<long long>& ids)
{
    return std::set<long long>(ids.begin(), ids.end()).size() == ids.size();
}
} // namespace

class TstCliExactlyOnce : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killedTwelveTimesOutputsExactlyOnce();
    void stoppedTwiceOutputsExactlyOnce();
};

void TstCliExactlyOnce::killedTwelveTimesOutputsExactlyOnce()
{
    QTemporaryDir dir;
    const QString file = dir.path() + "/eo.pipeline.json";
    const QString data = dir.path() + "/data";
    const QString store = data + "/checkpoints.sqlite", raw = data + "/raw.sqlite";
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kPipeline);
    }
    std::mt19937 rng(20261207);
    int kills = 0;
    std::int64_t lastRows = 0;
    std::map<std::string, int> kinds;
    std::set<long long> seenIds; // visible in the part files at the last look
    while (kills < kKills) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(SW_CLI_PATH), {"run", file, "--data-dir", data, "--quiet"});
        QVERIFY(p.waitForStarted());
        // The kill point, chosen by the RNG among observed events of the run: 1..3 more
        // checkpoints completed; 500..4000 more raw rows committed; or 1..2 more times a pending
        // part file is seen (a checkpoint's barrier passed the file sink, its commit has not
        // happened yet: the crash window of the two-phase commit).
        enum class Kill { Checkpoints, Rows, Pending };
        const auto kind = static_cast<Kill>(rng() % 3);
        const std::int64_t completed =
            scalar(store, "SELECT MAX(checkpoint) FROM checkpoint_completed");
        const std::int64_t target = kind == Kill::Checkpoints ? completed + 1 + rng() % 3
                                    : kind == Kill::Rows      ? lastRows + 500 + rng() % 3501
                                                              : 1 + rng() % 2;
        bool reached = false;
        int pendingSeen = 0;
        QStringList lastPending;
        while (p.state() == QProcess::Running && !reached) {
            p.waitForFinished(2);
            switch (kind) {
            case Kill::Checkpoints:
                reached =
                    scalar(store, "SELECT MAX(checkpoint) FROM checkpoint_completed") >= target;
                break;
            case Kill::Rows:
                reached = scalar(raw, "SELECT COUNT(*) FROM raw") >= target;
                break;
            case Kill::Pending: {
                const QStringList pending =
                    QDir(data + "/orders")
                        .entryList(QStringList{".part-*.pending"}, QDir::Hidden | QDir::Files);
                if (!pending.isEmpty() && pending != lastPending) ++pendingSeen;
                lastPending = pending;
                reached = pendingSeen >= target;
                break;
            }
            }
        }
        if (p.state() != QProcess::Running) {
            // The input ended before the kill point: the run finished cleanly.
            QVERIFY2(p.exitCode() == 0, p.readAll().constData());
            break;
        }
        // The reader, right before the kill (the run is live) and after it: whole files only,
        // nothing twice, the table without duplicates, and nothing visible ever taken back (what
        // a reader saw was committed: the files seen before stay, the rows never get fewer).
        auto read = [&] {
            bool ok = true;
            const auto ids = visibleFileIds(data + "/orders", &ok);
            QVERIFY(ok);
            QVERIFY2(noDuplicates(ids), "a record is visible in two part files");
            QVERIFY2(std::includes(ids.begin(), ids.end(), seenIds.begin(), seenIds.end()),
                     "a record a reader saw is no longer visible: it was not committed");
            seenIds = std::set<long long>(ids.begin(), ids.end());
            // One statement: one snapshot of the table while the run may be committing.
            const auto counts =
                sqliteRows(raw, "SELECT COUNT(*), COUNT(DISTINCT order_id) FROM raw");
            const std::int64_t count = counts.empty() ? 0 : std::stoll(counts[0][0]);
            QCOMPARE(counts.empty() ? "0" : counts[0][1], counts.empty() ? "0" : counts[0][0]);
            QVERIFY(count >= lastRows);
            lastRows = count;
        };
        read();
        if (QTest::currentTestFailed()) return;
        p.kill(); // SIGKILL
        p.waitForFinished();
        ++kills;
        ++kinds[kind == Kill::Checkpoints ? "checkpoints"
                : kind == Kill::Rows      ? "rows"
                                          : "pending"];
        read();
        if (QTest::currentTestFailed()) return;
    }
    QVERIFY2(kills >= 10, qPrintable(QString("only %1 kills before the input ended").arg(kills)));
    qInfo("kills: %d (%d on checkpoints, %d on committed rows, %d on pending part files), rows "
          "committed at the last: %lld",
          kills, kinds["checkpoints"], kinds["rows"], kinds["pending"],
          static_cast<long long>(lastRows));

    // The last run goes to the end of the input.
    QString out;
    QCOMPARE(runCliProcess({"run", file, "--data-dir", data, "--quiet"}, &out, 180000), 0);
    QVERIFY2(out.contains("resumed from checkpoint"), qPrintable(out));

    auto count = sqliteRows(raw, "SELECT COUNT(*), COUNT(DISTINCT order_id) FROM raw");
    QCOMPARE(count[0][0], std::to_string(kTotal));
    QCOMPARE(count[0][1], std::to_string(kTotal));
    bool ok = true;
    const auto ids = visibleFileIds(data + "/orders", &ok);
    QVERIFY(ok);
    QCOMPARE(ids.size(), std::size_t(kTotal));
    QVERIFY(noDuplicates(ids));
    QCOMPARE(*ids.rbegin() - *ids.begin() + 1, static_cast<long long>(kTotal)); // no gap
    QCOMPARE(QDir(data + "/orders").entryList(QDir::Hidden | QDir::Files).size(),
             QDir(data + "/orders").entryList(QDir::Files).size()); // no hidden leftovers
    const auto oracle =
        sqliteRows(raw, "SELECT substr(event_time, 1, 21) || '00', customer_id, COUNT(*), "
                        "CAST(ROUND(SUM(amount) * 100) AS INTEGER) FROM raw GROUP BY 1, 2 "
                        "ORDER BY 1, 2");
    const auto got = sqliteRows(data + "/out.sqlite",
                                "SELECT window_start, customer_id, cnt, CAST(ROUND(total * 100) AS "
                                "INTEGER) FROM windows ORDER BY 1, 2");
    QVERIFY(oracle.size() > 100);
    QCOMPARE(got.size(), oracle.size());
    QVERIFY(got == oracle);
}

void TstCliExactlyOnce::stoppedTwiceOutputsExactlyOnce()
{
    // A stop (--duration, as Ctrl-C) is a stop-with-savepoint: every source takes a final
    // checkpoint, the two-phase-commit sinks commit everything before it, and the next run
    // resumes exactly there. Two stops, then a run to the end: every order exactly once (a
    // stop without that checkpoint lost 1222 of 30000 rows here).
    QTemporaryDir dir;
    const QString file = dir.path() + "/eo.pipeline.json";
    const QString data = dir.path() + "/data";
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kPipeline);
    }
    QString out;
    for (int stop = 0; stop < 2; ++stop) {
        QCOMPARE(runCliProcess({"run", file, "--data-dir", data, "--quiet", "--duration", "1 s"},
                               &out, 120000),
                 0);
        QVERIFY2(out.contains("stopped after"), qPrintable(out));
    }
    QCOMPARE(runCliProcess({"run", file, "--data-dir", data, "--quiet"}, &out, 180000), 0);
    QVERIFY2(out.contains("resumed from checkpoint"), qPrintable(out));
    auto count =
        sqliteRows(data + "/raw.sqlite", "SELECT COUNT(*), COUNT(DISTINCT order_id) FROM raw");
    QCOMPARE(count[0][0], std::to_string(kTotal));
    QCOMPARE(count[0][1], std::to_string(kTotal));
    bool ok = true;
    const auto ids = visibleFileIds(data + "/orders", &ok);
    QVERIFY(ok);
    QCOMPARE(ids.size(), std::size_t(kTotal));
    QVERIFY(noDuplicates(ids));
}

QTEST_GUILESS_MAIN(TstCliExactlyOnce)
#include "tst_cli_exactly_once.moc"
