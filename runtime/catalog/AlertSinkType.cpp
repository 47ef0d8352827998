// The alert-sink node type: alerts from records to Prometheus Alertmanager (v2 API) or to any
// webhook (a JSON body from a template). Operator: connectors/alert/AlertSink.h.
#include <set>

#include "catalog/Builders.h"
#include "expr/Expression.h"
#include "expr/JsonTemplate.h"

namespace sw::runtime {
using namespace catalog_detail;

namespace {

std::vector<PropertySpec> alertProperties()
{
    return {
        P("url", "URL", PropertyType::String)
            .def("")
            .required()
            .doc("Alertmanager base URL (http://host:9093; /api/v2/alerts is added) or, in "
                 "webhook mode, the URL the bodies are posted to"),
        P("mode", "Mode", PropertyType::Choice)
            .def("alertmanager")
            .choices({"alertmanager", "webhook"})
            .doc("alertmanager: Alertmanager's v2 API; webhook: a JSON body from body_template"),
        P("labels", "Label columns", PropertyType::FieldList)
            .def(nlohmann::json::array())
            .doc("Columns sent as alert labels (label name = column name; NULL or empty = no "
                 "label)"),
        P("constant_labels", "Constant labels", PropertyType::KeyValue)
            .def(nlohmann::json::object())
            .doc("Labels every alert carries, e.g. alertname = LargeOrder, severity = page"),
        P("annotations", "Annotations", PropertyType::KeyValue)
            .def(nlohmann::json::object())
            .doc("Annotation name -> SQL expression rendered as text, e.g. summary = 'Order ' "
                 "|| CAST(order_id AS STRING)"),
        P("resolve_timeout", "Resolve timeout", PropertyType::Duration)
            .def("0")
            .doc("endsAt = the record's event time (or now) + this; 0 = no endsAt (Alertmanager "
                 "resolves the alert after its own resolve_timeout unless it is sent again)"),
        P("generator_url", "Generator URL", PropertyType::String)
            .def("")
            .doc("generatorURL of every alert (a link back to the pipeline or a dashboard)")
            .advanced(),
        P("body_template", "Body template", PropertyType::String)
            .def("")
            .doc("Webhook mode: JSON body with {{ expression }} placeholders in string values, "
                 "e.g. {\"text\": \"Order {{ order_id }}\", \"amount\": \"{{ amount }}\"}"),
        P("batch_size", "Batch size", PropertyType::Int)
            .def(0)
            .range(0, 10000)
            .unit("alerts")
            .doc("Alerts per POST; 0 = 100 in alertmanager mode, 1 in webhook mode (a webhook "
                 "batch above 1 is posted as a JSON array of bodies)"),
        P("flush_interval", "Flush interval", PropertyType::Duration)
            .def("1 s")
            .doc("A batch that is not full is posted after at most this long")
            .advanced(),
        P("request_timeout", "Request timeout", PropertyType::Duration)
            .def("10 s")
            .doc("Timeout of one POST (then it is retried)")
            .advanced(),
        P("max_backoff", "Max backoff", PropertyType::Duration)
            .def("30 s")
            .doc("Longest wait between retries (exponential from 100 ms)")
            .advanced(),
        P("auth", "Authentication", PropertyType::KeyValue)
            .def(nlohmann::json::object())
            .doc("bearer_token, or username and password (basic auth); values are secrets, "
                 "never shown in logs or reports")
            .advanced(),
        P("headers", "HTTP headers", PropertyType::KeyValue)
            .def(nlohmann::json::object())
            .doc("Extra request headers; values of secret names (Authorization, X-Api-Key, "
                 "...token...) are redacted like Kafka secrets")
            .advanced(),
        parallelismProp(),
    };
}

bool isHeaderName(const std::string& n)
{
    if (n.empty()) return false;
    for (unsigned char c : n)
        if (c <= 32 || c >= 127 || c == ':') return false;
    return true;
}

void checkAuthAndHeaders(DeriveContext& ctx)
{
    const auto auth = ctx.prop("auth");
    for (auto it = auth.begin(); auth.is_object() && it != auth.end(); ++it)
        if (it.key() != "bearer_token" && it.key() != "username" && it.key() != "password")
            ctx.error("auth", "unknown key '" + it.key() +
                                  "' (expected bearer_token, or username and password)");
    if (auth.is_object()) {
        if (auth.contains("bearer_token") && auth.contains("username"))
            ctx.error("auth", "use bearer_token or username/password, not both");
        if (auth.contains("password") && !auth.contains("username"))
            ctx.error("auth", "password needs a username");
    }
    const auto headers = ctx.prop("headers");
    for (auto it = headers.begin(); headers.is_object() && it != headers.end(); ++it) {
        if (!isHeaderName(it.key()))
            ctx.error("headers", "'" + it.key() + "' is not a header name");
        if (it->is_string() && it->get<std::string>().find_first_of("\r\n") != std::string::npos)
            ctx.error("headers", "the value of '" + it.key() + "' contains a line break");
    }
}

void checkAlertmanager(DeriveContext& ctx, const Schema& in)
{
    std::set<std::string> names;
    for (int i : checkFieldList(ctx, "labels", in, false))
        names.insert(in[static_cast<std::size_t>(i)].name);
    const auto constant = ctx.prop("constant_labels");
    for (auto it = constant.begin(); constant.is_object() && it != constant.end(); ++it) {
        if (!isIdentifier(it.key()))
            ctx.error("constant_labels", "'" + it.key() +
                                             "' is not a valid label name "
                                             "([a-zA-Z_][a-zA-Z0-9_]*)");
        if (!names.insert(it.key()).second)
            ctx.error("constant_labels", "label '" + it.key() + "' is also a label column");
    }
    if (names.empty())
        ctx.error("labels", "an alert needs at least one label: choose label columns or add "
                            "constant labels (e.g. alertname)");
    else if (!names.count("alertname"))
        ctx.warning("constant_labels", "no 'alertname' label: Alertmanager groups and shows "
                                       "alerts by it");
    const auto ann = ctx.prop("annotations");
    for (auto it = ann.begin(); ann.is_object() && it != ann.end(); ++it) {
        if (!isIdentifier(it.key()))
            ctx.error("annotations", "'" + it.key() + "' is not a valid annotation name");
        if (!it->is_string()) continue;
        auto e = expr::Expression::compile(it->get<std::string>(), in);
        if (!e)
            ctx.error("annotations", "annotation '" + it.key() + "': " + e.error().message,
                      e.error().column);
    }
    if (!ctx.prop("body_template").get<std::string>().empty())
        ctx.warning("body_template", "ignored in alertmanager mode");
}

void deriveAlertSink(DeriveContext& ctx)
{
    const std::string url = ctx.prop("url").get<std::string>();
    if (url.empty())
        ctx.error("url", "a URL is required");
    else if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
        ctx.error("url", "'" + url + "' is not an http:// or https:// URL");
    if (durationProp(ctx, "resolve_timeout") < 0)
        ctx.error("resolve_timeout", "must not be negative");
    if (durationProp(ctx, "flush_interval") <= 0) ctx.error("flush_interval", "must be positive");
    if (durationProp(ctx, "request_timeout") <= 0) ctx.error("request_timeout", "must be positive");
    if (durationProp(ctx, "max_backoff") < 100) ctx.error("max_backoff", "must be at least 100 ms");
    checkAuthAndHeaders(ctx);
    const Schema* in = ctx.input(0);
    if (!in) return;
    if (ctx.prop("mode") != "webhook") {
        checkAlertmanager(ctx, *in);
        return;
    }
    const std::string body = ctx.prop("body_template").get<std::string>();
    if (body.empty()) {
        ctx.error("body_template", "webhook mode needs a body template (JSON with "
                                   "{{ expression }} placeholders)");
        return;
    }
    auto t = expr::JsonTemplate::compile(body, *in);
    if (!t) ctx.error("body_template", t.error().toString(), t.error().column);
}

} // namespace

NodeType alertSinkType()
{
    NodeType t;
    t.name = "alert-sink";
    t.displayName = "Alert Sink";
    t.category = Category::Sinks;
    t.icon = t.name;
    t.description = "Posts alerts from records to Prometheus Alertmanager (labels from columns, "
                    "annotations from expressions, startsAt/endsAt from event time) or a JSON "
                    "body from a template to any webhook; batched, retried while the endpoint "
                    "is down (backpressure). Alerts refused for good go to errors.";
    t.inputs = {in()};
    t.outputs = {errorsPort()};
    t.properties = alertProperties();
    t.deriveSchema = deriveAlertSink;
    t.sinkReplay = SinkReplay::MergesByLabels;
    t.flinkSql = FlinkSqlExport::None;
    t.exportEquivalent = "no Flink SQL connector posts alerts: write the alerts to a Kafka topic "
                         "(kafka-sink) consumed by an alert service, or use a community HTTP "
                         "sink connector (e.g. flink-http-connector) in the DataStream API";
    return t;
}

} // namespace sw::runtime
