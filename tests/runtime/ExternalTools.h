#pragma once
// External Kafka clients that some tests drive against the embedded broker: kcat and Debian's
// Python client (/usr/bin/python3 with confluent_kafka). packaging/install-deps.sh installs both,
// so CI has them and a test that needs one fails (it does not skip) when it is missing; the
// failure names the tool and how to install it. One check for every test (SW_REQUIRE_TOOL).
#include <QtTest/QtTest>

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>

namespace sw::test {

enum class ExternalTool { Kcat, PythonConfluentKafka, PythonAvro };

/// Empty when `tool` can be used here; otherwise which tool is missing and how to install it.
/// Checked once per process.
inline QString missingTool(ExternalTool tool)
{
    static const QString howTo = QStringLiteral(
        "install the test dependencies with ./packaging/install-deps.sh (Debian 12), or the one "
        "package: sudo apt-get install %1");
    if (tool == ExternalTool::Kcat) {
        static const QString missing =
            QStandardPaths::findExecutable(QStringLiteral("kcat")).isEmpty()
                ? QStringLiteral("kcat is not on PATH (this test uses it as an external Kafka "
                                 "client): ") +
                      howTo.arg(QStringLiteral("kcat"))
                : QString();
        return missing;
    }
    if (tool == ExternalTool::PythonAvro) {
        // Debian's python3-avro: the lake sink tests' independent Avro reader.
        static const QString missing = [&] {
            QProcess p;
            p.start(QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral("-c"), QStringLiteral("import avro.datafile")});
            if (p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit &&
                p.exitCode() == 0)
                return QString();
            return QStringLiteral("/usr/bin/python3 cannot import avro (this test reads Avro "
                                  "files with Debian's Python Avro library): ") +
                   howTo.arg(QStringLiteral("python3-avro"));
        }();
        return missing;
    }
    static const QString missing = [&] {
        const QString python = QStringLiteral("/usr/bin/python3");
        const QString pkg = QStringLiteral("python3-confluent-kafka");
        if (!QFileInfo(python).isExecutable())
            return python +
                   QStringLiteral(" is missing (this test uses Debian's Python Kafka "
                                  "client): ") +
                   howTo.arg(QStringLiteral("python3 ") + pkg);
        QProcess p;
        p.start(python, {QStringLiteral("-c"), QStringLiteral("import confluent_kafka")});
        if (p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return QString();
        const QString why = QString::fromUtf8(p.readAllStandardError()).trimmed().section('\n', -1);
        return python + QStringLiteral(" cannot import confluent_kafka (") + why +
               QStringLiteral("); this test uses Debian's Python Kafka client: ") + howTo.arg(pkg);
    }();
    return missing;
}

} // namespace sw::test

/// Fails the current test function when `tool` (an ExternalTool) is missing, saying which tool
/// and how to install it.
#define SW_REQUIRE_TOOL(tool)                                                                      \
    do {                                                                                           \
        const QString swMissingTool = sw::test::missingTool(sw::test::ExternalTool::tool);         \
        QVERIFY2(swMissingTool.isEmpty(), qPrintable(swMissingTool));                              \
    } while (0)
