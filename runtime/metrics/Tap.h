#pragma once
// A tap: a bounded ring buffer of copies of the records leaving one output port, for live event
// inspection. Untapped ports pay one relaxed atomic load per batch, nothing per record.
// A plain value the widgets read (records as rows); the engine's OutputPort fills it.
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "time/EventTime.h"
#include "types/Row.h"
#include "types/RowKind.h"
#include "types/Schema.h"

namespace sw::runtime {

struct TappedRecord {
    Row row;
    EventTime timestamp = kNoTimestamp;
    int subtask = 0;
    std::uint64_t sequence = 0;     ///< per tap, increasing; gaps mean the ring overwrote records
    RowKind kind = RowKind::Insert; ///< +I, -U, +U, -D
};

class Tap {
public:
    Tap(Schema schema, std::size_t capacity)
        : m_schema(std::move(schema)), m_capacity(capacity ? capacity : 1)
    {
    }

    const Schema& schema() const { return m_schema; }
    std::size_t capacity() const { return m_capacity; }

    /// Called by the engine (any subtask thread): copies the records in [begin, end) (anything
    /// with `row`, `timestamp` and `kind` members: exec's Record) in, overwriting the oldest.
    template <typename It> void append(It begin, It end, int subtask)
    {
        std::lock_guard lock(m_mutex);
        for (It r = begin; r != end; ++r)
            put(TappedRecord{r->row, r->timestamp, subtask, m_seq++, r->kind});
    }
    /// Takes (removes) the buffered records, oldest first. Any thread; never waits on I/O.
    std::vector<TappedRecord> take();
    /// Records offered since the tap was opened (including overwritten ones).
    std::uint64_t total() const;

private:
    void put(TappedRecord t); // m_mutex held

    Schema m_schema;
    std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::vector<TappedRecord> m_ring;
    std::size_t m_head = 0; // index of the oldest when full
    std::uint64_t m_seq = 0;
};

} // namespace sw::runtime
