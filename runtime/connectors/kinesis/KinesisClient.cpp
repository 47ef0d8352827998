// KinesisClient: transport (libcurl, SigV4, timeouts, abort) and error classification. The
// operations' request and response shapes are in KinesisOperations.cpp.
#include "connectors/kinesis/KinesisClient.h"

#include <chrono>
#include <mutex>

#include <curl/curl.h>

#include "connectors/kafka/ClientConfig.h"
#include "connectors/kinesis/AwsCredentialChain.h"

namespace sw::runtime::kinesis {
namespace {

std::size_t onBody(char* data, std::size_t size, std::size_t n, void* user)
{
    static_cast<std::string*>(user)->append(data, size * n);
    return size * n;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto* abort = static_cast<const std::function<bool()>*>(user);
    return (*abort && (*abort)()) ? 1 : 0; // non-zero aborts the transfer
}

ErrorKind classify(const std::string& type, long status)
{
    for (const char* t : {"ProvisionedThroughputExceededException", "LimitExceededException",
                          "ThrottlingException", "KMSThrottlingException"})
        if (type == t) return ErrorKind::Throttled;
    if (type == "ResourceNotFoundException") return ErrorKind::NotFound;
    if (type == "ExpiredIteratorException") return ErrorKind::ExpiredIterator;
    for (const char* t :
         {"UnrecognizedClientException", "InvalidSignatureException", "AccessDeniedException",
          "ExpiredTokenException", "IncompleteSignatureException",
          "MissingAuthenticationTokenException", "InvalidClientTokenId", "SignatureDoesNotMatch"})
        if (type == t) return ErrorKind::Auth;
    for (const char* t : {"InvalidArgumentException", "ValidationException",
                          "SerializationException", "ResourceInUseException"})
        if (type == t) return ErrorKind::InvalidArgument;
    if (status >= 500 || type == "InternalFailure" || type == "ServiceUnavailable")
        return ErrorKind::Server;
    if (status == 403 || status == 401) return ErrorKind::Auth;
    return ErrorKind::Other;
}

std::string authority(const std::string& url)
{
    std::string rest = url.substr(url.find("://") + 3);
    rest = rest.substr(0, rest.find('/'));
    const bool https = url.rfind("https://", 0) == 0;
    const std::string defPort = https ? ":443" : ":80";
    if (rest.size() > defPort.size() && rest.ends_with(defPort))
        rest.resize(rest.size() - defPort.size());
    return rest;
}

} // namespace

std::string_view toString(ErrorKind k)
{
    switch (k) {
    case ErrorKind::Throttled:
        return "throttled";
    case ErrorKind::NotFound:
        return "not found";
    case ErrorKind::Auth:
        return "credentials";
    case ErrorKind::ExpiredIterator:
        return "expired iterator";
    case ErrorKind::InvalidArgument:
        return "invalid argument";
    case ErrorKind::Unreachable:
        return "unreachable";
    case ErrorKind::Timeout:
        return "timeout";
    case ErrorKind::Server:
        return "server error";
    case ErrorKind::Aborted:
        return "aborted";
    case ErrorKind::Other:
        return "error";
    }
    return "error";
}

std::string endpointUrl(const std::string& region, const std::string& endpoint)
{
    std::string url = endpoint.empty() ? "https://kinesis." + region + ".amazonaws.com" : endpoint;
    if (url.find("://") == std::string::npos) url = "https://" + url;
    if (url.back() != '/') url += '/';
    return url;
}

KinesisClient::KinesisClient(ClientOptions options) : m_o(std::move(options))
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_url = endpointUrl(m_o.region, m_o.endpoint);
    m_host = authority(m_url);
    m_curl = curl_easy_init();
    registerSecrets(m_o.credentials);
}

KinesisClient::~KinesisClient()
{
    if (m_curl) curl_easy_cleanup(static_cast<CURL*>(m_curl));
}

Outcome<std::string> KinesisClient::post(const std::string& operation, const std::string& body)
{
    using Out = Outcome<std::string>;
    const std::string what = operation + " on " + m_url;
    CURL* c = static_cast<CURL*>(m_curl);
    if (!c) return Out::fail({ErrorKind::Other, "curl", what + ": cannot create a curl handle", 0});

    const std::string date = amzDate(std::chrono::system_clock::now());
    const std::string target = "Kinesis_20131202." + operation;
    SigV4Request req;
    req.method = "POST";
    req.headers = {{"Content-Type", "application/x-amz-json-1.1"},
                   {"Host", m_host},
                   {"X-Amz-Date", date},
                   {"X-Amz-Target", target}};
    if (!m_o.credentials.sessionToken.empty())
        req.headers.push_back({"X-Amz-Security-Token", m_o.credentials.sessionToken});
    req.payload = body;
    const SigV4Signature sig = signV4(req, {date, m_o.region, "kinesis"}, m_o.credentials);

    curl_slist* headers = nullptr;
    for (const auto& [n, v] : req.headers)
        headers = curl_slist_append(headers, (n + ": " + v).c_str());
    headers = curl_slist_append(headers, ("Authorization: " + sig.authorization).c_str());
    headers = curl_slist_append(headers, "Expect:");

    std::string response;
    curl_easy_setopt(c, CURLOPT_URL, m_url.c_str());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &response);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_o.connectTimeoutMs));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(m_o.requestTimeoutMs));
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &m_abort);
    const CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(headers);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, nullptr);

    if (rc != CURLE_OK) {
        ErrorKind k = ErrorKind::Unreachable;
        if (rc == CURLE_OPERATION_TIMEDOUT) k = ErrorKind::Timeout;
        if (rc == CURLE_ABORTED_BY_CALLBACK) k = ErrorKind::Aborted;
        const std::string msg =
            what + ": cannot reach the Kinesis endpoint: " + curl_easy_strerror(rc);
        return Out::fail({k, curl_easy_strerror(rc), kafka::redactSecrets(msg), 0});
    }
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (status == 200) return Out{std::move(response), {}};

    std::string type = "HTTP " + std::to_string(status), message;
    const auto j = nlohmann::json::parse(response, nullptr, false);
    if (j.is_object()) {
        if (auto t = j.find("__type"); t != j.end() && t->is_string()) {
            type = t->get<std::string>();
            if (auto h = type.rfind('#'); h != std::string::npos) type = type.substr(h + 1);
        }
        for (const char* k : {"message", "Message"})
            if (auto m = j.find(k); m != j.end() && m->is_string()) message = m->get<std::string>();
    } else {
        message = response.substr(0, 200);
    }
    const ErrorKind kind = classify(type, status);
    std::string text = what + ": " + type + (message.empty() ? "" : ": " + message);
    if (kind == ErrorKind::Auth)
        text += " (check the credentials from " + m_o.credentials.source + ")";
    return Out::fail({kind, type, kafka::redactSecrets(text), status});
}

} // namespace sw::runtime::kinesis
