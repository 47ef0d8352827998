#pragma once
// A small blocking HTTP client over libcurl (one easy handle, reused: keep-alive connections),
// for sinks that post to HTTP services (alert-sink). Shared helper: any connector that speaks
// HTTP uses this instead of its own libcurl code.
//
// Cancellation: every request watches a std::stop_token (libcurl's progress callback, called
// at least every second and typically much more often) and the request's own timeout, so a
// stop never waits for a slow or black-holed server longer than about a second.
//
// Secrets: the client never logs. Credentials given here (bearer token, basic-auth password)
// are sent, never echoed: the error texts are libcurl's (which name the host, never the
// credentials); callers redact what they report anyway.
#include <cstdint>
#include <memory>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

namespace sw::runtime::http {

struct Request {
    std::string url;
    std::string body;
    std::string contentType = "application/json";
    std::vector<std::string> headers; ///< "Name: value" lines
    std::string bearerToken;          ///< Authorization: Bearer <token> when not empty
    std::string username;             ///< basic auth when not empty
    std::string password;
    std::int64_t timeoutMs = 10000;       ///< whole request
    std::int64_t connectTimeoutMs = 5000; ///< connection set-up
};

struct Response {
    /// HTTP status; 0 when no response arrived (then `error` says why).
    long status = 0;
    std::string body;
    /// The transport error (connection refused, timeout, DNS, TLS), empty when a response came.
    std::string error;
    /// The stop token was requested during the request.
    bool cancelled = false;
    /// The response's Retry-After (seconds or an HTTP date, as libcurl parses it) in ms; -1
    /// when absent.
    std::int64_t retryAfterMs = -1;

    bool ok() const { return status >= 200 && status < 300; }
};

class HttpClient {
public:
    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    /// POSTs `r`; never throws. Keeps at most 64 KiB of the response body.
    Response post(const Request& r, std::stop_token stop);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// The first `maxBytes` of a response body for messages: control characters as spaces,
/// "..." when cut.
std::string excerpt(std::string_view body, std::size_t maxBytes = 300);

} // namespace sw::runtime::http
