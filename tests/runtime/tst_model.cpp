// Pipeline file format v1: round trips, byte-stable saving and atomic saving.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <random>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "RandomPipeline.h"
#include "catalog/Catalog.h"
#include "exec/EngineOptions.h"
#include "tst_model.h"

using namespace sw::runtime;
using namespace sw::test;

void TestModel::edgePartitioningRoundTrips()
{
    // An explicit partitioning is read, written back and re-read equal; "auto" (the default)
    // is accepted but never written, so files without the member stay byte-stable.
    for (const char* kind : {"rebalance", "broadcast", "forward"}) {
        auto r = parsePipeline(
            replaced(kSmall, "\"port\": \"in\"}}",
                     std::string("\"port\": \"in\"}, \"partitioning\": \"") + kind + "\"}"));
        QVERIFY2(r, qPrintable(describe(r)));
        QCOMPARE(std::string(toString(r->edges[0].partitioning)), std::string(kind));
        const std::string text = serializePipeline(*r);
        QVERIFY2(text.find(std::string("\"partitioning\": \"") + kind + "\"") != std::string::npos,
                 text.c_str());
        auto again = parsePipeline(text);
        QVERIFY(again);
        QVERIFY(*again == *r);
        QCOMPARE(serializePipeline(*again), text);
    }
    auto autoEdge = parsePipeline(
        replaced(kSmall, "\"port\": \"in\"}}", "\"port\": \"in\"}, \"partitioning\": \"auto\"}"));
    QVERIFY(autoEdge);
    QVERIFY(autoEdge->edges[0].partitioning == EdgePartitioning::Auto);
    QVERIFY(serializePipeline(*autoEdge).find("partitioning") == std::string::npos);
    QVERIFY(*autoEdge == *parsePipeline(kSmall));
}

void TestModel::alertsAndAutoscalingRoundTrip()
{
    auto r = parsePipeline(
        replaced(kSmall, "{\"name\": \"small\"}",
                 "{\"name\": \"small\", \"alerts\": {\"consumer_lag\": 500, "
                 "\"error_rate\": 0.5}, \"autoscaling\": {\"max_parallelism\": 12}}"));
    QVERIFY2(r, qPrintable(describe(r)));
    QCOMPARE(r->settings.alerts.consumerLag, std::int64_t(500));
    QCOMPARE(r->settings.alerts.errorRate, 0.5);
    QVERIFY(r->settings.autoscaling);
    QCOMPARE(r->settings.autoscaling->maxParallelism, 12);
    QCOMPARE(r->settings.autoscaling->targetUtilization, 0.7); // the default
    const std::string text = serializePipeline(*r);
    auto again = parsePipeline(text);
    QVERIFY(again);
    QVERIFY(*again == *r);
    QCOMPARE(serializePipeline(*again), text);
    // Defaults are not written: files without the members stay byte-stable.
    auto plain = parsePipeline(kSmall);
    QVERIFY(plain && !plain->settings.autoscaling);
    QVERIFY(serializePipeline(*plain).find("alerts") == std::string::npos);
    QVERIFY(serializePipeline(*plain).find("autoscaling") == std::string::npos);
}

void TestModel::recoverySettingsRoundTrip()
{
    auto r = parsePipeline(
        replaced(kSmall, "{\"name\": \"small\"}",
                 "{\"name\": \"small\", \"restart_strategy\": {\"type\": \"exponential-delay\", "
                 "\"attempts\": 5, \"delay\": \"500 ms\"}, \"retained_checkpoints\": 7, "
                 "\"tolerable_failed_checkpoints\": 2}"));
    QVERIFY2(r, qPrintable(describe(r)));
    const RestartStrategy& rs = r->settings.restartStrategy;
    QVERIFY(rs.kind == RestartStrategy::Kind::ExponentialDelay);
    QCOMPARE(rs.attempts, 5);
    QCOMPARE(rs.delayMs, std::int64_t(500));
    QCOMPARE(rs.maxDelayMs, std::int64_t(60000)); // the default
    QCOMPARE(r->settings.retainedCheckpoints, 7);
    QCOMPARE(r->settings.tolerableFailedCheckpoints, 2);
    const std::string text = serializePipeline(*r);
    QVERIFY2(text.find("\"restart_strategy\": {\"type\": \"exponential-delay\", \"attempts\": 5, "
                       "\"delay\": \"500 ms\", \"max_delay\": \"1 min\"},\n    "
                       "\"retained_checkpoints\": 7,\n    \"tolerable_failed_checkpoints\": 2") !=
                 std::string::npos,
             text.c_str());
    auto again = parsePipeline(text);
    QVERIFY(again && *again == *r);
    QCOMPARE(serializePipeline(*again), text);
    auto none = parsePipeline(replaced(kSmall, "{\"name\": \"small\"}",
                                       "{\"name\": \"small\", \"restart_strategy\": "
                                       "{\"type\": \"none\"}}"));
    QVERIFY(none && none->settings.restartStrategy.kind == RestartStrategy::Kind::None);
    QVERIFY(serializePipeline(*none).find("\"restart_strategy\": {\"type\": \"none\"}") !=
            std::string::npos);
    // The defaults (fixed-delay, 3 attempts, 1 s as Flink; 3 and 3) are not written.
    auto plain = parsePipeline(kSmall);
    QVERIFY(plain && plain->settings.restartStrategy == RestartStrategy{});
    QVERIFY(plain->settings.restartStrategy.kind == RestartStrategy::Kind::FixedDelay);
    for (const char* member : {"restart_strategy", "retained_checkpoints", "tolerable_failed"})
        QVERIFY(serializePipeline(*plain).find(member) == std::string::npos);
    // streamwright-run and the designer run with them.
    EngineOptions o;
    QVERIFY(o.restartStrategy.kind == RestartStrategy::Kind::None); // the library default
    applyPipelineSettings(o, r->settings);
    QVERIFY(o.restartStrategy == rs);
    QCOMPARE(o.retainedCheckpoints, 7);
    QCOMPARE(o.tolerableFailedCheckpoints, 2);
}

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
                                                         .arg(seed)
                                                         .arg(QString::fromStdString(it.key()))));
            }
        std::string text = serializePipeline(p);
        auto r = parsePipeline(text);
        QVERIFY2(r, qPrintable(QString("seed %1: %2\n%3")
                                   .arg(seed)
                                   .arg(describe(r), QString::fromStdString(text))));
        QVERIFY2(*r == p, qPrintable(QString("seed %1: reloaded pipeline differs").arg(seed)));
        QCOMPARE(serializePipeline(*r), text);
    }
}

void TestModel::canonicalFilesAreByteStable_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = canonicalFiles();
    QVERIFY2(files.size() >= 2, "no examples/*.pipeline.json found");
    for (const QString& f : files)
        QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
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
    QCOMPARE(Catalog::instance().find("generator")->findProperty("kind")->defaultValue,
             nlohmann::json("orders"));
    std::string text = replaced(
        kSmall, R"({"id": "a", "type": "generator"})",
        R"({"id": "a", "type": "generator", "properties": {"kind": "orders", "parallelism": 0}})");
    auto r = parsePipeline(text);
    QVERIFY2(r, qPrintable(describe(r)));
    QCOMPARE(r->nodes[0].properties, nlohmann::json({{"kind", "orders"}, {"parallelism", 0}}));
    std::string saved = serializePipeline(*r);
    QVERIFY(saved.find("\"kind\": \"orders\",\n        \"parallelism\": 0\n") != std::string::npos);
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
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{"p.pipeline.json"});

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
                              dir.filePath("missing").toStdString() +
                              "': No such file or directory");

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
                                   "create a temporary file in '/proc': ",
                                   0) == 0,
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
    QCOMPARE(s.message(),
             "cannot save '" + path.toStdString() + "': writing failed: File too large");
    QCOMPARE(readFile(path), std::string("old content\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{"p.pipeline.json"});
}

QTEST_GUILESS_MAIN(TestModel)
