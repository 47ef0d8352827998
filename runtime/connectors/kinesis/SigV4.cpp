#include "connectors/kinesis/SigV4.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

namespace sw::runtime::kinesis {

namespace {

std::string toHex(const unsigned char* p, std::size_t n)
{
    static const char* digits = "0123456789abcdef";
    std::string out(n * 2, '0');
    for (std::size_t i = 0; i < n; ++i) {
        out[2 * i] = digits[p[i] >> 4];
        out[2 * i + 1] = digits[p[i] & 0xF];
    }
    return out;
}

std::string hmac(std::string_view key, std::string_view data)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(data.data()), data.size(), md, &len);
    return std::string(reinterpret_cast<const char*>(md), len);
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// Trim, and collapse inner runs of spaces/tabs to one space (botocore and the AWS suite).
std::string canonicalValue(std::string_view v)
{
    std::string out;
    bool pendingSpace = false;
    for (char c : v) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

std::string canonicalQuery(const SigV4Request& r)
{
    std::vector<std::pair<std::string, std::string>> q;
    q.reserve(r.query.size());
    for (const auto& [n, v] : r.query)
        q.emplace_back(uriEncode(n, false), uriEncode(v, false));
    std::sort(q.begin(), q.end());
    std::string out;
    for (const auto& [n, v] : q) {
        if (!out.empty()) out += '&';
        out += n + '=' + v;
    }
    return out;
}

} // namespace

std::string sha256Hex(std::string_view data)
{
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), md);
    return toHex(md, sizeof md);
}

std::string uriEncode(std::string_view s, bool keepSlash)
{
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (unsigned char c : s) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
                                c == '~' || (keepSlash && c == '/');
        if (unreserved) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 0xF];
        }
    }
    return out;
}

std::string amzDate(std::chrono::system_clock::time_point t)
{
    const std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

SigV4Signature signV4(const SigV4Request& request, const SigV4Scope& scope,
                      const AwsCredentials& credentials)
{
    // Headers: lower-case, sorted (stable: repeated names keep their order), values joined.
    std::vector<std::pair<std::string, std::string>> hs;
    for (const auto& [n, v] : request.headers)
        hs.emplace_back(lower(n), canonicalValue(v));
    std::stable_sort(hs.begin(), hs.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string canonicalHeaders;
    SigV4Signature s;
    for (std::size_t i = 0; i < hs.size(); ++i) {
        if (i > 0 && hs[i].first == hs[i - 1].first) {
            canonicalHeaders.back() = ','; // replace the previous '\n'
            canonicalHeaders += hs[i].second + '\n';
            continue;
        }
        canonicalHeaders += hs[i].first + ':' + hs[i].second + '\n';
        if (!s.signedHeaders.empty()) s.signedHeaders += ';';
        s.signedHeaders += hs[i].first;
    }
    const std::string path = request.path.empty() ? "/" : uriEncode(request.path, true);
    s.canonicalRequest = request.method + '\n' + path + '\n' + canonicalQuery(request) + '\n' +
                         canonicalHeaders + '\n' + s.signedHeaders + '\n' +
                         sha256Hex(request.payload);

    const std::string date = scope.amzDate.substr(0, 8);
    const std::string credentialScope =
        date + '/' + scope.region + '/' + scope.service + "/aws4_request";
    s.stringToSign = "AWS4-HMAC-SHA256\n" + scope.amzDate + '\n' + credentialScope + '\n' +
                     sha256Hex(s.canonicalRequest);

    std::string key = hmac("AWS4" + credentials.secretAccessKey, date);
    key = hmac(key, scope.region);
    key = hmac(key, scope.service);
    key = hmac(key, "aws4_request");
    const std::string mac = hmac(key, s.stringToSign);
    s.signature = toHex(reinterpret_cast<const unsigned char*>(mac.data()), mac.size());
    s.authorization = "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId + '/' +
                      credentialScope + ", SignedHeaders=" + s.signedHeaders +
                      ", Signature=" + s.signature;
    return s;
}

} // namespace sw::runtime::kinesis
