#include "connectors/http/HttpClient.h"

#include <mutex>

#include <curl/curl.h>

#include "util/Utf8.h"

namespace sw::runtime::http {
namespace {

constexpr std::size_t kMaxBody = 64 * 1024;

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
    std::string* body;
    const std::stop_token* stop;
    bool cancelled = false;
};

extern "C" size_t writeCb(char* data, size_t size, size_t n, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const size_t bytes = size * n;
    if (t->body->size() < kMaxBody)
        t->body->append(data, std::min(bytes, kMaxBody - t->body->size()));
    return bytes;
}

extern "C" int progressCb(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    auto* t = static_cast<Transfer*>(user);
    if (t->stop->stop_requested()) {
        t->cancelled = true;
        return 1; // CURLE_ABORTED_BY_CALLBACK
    }
    return 0;
}

struct SList {
    curl_slist* list = nullptr;
    ~SList() { curl_slist_free_all(list); }
    void add(const std::string& line) { list = curl_slist_append(list, line.c_str()); }
};

} // namespace

struct HttpClient::Impl {
    CURL* curl = nullptr;
};

HttpClient::HttpClient() : m_impl(std::make_unique<Impl>())
{
    globalInit();
    m_impl->curl = curl_easy_init();
}

HttpClient::~HttpClient()
{
    if (m_impl->curl) curl_easy_cleanup(m_impl->curl);
}

Response HttpClient::post(const Request& r, std::stop_token stop)
{
    Response out;
    CURL* c = m_impl->curl;
    if (!c) {
        out.error = "cannot initialise libcurl";
        return out;
    }
    if (stop.stop_requested()) {
        out.cancelled = true;
        out.error = "cancelled";
        return out;
    }
    curl_easy_reset(c); // keeps the connection cache
    Transfer t{&out.body, &stop};
    SList headers;
    headers.add("Content-Type: " + r.contentType);
    headers.add("Expect:"); // no 100-continue round trip for larger bodies
    if (!r.bearerToken.empty()) headers.add("Authorization: Bearer " + r.bearerToken);
    for (const std::string& h : r.headers)
        headers.add(h);
    char errbuf[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(c, CURLOPT_URL, r.url.c_str());
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, r.body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.list);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(r.timeoutMs));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(r.connectTimeoutMs));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, writeCb);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progressCb);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    if (!r.username.empty()) {
        curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        curl_easy_setopt(c, CURLOPT_USERNAME, r.username.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, r.password.c_str());
    }
    CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK) {
        out.cancelled = t.cancelled;
        out.error = t.cancelled ? "cancelled" : (errbuf[0] ? errbuf : curl_easy_strerror(rc));
        out.body.clear();
        return out;
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out.status);
    curl_off_t retryAfter = 0; // seconds; 0 when the header is absent
    if (curl_easy_getinfo(c, CURLINFO_RETRY_AFTER, &retryAfter) == CURLE_OK && retryAfter > 0)
        out.retryAfterMs = static_cast<std::int64_t>(retryAfter) * 1000;
    return out;
}

std::string excerpt(std::string_view body, std::size_t maxBytes)
{
    std::string s(body.substr(0, maxBytes));
    // Do not cut a UTF-8 sequence in half.
    while (!s.empty() && s.size() < body.size() && isUtf8Continuation(body[s.size()]))
        s.pop_back();
    s = utf8Lossy(s);
    for (char& ch : s)
        if (static_cast<unsigned char>(ch) < 0x20) ch = ' ';
    while (!s.empty() && s.back() == ' ')
        s.pop_back();
    if (body.size() > maxBytes) s += "...";
    return s;
}

} // namespace sw::runtime::http
