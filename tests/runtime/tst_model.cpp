// Pipeline file format v1: round trips, byte-stable saving, every bad-file error message (with
// its JSON path and line/column), limits (size, depth), and atomic saving.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <fstream>
#include <random>
#include <sstream>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "RandomPipeline.h"
#include "catalog/Catalog.h"
#include "model/PipelineIo.h"

using namespace sw::runtime;

namespace {

QString sourceDir() { return QStringLiteral(SW_SOURCE_DIR); }

std::string readFile(const QString& path)
{
    std::ifstream f(path.toStdString(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

void writeFile(const QString& path, const std::string& data)
{
    std::ofstream f(path.toStdString(), std::ios::binary);
    f << data;
}

QStringList canonicalFiles()
{
    QStringList files = {sourceDir() + "/tests/runtime/data/canonical.pipeline.json"};
    QDir ex(sourceDir() + "/examples");
    for (const QString& f : ex.entryList({"*.pipeline.json"}, QDir::Files, QDir::Name))
        files << ex.filePath(f);
    return files;
}

QString describe(const Result<PipelineSpec>& r)
{
    return r ? QStringLiteral("<loaded>") : QString::fromStdString(r.error().toString());
}

/// Text of a small valid pipeline; tests splice one defect into it.
const char* kSmall = R"({
  "format": "streamwright.pipeline/1",
  "pipeline": {"name": "small"},
  "nodes": [
    {"id": "a", "type": "generator"},
    {"id": "b", "type": "console-sink"}
  ],
  "edges": [{"from": {"node": "a", "port": "out"}, "to": {"node": "b", "port": "in"}}]
}
)";

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    auto p = text.find(from);
    if (p == std::string::npos) qFatal("fixture text not found: %s", from.c_str());
    return text.replace(p, from.size(), to);
}

} // namespace

class TestModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void minimalFileUsesDefaults();
    void randomPipelinesRoundTrip();
    void canonicalFilesAreByteStable();
    void canonicalFilesAreByteStable_data();
    void unknownPropertiesEqualToDefaultAreKept();
    void badFiles();
    void badFiles_data();
    void badTexts();
    void badTexts_data();
    void hugeFileIsRejectedBySize();
    void oversizedTextIsRejected();
    void deepNestingDoesNotOverflow();
    void unreadableFiles();
    void saveReplacesAtomically();
    void saveIntoDirectoryPathFails();
    void saveIntoUnwritableDirectoryFails();
    void failedWriteLeavesOldFile();
};

void TestModel::minimalFileUsesDefaults()
{
    auto r = parsePipeline(kSmall);
    QVERIFY2(r, qPrintable(describe(r)));
    QCOMPARE(r->settings.name, std::string("small"));
    QVERIFY(r->settings.delivery == DeliveryGuarantee::AtLeastOnce);
    QCOMPARE(r->settings.parallelism, 1);
    QCOMPARE(r->settings.checkpointIntervalMs, std::int64_t(10000));
    QCOMPARE(r->settings.schemaEvolution, std::string());
    QCOMPARE(r->nodes.size(), std::size_t(2));
    QCOMPARE(r->nodes[0].label, std::string());
    QCOMPARE(r->nodes[0].x, 0.0);
    QVERIFY(r->nodes[0].properties.is_object() && r->nodes[0].properties.empty());
    QCOMPARE(r->edges.size(), std::size_t(1));
    QCOMPARE(r->edges[0].to.node, std::string("b"));
    // Saving writes the canonical form, which reads back equal and is then stable.
    std::string canonical = serializePipeline(*r);
    QVERIFY(canonical.find("\"checkpoint_interval\": \"10 s\"") != std::string::npos);
    auto again = parsePipeline(canonical);
    QVERIFY2(again, qPrintable(describe(again)));
    QVERIFY(*again == *r);
    QCOMPARE(serializePipeline(*again), canonical);

    // A UTF-8 byte-order mark is tolerated (and not written back); columns do not count it.
    auto bom = parsePipeline("\xEF\xBB\xBF" + std::string(kSmall));
    QVERIFY2(bom, qPrintable(describe(bom)));
    QVERIFY(*bom == *r);
    auto bomError = parsePipeline("\xEF\xBB\xBF{\"format\": 2}");
    QVERIFY(!bomError);
    QCOMPARE(bomError.error().column, 12);
}

void TestModel::randomPipelinesRoundTrip()
{
    for (unsigned seed = 1; seed <= 300; ++seed) {
        std::mt19937_64 rng(seed);
        PipelineSpec p = sw::test::randomPipeline(rng);
        // The generator itself must produce what the catalog accepts.
        for (const auto& n : p.nodes)
            for (auto it = n.properties.begin(); it != n.properties.end(); ++it) {
                PropertySpec spec = *Catalog::instance().find(n.type)->findProperty(it.key());
                spec.required = false;
                QVERIFY2(spec.check(*it), qPrintable(QString("seed %1: generator made a bad %2")
                                                         .arg(seed).arg(QString::fromStdString(it.key()))));
            }
        std::string text = serializePipeline(p);
        auto r = parsePipeline(text);
        QVERIFY2(r, qPrintable(QString("seed %1: %2\n%3").arg(seed).arg(describe(r),
                                                                         QString::fromStdString(text))));
        QVERIFY2(*r == p, qPrintable(QString("seed %1: reloaded pipeline differs").arg(seed)));
        QCOMPARE(serializePipeline(*r), text);
    }
}

void TestModel::canonicalFilesAreByteStable_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = canonicalFiles();
    QVERIFY2(files.size() >= 2, "no examples/*.pipeline.json found");
    for (const QString& f : files) QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
}

void TestModel::canonicalFilesAreByteStable()
{
    QFETCH(QString, file);
    std::string original = readFile(file);
    QVERIFY(!original.empty());
    auto r = loadPipelineFile(file.toStdString());
    QVERIFY2(r, qPrintable(describe(r)));
    QCOMPARE(serializePipeline(*r), original);

    QTemporaryDir dir;
    QString copy = dir.filePath("saved.pipeline.json");
    Status s = savePipelineFile(*r, copy.toStdString());
    QVERIFY2(s, s.message().c_str());
    QCOMPARE(readFile(copy), original);
}

void TestModel::unknownPropertiesEqualToDefaultAreKept()
{
    // "kind": "orders" and "parallelism": 0 are catalog defaults; written in the file, they stay.
    QCOMPARE(Catalog::instance().find("generator")->findProperty("kind")->defaultValue, nlohmann::json("orders"));
    std::string text = replaced(kSmall, R"({"id": "a", "type": "generator"})",
                                R"({"id": "a", "type": "generator", "properties": {"kind": "orders", "parallelism": 0}})");
    auto r = parsePipeline(text);
    QVERIFY2(r, qPrintable(describe(r)));
    QCOMPARE(r->nodes[0].properties, nlohmann::json({{"kind", "orders"}, {"parallelism", 0}}));
    std::string saved = serializePipeline(*r);
    QVERIFY(saved.find("\"kind\": \"orders\",\n        \"parallelism\": 0\n") != std::string::npos);
}

void TestModel::badFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    auto row = [](const char* name, const char* expected) {
        QTest::newRow(name) << sourceDir() + "/tests/runtime/data/bad/" + name + ".pipeline.json"
                            << QString::fromUtf8(expected);
    };
    row("not-json", "/pipeline/name: not valid JSON: unexpected character '\"'; expected ',' or '}' "
                    "after an object member (line 5, column 5)");
    row("not-json-trailing-comma",
        "/edges/2: not valid JSON: unexpected character ']'; expected a value (line 15, column 3)");
    row("empty", "the file is empty; expected a JSON object with \"format\": \"streamwright.pipeline/1\"");
    row("top-level-array", "expected a JSON object at the top level, found an array (line 1, column 1)");
    row("missing-format", "missing member \"format\": this is not a Streamwright pipeline file "
                          "(supported formats: \"streamwright.pipeline/1\") (line 1, column 1)");
    row("wrong-format", "/format: unsupported format \"streamwright.pipeline/2\"; supported formats: "
                        "\"streamwright.pipeline/1\" (line 2, column 13)");
    row("unknown-member", "/edgez: unknown member \"edgez\" (did you mean \"edges\"?); allowed members: "
                          "format, pipeline, nodes, edges (line 12, column 3)");
    row("unknown-node-type", "/nodes/1/type: unknown node type \"tumbling_window\" (did you mean "
                             "\"tumbling-window\"?) (line 9, column 31)");
    row("unknown-node-type-far",
        "/nodes/2/type: unknown node type \"printer\"; known types: generator, kafka-source, "
        "file-source, filter, map, key-by, union, tumbling-window, hop-window, session-window, "
        "global-window, interval-join, window-join, temporal-join, dedup, dlq, kafka-sink, "
        "sqlite-sink, file-sink, console-sink (line 10, column 28)");
    row("unknown-property", "/nodes/1/properties/sise: node \"revenue\" (tumbling-window) has no "
                            "property \"sise\" (did you mean \"size\"?) (line 9, column 65)");
    row("ill-typed-property", "/nodes/1/properties/size: property \"size\" of node \"revenue\" "
                              "(tumbling-window): expected a duration string like \"5 min\" or "
                              "\"30 s\" (line 9, column 73)");
    row("out-of-range-property",
        "/nodes/0/properties/events_per_second: property \"events_per_second\" of node \"orders\" "
        "(generator): expected an integer between 0 and 100000000 (line 8, column 79)");
    row("missing-node-id", "/nodes/2: missing member \"id\" (every node needs a unique id) (line 10, column 5)");
    row("invalid-node-id", "/nodes/2/id: invalid node id \"my sink\": an id starts with a letter or "
                           "'_' and continues with letters, digits, '_', '.' or '-' (line 10, column 12)");
    row("duplicate-node-id", "/nodes/2/id: duplicate node id \"orders\" (also used by /nodes/0) "
                             "(line 10, column 12)");
    row("edge-to-missing-node", "/edges/1/to/node: no node with id \"snk\" (did you mean \"sink\"?) "
                                "(line 14, column 65)");
    row("edge-to-missing-port", "/edges/0/to/port: node \"revenue\" (tumbling-window) has no input "
                                "port \"input\"; its input ports: in (line 13, column 83)");
    row("edge-from-input-port", "/edges/1/from/port: \"in\" is an input port of node \"revenue\" "
                                "(tumbling-window); an edge starts at an output port (out, errors) "
                                "(line 14, column 42)");
    row("edge-to-output-port", "/edges/0/to/port: \"out\" is an output port of node \"revenue\" "
                               "(tumbling-window); an edge ends at an input port (in) (line 13, column 83)");
    row("duplicate-edge", "/edges/2: duplicate edge orders.out -> revenue.in (same as /edges/0) "
                          "(line 15, column 5)");
    row("second-edge-into-input",
        "/edges/2/to: input port \"in\" of node \"sink\" takes one edge and already has one from "
        "revenue.out (/edges/1); merge streams with a union node first (line 15, column 55)");
    row("invalid-utf8", "/pipeline/name: invalid UTF-8 in a string (byte 0xFF) (line 4, column 29)");
    row("duplicate-member", "/nodes/2/id: duplicate member \"id\" (line 10, column 44)");
    row("bad-delivery", "/pipeline/delivery: unknown delivery guarantee \"exactly_once\"; use "
                        "\"at-least-once\" or \"exactly-once\" (line 6, column 17)");
    row("bad-checkpoint-interval", "/pipeline/checkpoint_interval: unexpected text after duration "
                                   "'10 sec0' (line 5, column 28)");
    row("missing-pipeline-name", "/pipeline: missing member \"name\" (the pipeline's name) (line 3, column 15)");
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
    row("whitespace only", " \n\t\r\n", "the file is empty; expected a JSON object with \"format\": "
                                       "\"streamwright.pipeline/1\"");
    row("byte-order mark then nothing", "\xEF\xBB\xBF\n", "the file is empty; expected a JSON object with "
                                                       "\"format\": \"streamwright.pipeline/1\"");
    row("top-level string", "\"hello\"", "expected a JSON object at the top level, found a string (line 1, column 1)");
    row("garbage after document", std::string(kSmall) + "x",
        "not valid JSON: unexpected character 'x'; expected the end of the file after the JSON "
        "document (line 10, column 1)");
    row("unterminated string", "{\"format\": \"stream", "/format: not valid JSON: unterminated string (line 1, column 12)");
    row("format not a string", replaced(kSmall, "\"streamwright.pipeline/1\"", "1"),
        "/format: unsupported format 1; supported formats: \"streamwright.pipeline/1\" (line 2, column 13)");
    row("lone surrogate", replaced(kSmall, "\"small\"", "\"\\ud800x\""),
        "/pipeline/name: not valid JSON: high surrogate in \\u escape not followed by a low one (line 3, column 25)");
    row("invalid UTF-8 outside strings", replaced(kSmall, "\"pipeline\"", "\xC3\x28"),
        "invalid UTF-8 (byte 0xC3) (line 3, column 3)");
    row("overlong UTF-8", replaced(kSmall, "small", "sm\xC0\xAFll"),
        "/pipeline/name: invalid UTF-8 in a string (byte 0xC0) (line 3, column 27)");
    row("unknown member with slash", replaced(kSmall, "{\"name\": \"small\"}", "{\"name\": \"small\", \"a/b~c\": 1}"),
        "/pipeline/a~1b~0c: unknown member \"a/b~c\"; allowed members: name, description, delivery, "
        "parallelism, checkpoint_interval, schema_evolution (line 3, column 33)");
    row("nodes not an array",
        replaced(kSmall, "[\n    {\"id\": \"a\", \"type\": \"generator\"},\n    {\"id\": \"b\", "
                         "\"type\": \"console-sink\"}\n  ]", "{}"),
        "/nodes: expected an array of nodes, found an object (line 4, column 12)");
    row("parallelism out of range", replaced(kSmall, "{\"name\": \"small\"}", "{\"name\": \"small\", \"parallelism\": 0}"),
        "/pipeline/parallelism: expected an integer between 1 and 256, found 0 (line 3, column 48)");
    row("non-integer parallelism", replaced(kSmall, "{\"name\": \"small\"}", "{\"name\": \"small\", \"parallelism\": 2.0}"),
        "/pipeline/parallelism: expected an integer between 1 and 256, found 2.0 (line 3, column 48)");
    row("zero checkpoint interval", replaced(kSmall, "{\"name\": \"small\"}", "{\"name\": \"small\", \"checkpoint_interval\": \"0 s\"}"),
        "/pipeline/checkpoint_interval: the checkpoint interval must be positive, e.g. \"10 s\" (line 3, column 56)");
    row("unknown schema evolution", replaced(kSmall, "{\"name\": \"small\"}", "{\"name\": \"small\", \"schema_evolution\": \"BACKWARD\"}"),
        "/pipeline/schema_evolution: unknown schema evolution \"BACKWARD\"; use one of: backward, "
        "forward, full, none (line 3, column 53)");
    row("position not numbers", replaced(kSmall, "\"type\": \"generator\"}", "\"type\": \"generator\", \"position\": {\"x\": \"1\", \"y\": 2}}"),
        "/nodes/0/position/x: expected a number, found a string (line 5, column 56)");
    row("properties not an object", replaced(kSmall, "\"type\": \"generator\"}", "\"type\": \"generator\", \"properties\": []}"),
        "/nodes/0/properties: expected an object of properties, found an array (line 5, column 52)");
    row("unknown property far from all", replaced(kSmall, "\"type\": \"console-sink\"}", "\"type\": \"console-sink\", \"properties\": {\"colour\": \"red\"}}"),
        "/nodes/1/properties/colour: node \"b\" (console-sink) has no property \"colour\"; its "
        "properties: format, max_rows (line 6, column 56)");
    row("edge to a source", replaced(kSmall, "\"to\": {\"node\": \"b\", \"port\": \"in\"}", "\"to\": {\"node\": \"a\", \"port\": \"in\"}"),
        "/edges/0/to/port: node \"a\" (generator) has no input ports (line 8, column 80)");
    row("edge missing from", replaced(kSmall, "{\"from\": {\"node\": \"a\", \"port\": \"out\"}, ", "{"),
        "/edges/0: missing member \"from\" (the output port the edge starts at) (line 8, column 13)");
    row("edge end not an object", replaced(kSmall, "{\"node\": \"b\", \"port\": \"in\"}", "\"b.in\""),
        "/edges/0/to: expected an object {\"node\": id, \"port\": name}, found a string (line 8, column 58)");
    row("node is not an object", replaced(kSmall, "{\"id\": \"b\", \"type\": \"console-sink\"}", "\"b\""),
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

void TestModel::hugeFileIsRejectedBySize()
{
    QTemporaryDir dir;
    QString path = dir.filePath("huge.pipeline.json");
    {
        std::ofstream f(path.toStdString(), std::ios::binary);
        f << R"({"format": "streamwright.pipeline/1", "pipeline": {"name": "huge", "description": ")";
        std::string chunk(1 << 20, 'x');
        for (int i = 0; i < 100; ++i) f << chunk;
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
    std::string head = R"({"format": "streamwright.pipeline/1", "pipeline": {"name": "big", "description": ")";
    std::string foot = "\"}, \"nodes\": []}\n";
    std::string text = head + std::string(kMaxPipelineFileBytes - head.size() - foot.size(), 'y') + foot;
    QCOMPARE(text.size(), kMaxPipelineFileBytes);
    writeFile(path, text);
    auto ok = loadPipelineFile(path.toStdString());
    QVERIFY2(ok, qPrintable(describe(ok)));
    QCOMPARE(ok->settings.description.size(), kMaxPipelineFileBytes - head.size() - foot.size());
    writeFile(path, text + "\n");
    auto tooBig = loadPipelineFile(path.toStdString());
    QVERIFY(!tooBig);
    QCOMPARE(tooBig.error().toString(), std::string("the file is 16777217 bytes; the largest pipeline "
                                                    "file accepted is 16777216 bytes (16 MiB)"));
}

void TestModel::oversizedTextIsRejected()
{
    auto r = parsePipeline(std::string(kMaxPipelineFileBytes + 1, ' '));
    QVERIFY(!r);
    QCOMPARE(r.error().toString(), std::string("the pipeline text is 16777217 bytes; the largest "
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
    for (int i = 0; i < kMaxPipelineJsonDepth; ++i) deepPath += "/0";
    auto r = parsePipeline(std::string(100000, '['));
    QVERIFY(!r);
    QCOMPARE(r.error().toString(), deepPath + ": JSON nested deeper than 64 levels (line 1, column 65)");

    std::string objects;
    for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
    auto o = parsePipeline(objects);
    QVERIFY(!o);
    QCOMPARE(o.error().message, std::string("JSON nested deeper than 64 levels"));
    QCOMPARE(o.error().path.size(), std::size_t(2 * kMaxPipelineJsonDepth));
    QCOMPARE(o.error().column, 5 * kMaxPipelineJsonDepth + 1);

    // Inside a property value: the path names the property.
    std::string inProperty = replaced(kSmall, "\"type\": \"generator\"}",
                                      "\"type\": \"generator\", \"properties\": {\"kind\": " +
                                          std::string(100000, '[') + "}}");
    auto p = parsePipeline(inProperty);
    QVERIFY(!p);
    QCOMPARE(p.error().message, std::string("JSON nested deeper than 64 levels"));
    QVERIFY2(p.error().path.rfind("/nodes/0/properties/kind/0/0", 0) == 0, p.error().path.c_str());
    QCOMPARE(p.error().line, 5);

    // Exactly at the limit the JSON is read (and then rejected for what it is).
    std::string atLimit = std::string(kMaxPipelineJsonDepth, '[') + std::string(kMaxPipelineJsonDepth, ']');
    auto l = parsePipeline(atLimit);
    QVERIFY(!l);
    QCOMPARE(l.error().toString(),
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
    QCOMPARE(d.error().toString(), "cannot open '" + dir.path().toStdString() + "': it is a directory");
    QVERIFY(failure == LoadFailure::CannotRead);

    if (::geteuid() != 0) { // root reads mode-000 files, so only check this as a normal user
        QString locked = dir.filePath("locked.pipeline.json");
        writeFile(locked, kSmall);
        QFile::setPermissions(locked, {});
        auto l = loadPipelineFile(locked.toStdString(), &failure);
        QVERIFY(!l);
        QCOMPARE(l.error().toString(), "cannot open '" + locked.toStdString() + "': Permission denied");
        QVERIFY(failure == LoadFailure::CannotRead);
    }

    QString good = dir.filePath("good.pipeline.json");
    writeFile(good, kSmall);
    QVERIFY(loadPipelineFile(good.toStdString(), &failure));
    QVERIFY(failure == LoadFailure::None);
}

void TestModel::saveReplacesAtomically()
{
    QTemporaryDir dir;
    QString path = dir.filePath("p.pipeline.json");
    writeFile(path, "old content\n");
    QVERIFY(::chmod(path.toLocal8Bit().constData(), 0640) == 0);
    std::mt19937_64 rng(7);
    PipelineSpec p = sw::test::randomPipeline(rng);
    Status s = savePipelineFile(p, path.toStdString());
    QVERIFY2(s, s.message().c_str());
    QCOMPARE(readFile(path), serializePipeline(p));
    struct stat st {};
    QVERIFY(::stat(path.toLocal8Bit().constData(), &st) == 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0640)); // permissions of the replaced file are kept
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"p.pipeline.json"});

    // Through a symlink: the target is replaced, the link stays a link.
    QString link = dir.filePath("link.pipeline.json");
    QVERIFY(QFile::link(path, link));
    p.settings.name = "via-link";
    s = savePipelineFile(p, link.toStdString());
    QVERIFY2(s, s.message().c_str());
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(readFile(path), serializePipeline(p));
}

void TestModel::saveIntoDirectoryPathFails()
{
    QTemporaryDir dir;
    std::mt19937_64 rng(1);
    Status s = savePipelineFile(sw::test::randomPipeline(rng), dir.path().toStdString());
    QVERIFY(!s);
    QCOMPARE(s.message(), "cannot save '" + dir.path().toStdString() + "': it is a directory");
    QVERIFY(QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
}

void TestModel::saveIntoUnwritableDirectoryFails()
{
    QTemporaryDir dir;
    std::mt19937_64 rng(2);
    PipelineSpec p = sw::test::randomPipeline(rng);
    std::string inMissing = dir.filePath("missing/p.pipeline.json").toStdString();
    Status s = savePipelineFile(p, inMissing);
    QVERIFY(!s);
    QCOMPARE(s.message(), "cannot save '" + inMissing + "': cannot create a temporary file in '" +
                              dir.filePath("missing").toStdString() + "': No such file or directory");

    if (::geteuid() != 0) {
        QString ro = dir.filePath("ro");
        QVERIFY(QDir().mkdir(ro));
        QString path = ro + "/p.pipeline.json";
        writeFile(path, "old content\n");
        QVERIFY(::chmod(ro.toLocal8Bit().constData(), 0555) == 0);
        s = savePipelineFile(p, path.toStdString());
        ::chmod(ro.toLocal8Bit().constData(), 0755);
        QVERIFY(!s);
        QCOMPARE(s.message(), "cannot save '" + path.toStdString() +
                                  "': cannot create a temporary file in '" + ro.toStdString() +
                                  "': Permission denied");
        QCOMPARE(readFile(path), std::string("old content\n"));
    } else {
        // root may write into mode-0555 directories; /proc refuses new files even to root.
        s = savePipelineFile(p, "/proc/streamwright-test.pipeline.json");
        QVERIFY(!s);
        QVERIFY2(s.message().rfind("cannot save '/proc/streamwright-test.pipeline.json': cannot "
                                   "create a temporary file in '/proc': ", 0) == 0,
                 s.message().c_str());
        QVERIFY(!QFile::exists("/proc/streamwright-test.pipeline.json"));
    }
}

void TestModel::failedWriteLeavesOldFile()
{
    // A write that fails half-way (here: the file size limit, as a full disk would) must leave
    // the old file as it was and no temporary file behind.
    QTemporaryDir dir;
    QString path = dir.filePath("p.pipeline.json");
    writeFile(path, "old content\n");
    PipelineSpec p;
    p.settings.name = "big";
    p.settings.description = std::string(64 * 1024, 'd');
    struct rlimit saved {};
    QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    struct rlimit small = saved;
    small.rlim_cur = 4096;
    auto previous = std::signal(SIGXFSZ, SIG_IGN);
    QVERIFY(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    Status s = savePipelineFile(p, path.toStdString());
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous);
    QVERIFY(!s);
    QCOMPARE(s.message(), "cannot save '" + path.toStdString() + "': writing failed: File too large");
    QCOMPARE(readFile(path), std::string("old content\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"p.pipeline.json"});
}

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
