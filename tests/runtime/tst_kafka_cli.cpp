// streamwright-run with Kafka, as users call it: `broker --topics` serving external clients until
// Ctrl-C; the shipped orders-kafka example out of the box (embedded broker address in the banner,
// the live status line and the JSON report, per-partition lag in the report); a SASL password
// canary that must appear in no output, no status line and no report. Runs under `script` so the
// CLI sees a terminal and draws its status line.
#include <QtTest/QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <csignal>

#include "ExternalTools.h"

namespace {

struct CliRun {
    int code = -1;
    QString output; // stdout and stderr as the terminal showed them
};

/// Runs streamwright-run `args` (shell-quoted already) on a pseudo terminal in `dir`.
CliRun onTerminal(const QString& args, const QString& dir, int timeoutMs = 90000)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start("script", {"-qec", QStringLiteral(SW_CLI_PATH) + " " + args, "/dev/null"});
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.output = QString::fromUtf8(p.readAll());
        return r;
    }
    r.code = p.exitCode();
    r.output = QString::fromUtf8(p.readAll());
    return r;
}

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

int shell(const QString& cmd, QString* out = nullptr)
{
    QProcess p;
    p.start("/bin/sh", {"-c", cmd});
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        return -1;
    }
    if (out) *out = QString::fromUtf8(p.readAllStandardOutput());
    return p.exitCode();
}

} // namespace

class TestKafkaCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void brokerServesClientsUntilCtrlC();
    void ordersKafkaExampleOutOfTheBox();
    void embeddedClusterOfThreeBrokers();
    void canaryPasswordAppearsNowhere();
    void unreachableBootstrapIsAWarning();
};

void TestKafkaCli::brokerServesClientsUntilCtrlC()
{
    SW_REQUIRE_TOOL(Kcat);
    QProcess broker;
    broker.start(QStringLiteral(SW_CLI_PATH), {"broker", "--topics", "cli.t1:3,cli.t2:1"});
    QVERIFY(broker.waitForStarted());
    QString printed, bootstrap;
    QRegularExpression re("bootstrap\\.servers=(\\S+)");
    QDeadlineTimer deadline(30000);
    // Keep waiting while the broker runs: on a loaded machine it may print nothing for seconds.
    while (bootstrap.isEmpty() && !deadline.hasExpired() && broker.state() == QProcess::Running) {
        broker.waitForReadyRead(1000);
        printed += QString::fromUtf8(broker.readAllStandardOutput());
        auto m = re.match(printed);
        if (m.hasMatch()) bootstrap = m.captured(1);
    }
    QVERIFY2(!bootstrap.isEmpty(), qPrintable(printed));
    QVERIFY(bootstrap.startsWith("127.0.0.1:"));

    // kcat sees both topics with their partition counts, and round-trips a message.
    QString meta;
    QCOMPARE(shell("kcat -L -J -b " + bootstrap, &meta), 0);
    QMap<QString, int> partitions;
    for (const auto& t : QJsonDocument::fromJson(meta.toUtf8())["topics"].toArray()) {
        QJsonObject o = t.toObject();
        partitions[o["topic"].toString()] = static_cast<int>(o["partitions"].toArray().size());
    }
    QCOMPARE(partitions.value("cli.t1"), 3);
    QCOMPARE(partitions.value("cli.t2"), 1);
    QCOMPARE(shell("echo hello-broker | kcat -P -b " + bootstrap + " -t cli.t2"), 0);
    QString got;
    QCOMPARE(shell("kcat -C -b " + bootstrap + " -t cli.t2 -o beginning -e -q", &got), 0);
    QCOMPARE(got.trimmed(), QString("hello-broker"));

    // Still serving until Ctrl-C, then a clean exit.
    QCOMPARE(broker.state(), QProcess::Running);
    ::kill(static_cast<pid_t>(broker.processId()), SIGINT);
    QVERIFY(broker.waitForFinished(30000));
    QCOMPARE(broker.exitStatus(), QProcess::NormalExit);
    QCOMPARE(broker.exitCode(), 0);
    QVERIFY(QString::fromUtf8(broker.readAllStandardOutput()).contains("Stopping"));
}

void TestKafkaCli::ordersKafkaExampleOutOfTheBox()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString example = QStringLiteral(SW_SOURCE_DIR) + "/examples/orders-kafka.pipeline.json";
    CliRun r =
        onTerminal("run '" + example + "' --duration '15 s' --report report.json", dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.output));
    // The banner names the embedded broker; the status line shows its address and the lag.
    auto banner = QRegularExpression("Kafka: embedded Kafka broker at (127\\.0\\.0\\.1:\\d+)")
                      .match(r.output);
    QVERIFY2(banner.hasMatch(), qPrintable(r.output));
    const QString bootstrap = banner.captured(1);
    QVERIFY2(r.output.contains("| kafka " + bootstrap + " lag "), qPrintable(r.output));

    QJsonObject report = readJson(dir.filePath("report.json"));
    QVERIFY(!report.isEmpty());
    QVERIFY(report["records_to_sinks"].toInteger() > 0);
    QJsonObject kafka = report["kafka"].toObject();
    QCOMPARE(kafka["bootstrap_servers"].toString(), bootstrap);
    QCOMPARE(kafka["embedded"].toBool(), true);
    // Lag per partition of orders.created, for the group order-processor: all three partitions,
    // with consistent offsets, and nothing lost to the embedded broker's retention.
    QSet<int> seen;
    for (const auto& sv : kafka["sources"].toArray()) {
        QJsonObject s = sv.toObject();
        QCOMPARE(s["topic"].toString(), QString("orders.created"));
        QCOMPARE(s["group_id"].toString(), QString("order-processor"));
        QCOMPARE(s["records_lost"].toInteger(), 0);
        for (const auto& pv : s["partitions"].toArray()) {
            QJsonObject p = pv.toObject();
            seen.insert(p["partition"].toInt());
            QVERIFY(p["high_watermark"].toInteger() > 0);
            QVERIFY(p["position"].toInteger() > 0);
            QVERIFY(p["lag"].toInteger() >= 0);
        }
    }
    QCOMPARE(seen, QSet<int>({0, 1, 2}));
}

void TestKafkaCli::embeddedClusterOfThreeBrokers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString example = QStringLiteral(SW_SOURCE_DIR) + "/examples/orders-kafka.pipeline.json";
    CliRun bad = onTerminal("run '" + example + "' --brokers 0", dir.path());
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.output.contains("--brokers needs an integer from 1 to 16"),
             qPrintable(bad.output));

    CliRun r = onTerminal("run '" + example + "' --brokers 3 --duration '4 s' --report report.json",
                          dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.output));
    auto banner = QRegularExpression("Kafka: embedded Kafka broker at (\\S+) \\(3 brokers\\)")
                      .match(r.output);
    QVERIFY2(banner.hasMatch(), qPrintable(r.output));
    QCOMPARE(banner.captured(1).split(',').size(), 3); // one bootstrap address per broker
    QJsonObject report = readJson(dir.filePath("report.json"));
    QVERIFY(report["records_to_sinks"].toInteger() > 0);
}

void TestKafkaCli::canaryPasswordAppearsNowhere()
{
    const QString canary = "CANARY-cli-7f3e1";
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // SASL against the embedded broker (which has none): authentication fails and librdkafka
    // complains, on both the consumer and the producer.
    const QString sasl = R"("properties": {"security.protocol": "SASL_PLAINTEXT",
        "sasl.mechanism": "PLAIN", "sasl.username": "alice", "sasl.password": ")" +
                         canary + "\"}";
    const QString pipeline = R"({"format": "streamwright.pipeline/1",
      "pipeline": {"name": "canary", "parallelism": 1},
      "nodes": [
        {"id": "in", "type": "kafka-source", "properties": {"topic": "canary.in",
          "group_id": "canary", "partitions": 1, "format": "json", "watermark": "processing-time",
          "schema": [{"name": "id", "type": "BIGINT"}], )" +
                             sasl + R"(}},
        {"id": "out", "type": "kafka-sink", "properties": {"topic": "canary.out",
          "partitions": 1, )" +
                             sasl +
                             R"(}}
      ],
      "edges": [{"from": {"node": "in", "port": "out"}, "to": {"node": "out", "port": "in"}}]})";
    QFile f(dir.filePath("canary.pipeline.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(pipeline.toUtf8());
    f.close();
    // 20 s only bounds the run: it fails long before, after its 3 restarts (1 s apart).
    CliRun r =
        onTerminal("run canary.pipeline.json --duration '20 s' --report report.json", dir.path());
    // Authentication failing is a failed run, and the error names the node and the topic.
    QVERIFY2(r.code == 1, qPrintable(r.output));
    QVERIFY2(QRegularExpression("error \\[(in|out)\\]: kafka-(source 'in' \\(topic canary\\.in\\)|"
                                "sink 'out' \\(topic canary\\.out\\)): authentication failed")
                 .match(r.output)
                 .hasMatch(),
             qPrintable(r.output));
    // The failure was talked about (so the canary had its chance to leak) ...
    QVERIFY2(r.output.contains("SASL"), qPrintable(r.output));
    QVERIFY2(r.output.contains("| kafka 127.0.0.1:"), qPrintable(r.output)); // status line
    // ... and the secret appears in none of the output, the status line or the report.
    QVERIFY2(!r.output.contains(canary), qPrintable(r.output));
    QFile report(dir.filePath("report.json"));
    QVERIFY(report.open(QIODevice::ReadOnly));
    QByteArray json = report.readAll();
    QVERIFY(json.contains("\"kafka\""));
    QVERIFY2(json.contains("authentication failed"), json.constData()); // the error event
    QVERIFY2(!json.contains(canary.toUtf8()), json.constData());

    // A configuration librdkafka refuses names the property, never its secret value.
    QString refused = pipeline;
    refused.replace(R"("sasl.username": "alice")",
                    R"("sasl.jaas.config": "PlainLoginModule required password=\")" + canary +
                        R"(\";")");
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(refused.toUtf8());
    f.close();
    r = onTerminal("run canary.pipeline.json --duration '20 s' --report report.json", dir.path());
    QVERIFY2(r.code != 0 && r.output.contains("sasl.jaas.config"), qPrintable(r.output));
    QVERIFY2(!r.output.contains(canary), qPrintable(r.output));
    report.close();
    QVERIFY(report.open(QIODevice::ReadOnly));
    json = report.readAll();
    QVERIFY(json.contains("sasl.jaas.config")); // the open failure is in the report's events
    QVERIFY2(!json.contains(canary.toUtf8()), json.constData());
}

void TestKafkaCli::unreachableBootstrapIsAWarning()
{
    // Port 1 on 127.0.0.1: nothing listens (connection refused at once). The run keeps retrying,
    // says so on stderr after a few seconds (naming the node and the address) and in the report,
    // and ends normally when its duration is over.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pipeline = R"({"format": "streamwright.pipeline/1",
      "pipeline": {"name": "unreachable", "parallelism": 1},
      "nodes": [
        {"id": "orders_in", "type": "kafka-source", "properties": {"topic": "orders",
          "group_id": "g", "partitions": 1, "format": "json", "watermark": "processing-time",
          "bootstrap_servers": "127.0.0.1:1", "schema": [{"name": "id", "type": "BIGINT"}]}},
        {"id": "out", "type": "file-sink", "properties": {"path": "out.jsonl"}}
      ],
      "edges": [{"from": {"node": "orders_in", "port": "out"},
                 "to": {"node": "out", "port": "in"}}]})";
    QFile f(dir.filePath("unreachable.pipeline.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(pipeline.toUtf8());
    f.close();
    CliRun r = onTerminal("run unreachable.pipeline.json --duration '8 s' --report report.json",
                          dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.output));
    QVERIFY2(r.output.contains("warning [orders_in]: kafka-source 'orders_in' (topic orders): "
                               "cannot connect to the Kafka bootstrap servers 127.0.0.1:1 for "),
             qPrintable(r.output));
    QVERIFY2(r.output.contains("; retrying (last error: "), qPrintable(r.output));
    QJsonObject report = readJson(dir.filePath("report.json"));
    QVERIFY(report["warnings"].toInteger() >= 1);
    bool found = false;
    for (const auto& ev : report["events"].toArray()) {
        QJsonObject e = ev.toObject();
        if (e["kind"].toString() == "warning" && e["node"].toString() == "orders_in" &&
            e["message"].toString().contains("127.0.0.1:1"))
            found = true;
    }
    QVERIFY2(found, QJsonDocument(report).toJson().constData());
}

QTEST_GUILESS_MAIN(TestKafkaCli)
#include "tst_kafka_cli.moc"
