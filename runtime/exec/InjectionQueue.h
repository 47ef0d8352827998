#pragma once
// Records waiting to enter one subtask from outside the pipeline (Engine::inject: the DLQ
// replay of the designer and of `streamwright-run dlq replay`). Any thread pushes; the
// subtask's thread drains at its next loop iteration. The common case (nothing queued) costs
// one relaxed atomic load.
#include <atomic>
#include <mutex>
#include <vector>

#include "exec/Record.h"

namespace sw::runtime {

class InjectionQueue {
public:
    struct Item {
        int port = 0; ///< input port (sources: ignored, emitted on output 0)
        Record record;
    };
    void push(std::vector<Item> items)
    {
        std::lock_guard lock(m_mutex);
        for (Item& i : items)
            m_items.push_back(std::move(i));
        m_pending.store(!m_items.empty(), std::memory_order_release);
    }
    /// Takes everything queued; false when nothing was.
    bool drain(std::vector<Item>& out)
    {
        if (!pending()) return false;
        std::lock_guard lock(m_mutex);
        out.clear();
        out.swap(m_items);
        m_pending.store(false, std::memory_order_release);
        return !out.empty();
    }
    bool pending() const { return m_pending.load(std::memory_order_acquire); }

private:
    std::mutex m_mutex;
    std::vector<Item> m_items;
    std::atomic<bool> m_pending{false};
};

} // namespace sw::runtime
