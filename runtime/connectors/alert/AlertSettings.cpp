#include "connectors/alert/AlertSettings.h"

#include "catalog/PropertyAccess.h"
#include "catalog/PropertySpec.h"

namespace sw::runtime::alert {
namespace {

/// Removes "user:password@" from a URL (registering the password as a secret).
std::string withoutCredentials(const std::string& url, kafka::Redactor& red)
{
    const std::size_t scheme = url.find("://");
    if (scheme == std::string::npos) return url;
    const std::size_t hostStart = scheme + 3;
    const std::size_t pathStart = url.find_first_of("/?#", hostStart);
    const std::size_t at = url.rfind('@', pathStart == std::string::npos ? url.size() : pathStart);
    if (at == std::string::npos || at < hostStart) return url;
    const std::string userinfo = url.substr(hostStart, at - hostStart);
    if (auto colon = userinfo.find(':'); colon != std::string::npos) {
        red.addSecret(userinfo.substr(colon + 1));
        kafka::registerSecret(userinfo.substr(colon + 1));
    }
    return url.substr(0, hostStart) + url.substr(at + 1);
}

void secret(AlertSettings& s, const std::string& value)
{
    s.redactor.addSecret(value);
    kafka::registerSecret(value);
}

Status readAuth(AlertSettings& s, const nlohmann::json& auth, const nlohmann::json& headers)
{
    for (auto it = auth.begin(); auth.is_object() && it != auth.end(); ++it) {
        if (!it->is_string()) return makeError("auth: values must be strings");
        const std::string v = it->get<std::string>();
        if (it.key() == "bearer_token")
            s.bearerToken = v;
        else if (it.key() == "username")
            s.username = v;
        else if (it.key() == "password")
            s.password = v;
        else
            return makeError("auth: unknown key '" + it.key() + "'");
    }
    secret(s, s.bearerToken);
    secret(s, s.password);
    for (auto it = headers.begin(); headers.is_object() && it != headers.end(); ++it) {
        if (!it->is_string()) return makeError("headers: values must be strings");
        const std::string v = it->get<std::string>();
        if (isSecretKey(it.key())) secret(s, v);
        s.headers.push_back(it.key() + ": " + v);
    }
    return {};
}

Status readAlertmanager(AlertSettings& s, const NodeSpec& node, PropertyReader& props)
{
    for (const std::string& c : props.stringList("labels")) {
        int i = s.inputSchema.indexOf(c);
        if (i < 0) return makeError("labels: unknown column '" + c + "'");
        s.labelColumns.push_back(i);
    }
    const auto constant = propertyValue(node, "constant_labels");
    for (auto it = constant.begin(); constant.is_object() && it != constant.end(); ++it)
        if (it->is_string()) s.constantLabels.emplace_back(it.key(), it->get<std::string>());
    const auto ann = propertyValue(node, "annotations");
    for (auto it = ann.begin(); ann.is_object() && it != ann.end(); ++it) {
        if (!it->is_string()) return makeError("annotations: '" + it.key() + "' is not a string");
        auto e = expr::Expression::compile(it->get<std::string>(), s.inputSchema);
        if (!e) return makeError("annotations: '" + it.key() + "': " + e.error().message);
        s.annotations.emplace_back(it.key(), std::move(e).value());
    }
    s.generatorUrl = props.string("generator_url");
    s.resolveTimeoutMs = props.durationMs("resolve_timeout");
    // The base URL, or the full API URL.
    while (!s.url.empty() && s.url.back() == '/')
        s.url.pop_back();
    const std::string api = "/api/v2/alerts";
    if (s.url.size() < api.size() || s.url.compare(s.url.size() - api.size(), api.size(), api))
        s.url += api;
    return {};
}

} // namespace

const char* serviceName(Mode m)
{
    return m == Mode::Alertmanager ? "Alertmanager" : "webhook";
}

Result<AlertSettings> alertSettings(const OperatorSpec& spec)
{
    AlertSettings s;
    s.nodeId = spec.node.id;
    s.inputSchema = spec.inputSchemas.at(0);
    PropertyReader props(spec.node);
    s.mode = props.string("mode") == "webhook" ? Mode::Webhook : Mode::Alertmanager;
    s.url = props.string("url");
    (void)withoutCredentials(s.url, s.redactor); // registers a password in the URL
    const std::int64_t batch = props.integer("batch_size");
    s.batchSize =
        batch > 0 ? static_cast<std::size_t>(batch) : (s.mode == Mode::Alertmanager ? 100 : 1);
    s.flushIntervalMs = std::max<std::int64_t>(1, props.durationMs("flush_interval"));
    s.requestTimeoutMs = std::max<std::int64_t>(1, props.durationMs("request_timeout"));
    s.maxBackoffMs = std::max<std::int64_t>(100, props.durationMs("max_backoff"));
    if (!props.ok()) return props.error();
    auto fail = [&](const Status& st) {
        return makeError("alert-sink '" + s.nodeId + "': " + st.message());
    };
    if (Status st =
            readAuth(s, propertyValue(spec.node, "auth"), propertyValue(spec.node, "headers"));
        !st)
        return fail(st);
    if (s.url.rfind("http://", 0) != 0 && s.url.rfind("https://", 0) != 0)
        return fail(makeError("url: '" + s.redactor.apply(s.url) + "' is not an http(s) URL"));
    if (s.mode == Mode::Alertmanager) {
        if (Status st = readAlertmanager(s, spec.node, props); !st) return fail(st);
        if (!props.ok()) return props.error();
    } else {
        auto t = expr::JsonTemplate::compile(props.string("body_template"), s.inputSchema);
        if (!t) return fail(makeError("body_template: " + t.error().toString()));
        s.body = std::move(t).value();
    }
    s.displayUrl = withoutCredentials(s.url, s.redactor);
    return s;
}

} // namespace sw::runtime::alert
