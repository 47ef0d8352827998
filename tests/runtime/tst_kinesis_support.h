#pragma once
// Helpers for the Kinesis pipeline tests: pipelines as JSON around kinesis-source/-sink, a raw
// reader of a whole stream (the client, not the source: an oracle), JSON Lines files.
#include <QtTest/QtTest>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "KinesaliteProcess.h"
#include "connectors/kinesis/KinesisClient.h"

namespace sw::test {

/// Properties shared by kinesis nodes talking to `k` (stream, endpoint, credentials).
inline std::string kinesisProps(const Kinesalite& k, const std::string& stream,
                                const std::string& accessKey = "AKIDLOCAL")
{
    return R"("stream": ")" + stream + R"(", "region": "us-east-1", "endpoint": ")" + k.endpoint() +
           R"(", "properties": {"aws.credentials.basic.accesskeyid": ")" + accessKey +
           R"(", "aws.credentials.basic.secretkey": "local-secret-value"})";
}

/// kinesis-source (format `format`, `schema`) -> file-sink `path`; errors -> file-sink
/// `errorsPath` when given.
inline std::string sourceToFile(const std::string& props, const std::string& format,
                                const std::string& schema, const std::string& path,
                                int parallelism = 1, const std::string& errorsPath = "",
                                const std::string& extra = "")
{
    std::string p = R"({"format": "streamwright.pipeline/1",
      "pipeline": {"name": "kin-read", "parallelism": )" +
                    std::to_string(parallelism) + R"(},
      "nodes": [
        {"id": "in", "type": "kinesis-source", "properties": {)" +
                    props + R"(, "format": ")" + format +
                    R"(", "watermark": "processing-time", "schema": )" + schema + extra + R"(}},
        {"id": "out", "type": "file-sink", "properties": {"path": ")" +
                    path + R"("}})";
    if (!errorsPath.empty())
        p += R"(, {"id": "bad", "type": "file-sink", "properties": {"path": ")" + errorsPath +
             R"("}})";
    p +=
        R"(], "edges": [{"from": {"node": "in", "port": "out"}, "to": {"node": "out", "port": "in"}})";
    if (!errorsPath.empty())
        p += R"(, {"from": {"node": "in", "port": "errors"}, "to": {"node": "bad", "port": "in"}})";
    return p + "]}";
}

/// generator (orders, `n` events, unthrottled) -> kinesis-sink keyed by customer_id.
inline std::string generatorToSink(const std::string& props, int n, int customers = 50,
                                   const std::string& extraSink = "")
{
    return R"({"format": "streamwright.pipeline/1",
      "pipeline": {"name": "kin-write", "parallelism": 1},
      "nodes": [
        {"id": "gen", "type": "generator", "properties": {"kind": "orders", "events_per_second": 0,
          "total_events": )" +
           std::to_string(n) + R"(, "key_cardinality": )" + std::to_string(customers) + R"(}},
        {"id": "sink", "type": "kinesis-sink", "properties": {)" +
           props + R"(, "partition_key_fields": ["customer_id"])" + extraSink + R"(}}
      ],
      "edges": [{"from": {"node": "gen", "port": "out"}, "to": {"node": "sink", "port": "in"}}]})";
}

struct StreamRecord {
    std::string shard, sequence, key, data;
};

/// Every record of every shard of `stream`, in shard order then sequence order (the oracle).
inline std::vector<StreamRecord> readStream(const Kinesalite& k, const std::string& stream)
{
    using namespace sw::runtime::kinesis;
    KinesisClient c(k.clientOptions());
    std::vector<StreamRecord> out;
    auto shards = c.listShards(stream);
    if (!shards.ok()) qFatal("ListShards: %s", shards.error.message.c_str());
    for (const ShardInfo& s : *shards.value) {
        auto it = c.getShardIterator(stream, s.id, IteratorType::TrimHorizon);
        if (!it.ok()) qFatal("GetShardIterator: %s", it.error.message.c_str());
        std::string iter = *it.value;
        while (!iter.empty()) {
            auto r = c.getRecords(iter);
            if (!r.ok() && r.error.kind == ErrorKind::Throttled) continue; // injected: again
            if (!r.ok()) qFatal("GetRecords: %s", r.error.message.c_str());
            for (const auto& f : r.value->records)
                out.push_back({s.id, f.sequenceNumber, f.partitionKey, f.data});
            if (r.value->records.empty() && r.value->millisBehindLatest == 0) break;
            iter = r.value->nextIterator;
        }
    }
    return out;
}

/// The JSON objects of a JSON Lines file (missing file: none).
inline std::vector<nlohmann::json> readJsonLines(const std::string& path)
{
    std::vector<nlohmann::json> out;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(nlohmann::json::parse(line));
    return out;
}

} // namespace sw::test
