// streamwright-run as users call it: exit codes, human and JSON output, help.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(SW_CLI_PATH), args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        return {};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString src(const QString& rel) { return QStringLiteral(SW_SOURCE_DIR) + "/" + rel; }

} // namespace

class TstCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void helpIsComplete()
    {
        Run r = cli({"--help"});
        QCOMPARE(r.code, 0);
        for (const char* word : {"validate", "run", "export", "broker", "--json", "Exit codes"})
            QVERIFY2(r.out.contains(word), word);
        r = cli({"validate", "--help"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("--json"));
        r = cli({"frobnicate"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("unknown command 'frobnicate'"));
    }

    void validExamplesExitZero_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& f : QDir(src("examples")).entryList({"*.pipeline.json"}))
            QTest::newRow(qPrintable(f)) << src("examples/" + f);
    }
    void validExamplesExitZero()
    {
        QFETCH(QString, file);
        Run r = cli({"validate", file});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains("0 error(s), 0 warning(s)"));
        QVERIFY2(!r.out.contains("\033["), "no colours when stdout is not a terminal");
    }

    void errorsExitOne()
    {
        Run r = cli({"validate", src("tests/e2e/data/invalid-graph.pipeline.json")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("error: node big, condition, column 1:"), qPrintable(r.out));
        QVERIFY(r.out.contains("amout"));
        QVERIFY(r.out.contains("error: node win, time: event-time window but no watermark strategy upstream"));
        QVERIFY(r.out.contains("warning: node out, topic:"));
    }

    void jsonOutput()
    {
        Run r = cli({"validate", "--json", src("tests/e2e/data/invalid-graph.pipeline.json")});
        QCOMPARE(r.code, 1);
        QJsonParseError pe;
        auto doc = QJsonDocument::fromJson(r.out.toUtf8(), &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(r.out));
        QJsonObject o = doc.object();
        QCOMPARE(o["valid"].toBool(), false);
        QVERIFY(o["errors"].toInt() >= 2);
        QCOMPARE(o["warnings"].toInt(), 1);
        bool found = false;
        for (const auto& d : o["diagnostics"].toArray()) {
            auto x = d.toObject();
            if (x["node"] == "big" && x["property"] == "condition") {
                found = true;
                QCOMPARE(x["severity"].toString(), QString("error"));
                QCOMPARE(x["column"].toInt(), 1);
            }
        }
        QVERIFY(found);
    }

    void unreadableExitsTwo()
    {
        QTemporaryDir dir;
        Run r = cli({"validate", dir.filePath("missing.pipeline.json")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("missing.pipeline.json"));
        QFile f(dir.filePath("garbage.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ this is not json");
        f.close();
        r = cli({"validate", f.fileName()});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("line 1"), qPrintable(r.err));
        r = cli({"validate", "--json", f.fileName()});
        QCOMPARE(r.code, 2);
        QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).object().contains("error"));
        r = cli({"validate"});
        QCOMPARE(r.code, 2);
    }
};

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"
