#pragma once
// Health of one librdkafka client (a Kafka source's consumer, a sink's or a DLQ's producer):
// makes persistent client errors visible instead of leaving them in librdkafka's log.
//
// Fed from librdkafka's error_cb and stats_cb (installed by ClientConfig::build(health=true);
// they find this object by the client handle, see attach()) and from per-message errors (the
// consumer's error messages, the producer's delivery reports). Callbacks only record; the owner
// calls check() on its own thread (poll/processBatch), which returns the warnings due and, when
// the client cannot work, the failure, so nothing is ever thrown on a librdkafka thread.
//
// Classification (classify()):
//   Fatal         authentication (SASL), SSL, topic/group/cluster authorization, librdkafka
//                 fatal errors: the operator fails at once.
//   UnknownTopic  the topic does not exist: fails once it persists past unknownTopicGraceMs
//                 and a metadata query confirms it (a topic being created meanwhile is fine).
//   Resolve       the bootstrap address does not resolve: fails once it persists past
//                 resolveGraceMs with no broker reachable.
//   Transient     all brokers down, transport errors, timeouts, coordinator/leader moves: a
//                 warning once the problem persisted warnAfterMs with no broker up, repeated
//                 after repeatEveryMs, then at doubling intervals (at most 10 min), and a
//                 notice when a broker is up again.
//   Ignore        everything else (handled elsewhere or harmless).
// Every text this class produces is redacted (redactSecrets).
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

struct rd_kafka_s;
struct rd_kafka_conf_s;

namespace sw::runtime {
class OperatorContext;
}

namespace sw::runtime::kafka {

enum class HealthClass : std::uint8_t { Ignore, Transient, Resolve, UnknownTopic, Fatal };

/// How `err` (an rd_kafka_resp_err_t) affects a client; see the table above.
HealthClass classify(int err);

/// Timing of warnings and failures. Process-wide (ClientHealth::setPolicy); tests shorten it.
struct HealthPolicy {
    std::int64_t warnAfterMs = 5000;
    std::int64_t repeatEveryMs = 30000;
    std::int64_t unknownTopicGraceMs = 10000;
    std::int64_t resolveGraceMs = 10000;
    /// Monotonic time in ms (empty = the steady clock). Tests drive a virtual clock here to
    /// check the warning schedule without waiting for it.
    std::function<std::int64_t()> clock;
};

class ClientHealth {
public:
    /// `subject` names the client in messages ("kafka-source 'orders_in'"); `topic` and
    /// `bootstrap` add context ("" = none).
    ClientHealth(std::string subject, std::string topic, std::string bootstrap);
    ~ClientHealth();
    ClientHealth(const ClientHealth&) = delete;
    ClientHealth& operator=(const ClientHealth&) = delete;

    /// Applies to clients created afterwards.
    static void setPolicy(const HealthPolicy& p);
    static HealthPolicy policy();

    /// Routes the error/stats callbacks of `rk` here (until detach() or destruction). Call
    /// right after rd_kafka_new, before the client is polled.
    void attach(rd_kafka_s* rk);
    void detach();

    // ---- any thread ----
    /// An error of the client (error_cb) or of one message (consumer error, delivery report).
    void onError(int err, std::string_view reason);
    /// Brokers in UP state out of the known ones (from the statistics).
    void onBrokers(int up, int known);
    /// Evidence that the client talks to the cluster (a record delivered or consumed).
    void onProgress();

    // ---- the owner's thread ----
    struct Verdict {
        std::vector<std::string> warnings; ///< to emit now (redacted)
        std::string failure;               ///< non-empty: the client cannot work (redacted)
    };
    /// What is due now. Cheap (one uncontended lock; call it per poll or batch); may query
    /// metadata (bounded, 3 s) once per grace period to confirm a missing topic.
    Verdict check();
    /// check(), emitting warnings through `warn` (or the Kafka log when empty) and throwing
    /// std::runtime_error with the failure.
    void checkOrThrow(const std::function<void(const std::string&)>& warn);

    /// Reuse for a non-Kafka endpoint (an HTTP sink): warnings then name `service` (e.g.
    /// "Alertmanager") and `bootstrap` as its URL instead of Kafka brokers. Feed it with
    /// onError(RD_KAFKA_RESP_ERR__TRANSPORT, ...) for connection failures (or __TIMED_OUT for
    /// failing requests) plus onBrokers(0, 1), and onProgress() for a request that succeeded.
    void setService(std::string service) { m_service = std::move(service); }

    /// Number of warnings produced so far (tests).
    std::uint64_t warningCount() const;

    struct State;

private:
    std::string prefix() const;
    bool topicExists(int* queryErr);

    std::string m_subject;
    std::string m_topic;
    std::string m_bootstrap;
    std::string m_service; // empty: Kafka
    HealthPolicy m_policy; // policy() when created
    rd_kafka_s* m_rk = nullptr;
    std::shared_ptr<State> m_state;
};

/// The hook in an operator's poll/processBatch: on first use creates `health` for `rk`
/// ("<nodeType> '<nodeId>'") and attaches it; then emits due warnings through ctx->warn and
/// throws std::runtime_error when the client cannot work. Operator thread only.
void checkHealth(std::unique_ptr<ClientHealth>& health, rd_kafka_s* rk, const char* nodeType,
                 const std::string& nodeId, const std::string& topic, const std::string& bootstrap,
                 const OperatorContext* ctx);

/// Installs the error and statistics callbacks into `conf` (and statistics.interval.ms=1000
/// unless set): they reach the ClientHealth attached to the client, else the Kafka log.
void installHealthCallbacks(rd_kafka_conf_s* conf);

} // namespace sw::runtime::kafka
