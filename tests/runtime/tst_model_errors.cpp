// Pipeline file format v1: every bad-file error message (with its JSON path and line/column),
// differential check of the JSON pre-scan against nlohmann, size and depth limits, unreadable
// files.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <random>

#include <unistd.h>

#include "tst_model.h"

using namespace sw::runtime;
using namespace sw::test;

void TestModel::badFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    auto row = [](const char* name, const char* expected) {
        QTest::newRow(name) << sourceDir() + "/tests/runtime/data/bad/" + name + ".pipeline.json"
                            << QString::fromUtf8(expected);
    };
    row("not-json",
        "/pipeline/name: not valid JSON: unexpected character '\"'; expected ',' or '}' "
        "after an object member (line 5, column 5)");
    row("not-json-trailing-comma",
        "/edges/2: not valid JSON: unexpected character ']'; expected a value (line 15, column 3)");
    row("empty",
        "the file is empty; expected a JSON object with \"format\": \"streamwright.pipeline/1\"");
    row("top-level-array",
        "expected a JSON object at the top level, found an array (line 1, column 1)");
    row("missing-format", "missing member \"format\": this is not a Streamwright pipeline file "
                          "(supported formats: \"streamwright.pipeline/1\") (line 1, column 1)");
    row("wrong-format",
        "/format: unsupported format \"streamwright.pipeline/2\"; supported formats: "
        "\"streamwright.pipeline/1\" (line 2, column 13)");
    row("unknown-member",
        "/edgez: unknown member \"edgez\" (did you mean \"edges\"?); allowed members: "
        "format, pipeline, nodes, edges, dashboard (line 12, column 3)");
    row("unknown-node-type", "/nodes/1/type: unknown node type \"tumbling_window\" (did you mean "
                             "\"tumbling-window\"?) (line 9, column 31)");
    row("unknown-node-type-far",
        "/nodes/2/type: unknown node type \"printer\"; known types: generator, kafka-source, "
        "file-source, filter, map, key-by, union, tumbling-window, hop-window, session-window, "
        "global-window, aggregate, interval-join, window-join, temporal-join, join, dedup, dlq, "
        "kafka-sink, sqlite-sink, redis-sink, file-sink, lake-sink, console-sink, alert-sink, "
        "kinesis-source, kinesis-sink (line 10, column 28)");
    row("unknown-property", "/nodes/1/properties/sise: node \"revenue\" (tumbling-window) has no "
                            "property \"sise\" (did you mean \"size\"?) (line 9, column 65)");
    row("ill-typed-property", "/nodes/1/properties/size: property \"size\" of node \"revenue\" "
                              "(tumbling-window): expected a duration string like \"5 min\" or "
                              "\"30 s\" (line 9, column 73)");
    row("out-of-range-property",
        "/nodes/0/properties/events_per_second: property \"events_per_second\" of node \"orders\" "
        "(generator): expected an integer between 0 and 100000000 (line 8, column 79)");
    row("missing-node-id",
        "/nodes/2: missing member \"id\" (every node needs a unique id) (line 10, column 5)");
    row("invalid-node-id",
        "/nodes/2/id: invalid node id \"my sink\": an id starts with a letter or "
        "'_' and continues with letters, digits, '_', '.' or '-' (line 10, column 12)");
    row("duplicate-node-id", "/nodes/2/id: duplicate node id \"orders\" (also used by /nodes/0) "
                             "(line 10, column 12)");
    row("edge-to-missing-node",
        "/edges/1/to/node: no node with id \"snk\" (did you mean \"sink\"?) "
        "(line 14, column 65)");
    row("edge-to-missing-port", "/edges/0/to/port: node \"revenue\" (tumbling-window) has no input "
                                "port \"input\"; its input ports: in (line 13, column 83)");
    row("edge-from-input-port", "/edges/1/from/port: \"in\" is an input port of node \"revenue\" "
                                "(tumbling-window); an edge starts at an output port (out, errors) "
                                "(line 14, column 42)");
    row("edge-to-output-port",
        "/edges/0/to/port: \"out\" is an output port of node \"revenue\" "
        "(tumbling-window); an edge ends at an input port (in) (line 13, column 83)");
    row("duplicate-edge", "/edges/2: duplicate edge orders.out -> revenue.in (same as /edges/0) "
                          "(line 15, column 5)");
    row("second-edge-into-input",
        "/edges/2/to: input port \"in\" of node \"sink\" takes one edge and already has one from "
        "revenue.out (/edges/1); merge streams with a union node first (line 15, column 55)");
    row("invalid-utf8",
        "/pipeline/name: invalid UTF-8 in a string (byte 0xFF) (line 4, column 29)");
    row("duplicate-member", "/nodes/2/id: duplicate member \"id\" (line 10, column 44)");
    row("bad-delivery", "/pipeline/delivery: unknown delivery guarantee \"exactly_once\"; use "
                        "\"at-least-once\" or \"exactly-once\" (line 6, column 17)");
    row("unknown-dashboard-kind", "/dashboard/views/1/kind: unknown view kind \"pie\"; use "
                                  "\"table\", \"bars\", \"lines\", \"tile\" (line 15, column 14)");
    row("bad-checkpoint-interval", "/pipeline/checkpoint_interval: unexpected text after duration "
                                   "'10 sec0' (line 5, column 28)");
    row("missing-pipeline-name",
        "/pipeline: missing member \"name\" (the pipeline's name) (line 3, column 15)");
}

void TestModel::badFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    QVERIFY2(QFile::exists(file), qPrintable(file));
    LoadFailure failure = LoadFailure::None;
    auto r = loadPipelineFile(file.toStdString(), &failure);
    QVERIFY2(!r, "a bad file loaded");
    QCOMPARE(QString::fromStdString(r.error().toString()), expected);
    QVERIFY(failure == LoadFailure::BadContent);
    // parsePipeline on the same text reports the same error.
    auto p = parsePipeline(readFile(file));
    QVERIFY(!p);
    QCOMPARE(QString::fromStdString(p.error().toString()), expected);
}

void TestModel::badTexts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    auto row = [](const char* name, const std::string& text, const char* expected) {
        QTest::newRow(name) << QByteArray::fromStdString(text) << QString::fromUtf8(expected);
    };
    row("whitespace only", " \n\t\r\n",
        "the file is empty; expected a JSON object with \"format\": "
        "\"streamwright.pipeline/1\"");
    row("byte-order mark then nothing", "\xEF\xBB\xBF\n",
        "the file is empty; expected a JSON object with "
        "\"format\": \"streamwright.pipeline/1\"");
    row("top-level string", "\"hello\"",
        "expected a JSON object at the top level, found a string (line 1, column 1)");
    row("garbage after document", std::string(kSmall) + "x",
        "not valid JSON: unexpected character 'x'; expected the end of the file after the JSON "
        "document (line 10, column 1)");
    row("unterminated string", "{\"format\": \"stream",
        "/format: not valid JSON: unterminated string (line 1, column 12)");
    row("format not a string", replaced(kSmall, "\"streamwright.pipeline/1\"", "1"),
        "/format: unsupported format 1; supported formats: \"streamwright.pipeline/1\" (line 2, "
        "column 13)");
    row("lone surrogate", replaced(kSmall, "\"small\"", "\"\\ud800x\""),
        "/pipeline/name: not valid JSON: high surrogate in \\u escape not followed by a low one "
        "(line 3, column 25)");
    row("invalid UTF-8 outside strings", replaced(kSmall, "\"pipeline\"", "\xC3\x28"),
        "invalid UTF-8 (byte 0xC3) (line 3, column 3)");
    row("overlong UTF-8", replaced(kSmall, "small", "sm\xC0\xAFll"),
        "/pipeline/name: invalid UTF-8 in a string (byte 0xC0) (line 3, column 27)");
    row("unknown member with slash",
        replaced(kSmall, "{\"name\": \"small\"}", "{\"name\": \"small\", \"a/b~c\": 1}"),
        "/pipeline/a~1b~0c: unknown member \"a/b~c\"; allowed members: name, description, "
        "delivery, "
        "parallelism, checkpoint_interval, restart_strategy, retained_checkpoints, "
        "tolerable_failed_checkpoints, schema_evolution, alerts, autoscaling (line 3, column "
        "33)");
    row("nodes not an array",
        replaced(kSmall,
                 "[\n    {\"id\": \"a\", \"type\": \"generator\"},\n    {\"id\": \"b\", "
                 "\"type\": \"console-sink\"}\n  ]",
                 "{}"),
        "/nodes: expected an array of nodes, found an object (line 4, column 12)");
    row("parallelism out of range",
        replaced(kSmall, "{\"name\": \"small\"}", "{\"name\": \"small\", \"parallelism\": 0}"),
        "/pipeline/parallelism: expected an integer between 1 and 256, found 0 (line 3, column "
        "48)");
    row("non-integer parallelism",
        replaced(kSmall, "{\"name\": \"small\"}", "{\"name\": \"small\", \"parallelism\": 2.0}"),
        "/pipeline/parallelism: expected an integer between 1 and 256, found 2.0 (line 3, column "
        "48)");
    row("zero checkpoint interval",
        replaced(kSmall, "{\"name\": \"small\"}",
                 "{\"name\": \"small\", \"checkpoint_interval\": \"0 s\"}"),
        "/pipeline/checkpoint_interval: the checkpoint interval must be positive, e.g. \"10 s\" "
        "(line 3, column 56)");
    row("unknown schema evolution",
        replaced(kSmall, "{\"name\": \"small\"}",
                 "{\"name\": \"small\", \"schema_evolution\": \"BACKWARD\"}"),
        "/pipeline/schema_evolution: unknown schema evolution \"BACKWARD\"; use one of: backward, "
        "forward, full, none (line 3, column 53)");
    row("alerts not an object",
        replaced(kSmall, "{\"name\": \"small\"}", "{\"name\": \"small\", \"alerts\": 5}"),
        "/pipeline/alerts: expected an object {\"consumer_lag\": records, \"error_rate\": per "
        "second}, found a number (line 3, column 43)");
    row("negative error rate",
        replaced(kSmall, "{\"name\": \"small\"}",
                 "{\"name\": \"small\", \"alerts\": {\"error_rate\": -1}}"),
        "/pipeline/alerts/error_rate: expected a number of records per second >= 0, found -1 "
        "(line 3, column 58)");
    row("fractional max parallelism",
        replaced(kSmall, "{\"name\": \"small\"}",
                 "{\"name\": \"small\", \"autoscaling\": {\"max_parallelism\": 2.5}}"),
        "/pipeline/autoscaling/max_parallelism: expected an integer between 1 and 256, found 2.5 "
        "(line 3, column 68)");
    row("position not numbers",
        replaced(kSmall, "\"type\": \"generator\"}",
                 "\"type\": \"generator\", \"position\": {\"x\": \"1\", \"y\": 2}}"),
        "/nodes/0/position/x: expected a number, found a string (line 5, column 56)");
    row("properties not an object",
        replaced(kSmall, "\"type\": \"generator\"}",
                 "\"type\": \"generator\", \"properties\": []}"),
        "/nodes/0/properties: expected an object of properties, found an array (line 5, column "
        "52)");
    row("unknown property far from all",
        replaced(kSmall, "\"type\": \"console-sink\"}",
                 "\"type\": \"console-sink\", \"properties\": {\"colour\": \"red\"}}"),
        "/nodes/1/properties/colour: node \"b\" (console-sink) has no property \"colour\"; its "
        "properties: format, max_rows (line 6, column 56)");
    row("edge to a source",
        replaced(kSmall, "\"to\": {\"node\": \"b\", \"port\": \"in\"}",
                 "\"to\": {\"node\": \"a\", \"port\": \"in\"}"),
        "/edges/0/to/port: node \"a\" (generator) has no input ports (line 8, column 80)");
    row("edge missing from",
        replaced(kSmall, "{\"from\": {\"node\": \"a\", \"port\": \"out\"}, ", "{"),
        "/edges/0: missing member \"from\" (the output port the edge starts at) (line 8, column "
        "13)");
    row("edge end not an object",
        replaced(kSmall, "{\"node\": \"b\", \"port\": \"in\"}", "\"b.in\""),
        "/edges/0/to: expected an object {\"node\": id, \"port\": name}, found a string (line 8, "
        "column 58)");
    row("unknown edge partitioning",
        replaced(kSmall, "\"port\": \"in\"}}", "\"port\": \"in\"}, \"partitioning\": \"hash\"}"),
        "/edges/0/partitioning: unknown partitioning \"hash\"; expected one of \"auto\", "
        "\"rebalance\", \"broadcast\", \"forward\" (line 8, column 103)");
    row("edge partitioning not a string",
        replaced(kSmall, "\"port\": \"in\"}}", "\"port\": \"in\"}, \"partitioning\": 2}"),
        "/edges/0/partitioning: expected one of \"auto\", \"rebalance\", \"broadcast\", "
        "\"forward\", found a number (line 8, column 103)");
    row("unknown edge member",
        replaced(kSmall, "\"port\": \"in\"}}", "\"port\": \"in\"}, \"partition\": \"broadcast\"}"),
        "/edges/0/partition: unknown member \"partition\" (did you mean \"partitioning\"?); "
        "allowed members: from, to, partitioning (line 8, column 87)");
    // Recovery settings (catalog/RecoverySettings.cpp).
    auto settings = [&](const char* members) {
        return replaced(kSmall, "{\"name\": \"small\"}",
                        std::string("{\"name\": \"small\", ") + members + "}");
    };
    row("restart strategy unknown type", settings("\"restart_strategy\": {\"type\": \"fixed\"}"),
        "/pipeline/restart_strategy/type: unknown restart strategy \"fixed\"; use \"none\", "
        "\"fixed-delay\" or \"exponential-delay\" (line 3, column 62)");
    row("restart strategy without type", settings("\"restart_strategy\": {\"attempts\": 2}"),
        "/pipeline/restart_strategy: missing member \"type\" (\"none\", \"fixed-delay\" or "
        "\"exponential-delay\") (line 3, column 53)");
    row("restart strategy none with attempts",
        settings("\"restart_strategy\": {\"type\": \"none\", \"attempts\": 2}"),
        "/pipeline/restart_strategy/attempts: restart strategy \"none\" has no \"attempts\"; its "
        "members: type (line 3, column 70)");
    row("fixed delay with max_delay",
        settings("\"restart_strategy\": {\"type\": \"fixed-delay\", \"max_delay\": \"1 s\"}"),
        "/pipeline/restart_strategy/max_delay: restart strategy \"fixed-delay\" has no "
        "\"max_delay\"; its members: type, attempts, delay (line 3, column 77)");
    row("restart attempts out of range",
        settings("\"restart_strategy\": {\"type\": \"fixed-delay\", \"attempts\": 0}"),
        "/pipeline/restart_strategy/attempts: expected an integer between 1 and 1000, found 0 "
        "(line 3, column 89)");
    row("restart delay not a duration",
        settings("\"restart_strategy\": {\"type\": \"fixed-delay\", \"delay\": \"soon\"}"),
        "/pipeline/restart_strategy/delay: 'soon' is not a duration (expected e.g. '5 min', "
        "'30 s', '100 ms') (line 3, column 86)");
    row("max_delay shorter than delay",
        settings("\"restart_strategy\": {\"type\": \"exponential-delay\", \"delay\": \"10 s\", "
                 "\"max_delay\": \"1 s\"}"),
        "/pipeline/restart_strategy/max_delay: max_delay (1 s) must not be shorter than delay "
        "(10 s) (line 3, column 113)");
    row("retained checkpoints out of range", settings("\"retained_checkpoints\": 0"),
        "/pipeline/retained_checkpoints: expected an integer between 1 and 100, found 0 (line 3, "
        "column 57)");
    row("tolerable failures not an integer", settings("\"tolerable_failed_checkpoints\": 2.5"),
        "/pipeline/tolerable_failed_checkpoints: expected an integer between 1 and 1000, found "
        "2.5 (line 3, column 65)");
    row("node is not an object",
        replaced(kSmall, "{\"id\": \"b\", \"type\": \"console-sink\"}", "\"b\""),
        "/nodes/1: expected a node object, found a string (line 6, column 5)");
}

void TestModel::badTexts()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    auto r = parsePipeline(text.toStdString());
    QVERIFY2(!r, "bad text loaded");
    QCOMPARE(QString::fromStdString(r.error().toString()), expected);
}

void TestModel::mutatedFilesAgreeWithNlohmann()
{
    // Differential check of the pre-scanner against nlohmann's parser (an independent oracle):
    // on thousands of randomly damaged files, the loader never crashes, and it calls a text "not
    // valid JSON" exactly when nlohmann does not accept it.
    const std::string bytes = "{}[]\",:\\ \n0123456789.eE+-truefalsn\xC3\xA9\xFF\x01u";
    std::mt19937_64 rng(12345);
    int rejectedAsJson = 0, loaded = 0;
    for (const QString& file : canonicalFiles()) {
        const std::string original = readFile(file);
        for (int i = 0; i < 1500; ++i) {
            std::string t = original;
            for (int m = std::uniform_int_distribution<int>(1, 3)(rng); m > 0 && !t.empty(); --m) {
                std::size_t at = std::uniform_int_distribution<std::size_t>(0, t.size() - 1)(rng);
                char c =
                    bytes[std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(rng)];
                switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
                case 0:
                    t[at] = c;
                    break;
                case 1:
                    t.insert(at, 1, c);
                    break;
                case 2:
                    t.erase(at, 1);
                    break;
                default:
                    t.resize(at);
                    break;
                }
            }
            bool oracle = nlohmann::json::accept(t);
            auto r = parsePipeline(t);
            const std::string msg = r ? std::string() : r.error().message;
            bool jsonLevel = msg.rfind("not valid JSON", 0) == 0 ||
                             msg.rfind("invalid UTF-8", 0) == 0 ||
                             msg.rfind("the file is empty", 0) == 0 || msg.rfind("number ", 0) == 0;
            if (!oracle) {
                QVERIFY2(!r && jsonLevel,
                         qPrintable(QString("nlohmann rejects, loader says: %1\n%2")
                                        .arg(describe(r), QString::fromStdString(t))));
                ++rejectedAsJson;
            } else {
                bool duplicate = msg.find("duplicate member") != std::string::npos;
                QVERIFY2(!jsonLevel || duplicate,
                         qPrintable(QString("nlohmann accepts, loader says: %1\n%2")
                                        .arg(describe(r), QString::fromStdString(t))));
                if (r) ++loaded;
            }
            if (!r)
                QVERIFY2(r.error().line > 0 || msg.rfind("the file is empty", 0) == 0,
                         qPrintable("no line for: " + describe(r)));
        }
    }
    qInfo("%d damaged texts rejected as JSON, %d still loaded", rejectedAsJson, loaded);
    QVERIFY(rejectedAsJson > 1000); // the mutations do exercise both sides
    QVERIFY(loaded > 100);
}

void TestModel::hugeFileIsRejectedBySize()
{
    QTemporaryDir dir;
    QString path = dir.filePath("huge.pipeline.json");
    {
        std::ofstream f(path.toStdString(), std::ios::binary);
        f << R"({"format": "streamwright.pipeline/1", "pipeline": {"name": "huge", "description": ")";
        std::string chunk(1 << 20, 'x');
        for (int i = 0; i < 100; ++i)
            f << chunk;
        f << "\"}, \"nodes\": []}\n";
    }
    const auto size = static_cast<std::size_t>(QFileInfo(path).size());
    QVERIFY(size > 100u * 1024 * 1024);
    LoadFailure failure = LoadFailure::None;
    auto r = loadPipelineFile(path.toStdString(), &failure);
    QVERIFY(!r);
    QCOMPARE(r.error().toString(), "the file is " + std::to_string(size) +
                                       " bytes; the largest pipeline file accepted is 16777216 "
                                       "bytes (16 MiB)");
    QVERIFY(failure == LoadFailure::BadContent);

    // The limit is exact: a valid file of kMaxPipelineFileBytes loads, one byte more does not.
    std::string head =
        R"({"format": "streamwright.pipeline/1", "pipeline": {"name": "big", "description": ")";
    std::string foot = "\"}, \"nodes\": []}\n";
    std::string text =
        head + std::string(kMaxPipelineFileBytes - head.size() - foot.size(), 'y') + foot;
    QCOMPARE(text.size(), kMaxPipelineFileBytes);
    writeFile(path, text);
    auto ok = loadPipelineFile(path.toStdString());
    QVERIFY2(ok, qPrintable(describe(ok)));
    QCOMPARE(ok->settings.description.size(), kMaxPipelineFileBytes - head.size() - foot.size());
    writeFile(path, text + "\n");
    auto tooBig = loadPipelineFile(path.toStdString());
    QVERIFY(!tooBig);
    QCOMPARE(tooBig.error().toString(),
             std::string("the file is 16777217 bytes; the largest pipeline "
                         "file accepted is 16777216 bytes (16 MiB)"));
}

void TestModel::oversizedTextIsRejected()
{
    auto r = parsePipeline(std::string(kMaxPipelineFileBytes + 1, ' '));
    QVERIFY(!r);
    QCOMPARE(r.error().toString(),
             std::string("the pipeline text is 16777217 bytes; the largest "
                         "pipeline file accepted is 16777216 bytes (16 MiB)"));
    // A device that never ends is read only up to the limit.
    LoadFailure failure = LoadFailure::None;
    auto z = loadPipelineFile("/dev/zero", &failure);
    QVERIFY(!z);
    QCOMPARE(z.error().toString(), std::string("the file has more than 16777216 bytes; the largest "
                                               "pipeline file accepted is 16777216 bytes"));
    QVERIFY(failure == LoadFailure::BadContent);
}

void TestModel::deepNestingDoesNotOverflow()
{
    std::string deepPath;
    for (int i = 0; i < kMaxPipelineJsonDepth; ++i)
        deepPath += "/0";
    auto r = parsePipeline(std::string(100000, '['));
    QVERIFY(!r);
    QCOMPARE(r.error().toString(),
             deepPath + ": JSON nested deeper than 64 levels (line 1, column 65)");

    std::string objects;
    for (int i = 0; i < 100000; ++i)
        objects += "{\"a\":";
    auto o = parsePipeline(objects);
    QVERIFY(!o);
    QCOMPARE(o.error().message, std::string("JSON nested deeper than 64 levels"));
    QCOMPARE(o.error().path.size(), std::size_t(2 * kMaxPipelineJsonDepth));
    QCOMPARE(o.error().column, 5 * kMaxPipelineJsonDepth + 1);

    // Inside a property value: the path names the property.
    std::string inProperty = replaced(
        kSmall, "\"type\": \"generator\"}",
        "\"type\": \"generator\", \"properties\": {\"kind\": " + std::string(100000, '[') + "}}");
    auto p = parsePipeline(inProperty);
    QVERIFY(!p);
    QCOMPARE(p.error().message, std::string("JSON nested deeper than 64 levels"));
    QVERIFY2(p.error().path.rfind("/nodes/0/properties/kind/0/0", 0) == 0, p.error().path.c_str());
    QCOMPARE(p.error().line, 5);

    // Exactly at the limit the JSON is read (and then rejected for what it is).
    std::string atLimit =
        std::string(kMaxPipelineJsonDepth, '[') + std::string(kMaxPipelineJsonDepth, ']');
    auto l = parsePipeline(atLimit);
    QVERIFY(!l);
    QCOMPARE(
        l.error().toString(),
        std::string("expected a JSON object at the top level, found an array (line 1, column 1)"));
}

void TestModel::unreadableFiles()
{
    QTemporaryDir dir;
    std::string missing = dir.filePath("nope.pipeline.json").toStdString();
    LoadFailure failure = LoadFailure::None;
    auto r = loadPipelineFile(missing, &failure);
    QVERIFY(!r);
    QCOMPARE(r.error().toString(), "cannot open '" + missing + "': No such file or directory");
    QVERIFY(failure == LoadFailure::CannotRead);

    auto d = loadPipelineFile(dir.path().toStdString(), &failure);
    QVERIFY(!d);
    QCOMPARE(d.error().toString(),
             "cannot open '" + dir.path().toStdString() + "': it is a directory");
    QVERIFY(failure == LoadFailure::CannotRead);

    if (::geteuid() != 0) { // root reads mode-000 files, so only check this as a normal user
        QString locked = dir.filePath("locked.pipeline.json");
        writeFile(locked, kSmall);
        QFile::setPermissions(locked, {});
        auto l = loadPipelineFile(locked.toStdString(), &failure);
        QVERIFY(!l);
        QCOMPARE(l.error().toString(),
                 "cannot open '" + locked.toStdString() + "': Permission denied");
        QVERIFY(failure == LoadFailure::CannotRead);
    }

    QString good = dir.filePath("good.pipeline.json");
    writeFile(good, kSmall);
    QVERIFY(loadPipelineFile(good.toStdString(), &failure));
    QVERIFY(failure == LoadFailure::None);
}
