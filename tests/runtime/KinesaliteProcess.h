#pragma once
// A kinesalite (local Kinesis API, in memory) for one test: node
// tests/tools/kinesis/kinesalite-server.js on a free 127.0.0.1 port, with optional fault
// injection (see the script), stopped when the object goes away. The npm fixture
// (npm_install_kinesis_tools, tests/runtime/kinesis.cmake) installs kinesalite into
// SW_KINESIS_NODE_DIR; a missing install fails the test with how to run the fixture.
#include <QtTest/QtTest>

#include <QProcess>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include "LocalPorts.h"
#include "connectors/kinesis/KinesisClient.h"

namespace sw::test {

class Kinesalite {
public:
    explicit Kinesalite(QStringList options = {})
    {
        const QString dir = QStringLiteral(SW_KINESIS_NODE_DIR);
        if (!QFileInfo::exists(dir + QStringLiteral("/node_modules/kinesalite/package.json"))) {
            m_error = QStringLiteral("kinesalite is not installed in ") + dir +
                      QStringLiteral(": run `ctest -R npm_install_kinesis_tools` (needs npm)");
            return;
        }
        for (int attempt = 0; attempt < 3 && m_port == 0; ++attempt) {
            const int port = freePort();
            m_proc.setProgram(QStringLiteral("node"));
            m_proc.setArguments(QStringList{dir + QStringLiteral("/kinesalite-server.js"),
                                            QStringLiteral("--port"), QString::number(port)} +
                                options);
            m_proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            m_proc.start();
            if (!m_proc.waitForStarted(10000)) {
                m_error = QStringLiteral("cannot start node: ") + m_proc.errorString();
                return;
            }
            while (m_proc.state() == QProcess::Running && !m_proc.canReadLine())
                m_proc.waitForReadyRead(20000);
            const QString line = QString::fromUtf8(m_proc.readLine()).trimmed();
            if (line.startsWith(QStringLiteral("listening "))) {
                m_port = port;
            } else {
                m_proc.kill();
                m_proc.waitForFinished(5000);
                m_error = QStringLiteral("kinesalite did not start: ") + line;
            }
        }
    }
    ~Kinesalite()
    {
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.closeWriteChannel();
            if (!m_proc.waitForFinished(3000)) {
                m_proc.kill();
                m_proc.waitForFinished(5000);
            }
        }
    }
    Kinesalite(const Kinesalite&) = delete;
    Kinesalite& operator=(const Kinesalite&) = delete;

    bool ok() const { return m_port != 0; }
    QString error() const { return m_error; }
    int port() const { return m_port; }
    std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(m_port); }

    runtime::kinesis::ClientOptions clientOptions() const
    {
        runtime::kinesis::ClientOptions o;
        o.endpoint = endpoint();
        o.region = "us-east-1";
        o.credentials = {"AKIDLOCAL", "local-secret-value", "", "test"};
        return o;
    }

    /// Creates `stream` with `shards` shards (ACTIVE at once: createStreamMs 0).
    bool createStream(const std::string& stream, int shards) const
    {
        runtime::kinesis::KinesisClient c(clientOptions());
        auto r = c.call("CreateStream",
                        nlohmann::json{{"StreamName", stream}, {"ShardCount", shards}}.dump());
        if (!r.ok()) qWarning("CreateStream: %s", r.error.message.c_str());
        return r.ok();
    }

    /// The front server's counters (GET /__stats).
    nlohmann::json stats() const
    {
        QProcess curl;
        curl.start(QStringLiteral("curl"),
                   {QStringLiteral("-s"), QString::fromStdString(endpoint() + "/__stats")});
        curl.waitForFinished(10000);
        return nlohmann::json::parse(curl.readAllStandardOutput().toStdString(), nullptr, false);
    }

private:
    QProcess m_proc;
    int m_port = 0;
    QString m_error;
};

} // namespace sw::test

#define SW_REQUIRE_KINESALITE(k) QVERIFY2((k).ok(), qPrintable((k).error()))
