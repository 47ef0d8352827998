// Generator connector: determinism (seed, parallelism, checkpoints), event time, ratios of
// duplicates and malformed records, malformed bytes that really fail parsing, Zipf skew,
// Nexmark's 1:3:46 mix and id relationships, token-bucket pacing.
#include <QtTest>

#include <algorithm>
#include <map>
#include <set>

#include "ConnectorTestHarness.h"
#include "connectors/Pacing.h"
#include "connectors/format/JsonRowParser.h"
#include "connectors/generator/GeneratorSource.h"
#include "connectors/generator/NexmarkGenerator.h"
#include "connectors/generator/ZipfSampler.h"
#include "util/Utf8.h"

using namespace sw::runtime;
using namespace sw::test;
using nlohmann::json;

namespace {

constexpr std::int64_t kStart = 1704067200000; // 2024-01-01 00:00:00

struct Run {
    std::vector<Record> out;
    std::vector<Record> errors;
    Schema schema;
};

json props(json p)
{
    if (!p.contains("events_per_second")) p["events_per_second"] = 0;
    if (!p.contains("total_events")) p["total_events"] = 2000;
    return p;
}

Run generate(json p, int subtask = 0, int parallelism = 1)
{
    OperatorHarness h(makeNode("gen", "generator", props(std::move(p))), {}, subtask, parallelism);
    auto op = h.build(subtask, parallelism);
    if (!op) qFatal("%s", op.error().message.c_str());
    auto* src = dynamic_cast<SourceOperator*>(op->get());
    if (!src || !src->open(*h.ctx).isOk()) qFatal("cannot open generator");
    CaptureCollector cap(2, 1, "gen");
    int polls = 0;
    while (src->poll(cap.out(), 512) != SourceStatus::End && ++polls < 1000000) {
    }
    src->close();
    return {cap.records(0), cap.records(1), h.outputs[0]};
}

std::vector<std::string> rowsAsJson(const std::vector<Record>& rs, const Schema& s)
{
    std::vector<std::string> v;
    for (const auto& r : rs)
        v.push_back(rowToJson(r.row, s));
    return v;
}

std::vector<std::string> rawValues(const std::vector<Record>& errors)
{
    const int col = errorSchema().indexOf("raw_value");
    std::vector<std::string> v;
    for (const auto& r : errors)
        v.push_back(r.row[static_cast<std::size_t>(col)].asString());
    return v;
}

const Value& col(const Record& r, const Schema& s, const char* name)
{
    return r.row[static_cast<std::size_t>(s.indexOf(name))];
}

} // namespace

class TestGenerator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameStream_data();
    void sameSeedSameStream();
    void differentSeedDifferentStream();
    void parallelSharesEqualSerialStream();
    void checkpointRestoreContinuesStream();
    void eventTimeFollowsIndex();
    void duplicateAndMalformedRates();
    void malformedBytesFailParsing();
    void zipfSamplerMatchesDistribution_data();
    void zipfSamplerMatchesDistribution();
    void keySkewOrdersCustomers();
    void nexmarkMixAndIds();
    void nexmarkFieldDomains();
    void tokenBucketPaces();
    void stopInterruptsThrottledPoll();
    void badPropertiesAreReported();
};

void TestGenerator::sameSeedSameStream_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("stream");
    QTest::newRow("orders") << "orders"
                            << "bid";
    QTest::newRow("clickstream") << "clickstream"
                                 << "bid";
    QTest::newRow("iot") << "iot"
                         << "bid";
    QTest::newRow("nexmark-bid") << "nexmark"
                                 << "bid";
    QTest::newRow("nexmark-auction") << "nexmark"
                                     << "auction";
    QTest::newRow("nexmark-person") << "nexmark"
                                    << "person";
}

void TestGenerator::sameSeedSameStream()
{
    QFETCH(QString, kind);
    QFETCH(QString, stream);
    json p = {{"kind", kind.toStdString()},
              {"nexmark_stream", stream.toStdString()},
              {"seed", 7},
              {"duplicate_ratio", 0.05},
              {"malformed_ratio", 0.05},
              {"out_of_orderness", "2 s"},
              {"key_skew", 1.1}};
    Run a = generate(p), b = generate(p);
    QVERIFY(a.out.size() > 1500);
    QVERIFY(!a.errors.empty());
    QCOMPARE(rowsAsJson(a.out, a.schema), rowsAsJson(b.out, b.schema));
    QCOMPARE(rawValues(a.errors), rawValues(b.errors));
    for (std::size_t i = 0; i < a.out.size(); ++i)
        QCOMPARE(a.out[i].timestamp, b.out[i].timestamp);
}

void TestGenerator::differentSeedDifferentStream()
{
    Run a = generate({{"seed", 1}}), b = generate({{"seed", 2}});
    QCOMPARE(a.out.size(), b.out.size());
    auto ja = rowsAsJson(a.out, a.schema), jb = rowsAsJson(b.out, b.schema);
    std::size_t same = 0;
    for (std::size_t i = 0; i < ja.size(); ++i)
        same += ja[i] == jb[i];
    QVERIFY2(same < ja.size() / 50, qPrintable(QString("%1 identical rows").arg(same)));
}

void TestGenerator::parallelSharesEqualSerialStream()
{
    json p = {
        {"seed", 11}, {"duplicate_ratio", 0.1}, {"malformed_ratio", 0.03}, {"total_events", 3001}};
    Run serial = generate(p);
    std::vector<std::string> all, errs;
    for (int s = 0; s < 3; ++s) {
        Run part = generate(p, s, 3);
        // Subtask s owns the indices congruent to s (order_id = index + 1); only its
        // duplicates (re-emissions of any recent index) may carry other ids.
        std::size_t own = 0;
        for (const auto& r : part.out)
            own += (col(r, part.schema, "order_id").asInt() - 1) % 3 == s;
        QVERIFY(own > part.out.size() * 85 / 100);
        for (auto& j : rowsAsJson(part.out, part.schema))
            all.push_back(j);
        for (auto& e : rawValues(part.errors))
            errs.push_back(e);
    }
    auto expect = rowsAsJson(serial.out, serial.schema);
    auto expectErrs = rawValues(serial.errors);
    std::sort(all.begin(), all.end());
    std::sort(expect.begin(), expect.end());
    std::sort(errs.begin(), errs.end());
    std::sort(expectErrs.begin(), expectErrs.end());
    QCOMPARE(all, expect);
    QCOMPARE(errs, expectErrs);
}

void TestGenerator::checkpointRestoreContinuesStream()
{
    struct MapState : StateWriter, StateReader {
        std::map<std::string, std::string> m;
        void put(const std::string& k, std::string v) override { m[k] = std::move(v); }
        const std::string* get(const std::string& k) const override
        {
            auto it = m.find(k);
            return it == m.end() ? nullptr : &it->second;
        }
    } state;
    json p = props({{"seed", 5}, {"duplicate_ratio", 0.1}});
    Run full = generate(p);
    OperatorHarness h(makeNode("gen", "generator", p), {});
    CaptureCollector cap(2, 1);
    {
        auto op = h.build();
        auto* src = dynamic_cast<SourceOperator*>(op->get());
        QVERIFY(src->open(*h.ctx).isOk());
        for (int i = 0; i < 3; ++i)
            src->poll(cap.out(), 100);
        src->snapshotState(1, state);
    }
    auto op = h.build();
    auto* src = dynamic_cast<SourceOperator*>(op->get());
    QVERIFY(src->open(*h.ctx).isOk());
    src->restoreState(state);
    while (src->poll(cap.out(), 512) != SourceStatus::End) {
    }
    QCOMPARE(rowsAsJson(cap.records(0), h.outputs[0]), rowsAsJson(full.out, full.schema));
}

void TestGenerator::eventTimeFollowsIndex()
{
    Run fast = generate({{"total_events", 100}});
    for (std::size_t i = 0; i < fast.out.size(); ++i) {
        QCOMPARE(col(fast.out[i], fast.schema, "event_time").asTimestamp(),
                 kStart + static_cast<std::int64_t>(i));
        QCOMPARE(fast.out[i].timestamp, kStart + static_cast<std::int64_t>(i)); // rowtime set
    }
    // At 500 events/s event n is at start + 2n ms (independent of the wall clock); the
    // generator's clock paces emission, so keep the run short.
    GeneratorConfig c;
    c.eventsPerSecond = 500;
    auto g = EventGenerator::create(c);
    QCOMPARE((*g)->eventTime(7), kStart + 14);
    c.outOfOrdernessMs = 3000;
    g = EventGenerator::create(c);
    bool jittered = false;
    for (std::uint64_t i = 0; i < 1000; ++i) {
        EventTime t = (*g)->eventTime(i), sched = (*g)->scheduledTime(i);
        QVERIFY(t <= sched && t >= sched - 3000);
        QVERIFY(t >= kStart); // the jitter never reaches before start_time
        jittered = jittered || t != sched;
    }
    QVERIFY(jittered);
}

void TestGenerator::duplicateAndMalformedRates()
{
    const int total = 100000;
    Run r = generate({{"seed", 3},
                      {"total_events", total},
                      {"duplicate_ratio", 0.05},
                      {"malformed_ratio", 0.02}});
    std::map<std::int64_t, std::string> firstRow;
    std::size_t dupOut = 0;
    for (const auto& rec : r.out) {
        std::int64_t id = col(rec, r.schema, "order_id").asInt();
        std::string j = rowToJson(rec.row, r.schema);
        auto [it, fresh] = firstRow.emplace(id, j);
        if (!fresh) {
            ++dupOut;
            QCOMPARE(j, it->second); // a duplicate is the same event, not just the same id
        }
    }
    const double malformed = static_cast<double>(total - static_cast<int>(firstRow.size()));
    const double duplicates = static_cast<double>(r.out.size() + r.errors.size()) - total;
    QVERIFY2(std::abs(malformed - 0.02 * total) < 0.1 * 0.02 * total,
             qPrintable(QString::number(malformed)));
    QVERIFY2(std::abs(duplicates - 0.05 * total) < 0.06 * 0.05 * total,
             qPrintable(QString::number(duplicates)));
    QVERIFY(dupOut > 0);
}

void TestGenerator::malformedBytesFailParsing()
{
    Run r = generate({{"seed", 9}, {"total_events", 20000}, {"malformed_ratio", 0.05}});
    QVERIFY(r.errors.size() > 800);
    const Schema& es = errorSchema();
    JsonRowParser parser(r.schema);
    Row row;
    int invalidUtf8 = 0, truncated = 0;
    for (const auto& e : r.errors) {
        QCOMPARE(col(e, es, "error_class").asString(), std::string("parse"));
        QCOMPARE(col(e, es, "node_id").asString(), std::string("gen"));
        const std::string raw = col(e, es, "raw_value").asString();
        const std::string msg = col(e, es, "message").asString();
        QVERIFY(!raw.empty());
        QVERIFY2(!parser.parse(raw, row), raw.c_str());
        QVERIFY(parser.errorClass() == ErrorClass::Parse);
        QCOMPARE(msg, parser.error());
        QVERIFY(msg.find("JSON syntax error") != std::string::npos);
        QVERIFY(e.timestamp != kNoTimestamp); // keeps the event's time for watermarks
        invalidUtf8 += invalidUtf8At(raw) != std::string::npos;
        truncated += raw.back() != '}';
    }
    QVERIFY(invalidUtf8 > 0);
    QVERIFY(truncated > 0);
}

void TestGenerator::zipfSamplerMatchesDistribution_data()
{
    QTest::addColumn<qulonglong>("n");
    QTest::addColumn<double>("s");
    QTest::newRow("alias n=1000 s=1.2") << qulonglong(1000) << 1.2;
    QTest::newRow("alias n=50 s=0.5") << qulonglong(50) << 0.5;
    QTest::newRow("rejection n=1e6 s=1.0") << qulonglong(1000000) << 1.0;
    QTest::newRow("rejection n=1e6 s=2.0") << qulonglong(1000000) << 2.0;
    QTest::newRow("uniform n=10 s=0") << qulonglong(10) << 0.0;
}

void TestGenerator::zipfSamplerMatchesDistribution()
{
    QFETCH(qulonglong, n);
    QFETCH(double, s);
    gen::ZipfSampler z(n, s);
    gen::EventRng rng(123);
    const int samples = 400000;
    std::map<std::uint64_t, int> counts;
    for (int i = 0; i < samples; ++i) {
        std::uint64_t k = z.sample(rng);
        QVERIFY(k >= 1 && k <= n);
        if (k <= 5) ++counts[k];
    }
    for (std::uint64_t k = 1; k <= 5; ++k) {
        double expect = z.probability(k) * samples;
        double got = counts[k];
        QVERIFY2(std::abs(got - expect) < 0.05 * expect + 4 * std::sqrt(expect),
                 qPrintable(QString("k=%1 got %2 expected %3").arg(k).arg(got).arg(expect)));
        if (s > 0 && k > 1) QVERIFY(counts[k] < counts[k - 1]); // popularity falls with rank
    }
}

void TestGenerator::keySkewOrdersCustomers()
{
    Run r = generate({{"total_events", 50000}, {"key_cardinality", 100}, {"key_skew", 1.5}});
    std::map<std::int64_t, int> c;
    for (const auto& rec : r.out)
        ++c[col(rec, r.schema, "customer_id").asInt()];
    QVERIFY(c[1] > c[2] && c[2] > c[3] && c[3] > c[10] && c[10] > c[100]);
    QVERIFY(c.rbegin()->first <= 100 && c.begin()->first >= 1);
    Run u = generate({{"total_events", 50000}, {"key_cardinality", 100}, {"key_skew", 0.0}});
    std::map<std::int64_t, int> cu;
    for (const auto& rec : u.out)
        ++cu[col(rec, u.schema, "customer_id").asInt()];
    QCOMPARE(cu.size(), std::size_t(100));
    QVERIFY(cu[1] < 2 * cu[50]); // uniform: no hot key
}

void TestGenerator::nexmarkMixAndIds()
{
    // Unthrottled: one Nexmark event id per ms. Generate each stream for event ids < 10000
    // (plus auctions/persons a little beyond, so every referenced id exists).
    auto stream = [](const char* name, int total) {
        return generate(
            {{"kind", "nexmark"}, {"nexmark_stream", name}, {"total_events", total}, {"seed", 21}});
    };
    Run persons = stream("person", 220), auctions = stream("auction", 660),
        bids = stream("bid", 9200);
    auto before = [](const Run& r, std::int64_t limit) {
        return std::count_if(r.out.begin(), r.out.end(), [&](const Record& x) {
            return col(x, r.schema, "date_time").asTimestamp() < kStart + limit;
        });
    };
    QCOMPARE(before(persons, 10000), 200L); // 1 : 3 : 46 per 50 event ids
    QCOMPARE(before(auctions, 10000), 600L);
    QCOMPARE(before(bids, 10000), 9200L);

    std::map<std::int64_t, std::int64_t> personTime, auctionTime;
    for (std::size_t i = 0; i < persons.out.size(); ++i) {
        QCOMPARE(col(persons.out[i], persons.schema, "id").asInt(),
                 1000 + static_cast<std::int64_t>(i));
        personTime[1000 + static_cast<std::int64_t>(i)] =
            col(persons.out[i], persons.schema, "date_time").asTimestamp();
    }
    for (std::size_t i = 0; i < auctions.out.size(); ++i) {
        const Record& a = auctions.out[i];
        QCOMPARE(col(a, auctions.schema, "id").asInt(), 1000 + static_cast<std::int64_t>(i));
        auctionTime[1000 + static_cast<std::int64_t>(i)] =
            col(a, auctions.schema, "date_time").asTimestamp();
        std::int64_t seller = col(a, auctions.schema, "seller").asInt();
        QVERIFY2(personTime.count(seller), qPrintable(QString::number(seller)));
        QVERIFY(col(a, auctions.schema, "expires").asTimestamp() >
                col(a, auctions.schema, "date_time").asTimestamp());
    }
    int existingAuction = 0, existingBidder = 0, hotAuction = 0;
    std::map<std::int64_t, int> perAuction;
    for (const Record& b : bids.out) {
        const std::int64_t t = col(b, bids.schema, "date_time").asTimestamp();
        const auto eventId = static_cast<std::uint64_t>(t - kStart);
        std::int64_t auction = col(b, bids.schema, "auction").asInt();
        std::int64_t bidder = col(b, bids.schema, "bidder").asInt();
        QVERIFY(auctionTime.count(auction) && personTime.count(bidder));
        // Nexmark references at most 10 ids ahead of the last generated one ("leads").
        QVERIFY(auction <= NexmarkGenerator::lastBase0AuctionId(eventId) + 1000 + 10);
        QVERIFY(bidder <= NexmarkGenerator::lastBase0PersonId(eventId) + 1000 + 10);
        existingAuction += auctionTime[auction] <= t;
        existingBidder += personTime[bidder] <= t;
        hotAuction += (auction - 1000) % 100 == 0;
        ++perAuction[auction];
    }
    const double n = static_cast<double>(bids.out.size());
    QVERIFY2(existingAuction > 0.9 * n, qPrintable(QString::number(existingAuction)));
    QVERIFY2(existingBidder > 0.9 * n, qPrintable(QString::number(existingBidder)));
    QVERIFY(hotAuction > 0.45 * n); // hot auction ratio 2: half the bids go to the hot auction
}

void TestGenerator::nexmarkFieldDomains()
{
    Run bids = generate({{"kind", "nexmark"}, {"total_events", 20000}});
    int hotChannel = 0;
    for (const Record& b : bids.out) {
        std::int64_t price = col(b, bids.schema, "price").asInt();
        QVERIFY(price >= 100 && price <= 100000000);
        const std::string& ch = col(b, bids.schema, "channel").asString();
        const std::string& url = col(b, bids.schema, "url").asString();
        bool hot = ch == "Google" || ch == "Facebook" || ch == "Baidu" || ch == "Apple";
        hotChannel += hot;
        QVERIFY(hot || ch.rfind("channel-", 0) == 0);
        QVERIFY(url.rfind("https://www.nexmark.com/", 0) == 0);
        QVERIFY(col(b, bids.schema, "extra").asString().size() >= 54); // 68 +- 20 %
    }
    QVERIFY(std::abs(hotChannel - 0.5 * static_cast<double>(bids.out.size())) <
            0.05 * static_cast<double>(bids.out.size()));
    Run auctions =
        generate({{"kind", "nexmark"}, {"nexmark_stream", "auction"}, {"total_events", 3000}});
    for (const Record& a : auctions.out) {
        std::int64_t cat = col(a, auctions.schema, "category").asInt();
        QVERIFY(cat >= 10 && cat <= 14);
        QVERIFY(col(a, auctions.schema, "reserve").asInt() >
                col(a, auctions.schema, "initial_bid").asInt());
    }
    Run persons =
        generate({{"kind", "nexmark"}, {"nexmark_stream", "person"}, {"total_events", 1000}});
    std::set<std::string> states;
    for (const Record& p : persons.out) {
        states.insert(col(p, persons.schema, "state").asString());
        QVERIFY(col(p, persons.schema, "email_address").asString().find('@') != std::string::npos);
        QCOMPARE(col(p, persons.schema, "credit_card").asString().size(), std::size_t(19));
    }
    QCOMPARE(states, (std::set<std::string>{"AZ", "CA", "ID", "OR", "WA", "WY"}));
}

void TestGenerator::tokenBucketPaces()
{
    using namespace std::chrono;
    TokenBucket b(1000.0, 100.0);
    auto t0 = steady_clock::time_point(seconds(100));
    QCOMPARE(b.available(t0), std::uint64_t(1)); // the first event at once
    b.take(1);
    QCOMPARE(b.available(t0 + milliseconds(50)), std::uint64_t(50));
    b.take(50);
    QCOMPARE(b.available(t0 + milliseconds(50)), std::uint64_t(0));
    QVERIFY(b.untilNext() <= milliseconds(1) + microseconds(10) &&
            b.untilNext() > microseconds(900));
    QCOMPARE(b.available(t0 + seconds(10)), std::uint64_t(100)); // bounded burst after a stall
}

void TestGenerator::stopInterruptsThrottledPoll()
{
    OperatorHarness h(
        makeNode("gen", "generator", {{"events_per_second", 1}, {"total_events", 10}}), {});
    auto op = h.build();
    auto* src = dynamic_cast<SourceOperator*>(op->get());
    QVERIFY(src->open(*h.ctx).isOk());
    CaptureCollector cap(2, 1);
    QCOMPARE(src->poll(cap.out(), 512), SourceStatus::More); // first token
    h.stop.request_stop();
    for (int i = 0; i < 100; ++i)
        src->poll(cap.out(), 512); // would take >= 10 s without the stop
    QCOMPARE(cap.records(0).size(), std::size_t(1));
}

void TestGenerator::badPropertiesAreReported()
{
    OperatorHarness h(makeNode("g1", "generator", {{"start_time", "yesterday"}}), {});
    auto op = h.build();
    QVERIFY(!op);
    QVERIFY(op.error().message.find("start_time") != std::string::npos);
    QVERIFY(op.error().message.find("g1") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestGenerator)
#include "tst_generator.moc"
