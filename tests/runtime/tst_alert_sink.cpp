// alert-sink without a server: the webhook body template (expr/JsonTemplate), the catalog's
// validation of the node, the rendering of records as Alertmanager alerts and webhook bodies,
// and the registration of its secrets for redaction.
#include <QtTest/QtTest>

#include <optional>

#include <nlohmann/json.hpp>

#include "ConnectorTestHarness.h"
#include "connectors/alert/AlertRenderer.h"
#include "connectors/alert/AlertSettings.h"
#include "connectors/kafka/ClientConfig.h"
#include "expr/JsonTemplate.h"
#include "types/ValueText.h"

using namespace sw::runtime;
using namespace sw::test;
using nlohmann::json;

namespace {

Schema ordersSchema()
{
    Schema s;
    s.add("order_id", DataType::bigint());
    s.add("customer", DataType::string());
    s.add("amount", DataType::decimal(10, 2));
    s.add("express", DataType::boolean());
    s.add("event_time", DataType::timestamp());
    return s;
}

std::int64_t ts(const char* text)
{
    std::int64_t ms = 0;
    if (!parseTimestamp(text, ms)) qFatal("bad timestamp %s", text);
    return ms;
}

Record order(std::int64_t id, Value customer, std::int64_t cents, bool express, std::int64_t t)
{
    return Record(Row{Value::integer(id), std::move(customer), Value::decimal(cents, 2),
                      Value::boolean(express), Value::timestamp(t)},
                  t);
}

/// Settings of an alert-sink node over ordersSchema() (as the engine's factory reads them).
Result<alert::AlertSettings> settings(json props)
{
    NodeSpec n = makeNode("alerts", "alert-sink", std::move(props));
    const NodeType* t = Catalog::instance().find("alert-sink");
    OperatorSpec spec{n, *t, {ordersSchema()}, {errorSchema()}, 0, 1, {}};
    return alert::alertSettings(spec);
}

Diagnostics diagnose(json props)
{
    NodeSpec n = makeNode("alerts", "alert-sink", std::move(props));
    Schema in = ordersSchema();
    Diagnostics d;
    Catalog::instance().deriveSchemas(n, {&in}, d);
    return d;
}

/// The first diagnostic of `property` (severity error), if any.
std::optional<Diagnostic> errorOf(const Diagnostics& d, const std::string& property)
{
    for (const auto& x : d)
        if (x.property == property && x.severity == Severity::Error) return x;
    return std::nullopt;
}

} // namespace

class TestAlertSink : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void templateRendersTypedValuesAndText();
    void templateErrorsNameLineAndColumn_data();
    void templateErrorsNameLineAndColumn();
    void validationReportsEachProblemOnItsProperty();
    void alertmanagerAlertsFollowThePostableAlertShape();
    void alertWithoutEventTimeStartsNow();
    void annotationErrorIsReported();
    void secretsAreRegisteredForRedaction();
};

void TestAlertSink::templateRendersTypedValuesAndText()
{
    auto s = settings(
        {{"url", "http://127.0.0.1:1/hook"},
         {"mode", "webhook"},
         {"body_template", "{\"text\": \"Order {{ order_id }} by {{customer}} \\\"x\\\"\",\n"
                           " \"amount\": \"{{ amount * 2 }}\", \"express\": \"{{ express }}\",\n"
                           " \"who\": \"{{ customer }}\", \"at\": \"{{ event_time }}\",\n"
                           " \"tags\": [\"orders\", \"{{ UPPER(customer) }}\"], \"n\": 1}"}});
    QVERIFY2(s, s ? "" : s.error().message.c_str());
    alert::AlertRenderer r(*s);
    std::string out, err;
    const std::int64_t t = ts("2026-12-07 14:00:00.250");
    QVERIFY(
        r.render(order(42, Value::string(std::string("ann \"a\"")), 12345, true, t), 0, out, err));
    json j = json::parse(out);
    QCOMPARE(j["text"].get<std::string>(), std::string("Order 42 by ann \"a\" \"x\""));
    QVERIFY2(out.find("\"amount\": 246.90,") != std::string::npos, out.c_str()); // exact digits
    QCOMPARE(j["express"], json(true));
    QCOMPARE(j["who"], json("ann \"a\""));
    QCOMPARE(j["at"], json("2026-12-07 14:00:00.250"));
    QCOMPARE(j["tags"], json::parse(R"(["orders", "ANN \"A\""])"));
    QCOMPARE(j["n"], json(1));
    // NULL: null as a whole value, nothing inside text.
    out.clear();
    QVERIFY(r.render(order(7, Value::null(), 100, false, t), 0, out, err));
    j = json::parse(out);
    QCOMPARE(j["who"], json(nullptr));
    QCOMPARE(j["text"].get<std::string>(), std::string("Order 7 by  \"x\""));
    // A batch of one is the body itself; more are a JSON array.
    std::string a = "{\"a\":1}", b = "{\"b\":2}";
    QCOMPARE(r.body({&a}), a);
    QCOMPARE(r.body({&a, &b}), std::string("[{\"a\":1},{\"b\":2}]"));
}

void TestAlertSink::templateErrorsNameLineAndColumn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("unknown column")
        << "{\"a\": \"x {{ amout }}\"}"
        << "placeholder '{{ amout }}': unknown column 'amout'" << 1 << 13;
    QTest::newRow("second line") << "{\"a\": 1,\n \"b\": \"{{ order_id + }}\"}"
                                 << "placeholder '{{ order_id + }}'" << 2 << 21;
    QTest::newRow("in a key") << "{\"{{ customer }}\": 1}"
                              << "placeholders are not allowed in object keys" << 1 << 3;
    QTest::newRow("outside a string") << "{\"a\": {{ amount }}}"
                                      << "a placeholder must stand inside a JSON string" << 1 << 7;
    QTest::newRow("not closed") << "{\"a\": \"{{ amount \"}"
                                << "placeholder '{{' is not closed with '}}'" << 1 << 8;
    QTest::newRow("empty") << "{\"a\": \"{{ }}\"}"
                           << "empty placeholder" << 1 << 8;
    QTest::newRow("invalid JSON") << "{\"a\": \"{{ amount }}\",\n \"b\": tru}"
                                  << "not valid JSON: syntax error" << 2 << 10;
    QTest::newRow("empty template") << ""
                                    << "not valid JSON" << 1 << 1;
}

void TestAlertSink::templateErrorsNameLineAndColumn()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    auto t = expr::JsonTemplate::compile(text.toStdString(), ordersSchema());
    QVERIFY(!t);
    QVERIFY2(QString::fromStdString(t.error().message).contains(message),
             t.error().message.c_str());
    QCOMPARE(t.error().line, line);
    QCOMPARE(t.error().column, column);
}

void TestAlertSink::validationReportsEachProblemOnItsProperty()
{
    const json ok = {{"url", "http://am:9093"},
                     {"labels", {"customer"}},
                     {"constant_labels", {{"alertname", "LargeOrder"}}},
                     {"annotations", {{"summary", "'Order ' || CAST(order_id AS STRING)"}}}};
    QVERIFY(!errorOf(diagnose(ok), "labels") && !errorOf(diagnose(ok), "annotations"));
    for (const auto& x : diagnose(ok))
        QVERIFY2(x.severity != Severity::Error, x.message.c_str());

    auto with = [&](const char* key, json v) {
        json p = ok;
        p[key] = std::move(v);
        return diagnose(p);
    };
    auto d = errorOf(with("url", "am:9093"), "url");
    QVERIFY(d && d->message.find("not an http:// or https:// URL") != std::string::npos);
    d = errorOf(with("labels", {"custmer"}), "labels");
    QVERIFY(d && d->message.find("custmer") != std::string::npos);
    d = errorOf(with("constant_labels", {{"bad-name", "x"}}), "constant_labels");
    QVERIFY(d && d->message.find("not a valid label name") != std::string::npos);
    d = errorOf(with("constant_labels", {{"customer", "x"}}), "constant_labels");
    QVERIFY(d && d->message.find("also a label column") != std::string::npos);
    json none = ok;
    none["labels"] = json::array();
    none["constant_labels"] = json::object();
    d = errorOf(diagnose(none), "labels");
    QVERIFY(d && d->message.find("at least one label") != std::string::npos);
    d = errorOf(with("annotations", {{"summary", "order_id +* 1"}}), "annotations");
    QVERIFY(d && d->message.find("annotation 'summary'") != std::string::npos);
    QCOMPARE(d->column, 11);
    d = errorOf(with("auth", {{"token", "x"}}), "auth");
    QVERIFY(d && d->message.find("unknown key 'token'") != std::string::npos);
    d = errorOf(with("auth", {{"password", "x"}}), "auth");
    QVERIFY(d && d->message.find("needs a username") != std::string::npos);
    d = errorOf(with("headers", {{"X-Team", "a\r\nInjected: 1"}}), "headers");
    QVERIFY(d && d->message.find("line break") != std::string::npos);
    d = errorOf(with("resolve_timeout", "-5 min"), "resolve_timeout");
    QVERIFY(d.has_value());

    json hook = {{"url", "http://hooks/x"}, {"mode", "webhook"}};
    d = errorOf(diagnose(hook), "body_template");
    QVERIFY(d && d->message.find("needs a body template") != std::string::npos);
    hook["body_template"] = "{\"a\":\n \"{{ amout }}\"}";
    d = errorOf(diagnose(hook), "body_template");
    QVERIFY2(d && d->message.find("unknown column 'amout'") != std::string::npos &&
                 d->message.find("line 2, column 6") != std::string::npos,
             d ? d->message.c_str() : "no diagnostic");
}

void TestAlertSink::alertmanagerAlertsFollowThePostableAlertShape()
{
    auto s = settings({{"url", "http://am:9093/"},
                       {"labels", {"customer", "order_id"}},
                       {"constant_labels", {{"alertname", "LargeOrder"}, {"severity", "page"}}},
                       {"annotations",
                        {{"summary", "'Order ' || CAST(order_id AS STRING) || ' of ' || customer"},
                         {"amount", "amount"},
                         {"missing", "CAST(NULL AS STRING)"}}},
                       {"resolve_timeout", "15 min"},
                       {"generator_url", "http://streamwright/pipelines/orders"}});
    QVERIFY2(s, s ? "" : s.error().message.c_str());
    QCOMPARE(s->url, std::string("http://am:9093/api/v2/alerts"));
    alert::AlertRenderer r(*s);
    std::string out, err;
    const std::int64_t t = ts("2026-12-07 14:03:07.045");
    QVERIFY(r.render(order(42, Value::string(std::string("ann")), 250000, true, t), 0, out, err));
    const json expected = {{"labels",
                            {{"alertname", "LargeOrder"},
                             {"severity", "page"},
                             {"customer", "ann"},
                             {"order_id", "42"}}},
                           {"annotations", {{"summary", "Order 42 of ann"}, {"amount", "2500.00"}}},
                           {"startsAt", "2026-12-07T14:03:07.045Z"},
                           {"endsAt", "2026-12-07T14:18:07.045Z"},
                           {"generatorURL", "http://streamwright/pipelines/orders"}};
    QCOMPARE(json::parse(out), expected);
    // A NULL (or empty) label value is no label, as in Alertmanager.
    out.clear();
    QVERIFY(r.render(order(43, Value::null(), 100, false, t), 0, out, err));
    QVERIFY(!json::parse(out)["labels"].contains("customer"));
    QVERIFY(!json::parse(out)["annotations"].contains("summary")); // NULL || ... is NULL
}

void TestAlertSink::alertWithoutEventTimeStartsNow()
{
    auto s = settings(
        {{"url", "http://am:9093/api/v2/alerts"}, {"constant_labels", {{"alertname", "X"}}}});
    QVERIFY(s);
    QCOMPARE(s->url, std::string("http://am:9093/api/v2/alerts")); // a full API URL is kept
    alert::AlertRenderer r(*s);
    std::string out, err;
    Record rec = order(1, Value::string(std::string("a")), 1, false, 0);
    rec.timestamp = kNoTimestamp;
    QVERIFY(r.render(rec, ts("2030-01-02 03:04:05"), out, err));
    const json j = json::parse(out);
    QCOMPARE(j["startsAt"], json("2030-01-02T03:04:05.000Z"));
    QVERIFY(!j.contains("endsAt")); // no resolve_timeout: Alertmanager's own applies
    QVERIFY(!j.contains("generatorURL"));
    QCOMPARE(j["labels"], json({{"alertname", "X"}}));
}

void TestAlertSink::annotationErrorIsReported()
{
    auto s = settings({{"url", "http://am:9093"},
                       {"constant_labels", {{"alertname", "X"}}},
                       {"annotations", {{"ratio", "CAST(100 / (order_id - 1) AS STRING)"}}}});
    QVERIFY(s);
    alert::AlertRenderer r(*s);
    std::string out, err;
    QVERIFY(!r.render(order(1, Value::string(std::string("a")), 1, false, 0), 0, out, err));
    QVERIFY2(err.find("annotation 'ratio'") != std::string::npos, err.c_str());
}

void TestAlertSink::secretsAreRegisteredForRedaction()
{
    const std::string token = "tok-canary-5c1d3f";
    const std::string password = "pw-canary-88e1a0";
    auto s = settings({{"url", "http://am:9093"},
                       {"constant_labels", {{"alertname", "X"}}},
                       {"auth", {{"bearer_token", token}}},
                       {"headers", {{"X-Api-Key", "key-canary-0a0b"}, {"X-Team", "orders"}}}});
    QVERIFY(s);
    const std::string text = "failed with " + token + " and key-canary-0a0b for team orders";
    const std::string red = kafka::redactSecrets(text);
    QVERIFY(red.find(token) == std::string::npos);
    QVERIFY(red.find("key-canary-0a0b") == std::string::npos);
    QVERIFY(red.find("team orders") != std::string::npos); // not a secret
    QCOMPARE(s->redactor.apply(text), red);
    auto b = settings({{"url", "http://user:" + password + "@am:9093"},
                       {"constant_labels", {{"alertname", "X"}}}});
    QVERIFY(b);
    QCOMPARE(b->displayUrl, std::string("http://am:9093/api/v2/alerts"));
    QVERIFY(kafka::redactSecrets("x " + password).find(password) == std::string::npos);
}

QTEST_GUILESS_MAIN(TestAlertSink)
#include "tst_alert_sink.moc"
