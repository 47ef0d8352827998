#include "connectors/kinesis/AwsCredentialChain.h"

#include <cstdlib>
#include <fstream>

#include "connectors/kafka/ClientConfig.h"

namespace sw::runtime::kinesis {
namespace {

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

/// Completes a step: both parts, or none (nullopt), or an error naming what is missing.
Result<std::optional<AwsCredentials>> step(AwsCredentials c, const std::string& keyName,
                                           const std::string& secretName)
{
    if (c.accessKeyId.empty() && c.secretAccessKey.empty()) return std::optional<AwsCredentials>{};
    if (c.accessKeyId.empty())
        return makeError(c.source + " set " + secretName + " but not " + keyName);
    if (c.secretAccessKey.empty())
        return makeError(c.source + " set " + keyName + " but not " + secretName);
    return std::optional<AwsCredentials>{std::move(c)};
}

Result<std::optional<AwsCredentials>> fromFile(const EnvLookup& env)
{
    std::string path;
    if (auto p = env("AWS_SHARED_CREDENTIALS_FILE"); p && !p->empty())
        path = *p;
    else if (auto home = env("HOME"); home && !home->empty())
        path = *home + "/.aws/credentials";
    else
        return std::optional<AwsCredentials>{};
    const auto profileEnv = env("AWS_PROFILE");
    const std::string profile = profileEnv && !profileEnv->empty() ? *profileEnv : "default";
    std::ifstream in(path);
    if (!in) {
        if (profileEnv && !profileEnv->empty())
            return makeError("AWS_PROFILE is '" + profile + "' but " + path + " cannot be read");
        return std::optional<AwsCredentials>{};
    }
    AwsCredentials c;
    c.source = path + " [" + profile + "]";
    bool inProfile = false, found = false;
    for (std::string line; std::getline(in, line);) {
        line = trim(line);
        if (line.empty() || line[0] == '#' || line[0] == ';') continue;
        if (line.front() == '[' && line.back() == ']') {
            inProfile = trim(line.substr(1, line.size() - 2)) == profile;
            found = found || inProfile;
            continue;
        }
        if (!inProfile) continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        const std::string k = trim(line.substr(0, eq)), v = trim(line.substr(eq + 1));
        if (k == "aws_access_key_id") c.accessKeyId = v;
        if (k == "aws_secret_access_key") c.secretAccessKey = v;
        if (k == "aws_session_token") c.sessionToken = v;
    }
    if (!found && profileEnv && !profileEnv->empty())
        return makeError("AWS_PROFILE '" + profile + "' is not a profile of " + path);
    return step(std::move(c), "aws_access_key_id", "aws_secret_access_key");
}

} // namespace

EnvLookup processEnvironment()
{
    return [](const char* name) -> std::optional<std::string> {
        const char* v = std::getenv(name);
        if (!v) return std::nullopt;
        return std::string(v);
    };
}

void registerSecrets(const AwsCredentials& c)
{
    kafka::registerSecret(c.secretAccessKey);
    kafka::registerSecret(c.sessionToken);
}

Result<AwsCredentials> resolveCredentials(const nlohmann::json& properties, const EnvLookup& env)
{
    auto prop = [&](const char* k) {
        if (!properties.is_object()) return std::string();
        auto it = properties.find(k);
        return it != properties.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    AwsCredentials node{prop(kAccessKeyProperty), prop(kSecretKeyProperty),
                        prop(kSessionTokenProperty), "the node's properties"};
    registerSecrets(node);
    auto n = step(node, kAccessKeyProperty, kSecretKeyProperty);
    if (!n) return n.error();
    if (*n) return **n;

    AwsCredentials e{env("AWS_ACCESS_KEY_ID").value_or(""),
                     env("AWS_SECRET_ACCESS_KEY").value_or(""),
                     env("AWS_SESSION_TOKEN").value_or(""), "the environment"};
    registerSecrets(e);
    auto fromEnv = step(e, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    if (!fromEnv) return fromEnv.error();
    if (*fromEnv) return **fromEnv;

    auto f = fromFile(env);
    if (!f) return f.error();
    if (*f) {
        registerSecrets(**f);
        return **f;
    }
    return makeError("no AWS credentials: set them in the node's properties (" +
                     std::string(kAccessKeyProperty) + ", " + kSecretKeyProperty +
                     "), in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or in ~/.aws/credentials "
                     "(profile AWS_PROFILE or default)");
}

} // namespace sw::runtime::kinesis
