#pragma once
// kinesis-source: the shards one subtask reads, shared by its fetch thread (KinesisFetcher.h:
// iterators, rate limits, backoff) and its poll thread (KinesisSource.h: decode, emit,
// positions, watermarks). One mutex guards the table; HTTP happens outside it.
//
// Ownership (every subtask computes the same from the same ListShards answer): a shard with a
// known parent belongs to its parent's owner (so a split or merged child follows the parent and
// reads after it on one thread); a root shard (no parent, or its parent already trimmed) belongs
// to subtask (numeric part of its id) mod parallelism: shardId-000000000007 -> 7 mod p.
//
// Parents first (the Kinesis Client Library's rule): a shard is read only once each of its
// parents (ParentShardId, AdjacentParentShardId) is finished - read to its end and every record
// of it emitted - or is no longer listed. Subtasks of one node in this process share which
// shards are finished (FinishedShards), because a merged child's adjacent parent may be read by
// another subtask.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "connectors/kinesis/KinesisClient.h"
#include "time/EventTime.h"

namespace sw::runtime::kinesis {

/// Where a shard's reading resumes (checkpoint state).
struct ShardPosition {
    enum class Kind : std::uint8_t { Start, After, Finished };
    Kind kind = Kind::Start;
    std::string sequenceNumber; ///< Kind::After: resume after this record
};

/// The subtask that reads `shardId` among `all` (see above).
int shardOwner(const std::vector<ShardInfo>& all, const std::string& shardId, int parallelism);

/// The shards of one kinesis-source node that are finished, shared by its subtasks in this
/// process (one set per node id, stream and endpoint while any subtask holds it).
class FinishedShards {
public:
    static std::shared_ptr<FinishedShards> forNode(const std::string& key);
    void add(const std::string& shardId);
    bool contains(const std::string& shardId) const;

private:
    mutable std::mutex m_mutex;
    std::set<std::string> m_ids;
};

struct ShardState {
    ShardInfo info;
    bool initial = false; ///< listed at the first discovery: the start position applies
    ShardPosition resume; ///< from a checkpoint, or the start
    // fetch thread
    std::string iterator;
    std::string lastFetched; ///< sequence number of the last record fetched
    std::int64_t readyAtMs = 0;
    std::int64_t backoffMs = 0;
    bool started = false;    ///< parents finished, reading
    bool endFetched = false; ///< GetRecords returned no next iterator
    // poll thread
    std::deque<FetchedRecord> queue;
    std::string lastEmitted; ///< sequence number of the last record emitted
    bool finished = false;   ///< read to its end and everything emitted
    EventTime maxTs = kMinWatermark;
    std::int64_t lastRecordMs = 0;
    bool idle = false;
    std::int64_t millisBehindLatest = -1;
};

/// The table of one subtask. Lock `mutex` around every access to `shards`; `changed` wakes the
/// fetch thread (room in a queue, a shard finished).
struct ShardTable {
    mutable std::mutex mutex;
    std::condition_variable_any changed;
    std::map<std::string, ShardState> shards;
    std::size_t queued = 0; ///< records in all queues
    /// Positions restored from a checkpoint (every subtask's), applied when a shard is added.
    std::map<std::string, ShardPosition> restored;
};

} // namespace sw::runtime::kinesis
