// tst_export_tools (integration): every exported Flink SQL script parses with dt-sql-parser's
// FlinkSQL grammar, and every exported manifest validates against the pinned CRDs (docs/crds)
// with unknown properties rejected. The validators are npm packages installed by the
// npm_install_export_tools fixture into the build directory.
#include <QtTest>

#include <filesystem>

#include "catalog/PipelineLoader.h"
#include "export/Exporter.h"
#include "export/MonitoringManifests.h"
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
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAll())};
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

QString crdDir()
{
    return QString(SW_SOURCE_DIR) + "/docs/crds";
}

} // namespace

/// Every pipeline under test: the examples, the coverage pipeline and the canary pipeline.
std::vector<std::pair<std::string, PipelineSpec>> pipelines()
{
    std::vector<std::pair<std::string, PipelineSpec>> out;
    for (const auto& f : exampleFiles()) {
        auto r = loadPipelineFile(f);
        out.emplace_back(exampleStem(f), r ? r.value() : PipelineSpec{});
    }
    out.emplace_back("coverage", coveragePipeline());
    out.emplace_back("canary", canaryPipeline());
    return out;
}

class TstExportTools : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exportedSqlParses_data() { rows(); }
    void exportedSqlParses();
    void manifestsValidate_data() { rows(); }
    void manifestsValidate();
    void alertRulesPassPromtool();
    void validatorsRejectBrokenInput();
    void cliWritesTheGoldenFiles();

private:
    void rows();
    QTemporaryDir m_dir;
    Run m_sql, m_k8s; ///< one validator run over all exported files (each run takes seconds)
};

void TstExportTools::initTestCase()
{
    QVERIFY2(QFile::exists(QString(SW_EXPORT_NODE_DIR) + "/flink-sql-validate.cjs"),
             "validators missing: run the npm_install_export_tools fixture (ctest -L integration)");
    QVERIFY(m_dir.isValid());
    for (const auto& [name, p] : pipelines()) {
        QVERIFY2(!p.nodes.empty(), name.c_str());
        auto bundle = exportPipeline(p, ExportTarget::All);
        QVERIFY2(bundle.isOk(), qPrintable(QString::fromStdString(
                                    name + ": " + (bundle ? "" : bundle.error().toString()))));
        QVERIFY(
            writeBundle(bundle.value(), m_dir.filePath(QString::fromStdString(name)).toStdString())
                .isOk());
    }
    QStringList sql = filesEnding(m_dir.path(), ".sql"), yaml = filesEnding(m_dir.path(), ".yaml");
    QCOMPARE(sql.size(), static_cast<int>(pipelines().size()));
    QCOMPARE(yaml.size(), 3 * static_cast<int>(pipelines().size()));
    m_sql = node("flink-sql-validate.cjs", sql);
    m_k8s = node("k8s-validate.cjs", QStringList{"--crds", crdDir()} + yaml);
}

void TstExportTools::rows()
{
    QTest::addColumn<QString>("name");
    for (const auto& [name, p] : pipelines())
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void TstExportTools::exportedSqlParses()
{
    QFETCH(QString, name);
    QStringList files = filesEnding(m_dir.filePath(name), ".sql");
    QCOMPARE(files.size(), 1);
    QVERIFY2(m_sql.output.contains("OK " + files.front() + "\n") &&
                 !m_sql.output.contains("ERROR " + files.front()),
             qPrintable("Flink SQL does not parse:\n" + m_sql.output));
}

void TstExportTools::manifestsValidate()
{
    QFETCH(QString, name);
    QStringList files = filesEnding(m_dir.filePath(name), ".yaml");
    QCOMPARE(files.size(), 3);
    for (const QString& f : files) {
        QVERIFY2(!m_k8s.output.contains("ERROR " + f),
                 qPrintable("manifest does not validate:\n" + m_k8s.output));
        const QString text = QString::fromStdString(readFile(f.toStdString()));
        // Every document of the file was validated.
        int docs = text.count("\napiVersion: ") + (text.startsWith("apiVersion: ") ? 1 : 0);
        QCOMPARE(static_cast<int>(m_k8s.output.count("OK " + f + " doc ")), docs);
        if (f.endsWith("-flink.yaml")) {
            QVERIFY(m_k8s.output.contains("OK " + f + " doc 1: ConfigMap"));
            QVERIFY(m_k8s.output.contains("OK " + f + " doc 2: FlinkDeployment"));
        }
        if (f.endsWith("-monitoring.yaml")) {
            QVERIFY(m_k8s.output.contains("OK " + f + " doc 1: PodMonitor"));
            QVERIFY(m_k8s.output.contains("OK " + f + " doc 2: PrometheusRule"));
        }
    }
}

void TstExportTools::alertRulesPassPromtool()
{
    // Every PromQL expression of the exported PrometheusRules parses and each rule is well
    // formed: promtool (Debian's prometheus package) checks the same groups as a rule file.
    QStringList files;
    for (const auto& [name, p] : pipelines()) {
        auto bundle = exportPipeline(p, ExportTarget::Kubernetes);
        QVERIFY(bundle.isOk());
        const std::string groups = prometheusRuleGroupsYaml(p, bundle->name);
        // The manifest carries exactly these groups.
        const auto* monitoring = bundle->find("k8s/" + bundle->name + "-monitoring.yaml");
        QVERIFY(monitoring);
        QVERIFY(monitoring->content.find("kind: PrometheusRule") != std::string::npos);
        files << m_dir.filePath(QString::fromStdString(name) + "-rules.yml");
        QFile f(files.back());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(groups));
    }
    QProcess promtool;
    promtool.setProcessChannelMode(QProcess::MergedChannels);
    promtool.start("promtool", QStringList{"check", "rules"} + files);
    QVERIFY2(promtool.waitForStarted(),
             "promtool is missing: run ./packaging/install-deps.sh (Debian package prometheus)");
    QVERIFY(promtool.waitForFinished(60000));
    const QString out = QString::fromUtf8(promtool.readAll());
    QVERIFY2(promtool.exitCode() == 0, qPrintable(out));
    QCOMPARE(static_cast<int>(out.count("SUCCESS")), files.size());
    // And it can fail: a broken expression is refused.
    QFile bad(m_dir.filePath("broken-rules.yml"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("groups:\n- name: x\n  rules:\n  - alert: X\n    expr: sum by (job (up)\n");
    bad.close();
    promtool.start("promtool", {"check", "rules", bad.fileName()});
    QVERIFY(promtool.waitForFinished(60000));
    QVERIFY(promtool.exitCode() != 0);
}

void TstExportTools::validatorsRejectBrokenInput()
{
    // The validators must be able to fail: a misspelt SQL keyword and a misspelt manifest key.
    QFile sql(m_dir.filePath("broken.sql"));
    QVERIFY(sql.open(QIODevice::WriteOnly));
    sql.write(
        "CREATE TABLE t (a BIGINT) WITH ('connector' = 'print');\nINSERT INTO t SELEC a FROM t;\n");
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

void TstExportTools::cliWritesTheGoldenFiles()
{
    const QString example = QString(SW_SOURCE_DIR) + "/examples/orders-kafka.pipeline.json";
    const QString out = m_dir.filePath("cli");
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(SW_CLI_PATH, {"export", example, "--target", "all", "--out", out});
    QVERIFY(p.waitForFinished(60000));
    const QString log = QString::fromUtf8(p.readAll());
    QVERIFY2(p.exitCode() == 0, qPrintable(log));
    QVERIFY2(log.contains("not exportable"), qPrintable(log)); // the per-node issues are printed
    const std::string golden = std::string(SW_SOURCE_DIR) + "/tests/runtime/golden/orders-kafka/";
    for (const char* f :
         {"order-processor.sql", "k8s/order-processor-flink.yaml",
          "topics/order-processor-create-topics.sh", "readiness/order-processor-readiness.json"})
        QVERIFY2(readFile(out.toStdString() + "/" + f) == readFile(golden + f), f);

    p.start(SW_CLI_PATH, {"export", example, "--target", "yaml", "--out", out});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    p.start(SW_CLI_PATH,
            {"export", m_dir.filePath("missing.pipeline.json"), "--target", "all", "--out", out});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
}

QTEST_MAIN(TstExportTools)
#include "tst_export_tools.moc"
