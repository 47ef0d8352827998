#pragma once
// A client of the Kinesis Data Streams JSON 1.1 API (POST /, X-Amz-Target:
// Kinesis_20131202.<Operation>, Content-Type: application/x-amz-json-1.1), signed with SigV4
// (SigV4.h), over one libcurl easy handle (keep-alive). One client per thread: not thread-safe.
//
// Every request has a connect timeout and a total timeout (ClientOptions) and checks the abort
// predicate while it transfers, so a stop is prompt and nothing ever hangs. Errors are values:
// an HTTP 4xx/5xx with the service's "__type" is classified (ErrorKind) and described as
// "<Operation> on <endpoint>: <type>: <message>"; a transport failure says which endpoint could
// not be reached and why. Secrets are never part of a message (and every text is redacted).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "connectors/kinesis/SigV4.h"

namespace sw::runtime::kinesis {

struct ClientOptions {
    std::string region = "us-east-1";
    /// "" = https://kinesis.<region>.amazonaws.com; e.g. "http://127.0.0.1:4567" for kinesalite.
    std::string endpoint;
    AwsCredentials credentials;
    std::int64_t connectTimeoutMs = 3000;
    std::int64_t requestTimeoutMs = 10000;
};

/// The endpoint URL a region and an override resolve to.
std::string endpointUrl(const std::string& region, const std::string& endpoint);

enum class ErrorKind : std::uint8_t {
    Throttled,       ///< ProvisionedThroughputExceeded, LimitExceeded, Throttling: back off
    NotFound,        ///< ResourceNotFound: the stream (or shard) does not exist
    Auth,            ///< bad or expired credentials, signature, access denied
    ExpiredIterator, ///< the shard iterator is older than 5 minutes: renew it
    InvalidArgument, ///< a request the service refuses (bad name, size, ...)
    Unreachable,     ///< no connection (refused, DNS, TLS)
    Timeout,         ///< connect or request timeout
    Server,          ///< 5xx, InternalFailure, ServiceUnavailable: retry
    Aborted,         ///< the abort predicate (a stop) ended the request
    Other,
};
std::string_view toString(ErrorKind k);

struct KinesisError {
    ErrorKind kind = ErrorKind::Other;
    std::string type;    ///< the service's error type, or the transport error
    std::string message; ///< full description (redacted)
    long httpStatus = 0;
    bool retryable() const
    {
        return kind == ErrorKind::Throttled || kind == ErrorKind::Unreachable ||
               kind == ErrorKind::Timeout || kind == ErrorKind::Server;
    }
};

/// A value or the error of one request.
template <typename T> struct Outcome {
    std::optional<T> value;
    KinesisError error;
    bool ok() const { return value.has_value(); }
    static Outcome fail(KinesisError e) { return Outcome{std::nullopt, std::move(e)}; }
};

struct ShardInfo {
    std::string id;
    std::string parent;         ///< "" when none
    std::string adjacentParent; ///< "" unless the shard came from a merge
    std::string startingHashKey, endingHashKey;
    std::string startingSequence;
    std::string endingSequence; ///< "" while the shard is open
    bool closed() const { return !endingSequence.empty(); }
};

struct StreamSummary {
    std::string status; ///< CREATING, ACTIVE, UPDATING, DELETING
    int openShards = 0;
    int retentionHours = 0;
};

struct FetchedRecord {
    std::string sequenceNumber;
    std::string partitionKey;
    std::string data; ///< decoded bytes
    std::int64_t arrivalMs = -1;
};

struct GetRecordsOut {
    std::vector<FetchedRecord> records;
    std::string nextIterator; ///< "" once a closed shard is read to its end
    std::int64_t millisBehindLatest = 0;
};

enum class IteratorType : std::uint8_t {
    TrimHorizon,
    Latest,
    AtTimestamp,
    AtSequenceNumber,
    AfterSequenceNumber
};

struct PutEntry {
    std::string partitionKey;
    std::string data;
};
struct PutEntryResult {
    bool ok = false;
    std::string shardId, sequenceNumber; ///< when ok
    std::string errorCode, errorMessage; ///< when failed
};

class KinesisClient {
public:
    explicit KinesisClient(ClientOptions options);
    ~KinesisClient();
    KinesisClient(const KinesisClient&) = delete;
    KinesisClient& operator=(const KinesisClient&) = delete;

    /// Polled during transfers; true ends the request with ErrorKind::Aborted (a stop).
    void setAbort(std::function<bool()> abort) { m_abort = std::move(abort); }

    /// Every shard of the stream (open and closed), following NextToken.
    Outcome<std::vector<ShardInfo>> listShards(const std::string& stream, int pageSize = 1000);
    Outcome<StreamSummary> describeStreamSummary(const std::string& stream);
    /// `sequenceNumber` for AT/AFTER_SEQUENCE_NUMBER; `timestampMs` for AT_TIMESTAMP.
    Outcome<std::string> getShardIterator(const std::string& stream, const std::string& shardId,
                                          IteratorType type, const std::string& sequenceNumber = {},
                                          std::int64_t timestampMs = 0);
    Outcome<GetRecordsOut> getRecords(const std::string& iterator, int limit = 10000);
    /// One PutRecords request (at most 500 entries, 5 MiB: the caller batches). The result has
    /// one entry per input entry, in order.
    Outcome<std::vector<PutEntryResult>> putRecords(const std::string& stream,
                                                    const std::vector<PutEntry>& entries);

    /// Any operation with a JSON body (tests: CreateStream, SplitShard, MergeShards).
    Outcome<nlohmann::json> call(const std::string& operation, const std::string& body);

    const std::string& endpoint() const { return m_url; }
    const ClientOptions& options() const { return m_o; }

private:
    Outcome<std::string> post(const std::string& operation, const std::string& body);

    ClientOptions m_o;
    std::string m_url;  ///< endpoint URL ending in '/'
    std::string m_host; ///< host[:port] as sent in the Host header
    void* m_curl = nullptr;
    std::function<bool()> m_abort;
};

} // namespace sw::runtime::kinesis
