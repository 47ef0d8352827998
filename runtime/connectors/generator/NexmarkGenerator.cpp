#include "connectors/generator/NexmarkGenerator.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

namespace sw::runtime {

namespace {

constexpr std::int64_t kNumActivePeople = 1000;
constexpr std::int64_t kNumInFlightAuctions = 100;
constexpr std::int64_t kPersonIdLead = 10;
constexpr std::int64_t kAuctionIdLead = 10;
constexpr std::uint64_t kHotAuctionRatio = 2; // config.hotAuctionRatio
constexpr std::uint64_t kHotSellersRatio = 4; // config.hotSellersRatio
constexpr std::uint64_t kHotBiddersRatio = 4; // config.hotBiddersRatio
constexpr std::int64_t kHotBatch = 100;       // HOT_AUCTION/SELLER/BIDDER_RATIO constants
constexpr std::uint64_t kNumCategories = 5;
constexpr int kAvgPersonBytes = 200;
constexpr int kAvgAuctionBytes = 500;
constexpr int kAvgBidBytes = 100;
constexpr std::uint64_t kHotChannelsRatio = 2;
constexpr std::size_t kChannels = 10000;
constexpr std::size_t kPoolSize = 1 << 14; // > any string length asked for; small enough for L1

constexpr std::array<std::string_view, 6> kStates = {"AZ", "CA", "ID", "OR", "WA", "WY"};
constexpr std::array<std::string_view, 10> kCities = {
    "Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland",
    "Bend",    "Redmond",     "Seattle",       "Kent",  "Cheyenne"};
constexpr std::array<std::string_view, 11> kFirstNames = {
    "Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter"};
constexpr std::array<std::string_view, 9> kLastNames = {
    "Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"};
constexpr std::array<std::string_view, 4> kHotChannels = {"Google", "Facebook", "Baidu", "Apple"};

std::int64_t nextPrice(gen::EventRng& rng)
{
    // PriceGenerator: round(10^(6u) * 100) cents, log-uniform in [1.00, 1000000.00]; exp() of
    // u * 6 ln 10 is the same value (to the last bit or so) at half the cost of pow().
    constexpr double kSixLn10 = 13.815510557964274;
    return static_cast<std::int64_t>(std::llround(std::exp(rng.unit() * kSixLn10) * 100.0));
}

std::uint32_t reverseBits(std::uint32_t v)
{
    v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
    v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
    v = ((v >> 4) & 0x0f0f0f0fu) | ((v & 0x0f0f0f0fu) << 4);
    v = ((v >> 8) & 0x00ff00ffu) | ((v & 0x00ff00ffu) << 8);
    return (v >> 16) | (v << 16);
}

} // namespace

NexmarkGenerator::NexmarkGenerator(const GeneratorConfig& c) : EventGenerator(c)
{
    m_stream = c.nexmarkStream == "person"    ? Stream::Person
               : c.nexmarkStream == "auction" ? Stream::Auction
                                              : Stream::Bid;
    gen::EventRng pool(gen::mix64(c.seed ^ 0x9001ULL));
    m_letters.resize(kPoolSize);
    m_spaced.resize(kPoolSize);
    for (std::size_t i = 0; i < kPoolSize; ++i) {
        m_letters[i] = static_cast<char>('a' + pool.below(26));
        m_spaced[i] = pool.below(13) == 0 ? ' ' : static_cast<char>('a' + pool.below(26));
    }
    if (m_stream != Stream::Bid) return;
    // Channel URLs are fixed per seed (the reference caches them per process, from an unseeded
    // Random; seeding keeps same seed = same stream).
    gen::EventRng rng(gen::mix64(c.seed ^ 0xc4a22e15ULL));
    for (auto& u : m_hotUrls)
        u = baseUrl(rng);
    // One contiguous arena (~0.8 MB) rather than 20000 heap strings: a random channel costs
    // one cache miss, not three.
    m_urlOffsets.reserve(kChannels + 1);
    for (std::size_t i = 0; i < kChannels; ++i) {
        m_urlOffsets.push_back(static_cast<std::uint32_t>(m_urls.size()));
        m_urls += baseUrl(rng);
        if (rng.below(10) > 0) {
            auto rev = static_cast<std::int32_t>(reverseBits(static_cast<std::uint32_t>(i)));
            m_urls += "&channel_id=" + std::to_string(std::llabs(static_cast<long long>(rev)));
        }
    }
    m_urlOffsets.push_back(static_cast<std::uint32_t>(m_urls.size()));
}

std::uint64_t NexmarkGenerator::timelineIndex(std::uint64_t index) const
{
    switch (m_stream) {
    case Stream::Person:
        return index * kTotalProportion;
    case Stream::Auction:
        return (index / kAuctionProportion) * kTotalProportion + kPersonProportion +
               index % kAuctionProportion;
    case Stream::Bid:
        break;
    }
    return (index / kBidProportion) * kTotalProportion + kPersonProportion + kAuctionProportion +
           index % kBidProportion;
}

double NexmarkGenerator::timelineShare() const
{
    const double total = kTotalProportion;
    switch (m_stream) {
    case Stream::Person:
        return kPersonProportion / total;
    case Stream::Auction:
        return kAuctionProportion / total;
    case Stream::Bid:
        break;
    }
    return kBidProportion / total;
}

NexmarkGenerator::Stream NexmarkGenerator::streamOf(std::uint64_t eventId)
{
    std::uint64_t rem = eventId % kTotalProportion;
    if (rem < kPersonProportion) return Stream::Person;
    if (rem < kPersonProportion + kAuctionProportion) return Stream::Auction;
    return Stream::Bid;
}

std::int64_t NexmarkGenerator::lastBase0PersonId(std::uint64_t eventId)
{
    auto epoch = static_cast<std::int64_t>(eventId / kTotalProportion);
    auto offset = static_cast<std::int64_t>(eventId % kTotalProportion);
    if (offset >= static_cast<std::int64_t>(kPersonProportion)) offset = kPersonProportion - 1;
    return epoch * static_cast<std::int64_t>(kPersonProportion) + offset;
}

std::int64_t NexmarkGenerator::lastBase0AuctionId(std::uint64_t eventId)
{
    auto epoch = static_cast<std::int64_t>(eventId / kTotalProportion);
    auto offset = static_cast<std::int64_t>(eventId % kTotalProportion);
    const auto person = static_cast<std::int64_t>(kPersonProportion);
    const auto auction = static_cast<std::int64_t>(kAuctionProportion);
    if (offset < person) {
        --epoch; // about to generate a person: the last auction of the previous epoch
        offset = auction - 1;
    } else if (offset >= person + auction) {
        offset = auction - 1; // about to generate a bid: the last auction of this epoch
    } else {
        offset -= person;
    }
    return epoch * auction + offset;
}

std::int64_t NexmarkGenerator::nextBase0PersonId(std::uint64_t eventId, gen::EventRng& rng) const
{
    // A random person among the active ones, plus a few leads (not yet generated).
    std::int64_t numPeople = lastBase0PersonId(eventId) + 1;
    std::int64_t active = std::min(numPeople, kNumActivePeople);
    auto n =
        static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(active + kPersonIdLead)));
    return numPeople - active + n;
}

std::int64_t NexmarkGenerator::nextBase0AuctionId(std::uint64_t eventId, gen::EventRng& rng) const
{
    // A random auction likely still in flight, plus a few leads.
    std::int64_t maxAuction = lastBase0AuctionId(eventId);
    std::int64_t minAuction = std::max<std::int64_t>(maxAuction - kNumInFlightAuctions, 0);
    return minAuction + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(
                            maxAuction - minAuction + 1 + kAuctionIdLead)));
}

void NexmarkGenerator::appendString(gen::EventRng& rng, int maxLength, char special)
{
    // StringsGenerator.nextString: 3 + rand(maxLength - 3) chars, 1 in 13 is `special`; trimmed.
    auto len = 3 + static_cast<std::size_t>(rng.below(static_cast<std::uint64_t>(maxLength - 3)));
    const std::size_t start = m_buf.size();
    if (special != ' ') { // URLs, built once per generator
        while (len-- > 0)
            m_buf += rng.below(13) == 0 ? special : static_cast<char>('a' + rng.below(26));
        return;
    }
    m_buf.append(m_spaced, rng.below(kPoolSize - len), len);
    std::size_t first = m_buf.find_first_not_of(' ', start);
    if (first == std::string::npos) {
        m_buf.resize(start);
        return;
    }
    m_buf.erase(start, first - start);
    m_buf.resize(m_buf.find_last_not_of(' ') + 1);
}

void NexmarkGenerator::setExtra(gen::EventRng& rng, int currentSize, int averageSize, Value& out)
{
    // StringsGenerator.nextExtra: pads the event to `averageSize` bytes on average (+-20 %).
    std::size_t size = 0;
    if (currentSize <= averageSize) {
        int desired = averageSize - currentSize;
        auto delta = static_cast<int>(std::lround(desired * 0.2));
        int extra =
            delta == 0 ? 0 : static_cast<int>(rng.below(static_cast<std::uint64_t>(2 * delta)));
        size = static_cast<std::size_t>(desired - delta + extra);
    }
    size = std::min(size, kPoolSize);
    out.assignString(std::string_view(m_letters).substr(rng.below(kPoolSize - size + 1), size));
}

std::string NexmarkGenerator::baseUrl(gen::EventRng& rng)
{
    m_buf = "https://www.nexmark.com/";
    for (int i = 0; i < 3; ++i) {
        appendString(rng, 5, '_');
        m_buf += '/';
    }
    m_buf += "item.htm?query=1";
    return m_buf;
}

void NexmarkGenerator::fill(std::uint64_t index, EventTime eventTime, Row& row)
{
    const std::uint64_t eventId = timelineIndex(index);
    gen::EventRng rng = rngFor(eventId);
    switch (m_stream) {
    case Stream::Person:
        fillPerson(eventId, rng, eventTime, row);
        break;
    case Stream::Auction:
        fillAuction(eventId, rng, eventTime, row);
        break;
    case Stream::Bid:
        fillBid(eventId, rng, eventTime, row);
        break;
    }
}

void NexmarkGenerator::fillPerson(std::uint64_t eventId, gen::EventRng& rng, EventTime ts, Row& row)
{
    row.resize(8);
    row[0].setInteger(lastBase0PersonId(eventId) + kFirstPersonId);
    m_buf.clear();
    m_buf += kFirstNames[rng.below(kFirstNames.size())];
    m_buf += ' ';
    m_buf += kLastNames[rng.below(kLastNames.size())];
    row[1].assignString(m_buf);
    m_buf.clear();
    appendString(rng, 7, ' ');
    m_buf += '@';
    appendString(rng, 5, ' ');
    m_buf += ".com";
    row[2].assignString(m_buf);
    char cc[20];
    for (int g = 0; g < 4; ++g) {
        auto v = static_cast<unsigned>(rng.below(10000));
        char* p = cc + g * 5;
        p[0] = static_cast<char>('0' + v / 1000);
        p[1] = static_cast<char>('0' + v / 100 % 10);
        p[2] = static_cast<char>('0' + v / 10 % 10);
        p[3] = static_cast<char>('0' + v % 10);
        if (g < 3) p[4] = ' ';
    }
    row[3].assignString(std::string_view(cc, 19));
    row[4].assignString(kCities[rng.below(kCities.size())]);
    row[5].assignString(kStates[rng.below(kStates.size())]);
    row[6].setTimestamp(ts);
    const int size = 8 + static_cast<int>(row[1].asString().size() + row[2].asString().size() + 19 +
                                          row[4].asString().size() + 2);
    setExtra(rng, size, kAvgPersonBytes, row[7]);
}

void NexmarkGenerator::fillAuction(std::uint64_t eventId, gen::EventRng& rng, EventTime ts,
                                   Row& row)
{
    row.resize(10);
    const std::int64_t id = lastBase0AuctionId(eventId) + kFirstAuctionId;
    std::int64_t seller = rng.below(kHotSellersRatio) > 0
                              ? (lastBase0PersonId(eventId) / kHotBatch) * kHotBatch // hot seller
                              : nextBase0PersonId(eventId, rng);
    const auto category = kFirstCategoryId + static_cast<std::int64_t>(rng.below(kNumCategories));
    const std::int64_t initialBid = nextPrice(rng);
    // nextAuctionLengthMs: average length = time until numInFlightAuctions more auctions exist.
    const std::uint64_t eventsForAuctions =
        kNumInFlightAuctions * kTotalProportion / kAuctionProportion;
    const std::int64_t horizon = timeAt(eventId + eventsForAuctions) - ts;
    const std::int64_t expires =
        ts + 1 +
        static_cast<std::int64_t>(
            rng.below(static_cast<std::uint64_t>(std::max<std::int64_t>(horizon * 2, 1))));
    row[0].setInteger(id);
    m_buf.clear();
    appendString(rng, 20, ' ');
    row[1].assignString(m_buf);
    m_buf.clear();
    appendString(rng, 100, ' ');
    row[2].assignString(m_buf);
    row[3].setInteger(initialBid);
    row[4].setInteger(initialBid + nextPrice(rng));
    row[5].setTimestamp(ts);
    row[6].setTimestamp(expires);
    row[7].setInteger(seller + kFirstPersonId);
    row[8].setInteger(category);
    const int size = 8 + static_cast<int>(row[1].asString().size() + row[2].asString().size()) + 40;
    setExtra(rng, size, kAvgAuctionBytes, row[9]);
}

void NexmarkGenerator::fillBid(std::uint64_t eventId, gen::EventRng& rng, EventTime ts, Row& row)
{
    row.resize(7);
    std::int64_t auction =
        rng.below(kHotAuctionRatio) > 0
            ? (lastBase0AuctionId(eventId) / kHotBatch) * kHotBatch // hot auction
            : nextBase0AuctionId(eventId, rng);
    std::int64_t bidder =
        rng.below(kHotBiddersRatio) > 0
            ? (lastBase0PersonId(eventId) / kHotBatch) * kHotBatch + 1 // hot bidder
            : nextBase0PersonId(eventId, rng);
    row[0].setInteger(auction + kFirstAuctionId);
    row[1].setInteger(bidder + kFirstPersonId);
    row[2].setInteger(nextPrice(rng));
    if (rng.below(kHotChannelsRatio) > 0) {
        std::size_t i = rng.below(kHotChannels.size());
        row[3].assignString(kHotChannels[i]);
        row[4].assignString(m_hotUrls[i]);
    } else {
        const std::size_t ch = rng.below(kChannels);
        char name[24] = "channel-";
        auto end = std::to_chars(name + 8, name + sizeof name, ch).ptr;
        row[3].assignString(std::string_view(name, static_cast<std::size_t>(end - name)));
        row[4].assignString(std::string_view(m_urls).substr(
            m_urlOffsets[ch], m_urlOffsets[ch + 1] - m_urlOffsets[ch]));
    }
    row[5].setTimestamp(ts);
    setExtra(rng, 32, kAvgBidBytes, row[6]);
}

} // namespace sw::runtime
