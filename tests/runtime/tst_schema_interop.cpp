// avro-confluent with clients nobody here wrote: `streamwright-run broker` (the embedded Kafka
// broker and Schema Registry, in its own process); npm's @kafkajs/confluent-schema-registry
// registers three versions of a schema against OUR registry (and is refused a fourth, with the
// field and the rule), encodes records with each of them, and kafkajs produces them with lz4;
// a pipeline (streamwright-run run) decodes them into one reader schema - exactly the values the
// npm client encoded - routes four kinds of bad input to its DLQ with their raw bytes and reasons,
// and writes its rows with avro-confluent to another topic, which the npm client decodes back.
// tests/tools/schema/interop.cjs is the npm side; npm installs it into the build directory.
#include <QtTest>

#include <csignal>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "e2e/CliProcess.h"

namespace {

/// Runs `node interop.cjs args...` in SW_SCHEMA_NODE_DIR; its JSON output, or an error.
QJsonObject runNode(const QStringList& args, QString* error)
{
    QProcess p;
    p.setWorkingDirectory(SW_SCHEMA_NODE_DIR);
    p.start("node", QStringList{"interop.cjs"} + args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        p.kill();
        return {};
    }
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

/// The rows of a JSON Lines file, by column `key`.
std::map<qint64, QJsonObject> rowsById(const QString& path, const QString& key = "id")
{
    std::map<qint64, QJsonObject> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return out;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (!line.trimmed().isEmpty()) {
            QJsonObject o = QJsonDocument::fromJson(line).object();
            out[o[key].toInteger()] = o;
        }
    return out;
}

QString pipelineJson(const QString& bootstrap, const QString& registry)
{
    return QString(R"json({
  "format": "streamwright.pipeline/1",
  "pipeline": {"name": "schema-interop", "delivery": "at-least-once", "parallelism": 1,
               "schema_evolution": "full"},
  "nodes": [
    {"id": "orders", "type": "kafka-source", "position": {"x": 0, "y": 0}, "properties": {
      "topic": "interop.in", "bootstrap_servers": "%1", "group_id": "interop",
      "start_from": "earliest", "format": "avro-confluent", "schema_registry_url": "%2",
      "partitions": 2, "timestamp_column": "ts",
      "schema": [{"name": "id", "type": "BIGINT NOT NULL"}, {"name": "amount", "type": "DOUBLE"},
                 {"name": "coupon", "type": "STRING"}, {"name": "status", "type": "STRING"},
                 {"name": "ts", "type": "TIMESTAMP(3)"}]}},
    {"id": "rows", "type": "file-sink", "position": {"x": 200, "y": 0},
     "properties": {"path": "rows.jsonl"}},
    {"id": "out", "type": "kafka-sink", "position": {"x": 200, "y": 100}, "properties": {
      "topic": "interop.out", "bootstrap_servers": "%1", "format": "avro-confluent",
      "schema_registry_url": "%2", "partitions": 1}},
    {"id": "dlq", "type": "dlq", "position": {"x": 200, "y": 200},
     "properties": {"path": "dlq.sqlite"}}
  ],
  "edges": [
    {"from": {"node": "orders", "port": "out"}, "to": {"node": "rows", "port": "in"}},
    {"from": {"node": "orders", "port": "out"}, "to": {"node": "out", "port": "in"}},
    {"from": {"node": "orders", "port": "errors"}, "to": {"node": "dlq", "port": "in"}}
  ]
})json")
        .arg(bootstrap, registry);
}

} // namespace

class TestSchemaInterop : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void npmClientsAndThePipelineAgree()
    {
        // 1. The broker and the registry, in their own process.
        QProcess broker;
        broker.start(QStringLiteral(SW_CLI_PATH),
                     {"broker", "--topics", "interop.in:2,interop.out:1"});
        QVERIFY(broker.waitForStarted());
        QString printed, bootstrap, registry;
        QDeadlineTimer deadline(30000);
        while ((bootstrap.isEmpty() || registry.isEmpty()) && !deadline.hasExpired() &&
               broker.state() == QProcess::Running) {
            broker.waitForReadyRead(1000);
            printed += QString::fromUtf8(broker.readAllStandardOutput());
            auto k = QRegularExpression("^Kafka: (\\S+)$", QRegularExpression::MultilineOption)
                         .match(printed);
            auto r = QRegularExpression("^Schema Registry: (http://127\\.0\\.0\\.1:\\d+)",
                                        QRegularExpression::MultilineOption)
                         .match(printed);
            if (k.hasMatch()) bootstrap = k.captured(1);
            if (r.hasMatch()) registry = r.captured(1);
        }
        QVERIFY2(!bootstrap.isEmpty() && !registry.isEmpty(), qPrintable(printed));
        auto stopBroker = qScopeGuard([&] {
            ::kill(static_cast<pid_t>(broker.processId()), SIGINT);
            broker.waitForFinished(30000);
        });

        // 2. The npm client registers v1..v3 (v4 refused), encodes 30 records and 4 bad ones;
        //    kafkajs produces them with lz4.
        QString error;
        const QJsonObject produced =
            runNode({"produce", bootstrap, registry, "interop.in"}, &error);
        QVERIFY2(!produced.isEmpty(), qPrintable(error));
        QCOMPARE(produced["ids"].toArray().size(), 3);
        const QString refused = produced["refused"].toString();
        QVERIFY2(refused.contains("incompatible") &&
                     refused.contains("READER_FIELD_MISSING_DEFAULT_VALUE") &&
                     refused.contains("'region'"),
                 qPrintable(refused));

        // 3. The pipeline, until it has written every row and every dead letter.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath("p.pipeline.json");
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(pipelineJson(bootstrap, registry).toUtf8());
        }
        const QString data = dir.filePath("data");
        QProcess run;
        run.setProcessChannelMode(QProcess::MergedChannels);
        run.start(QStringLiteral(SW_CLI_PATH), {"run", file, "--data-dir", data});
        QVERIFY(run.waitForStarted());
        const std::string dlqCount = "SELECT COUNT(*) FROM dead_letters";
        QDeadlineTimer runDeadline(90000);
        auto done = [&] {
            auto n = sqliteRows(data + "/dlq.sqlite", dlqCount);
            return rowsById(data + "/rows.jsonl").size() >= 30 && !n.empty() && n[0][0] == "4";
        };
        while (!done() && !runDeadline.hasExpired() && run.state() == QProcess::Running)
            run.waitForFinished(200); // returns when output arrives or the process ends
        const bool complete = done();
        ::kill(static_cast<pid_t>(run.processId()), SIGINT);
        QVERIFY(run.waitForFinished(60000));
        const QString runOutput = QString::fromUtf8(run.readAll());
        QVERIFY2(complete, qPrintable(runOutput));
        QCOMPARE(run.exitCode(), 0);

        // Decoded exactly as the npm client encoded them, across the three writer versions.
        const auto rows = rowsById(data + "/rows.jsonl");
        QCOMPARE(rows.size(), std::size_t(30));
        for (const auto& e : produced["expected"].toArray()) {
            const QJsonObject want = e.toObject();
            const auto it = rows.find(want["id"].toInteger());
            QVERIFY(it != rows.end());
            QCOMPARE(it->second, want);
        }
        // Each bad record in the DLQ with its bytes and its reason.
        const auto letters =
            sqliteRows(data + "/dlq.sqlite", "SELECT lower(hex(raw_value)), message, source_topic "
                                             "FROM dead_letters");
        QCOMPARE(letters.size(), std::size_t(4));
        for (const auto& b : produced["bad"].toArray()) {
            const QJsonObject bad = b.toObject();
            bool found = false;
            for (const auto& row : letters)
                if (row[0] == bad["hex"].toString().toStdString()) {
                    found = true;
                    QVERIFY2(QString::fromStdString(row[1]).contains(bad["reason"].toString()),
                             row[1].c_str());
                    QCOMPARE(row[2], std::string("interop.in"));
                }
            QVERIFY2(found, qPrintable(bad["hex"].toString()));
        }

        // The pipeline's schema_evolution is the level of the subject its sink registered.
        QCOMPARE(QJsonDocument::fromJson(httpGet(registry + "/config/interop.out-value")).object(),
                 (QJsonObject{{"compatibilityLevel", "FULL"}}));

        // 4. The pipeline's avro-confluent output, decoded by the npm client.
        const QJsonObject consumed =
            runNode({"consume", bootstrap, registry, "interop.out", "30"}, &error);
        QVERIFY2(!consumed.isEmpty(), qPrintable(error));
        const int subjectId = consumed["subjectId"].toInt();
        QVERIFY(subjectId > 0);
        std::map<qint64, QJsonObject> decoded;
        for (const auto& v : consumed["values"].toArray()) {
            QJsonObject o = v.toObject();
            QCOMPARE(o["schemaId"].toInt(), subjectId);
            o.remove("schemaId");
            decoded[o["id"].toInteger()] = o;
        }
        QCOMPARE(decoded.size(), std::size_t(30));
        for (const auto& e : produced["expected"].toArray()) {
            const QJsonObject want = e.toObject();
            QCOMPARE(decoded[want["id"].toInteger()], want);
        }
    }

    void embeddedRegistryOnDemand()
    {
        // No schema_registry_url, no bootstrap servers: the run starts the embedded broker and
        // registry itself (store in the data directory). generator -> kafka-sink (avro) ->
        // kafka-source (avro, a subset of the columns) -> file. The oracle: the same pipeline
        // with format json.
        auto runWith = [](const QString& format, const QString& data, QString* output) {
            QTemporaryDir dir;
            const QString file = dir.filePath("p.pipeline.json");
            QFile f(file);
            if (!f.open(QIODevice::WriteOnly)) return -1;
            f.write(QString(R"json({
  "format": "streamwright.pipeline/1",
  "pipeline": {"name": "avro-embedded", "delivery": "at-least-once", "parallelism": 1,
               "schema_evolution": "backward"},
  "nodes": [
    {"id": "gen", "type": "generator", "position": {"x": 0, "y": 0},
     "properties": {"kind": "orders", "events_per_second": 2000, "seed": 3}},
    {"id": "to_topic", "type": "kafka-sink", "position": {"x": 200, "y": 0},
     "properties": {"topic": "shop.orders.created", "format": "%1", "partitions": 1}},
    {"id": "from_topic", "type": "kafka-source", "position": {"x": 0, "y": 200}, "properties": {
      "topic": "shop.orders.created", "group_id": "avro-embedded", "start_from": "earliest",
      "format": "%1", "partitions": 1, "timestamp_column": "event_time",
      "schema": [{"name": "order_id", "type": "BIGINT"}, {"name": "amount", "type": "DECIMAL(10, 2)"},
                 {"name": "category", "type": "STRING"}, {"name": "event_time", "type": "TIMESTAMP(3)"}]}},
    {"id": "rows", "type": "file-sink", "position": {"x": 200, "y": 200},
     "properties": {"path": "rows.jsonl"}}
  ],
  "edges": [
    {"from": {"node": "gen", "port": "out"}, "to": {"node": "to_topic", "port": "in"}},
    {"from": {"node": "from_topic", "port": "out"}, "to": {"node": "rows", "port": "in"}}
  ]
})json")
                        .arg(format)
                        .toUtf8());
            f.close();
            return runCliProcess({"run", file, "--data-dir", data, "--events", "3000"}, output);
        };
        QTemporaryDir dir;
        QString out;
        QCOMPARE(runWith("avro-confluent", dir.filePath("avro"), &out), 0);
        QVERIFY2(QRegularExpression("Schema Registry: http://127\\.0\\.0\\.1:\\d+ \\(embedded")
                     .match(out)
                     .hasMatch(),
                 qPrintable(out));
        QVERIFY2(runWith("json", dir.filePath("json"), &out) == 0, qPrintable(out));
        const auto avro = rowsById(dir.filePath("avro/rows.jsonl"), "order_id");
        const auto json = rowsById(dir.filePath("json/rows.jsonl"), "order_id");
        std::size_t common = 0;
        for (const auto& [id, row] : avro)
            if (auto it = json.find(id); it != json.end()) {
                QCOMPARE(row, it->second);
                ++common;
            }
        qInfo("%zu rows decoded from avro-confluent equal the json run's", common);
        QVERIFY2(common >= 500, qPrintable(QString::number(common)));
        // The registry kept its subject, at the pipeline's level, in the data directory.
        const QString store = dir.filePath("avro/schema-registry.sqlite");
        QCOMPARE(sqliteRows(store, "SELECT subject, version FROM versions"),
                 (std::vector<std::vector<std::string>>{{"shop.orders.created-value", "1"}}));
        QCOMPARE(sqliteRows(store, "SELECT level FROM config WHERE subject = "
                                   "'shop.orders.created-value'"),
                 (std::vector<std::vector<std::string>>{{"BACKWARD"}}));
    }
};

QTEST_GUILESS_MAIN(TestSchemaInterop)
#include "tst_schema_interop.moc"
