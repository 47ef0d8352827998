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

std::vector<std::vector<std::string>> rows(const QString& path, const std::string& sql)
{
    std::vector<std::vector<std::string>> out;
    if (!QFile::exists(path)) return out;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        return out;
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK)
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::vector<std::string> r;
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                const auto* t = sqlite3_column_text(st, c);
                r.emplace_back(t ? reinterpret_cast<const char*>(t) : "NULL");
            }
            out.push_back(std::move(r));
        }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

std::int64_t scalar(const QString& path, const std::string& sql)
{
    auto r = rows(path, sql);
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
    while (kills < kKills) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(SW_CLI_PATH), {"run", file, "--data-dir", data, "--quiet"});
        QVERIFY(p.waitForStarted());
        // The kill point: after 1..3 more checkpoints complete, or after 500..4000 more raw
        // rows are committed, chosen by the RNG; either way an observed event of the run.
        const bool onCheckpoints = rng() % 2 == 0;
        const std::int64_t base = onCheckpoints ? scalar(store, "SELECT MAX(checkpoint) FROM "
                                                                "checkpoint_completed")
                                                : lastRows;
        const std::int64_t target = base + (onCheckpoints ? 1 + rng() % 3 : 500 + rng() % 3501);
        bool reached = false;
        while (p.state() == QProcess::Running && !reached) {
            p.waitForFinished(5);
            reached = onCheckpoints ? scalar(store, "SELECT MAX(checkpoint) FROM "
                                                    "checkpoint_completed") >= target
                                    : scalar(raw, "SELECT COUNT(*) FROM raw") >= target;
        }
        if (p.state() != QProcess::Running) {
            // The input ended before the kill point: the run finished cleanly.
            QVERIFY2(p.exitCode() == 0, p.readAll().constData());
            break;
        }
        p.kill(); // SIGKILL
        p.waitForFinished();
        ++kills;
        ++kinds[onCheckpoints ? "checkpoint" : "rows"];
        // The reader, between kills: whole files only, nothing twice, the table without
        // duplicates, and the rows committed never fewer than before (nothing taken back).
        bool ok = true;
        const auto ids = visibleFileIds(data + "/orders", &ok);
        QVERIFY(ok);
        QVERIFY2(noDuplicates(ids), "a record is visible in two part files");
        const std::int64_t count = scalar(raw, "SELECT COUNT(*) FROM raw");
        QCOMPARE(count, scalar(raw, "SELECT COUNT(DISTINCT order_id) FROM raw"));
        QVERIFY(count >= lastRows);
        lastRows = count;
    }
    QVERIFY2(kills >= 10, qPrintable(QString("only %1 kills before the input ended").arg(kills)));
    qInfo("kills: %d (%d on checkpoints, %d on committed rows), rows committed at the last: %lld",
          kills, kinds["checkpoint"], kinds["rows"], static_cast<long long>(lastRows));

    // The last run goes to the end of the input.
    QString out;
    QCOMPARE(runCliProcess({"run", file, "--data-dir", data, "--quiet"}, &out, 180000), 0);
    QVERIFY2(out.contains("resumed from checkpoint"), qPrintable(out));

    auto count = rows(raw, "SELECT COUNT(*), COUNT(DISTINCT order_id) FROM raw");
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
        rows(raw, "SELECT substr(event_time, 1, 21) || '00', customer_id, COUNT(*), "
                  "CAST(ROUND(SUM(amount) * 100) AS INTEGER) FROM raw GROUP BY 1, 2 "
                  "ORDER BY 1, 2");
    const auto got = rows(data + "/out.sqlite",
                          "SELECT window_start, customer_id, cnt, CAST(ROUND(total * 100) AS "
                          "INTEGER) FROM windows ORDER BY 1, 2");
    QVERIFY(oracle.size() > 100);
    QCOMPARE(got.size(), oracle.size());
    QVERIFY(got == oracle);
}

QTEST_GUILESS_MAIN(TstCliExactlyOnce)
#include "tst_cli_exactly_once.moc"
