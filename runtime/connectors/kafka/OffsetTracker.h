#pragma once
// Which offsets of one partition are done, so the source commits only what is durable
// downstream. Records are registered in offset order when the source emits them, each needing a
// number of acknowledgements (one per sink it reaches); a record is done when all arrived.
// Records the source finishes itself (skipped, lost to retention) need none. The committable
// offset is the first offset that is not done (Kafka's "next offset to consume").
//
// Memory: one entry per emitted-but-undone record, capped (maxPending): past the cap records
// are still emitted but no longer tracked, and the commit point cannot pass them until the
// partition is re-assigned (they are re-read after a restart: duplicates, never loss).
#include <cstdint>
#include <deque>

namespace sw::runtime::kafka {

class OffsetTracker {
public:
    explicit OffsetTracker(std::int64_t startOffset, std::size_t maxPending = 1u << 20)
        : m_commit(startOffset), m_maxPending(maxPending)
    {
    }

    /// A record at `offset` (> every earlier one) was emitted and needs `acks` acknowledgements
    /// (0 = already done). Offsets between the previous record and this one (compacted, lost,
    /// control records) count as done.
    void emitted(std::int64_t offset, int acks);
    /// One acknowledgement for `offset`. Unknown offsets (older than the tracked range, after
    /// a re-assignment, or untracked past the cap) are ignored. Returns true when it counted.
    bool acknowledge(std::int64_t offset);

    /// The offset to commit: the first record not done (or one past the last emitted).
    std::int64_t committable() const { return m_commit; }
    /// Records emitted and not yet done.
    std::size_t pending() const { return m_pending.size(); }
    /// True once records beyond the cap were emitted untracked.
    bool overflowed() const { return m_overflow; }

private:
    struct Entry {
        std::int64_t offset;
        int remaining;
    };
    void advance();

    std::deque<Entry> m_pending; // increasing offsets
    std::int64_t m_commit;
    std::int64_t m_last = -1;        // last emitted offset
    std::int64_t m_lastTracked = -1; // last offset registered before an overflow
    std::size_t m_maxPending;
    bool m_overflow = false;
};

} // namespace sw::runtime::kafka
