#pragma once
// One output port of one subtask: batches records per target channel and routes them over the
// port's edges (forward, key-hash, broadcast, rebalance). Used through Collector.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <stop_token>
#include <vector>

#include "exec/InputGate.h"
#include "exec/Partitioner.h"
#include "exec/Record.h"
#include "exec/StreamElement.h"
#include "metrics/Tap.h"
#include "time/Clock.h"

namespace sw::runtime {

/// A consumer called synchronously on the producer's thread (operator chaining: a forward edge
/// between subtasks that share one thread). It processes `e` before returning and leaves a
/// Records element's batch in `e` for reuse.
class LocalReceiver {
public:
    virtual ~LocalReceiver() = default;
    virtual void receive(StreamElement& e) = 0;
};

class OutputPort {
public:
    /// One target channel of an edge.
    struct Target {
        InputGate* gate = nullptr;
        int channel = 0;
        ChannelCounters* counters = nullptr;
        LocalReceiver* local = nullptr; ///< set for a chained target (gate unused)
    };

    OutputPort() = default;
    OutputPort(OutputPort&&) = default;
    OutputPort& operator=(OutputPort&&) = default;

    /// Adds an edge with its targets (one per consumer subtask; Forward has exactly one).
    void addEdge(Partitioning kind, std::vector<int> keyColumns, std::vector<Target> targets);
    void setBatchSize(std::size_t n) { m_batchSize = n ? n : 1; }
    void setStopToken(std::stop_token t) { m_stop = std::move(t); }
    void setSubtask(int s) { m_subtask = s; }
    /// Stream time (EngineOptions::streamTime): every element pushed carries this clock's time.
    void setTimeTag(const Clock* c) { m_timeTag = c; }
    /// Taps see every batch flushed on the first edge (or every record when there is no edge).
    void setTap(Tap* tap) { m_tap.store(tap, std::memory_order_release); }
    bool connected() const { return !m_edges.empty(); }

    /// Routes `r` (swap semantics: `r` receives a recycled record's storage).
    void emit(Record& r)
    {
        ++m_count;
        if (m_edges.size() == 1) [[likely]]
            emitTo(m_edges.front(), r);
        else
            emitSlow(r);
    }

    /// Flushes pending batches, then sends `e` (a control element) to every target channel.
    void emitControl(const StreamElement& e);
    /// Sends every pending (partial) batch.
    void flushAll();
    /// True when a partial batch has waited longer than `maxAge` (cheap check).
    bool hasStale(std::chrono::steady_clock::time_point now, std::chrono::nanoseconds maxAge) const;
    /// Records emitted on this port since the last call (for the out counter).
    std::uint64_t takeCount()
    {
        std::uint64_t c = m_count;
        m_count = 0;
        return c;
    }
    /// False once a push was abandoned because of a stop request.
    bool live() const { return !m_cancelled; }
    /// Fill of the fullest target channel, 0..1 (queued batches / capacity): lets a source pause
    /// its input (e.g. Kafka partitions) while downstream is full. Any thread; relaxed reads.
    double maxFill() const
    {
        double f = 0;
        for (const Edge& e : m_edges)
            for (const Lane& l : e.lanes)
                if (l.target.counters && l.target.gate && l.target.gate->capacity() > 0) {
                    double x = static_cast<double>(l.target.counters->queuedBatches.get()) /
                               static_cast<double>(l.target.gate->capacity());
                    if (x > f) f = x;
                }
        return f;
    }

private:
    struct Lane {
        Target target;
        RecordBatchPtr batch;
        RecordBatchPtr spare; // a chained lane's batch, back from the receiver
        std::chrono::steady_clock::time_point firstAt{};
    };
    struct Edge {
        Partitioning kind = Partitioning::Forward;
        std::vector<int> keys;
        std::vector<Lane> lanes;
        std::size_t next = 0; // rebalance cursor
        Record scratch;       // copies for fan-out
    };

    void emitTo(Edge& e, Record& r)
    {
        Lane* lane;
        switch (e.kind) {
        case Partitioning::Forward:
            lane = &e.lanes.front();
            break;
        case Partitioning::KeyHash:
            lane = &e.lanes[keyHashChannel(keyHash(r.row, e.keys), e.lanes.size())];
            break;
        case Partitioning::Rebalance:
            lane = &e.lanes[e.next];
            break;
        default:
            emitBroadcast(e, r);
            return;
        }
        if (!lane->batch) [[unlikely]]
            startBatch(*lane);
        lane->batch->appendSwap(r);
        if (lane->batch->size() >= m_batchSize) [[unlikely]]
            flushLane(e, *lane);
    }
    void emitSlow(Record& r);
    void emitBroadcast(Edge& e, Record& r);
    void startBatch(Lane& lane);
    void flushLane(Edge& e, Lane& lane);
    void push(Lane& lane, StreamElement&& el);

    std::vector<Edge> m_edges;
    std::size_t m_batchSize = 512;
    std::stop_token m_stop;
    std::atomic<Tap*> m_tap{nullptr};
    std::uint64_t m_count = 0;
    int m_subtask = 0;
    const Clock* m_timeTag = nullptr;
    bool m_cancelled = false;
    Record m_discard; // swap target for records of an unconnected port
};

} // namespace sw::runtime
