#include "connectors/kafka/ClientHealth.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <stdexcept>

#include <librdkafka/rdkafka.h>
#include <nlohmann/json.hpp>

#include "connectors/kafka/ClientConfig.h"
#include "exec/OperatorContext.h"

namespace sw::runtime::kafka {

struct ClientHealth::State {
    std::mutex mutex;
    std::string failure; // first fatal error (redacted, with its explanation)
    // Transient problem: since when (0 = none), the last error and its code.
    std::int64_t problemSince = 0;
    int problemErr = 0;
    std::string problemText;
    bool warned = false;
    std::int64_t lastWarnAt = 0;
    std::int64_t repeatMs = 0; // doubles after each repeat (an outage of hours: a few lines)
    std::int64_t recoveredAfterMs = -1; // a recovery notice is due (problem lasted this long)
    std::int64_t resolveSince = 0;
    std::string resolveText;
    std::int64_t unknownTopicSince = 0;
    std::string unknownTopicText;
    bool everUp = false;
    int brokersUp = -1;
    std::uint64_t warnings = 0;
    std::function<std::int64_t()> clock; // HealthPolicy::clock (empty = steady clock)

    std::int64_t now() const;
    void error(int err, std::string_view reason);
    void brokers(int up);
};

namespace {

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

struct Registry {
    std::mutex mutex;
    std::map<const rd_kafka_t*, std::weak_ptr<ClientHealth::State>> clients;
    HealthPolicy policy;
};

Registry& registry()
{
    static Registry* r = new Registry(); // never destroyed: callbacks may run late
    return *r;
}

std::shared_ptr<ClientHealth::State> stateOf(const rd_kafka_t* rk)
{
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    auto it = r.clients.find(rk);
    return it == r.clients.end() ? nullptr : it->second.lock();
}

/// librdkafka's reason without the "(after 0ms in state CONNECT, ...)" tail.
std::string tidy(std::string_view reason)
{
    std::string s(reason);
    if (auto p = s.rfind(" (after "); p != std::string::npos && s.back() == ')') s.resize(p);
    return redactSecrets(s);
}

std::string seconds(std::int64_t ms)
{
    return std::to_string((ms + 500) / 1000) + " s";
}

/// What a fatal error means for the user, and what to check.
std::string explainFatal(int err, const std::string& reason)
{
    switch (err) {
    case RD_KAFKA_RESP_ERR__AUTHENTICATION:
    case RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED:
    case RD_KAFKA_RESP_ERR_ILLEGAL_SASL_STATE:
    case RD_KAFKA_RESP_ERR_UNSUPPORTED_SASL_MECHANISM:
        return "authentication failed: " + reason +
               " (check security.protocol, sasl.mechanism, sasl.username and sasl.password)";
    case RD_KAFKA_RESP_ERR__SSL:
        return "SSL failed: " + reason +
               " (check security.protocol and the ssl.* certificate settings)";
    case RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED:
        return "not authorized to access the topic: " + reason + " (check the ACLs)";
    case RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED:
        return "not authorized for the consumer group: " + reason + " (check the ACLs)";
    case RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED:
        return "not authorized: " + reason + " (check the ACLs)";
    default:
        return "fatal client error: " + reason;
    }
}

extern "C" void healthErrorCb(rd_kafka_t* rk, int err, const char* reason, void*)
{
    std::string why = reason ? reason : "";
    if (err == RD_KAFKA_RESP_ERR__FATAL) {
        char buf[512];
        rd_kafka_resp_err_t orig = rd_kafka_fatal_error(rk, buf, sizeof buf);
        why = buf;
        if (auto s = stateOf(rk)) {
            // The original error explains it (e.g. fenced); classified fatal either way.
            std::lock_guard lock(s->mutex);
            if (s->failure.empty())
                s->failure = explainFatal(orig, tidy(why) + " [" + rd_kafka_err2name(orig) + "]");
            return;
        }
    } else if (auto s = stateOf(rk)) {
        s->error(err, why);
        return;
    }
    // No health attached: what librdkafka would have logged.
    log(classify(err) == HealthClass::Transient ? 4 : 3, rk ? rd_kafka_name(rk) : "",
        std::string("error: ") + rd_kafka_err2name(static_cast<rd_kafka_resp_err_t>(err)) + ": " +
            why);
}

extern "C" int healthStatsCb(rd_kafka_t* rk, char* json, size_t len, void*)
{
    auto s = stateOf(rk);
    if (!s) return 0;
    auto doc = nlohmann::json::parse(json, json + len, nullptr, false);
    if (doc.is_discarded() || !doc.contains("brokers")) return 0;
    int up = 0, known = 0;
    for (const auto& [name, b] : doc["brokers"].items()) {
        std::string source = b.value("source", "");
        if (source == "logical" || source == "internal") continue;
        ++known;
        if (b.value("state", "") == "UP") ++up;
    }
    (void)known;
    s->brokers(up);
    return 0; // librdkafka frees json
}

} // namespace

HealthClass classify(int err)
{
    switch (err) {
    case RD_KAFKA_RESP_ERR__AUTHENTICATION:
    case RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED:
    case RD_KAFKA_RESP_ERR_ILLEGAL_SASL_STATE:
    case RD_KAFKA_RESP_ERR_UNSUPPORTED_SASL_MECHANISM:
    case RD_KAFKA_RESP_ERR__SSL:
    case RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR__FATAL:
        return HealthClass::Fatal;
    case RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC:
    case RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART:
        return HealthClass::UnknownTopic;
    case RD_KAFKA_RESP_ERR__RESOLVE:
        return HealthClass::Resolve;
    case RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN:
    case RD_KAFKA_RESP_ERR__TRANSPORT:
    case RD_KAFKA_RESP_ERR__TIMED_OUT:
    case RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE:
    case RD_KAFKA_RESP_ERR__MSG_TIMED_OUT:
    case RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT:
    case RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION:
    case RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE:
    case RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE:
    case RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE:
    case RD_KAFKA_RESP_ERR_NOT_COORDINATOR:
        return HealthClass::Transient;
    default:
        return HealthClass::Ignore;
    }
}

std::int64_t ClientHealth::State::now() const
{
    return clock ? clock() : nowMs();
}

void ClientHealth::State::error(int err, std::string_view reason)
{
    HealthClass c = classify(err);
    if (c == HealthClass::Ignore) return;
    std::string text = tidy(reason);
    const std::int64_t t = now();
    std::lock_guard lock(mutex);
    switch (c) {
    case HealthClass::Fatal:
        if (failure.empty()) failure = explainFatal(err, text);
        break;
    case HealthClass::UnknownTopic:
        if (!unknownTopicSince) unknownTopicSince = t;
        unknownTopicText = text;
        break;
    case HealthClass::Resolve:
        if (!resolveSince) resolveSince = t;
        resolveText = text;
        [[fallthrough]];
    case HealthClass::Transient:
        // A single error while brokers are up is noise; it counts once no broker is up.
        if (!problemSince) problemSince = t;
        problemErr = err;
        problemText = text;
        break;
    case HealthClass::Ignore:
        break;
    }
}

void ClientHealth::State::brokers(int up)
{
    std::lock_guard lock(mutex);
    brokersUp = up;
    if (up <= 0) return;
    everUp = true;
    resolveSince = 0;
    if (problemSince) {
        if (warned) recoveredAfterMs = now() - problemSince;
        problemSince = 0;
        warned = false;
        lastWarnAt = 0;
        repeatMs = 0;
    }
}

ClientHealth::ClientHealth(std::string subject, std::string topic, std::string bootstrap)
    : m_subject(std::move(subject)), m_topic(std::move(topic)), m_bootstrap(std::move(bootstrap)),
      m_policy(policy()), m_state(std::make_shared<State>())
{
    m_state->clock = m_policy.clock;
}

ClientHealth::~ClientHealth()
{
    detach();
}

void ClientHealth::setPolicy(const HealthPolicy& p)
{
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    r.policy = p;
}

HealthPolicy ClientHealth::policy()
{
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    return r.policy;
}

void ClientHealth::attach(rd_kafka_s* rk)
{
    detach();
    m_rk = rk;
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    r.clients[rk] = m_state;
}

void ClientHealth::detach()
{
    if (!m_rk) return;
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    // A later client may have been created at the same address (after rd_kafka_destroy).
    if (auto it = r.clients.find(m_rk); it != r.clients.end() && it->second.lock() == m_state)
        r.clients.erase(it);
    m_rk = nullptr;
}

void ClientHealth::onError(int err, std::string_view reason)
{
    m_state->error(err, reason);
}

void ClientHealth::onBrokers(int up, int)
{
    m_state->brokers(up);
}

void ClientHealth::onProgress()
{
    m_state->brokers(1);
}

std::uint64_t ClientHealth::warningCount() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->warnings;
}

std::string ClientHealth::prefix() const
{
    return m_subject + (m_topic.empty() ? "" : " (topic " + m_topic + ")") + ": ";
}

bool ClientHealth::topicExists(int* queryErr)
{
    *queryErr = RD_KAFKA_RESP_ERR_NO_ERROR;
    if (!m_rk || m_topic.empty()) return true;
    rd_kafka_topic_t* rkt = rd_kafka_topic_new(m_rk, m_topic.c_str(), nullptr);
    if (!rkt) return true;
    // Asks for this topic only; a consumer's request never creates it (allow.auto.create.topics
    // is false for consumers), a producer's does only where the broker would have anyway.
    const rd_kafka_metadata_t* md = nullptr;
    rd_kafka_resp_err_t e = rd_kafka_metadata(m_rk, 0, rkt, &md, 3000);
    bool exists = true;
    if (e != RD_KAFKA_RESP_ERR_NO_ERROR) {
        *queryErr = e;
    } else {
        exists = false;
        for (int i = 0; i < md->topic_cnt; ++i) {
            if (m_topic != md->topics[i].topic) continue;
            rd_kafka_resp_err_t te = md->topics[i].err;
            // Missing only when the broker says so; LEADER_NOT_AVAILABLE = being created.
            exists = te != RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART &&
                     te != RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC;
            if (exists && te != RD_KAFKA_RESP_ERR_NO_ERROR) *queryErr = te;
        }
        rd_kafka_metadata_destroy(md);
    }
    rd_kafka_topic_destroy(rkt);
    return exists;
}

ClientHealth::Verdict ClientHealth::check()
{
    Verdict v;
    const HealthPolicy& p = m_policy;
    const std::int64_t now = m_state->now();
    bool confirmTopic = false;
    {
        State& s = *m_state;
        std::lock_guard lock(s.mutex);
        if (!s.failure.empty()) {
            v.failure = prefix() + s.failure;
            return v;
        }
        if (s.resolveSince && now - s.resolveSince >= p.resolveGraceMs && s.brokersUp <= 0) {
            v.failure = prefix() + "cannot resolve the bootstrap servers '" + m_bootstrap +
                        "' for " + seconds(now - s.resolveSince) + ": " + s.resolveText +
                        " (check bootstrap.servers)";
            return v;
        }
        confirmTopic = s.unknownTopicSince && now - s.unknownTopicSince >= p.unknownTopicGraceMs;
        if (s.problemSince && s.brokersUp <= 0 && now - s.problemSince >= p.warnAfterMs &&
            (!s.warned || now - s.lastWarnAt >= s.repeatMs)) {
            std::string what;
            const bool down = s.problemErr == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN ||
                              s.problemErr == RD_KAFKA_RESP_ERR__TRANSPORT ||
                              s.problemErr == RD_KAFKA_RESP_ERR__RESOLVE;
            if (!m_service.empty())
                what = down ? "cannot reach " + m_service + " at " + m_bootstrap
                            : m_service + " requests to " + m_bootstrap + " failing";
            else if (down)
                what = s.everUp ? "all Kafka brokers (" + m_bootstrap + ") down"
                                : "cannot connect to the Kafka bootstrap servers " + m_bootstrap;
            else
                what = "Kafka requests failing";
            v.warnings.push_back(prefix() + what + " for " + seconds(now - s.problemSince) +
                                 "; retrying (last error: " + s.problemText + ")");
            s.repeatMs =
                s.warned ? std::min(s.repeatMs * 2, std::int64_t(600000)) : p.repeatEveryMs;
            s.warned = true;
            s.lastWarnAt = now;
        }
        if (s.recoveredAfterMs >= 0) {
            v.warnings.push_back(prefix() + "connection to " +
                                 (m_service.empty() ? std::string("Kafka") : m_service) +
                                 " restored after " + seconds(s.recoveredAfterMs));
            s.recoveredAfterMs = -1;
        }
        s.warnings += v.warnings.size();
    }
    if (confirmTopic) {
        int err = 0;
        bool exists = topicExists(&err);
        std::lock_guard lock(m_state->mutex);
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            m_state->unknownTopicSince = now; // cannot tell now: ask again after the grace
        } else if (exists) {
            m_state->unknownTopicSince = 0;
        } else {
            v.failure = prefix() + "topic '" + m_topic + "' does not exist on " + m_bootstrap +
                        " (" + m_state->unknownTopicText + "); create it or correct the topic name";
        }
    }
    return v;
}

void ClientHealth::checkOrThrow(const std::function<void(const std::string&)>& warn)
{
    Verdict v = check();
    for (const std::string& w : v.warnings) {
        if (warn)
            warn(w);
        else
            log(4, m_subject, w);
    }
    if (!v.failure.empty()) throw std::runtime_error(v.failure);
}

void checkHealth(std::unique_ptr<ClientHealth>& health, rd_kafka_s* rk, const char* nodeType,
                 const std::string& nodeId, const std::string& topic, const std::string& bootstrap,
                 const OperatorContext* ctx)
{
    if (!rk) return;
    if (!health) {
        health = std::make_unique<ClientHealth>(std::string(nodeType) + " '" + nodeId + "'", topic,
                                                bootstrap);
        health->attach(rk);
    }
    health->checkOrThrow([ctx](const std::string& w) {
        if (ctx) ctx->warn(w);
    });
}

void installHealthCallbacks(rd_kafka_conf_s* conf)
{
    rd_kafka_conf_set_error_cb(conf, healthErrorCb);
    rd_kafka_conf_set_stats_cb(conf, healthStatsCb);
    char buf[64];
    size_t size = sizeof buf;
    char err[256];
    if (rd_kafka_conf_get(conf, "statistics.interval.ms", buf, &size) == RD_KAFKA_CONF_OK &&
        std::string(buf) == "0")
        rd_kafka_conf_set(conf, "statistics.interval.ms", "1000", err, sizeof err);
}

} // namespace sw::runtime::kafka
