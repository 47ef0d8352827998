#pragma once
// Lock-free live counters. Each is written by exactly one thread (its subtask or channel
// producer) with relaxed atomics and read by snapshot() from any thread without stalling.
#include <atomic>
#include <cstdint>

namespace sw::runtime {

/// A counter with a single writer: add() is a plain load+store (no locked instruction), reads
/// from other threads see a recent value.
class Counter {
public:
    void add(std::uint64_t n)
    {
        m_v.store(m_v.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);
    }
    std::uint64_t get() const { return m_v.load(std::memory_order_relaxed); }

private:
    std::atomic<std::uint64_t> m_v{0};
};

/// A last-value gauge with a single writer.
class Gauge {
public:
    void set(std::int64_t v) { m_v.store(v, std::memory_order_relaxed); }
    std::int64_t get() const { return m_v.load(std::memory_order_relaxed); }

private:
    std::atomic<std::int64_t> m_v{0};
};

/// Counters of one subtask of one node.
struct SubtaskCounters {
    Counter recordsIn;   ///< records received on all input ports
    Counter recordsOut;  ///< records emitted on data ports (not errors)
    Counter errors;      ///< records sent to the errors port (all classes, incl. late)
    Counter late;        ///< records too late for any window (also counted in errors)
    Counter dropped;     ///< dedup duplicates and other deliberate drops (not errors)
    Counter filtered;    ///< records a filter rejected (FALSE/NULL)
    Gauge watermark;     ///< current combined input (or source output) watermark
    Gauge maxEventTime;  ///< largest event timestamp seen
    Counter busyNs;      ///< time spent processing (not waiting), for per-core rates
    Counter pausedTurns; ///< source loop turns that polled nothing because the run is paused

    SubtaskCounters()
    {
        watermark.set(INT64_MIN);
        maxEventTime.set(INT64_MIN);
    }
};

/// Counters of one physical channel (producer subtask -> consumer subtask).
struct ChannelCounters {
    Gauge queuedBatches;   ///< batches in the queue now (written under the gate lock)
    Counter blockedNs;     ///< time the producer spent blocked on a full queue (backpressure)
    Gauge producerBlocked; ///< 1 while the producer waits on a full queue now (under the gate lock)
    Counter batches;       ///< batches pushed
    Counter records;       ///< records pushed
};

} // namespace sw::runtime
