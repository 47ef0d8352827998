// alert-sink against real servers: Prometheus Alertmanager (Debian's prometheus-alertmanager,
// started by the test on 127.0.0.1) and a webhook receiver (cpp-httplib). Results are compared
// with an oracle computed from the input independently of the runtime (labels, annotation text,
// times). Outages are driven by the test and waited for on events (warnings, received bodies),
// never on sleeps.
#include <QtTest/QtTest>

#include <QTemporaryDir>

#include <fstream>
#include <map>
#include <set>

#include "AlertTestSupport.h"
#include "LocalPorts.h"
#include "PipelineRunner.h"
#include "connectors/kafka/ClientHealth.h"
#include "types/ValueText.h"

using namespace sw::runtime;
using namespace sw::test;
using nlohmann::json;

namespace {

struct Order {
    std::int64_t id;
    std::string customer; ///< "" = NULL
    std::int64_t cents;
    std::int64_t eventTime;
    bool large() const { return cents > 10000; }
    std::string amountText() const
    {
        char b[32];
        std::snprintf(b, sizeof b, "%lld.%02lld", static_cast<long long>(cents / 100),
                      static_cast<long long>(cents % 100));
        return b;
    }
};

constexpr std::int64_t kHourMs = 3600000;

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

/// `n` orders in the last minutes (so an endsAt one hour later is in the future); every third is
/// not large; customers from a small set (`nullEvery` > 0: every such order has none).
std::vector<Order> makeOrders(int n, int nullEvery = 0)
{
    std::vector<Order> v;
    const std::int64_t base = nowMs() - 600000;
    for (int i = 1; i <= n; ++i) {
        std::string c = "cust-" + std::to_string(i % 7);
        if (nullEvery && i % nullEvery == 0) c.clear();
        v.push_back({i, c, i % 3 == 0 ? 5000 + i : 10001 + 137 * i, base + i * 1007});
    }
    return v;
}

void writeOrders(const std::string& path, const std::vector<Order>& orders)
{
    std::ofstream f(path);
    for (const Order& o : orders) {
        json j = {{"order_id", o.id},
                  {"amount", std::stod(o.amountText())},
                  {"event_time", formatTimestamp(o.eventTime)}};
        j["customer"] = o.customer.empty() ? json(nullptr) : json(o.customer);
        f << j.dump() << "\n";
    }
}

/// file-source -> filter (amount > 100) -> alert-sink, whose errors go to a SQLite DLQ.
PipelineSpec pipeline(const std::string& input, const std::string& dlq, json alertProps)
{
    const json schema = json::array({{{"name", "order_id"}, {"type", "BIGINT"}},
                                     {{"name", "customer"}, {"type", "STRING"}},
                                     {{"name", "amount"}, {"type", "DECIMAL(10, 2)"}},
                                     {{"name", "event_time"}, {"type", "TIMESTAMP(3)"}}});
    PipelineSpec p;
    p.settings.name = "alerts";
    p.nodes = {pnode("src", "file-source", {{"path", input}, {"schema", schema}}),
               pnode("large", "filter", {{"condition", "amount > 100"}}),
               pnode("alerts", "alert-sink", std::move(alertProps)),
               pnode("dlq", "dlq", {{"target", "sqlite"}, {"path", dlq}})};
    p.edges = {pedge("src", "out", "large"), pedge("large", "out", "alerts"),
               pedge("alerts", "errors", "dlq")};
    return p;
}

json alertmanagerProps(const std::string& url)
{
    return {{"url", url},
            {"labels", {"customer", "order_id"}},
            {"constant_labels", {{"alertname", "LargeOrder"}, {"severity", "page"}}},
            {"annotations",
             {{"summary", "'Order ' || CAST(order_id AS STRING) || ' of ' || customer"},
              {"amount", "CAST(amount AS STRING)"}}},
            {"resolve_timeout", "1 h"},
            {"generator_url", "http://streamwright.test/pipelines/alerts"},
            {"batch_size", 7},
            {"flush_interval", "100 ms"}};
}

/// What Alertmanager must list for `orders` (the large ones), keyed by order id.
std::map<std::string, json> oracle(const std::vector<Order>& orders)
{
    std::map<std::string, json> m;
    for (const Order& o : orders) {
        if (!o.large()) continue;
        json labels = {
            {"alertname", "LargeOrder"}, {"severity", "page"}, {"order_id", std::to_string(o.id)}};
        json ann = {{"amount", o.amountText()}};
        if (!o.customer.empty()) {
            labels["customer"] = o.customer;
            ann["summary"] = "Order " + std::to_string(o.id) + " of " + o.customer;
        }
        m[std::to_string(o.id)] = {{"labels", labels},
                                   {"annotations", ann},
                                   {"startsAt", o.eventTime},
                                   {"endsAt", o.eventTime + kHourMs},
                                   {"generatorURL", "http://streamwright.test/pipelines/alerts"}};
    }
    return m;
}

std::int64_t millis(const json& text)
{
    std::int64_t ms = 0;
    if (!text.is_string() || !parseTimestamp(text.get<std::string>(), ms)) return -1;
    return ms;
}

/// Alertmanager's alerts in the oracle's shape.
std::map<std::string, json> listed(const json& alerts)
{
    std::map<std::string, json> m;
    for (const json& a : alerts) {
        const std::string id = a["labels"].value("order_id", "");
        m[id] = {{"labels", a["labels"]},
                 {"annotations", a["annotations"]},
                 {"startsAt", millis(a["startsAt"])},
                 {"endsAt", millis(a["endsAt"])},
                 {"generatorURL", a.value("generatorURL", "")}};
    }
    return m;
}

std::string firstDifference(const std::map<std::string, json>& got,
                            const std::map<std::string, json>& want)
{
    if (got.size() != want.size())
        return "count " + std::to_string(got.size()) + " != " + std::to_string(want.size());
    for (const auto& [id, w] : want) {
        auto it = got.find(id);
        if (it == got.end()) return "missing order " + id;
        if (it->second != w) return "order " + id + ": " + it->second.dump() + " != " + w.dump();
    }
    return {};
}

bool isWarning(const EngineEvent& e, const std::string& text)
{
    return e.kind == EngineEvent::Kind::Warning && e.message.find(text) != std::string::npos;
}

/// Sets a short health policy for the test's lifetime (warnings after 100 ms of outage).
struct ShortHealthPolicy {
    kafka::HealthPolicy saved = kafka::ClientHealth::policy();
    ShortHealthPolicy()
    {
        kafka::HealthPolicy p = saved;
        p.warnAfterMs = 100;
        p.repeatEveryMs = 60000;
        kafka::ClientHealth::setPolicy(p);
    }
    ~ShortHealthPolicy() { kafka::ClientHealth::setPolicy(saved); }
};

} // namespace

class TestAlertAlertmanager : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void alertsAppearWithLabelsAnnotationsAndTimes();
    void alertmanagerDownAtStartDelaysAlertsAndLosesNone();
    void refusedAlertsGoToErrorsWithStatusAndBody();
    void webhookBodiesFollowTheTemplate();
    void webhookRetries5xxAnd429UntilAccepted();
    void webhookOutageMidRunLosesNothing();
    void webhook400GoesToErrorsWithSecretsRedacted();
    void cancelWhileEndpointDownIsPromptAndRedacted();

private:
    QTemporaryDir m_dir;
    std::string path(const std::string& name) const
    {
        return m_dir.filePath(QString::fromStdString(name)).toStdString();
    }
};

void TestAlertAlertmanager::initTestCase()
{
    const QString missing = missingAlertmanager();
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    QVERIFY(m_dir.isValid());
}

void TestAlertAlertmanager::alertsAppearWithLabelsAnnotationsAndTimes()
{
    Alertmanager am(freePort());
    QString why;
    QVERIFY2(am.start(&why), qPrintable(why));
    const auto orders = makeOrders(60);
    writeOrders(path("orders1.jsonl"), orders);
    const auto want = oracle(orders);
    QCOMPARE(want.size(), std::size_t(40));
    const std::string errors = runPipeline(
        pipeline(path("orders1.jsonl"), path("dlq1.sqlite"), alertmanagerProps(am.url())),
        path(""));
    QVERIFY2(errors.empty(), errors.c_str());
    // Posted before the run ended; listed at once (the wait only covers Alertmanager's own
    // processing).
    const auto got = listed(am.waitForAlerts(want.size()));
    const std::string diff = firstDifference(got, want);
    QVERIFY2(diff.empty(), diff.c_str());
}

void TestAlertAlertmanager::alertmanagerDownAtStartDelaysAlertsAndLosesNone()
{
    ShortHealthPolicy policy;
    Alertmanager am(freePort());
    const auto orders = makeOrders(50);
    writeOrders(path("orders2.jsonl"), orders);
    Engine e;
    EngineOptions o;
    o.dataDirectory = path("");
    QVERIFY(e.start(
        pipeline(path("orders2.jsonl"), path("dlq2.sqlite"), alertmanagerProps(am.url())), o));
    std::vector<EngineEvent> seen;
    const std::string down = "cannot reach Alertmanager at " + am.url() + "/api/v2/alerts";
    QVERIFY2(waitForEvent(e, seen, [&](const EngineEvent& ev) { return isWarning(ev, down); }),
             "no warning about the unreachable Alertmanager");
    // Held, not failed and not finished: the sink retries the batch (backpressure).
    QVERIFY(e.state() == EngineState::Running);
    QVERIFY(am.alerts().is_null()); // nothing listens there yet
    QString why;
    QVERIFY2(am.start(&why), qPrintable(why));
    QVERIFY(e.wait(60000));
    QVERIFY(e.state() == EngineState::Finished);
    QVERIFY(waitForEvent(
        e, seen,
        [](const EngineEvent& ev) {
            return isWarning(ev, "connection to Alertmanager restored after");
        },
        5));
    for (const auto& ev : seen)
        QVERIFY2(ev.kind != EngineEvent::Kind::Error, ev.message.c_str());
    const auto want = oracle(orders);
    const auto got = listed(am.waitForAlerts(want.size()));
    const std::string diff = firstDifference(got, want);
    QVERIFY2(diff.empty(), diff.c_str());
    QVERIFY(sqliteRows(path("dlq2.sqlite"), "SELECT * FROM dead_letters").empty());
}

void TestAlertAlertmanager::refusedAlertsGoToErrorsWithStatusAndBody()
{
    Alertmanager am(freePort());
    QString why;
    QVERIFY2(am.start(&why), qPrintable(why));
    // The customer is the only label: an order without one is an alert without labels, which
    // Alertmanager refuses (400) while it accepts the others of the same batch.
    const auto orders = makeOrders(40, 5);
    writeOrders(path("orders3.jsonl"), orders);
    json props = {{"url", am.url()},
                  {"labels", {"customer"}},
                  {"annotations", {{"order", "CAST(order_id AS STRING)"}}},
                  {"resolve_timeout", "1 h"},
                  {"batch_size", 10}};
    const std::string errors =
        runPipeline(pipeline(path("orders3.jsonl"), path("dlq3.sqlite"), props), path(""));
    QVERIFY2(errors.empty(), errors.c_str());
    std::set<std::string> refusedWant, acceptedCustomers;
    for (const Order& o : orders) {
        if (!o.large()) continue;
        if (o.customer.empty())
            refusedWant.insert(std::to_string(o.id));
        else
            acceptedCustomers.insert(o.customer);
    }
    QVERIFY(!refusedWant.empty());
    std::set<std::string> refusedGot;
    for (const auto& row :
         sqliteRows(path("dlq3.sqlite"), "SELECT error_class, message, record FROM dead_letters")) {
        QCOMPARE(row[0], std::string("sink"));
        QVERIFY2(row[1].find("HTTP 400 from " + am.url() + "/api/v2/alerts") != std::string::npos,
                 row[1].c_str());
        QVERIFY2(row[1].find("at least one label pair required") != std::string::npos,
                 row[1].c_str());
        refusedGot.insert(std::to_string(json::parse(row[2])["order_id"].get<std::int64_t>()));
    }
    QCOMPARE(refusedGot, refusedWant);
    // Alertmanager merges alerts with equal labels: one alert per customer.
    const json alerts = am.waitForAlerts(acceptedCustomers.size());
    std::set<std::string> customers;
    for (const json& a : alerts)
        customers.insert(a["labels"].value("customer", ""));
    QCOMPARE(customers, acceptedCustomers);
}

void TestAlertAlertmanager::webhookBodiesFollowTheTemplate()
{
    WebhookReceiver hook;
    const auto orders = makeOrders(30);
    writeOrders(path("orders4.jsonl"), orders);
    const std::string token = "tok-canary-webhook-71f2";
    json props = {{"url", hook.url()},
                  {"mode", "webhook"},
                  {"body_template", "{\"text\": \"Order {{ order_id }} of {{ customer }}\",\n"
                                    " \"amount\": \"{{ amount }}\", \"at\": \"{{ event_time }}\","
                                    " \"source\": \"streamwright\"}"},
                  {"batch_size", 4},
                  {"flush_interval", "100 ms"},
                  {"auth", {{"bearer_token", token}}},
                  {"headers", {{"X-Team", "orders"}}}};
    const std::string errors =
        runPipeline(pipeline(path("orders4.jsonl"), path("dlq4.sqlite"), props), path(""));
    QVERIFY2(errors.empty(), errors.c_str());
    std::vector<json> want;
    for (const Order& o : orders)
        if (o.large())
            want.push_back({{"text", "Order " + std::to_string(o.id) + " of " + o.customer},
                            {"amount", std::stod(o.amountText())},
                            {"at", formatTimestamp(o.eventTime)},
                            {"source", "streamwright"}});
    std::vector<json> got;
    for (const auto& r : hook.received()) {
        QCOMPARE(r.authorization, "Bearer " + token);
        QCOMPARE(r.custom, std::string("orders"));
        const json body = json::parse(r.body);
        QVERIFY(body.is_array() && !body.empty() && body.size() <= 4); // batch_size 4
        for (const json& b : body)
            got.push_back(b);
    }
    QCOMPARE(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i)
        QVERIFY2(got[i] == want[i], (got[i].dump() + " != " + want[i].dump()).c_str());
}

void TestAlertAlertmanager::webhookRetries5xxAnd429UntilAccepted()
{
    std::atomic<int> calls{0};
    WebhookReceiver hook([&](const std::string&) -> std::pair<int, std::string> {
        const int n = ++calls;
        if (n == 3 || n == 4) return {503, "busy"};
        if (n == 5) return {429, "slow down"};
        return {200, "ok"};
    });
    hook.setRetryAfter(429, "1"); // one second: more than the 400 ms the backoff is at by then
    const auto orders = makeOrders(24);
    writeOrders(path("orders5.jsonl"), orders);
    json props = {{"url", hook.url()},
                  {"mode", "webhook"},
                  {"body_template", "{\"id\": \"{{ order_id }}\"}"}};
    const std::string errors =
        runPipeline(pipeline(path("orders5.jsonl"), path("dlq5.sqlite"), props), path(""));
    QVERIFY2(errors.empty(), errors.c_str());
    std::vector<std::int64_t> accepted, want;
    std::vector<int> statuses;
    for (const auto& r : hook.received()) {
        statuses.push_back(r.status);
        if (r.status == 200) accepted.push_back(json::parse(r.body)["id"].get<std::int64_t>());
    }
    for (const Order& o : orders)
        if (o.large()) want.push_back(o.id);
    QCOMPARE(accepted, want); // each once, in order: a refused-for-now body is posted again
    QCOMPARE(std::vector<int>(statuses.begin(), statuses.begin() + 6),
             (std::vector<int>{200, 200, 503, 503, 429, 200}));
    // The 429's Retry-After held the next attempt back at least a second (a lower bound: the
    // sink cannot post earlier than its wait).
    const auto& got = hook.received();
    QVERIFY2(
        got[5].at - got[4].at >= std::chrono::milliseconds(1000),
        qPrintable(QString::number(
            std::chrono::duration_cast<std::chrono::milliseconds>(got[5].at - got[4].at).count())));
    QVERIFY(sqliteRows(path("dlq5.sqlite"), "SELECT * FROM dead_letters").empty());
}

void TestAlertAlertmanager::webhookOutageMidRunLosesNothing()
{
    ShortHealthPolicy policy;
    const auto orders = makeOrders(45);
    writeOrders(path("orders6.jsonl"), orders);
    auto hook = std::make_unique<WebhookReceiver>();
    const std::string url = hook->url();
    json props = {
        {"url", url}, {"mode", "webhook"}, {"body_template", "{\"id\": \"{{ order_id }}\"}"}};
    Engine e;
    EngineOptions o;
    o.dataDirectory = path("");
    QVERIFY(e.start(pipeline(path("orders6.jsonl"), path("dlq6.sqlite"), props), o));
    QVERIFY(hook->waitFor([](const auto& r) { return r.size() >= 5; }));
    std::set<std::int64_t> got;
    for (const auto& r : hook->received())
        got.insert(json::parse(r.body)["id"].get<std::int64_t>());
    const int port = std::stoi(url.substr(url.rfind(':') + 1));
    hook.reset(); // the receiver goes away mid-run: connections are refused
    std::vector<EngineEvent> seen;
    QVERIFY2(waitForEvent(
                 e, seen,
                 [](const EngineEvent& ev) { return isWarning(ev, "cannot reach webhook at"); }),
             "no warning about the unreachable webhook");
    QVERIFY(e.state() == EngineState::Running);
    hook = std::make_unique<WebhookReceiver>(WebhookReceiver::Answer{}, port);
    QVERIFY(e.wait(60000));
    QVERIFY(e.state() == EngineState::Finished);
    for (const auto& r : hook->received())
        got.insert(json::parse(r.body)["id"].get<std::int64_t>());
    std::set<std::int64_t> want;
    for (const Order& ord : orders)
        if (ord.large()) want.insert(ord.id);
    QCOMPARE(got, want);
}

void TestAlertAlertmanager::webhook400GoesToErrorsWithSecretsRedacted()
{
    const std::string token = "tok-canary-echo-3b9e";
    // The receiver refuses order 10 and echoes the request's Authorization header back, as
    // some services do: the secret must not reach the error record.
    WebhookReceiver hook([&](const std::string& body) -> std::pair<int, std::string> {
        if (json::parse(body)["id"] == 10) return {400, "bad alert, auth was Bearer " + token};
        return {200, "ok"};
    });
    const auto orders = makeOrders(12);
    writeOrders(path("orders7.jsonl"), orders);
    json props = {{"url", hook.url()},
                  {"mode", "webhook"},
                  {"body_template", "{\"id\": \"{{ order_id }}\"}"},
                  {"auth", {{"bearer_token", token}}}};
    const std::string errors =
        runPipeline(pipeline(path("orders7.jsonl"), path("dlq7.sqlite"), props), path(""));
    QVERIFY2(errors.empty(), errors.c_str());
    const auto rows =
        sqliteRows(path("dlq7.sqlite"), "SELECT error_class, message, record FROM dead_letters");
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(rows[0][0], std::string("sink"));
    QVERIFY2(rows[0][1].find("HTTP 400 from " + hook.url() +
                             ": bad alert, auth was Bearer ******") != std::string::npos,
             rows[0][1].c_str());
    QVERIFY(rows[0][1].find(token) == std::string::npos);
    QCOMPARE(json::parse(rows[0][2])["order_id"], json(10));
    std::size_t accepted = 0;
    for (const auto& r : hook.received())
        accepted += r.status == 200;
    std::size_t large = 0;
    for (const Order& o : orders)
        large += o.large();
    QCOMPARE(accepted, large - 1);
}

void TestAlertAlertmanager::cancelWhileEndpointDownIsPromptAndRedacted()
{
    ShortHealthPolicy policy;
    const std::string token = "tok-canary-cancel-9d0c";
    const std::string password = "pw-canary-url-4e77";
    const int port = freePort();
    const auto orders = makeOrders(30);
    writeOrders(path("orders8.jsonl"), orders);
    json props =
        alertmanagerProps("http://alice:" + password + "@127.0.0.1:" + std::to_string(port));
    props["headers"] = {{"Authorization", "Bearer " + token}};
    Engine e;
    EngineOptions o;
    o.dataDirectory = path("");
    QVERIFY(e.start(pipeline(path("orders8.jsonl"), path("dlq8.sqlite"), props), o));
    std::vector<EngineEvent> seen;
    const std::string down =
        "cannot reach Alertmanager at http://127.0.0.1:" + std::to_string(port) + "/api/v2/alerts";
    QVERIFY(waitForEvent(e, seen, [&](const EngineEvent& ev) { return isWarning(ev, down); }));
    e.stop(StopMode::Cancel);
    QVERIFY2(e.wait(10000), "the cancel did not end the run while the sink was retrying");
    QVERIFY(waitForEvent(
        e, seen,
        [](const EngineEvent& ev) {
            return isWarning(ev, "alert(s) not posted to http://127.0.0.1:");
        },
        5));
    for (const auto& ev : seen) {
        QVERIFY2(ev.message.find(token) == std::string::npos, ev.message.c_str());
        QVERIFY2(ev.message.find(password) == std::string::npos, ev.message.c_str());
    }
}

QTEST_GUILESS_MAIN(TestAlertAlertmanager)
#include "tst_alert_alertmanager.moc"
