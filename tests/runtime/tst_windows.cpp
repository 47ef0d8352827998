// Stateless window pieces alone: assigners, triggers, aggregates (Flink semantics), and the
// keyed-state table.
#include <QtTest>

#include <map>
#include <random>

#include "operators/windows/Aggregates.h"
#include "operators/windows/KeyTable.h"
#include "operators/windows/WindowAssigner.h"

using namespace sw::runtime;

class TstWindows : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tumblingStartIsNonNegativeMod();
    void tumblingWithOffset();
    void hopAssignsSizeOverSlideWindows();
    void sessionWindowsTouchAndIntersect();
    void eventTimeTriggerFiresAtEndMinusOne();
    void lateAndCleanupTimes();
    void countTriggerFiresEveryN();
    void processingTimeSchedule();
    void aggregatesFollowFlinkTypes();
    void aggregatesMergeLikeSequential();
    void decimalAverageRoundsHalfUp();
    void keyTableMatchesAnOrderedMap();
};

void TstWindows::tumblingStartIsNonNegativeMod()
{
    TumblingAssigner t{1000};
    QCOMPARE(t.assign(0), (TimeWindow{0, 1000}));
    QCOMPARE(t.assign(999), (TimeWindow{0, 1000}));
    QCOMPARE(t.assign(1000), (TimeWindow{1000, 2000}));
    QCOMPARE(t.assign(-1), (TimeWindow{-1000, 0})); // before the epoch: mod made non-negative
    QCOMPARE(t.assign(-1000), (TimeWindow{-1000, 0}));
    QCOMPARE(t.assign(-1001), (TimeWindow{-2000, -1000}));
    QCOMPARE(windowStart(1'700'000'123'456, 0, 300'000), std::int64_t(1'700'000'100'000));
}

void TstWindows::tumblingWithOffset()
{
    TumblingAssigner t{1000, 300};
    QCOMPARE(t.assign(300), (TimeWindow{300, 1300}));
    QCOMPARE(t.assign(299), (TimeWindow{-700, 300}));
    QCOMPARE(t.assign(1299), (TimeWindow{300, 1300}));
    TumblingAssigner neg{1000, -300};
    QCOMPARE(neg.assign(0), (TimeWindow{-300, 700}));
}

void TstWindows::hopAssignsSizeOverSlideWindows()
{
    HopAssigner h{10000, 2000};
    auto w = h.assign(12345);
    QCOMPARE(w.size(), std::size_t(5));
    QCOMPARE(w.front(), (TimeWindow{12000, 22000})); // latest start first
    QCOMPARE(w.back(), (TimeWindow{4000, 14000}));
    for (const auto& x : w) QVERIFY(x.start <= 12345 && 12345 < x.end);
    auto edge = h.assign(12000); // exactly on a slide boundary
    QCOMPARE(edge.front(), (TimeWindow{12000, 22000}));
    QCOMPARE(edge.back(), (TimeWindow{4000, 14000}));
    auto neg = HopAssigner{3000, 1000}.assign(-1);
    QCOMPARE(neg.size(), std::size_t(3));
    QCOMPARE(neg.front(), (TimeWindow{-1000, 2000}));
}

void TstWindows::sessionWindowsTouchAndIntersect()
{
    SessionAssigner s{5000};
    TimeWindow a = s.assign(1000); // [1000, 6000)
    QCOMPARE(a, (TimeWindow{1000, 6000}));
    QVERIFY(a.intersects(s.assign(6000)));  // touching windows merge (Flink)
    QVERIFY(!a.intersects(s.assign(6001)));
    QVERIFY(a.intersects(s.assign(-4000))); // [-4000, 1000) touches from the left
    QVERIFY(!a.intersects(s.assign(-4001)));
}

void TstWindows::eventTimeTriggerFiresAtEndMinusOne()
{
    TimeWindow w{0, 1000};
    QCOMPARE(w.maxTimestamp(), EventTime(999));
    QVERIFY(EventTimeTrigger::onElement(w, 998) == TriggerResult::Continue);
    QVERIFY(EventTimeTrigger::onElement(w, 999) == TriggerResult::Fire); // late element re-fires
    QVERIFY(EventTimeTrigger::onEventTime(w, 999) == TriggerResult::Fire);
    QVERIFY(EventTimeTrigger::onEventTime(w, 1000) == TriggerResult::Continue);
}

void TstWindows::lateAndCleanupTimes()
{
    TimeWindow w{0, 1000};
    QVERIFY(!EventTimeTrigger::isWindowLate(w, 0, 998));
    QVERIFY(EventTimeTrigger::isWindowLate(w, 0, 999));
    QVERIFY(!EventTimeTrigger::isWindowLate(w, 500, 1498));
    QVERIFY(EventTimeTrigger::isCleanupTime(w, 500, 1499));
    QVERIFY(!EventTimeTrigger::isWindowLate(w, 0, kMinWatermark));
}

void TstWindows::countTriggerFiresEveryN()
{
    CountTrigger t{3};
    std::int64_t seen = 0;
    std::vector<bool> fires;
    for (int i = 0; i < 7; ++i) fires.push_back(t.onElement(seen) == TriggerResult::Fire);
    QCOMPARE(fires, (std::vector<bool>{false, false, true, false, false, true, false}));
}

void TstWindows::processingTimeSchedule()
{
    QCOMPARE(nextProcessingFire(12345, 1000), std::int64_t(13000));
    QCOMPARE(nextProcessingFire(13000, 1000), std::int64_t(14000));
}

namespace {
Schema aggInput()
{
    return Schema({{"i", DataType::bigint()},
                   {"d", DataType::float64()},
                   {"m", DataType::decimal(10, 2)},
                   {"s", DataType::string()}});
}
} // namespace

void TstWindows::aggregatesFollowFlinkTypes()
{
    nlohmann::json spec = nlohmann::json::parse(R"([
        {"function": "COUNT", "column": "*"}, {"function": "COUNT", "column": "s"},
        {"function": "COUNT_DISTINCT", "column": "s"}, {"function": "SUM", "column": "i"},
        {"function": "AVG", "column": "i"}, {"function": "SUM", "column": "m"},
        {"function": "AVG", "column": "m"}, {"function": "MIN", "column": "s"},
        {"function": "MAX", "column": "d"}, {"function": "FIRST_VALUE", "column": "s"},
        {"function": "LAST_VALUE", "column": "s"}, {"function": "SUM", "column": "d"}])");
    Schema out({{"c", DataType::bigint()}, {"cs", DataType::bigint()}, {"cd", DataType::bigint()},
                {"si", DataType::bigint()}, {"ai", DataType::bigint()}, {"sm", DataType::decimal(18, 2)},
                {"am", DataType::decimal(18, 6)}, {"mn", DataType::string()}, {"mx", DataType::float64()},
                {"f", DataType::string()}, {"l", DataType::string()}, {"sd", DataType::float64()}});
    auto a = Aggregates::fromProperty(spec, aggInput(), out, 0);
    QVERIFY(a.isOk());
    std::vector<Acc> acc;
    a->init(acc);
    std::uint64_t seq = 0;
    auto add = [&](Value i, Value d, Value m, Value s) { a->add(acc, Row{i, d, m, s}, ++seq); };
    add(Value::integer(7), Value::float64(1.5), Value::decimal(1050, 2), Value::null());
    add(Value::integer(-2), Value::float64(-3.0), Value::decimal(-25, 2), Value::string("b"));
    add(Value::null(), Value::null(), Value::null(), Value::string("a"));
    add(Value::integer(4), Value::float64(2.0), Value::decimal(1, 2), Value::string("b"));
    Row r;
    a->results(acc, r);
    QCOMPARE(r.size(), std::size_t(12));
    QCOMPARE(r[0].asInt(), std::int64_t(4));  // COUNT(*) counts NULL rows
    QCOMPARE(r[1].asInt(), std::int64_t(3));  // COUNT(s) does not
    QCOMPARE(r[2].asInt(), std::int64_t(2));  // distinct non-null
    QCOMPARE(r[3].asInt(), std::int64_t(9));
    QCOMPARE(r[4].asInt(), std::int64_t(3));  // 9 / 3, BIGINT AVG truncates like Java
    QCOMPARE(r[5].kind(), Value::Kind::Decimal);
    QCOMPARE(r[5].decimalUnscaled(), std::int64_t(1026)); // 10.26
    QCOMPARE(r[5].decimalScale(), 2);
    QCOMPARE(r[6].decimalScale(), 6);
    QCOMPARE(r[6].decimalUnscaled(), std::int64_t(3420000)); // 10.26 / 3 = 3.420000
    QCOMPARE(r[7].asString(), std::string("a"));
    QCOMPARE(r[8].asDouble(), 2.0);
    QCOMPARE(r[9].asString(), std::string("b")); // first non-null
    QCOMPARE(r[10].asString(), std::string("b"));
    QCOMPARE(r[11].asDouble(), 0.5);
    // No non-null input: SUM/AVG/MIN/... are NULL, counts are 0.
    std::vector<Acc> empty;
    a->init(empty);
    a->add(empty, Row{Value::null(), Value::null(), Value::null(), Value::null()}, 1);
    Row e;
    a->results(empty, e);
    QCOMPARE(e[0].asInt(), std::int64_t(1));
    QCOMPARE(e[1].asInt(), std::int64_t(0));
    QVERIFY(e[3].isNull() && e[4].isNull() && e[5].isNull() && e[7].isNull() && e[9].isNull());
    // Unknown columns and functions are reported.
    QVERIFY(!Aggregates::fromProperty(nlohmann::json::parse(R"([{"function":"SUM","column":"zz"}])"), aggInput(), out, 0).isOk());
    QVERIFY(!Aggregates::fromProperty(nlohmann::json::parse(R"([{"function":"MEDIAN","column":"i"}])"), aggInput(), out, 0).isOk());
}

void TstWindows::aggregatesMergeLikeSequential()
{
    nlohmann::json spec = nlohmann::json::parse(R"([
        {"function": "COUNT_DISTINCT", "column": "s"}, {"function": "MIN", "column": "i"},
        {"function": "FIRST_VALUE", "column": "s"}, {"function": "LAST_VALUE", "column": "s"},
        {"function": "SUM", "column": "m"}])");
    Schema out({{"a", DataType::bigint()}, {"b", DataType::bigint()}, {"c", DataType::string()},
                {"d", DataType::string()}, {"e", DataType::decimal(18, 2)}});
    auto a = Aggregates::fromProperty(spec, aggInput(), out, 0);
    QVERIFY(a.isOk());
    std::vector<Row> rows;
    for (int i = 0; i < 20; ++i)
        rows.push_back({Value::integer((i * 37) % 11), Value::null(), Value::decimal(i * 3, 2),
                        Value::string(std::string(1, char('a' + (i * 7) % 5)))});
    std::vector<Acc> all, left, right;
    a->init(all);
    a->init(left);
    a->init(right);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        a->add(all, rows[i], i + 1);
        a->add(i % 3 == 0 ? left : right, rows[i], i + 1); // interleaved arrival
    }
    a->merge(right, left);
    Row x, y;
    a->results(all, x);
    a->results(right, y);
    QCOMPARE(y, x);
}

void TstWindows::decimalAverageRoundsHalfUp()
{
    QCOMPARE(decimalAverage(1, 2, 2, 2), std::int64_t(1));    // 0.005 -> 0.01
    QCOMPARE(decimalAverage(-1, 2, 2, 2), std::int64_t(-1));  // -0.005 -> -0.01 (away from zero)
    QCOMPARE(decimalAverage(10, 2, 3, 6), std::int64_t(33333)); // 0.1 / 3 = 0.033333
    QCOMPARE(decimalAverage(20, 2, 3, 6), std::int64_t(66667));
    QCOMPARE(decimalAverage(123456789, 2, 1, 6), std::int64_t(1234567890000)); // 128-bit intermediate
}

/// KeyTable against std::map over Value's order (the equality the window operators group by):
/// random inserts, finds and erases of single INT keys (the fast path), numerically equal
/// DECIMAL/DOUBLE values (same group as the INT), NULLs, strings and two-column keys.
void TstWindows::keyTableMatchesAnOrderedMap()
{
    std::mt19937_64 rng(7);
    KeyTable<int> table;
    std::map<std::vector<Value>, std::pair<KeyTable<int>::Id, int>> ref;
    auto randomRow = [&](Row& row, std::vector<int>& cols) {
        row.clear();
        cols.clear();
        const auto v = static_cast<std::int64_t>(rng() % 300) - 20;
        switch (rng() % 8) {
        case 0:
            row.push_back(Value::decimal(v * 100, 2)); // equal to the INT v
            break;
        case 1:
            row.push_back(Value::float64(static_cast<double>(v))); // equal to the INT v
            break;
        case 2:
            row.push_back(rng() % 4 ? Value::string("k" + std::to_string(v)) : Value::null());
            break;
        case 3:
            row.push_back(Value::integer(v % 7));
            row.push_back(Value::string(std::to_string(v % 5)));
            cols = {0, 1};
            return;
        default:
            row.push_back(Value::integer(v));
            break;
        }
        cols = {0};
    };
    Row row;
    std::vector<int> cols;
    for (int step = 0; step < 200000; ++step) {
        randomRow(row, cols);
        const KeyView kv = keyViewOf(row, cols);
        std::vector<Value> key;
        for (int c : cols)
            key.push_back(row[static_cast<std::size_t>(c)]);
        auto it = ref.find(key);
        const KeyTable<int>::Id found = table.find(kv);
        QCOMPARE(found, it == ref.end() ? KeyTable<int>::kNone : it->second.first);
        if (it == ref.end()) {
            auto [id, inserted] = table.insert(kv);
            QVERIFY(inserted);
            table.value(id) = step;
            ref.emplace(key, std::make_pair(id, step));
        } else if (rng() % 3 == 0) {
            QCOMPARE(table.value(found), it->second.second);
            table.erase(found);
            ref.erase(it);
        } else {
            auto [id, inserted] = table.insert(kv);
            QVERIFY(!inserted);
            QCOMPARE(id, found);
            QVERIFY(table.key(id).values == it->first);
        }
        QCOMPARE(table.size(), ref.size());
    }
    std::size_t live = 0;
    for (const auto& [key, value] : table) {
        auto it = ref.find(key.values);
        QVERIFY(it != ref.end());
        QCOMPARE(value, it->second.second);
        ++live;
    }
    QCOMPARE(live, ref.size());
}

QTEST_APPLESS_MAIN(TstWindows)
#include "tst_windows.moc"
