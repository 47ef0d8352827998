// streamwright-run with alert-sinks, as users run it: secrets (a bearer token, a password in the
// URL, an API-key header) appear in no output and no --report while an Alertmanager is out of
// reach (health warning, then the stop abandons the held alerts) and while a webhook refuses the
// alerts with a body that echoes the token back.
#include <QtTest/QtTest>

#include <QProcess>
#include <QTemporaryDir>

#include "AlertTestSupport.h"
#include "LocalPorts.h"

using namespace sw::test;

class TestAlertCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void secretsAppearInNoOutputAndNoReport();
};

void TestAlertCli::secretsAppearInNoOutputAndNoReport()
{
    const std::string token = "CANARY-alert-token-51c7";
    const std::string password = "CANARY-alert-pw-0d2a";
    const std::string apiKey = "CANARY-alert-key-9e13";
    WebhookReceiver hook([&](const std::string&) -> std::pair<int, std::string> {
        return {400, "denied: Authorization was Bearer " + token};
    });
    const int port = freePort();
    const nlohmann::json pipeline = {
        {"format", "streamwright.pipeline/1"},
        {"pipeline", {{"name", "alert-canary"}, {"parallelism", 1}}},
        {"nodes",
         {{{"id", "orders"},
           {"type", "generator"},
           {"properties", {{"kind", "orders"}, {"total_events", 20}, {"events_per_second", 0}}}},
          {{"id", "down"},
           {"type", "alert-sink"},
           {"properties",
            {{"url", "http://alice:" + password + "@127.0.0.1:" + std::to_string(port)},
             {"labels", {"customer_id"}},
             {"constant_labels", {{"alertname", "Order"}}},
             {"auth", {{"bearer_token", token}}},
             {"headers", {{"X-Api-Key", apiKey}}}}}},
          {{"id", "hook"},
           {"type", "alert-sink"},
           {"properties",
            {{"url", hook.url()},
             {"mode", "webhook"},
             {"body_template", "{\"id\": \"{{ order_id }}\"}"},
             {"auth", {{"bearer_token", token}}}}}}}},
        {"edges",
         {{{"from", {{"node", "orders"}, {"port", "out"}}},
           {"to", {{"node", "down"}, {"port", "in"}}}},
          {{"from", {{"node", "orders"}, {"port", "out"}}},
           {"to", {{"node", "hook"}, {"port", "in"}}}}}}};
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile f(dir.filePath("canary.pipeline.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray::fromStdString(pipeline.dump(2)));
    f.close();
    // The health warning comes after 5 s of outage (the default policy); 8 s bounds the run.
    QProcess p;
    p.setWorkingDirectory(dir.path());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(SW_CLI_PATH),
            {"run", "canary.pipeline.json", "--duration", "8 s", "--report", "report.json"});
    QVERIFY(p.waitForFinished(60000));
    const QString output = QString::fromUtf8(p.readAll());
    // Everything that could leak was said ...
    QVERIFY2(output.contains(QString::fromStdString(
                 "cannot reach Alertmanager at http://127.0.0.1:" + std::to_string(port))),
             qPrintable(output));
    QVERIFY2(output.contains("HTTP 400 from " + QString::fromStdString(hook.url()) +
                             ": denied: Authorization was Bearer ******"),
             qPrintable(output));
    QVERIFY2(output.contains("alert(s) not posted to http://127.0.0.1:"), qPrintable(output));
    QVERIFY(!hook.received().empty());
    QCOMPARE(hook.received().front().authorization, "Bearer " + token); // the token was sent
    // ... and no secret appears in the output or the report.
    QFile report(dir.filePath("report.json"));
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QByteArray json = report.readAll();
    QVERIFY2(json.contains("cannot reach Alertmanager"), json.constData());
    for (const std::string& secret : {token, password, apiKey}) {
        QVERIFY2(!output.contains(QString::fromStdString(secret)), qPrintable(output));
        QVERIFY2(!json.contains(QByteArray::fromStdString(secret)), json.constData());
    }
}

QTEST_GUILESS_MAIN(TestAlertCli)
#include "tst_alert_cli.moc"
