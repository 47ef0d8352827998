#pragma once
// A consumer subtask's inbox: one bounded FIFO per incoming channel (producer subtask -> this
// subtask), all under one lock, so the consumer waits in one place. Records count against the
// channel capacity (in batches) and a full channel blocks its producer: that is backpressure.
// Control elements never block (consecutive watermarks coalesce, so they stay bounded).
//
// Memory bound per channel: capacity queued batches + at most capacity+1 recycled free batches
// + one being filled by the producer + one being processed by the consumer.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <stop_token>
#include <vector>

#include "exec/StreamElement.h"
#include "metrics/NodeMetrics.h"

namespace sw::runtime {

class InputGate {
public:
    explicit InputGate(std::size_t capacityBatches)
        : m_capacity(capacityBatches ? capacityBatches : 1)
    {
    }
    InputGate(const InputGate&) = delete;
    InputGate& operator=(const InputGate&) = delete;

    /// Adds a channel feeding input port `port`; returns its index. Only before threads start.
    int addChannel(int port, ChannelCounters* counters);
    int channelCount() const { return static_cast<int>(m_channels.size()); }
    int portOf(int channel) const { return m_channels[static_cast<std::size_t>(channel)]->port; }
    std::size_t capacity() const { return m_capacity; }

    // ---- producer side (exactly one producer thread per channel) ----
    /// Enqueues `e` on `channel`. A Records element waits while the channel is full; returns
    /// false (and drops `e`) when `stop` is requested while waiting.
    bool push(int channel, StreamElement&& e, const std::stop_token& stop);
    /// An empty batch for `channel`: a recycled one when available, else a new one.
    RecordBatchPtr acquireBatch(int channel);

    // ---- consumer side (exactly one consumer thread) ----
    enum class PopResult { Element, Timeout, Stopped };
    /// Takes the next element of any non-blocked channel (round-robin among ready channels).
    /// Waits until one arrives, `deadline` passes (Timeout) or `stop` is requested (Stopped).
    PopResult pop(int& channel, StreamElement& e, const std::stop_token& stop,
                  std::chrono::steady_clock::time_point deadline);
    /// Non-waiting pop: Timeout when nothing is ready.
    PopResult tryPop(int& channel, StreamElement& e);
    /// Gives a processed batch back for reuse by the channel's producer.
    void release(int channel, RecordBatchPtr batch);
    /// Blocked channels are not popped (checkpoint barrier alignment).
    void setBlocked(int channel, bool blocked);
    /// Stream time (EngineOptions::streamTime): elements are taken in (procTime, channel)
    /// order, an element only once no other channel can still send an earlier one (its last
    /// element's procTime is later, or equal with a higher channel index, or it ended). This
    /// deterministic merge makes every subtask see the same sequence on every replay. Pushes
    /// never block (a merge that waits for one channel must not stall the producers of the
    /// others: the replay holds in memory what the pipeline has not processed yet) and
    /// watermarks do not coalesce. Before threads start.
    void setOrdered(bool ordered) { m_ordered = ordered; }

private:
    struct Channel {
        int port = 0;
        std::deque<StreamElement> queue;
        std::size_t queuedBatches = 0;
        std::vector<RecordBatchPtr> free;
        bool blocked = false;
        std::int64_t frontier = INT64_MIN; // ordered: procTime of the last element pushed
        bool producerWaiting = false;
        std::condition_variable_any notFull;
        ChannelCounters* counters = nullptr;
    };
    bool takeLocked(int& channel, StreamElement& e);
    bool takeOrderedLocked(int& channel, StreamElement& e);
    void take(Channel& ch, std::size_t i, int& channel, StreamElement& e);

    std::size_t m_capacity;
    std::vector<std::unique_ptr<Channel>> m_channels;
    std::mutex m_mutex;
    std::condition_variable_any m_notEmpty;
    bool m_consumerWaiting = false;
    std::size_t m_next = 0; // round-robin start
    bool m_ordered = false;
};

} // namespace sw::runtime
