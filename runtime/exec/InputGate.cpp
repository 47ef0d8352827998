#include "exec/InputGate.h"

namespace sw::runtime {

int InputGate::addChannel(int port, ChannelCounters* counters)
{
    auto ch = std::make_unique<Channel>();
    ch->port = port;
    ch->counters = counters;
    m_channels.push_back(std::move(ch));
    return static_cast<int>(m_channels.size()) - 1;
}

bool InputGate::push(int channel, StreamElement&& e, const std::stop_token& stop)
{
    Channel& ch = *m_channels[static_cast<std::size_t>(channel)];
    std::unique_lock lock(m_mutex);
    if (m_ordered) {
        ch.frontier = e.kind == StreamElement::Kind::EndOfInput ? INT64_MAX : e.procTime;
        if (e.kind == StreamElement::Kind::Records) {
            ++ch.queuedBatches;
            if (ch.counters) {
                ch.counters->queuedBatches.set(static_cast<std::int64_t>(ch.queuedBatches));
                ch.counters->batches.add(1);
                ch.counters->records.add(e.batch ? e.batch->size() : 0);
            }
        }
        ch.queue.push_back(std::move(e));
    } else if (e.kind == StreamElement::Kind::Records) {
        if (ch.queuedBatches >= m_capacity) {
            auto t0 = std::chrono::steady_clock::now();
            ch.producerWaiting = true;
            if (ch.counters) ch.counters->producerBlocked.set(1);
            bool ok = ch.notFull.wait(lock, stop, [&] { return ch.queuedBatches < m_capacity; });
            ch.producerWaiting = false;
            if (ch.counters) ch.counters->producerBlocked.set(0);
            if (ch.counters)
                ch.counters->blockedNs.add(
                    static_cast<std::uint64_t>((std::chrono::steady_clock::now() - t0).count()));
            if (!ok) return false;
        }
        ++ch.queuedBatches;
        if (ch.counters) {
            ch.counters->queuedBatches.set(static_cast<std::int64_t>(ch.queuedBatches));
            ch.counters->batches.add(1);
            ch.counters->records.add(e.batch ? e.batch->size() : 0);
        }
        ch.queue.push_back(std::move(e));
    } else if (e.kind == StreamElement::Kind::Watermark && !ch.queue.empty() &&
               ch.queue.back().kind == StreamElement::Kind::Watermark) {
        // Coalesce: a newer watermark supersedes one not yet taken (control stays bounded).
        if (e.value > ch.queue.back().value) ch.queue.back().value = e.value;
        return true;
    } else {
        ch.queue.push_back(std::move(e));
    }
    if (m_consumerWaiting) {
        m_consumerWaiting = false;
        lock.unlock();
        m_notEmpty.notify_one();
    }
    return true;
}

RecordBatchPtr InputGate::acquireBatch(int channel)
{
    Channel& ch = *m_channels[static_cast<std::size_t>(channel)];
    {
        std::lock_guard lock(m_mutex);
        if (!ch.free.empty()) {
            RecordBatchPtr b = std::move(ch.free.back());
            ch.free.pop_back();
            return b;
        }
    }
    return std::make_unique<RecordBatch>();
}

void InputGate::take(Channel& ch, std::size_t i, int& channel, StreamElement& e)
{
    e = std::move(ch.queue.front());
    ch.queue.pop_front();
    channel = static_cast<int>(i);
    if (e.kind != StreamElement::Kind::Records) return;
    --ch.queuedBatches;
    if (ch.counters) ch.counters->queuedBatches.set(static_cast<std::int64_t>(ch.queuedBatches));
}

bool InputGate::takeOrderedLocked(int& channel, StreamElement& e)
{
    // The smallest (procTime, channel) head, if no channel without queued elements could
    // still send something that sorts before it.
    std::size_t best = m_channels.size();
    for (std::size_t i = 0; i < m_channels.size(); ++i) {
        const Channel& ch = *m_channels[i];
        if (ch.queue.empty()) continue;
        if (best == m_channels.size() ||
            ch.queue.front().procTime < m_channels[best]->queue.front().procTime)
            best = i;
    }
    if (best == m_channels.size()) return false;
    const std::int64_t t = m_channels[best]->queue.front().procTime;
    for (std::size_t i = 0; i < m_channels.size(); ++i) {
        const Channel& ch = *m_channels[i];
        if (i == best || !ch.queue.empty()) continue;
        if (ch.frontier < t || (ch.frontier == t && i < best)) return false;
    }
    take(*m_channels[best], best, channel, e);
    return true;
}

bool InputGate::takeLocked(int& channel, StreamElement& e)
{
    if (m_ordered) return takeOrderedLocked(channel, e);
    const std::size_t n = m_channels.size();
    for (std::size_t k = 0; k < n; ++k) {
        std::size_t i = (m_next + k) % n;
        Channel& ch = *m_channels[i];
        if (ch.blocked || ch.queue.empty()) continue;
        e = std::move(ch.queue.front());
        ch.queue.pop_front();
        channel = static_cast<int>(i);
        if (e.kind == StreamElement::Kind::Records) {
            --ch.queuedBatches;
            if (ch.counters)
                ch.counters->queuedBatches.set(static_cast<std::int64_t>(ch.queuedBatches));
            if (ch.producerWaiting) ch.notFull.notify_one();
            // Stay on this channel for the next pop only if it has more; else move on (fairness).
            m_next = ch.queue.empty() ? i + 1 : i;
        } else {
            m_next = i;
        }
        return true;
    }
    return false;
}

InputGate::PopResult InputGate::pop(int& channel, StreamElement& e, const std::stop_token& stop,
                                    std::chrono::steady_clock::time_point deadline)
{
    std::unique_lock lock(m_mutex);
    while (true) {
        if (takeLocked(channel, e)) return PopResult::Element;
        if (stop.stop_requested()) return PopResult::Stopped;
        if (std::chrono::steady_clock::now() >= deadline) return PopResult::Timeout;
        m_consumerWaiting = true;
        m_notEmpty.wait_until(lock, stop, deadline, [&] { return !m_consumerWaiting; });
        m_consumerWaiting = false;
    }
}

InputGate::PopResult InputGate::tryPop(int& channel, StreamElement& e)
{
    std::lock_guard lock(m_mutex);
    return takeLocked(channel, e) ? PopResult::Element : PopResult::Timeout;
}

void InputGate::release(int channel, RecordBatchPtr batch)
{
    if (!batch) return;
    batch->clear();
    Channel& ch = *m_channels[static_cast<std::size_t>(channel)];
    std::lock_guard lock(m_mutex);
    if (ch.free.size() <= m_capacity) ch.free.push_back(std::move(batch));
}

void InputGate::setBlocked(int channel, bool blocked)
{
    std::lock_guard lock(m_mutex);
    m_channels[static_cast<std::size_t>(channel)]->blocked = blocked;
}

} // namespace sw::runtime
