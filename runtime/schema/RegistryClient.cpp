#include "schema/RegistryClient.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "connectors/http/HttpClient.h" // layering: the one libcurl client (needs util only)

namespace sw::runtime::schema {
namespace {

using J = nlohmann::json;

std::string redact(std::string text, const std::string& secret)
{
    if (secret.empty()) return text;
    for (std::size_t at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + 6))
        text.replace(at, secret.size(), "******");
    return text;
}

} // namespace

struct RegistryClient::Reply {
    http::Response response;
    J body;
};

std::string encodeSubject(const std::string& subject)
{
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : subject) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

RegistryClient::RegistryClient(RegistryConfig config)
    : m_config(std::move(config)), m_http(std::make_unique<http::HttpClient>())
{
    std::string url = m_config.url;
    // user:password@ in the URL: taken out of the URL, used as basic-auth credentials.
    if (auto scheme = url.find("://"); scheme != std::string::npos) {
        const std::size_t hostStart = scheme + 3;
        const std::size_t slash = url.find('/', hostStart);
        const std::size_t at = url.rfind('@', slash == std::string::npos ? url.size() : slash);
        if (at != std::string::npos && at >= hostStart) {
            const std::string userinfo = url.substr(hostStart, at - hostStart);
            const auto colon = userinfo.find(':');
            if (m_config.username.empty()) m_config.username = userinfo.substr(0, colon);
            if (m_config.password.empty() && colon != std::string::npos)
                m_config.password = userinfo.substr(colon + 1);
            url.erase(hostStart, at + 1 - hostStart);
        }
    }
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    m_base = url;
    m_display = redact(url, m_config.password);
}

RegistryClient::~RegistryClient() = default;

RegistryClient::Reply RegistryClient::call(const std::string& method, const std::string& path,
                                           const std::string& body, std::stop_token stop)
{
    http::Request req;
    req.method = method;
    req.url = m_base + path;
    req.body = body;
    req.contentType = "application/vnd.schemaregistry.v1+json";
    req.headers = {"Accept: application/vnd.schemaregistry.v1+json, application/json"};
    req.username = m_config.username;
    req.password = m_config.password;
    req.timeoutMs = m_config.timeoutMs;
    req.connectTimeoutMs = std::min<std::int64_t>(m_config.timeoutMs, 5000);
    Reply r;
    r.response = m_http->send(req, stop);
    r.body = J::parse(r.response.body, nullptr, false);
    return r;
}

Error RegistryClient::failure(const std::string& what, const Reply& r) const
{
    std::string m = "schema registry " + m_display + ": " + what + ": ";
    if (r.response.status == 0)
        m += "unreachable (" + r.response.error + ")";
    else if (r.body.is_object() && r.body.contains("message"))
        m += std::to_string(r.body.value("error_code", 0)) + " " +
             r.body["message"].get<std::string>();
    else
        m +=
            "HTTP " + std::to_string(r.response.status) + " " + http::excerpt(r.response.body, 200);
    return makeError(redact(m, m_config.password));
}

Result<std::shared_ptr<const FetchedSchema>> RegistryClient::schemaById(int id,
                                                                        std::stop_token stop)
{
    std::lock_guard lock(m_mutex);
    if (auto it = m_byId.find(id); it != m_byId.end()) return it->second;
    Reply r = call("GET", "/schemas/ids/" + std::to_string(id), "", stop);
    const std::string what = "schema id " + std::to_string(id);
    if (r.response.status == 404 && r.body.is_object() && r.body.value("error_code", 0) == 40403) {
        Error e = failure(what, r);
        m_byId.emplace(id, e); // an unknown id stays unknown
        return e;
    }
    if (!r.response.ok() || !r.body.is_object() || !r.body.contains("schema") ||
        !r.body["schema"].is_string())
        return failure(what, r); // transient: not cached
    auto s = std::make_shared<FetchedSchema>();
    s->id = id;
    s->text = r.body["schema"].get<std::string>();
    s->schemaType = r.body.value("schemaType", std::string("AVRO"));
    if (s->schemaType == "AVRO") {
        auto parsed = AvroSchema::parse(s->text);
        if (!parsed) {
            Error e = makeError("schema registry " + m_display + ": " + what +
                                " does not parse as Avro: " + parsed.error().message);
            m_byId.emplace(id, e);
            return e;
        }
        s->avro = std::move(*parsed);
    }
    std::shared_ptr<const FetchedSchema> done = s;
    m_byId.emplace(id, done);
    return done;
}

Result<int> RegistryClient::registerSchema(const std::string& subject, const std::string& schema,
                                           const std::string& schemaType, std::stop_token stop)
{
    std::lock_guard lock(m_mutex);
    J body = {{"schema", schema}};
    if (schemaType != "AVRO") body["schemaType"] = schemaType;
    Reply r = call("POST", "/subjects/" + encodeSubject(subject) + "/versions", body.dump(), stop);
    if (!r.response.ok() || !r.body.is_object() || !r.body.contains("id"))
        return failure("registering under subject '" + subject + "'", r);
    return r.body["id"].get<int>();
}

Result<SchemaVersion> RegistryClient::version(const std::string& subject,
                                              const std::string& version, std::stop_token stop)
{
    std::lock_guard lock(m_mutex);
    Reply r = call("GET", "/subjects/" + encodeSubject(subject) + "/versions/" + version, "", stop);
    if (!r.response.ok() || !r.body.is_object() || !r.body.contains("id"))
        return failure("subject '" + subject + "' version " + version, r);
    SchemaVersion v;
    v.subject = subject;
    v.version = r.body.value("version", 0);
    v.id = r.body.value("id", 0);
    v.schemaType = r.body.value("schemaType", std::string("AVRO"));
    v.schema = r.body.value("schema", std::string());
    return v;
}

Result<CompatibilityResult> RegistryClient::testCompatibility(const std::string& subject,
                                                              const std::string& version,
                                                              const std::string& schema,
                                                              std::stop_token stop)
{
    std::lock_guard lock(m_mutex);
    Reply r = call("POST",
                   "/compatibility/subjects/" + encodeSubject(subject) + "/versions/" + version +
                       "?verbose=true",
                   J{{"schema", schema}}.dump(), stop);
    if (!r.response.ok() || !r.body.is_object() || !r.body.contains("is_compatible"))
        return failure("compatibility of subject '" + subject + "'", r);
    CompatibilityResult c;
    c.compatible = r.body["is_compatible"].get<bool>();
    if (auto m = r.body.find("messages"); m != r.body.end() && m->is_array())
        for (const J& line : *m)
            c.messages.push_back(line.is_string() ? line.get<std::string>() : line.dump());
    return c;
}

Status RegistryClient::setCompatibility(const std::string& subject, const std::string& level,
                                        std::stop_token stop)
{
    std::lock_guard lock(m_mutex);
    Reply r =
        call("PUT", "/config/" + encodeSubject(subject), J{{"compatibility", level}}.dump(), stop);
    if (!r.response.ok()) return failure("setting the compatibility of '" + subject + "'", r);
    return {};
}

} // namespace sw::runtime::schema
