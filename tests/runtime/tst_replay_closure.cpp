// The replay closure (exec/ReplayClosure.h) alone and through the checkpoint coordinator: a
// commit vector never splits a replay unit (a fired window, a duplicate with its original):
// straddles on one partition and across partitions, chains of units, dedup-shaped units, units
// dropped once committed past, never below the previous commit, and on random inputs the result
// equals the greatest consistent vector found by brute force. No Kafka.
#include <QtTest/QtTest>

#include <array>
#include <limits>
#include <random>

#include "exec/CheckpointCoordinator.h"
#include "exec/ReplayClosure.h"

using namespace sw::runtime;

namespace {

using Vec = ReplayClosure::CommitVector;

struct Fixture {
    std::string o0 = "orders", o1 = "orders"; // two source subtasks of one topic: two origins
    ReplayClosure::Key p(int partition) const { return {&o0, partition}; }
    ReplayClosure::Key q(int partition) const { return {&o1, partition}; }
    /// A unit from {partition, lo, hi} triples on origin o0.
    ReplayUnit unit(std::initializer_list<std::array<std::int64_t, 3>> ranges) const
    {
        ReplayUnit u;
        for (const auto& r : ranges) {
            u.add(&o0, static_cast<std::int32_t>(r[0]), r[1]);
            u.add(&o0, static_cast<std::int32_t>(r[0]), r[2]);
        }
        return u;
    }
};

/// True when no unit is split by a replay from `c` (missing keys replay from -infinity).
bool consistent(const Vec& c, const std::vector<ReplayUnit>& units)
{
    for (const ReplayUnit& u : units) {
        bool touched = false, whole = true;
        for (const auto& r : u.ranges()) {
            auto it = c.find({r.origin, r.partition});
            std::int64_t v = it == c.end() ? std::numeric_limits<std::int64_t>::min() : it->second;
            touched = touched || v <= r.hi;
            whole = whole && v <= r.lo;
        }
        if (touched && !whole) return false;
    }
    return true;
}

} // namespace

class TestReplayClosure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void unitTracksRanges();
    void straddleOnOnePartition();
    void straddleAcrossPartitions();
    void chainedUnits();
    void dedupShapedUnit();
    void neverBelowThePreviousCommit();
    void unitsDroppedOnceCommittedPast();
    void unknownPartitionCountsAsReplayed();
    void expiredForLiveness();
    void randomAgainstBruteForce();
    void coordinatorClosesWhatSourcesCommit();
    void coordinatorWarnsWhenUnitsAreGivenUp();
};

void TestReplayClosure::unitTracksRanges()
{
    Fixture f;
    ReplayUnit u;
    u.add(&f.o0, 0, 15);
    u.add(&f.o0, 0, 10);
    u.add(&f.o0, 0, 30);
    u.add(&f.o1, 0, 7); // another origin, same partition number
    u.add(&f.o0, 1, 3);
    QCOMPARE(u.ranges().size(), std::size_t(3));
    QCOMPARE(u.ranges()[0].lo, std::int64_t(10));
    QCOMPARE(u.ranges()[0].hi, std::int64_t(30));
    ReplayUnit v;
    v.add(&f.o0, 1, 9);
    v.add(&f.o0, 2, 4);
    u.merge(v);
    QCOMPARE(u.ranges().size(), std::size_t(4));
    QCOMPARE(u.ranges()[2].lo, std::int64_t(3));
    QCOMPARE(u.ranges()[2].hi, std::int64_t(9));
    SourceHolds h;
    u.holdLowest(h);
    QCOMPARE(h.lowest(&f.o0, 0), std::optional<std::int64_t>(10));
    QCOMPARE(h.lowest(&f.o1, 0), std::optional<std::int64_t>(7));
    // Only Kafka provenance counts.
    ReplayUnit w;
    Provenance file{Provenance::Kind::File, -1, 12, std::make_shared<const std::string>("f"), {}};
    w.add(file);
    QVERIFY(w.empty());
}

void TestReplayClosure::straddleOnOnePartition()
{
    // Window [0,1) at offsets 10..20 fired; [1,2) is open and holds 15: committing 15 would
    // replay 15..20 of the fired window. The closure commits 10 (replays all of it).
    Fixture f;
    ReplayClosure c;
    c.add(f.unit({{0, 10, 20}}));
    Vec r = c.close({{f.p(0), 15}});
    QCOMPARE(r.at(f.p(0)), std::int64_t(10));
    QVERIFY(c.lastLowerings() > 0);
    QCOMPARE(c.unitCount(), std::size_t(1)); // still touched: kept
}

void TestReplayClosure::straddleAcrossPartitions()
{
    // Window W: p0 at 10..20 (all committed past: p0's proposal 25), p1 at 5..9 (p1's proposal
    // 7 lands inside). Both partitions go to W's start.
    Fixture f;
    ReplayClosure c;
    c.add(f.unit({{0, 10, 20}, {1, 5, 9}}));
    Vec r = c.close({{f.p(0), 25}, {f.p(1), 7}, {f.p(2), 40}});
    QCOMPARE(r.at(f.p(0)), std::int64_t(10));
    QCOMPARE(r.at(f.p(1)), std::int64_t(5));
    QCOMPARE(r.at(f.p(2)), std::int64_t(40)); // not in the unit
    // Past W on both: nothing lowered.
    ReplayClosure d;
    d.add(f.unit({{0, 10, 20}, {1, 5, 9}}));
    r = d.close({{f.p(0), 21}, {f.p(1), 10}});
    QCOMPARE(r.at(f.p(0)), std::int64_t(21));
    QCOMPARE(r.at(f.p(1)), std::int64_t(10));
    QCOMPARE(d.lastLowerings(), std::size_t(0));
}

void TestReplayClosure::chainedUnits()
{
    // U2 is split on p2 -> p1 goes to 35, which splits U1 -> p0 to 10 and p1 to 30.
    Fixture f;
    ReplayClosure c;
    std::vector<ReplayUnit> units = {f.unit({{0, 10, 20}, {1, 30, 40}}),
                                     f.unit({{1, 35, 50}, {2, 100, 110}})};
    for (const ReplayUnit& u : units)
        c.add(u);
    Vec r = c.close({{f.p(0), 25}, {f.p(1), 60}, {f.p(2), 105}});
    QCOMPARE(r.at(f.p(0)), std::int64_t(10));
    QCOMPARE(r.at(f.p(1)), std::int64_t(30));
    QCOMPARE(r.at(f.p(2)), std::int64_t(100));
    QVERIFY(consistent(r, units));
    // Across origins (two source subtasks): a unit links them like partitions.
    ReplayClosure d;
    ReplayUnit x;
    x.add(&f.o0, 0, 10);
    x.add(&f.o1, 0, 50);
    d.add(x);
    r = d.close({{f.p(0), 30}, {f.q(0), 40}});
    QCOMPARE(r.at(f.p(0)), std::int64_t(10)); // q0 at 40 replays 50: p0 replays from 10
    QCOMPARE(r.at(f.q(0)), std::int64_t(40));
}

void TestReplayClosure::dedupShapedUnit()
{
    // A duplicate at p1:100 dropped for its original at p0:5. A commit replaying the
    // duplicate (p1 at 80) must replay the original too.
    Fixture f;
    ReplayClosure c;
    c.add(f.unit({{0, 5, 5}, {1, 100, 100}}));
    Vec r = c.close({{f.p(0), 50}, {f.p(1), 80}});
    QCOMPARE(r.at(f.p(0)), std::int64_t(5));
    QCOMPARE(r.at(f.p(1)), std::int64_t(80));
    // Past both: untouched, dropped.
    r = c.close({{f.p(0), 50}, {f.p(1), 101}});
    QCOMPARE(r.at(f.p(0)), std::int64_t(50));
    QCOMPARE(c.unitCount(), std::size_t(0));
}

void TestReplayClosure::neverBelowThePreviousCommit()
{
    // The previous commit passed the original (p0: 50) before the duplicate was read: the
    // closure cannot repair that (documented) and never goes below what it published.
    Fixture f;
    ReplayClosure c;
    Vec r = c.close({{f.p(0), 50}, {f.p(1), 60}});
    QCOMPARE(r.at(f.p(0)), std::int64_t(50));
    c.add(f.unit({{0, 5, 5}, {1, 100, 100}}));
    r = c.close({{f.p(0), 70}, {f.p(1), 80}});
    QCOMPARE(r.at(f.p(0)), std::int64_t(50));
    QCOMPARE(r.at(f.p(1)), std::int64_t(80));
    // A proposal below the previous commit (not expected) is never raised.
    r = c.close({{f.p(0), 40}, {f.p(1), 80}});
    QCOMPARE(r.at(f.p(0)), std::int64_t(40));
}

void TestReplayClosure::unitsDroppedOnceCommittedPast()
{
    Fixture f;
    ReplayClosure c;
    c.add(f.unit({{0, 10, 20}}));
    c.add(f.unit({{0, 30, 40}, {1, 0, 3}}));
    Vec r = c.close({{f.p(0), 35}, {f.p(1), 9}}); // second unit split on p0
    QCOMPARE(r.at(f.p(0)), std::int64_t(30));
    QCOMPARE(r.at(f.p(1)), std::int64_t(0));
    QCOMPARE(c.unitCount(), std::size_t(1)); // the first is past
    r = c.close({{f.p(0), 41}, {f.p(1), 9}});
    QCOMPARE(r.at(f.p(0)), std::int64_t(41));
    QCOMPARE(r.at(f.p(1)), std::int64_t(9));
    QCOMPARE(c.unitCount(), std::size_t(0));
    // Keys without a proposal keep their previous value, also under a unit that would lower
    // them (what was committed for them stays so).
    c.add(f.unit({{0, 42, 50}, {1, 5, 9}}));
    r = c.close({{f.p(0), 45}});
    QCOMPARE(r.at(f.p(1)), std::int64_t(9));
    QCOMPARE(r.at(f.p(0)), std::int64_t(42));
}

void TestReplayClosure::unknownPartitionCountsAsReplayed()
{
    // p3 was never committed by this run: a replay reads all of it, so the unit is touched and
    // p0 must replay the unit's records too.
    Fixture f;
    ReplayClosure c;
    c.add(f.unit({{0, 10, 20}, {3, 5, 6}}));
    Vec r = c.close({{f.p(0), 30}});
    QCOMPARE(r.at(f.p(0)), std::int64_t(10));
    QVERIFY(!r.count(f.p(3)));
}

void TestReplayClosure::expiredForLiveness()
{
    // Every boundary interleaved: each new open window's hold lies inside the last fired one,
    // so a chain reaches back to the first window. Units below the proposal for more than
    // maxAge closes are given up, so the commit moves.
    Fixture f;
    ReplayClosure c(4096, 3);
    std::int64_t committed = 0;
    for (int k = 0; k < 10; ++k) {
        c.add(f.unit({{0, 10 * k, 10 * k + 12}})); // window k fired
        Vec r = c.close({{f.p(0), 10 * (k + 1)}}); // window k+1 open, holds 10(k+1) < 10k+12
        QVERIFY(r.at(f.p(0)) >= committed);
        committed = r.at(f.p(0));
    }
    QVERIFY(c.expired() > 0);
    QVERIFY(committed >= 50); // lags the proposal (100) by about maxAge windows
    QVERIFY(c.unitCount() <= 5);

    // A quiet stream (the proposal stays inside the last fired window): never given up.
    ReplayClosure q(4096, 3);
    q.add(f.unit({{0, 10, 20}}));
    for (int k = 0; k < 20; ++k)
        QCOMPARE(q.close({{f.p(0), 15}}).at(f.p(0)), std::int64_t(10));
    QCOMPARE(q.expired(), std::uint64_t(0));
}

void TestReplayClosure::randomAgainstBruteForce()
{
    // Three partitions, offsets 0..11. Each round: a monotone proposal and new units whose
    // ranges start at or after the previous result (units of records in state or read since);
    // the closure equals the greatest consistent vector between the previous result and the
    // proposal (brute force), which is never below the previous result.
    Fixture f;
    std::mt19937 rng(7);
    for (int trial = 0; trial < 300; ++trial) {
        ReplayClosure c;
        std::vector<ReplayUnit> all;
        Vec prev;
        std::int64_t prop[3] = {0, 0, 0};
        for (int round = 0; round < 4; ++round) {
            Vec proposal;
            for (int p = 0; p < 3; ++p) {
                std::int64_t floorP = prev.count(f.p(p)) ? prev.at(f.p(p)) : 0;
                prop[p] = std::max(prop[p], floorP) + static_cast<std::int64_t>(rng() % 4);
                proposal[f.p(p)] = std::min<std::int64_t>(prop[p], 11);
            }
            int n = static_cast<int>(rng() % 3);
            for (int i = 0; i < n; ++i) {
                ReplayUnit u;
                for (int p = 0; p < 3; ++p) {
                    if (rng() % 2) continue;
                    std::int64_t base = prev.count(f.p(p)) ? prev.at(f.p(p)) : 0;
                    std::int64_t lo = base + static_cast<std::int64_t>(rng() % 5);
                    std::int64_t hi = lo + static_cast<std::int64_t>(rng() % 5);
                    u.add(&f.o0, p, std::min<std::int64_t>(lo, 11));
                    u.add(&f.o0, p, std::min<std::int64_t>(hi, 11));
                }
                if (u.empty()) continue;
                all.push_back(u);
                c.add(u);
            }
            Vec got = c.close(proposal);
            // Brute force: every vector between prev and the proposal; keep the consistent ones.
            Vec best;
            bool found = false;
            std::int64_t lo[3], hi[3];
            for (int p = 0; p < 3; ++p) {
                lo[p] = prev.count(f.p(p)) ? prev.at(f.p(p)) : 0;
                hi[p] = proposal.at(f.p(p));
            }
            for (std::int64_t a = lo[0]; a <= hi[0]; ++a)
                for (std::int64_t b = lo[1]; b <= hi[1]; ++b)
                    for (std::int64_t d = lo[2]; d <= hi[2]; ++d) {
                        Vec v{{f.p(0), a}, {f.p(1), b}, {f.p(2), d}};
                        if (!consistent(v, all)) continue;
                        if (found)
                            QVERIFY(consistent({{f.p(0), std::max(a, best[f.p(0)])},
                                                {f.p(1), std::max(b, best[f.p(1)])},
                                                {f.p(2), std::max(d, best[f.p(2)])}},
                                               all)); // closed under max
                        for (int p = 0; p < 3; ++p)
                            best[f.p(p)] = std::max(found ? best[f.p(p)] : 0, v.at(f.p(p)));
                        found = true;
                    }
            QVERIFY2(found, "the previous result is always consistent");
            if (got != best) {
                qWarning("trial %d round %d", trial, round);
                QCOMPARE(got, best);
            }
            for (const auto& [k, v] : prev)
                QVERIFY(got.at(k) >= v);
            prev = got;
        }
    }
}

void TestReplayClosure::coordinatorClosesWhatSourcesCommit()
{
    // Participants: 0 = source (positions), 1 = window (hold 50, a fired window's unit 40..60),
    // 2 = dedup (a unit linking p1:7 with p0:45).
    Fixture f;
    CheckpointCoordinator cc(3, 1000000);
    std::int64_t id = cc.triggerNow();
    CheckpointAck src;
    src.positions.hold(&f.o0, 0, 100);
    src.positions.hold(&f.o0, 1, 30);
    cc.acknowledge(0, id, src);
    CheckpointAck win;
    win.holds.hold(&f.o0, 0, 50);
    win.units.push_back(f.unit({{0, 40, 60}}));
    cc.acknowledge(1, id, win);
    QCOMPARE(cc.completedId(), std::int64_t(0));
    cc.acknowledge(2, id, SourceHolds());
    QCOMPARE(cc.completedId(), id);
    auto [cid, closed] = cc.completed();
    QCOMPARE(cid, id);
    QCOMPARE(closed->lowest(&f.o0, 0), std::optional<std::int64_t>(40)); // hold 50 splits it
    QCOMPARE(closed->lowest(&f.o0, 1), std::optional<std::int64_t>(30));

    // Units reported with a checkpoint that never completes (subsumed) still count.
    std::int64_t lost = cc.triggerNow();
    CheckpointAck dedup;
    dedup.units.push_back(f.unit({{1, 35, 35}, {0, 45, 45}}));
    cc.acknowledge(2, lost, dedup);
    std::int64_t next = cc.triggerNow();
    src.positions.clear();
    src.positions.hold(&f.o0, 0, 200);
    src.positions.hold(&f.o0, 1, 35);
    cc.acknowledge(0, next, src);
    cc.acknowledge(1, next, SourceHolds()); // the window state is gone: no hold
    cc.acknowledge(2, next, SourceHolds());
    QCOMPARE(cc.completedId(), next);
    closed = cc.completed().second;
    // p1 at 35 replays the duplicate: p0 replays its original (45), which lies in the fired
    // window 40..60: p0 replays all of that (a chain).
    QCOMPARE(closed->lowest(&f.o0, 0), std::optional<std::int64_t>(40));
    QCOMPARE(closed->lowest(&f.o0, 1), std::optional<std::int64_t>(35));
    QCOMPARE(cc.replayUnits(), std::size_t(2));

    // A source that ended counts with its last positions; an operator's final units join.
    std::int64_t k = cc.triggerNow();
    src.positions.clear();
    src.positions.hold(&f.o0, 0, 300);
    src.positions.hold(&f.o0, 1, 40);
    cc.acknowledge(0, k, src);
    cc.finished(0, SourceHolds());
    cc.acknowledge(2, k, SourceHolds());
    cc.finished(1, SourceHolds(), {f.unit({{0, 250, 320}})}); // fired at its end
    QCOMPARE(cc.completedId(), k);
    closed = cc.completed().second;
    QCOMPARE(closed->lowest(&f.o0, 0), std::optional<std::int64_t>(250));
    QCOMPARE(closed->lowest(&f.o0, 1), std::optional<std::int64_t>(40));
    std::int64_t after = cc.triggerNow();
    cc.acknowledge(2, after, SourceHolds());
    QCOMPARE(cc.completedId(), after);
    QCOMPARE(cc.completed().second->lowest(&f.o0, 0), std::optional<std::int64_t>(250));
}

void TestReplayClosure::coordinatorWarnsWhenUnitsAreGivenUp()
{
    // Every boundary interleaved (as in expiredForLiveness), through the coordinator with a max
    // age of 2: the first units given up raise one warning; more within 10 minutes raise none.
    Fixture f;
    CheckpointCoordinator cc(2, 1000000, 2);
    std::vector<std::string> warnings;
    std::uint64_t expiredAtWarning = 0; // the sink must not call into the coordinator
    cc.setWarningSink([&](const std::string& m) { warnings.push_back(m); });
    for (int k = 0; k < 12; ++k) {
        std::int64_t id = cc.triggerNow();
        CheckpointAck src;
        src.positions.hold(&f.o0, 0, 10 * (k + 2));
        cc.acknowledge(0, id, src);
        CheckpointAck win;
        win.holds.hold(&f.o0, 0, 10 * (k + 1));                  // window k+1 open
        win.units.push_back(f.unit({{0, 10 * k, 10 * k + 12}})); // window k fired
        cc.acknowledge(1, id, win);
        QCOMPARE(cc.completedId(), id);
        if (cc.replayUnitsExpired() == 0) QVERIFY(warnings.empty());
        if (warnings.size() == 1 && expiredAtWarning == 0)
            expiredAtWarning = cc.replayUnitsExpired();
    }
    QCOMPARE(warnings.size(), std::size_t(1));
    QVERIFY(cc.replayUnitsExpired() > expiredAtWarning); // more given up later: not repeated
    QVERIFY2(warnings[0].find("re-emit those windows with partial results") != std::string::npos,
             warnings[0].c_str());
    // The commit moved on (given-up units no longer hold it at the first window).
    QVERIFY(*cc.completed().second->lowest(&f.o0, 0) > 10);

    // No units given up: no warning.
    CheckpointCoordinator quiet(1, 1000000, 2);
    bool warned = false;
    quiet.setWarningSink([&](const std::string&) { warned = true; });
    for (int k = 0; k < 5; ++k) {
        std::int64_t id = quiet.triggerNow();
        CheckpointAck a;
        a.positions.hold(&f.o0, 0, 10 * (k + 1));
        quiet.acknowledge(0, id, a);
    }
    QCOMPARE(quiet.completedId(), std::int64_t(5));
    QVERIFY(!warned);
}

QTEST_GUILESS_MAIN(TestReplayClosure)
#include "tst_replay_closure.moc"
