// tst_export: golden files of every example and of the coverage pipeline, the secrets canary,
// and (tst_export_units.cpp) the mapping rules, topic plan and readiness checklist.
// Regenerate the goldens with SW_UPDATE_GOLDEN=1 and review the diff before committing.
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <set>

#include "catalog/Catalog.h"
#include "catalog/PipelineLoader.h"
#include "export/Exporter.h"
#include "tst_export.h"
#include "tst_export_fixtures.h"

using namespace sw::runtime;
using namespace sw::runtime::exporting;
using namespace sw::test_export;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines(const std::string& s)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= s.size()) {
        std::size_t nl = s.find('\n', pos);
        if (nl == std::string::npos) {
            if (pos < s.size()) out.push_back(s.substr(pos));
            break;
        }
        out.push_back(s.substr(pos, nl - pos));
        pos = nl + 1;
    }
    return out;
}

/// A unified-style hunk covering the first to the last differing line, with 3 lines of context.
std::string diff(const std::string& expected, const std::string& actual)
{
    auto a = lines(expected), b = lines(actual);
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    std::size_t ta = a.size(), tb = b.size();
    while (ta > head && tb > head && a[ta - 1] == b[tb - 1])
        --ta, --tb;
    std::size_t from = head >= 3 ? head - 3 : 0;
    std::string out = "@@ -" + std::to_string(from + 1) + " +" + std::to_string(from + 1) + " @@\n";
    for (std::size_t i = from; i < head; ++i)
        out += " " + a[i] + "\n";
    for (std::size_t i = head; i < ta; ++i)
        out += "-" + a[i] + "\n";
    for (std::size_t i = head; i < tb; ++i)
        out += "+" + b[i] + "\n";
    for (std::size_t i = ta; i < std::min(a.size(), ta + 3); ++i)
        out += " " + a[i] + "\n";
    return out;
}

bool updating()
{
    return qEnvironmentVariableIntValue("SW_UPDATE_GOLDEN") == 1;
}

std::string goldenDir(const std::string& name)
{
    return std::string(SW_SOURCE_DIR) + "/tests/runtime/golden/" + name;
}

/// Compares every file of the bundle with golden/<name>/, and that no golden file is stale.
void compareWithGolden(const ExportBundle& bundle, const std::string& name)
{
    const std::string dir = goldenDir(name);
    if (updating()) {
        fs::remove_all(dir);
        QVERIFY2(writeBundle(bundle, dir).isOk(), "cannot write goldens");
        return;
    }
    std::set<std::string> expectedFiles;
    if (fs::exists(dir))
        for (const auto& e : fs::recursive_directory_iterator(dir))
            if (e.is_regular_file())
                expectedFiles.insert(fs::relative(e.path(), dir).generic_string());
    std::set<std::string> actualFiles;
    for (const auto& f : bundle.files)
        actualFiles.insert(f.path);
    for (const auto& f : expectedFiles)
        QVERIFY2(actualFiles.count(f),
                 qPrintable(QString::fromStdString(name + ": golden file " + f +
                                                   " is no longer exported "
                                                   "(SW_UPDATE_GOLDEN=1 to update)")));
    for (const auto& f : bundle.files) {
        QVERIFY2(expectedFiles.count(f.path),
                 qPrintable(QString::fromStdString(name + ": no golden file for " + f.path +
                                                   " (run with SW_UPDATE_GOLDEN=1)")));
        std::string expected = readFile(dir + "/" + f.path);
        if (expected != f.content)
            QFAIL(qPrintable(QString::fromStdString(name + "/" + f.path +
                                                    " differs from the golden "
                                                    "file (SW_UPDATE_GOLDEN=1 to update):\n" +
                                                    diff(expected, f.content))));
    }
}

} // namespace

class TstExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void examplesMatchGoldens_data();
    void examplesMatchGoldens();
    void coverageMatchesGoldens();
    void coverageUsesEveryNodeType();
    void canaryAppearsInNoExportedFile();
    void cliWritesEveryTarget();

    void sqlSpelling() { sw::test_export::sqlSpelling(); }
    void expressionQuoting() { sw::test_export::expressionQuoting(); }
    void sqlMappings() { sw::test_export::sqlMappings(); }
    void invalidPipelineRefused() { sw::test_export::invalidPipelineRefused(); }
    void edgePartitioningIsReported() { sw::test_export::edgePartitioningIsReported(); }
    void avroConfluentOptions() { sw::test_export::avroConfluentOptions(); }
    void everyCatalogTypeHasATranslation() { sw::test_export::everyCatalogTypeHasATranslation(); }
    void topicConventions() { sw::test_export::topicConventions(); }
    void topicOverridesAndScript() { sw::test_export::topicOverridesAndScript(); }
    void readinessFailsAndPasses() { sw::test_export::readinessFailsAndPasses(); }
    void renderScriptSubstitutes() { sw::test_export::renderScriptSubstitutes(); }
    void yamlScalars() { sw::test_export::yamlScalars(); }
    void kafkaClientTranslation() { sw::test_export::kafkaClientTranslation(); }
    void exactlyOnceSettings() { sw::test_export::exactlyOnceSettings(); }
};

void TstExport::examplesMatchGoldens_data()
{
    QTest::addColumn<QString>("file");
    auto files = exampleFiles();
    QVERIFY2(!files.empty(), "no examples/*.pipeline.json found");
    for (const auto& f : files)
        QTest::newRow(exampleStem(f).c_str()) << QString::fromStdString(f);
}

void TstExport::examplesMatchGoldens()
{
    QFETCH(QString, file);
    auto p = loadPipelineFile(file.toStdString());
    QVERIFY2(p.isOk(), qPrintable(QString::fromStdString(p.isOk() ? "" : p.error().toString())));
    auto bundle = exportPipeline(p.value(), ExportTarget::All);
    QVERIFY2(bundle.isOk(),
             qPrintable(QString::fromStdString(bundle.isOk() ? "" : bundle.error().toString())));
    QVERIFY(bundle->find(bundle->name + ".sql"));
    compareWithGolden(bundle.value(), exampleStem(file.toStdString()));
}

void TstExport::coverageMatchesGoldens()
{
    PipelineSpec p = coveragePipeline();
    QVERIFY(!p.nodes.empty());
    auto bundle = exportPipeline(p, ExportTarget::All);
    QVERIFY2(bundle.isOk(),
             qPrintable(QString::fromStdString(bundle.isOk() ? "" : bundle.error().toString())));
    compareWithGolden(bundle.value(), "coverage");
}

void TstExport::coverageUsesEveryNodeType()
{
    PipelineSpec p = coveragePipeline();
    std::set<std::string> used;
    for (const auto& n : p.nodes)
        used.insert(n.type);
    for (const auto& t : Catalog::instance().types())
        QVERIFY2(used.count(t.name), qPrintable(QString::fromStdString(
                                         "the coverage pipeline lacks node type " + t.name)));
}

void TstExport::canaryAppearsInNoExportedFile()
{
    PipelineSpec p = canaryPipeline();
    QVERIFY(!p.nodes.empty());
    QTemporaryDir tmp;
    auto bundle = exportPipeline(p, ExportTarget::All);
    QVERIFY2(bundle.isOk(),
             qPrintable(QString::fromStdString(bundle.isOk() ? "" : bundle.error().toString())));
    QVERIFY(writeBundle(bundle.value(), tmp.path().toStdString()).isOk());
    int files = 0;
    for (const auto& e : fs::recursive_directory_iterator(tmp.path().toStdString())) {
        if (!e.is_regular_file()) continue;
        ++files;
        std::string text = readFile(e.path().string());
        QVERIFY2(text.find(kCanary) == std::string::npos,
                 qPrintable("the secret leaked into " + QString::fromStdString(e.path().string())));
    }
    QCOMPARE(files, static_cast<int>(bundle->files.size()));
    const ExportFile* sql = bundle->find("secure-orders.sql");
    QVERIFY(sql);
    QVERIFY(sql->content.find("password=\"${ORDERS_IN_SASL_PASSWORD}\"") != std::string::npos);
    QVERIFY(sql->content.find("'properties.ssl.key.password' = '${ORDERS_OUT_SSL_KEY_PASSWORD}'") !=
            std::string::npos);
    QVERIFY(sql->content.find("'properties.sasl.jaas.config' = '${ORDERS_OUT_SASL_JAAS_CONFIG}'") !=
            std::string::npos);
    const ExportFile* k8s = bundle->find("k8s/secure-orders-flink.yaml");
    QVERIFY(k8s);
    for (const char* env :
         {"ORDERS_IN_SASL_PASSWORD", "ORDERS_OUT_SSL_KEY_PASSWORD", "ORDERS_OUT_SASL_JAAS_CONFIG"})
        QVERIFY2(k8s->content.find(std::string("key: ") + env) != std::string::npos, env);
    QVERIFY(k8s->content.find("secretKeyRef:\n") != std::string::npos);
    QVERIFY(k8s->content.find("name: secure-orders-secrets") != std::string::npos);
}

void TstExport::cliWritesEveryTarget()
{
    // The same entry point the CLI uses: each target writes exactly its own files.
    auto p = coveragePipeline();
    auto count = [&](ExportTarget t) {
        auto b = exportPipeline(p, t);
        return b ? static_cast<int>(b->files.size()) : -1;
    };
    QCOMPARE(count(ExportTarget::FlinkSql), 3);
    QCOMPARE(count(ExportTarget::Kubernetes), 6);
    QCOMPARE(count(ExportTarget::Topics), 3);
    QCOMPARE(count(ExportTarget::Readiness), 2);
    QCOMPARE(count(ExportTarget::All), 11);
    QCOMPARE(parseExportTarget("k8s"), std::optional<ExportTarget>(ExportTarget::Kubernetes));
    QVERIFY(!parseExportTarget("yaml"));
}

QTEST_MAIN(TstExport)
#include "tst_export.moc"
