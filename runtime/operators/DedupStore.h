#pragma once
// Where dedup remembers the keys it has seen (`store` property). The in-process store (the
// default, `memory`) is DedupOperator's own keyed state: checkpointed, expired by the
// watermark, with replay units for its drops (DedupOperator.h). A DedupStore is a store
// outside the process that several independent pipelines can share: one idempotency set.
//
// `redis` (RedisDedupStore): per record one `SET <prefix><key> <token> NX GET PX <ttl>`
// (Redis >= 7.0), pipelined per batch. The record is the first of its key when the key was
// absent (Redis set it) or already holds the record's own token; otherwise it is a duplicate.
// The token names the record: "<pipeline>/<node>@<topic>:<partition>:<offset>" (Kafka) or
// "@<file>:<line>" (files), so a record sent again (a retry after the connection dropped, a
// replay after a restart from a checkpoint) is recognised as itself and passes again, while
// a duplicate (another offset, line, node or pipeline) is dropped. Records without provenance
// (generators) get a token unique to the run: a restart's replay of them counts as duplicates.
// The TTL is Redis's own clock (processing time) from the first record, whatever the event
// time. Nothing of it is in the operator's checkpoint: the set lives in Redis (persisted as
// Redis persists it). While Redis is unreachable the batch waits and retries (backpressure),
// with the outage warnings of redis/RedisSession.h.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "exec/Operator.h"

namespace sw::runtime {

class DedupStore {
public:
    virtual ~DedupStore() = default;
    virtual Status open(OperatorContext& ctx) = 0;
    /// For each record of `batch`, in order: first[i] = 1 when it is the first of its key (now
    /// remembered for the TTL), 0 for a duplicate, 2 when the store refused the record
    /// (`errors[i]` says why). True when done, false when the stop token was requested first
    /// (nothing of the batch may be emitted then); an error when the store cannot work.
    virtual Result<bool> markFirst(RecordBatch& batch, std::vector<std::uint8_t>& first,
                                   std::vector<std::string>& errors) = 0;
};

struct RedisDedupOptions {
    std::string url; ///< redis://... (parsed by the factory; secret password)
    std::string keyPrefix;
    std::vector<int> keyColumns;
    std::int64_t ttlMs = 0;
    std::string identity; ///< "<pipeline>/<node>": the token prefix
};

/// The `redis` store; fails with a message naming the problem (never the password).
Result<std::unique_ptr<DedupStore>> makeRedisDedupStore(RedisDedupOptions o);

} // namespace sw::runtime
