#pragma once
// A real redis-server for tests (Debian's redis-server, installed by packaging/install-deps.sh):
// started on 127.0.0.1 on a free port with its files in a temporary directory, append-only file
// fsynced on every write (so a kill -9 loses nothing it acknowledged), stopped by the
// destructor. `client()` is an independent oracle client (plain hiredis, not the runtime's
// wrapper).
#include <QtTest/QtTest>

#include <hiredis/hiredis.h>

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "LocalPorts.h"

namespace sw::test {

struct RedisReplyDeleter {
    void operator()(redisReply* r) const
    {
        if (r) freeReplyObject(r);
    }
};
using RedisReplyPtr = std::unique_ptr<redisReply, RedisReplyDeleter>;

class RedisTestServer {
public:
    explicit RedisTestServer(std::string password = {}) : m_password(std::move(password))
    {
        m_port = freePort();
    }
    ~RedisTestServer() { stop(); }

    /// Empty on success, else why the server did not come up.
    QString start()
    {
        const QString exe = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
        if (exe.isEmpty())
            return QStringLiteral("redis-server is not on PATH: ./packaging/install-deps.sh or "
                                  "apt-get install redis-server");
        QStringList args = {QStringLiteral("--port"),        QString::number(m_port),
                            QStringLiteral("--bind"),        QStringLiteral("127.0.0.1"),
                            QStringLiteral("--dir"),         m_dir.path(),
                            QStringLiteral("--save"),        QString(),
                            QStringLiteral("--appendonly"),  QStringLiteral("yes"),
                            QStringLiteral("--appendfsync"), QStringLiteral("always"),
                            QStringLiteral("--daemonize"),   QStringLiteral("no")};
        if (!m_password.empty())
            args << QStringLiteral("--requirepass") << QString::fromStdString(m_password);
        m_proc = std::make_unique<QProcess>();
        m_proc->setProcessChannelMode(QProcess::MergedChannels);
        m_proc->start(exe, args);
        if (!m_proc->waitForStarted(10000)) return QStringLiteral("redis-server did not start");
        // Ready = it answers PING (its log says so too, but a connection is the real event).
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
            if (auto r = command({"PING"}); r && r->type == REDIS_REPLY_STATUS) return {};
            if (m_proc->state() != QProcess::Running)
                return QStringLiteral("redis-server exited: ") +
                       QString::fromUtf8(m_proc->readAll());
            m_proc->waitForReadyRead(20);
        }
        return QStringLiteral("redis-server did not answer PING");
    }
    /// kill -9 (nothing is flushed beyond what appendfsync always already wrote).
    void kill()
    {
        m_client.reset();
        if (!m_proc) return;
        m_proc->kill();
        m_proc->waitForFinished(10000);
        m_proc.reset();
    }
    void stop() { kill(); }

    int port() const { return m_port; }
    std::string url() const
    {
        return "redis://" + (m_password.empty() ? "" : ":" + m_password + "@") +
               "127.0.0.1:" + std::to_string(m_port) + "/0";
    }

    /// One command on the oracle connection (reconnects as needed); null when unreachable.
    RedisReplyPtr command(const std::vector<std::string>& args)
    {
        if (!m_client) connectClient();
        if (!m_client) return nullptr;
        std::vector<const char*> argv;
        std::vector<std::size_t> len;
        for (const auto& a : args) {
            argv.push_back(a.data());
            len.push_back(a.size());
        }
        auto* r = static_cast<redisReply*>(redisCommandArgv(
            m_client.get(), static_cast<int>(argv.size()), argv.data(), len.data()));
        if (!r) m_client.reset();
        return RedisReplyPtr(r);
    }
    std::string str(const std::vector<std::string>& args)
    {
        auto r = command(args);
        return r && (r->type == REDIS_REPLY_STRING || r->type == REDIS_REPLY_STATUS)
                   ? std::string(r->str, r->len)
                   : std::string("<no string>");
    }
    long long integer(const std::vector<std::string>& args)
    {
        auto r = command(args);
        return r && r->type == REDIS_REPLY_INTEGER ? r->integer : -999;
    }

private:
    struct CtxDeleter {
        void operator()(redisContext* c) const { redisFree(c); }
    };
    void connectClient()
    {
        timeval tv{2, 0};
        m_client.reset(redisConnectWithTimeout("127.0.0.1", m_port, tv));
        if (!m_client || m_client->err) {
            m_client.reset();
            return;
        }
        if (!m_password.empty()) {
            RedisReplyPtr r(static_cast<redisReply*>(
                redisCommand(m_client.get(), "AUTH %s", m_password.c_str())));
            if (!r || r->type == REDIS_REPLY_ERROR) m_client.reset();
        }
    }

    std::string m_password;
    int m_port = 0;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_proc;
    std::unique_ptr<redisContext, CtxDeleter> m_client;
};

} // namespace sw::test
