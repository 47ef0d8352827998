#pragma once
// Event-time temporal join (Flink's TemporalRowTimeJoinOperator, the SQL
// `JOIN versioned FOR SYSTEM_TIME AS OF l.rowtime ON l.k = r.pk`).
//
// Port 0 (left, probe) carries append-only rows; port 1 (right, build) is a versioned table keyed
// by `right_keys`: a +I/+U row sets the key's version valid from its event time, a -D ends the
// key's version at its event time, a -U is ignored (Flink's versioned table: the planner asks
// the build side for upserts without update-before). Two changes of one key at the same time:
// the later arrival wins (Flink's rightState map keyed by time).
//
// Left rows are buffered and emitted, in event-time order, when the combined watermark W (min of
// both inputs) reaches them (ts <= W): each joins the key's latest version with time <= its own
// (none, or a deletion: no match; `left` pads it with NULLs, `inner` drops it). The output row
// is left columns + right columns, +I, with the left row's event time. A left row with
// ts <= W arriving after W passed is late (errors port, counted): its version may be gone.
// A right row behind the watermark is still applied (as in Flink): it affects later probes.
//
// Cleanup: once W passes a key's version times, only the latest version with time <= W can
// still be needed (every later probe has ts > W); older ones are dropped, and so is a deletion
// that nothing precedes. State per key: the versions after W plus one.
// State (snapshot/restore): the buffered left rows in order, every key's versions, the cleanup
// schedule.
#include <map>

#include "exec/Operator.h"
#include "operators/windows/GroupKey.h"

namespace sw::runtime {

class TemporalJoinOperator : public Operator {
public:
    TemporalJoinOperator(std::vector<int> leftKeys, std::vector<int> rightKeys, bool leftOuter,
                         Schema left, Schema right);
    Status open(OperatorContext& ctx) override
    {
        m_ctx = &ctx;
        return Status::ok();
    }
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void processWatermark(EventTime watermark, Collector& out) override;
    /// Buffered left rows hold their Kafka positions until they are emitted. Versions hold
    /// nothing (a key's latest version lives as long as the job, like a regular join's rows;
    /// a run restored from a checkpoint gets them from the state).
    void collectHolds(SourceHolds& holds) const override;
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;

    std::size_t bufferedLeftRows() const { return m_left.size(); }
    /// Versions held over all keys (bounded by the cleanup: one per key once W passed them).
    std::size_t versionCount() const;

private:
    struct Version {
        bool deleted = false;
        Row row;
    };
    using Versions = std::map<EventTime, Version>;

    void addVersion(Record& r, Collector& out);
    void bufferLeft(Record& r, Collector& out);
    void emitJoined(const Row& left, EventTime ts, const Row* right, Collector& out);
    void cleanupKey(const GroupKey& key, EventTime watermark);

    std::vector<int> m_keys[2];
    bool m_leftOuter;
    Schema m_schemas[2];
    std::multimap<EventTime, Row> m_left;         ///< buffered probes by event time, arrival order
    KeyedMap<Versions> m_versions;                ///< right key -> versions by time
    std::multimap<EventTime, GroupKey> m_cleanup; ///< version time -> key to clean once W >= it
    std::map<EventTime, SourceHolds> m_holds;     ///< probe time -> Kafka positions buffered
    OperatorContext* m_ctx = nullptr;
    Record m_out;
};

} // namespace sw::runtime
