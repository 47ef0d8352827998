// streamwright-run run --metrics-port: the Prometheus endpoint, checked by the real tools:
// promtool lints the exposition, a real prometheus scrapes a running Kafka pipeline and its
// query API returns the consumer-lag and records-out series with their labels.
#include <QtTest>

#include "CliProcess.h"
#include "runtime/LocalPorts.h"


#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <map>
#include <tuple>

namespace {

QString src(const QString& rel)
{
    return QStringLiteral(SW_SOURCE_DIR) + "/" + rel;
}



/// The value of the first sample of `name` whose labels contain `labels` (-1 when absent).
double sample(const QByteArray& text, const QString& name, const QString& labels)
{
    for (const QByteArray& line : text.split('\n')) {
        const QString l = QString::fromUtf8(line);
        if (!l.startsWith(name + "{") || !l.contains(labels)) continue;
        return l.section(' ', -1).toDouble();
    }
    return -1;
}

/// Every sample line -> value.
QMap<QString, double> samples(const QByteArray& text)
{
    QMap<QString, double> m;
    for (const QByteArray& line : text.split('\n')) {
        if (line.isEmpty() || line.startsWith('#')) continue;
        const QString l = QString::fromUtf8(line);
        m[l.section(' ', 0, -2)] = l.section(' ', -1).toDouble();
    }
    return m;
}

template <typename P> bool waitFor(P pred, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!pred()) {
        if (t.elapsed() > timeoutMs) return false;
        QThread::msleep(200);
    }
    return true;
}

/// `streamwright-run run` of `file` (the orders-kafka example by default) with an endpoint and
/// `extra` arguments; returns the endpoint's URL.
QString startRun(QProcess& p, const QTemporaryDir& dir, QString file = {},
                 const QStringList& extra = {})
{
    if (file.isEmpty()) file = src("examples/orders-kafka.pipeline.json");
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(QStringLiteral(SW_CLI_PATH),
            QStringList{"run", file, "--duration", "60 s", "--quiet", "--data-dir",
                        dir.filePath("data"), "--metrics-port", "0"} +
                extra);
    QString url;
    waitFor(
        [&] {
            p.waitForReadyRead(100);
            const auto m = QRegularExpression("Metrics: (http://\\S+)")
                               .match(QString::fromUtf8(p.peek(1 << 16)));
            if (m.hasMatch()) url = m.captured(1);
            return !url.isEmpty() || p.state() == QProcess::NotRunning;
        },
        60000);
    return url;
}

void stopRun(QProcess& p)
{
    p.terminate(); // SIGTERM drains like Ctrl-C
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
    }
}

} // namespace

class TstMonitoring : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void promtoolAcceptsTheExpositionAndCountersOnlyIncrease();
    void prometheusScrapesLagAndRecordsOut();
    void badOrBusyPortIsAClearError();
    void checkpointsAndRestartsAreServed();
    void consumerLagMatchesTheReport();
};

void TstMonitoring::promtoolAcceptsTheExpositionAndCountersOnlyIncrease()
{
    QTemporaryDir dir;
    QProcess run;
    const QString url = startRun(run, dir);
    QVERIFY2(!url.isEmpty(), run.readAllStandardError().constData());
    const QString sourceOut = "streamwright_node_records_out_total";
    QByteArray first;
    QVERIFY(waitFor(
        [&] {
            first = httpGet(url);
            return sample(first, sourceOut, "node=\"orders_in\"") > 0 &&
                   sample(first, "streamwright_kafka_consumer_lag", "topic=") >= 0;
        },
        60000));
    QProcess promtool;
    promtool.start("promtool", {"check", "metrics"});
    QVERIFY2(promtool.waitForStarted(), "promtool is missing: run ./packaging/install-deps.sh "
                                        "(Debian package prometheus)");
    promtool.write(first);
    promtool.closeWriteChannel();
    QVERIFY(promtool.waitForFinished(30000));
    QVERIFY2(promtool.exitCode() == 0,
             (promtool.readAllStandardOutput() + promtool.readAllStandardError() + "\n" + first)
                 .constData());
    // A later scrape: every counter is at least what it was.
    const double before = sample(first, sourceOut, "node=\"orders_in\"");
    QByteArray second;
    QVERIFY(waitFor(
        [&] {
            second = httpGet(url);
            return sample(second, sourceOut, "node=\"orders_in\"") > before;
        },
        60000));
    const auto a = samples(first), b = samples(second);
    for (auto it = a.begin(); it != a.end(); ++it)
        if (it.key().contains("_total{"))
            QVERIFY2(b.value(it.key(), -1) >= it.value(), qPrintable(it.key()));
    stopRun(run);
    QCOMPARE(run.exitCode(), 0);
}

void TstMonitoring::prometheusScrapesLagAndRecordsOut()
{
    QTemporaryDir dir;
    QProcess run;
    const QString url = startRun(run, dir);
    QVERIFY2(!url.isEmpty(), run.readAllStandardError().constData());
    const QString target = QUrl(url).host() + ":" + QString::number(QUrl(url).port());
    QFile cfg(dir.filePath("prometheus.yml"));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(QString("global:\n  scrape_interval: 1s\nscrape_configs:\n"
                      "  - job_name: streamwright\n    static_configs:\n"
                      "      - targets: ['%1']\n")
                  .arg(target)
                  .toUtf8());
    cfg.close();
    const int promPort = sw::test::freePort();
    QProcess prom;
    prom.setProcessChannelMode(QProcess::MergedChannels);
    prom.start("prometheus",
               {"--config.file=" + cfg.fileName(), "--storage.tsdb.path=" + dir.filePath("tsdb"),
                "--web.listen-address=127.0.0.1:" + QString::number(promPort)});
    QVERIFY2(prom.waitForStarted(), "prometheus is missing: run ./packaging/install-deps.sh "
                                    "(Debian package prometheus)");
    const QString api = QString("http://127.0.0.1:%1/api/v1/query?query=").arg(promPort);
    QJsonArray lag, out;
    const bool scraped = waitFor(
        [&] {
            lag = QJsonDocument::fromJson(httpGet(api + "streamwright_kafka_consumer_lag"))
                      .object()["data"]
                      .toObject()["result"]
                      .toArray();
            out = QJsonDocument::fromJson(httpGet(api + "streamwright_node_records_out_total"))
                      .object()["data"]
                      .toObject()["result"]
                      .toArray();
            return !lag.isEmpty() && !out.isEmpty();
        },
        60000);
    prom.terminate();
    prom.waitForFinished(10000);
    stopRun(run);
    QVERIFY2(scraped, prom.readAll().right(2000).constData());
    const QJsonObject lagLabels = lag.first().toObject()["metric"].toObject();
    QCOMPARE(lagLabels["job"].toString(), QString("streamwright"));
    QCOMPARE(lagLabels["pipeline"].toString(), QString("order-processor"));
    QCOMPARE(lagLabels["node"].toString(), QString("orders_in"));
    QVERIFY(!lagLabels["topic"].toString().isEmpty());
    QVERIFY(!lagLabels["partition"].toString().isEmpty());
    QStringList nodes;
    for (const auto& r : out)
        nodes << r.toObject()["metric"].toObject()["node"].toString();
    QVERIFY2(nodes.contains("orders_in") && nodes.contains("revenue"), qPrintable(nodes.join(",")));
}

void TstMonitoring::badOrBusyPortIsAClearError()
{
    QTemporaryDir dir;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(SW_CLI_PATH), {"run", src("examples/orders.pipeline.json"),
                                          "--metrics-port", "70000", "--data-dir", dir.path()});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(p.readAll().contains("--metrics-port needs a port from 0 to 65535"), "message");
    sw::test::BoundPort busy;
    QVERIFY(busy.port > 0);
    p.start(QStringLiteral(SW_CLI_PATH),
            {"run", src("examples/orders.pipeline.json"), "--metrics-port",
             QString::number(busy.port), "--data-dir", dir.path(), "--quiet"});
    QVERIFY(p.waitForFinished(30000));
    const QByteArray out = p.readAll();
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(out.contains("cannot serve metrics on 127.0.0.1:" + QByteArray::number(busy.port)),
             out.constData());
}

void TstMonitoring::checkpointsAndRestartsAreServed()
{
    // The example checkpoints every 10 s: wait for the first completed checkpoint on the
    // endpoint, then compare its figures with each other (histogram count = completed).
    QTemporaryDir dir;
    QProcess run;
    const QString url = startRun(run, dir);
    QVERIFY2(!url.isEmpty(), run.readAllStandardError().constData());
    const QString p = "{pipeline=\"order-processor\"}";
    QMap<QString, double> m;
    QVERIFY(waitFor(
        [&] {
            m = samples(httpGet(url));
            return m.value("streamwright_checkpoints_completed_total" + p) >= 1;
        },
        60000));
    stopRun(run);
    QCOMPARE(run.exitCode(), 0);
    QCOMPARE(m.value("streamwright_checkpoints_failed_total" + p, -1), 0.0);
    QCOMPARE(m.value("streamwright_restarts_total" + p, -1), 0.0);
    QCOMPARE(m.value("streamwright_restored_checkpoint_id" + p, -1), 0.0);
    QCOMPARE(m.value("streamwright_checkpoint_duration_seconds_count" + p, -1),
             m.value("streamwright_checkpoints_completed_total" + p));
    QVERIFY(m.value("streamwright_last_checkpoint_size_bytes" + p) > 0);
    QVERIFY(m.contains("streamwright_last_checkpoint_duration_seconds" + p));
    QVERIFY(m.contains("streamwright_last_checkpoint_alignment_seconds" + p));
    QVERIFY(m.value("streamwright_last_checkpoint_timestamp_seconds" + p) > 1.7e9);

    // Run again on the same data directory: it resumes, and the endpoint says from which.
    QProcess again;
    const QString report = dir.filePath("report.json");
    const QString url2 = startRun(again, dir, {}, {"--report", report});
    QVERIFY2(!url2.isEmpty(), again.readAllStandardError().constData());
    const QByteArray out = again.peek(1 << 16);
    const auto resumed = QRegularExpression("resumed from checkpoint (\\d+)").match(out);
    QVERIFY2(resumed.hasMatch(), out.constData());
    QMap<QString, double> m2;
    QVERIFY(waitFor(
        [&] {
            m2 = samples(httpGet(url2));
            return m2.contains("streamwright_restored_checkpoint_id" + p);
        },
        30000));
    stopRun(again);
    QCOMPARE(again.exitCode(), 0);
    QCOMPARE(m2.value("streamwright_restored_checkpoint_id" + p), resumed.captured(1).toDouble());
    // The report says the same, and counts at least what the endpoint served.
    QFile f(report);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject c = QJsonDocument::fromJson(f.readAll()).object()["checkpoints"].toObject();
    QCOMPARE(c["restored_checkpoint"].toDouble(), resumed.captured(1).toDouble());
    QCOMPARE(c["restarts"].toInt(-1), 0);
    QVERIFY(c["completed"].toDouble() >= m2.value("streamwright_checkpoints_completed_total" + p));
}

void TstMonitoring::consumerLagMatchesTheReport()
{
    // A bounded producer (3000 orders) into the embedded topic: once the source consumed all of
    // them, lag and positions no longer change (a quiesced instant). The endpoint's values then,
    // and the --report JSON written after the drained stop, agree for every partition.
    constexpr int kOrders = 3000;
    QTemporaryDir dir;
    QFile example(src("examples/orders-kafka.pipeline.json"));
    QVERIFY(example.open(QIODevice::ReadOnly));
    QJsonObject doc = QJsonDocument::fromJson(example.readAll()).object();
    QJsonArray nodes = doc["nodes"].toArray();
    for (int i = 0; i < nodes.size(); ++i) {
        QJsonObject n = nodes[i].toObject();
        if (n["id"].toString() != "order_gen") continue;
        QJsonObject props = n["properties"].toObject();
        props["total_events"] = kOrders;
        n["properties"] = props;
        nodes[i] = n;
    }
    doc["nodes"] = nodes;
    QFile bounded(dir.filePath("bounded.pipeline.json"));
    QVERIFY(bounded.open(QIODevice::WriteOnly));
    bounded.write(QJsonDocument(doc).toJson());
    bounded.close();

    QProcess run;
    const QString report = dir.filePath("report.json");
    const QString url = startRun(run, dir, bounded.fileName(), {"--report", report});
    QVERIFY2(!url.isEmpty(), run.readAllStandardError().constData());
    // (node, topic, partition) -> {lag, position}, from one scrape.
    using Key = std::tuple<QString, QString, int>;
    auto parse = [](const QByteArray& text) {
        std::map<Key, std::pair<double, double>> out;
        const QRegularExpression re(
            "^streamwright_kafka_consumer_(lag|position)\\{.*node=\"([^\"]+)"
            "\",topic=\"([^\"]+)\",partition=\"(\\d+)\"\\} (\\S+)$");
        for (const QByteArray& line : text.split('\n')) {
            const auto m = re.match(QString::fromUtf8(line));
            if (!m.hasMatch()) continue;
            auto& v = out[{m.captured(2), m.captured(3), m.captured(4).toInt()}];
            (m.captured(1) == "lag" ? v.first : v.second) = m.captured(5).toDouble();
        }
        return out;
    };
    std::map<Key, std::pair<double, double>> served;
    QVERIFY2(waitFor(
                 [&] {
                     served = parse(httpGet(url));
                     double positions = 0;
                     bool caughtUp = served.size() == 3;
                     for (const auto& [k, v] : served) {
                         caughtUp = caughtUp && v.first == 0;
                         positions += v.second;
                     }
                     return caughtUp && positions >= kOrders;
                 },
                 60000),
             "the source never consumed every order");
    stopRun(run);
    QCOMPARE(run.exitCode(), 0);
    QFile f(report);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject kafka = QJsonDocument::fromJson(f.readAll()).object()["kafka"].toObject();
    std::map<Key, std::pair<double, double>> reported;
    for (const auto& s : kafka["sources"].toArray()) {
        const QJsonObject src = s.toObject();
        for (const auto& p : src["partitions"].toArray()) {
            const QJsonObject part = p.toObject();
            reported[{src["node"].toString(), src["topic"].toString(), part["partition"].toInt()}] =
                {part["lag"].toDouble(), part["position"].toDouble()};
        }
    }
    QCOMPARE(reported.size(), served.size());
    for (const auto& [k, v] : served) {
        const QString where =
            std::get<0>(k) + " " + std::get<1>(k) + "[" + QString::number(std::get<2>(k)) + "]";
        QVERIFY2(reported.count(k), qPrintable(where + " is not in the report"));
        QVERIFY2(reported[k] == v, qPrintable(where + QString(": endpoint lag %1 position %2, "
                                                              "report lag %3 position %4")
                                                          .arg(v.first)
                                                          .arg(v.second)
                                                          .arg(reported[k].first)
                                                          .arg(reported[k].second)));
    }
}

QTEST_GUILESS_MAIN(TstMonitoring)
#include "tst_monitoring.moc"
