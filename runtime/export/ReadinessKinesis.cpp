// Readiness of Kinesis sinks (part of the "topic-partitioning" item): enough shards for the
// expected write rate - each shard takes 1 MiB/s or 1000 records/s, whichever comes first - and
// a partition key for per-key order.
#include <algorithm>

#include "catalog/PropertyAccess.h"
#include "export/ReadinessChecks.h"

namespace sw::runtime::exporting {

int requiredKinesisShards(long long recordsPerSecond, long long recordBytes)
{
    const long long byRecords = (recordsPerSecond + 999) / 1000;
    const long long bytesPerSecond = recordsPerSecond * recordBytes;
    const long long byBytes = (bytesPerSecond + (1 << 20) - 1) / (1 << 20);
    return static_cast<int>(std::max({1LL, byRecords, byBytes}));
}

void kinesisShardFindings(const PipelineSpec& p, ReadinessItem& it)
{
    for (const NodeSpec& n : p.nodes) {
        if (n.type != "kinesis-sink") continue;
        const std::string stream = stringProperty(n, "stream");
        const long long shards = integerProperty(n, "shards", 1);
        const long long rate = integerProperty(n, "expected_records_per_second", 0);
        const long long size = integerProperty(n, "expected_record_bytes", 0);
        if (rate <= 0) {
            it.findings.push_back({CheckStatus::Warn, n.id,
                                   "no expected write rate for Kinesis stream '" + stream +
                                       "': its " + std::to_string(shards) +
                                       " shard(s) cannot be checked",
                                   "set expected_records_per_second (and expected_record_bytes)"});
        } else {
            const int need = requiredKinesisShards(rate, size);
            if (need > shards)
                it.findings.push_back(
                    {CheckStatus::Fail, n.id,
                     "Kinesis stream '" + stream + "' has " + std::to_string(shards) +
                         " shard(s) for " + std::to_string(rate) + " records/s" +
                         (size > 0 ? " of " + std::to_string(size) + " bytes" : std::string()) +
                         "; a shard takes 1 MiB/s or 1000 records/s",
                     "create the stream with at least " + std::to_string(need) + " shards"});
        }
        auto keys = propertyValue(n, "partition_key_fields");
        if ((!keys.is_array() || keys.empty()) && shards > 1)
            it.findings.push_back({CheckStatus::Warn, n.id,
                                   "writes to Kinesis stream '" + stream +
                                       "' with random partition keys: per-key order is lost",
                                   "set partition_key_fields to the entity id"});
    }
}

} // namespace sw::runtime::exporting
