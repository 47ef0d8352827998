#pragma once
// The alert-sink operator: posts alerts rendered from records (AlertRenderer.h) over HTTP
// (connectors/http/HttpClient.h) to Prometheus Alertmanager's POST /api/v2/alerts or to a
// webhook.
//
// Batching: up to batch_size alerts per POST; a batch that is not full is posted after
// flush_interval (a processing-time timer), at every checkpoint barrier (before it passes, so a
// Kafka source commits only what was posted) and at end of input.
//
// Delivery: a POST is retried while the endpoint cannot take it - network errors, timeouts,
// HTTP 5xx and 429 - with exponential backoff (100 ms doubling up to max_backoff; at least the
// response's Retry-After, up to kMaxRetryAfterMs), forever: the
// subtask is held meanwhile, its input channel fills and the pipeline is backpressured; nothing
// is dropped. Client health (kafka/ClientHealth.h, reused) turns a lasting outage into warnings
// ("cannot reach Alertmanager at URL for 5 s; retrying ...") and a notice when it is back.
// Waits and requests watch the stop token: a cancel (or a drain that times out) ends the wait at
// once, and the alerts not posted are counted and reported in a warning (a Kafka source reads
// them again after a restart: its checkpoint never completed).
//
// Refused for good: HTTP 4xx other than 429. Alertmanager accepts the valid alerts of a batch
// and answers 400 naming the invalid ones, so a refused Alertmanager batch is posted again one
// alert at a time (re-posting an accepted alert only refreshes it) to find them; a refused
// webhook batch is refused as a whole. Each refused alert goes to `errors` (class sink) with
// the HTTP status and an excerpt of the response body. An alert whose annotation or
// placeholder expression fails goes to `errors` with class expression.
//
// Secrets are redacted from every message (AlertSettings.h).
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "connectors/alert/AlertRenderer.h"
#include "connectors/alert/AlertSettings.h"
#include "connectors/http/HttpClient.h"
#include "connectors/kafka/ClientHealth.h"
#include "exec/Operator.h"

namespace sw::runtime::alert {

/// The catalog's factory for alert-sink.
Result<std::unique_ptr<Operator>> makeAlertSinkOperator(const OperatorSpec& spec);

/// The longest Retry-After honoured (a longer one waits this long, then retries).
inline constexpr std::int64_t kMaxRetryAfterMs = 300000;

class AlertSink final : public Operator {
public:
    explicit AlertSink(AlertSettings s);
    ~AlertSink() override;

    Status open(OperatorContext& ctx) override;
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void onProcessingTime(std::int64_t nowMs, Collector& out) override;
    void endOfInput(Collector& out) override;
    void prepareSnapshotPreBarrier(std::int64_t checkpointId, Collector& out) override;
    void close() override;

    std::uint64_t delivered() const { return m_delivered.load(); } ///< alerts accepted
    std::uint64_t refused() const { return m_refused.load(); }     ///< alerts sent to errors
    std::uint64_t retries() const { return m_retries.load(); }     ///< POSTs retried
    std::uint64_t requests() const { return m_requests.load(); }   ///< POSTs made

private:
    struct Pending {
        Record record;
        std::string alert; ///< rendered JSON
    };
    enum class Outcome { Delivered, Refused, Cancelled };

    /// Posts every pending alert (all = false: only full batches).
    void flush(Collector& out, bool all);
    void postBatch(std::size_t begin, std::size_t end, Collector& out);
    /// One body, retried until accepted, refused for good or cancelled.
    Outcome send(const std::string& body, http::Response& last);
    /// Sleeps `ms` unless the stop token is requested first (then false).
    bool backoff(std::int64_t ms);
    void refuse(const Pending& p, const http::Response& r, Collector& out);
    void healthWarnings();
    void abandon(std::size_t count);

    AlertSettings m_s;
    AlertRenderer m_renderer;
    OperatorContext* m_ctx = nullptr;
    std::unique_ptr<http::HttpClient> m_client;
    std::unique_ptr<kafka::ClientHealth> m_health;
    std::vector<Pending> m_pending;
    std::int64_t m_oldestPendingAt = 0; ///< processing time the oldest pending alert arrived
    std::uint64_t m_abandoned = 0;
    bool m_cancelled = false;

    std::atomic<std::uint64_t> m_delivered{0};
    std::atomic<std::uint64_t> m_refused{0};
    std::atomic<std::uint64_t> m_retries{0};
    std::atomic<std::uint64_t> m_requests{0};
};

} // namespace sw::runtime::alert
