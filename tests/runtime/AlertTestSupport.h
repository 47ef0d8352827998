#pragma once
// Servers the alert-sink tests post to: a real Prometheus Alertmanager (Debian's
// prometheus-alertmanager, started on 127.0.0.1 with a minimal config and a temporary storage
// path, stopped at the end) and a webhook receiver (cpp-httplib) whose answers a test scripts.
// Plus waiting for engine events with a deadline.
#include <QtTest/QtTest>

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <httplib.h>

#include <chrono>
#include <map>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "exec/Engine.h"

namespace sw::test {

inline const QString kAlertmanagerBinary = QStringLiteral("/usr/bin/prometheus-alertmanager");

/// Empty when Alertmanager can run here; otherwise how to install it.
inline QString missingAlertmanager()
{
    if (QFileInfo(kAlertmanagerBinary).isExecutable()) return {};
    return kAlertmanagerBinary + QStringLiteral(" is missing: install the test dependencies with "
                                                "./packaging/install-deps.sh, or sudo apt-get "
                                                "install prometheus-alertmanager");
}

/// One Alertmanager process on 127.0.0.1:port (clustering off), killed by the destructor.
class Alertmanager {
public:
    explicit Alertmanager(int port) : m_port(port)
    {
        QFile cfg(m_dir.filePath("alertmanager.yml"));
        if (cfg.open(QIODevice::WriteOnly))
            cfg.write("route:\n  receiver: blackhole\nreceivers:\n  - name: blackhole\n");
    }
    ~Alertmanager() { stop(); }

    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

    /// Starts the process and waits (at most 30 s) until /-/ready answers 200.
    bool start(QString* why)
    {
        m_proc.setProcessChannelMode(QProcess::MergedChannels);
        m_proc.start(kAlertmanagerBinary,
                     {"--config.file=" + m_dir.filePath("alertmanager.yml"),
                      "--storage.path=" + m_dir.filePath("data"),
                      "--web.listen-address=127.0.0.1:" + QString::number(m_port),
                      "--cluster.listen-address=", "--log.level=warn"});
        if (!m_proc.waitForStarted(10000)) {
            *why = "cannot start " + kAlertmanagerBinary + ": " + m_proc.errorString();
            return false;
        }
        httplib::Client c("127.0.0.1", m_port);
        c.set_connection_timeout(1);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (std::chrono::steady_clock::now() < deadline) {
            if (auto r = c.Get("/-/ready"); r && r->status == 200) return true;
            if (m_proc.state() == QProcess::NotRunning) break;
            m_proc.waitForFinished(50); // lets the process make progress; returns early if it exits
        }
        *why = "Alertmanager did not become ready: " + QString::fromUtf8(m_proc.readAll());
        return false;
    }

    void stop()
    {
        if (m_proc.state() == QProcess::NotRunning) return;
        m_proc.kill();
        m_proc.waitForFinished(10000);
    }

    /// GET /api/v2/alerts (active alerts), or null when it fails.
    nlohmann::json alerts() const
    {
        httplib::Client c("127.0.0.1", m_port);
        auto r = c.Get("/api/v2/alerts");
        if (!r || r->status != 200) return nullptr;
        return nlohmann::json::parse(r->body, nullptr, false);
    }

    /// Waits (at most `seconds`) until GET /api/v2/alerts lists `count` alerts.
    nlohmann::json waitForAlerts(std::size_t count, int seconds = 30) const
    {
        nlohmann::json a;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
        do {
            a = alerts();
            if (a.is_array() && a.size() >= count) return a;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        } while (std::chrono::steady_clock::now() < deadline);
        return a;
    }

private:
    int m_port;
    QTemporaryDir m_dir;
    QProcess m_proc;
};

/// A webhook receiver on 127.0.0.1 (its own thread). Every POST is recorded; `answer` decides
/// the response (default 200).
class WebhookReceiver {
public:
    struct Received {
        std::string body;
        std::string authorization;
        std::string custom;                       ///< the X-Team header
        int status = 0;                           ///< what we answered
        std::chrono::steady_clock::time_point at; ///< when the request arrived
    };
    using Answer = std::function<std::pair<int, std::string>(const std::string& body)>;

    /// Listens on `port` (0 = any free port).
    explicit WebhookReceiver(Answer answer = {}, int port = 0) : m_answer(std::move(answer))
    {
        m_server.Post("/hook", [this](const httplib::Request& req, httplib::Response& res) {
            auto [status, text] =
                m_answer ? m_answer(req.body) : std::pair<int, std::string>(200, "ok");
            res.status = status;
            res.set_content(text, "text/plain");
            if (status == 429 || status == 503) {
                const auto ra = m_retryAfter.find(status);
                if (ra != m_retryAfter.end()) res.set_header("Retry-After", ra->second);
            }
            std::lock_guard lock(m_mutex);
            m_received.push_back({req.body, req.get_header_value("Authorization"),
                                  req.get_header_value("X-Team"), status,
                                  std::chrono::steady_clock::now()});
            m_cv.notify_all();
        });
        if (port > 0)
            m_port = m_server.bind_to_port("127.0.0.1", port) ? port : 0;
        else
            m_port = m_server.bind_to_any_port("127.0.0.1");
        // Bound and listening already: connections queue until the accept loop runs.
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
    }
    ~WebhookReceiver()
    {
        m_server.stop();
        if (m_thread.joinable()) m_thread.join();
    }

    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/hook"; }
    /// Answers of `status` (429 or 503) carry `Retry-After: value`. Call before requests come.
    void setRetryAfter(int status, std::string value) { m_retryAfter[status] = std::move(value); }

    std::vector<Received> received() const
    {
        std::lock_guard lock(m_mutex);
        return m_received;
    }
    /// Waits (at most `seconds`) until `pred(received)` holds.
    bool waitFor(const std::function<bool(const std::vector<Received>&)>& pred, int seconds = 30)
    {
        std::unique_lock lock(m_mutex);
        return m_cv.wait_for(lock, std::chrono::seconds(seconds), [&] { return pred(m_received); });
    }

private:
    Answer m_answer;
    std::map<int, std::string> m_retryAfter;
    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::vector<Received> m_received;
};

/// Collects engine events until `pred(event)` holds for one of them (at most `seconds`).
/// Every event polled is appended to `seen`.
inline bool waitForEvent(runtime::Engine& e, std::vector<runtime::EngineEvent>& seen,
                         const std::function<bool(const runtime::EngineEvent&)>& pred,
                         int seconds = 30)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    std::size_t checked = seen.size();
    do {
        for (auto& ev : e.pollEvents())
            seen.push_back(ev);
        for (; checked < seen.size(); ++checked)
            if (pred(seen[checked])) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } while (std::chrono::steady_clock::now() < deadline);
    return false;
}

} // namespace sw::test
