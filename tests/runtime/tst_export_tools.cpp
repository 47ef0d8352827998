// tst_export_tools (integration): every exported Flink SQL script parses with dt-sql-parser's
// FlinkSQL grammar, and every exported manifest validates against the pinned CRDs (docs/crds)
// with unknown properties rejected. The validators are npm packages installed by the
// npm_install_export_tools fixture into the build directory.
#include <QtTest>

#include <filesystem>

#include "export/Exporter.h"
#include "model/PipelineIo.h"
#include "tst_export_fixtures.h"

using namespace sw::runtime;
using namespace sw::runtime::exporting;
using namespace sw::test_export;
namespace fs = std::filesystem;

namespace {

struct Run {
    int exitCode = -1;
    QString output;
};

Run node(const QString& script, const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start("node", QStringList{QString(SW_EXPORT_NODE_DIR) + "/" + script} + args);
    if (!p.waitForStarted(30000)) return {-1, "node did not start: " + p.errorString()};
    p.waitForFinished(240000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

QStringList filesEnding(const QString& dir, const std::string& suffix)
{
    QStringList out;
    for (const auto& e : fs::recursive_directory_iterator(dir.toStdString())) {
        std::string p = e.path().string();
        if (e.is_regular_file() && p.size() > suffix.size() &&
            p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0)
            out << QString::fromStdString(p);
    }
    out.sort();
    return out;
}

QString crdDir() { return QString(SW_SOURCE_DIR) + "/docs/crds"; }

} // namespace

class TstExportTools : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exportedSqlParsesAndManifestsValidate_data();
    void exportedSqlParsesAndManifestsValidate();
    void validatorsRejectBrokenInput();

private:
    QTemporaryDir m_dir;
};

void TstExportTools::initTestCase()
{
    QVERIFY2(QFile::exists(QString(SW_EXPORT_NODE_DIR) + "/flink-sql-validate.cjs"),
             "validators missing: run the npm_install_export_tools fixture (ctest -L integration)");
    QVERIFY(m_dir.isValid());
}

void TstExportTools::exportedSqlParsesAndManifestsValidate_data()
{
    QTest::addColumn<int>("which"); // index into exampleFiles(), or -1 coverage, -2 canary
    auto files = exampleFiles();
    for (std::size_t i = 0; i < files.size(); ++i)
        QTest::newRow(exampleStem(files[i]).c_str()) << static_cast<int>(i);
    QTest::newRow("coverage") << -1;
    QTest::newRow("canary") << -2;
}

void TstExportTools::exportedSqlParsesAndManifestsValidate()
{
    QFETCH(int, which);
    PipelineSpec p;
    if (which == -1) p = coveragePipeline();
    else if (which == -2) p = canaryPipeline();
    else {
        auto r = loadPipelineFile(exampleFiles()[static_cast<std::size_t>(which)]);
        QVERIFY2(r.isOk(), qPrintable(QString::fromStdString(r.isOk() ? "" : r.error().toString())));
        p = r.value();
    }
    auto bundle = exportPipeline(p, ExportTarget::All);
    QVERIFY2(bundle.isOk(), qPrintable(QString::fromStdString(bundle.isOk() ? "" : bundle.error().toString())));
    const QString dir = m_dir.filePath(QString::fromStdString(bundle->name));
    QVERIFY(writeBundle(bundle.value(), dir.toStdString()).isOk());

    QStringList sql = filesEnding(dir, ".sql");
    QCOMPARE(sql.size(), 1);
    Run s = node("flink-sql-validate.cjs", sql);
    QVERIFY2(s.exitCode == 0, qPrintable("Flink SQL does not parse:\n" + s.output));

    QStringList yaml = filesEnding(dir, ".yaml");
    QCOMPARE(yaml.size(), 2);
    Run k = node("k8s-validate.cjs", QStringList{"--crds", crdDir()} + yaml);
    QVERIFY2(k.exitCode == 0, qPrintable("manifests do not validate:\n" + k.output));
    QVERIFY2(k.output.contains("OK ") && k.output.contains("FlinkDeployment") &&
                 k.output.contains("ConfigMap"),
             qPrintable(k.output));
    const ExportFile* topics = bundle->find("k8s/" + bundle->name + "-topics.yaml");
    QVERIFY(topics);
    if (topics->content.find("kind: KafkaTopic") != std::string::npos)
        QVERIFY2(k.output.contains("KafkaTopic"), qPrintable(k.output));
}

void TstExportTools::validatorsRejectBrokenInput()
{
    // The validators must be able to fail: a misspelt SQL keyword and a misspelt manifest key.
    QFile sql(m_dir.filePath("broken.sql"));
    QVERIFY(sql.open(QIODevice::WriteOnly));
    sql.write("CREATE TABLE t (a BIGINT) WITH ('connector' = 'print');\nINSERT INTO t SELEC a FROM t;\n");
    sql.close();
    Run s = node("flink-sql-validate.cjs", {sql.fileName()});
    QVERIFY2(s.exitCode == 1 && s.output.contains("ERROR"), qPrintable(s.output));

    auto bundle = exportPipeline(coveragePipeline(), ExportTarget::Kubernetes);
    QVERIFY(bundle.isOk());
    std::string yaml = bundle->find("k8s/export-coverage-flink.yaml")->content;
    std::size_t at = yaml.find("upgradeMode:");
    QVERIFY(at != std::string::npos);
    yaml.replace(at, 12, "upgradeMod:");
    QFile bad(m_dir.filePath("broken.yaml"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(QByteArray::fromStdString(yaml));
    bad.close();
    Run k = node("k8s-validate.cjs", {"--crds", crdDir(), bad.fileName()});
    QVERIFY2(k.exitCode == 1 && k.output.contains("upgradeMod"), qPrintable(k.output));
}

QTEST_MAIN(TstExportTools)
#include "tst_export_tools.moc"
