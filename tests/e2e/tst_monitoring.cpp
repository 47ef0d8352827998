// streamwright-run run --metrics-port: the Prometheus endpoint, checked by the real tools:
// promtool lints the exposition, a real prometheus scrapes a running Kafka pipeline and its
// query API returns the consumer-lag and records-out series with their labels.
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

QString src(const QString& rel)
{
    return QStringLiteral(SW_SOURCE_DIR) + "/" + rel;
}

/// A socket bound to 127.0.0.1 on a free port (kept open while the object lives).
struct BoundPort {
    int fd = -1;
    int port = 0;
    BoundPort()
    {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        socklen_t len = sizeof a;
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
            ::listen(fd, 1) != 0 || ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0)
            return;
        port = ntohs(a.sin_port);
    }
    ~BoundPort()
    {
        if (fd >= 0) ::close(fd);
    }
};

/// A free port for a server we start (closed again at once; a small race we accept).
int freePort()
{
    BoundPort p;
    return p.port;
}

QByteArray httpGet(const QString& url)
{
    QProcess curl;
    curl.start("curl", {"-sf", "--max-time", "5", url});
    if (!curl.waitForFinished(10000) || curl.exitCode() != 0) return {};
    return curl.readAllStandardOutput();
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

/// `streamwright-run run` of the orders-kafka example with an endpoint; returns its URL.
QString startRun(QProcess& p, const QTemporaryDir& dir)
{
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(QStringLiteral(SW_CLI_PATH),
            {"run", src("examples/orders-kafka.pipeline.json"), "--duration", "60 s", "--quiet",
             "--data-dir", dir.path(), "--metrics-port", "0"});
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
    const int promPort = freePort();
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
    BoundPort busy;
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

QTEST_GUILESS_MAIN(TstMonitoring)
#include "tst_monitoring.moc"
