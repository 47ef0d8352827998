#pragma once
// Replay units (at-least-once by replay, exact for emitted windows): a set of Kafka offset
// ranges, per (source origin, partition), of records whose effect was emitted together (one
// fired tumbling window, a duplicate and the original it was dropped for). After a restart those
// records must be replayed all together or not at all: a replay of part of them rebuilds a
// partial window whose result overwrites the exact one in an upsert sink, or re-admits a
// duplicate whose original is not replayed. The checkpoint coordinator keeps the units and
// lowers the commit vector until no unit is split (exec/ReplayClosure.h).
//
// Keys are those of SourceHolds (the provenance origin's address and the partition; never
// dereferenced); only Kafka provenance counts. Like SourceHolds, a flat vector with a one-entry
// cache: tracking a record costs two compares when it hits the cached entry. Merging two units
// into one (their union, per partition the covering range) is always correct: it only makes the
// coordinator more conservative.
#include <cstdint>
#include <string>
#include <vector>

#include "exec/Record.h"
#include "exec/SourceHolds.h"

namespace sw::runtime {

class ReplayUnit {
public:
    struct Range {
        const std::string* origin = nullptr;
        std::int32_t partition = -1;
        std::int64_t lo = 0; ///< lowest offset of the unit's records in this partition
        std::int64_t hi = 0; ///< highest
    };

    /// Extends the unit with `position` of (origin, partition).
    void add(const std::string* origin, std::int32_t partition, std::int64_t position)
    {
        if (m_last < m_ranges.size()) {
            Range& e = m_ranges[m_last];
            if (e.origin == origin && e.partition == partition) {
                extend(e, position, position);
                return;
            }
        }
        addSlow(origin, partition, position, position);
    }
    /// Extends the unit with a record read from Kafka; other provenance is ignored.
    void add(const Provenance& p)
    {
        if (p.kind == Provenance::Kind::Kafka && p.origin && p.position >= 0)
            add(p.origin.get(), p.partition, p.position);
    }
    /// The union of this unit and `other`.
    void merge(const ReplayUnit& other)
    {
        for (const Range& r : other.m_ranges)
            addSlow(r.origin, r.partition, r.lo, r.hi);
    }
    /// Holds the lowest offset of every range (the commit hold of the records while in state).
    void holdLowest(SourceHolds& holds) const
    {
        for (const Range& r : m_ranges)
            holds.hold(r.origin, r.partition, r.lo);
    }

    bool empty() const { return m_ranges.empty(); }
    void clear()
    {
        m_ranges.clear();
        m_last = 0;
    }
    const std::vector<Range>& ranges() const { return m_ranges; }

private:
    static void extend(Range& e, std::int64_t lo, std::int64_t hi)
    {
        if (lo < e.lo) e.lo = lo;
        if (hi > e.hi) e.hi = hi;
    }
    void addSlow(const std::string* origin, std::int32_t partition, std::int64_t lo,
                 std::int64_t hi)
    {
        for (std::size_t i = 0; i < m_ranges.size(); ++i) {
            Range& e = m_ranges[i];
            if (e.origin == origin && e.partition == partition) {
                extend(e, lo, hi);
                m_last = i;
                return;
            }
        }
        m_last = m_ranges.size();
        m_ranges.push_back({origin, partition, lo, hi});
    }

    std::vector<Range> m_ranges;
    std::size_t m_last = 0;
};

} // namespace sw::runtime
