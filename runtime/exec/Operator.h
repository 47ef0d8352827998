#pragma once
// The operator interfaces (Flink's vocabulary): one Operator instance per parallel subtask,
// never called concurrently. All concurrency lives in the engine (exec/).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "exec/Collector.h"
#include "exec/OperatorContext.h"
#include "exec/OperatorFactory.h"
#include "exec/Record.h"
#include "exec/ReplayUnit.h"
#include "exec/SourceHolds.h"
#include "model/PipelineSpec.h"
#include "state/OperatorState.h"
#include "types/Schema.h"
#include "util/Result.h"

namespace sw::runtime {

struct NodeType;

/// A processing operator (everything that has inputs). Lifecycle on the subtask's thread:
///   open -> { processBatch | processWatermark | onProcessingTime | snapshotState }* ->
///   endOfInput (only when all inputs ended, not on cancel) -> close (always, after a successful
///   open).
/// Failures: throw any std::exception (or return an error Status from open); the engine turns
/// it into an error event {node id, message} and stops the pipeline. Records the operator cannot
/// process are not failures: send them to the `errors` port with out.emitError().
class Operator {
public:
    virtual ~Operator() = default;

    /// Called once before any input, on the subtask's thread.
    virtual Status open(OperatorContext& ctx)
    {
        (void)ctx;
        return Status::ok();
    }

    /// A batch arrived on input port `port`. The default calls processRecord for each record.
    /// Records may be swapped out of the batch (the batch is recycled after this returns).
    virtual void processBatch(int port, RecordBatch& batch, Collector& out)
    {
        for (Record& r : batch)
            processRecord(port, r, out);
    }
    /// One record on input port `port`; `r` may be moved/swapped into `out`.
    virtual void processRecord(int port, Record& r, Collector& out)
    {
        (void)port;
        (void)r;
        (void)out;
    }

    /// The combined input watermark advanced to `watermark` (min over non-idle input channels,
    /// never decreasing). Fire event-time timers here, then forward: the default forwards it.
    virtual void processWatermark(EventTime watermark, Collector& out)
    {
        out.emitWatermark(watermark);
    }

    /// A processing-time timer registered with OperatorContext::registerProcessingTimer is due.
    virtual void onProcessingTime(std::int64_t nowMs, Collector& out)
    {
        (void)nowMs;
        (void)out;
    }

    /// All inputs ended (bounded input, or a draining stop). A kMaxWatermark has been delivered
    /// before when the inputs were event-time. Emit final results here; the engine then forwards
    /// end-of-input downstream.
    virtual void endOfInput(Collector& out) { (void)out; }

    /// Releases resources (files, connections). Called on normal end, on stop and after failures.
    virtual void close() {}

    /// Checkpoint barrier `checkpointId` aligned on every input; called before snapshotState
    /// and before the barrier is forwarded (Flink's prepareSnapshotPreBarrier). A sink makes
    /// everything it received so far durable here (flush, commit) and may still emit (e.g.
    /// delivery failures to its errors port): the checkpoint completes only after that.
    virtual void prepareSnapshotPreBarrier(std::int64_t checkpointId, Collector& out)
    {
        (void)checkpointId;
        (void)out;
    }
    /// Checkpoint hooks (state/OperatorState.h). snapshotState: aligned barrier `checkpointId`
    /// reached this operator; write a copy of the state (state/StateCodec.h) and return: the
    /// store writes it on a background thread. restoreState: after open(), before any input,
    /// when the run restores a checkpoint; throw (a std::exception naming what is wrong) when a
    /// blob does not decode. Default: stateless.
    virtual void snapshotState(std::int64_t checkpointId, StateWriter& w)
    {
        (void)checkpointId;
        (void)w;
    }
    virtual void restoreState(const StateReader& r) { (void)r; }
    /// Commit holds (exec/SourceHolds.h), at every checkpoint and when the operator ends: the
    /// lowest Kafka position, per (origin, partition), of records absorbed into state whose
    /// effect has not been emitted yet (open windows, join buffers). Stateless operators, and
    /// state whose loss only allows duplicates (dedup), hold nothing.
    virtual void collectHolds(SourceHolds& holds) const { (void)holds; }
    /// Replay units (exec/ReplayUnit.h), at every checkpoint and when the operator ends, after
    /// collectHolds: appends the units emitted since the last call and forgets them. A unit is
    /// the Kafka offset ranges of records whose effect was emitted together and must be
    /// replayed all together or not at all after a restart (a fired window; a dropped duplicate
    /// with its original). Keep them coarse (per window end, not per key): few per checkpoint.
    virtual void collectReplayUnits(std::vector<ReplayUnit>& units) { (void)units; }

    /// Two-phase-commit sinks (Flink's TwoPhaseCommitSinkFunction / CheckpointListener), under
    /// `"delivery": "exactly-once"` (OperatorSpec::delivery): prepareSnapshotPreBarrier(k)
    /// pre-commits what arrived before barrier k durably but invisibly (a staging table, a
    /// hidden part file, an open transaction), snapshotState(k) records what is pre-committed,
    /// and notifyCheckpointComplete(k) makes it visible once k is durably stored.
    /// True makes the engine deliver notifyCheckpointComplete to this operator, and, when its
    /// input ended (drained: after endOfInput), trigger a final checkpoint F that covers
    /// everything it received, call prepareSnapshotPreBarrier(F, out) and snapshotState(F) (its
    /// final state, part of F and of every later checkpoint; stopped without drain, its last
    /// barrier is the final one: what came after it is read again), and wait for F to complete
    /// (bounded by the stop) before close(), so the last transaction is committed (Flink's final
    /// checkpoint, FLIP-147; exec/SubtaskCommit.cpp). Without checkpoints at all it commits at
    /// the end: prepareSnapshotPreBarrier and notifyCheckpointComplete right away.
    virtual bool isTwoPhaseCommitSink() const { return false; }
    /// Checkpoint `checkpointId` completed (durably stored): commit what was pre-committed for
    /// it and every earlier checkpoint. Called on the subtask's own thread between elements (at
    /// most EngineOptions::flushIntervalMs after the completion; a chained sink before the next
    /// barrier of its source), ids increasing; a checkpoint that never completes, or that a
    /// later completion subsumes, is never notified. Throwing fails the subtask (a restart
    /// restores the checkpoint and commits again).
    virtual void notifyCheckpointComplete(std::int64_t checkpointId) { (void)checkpointId; }
};

/// What poll() reports to the source task.
enum class SourceStatus : std::uint8_t {
    More, ///< emitted records (or can emit soon); poll again at once
    Idle, ///< nothing available now; the task waits briefly (and may mark the source idle)
    End,  ///< the input is exhausted (bounded source); poll is not called again
};

/// A source: pull-based so the task loop controls batching, backpressure, pause and stop.
/// The engine assigns event timestamps (from the schema's rowtime column, when a record's
/// timestamp is kNoTimestamp) and generates watermarks from the node's watermark properties;
/// a source only emits records (and errors). Sources have no inputs: processBatch is unused.
class SourceOperator : public Operator {
public:
    using Operator::notifyCheckpointComplete;
    /// Emit at most `maxRecords` records (to port 0, and parse failures via out.emitError) and
    /// return quickly: never block longer than ~100 ms (e.g. a Kafka poll timeout), so stop
    /// and pause are prompt. Backpressure happens inside out.emit() when channels are full.
    virtual SourceStatus poll(Collector& out, std::size_t maxRecords) = 0;

    /// Called by a draining stop before end-of-input is sent: stop reading (poll is not called
    /// again); the final checkpoint follows.
    virtual void stopReading() {}

    /// True for sources that commit their read positions on checkpoint completion (Kafka): the
    /// engine then runs the checkpoint coordinator, and a source that ends first takes a final
    /// checkpoint and waits (bounded by the drain) for it to complete.
    virtual bool commitsOnCheckpoint() const { return false; }
    /// A draining stop of this source ends its input without draining: no final MAX watermark,
    /// open windows do not fire, their records stay held (uncommitted) and are read again after a
    /// restart (Flink's stop-with-savepoint without --drain, achieved by replay). For unbounded
    /// sources whose positions are committed (Kafka). Bounded input that ends (End) always drains.
    /// Every source of a run whose state is checkpointed (a checkpoint store) stops this way too,
    /// so a resume continues where the stop left off; StopMode::DrainAll drains all of them.
    virtual bool stopsWithoutDrain() const { return false; }

    /// Right after snapshotState at a barrier: the read positions (next offset) per (origin,
    /// partition) snapshotted for `checkpointId`, keyed as the provenance of the records
    /// (exec/SourceHolds.h). The coordinator closes them with the holds and replay units.
    virtual void collectPositions(std::int64_t checkpointId, SourceHolds& positions) const
    {
        (void)checkpointId;
        (void)positions;
    }

    /// Checkpoint `checkpointId` completed downstream (called on the source's thread): commit
    /// the positions snapshotted at it (or, if this source ended before it, at its last
    /// snapshot), never past `holds` for the same (origin, partition): the coordinator's closed
    /// commit vector (holds and replay closure applied to the positions).
    virtual void notifyCheckpointComplete(std::int64_t checkpointId, const SourceHolds& holds)
    {
        (void)checkpointId;
        (void)holds;
    }

    /// Sources that track event time per split (Kafka: per partition, Flink's split
    /// watermarks) return their watermark here: the minimum over active splits, never
    /// decreasing. The engine then emits it (at its watermark interval) instead of deriving one
    /// from every record. nullopt (default): the engine's watermark over all records.
    virtual std::optional<EventTime> splitWatermark() { return std::nullopt; }

    /// Stream time only (EngineOptions::streamTime, a replay): the processing time at which
    /// the input the next poll emits arrived; the engine moves this subtask's clock there
    /// (firing due timers) before polling. nullopt: time stays where it is.
    virtual std::optional<std::int64_t> nextProcessingTime() { return std::nullopt; }
};

/// Everything a factory needs to build one subtask's operator.
struct OperatorSpec {
    const NodeSpec& node;
    const NodeType& type;
    std::vector<Schema> inputSchemas;  ///< by input port index
    std::vector<Schema> outputSchemas; ///< by output port index (errors ports: errorSchema())
    int subtask = 0;
    int parallelism = 1;
    /// Directory for files with relative paths (DLQ, sqlite sinks, state); "" = current dir.
    std::string dataDirectory;
    /// Sources: attach the original bytes (Provenance::raw) to every record, because a node
    /// downstream has its errors output connected (PlanNode::keepRawBytes). Otherwise only
    /// records that fail to parse carry their bytes.
    bool keepRawBytes = false;
    /// The pipeline's `delivery` setting: sinks that can take part in exactly-once delivery
    /// (two-phase commit on checkpoints, isTwoPhaseCommitSink) switch to it.
    DeliveryGuarantee delivery = DeliveryGuarantee::AtLeastOnce;
    /// The pipeline's name (e.g. the default transactional id prefix of Kafka sinks).
    std::string pipelineName;
    /// Changelog mode of each input port (append-only, upsert with key, retract): sinks that
    /// write row kinds (an `op` column) do so only for updating input.
    std::vector<ChangelogMode> inputChangelogs = {};
    /// The pipeline's `schema_evolution` setting ("backward", "full", ...; empty = not set):
    /// the compatibility level of the Schema Registry subjects its sinks register.
    std::string schemaEvolution = {};
};

/// Wraps a concrete operator as a factory result: `return makeOperator<FilterOperator>(...)`.
template <typename Op, typename... Args>
Result<std::unique_ptr<Operator>> makeOperator(Args&&... args)
{
    return std::unique_ptr<Operator>(std::make_unique<Op>(std::forward<Args>(args)...));
}

} // namespace sw::runtime
