#pragma once
// AWS Signature Version 4 (the "AWS4-HMAC-SHA256" request signature every AWS API accepts),
// with OpenSSL for SHA-256 and HMAC. Pure functions: the caller supplies the time stamp, so a
// signature is reproducible (tests compare with AWS's published test suite and with botocore).
//
// Canonical request (AWS "Create a canonical request"):
//   METHOD \n canonical-URI \n canonical-query \n canonical-headers \n signed-headers \n
//   hex(sha256(payload))
// - URI: the path as given, each segment URI-encoded once (RFC 3986 unreserved kept, '/' kept);
//   no dot-segment normalisation (callers send "/" for Kinesis).
// - Query: names and values URI-encoded, sorted by name then value, joined with '&'.
// - Headers: names lower-cased, values trimmed with inner runs of spaces collapsed to one,
//   repeated names joined with ',' in their order, sorted by name; every given header is signed.
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sw::runtime::kinesis {

/// Credentials of one AWS identity. `source` says where they came from (never the secret).
struct AwsCredentials {
    std::string accessKeyId;
    std::string secretAccessKey;
    std::string sessionToken; ///< empty unless temporary credentials (STS)
    std::string source;       ///< "node properties", "environment", "~/.aws/credentials [p]"
};

struct SigV4Request {
    std::string method = "POST";
    std::string path = "/";
    std::vector<std::pair<std::string, std::string>> query;   ///< decoded name, value
    std::vector<std::pair<std::string, std::string>> headers; ///< all signed; include Host
    std::string_view payload;
};

/// Where and when: `amzDate` is ISO 8601 basic UTC ("20150830T123600Z").
struct SigV4Scope {
    std::string amzDate;
    std::string region;
    std::string service;
};

struct SigV4Signature {
    std::string canonicalRequest;
    std::string stringToSign;
    std::string signedHeaders; ///< "host;x-amz-date"
    std::string signature;     ///< 64 hex digits
    std::string authorization; ///< the Authorization header value
};

SigV4Signature signV4(const SigV4Request& request, const SigV4Scope& scope,
                      const AwsCredentials& credentials);

/// Lower-case hex SHA-256 of `data`.
std::string sha256Hex(std::string_view data);
/// RFC 3986 percent-encoding as SigV4 wants it (upper-case hex; '/' kept when `keepSlash`).
std::string uriEncode(std::string_view s, bool keepSlash);
/// "YYYYMMDDTHHMMSSZ" for `t` (UTC).
std::string amzDate(std::chrono::system_clock::time_point t);

} // namespace sw::runtime::kinesis
