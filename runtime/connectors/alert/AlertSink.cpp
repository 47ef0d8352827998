#include "connectors/alert/AlertSink.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <librdkafka/rdkafka.h> // error codes fed to the reused ClientHealth

namespace sw::runtime::alert {

Result<std::unique_ptr<Operator>> makeAlertSinkOperator(const OperatorSpec& spec)
{
    auto s = alertSettings(spec);
    if (!s) return s.error();
    return makeOperator<AlertSink>(std::move(s).value());
}

AlertSink::AlertSink(AlertSettings s) : m_s(std::move(s)), m_renderer(m_s) {}

AlertSink::~AlertSink()
{
    close();
}

Status AlertSink::open(OperatorContext& ctx)
{
    m_ctx = &ctx;
    m_client = std::make_unique<http::HttpClient>();
    m_health = std::make_unique<kafka::ClientHealth>("alert-sink '" + m_s.nodeId + "'", "",
                                                     m_s.displayUrl);
    m_health->setService(serviceName(m_s.mode));
    ctx.registerProcessingTimer(OperatorContext::processingTimeMs() + m_s.flushIntervalMs);
    return Status::ok();
}

void AlertSink::processBatch(int, RecordBatch& batch, Collector& out)
{
    const std::int64_t now = OperatorContext::processingTimeMs();
    std::string error;
    for (Record& r : batch) {
        if (m_cancelled) {
            abandon(1);
            continue;
        }
        Pending p;
        if (!m_renderer.render(r, now, p.alert, error)) {
            out.emitError(ErrorClass::Expression, m_s.redactor.apply(error), r, m_s.inputSchema);
            continue;
        }
        p.record.row = r.row;
        p.record.timestamp = r.timestamp;
        p.record.provenance = r.provenance;
        if (m_pending.empty()) m_oldestPendingAt = now;
        m_pending.push_back(std::move(p));
        if (m_pending.size() >= m_s.batchSize) flush(out, false);
    }
}

void AlertSink::onProcessingTime(std::int64_t nowMs, Collector& out)
{
    if (!m_pending.empty() && nowMs - m_oldestPendingAt >= m_s.flushIntervalMs) flush(out, true);
    const std::int64_t due =
        m_pending.empty() ? nowMs + m_s.flushIntervalMs : m_oldestPendingAt + m_s.flushIntervalMs;
    if (m_ctx) m_ctx->registerProcessingTimer(std::max(due, nowMs + 1));
}

void AlertSink::endOfInput(Collector& out)
{
    flush(out, true);
}

void AlertSink::prepareSnapshotPreBarrier(std::int64_t, Collector& out)
{
    flush(out, true);
}

void AlertSink::close()
{
    if (!m_pending.empty()) abandon(m_pending.size()); // cancelled before they were posted
    m_pending.clear();
    if (m_abandoned && m_ctx)
        m_ctx->warn("alert-sink '" + m_s.nodeId + "': " + std::to_string(m_abandoned) +
                    " alert(s) not posted to " + m_s.displayUrl +
                    ": the run stopped while they were waiting (a Kafka source reads them "
                    "again after a restart)");
    m_abandoned = 0;
    m_client.reset();
}

void AlertSink::abandon(std::size_t count)
{
    m_abandoned += count;
}

void AlertSink::flush(Collector& out, bool all)
{
    std::size_t begin = 0;
    while (!m_cancelled && m_pending.size() - begin >= (all ? 1 : m_s.batchSize)) {
        const std::size_t end = std::min(m_pending.size(), begin + m_s.batchSize);
        postBatch(begin, end, out);
        if (m_cancelled) break;
        begin = end;
    }
    if (m_cancelled) {
        abandon(m_pending.size() - begin);
        m_pending.clear();
        return;
    }
    m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(begin));
    if (!m_pending.empty()) m_oldestPendingAt = OperatorContext::processingTimeMs();
}

void AlertSink::postBatch(std::size_t begin, std::size_t end, Collector& out)
{
    std::vector<const std::string*> items;
    for (std::size_t i = begin; i < end; ++i)
        items.push_back(&m_pending[i].alert);
    http::Response resp;
    Outcome o = send(m_renderer.body(items), resp);
    if (o == Outcome::Cancelled) {
        m_cancelled = true;
        return;
    }
    if (o == Outcome::Delivered) {
        m_delivered.fetch_add(end - begin);
        return;
    }
    if (m_s.mode == Mode::Webhook || end - begin == 1) {
        for (std::size_t i = begin; i < end; ++i)
            refuse(m_pending[i], resp, out);
        return;
    }
    // Alertmanager took the valid alerts and named the others: find them one by one.
    for (std::size_t i = begin; i < end && !m_cancelled; ++i)
        postBatch(i, i + 1, out);
}

AlertSink::Outcome AlertSink::send(const std::string& body, http::Response& resp)
{
    http::Request req;
    req.url = m_s.url;
    req.body = body;
    req.headers = m_s.headers;
    req.bearerToken = m_s.bearerToken;
    req.username = m_s.username;
    req.password = m_s.password;
    req.timeoutMs = m_s.requestTimeoutMs;
    req.connectTimeoutMs = std::min<std::int64_t>(m_s.requestTimeoutMs, 5000);
    std::int64_t wait = m_s.initialBackoffMs;
    const std::stop_token stop = m_ctx ? m_ctx->stopToken() : std::stop_token();
    for (;;) {
        m_requests.fetch_add(1);
        resp = m_client->post(req, stop);
        if (resp.cancelled || stop.stop_requested()) return Outcome::Cancelled;
        const bool retry = resp.status == 0 || resp.status == 429 || resp.status >= 500;
        if (!retry) {
            m_health->onProgress(); // the endpoint answered
            healthWarnings();
            return resp.ok() ? Outcome::Delivered : Outcome::Refused;
        }
        if (resp.status == 0)
            m_health->onError(RD_KAFKA_RESP_ERR__TRANSPORT, resp.error);
        else
            m_health->onError(RD_KAFKA_RESP_ERR__TIMED_OUT, "HTTP " + std::to_string(resp.status) +
                                                                ": " +
                                                                http::excerpt(resp.body, 200));
        m_health->onBrokers(0, 1);
        healthWarnings();
        m_retries.fetch_add(1);
        // A 429/503 with Retry-After waits at least that long (capped: a server asking for
        // hours does not park the pipeline that long without a new attempt).
        const std::int64_t asked = std::min(resp.retryAfterMs, kMaxRetryAfterMs);
        if (!backoff(std::max(wait, asked))) return Outcome::Cancelled;
        wait = std::min(wait * 2, m_s.maxBackoffMs);
    }
}

bool AlertSink::backoff(std::int64_t ms)
{
    if (!m_ctx) {
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        return true;
    }
    std::mutex m;
    std::condition_variable_any cv;
    std::unique_lock lock(m);
    std::stop_token stop = m_ctx->stopToken();
    cv.wait_for(lock, stop, std::chrono::milliseconds(ms), [] { return false; });
    return !stop.stop_requested();
}

void AlertSink::refuse(const Pending& p, const http::Response& r, Collector& out)
{
    m_refused.fetch_add(1);
    std::string message = "alert-sink '" + m_s.nodeId + "': " + serviceName(m_s.mode) +
                          " refused the alert: HTTP " + std::to_string(r.status) + " from " +
                          m_s.displayUrl + ": " + http::excerpt(r.body);
    out.emitError(ErrorClass::Sink, m_s.redactor.apply(kafka::redactSecrets(message)), p.record,
                  m_s.inputSchema);
}

void AlertSink::healthWarnings()
{
    kafka::ClientHealth::Verdict v = m_health->check();
    for (const std::string& w : v.warnings)
        if (m_ctx) m_ctx->warn(m_s.redactor.apply(w));
}

} // namespace sw::runtime::alert
