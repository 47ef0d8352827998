#pragma once
// The replay closure (exec/ReplayUnit.h): which commit vector a completed checkpoint may publish
// so that a restart replays every replay unit entirely or not at all.
//
// The proposal of checkpoint k is, per (origin, partition), C = min(position at k, hold at k).
// A unit U is *touched* by C when the replay from C reads some of its records
// (C_p <= hi_p(U) for some partition p) and *whole* when it reads all of them (C_p <= lo_p(U)
// for every p). close() lowers C until every unit is untouched or whole: repeatedly, for a
// touched unit that is not whole, C_p = min(C_p, lo_p(U)) for every partition of U (lowering one
// partition may touch another unit: a chain). The result is the greatest consistent vector below
// the proposal (consistent vectors are closed under componentwise max, and every lowering is
// forced). It is never below the previous result, which was consistent for the units it knew:
// a new window unit's records were in state (held) or read after the previous checkpoint. A
// dedup unit whose original was committed past before its duplicate was read cannot be repaired
// (the lowering is clamped at the previous result): only persisted dedup state would.
//
// A (origin, partition) with no position and no previous result was never committed by this run:
// the group's offset lies below everything read, so it counts as replayed from -infinity.
// A key without a proposal keeps its previous result (a partition revoked meanwhile).
//
// Units are dropped once the result is past all of their ranges (never touched again). Bounds:
// at most `maxUnits` (the oldest are merged: coarser but still correct) and, for liveness, a
// unit that lay entirely below the proposal for more than `maxAge` consecutive closes (it is
// kept only by a chain) is given up: data whose every window boundary is interleaved may leave no
// cut that splits no unit, and the commit would never move. An expired unit may be re-emitted
// partially after a restart (counted in expired()). A unit the proposal itself touches (the
// fired window just before an open one) never expires: it costs one window of replay.
//
// Not thread-safe (the coordinator calls it under its lock). Plain C++, unit-tested alone.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "exec/ReplayUnit.h"

namespace sw::runtime {

class ReplayClosure {
public:
    using Key = std::pair<const std::string*, std::int32_t>;
    using CommitVector = std::map<Key, std::int64_t>;

    static constexpr std::size_t kDefaultMaxUnits = 4096;
    explicit ReplayClosure(std::size_t maxUnits = kDefaultMaxUnits, int maxAge = 60)
        : m_maxUnits(maxUnits), m_maxAge(maxAge)
    {
    }

    /// A unit reported by an operator; it takes part from the next close() on.
    void add(ReplayUnit unit);
    /// Closes the proposal of a completed checkpoint and keeps the result as the new previous
    /// one; returns the whole vector (proposal keys and kept previous keys).
    const CommitVector& close(const CommitVector& proposal);

    const CommitVector& committed() const { return m_committed; }
    std::size_t unitCount() const { return m_units.size(); }
    /// Units given up for liveness (below the proposal for more than maxAge closes).
    std::uint64_t expired() const { return m_expired; }
    /// Lowerings applied by the last close() (0 = the proposal was consistent).
    std::size_t lastLowerings() const { return m_lastLowerings; }

private:
    struct Held {
        ReplayUnit unit;
        int behind = 0; // consecutive closes with the proposal past all of its ranges
    };
    void bound(const CommitVector& proposal);
    bool lower(const ReplayUnit& u, CommitVector& c, const CommitVector& floor);

    std::size_t m_maxUnits;
    int m_maxAge;
    std::vector<Held> m_units; // oldest first
    CommitVector m_committed;
    std::uint64_t m_expired = 0;
    std::size_t m_lastLowerings = 0;
};

} // namespace sw::runtime
