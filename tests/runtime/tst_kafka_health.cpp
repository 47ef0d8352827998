// Persistent Kafka client errors are visible (connectors/kafka/ClientHealth.h), with the engine
// running real kafka-source -> kafka-sink pipelines:
//  - SASL credentials refused: the node fails, naming itself and the topic, without the secret.
//    librdkafka 2.0.2's mock cluster implements no SASL at all (no SaslHandshake), so a SASL
//    client fails authentication against it ("SASL Handshake not supported by broker") exactly
//    where a real broker would refuse the password: both surface as __AUTHENTICATION.
//  - bootstrap servers at a closed 127.0.0.1 port: a warning within a bounded time, repeated
//    at a limited rate, and the pipeline keeps retrying (a broker may be starting).
//  - the embedded broker taken down and brought back: a warning, then a recovery notice, and
//    every record arrives.
//  - a topic that does not exist on a broker with automatic topic creation off: a clear error.
//  - bootstrap servers whose name does not resolve: a clear error once it persists.
// Warnings and failures come sooner here than in production (short HealthPolicy).
#include <QtTest/QtTest>


#include <atomic>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include "connectors/kafka/ClientConfig.h"
#include "connectors/kafka/ClientHealth.h"
#include "connectors/kafka/EmbeddedBroker.h"
#include "LocalPorts.h"
#include "tst_kafka_support.h"

using namespace sw::runtime;
using namespace sw::runtime::kafka;
using namespace sw::test;

namespace {

/// source -> sink at parallelism 1 over 2 partitions, group = name; `sourceExtra`/`sinkExtra`
/// are appended to the nodes' properties.
std::string pipeline(const std::string& name, const std::string& in, const std::string& out,
                     const std::string& sourceExtra, const std::string& sinkExtra = "")
{
    return passThrough(name, in, out, name, sourceExtra, 1, 2, sinkExtra);
}

std::vector<EngineEvent> eventsOf(const Run& run, EngineEvent::Kind kind, const std::string& node)
{
    std::vector<EngineEvent> v;
    for (const auto& e : run.events)
        if (e.kind == kind && e.nodeId == node) v.push_back(e);
    return v;
}

bool hasEvent(const Run& run, EngineEvent::Kind kind, const std::string& node,
              const std::string& text)
{
    for (const auto& e : eventsOf(run, kind, node))
        if (e.message.find(text) != std::string::npos) return true;
    return false;
}

std::string allEvents(const Run& run)
{
    std::string s;
    for (const auto& e : run.events)
        if (e.kind != EngineEvent::Kind::StateChanged)
            s += std::string(e.kind == EngineEvent::Kind::Error ? "error " : "warning ") +
                 e.nodeId + ": " + e.message + "\n";
    return s;
}

/// Starts `json`, waits until the engine fails, then cancels what is left. Fails the current
/// test (the caller checks QTest::currentTestFailed()) when it does not start or fail in time.
void runUntilFailed(Run& run, const std::string& json, int timeoutMs)
{
    std::string err;
    QVERIFY2(run.start(json, &err), err.c_str());
    QVERIFY2(run.waitUntil([](const MetricsSnapshot& s) { return s.state == EngineState::Failed; },
                           timeoutMs),
             allEvents(run).c_str());
    QVERIFY(run.stop(StopMode::Cancel));
}


} // namespace

class TestKafkaHealth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void classification();
    void warningScheduleOnAVirtualClock();
    void saslRejectedFailsNamingNodeWithoutSecret();
    void closedBootstrapPortWarnsAndKeepsRetrying();
    void brokersDownThenUpWarnsAndRecovers();
    void missingTopicFailsClearly();
    void unresolvableBootstrapFails();

private:
    std::shared_ptr<EmbeddedBroker> m_broker;
    std::string bs() const { return m_broker->bootstrapServers(); }
};

void TestKafkaHealth::initTestCase()
{
    auto b = EmbeddedBroker::shared();
    QVERIFY(b);
    m_broker = *b;
    HealthPolicy p;
    p.warnAfterMs = 1000;
    p.repeatEveryMs = 4000;
    p.unknownTopicGraceMs = 1000;
    p.resolveGraceMs = 1500;
    ClientHealth::setPolicy(p);
}

void TestKafkaHealth::classification()
{
    for (int e : {RD_KAFKA_RESP_ERR__AUTHENTICATION, RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED,
                  RD_KAFKA_RESP_ERR__SSL, RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED,
                  RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED, RD_KAFKA_RESP_ERR__FATAL})
        QVERIFY(classify(e) == HealthClass::Fatal);
    QVERIFY(classify(RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC) == HealthClass::UnknownTopic);
    QVERIFY(classify(RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART) == HealthClass::UnknownTopic);
    QVERIFY(classify(RD_KAFKA_RESP_ERR__RESOLVE) == HealthClass::Resolve);
    for (int e : {RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, RD_KAFKA_RESP_ERR__TRANSPORT,
                  RD_KAFKA_RESP_ERR__TIMED_OUT, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT,
                  RD_KAFKA_RESP_ERR__MSG_TIMED_OUT})
        QVERIFY(classify(e) == HealthClass::Transient);
    QVERIFY(classify(RD_KAFKA_RESP_ERR__PARTITION_EOF) == HealthClass::Ignore);

    // Without a client: a fatal error fails at the next check, with its explanation, redacted.
    const std::string canary = "CANARY-health-91c2";
    ClientConfig c;
    c.set("sasl.password", canary);
    (void)c.redactor(); // registers the secret process-wide
    ClientHealth h("kafka-source 'orders_in'", "orders", "broker:9092");
    h.onError(RD_KAFKA_RESP_ERR__TRANSPORT, "broker:9092/bootstrap: Connect failed");
    QVERIFY(h.check().failure.empty());
    h.onError(RD_KAFKA_RESP_ERR__AUTHENTICATION, "SASL authentication error: password " + canary +
                                                     " rejected (after 3ms in state AUTH_REQ)");
    std::string failure = h.check().failure;
    QVERIFY2(failure.find("kafka-source 'orders_in' (topic orders): authentication failed") == 0,
             failure.c_str());
    QVERIFY2(failure.find(canary) == std::string::npos, failure.c_str());
    QVERIFY2(failure.find("after 3ms") == std::string::npos, failure.c_str());
}

void TestKafkaHealth::warningScheduleOnAVirtualClock()
{
    // A bootstrap server that refuses connections, on a virtual clock (HealthPolicy::clock, no
    // client): librdkafka reports the refused connection about every second, but the warning
    // comes after warnAfterMs (1 s here), again after repeatEveryMs (4 s), then at doubling
    // intervals (8 s, 16 s), and one notice when a broker is up again.
    constexpr std::int64_t t0 = 1'000'000; // inside, 0 means "no problem yet"
    auto clock = std::make_shared<std::atomic<std::int64_t>>(t0);
    const HealthPolicy saved = ClientHealth::policy();
    HealthPolicy p = saved;
    p.clock = [clock] { return clock->load(); };
    ClientHealth::setPolicy(p);
    ClientHealth h("kafka-source 'in'", "orders", "127.0.0.1:9");
    ClientHealth::setPolicy(saved);
    std::vector<std::int64_t> warnedAt; // ms after the first error
    std::string first;
    for (std::int64_t ms = 0; ms <= 40000; ms += 250) {
        *clock = t0 + ms;
        if (ms % 1000 == 0)
            h.onError(RD_KAFKA_RESP_ERR__TRANSPORT,
                      "127.0.0.1:9/bootstrap: Connect to ipv4#127.0.0.1:9 failed: refused");
        for (const std::string& w : h.check().warnings) {
            warnedAt.push_back(ms);
            if (first.empty()) first = w;
        }
    }
    QCOMPARE(warnedAt, (std::vector<std::int64_t>{1000, 5000, 13000, 29000}));
    QVERIFY2(first.find("kafka-source 'in' (topic orders): cannot connect to the Kafka bootstrap "
                        "servers 127.0.0.1:9 for 1 s; retrying (last error: ") == 0,
             first.c_str());
    *clock = t0 + 41000;
    h.onProgress(); // a broker answered
    const auto after = h.check().warnings;
    QCOMPARE(after.size(), std::size_t(1));
    QVERIFY2(after[0].find("connection to Kafka restored after 41 s") != std::string::npos,
             after[0].c_str());
    QCOMPARE(h.warningCount(), std::uint64_t(5));
}

void TestKafkaHealth::saslRejectedFailsNamingNodeWithoutSecret()
{
    const std::string canary = "CANARY-health-sasl-4d7a";
    QVERIFY(m_broker->createTopic("health.sasl.in", 2));
    const std::string sasl = R"(, "properties": {"security.protocol": "SASL_PLAINTEXT",
        "sasl.mechanism": "PLAIN", "sasl.username": "alice", "sasl.password": ")" +
                             canary + "\"}";
    Run run;
    // The source fails (the engine stops the run); nothing waits for a timeout.
    runUntilFailed(run, pipeline("health-sasl", "health.sasl.in", "health.sasl.out", sasl), 20000);
    if (QTest::currentTestFailed()) return;
    QVERIFY2(hasEvent(run, EngineEvent::Kind::Error, "in",
                      "kafka-source 'in' (topic health.sasl.in): authentication failed"),
             allEvents(run).c_str());
    QVERIFY2(allEvents(run).find(canary) == std::string::npos, allEvents(run).c_str());

    // The same for a sink: its producer is refused too.
    Run sink;
    QVERIFY(m_broker->createTopic("health.sasl2.in", 2));
    runUntilFailed(sink, pipeline("health-sasl2", "health.sasl2.in", "health.sasl2.out", "", sasl),
                   20000);
    if (QTest::currentTestFailed()) return;
    QVERIFY2(hasEvent(sink, EngineEvent::Kind::Error, "out",
                      "kafka-sink 'out' (topic health.sasl2.out): authentication failed"),
             allEvents(sink).c_str());
    QVERIFY2(allEvents(sink).find(canary) == std::string::npos, allEvents(sink).c_str());
}

void TestKafkaHealth::closedBootstrapPortWarnsAndKeepsRetrying()
{
    const int port = freePort(); // nothing listens there
    QVERIFY(port > 0);
    const std::string addr = "127.0.0.1:" + std::to_string(port);
    Run run;
    std::string err;
    QVERIFY2(run.start(pipeline("health-closed", "health.closed.in", "health.closed.out",
                                R"(, "bootstrap_servers": ")" + addr + "\""),
                       &err),
             err.c_str());
    const std::string text = "cannot connect to the Kafka bootstrap servers " + addr;
    QVERIFY2(run.waitUntil(
                 [&](const MetricsSnapshot&) {
                     return hasEvent(run, EngineEvent::Kind::Warning, "in", text);
                 },
                 20000),
             allEvents(run).c_str());
    // Still running and retrying: the warning is repeated (after repeatEveryMs, 4 s here). Its
    // schedule (not per error, doubling) is checked on a virtual clock in
    // warningScheduleOnAVirtualClock; here the repeat reaching the engine is the event.
    QVERIFY2(run.waitUntil(
                 [&](const MetricsSnapshot&) {
                     return eventsOf(run, EngineEvent::Kind::Warning, "in").size() >= 2;
                 },
                 30000),
             allEvents(run).c_str());
    QVERIFY(run.engine.state() == EngineState::Running);
    const auto warnings = eventsOf(run, EngineEvent::Kind::Warning, "in");
    QVERIFY2(warnings.back().message.find("; retrying (last error: ") != std::string::npos,
             warnings.back().message.c_str());
    QVERIFY2(errorsOf(run.events).empty(), allEvents(run).c_str());
    QVERIFY(run.stop(StopMode::Cancel));
}

void TestKafkaHealth::brokersDownThenUpWarnsAndRecovers()
{
    const int n = 2000;
    QVERIFY(m_broker->createTopic("health.down.in", 2));
    QCOMPARE(produce(bs(), "health.down.in", idMessages(0, n / 2, 2)), n / 2);
    Run run;
    std::string err;
    QVERIFY2(run.start(pipeline("health-down", "health.down.in", "health.down.out", ""), &err),
             err.c_str());
    QVERIFY2(
        run.waitUntil([&](const MetricsSnapshot& s) { return s.node("out")->recordsIn >= n / 2; },
                      60000),
        allEvents(run).c_str());
    QVERIFY(m_broker->setBrokerDown(1));
    // Source and sink share one thread (a forward chain): while the sink waits for its
    // deliveries the source is not polled, so either of them (or both) reports the outage.
    auto down = [&](const std::string& node) {
        return hasEvent(run, EngineEvent::Kind::Warning, node, "all Kafka brokers (");
    };
    auto restored = [&](const std::string& node) {
        return hasEvent(run, EngineEvent::Kind::Warning, node,
                        "connection to Kafka restored after");
    };
    bool warned =
        run.waitUntil([&](const MetricsSnapshot&) { return down("in") || down("out"); }, 20000);
    QVERIFY(m_broker->setBrokerUp(1));
    QVERIFY2(warned, allEvents(run).c_str());
    QCOMPARE(produce(bs(), "health.down.in", idMessages(n / 2, n, 2)), n / 2);
    // Every node that reported the outage reports the recovery, and all records arrive.
    QVERIFY2(run.waitUntil(
                 [&](const MetricsSnapshot& s) {
                     return s.node("out")->recordsIn >= std::uint64_t(n) &&
                            (!down("in") || restored("in")) && (!down("out") || restored("out"));
                 },
                 60000),
             allEvents(run).c_str());
    QVERIFY(run.stop());
    QVERIFY2(errorsOf(run.events).empty(), allEvents(run).c_str());
    std::set<std::int64_t> ids;
    for (std::int64_t id : idsIn(readAll(bs(), "health.down.out", 2)))
        ids.insert(id);
    QCOMPARE(ids.size(), std::size_t(n)); // no loss
}

void TestKafkaHealth::missingTopicFailsClearly()
{
    // A broker of our own whose Metadata API honours "do not create topics" (librdkafka 2.0.2's
    // mock advertises a Metadata version too old for that flag, so by default it creates every
    // topic a client asks about, like a broker with auto.create.topics.enable=true).
    auto broker = EmbeddedBroker::start(1);
    QVERIFY(broker);
    QCOMPARE(int(rd_kafka_mock_set_apiversion((*broker)->mockCluster(), 3, 0, 4)),
             int(RD_KAFKA_RESP_ERR_NO_ERROR));
    const std::string addr = (*broker)->bootstrapServers();
    Run run;
    runUntilFailed(run,
                   pipeline("health-missing", "health.no.such.topic", "health.missing.out",
                            R"(, "bootstrap_servers": ")" + addr + "\""),
                   30000);
    if (QTest::currentTestFailed()) return;
    QVERIFY2(hasEvent(run, EngineEvent::Kind::Error, "in",
                      "kafka-source 'in' (topic health.no.such.topic): topic "
                      "'health.no.such.topic' does not exist on " +
                          addr),
             allEvents(run).c_str());
}

void TestKafkaHealth::unresolvableBootstrapFails()
{
    // .invalid never resolves (RFC 2606): a configuration error once it persists.
    const std::string addr = "no-such-host.invalid:9092";
    Run run;
    runUntilFailed(run,
                   pipeline("health-resolve", "health.resolve.in", "health.resolve.out",
                            R"(, "bootstrap_servers": ")" + addr + "\""),
                   30000);
    if (QTest::currentTestFailed()) return;
    QVERIFY2(hasEvent(run, EngineEvent::Kind::Error, "in",
                      "kafka-source 'in' (topic health.resolve.in): cannot resolve the bootstrap "
                      "servers '" +
                          addr + "'"),
             allEvents(run).c_str());
}

QTEST_GUILESS_MAIN(TestKafkaHealth)
#include "tst_kafka_health.moc"
