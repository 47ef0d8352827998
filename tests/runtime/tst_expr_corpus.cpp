// Replays every stored fuzz input (tests/runtime/fuzz/corpus_expr) through the same function as
// the libFuzzer target, so past crashers and interesting inputs are checked in every test run.
#include <QtTest>

#include "fuzz/ExprFuzzCase.h"

class TstExprCorpus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void replay_data()
    {
        QTest::addColumn<QString>("path");
        QDir dir(QStringLiteral(SW_SOURCE_DIR "/tests/runtime/fuzz/corpus_expr"));
        const auto files = dir.entryInfoList(QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 50, "the stored corpus is missing");
        for (const QFileInfo& f : files)
            QTest::newRow(qPrintable(f.fileName())) << f.filePath();
    }

    void replay()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray data = file.readAll();
        const std::string problem =
            exprfuzz::runExprCase(reinterpret_cast<const std::uint8_t*>(data.constData()),
                                  static_cast<std::size_t>(data.size()));
        QVERIFY2(problem.empty(), problem.c_str());
    }
};

QTEST_APPLESS_MAIN(TstExprCorpus)
#include "tst_expr_corpus.moc"
