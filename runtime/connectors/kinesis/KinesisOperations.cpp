// KinesisClient: the operations' JSON requests and responses (Kinesis Data Streams API
// reference, JSON 1.1). Transport and errors: KinesisClient.cpp.
#include <cmath>

#include "connectors/kinesis/KinesisClient.h"
#include "util/Base64.h"
#include "util/JsonEscape.h"

namespace sw::runtime::kinesis {
namespace {

using json = nlohmann::json;

std::string str(const json& j, const char* key)
{
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

template <typename T> Outcome<T> malformed(const std::string& what, const std::string& why)
{
    return Outcome<T>::fail(
        {ErrorKind::Other, "MalformedResponse", what + ": unexpected response: " + why, 200});
}

const char* iteratorTypeName(IteratorType t)
{
    switch (t) {
    case IteratorType::TrimHorizon:
        return "TRIM_HORIZON";
    case IteratorType::Latest:
        return "LATEST";
    case IteratorType::AtTimestamp:
        return "AT_TIMESTAMP";
    case IteratorType::AtSequenceNumber:
        return "AT_SEQUENCE_NUMBER";
    case IteratorType::AfterSequenceNumber:
        return "AFTER_SEQUENCE_NUMBER";
    }
    return "TRIM_HORIZON";
}

ShardInfo shardFrom(const json& s)
{
    ShardInfo i;
    i.id = str(s, "ShardId");
    i.parent = str(s, "ParentShardId");
    i.adjacentParent = str(s, "AdjacentParentShardId");
    if (auto h = s.find("HashKeyRange"); h != s.end() && h->is_object()) {
        i.startingHashKey = str(*h, "StartingHashKey");
        i.endingHashKey = str(*h, "EndingHashKey");
    }
    if (auto r = s.find("SequenceNumberRange"); r != s.end() && r->is_object()) {
        i.startingSequence = str(*r, "StartingSequenceNumber");
        i.endingSequence = str(*r, "EndingSequenceNumber");
    }
    return i;
}

} // namespace

Outcome<json> KinesisClient::call(const std::string& operation, const std::string& body)
{
    auto r = post(operation, body);
    if (!r.ok()) return Outcome<json>::fail(r.error);
    if (r.value->empty()) return Outcome<json>{json::object(), {}}; // CreateStream, SplitShard
    auto j = json::parse(*r.value, nullptr, false);
    if (j.is_discarded()) return malformed<json>(operation, "not JSON");
    return Outcome<json>{std::move(j), {}};
}

Outcome<std::vector<ShardInfo>> KinesisClient::listShards(const std::string& stream, int pageSize)
{
    using Out = Outcome<std::vector<ShardInfo>>;
    std::vector<ShardInfo> shards;
    std::string token;
    for (int page = 0; page < 100000; ++page) {
        json req = token.empty() ? json{{"StreamName", stream}} : json{{"NextToken", token}};
        req["MaxResults"] = pageSize;
        auto r = call("ListShards", req.dump());
        if (!r.ok()) return Out::fail(r.error);
        const json& j = *r.value;
        auto s = j.find("Shards");
        if (s == j.end() || !s->is_array())
            return malformed<std::vector<ShardInfo>>("ListShards", "no Shards");
        for (const json& e : *s)
            if (e.is_object()) shards.push_back(shardFrom(e));
        token = str(j, "NextToken");
        if (token.empty()) return Out{std::move(shards), {}};
    }
    return malformed<std::vector<ShardInfo>>("ListShards", "NextToken never ends");
}

Outcome<StreamSummary> KinesisClient::describeStreamSummary(const std::string& stream)
{
    auto r = call("DescribeStreamSummary", json{{"StreamName", stream}}.dump());
    if (!r.ok()) return Outcome<StreamSummary>::fail(r.error);
    auto d = r.value->find("StreamDescriptionSummary");
    if (d == r.value->end() || !d->is_object())
        return malformed<StreamSummary>("DescribeStreamSummary", "no StreamDescriptionSummary");
    StreamSummary s;
    s.status = str(*d, "StreamStatus");
    s.openShards = d->value("OpenShardCount", 0);
    s.retentionHours = d->value("RetentionPeriodHours", 0);
    return Outcome<StreamSummary>{s, {}};
}

Outcome<std::string> KinesisClient::getShardIterator(const std::string& stream,
                                                     const std::string& shardId, IteratorType type,
                                                     const std::string& sequenceNumber,
                                                     std::int64_t timestampMs)
{
    json req{{"StreamName", stream},
             {"ShardId", shardId},
             {"ShardIteratorType", iteratorTypeName(type)}};
    if (type == IteratorType::AtSequenceNumber || type == IteratorType::AfterSequenceNumber)
        req["StartingSequenceNumber"] = sequenceNumber;
    if (type == IteratorType::AtTimestamp)
        req["Timestamp"] = static_cast<double>(timestampMs) / 1000.0;
    auto r = call("GetShardIterator", req.dump());
    if (!r.ok()) return Outcome<std::string>::fail(r.error);
    std::string it = str(*r.value, "ShardIterator");
    if (it.empty()) return malformed<std::string>("GetShardIterator", "no ShardIterator");
    return Outcome<std::string>{std::move(it), {}};
}

Outcome<GetRecordsOut> KinesisClient::getRecords(const std::string& iterator, int limit)
{
    auto r = call("GetRecords", json{{"ShardIterator", iterator}, {"Limit", limit}}.dump());
    if (!r.ok()) return Outcome<GetRecordsOut>::fail(r.error);
    const json& j = *r.value;
    GetRecordsOut out;
    out.nextIterator = str(j, "NextShardIterator");
    out.millisBehindLatest = j.value("MillisBehindLatest", std::int64_t{0});
    auto recs = j.find("Records");
    if (recs == j.end() || !recs->is_array())
        return malformed<GetRecordsOut>("GetRecords", "no Records");
    out.records.reserve(recs->size());
    for (const json& e : *recs) {
        FetchedRecord f;
        f.sequenceNumber = str(e, "SequenceNumber");
        f.partitionKey = str(e, "PartitionKey");
        if (!decodeBase64(str(e, "Data"), f.data))
            return malformed<GetRecordsOut>("GetRecords",
                                            "Data of " + f.sequenceNumber + " is not base64");
        if (auto t = e.find("ApproximateArrivalTimestamp"); t != e.end() && t->is_number())
            f.arrivalMs = static_cast<std::int64_t>(std::llround(t->get<double>() * 1000.0));
        out.records.push_back(std::move(f));
    }
    return Outcome<GetRecordsOut>{std::move(out), {}};
}

Outcome<std::vector<PutEntryResult>> KinesisClient::putRecords(const std::string& stream,
                                                               const std::vector<PutEntry>& entries)
{
    using Out = Outcome<std::vector<PutEntryResult>>;
    // Built by hand: base64 data dominates, and this is the sink's hot path.
    std::string body = "{\"StreamName\":";
    appendJsonString(body, stream);
    body += ",\"Records\":[";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i) body += ',';
        body += "{\"Data\":\"";
        appendBase64(body, entries[i].data);
        body += "\",\"PartitionKey\":";
        appendJsonString(body, entries[i].partitionKey);
        body += '}';
    }
    body += "]}";
    auto r = call("PutRecords", body);
    if (!r.ok()) return Out::fail(r.error);
    auto recs = r.value->find("Records");
    if (recs == r.value->end() || !recs->is_array() || recs->size() != entries.size())
        return malformed<std::vector<PutEntryResult>>("PutRecords",
                                                      "Records does not match the request");
    std::vector<PutEntryResult> out;
    out.reserve(entries.size());
    for (const json& e : *recs) {
        PutEntryResult p;
        p.errorCode = str(e, "ErrorCode");
        p.ok = p.errorCode.empty();
        p.errorMessage = str(e, "ErrorMessage");
        p.shardId = str(e, "ShardId");
        p.sequenceNumber = str(e, "SequenceNumber");
        out.push_back(std::move(p));
    }
    return Out{std::move(out), {}};
}

} // namespace sw::runtime::kinesis
