#pragma once
// Nexmark person/auction/bid events following the reference generator (Apache Beam / Flink
// nexmark: GeneratorConfig, PersonGenerator, AuctionGenerator, BidGenerator, PriceGenerator,
// StringsGenerator) with its default configuration: proportions 1:3:46 per 50 event ids, first
// person/auction id 1000, first category 10 (5 categories), 1000 active people, 100 in-flight
// auctions, hot auction ratio 2, hot seller/bidder ratio 4 (the hottest are the first/second of
// the last batch of 100), id leads of 10, log-uniform prices round(10^(6u) * 100) cents,
// channels (Google/Facebook/Baidu/Apple half the time, else channel-0..9999 with cached URLs),
// `extra` padding to 200/500/100 average bytes.
//
// Differences (deliberate): random strings are slices of per-seed pools of letters (same
// alphabet and blank frequency as StringsGenerator) at random offsets, so a bid costs two small
// copies instead of ~70 random draws; each event's randomness is seeded from (seed, event id) so
// the stream is reproducible at any parallelism (Beam seeds per event id too; Flink's does not);
// the bidder id gets FIRST_PERSON_ID once (as in Beam; nexmark-flink adds it twice).
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "connectors/generator/EventGenerator.h"

namespace sw::runtime {

class NexmarkGenerator final : public EventGenerator {
public:
    enum class Stream { Person, Auction, Bid };
    static constexpr std::int64_t kFirstPersonId = 1000;
    static constexpr std::int64_t kFirstAuctionId = 1000;
    static constexpr std::int64_t kFirstCategoryId = 10;
    static constexpr std::uint64_t kPersonProportion = 1;
    static constexpr std::uint64_t kAuctionProportion = 3;
    static constexpr std::uint64_t kBidProportion = 46;
    static constexpr std::uint64_t kTotalProportion = 50;

    explicit NexmarkGenerator(const GeneratorConfig& c);

    Stream stream() const { return m_stream; }
    /// The Nexmark event id of the stream's `index`-th record.
    std::uint64_t timelineIndex(std::uint64_t index) const override;
    double timelineShare() const override;
    void fill(std::uint64_t index, EventTime eventTime, Row& row) override;

    /// Kind of Nexmark event id `eventId` in the 1:3:46 mix.
    static Stream streamOf(std::uint64_t eventId);
    /// Nexmark's lastBase0PersonId / lastBase0AuctionId (without the first-id offsets).
    static std::int64_t lastBase0PersonId(std::uint64_t eventId);
    static std::int64_t lastBase0AuctionId(std::uint64_t eventId);

private:
    void fillPerson(std::uint64_t eventId, gen::EventRng& rng, EventTime ts, Row& row);
    void fillAuction(std::uint64_t eventId, gen::EventRng& rng, EventTime ts, Row& row);
    void fillBid(std::uint64_t eventId, gen::EventRng& rng, EventTime ts, Row& row);
    std::int64_t nextBase0PersonId(std::uint64_t eventId, gen::EventRng& rng) const;
    std::int64_t nextBase0AuctionId(std::uint64_t eventId, gen::EventRng& rng) const;
    void appendString(gen::EventRng& rng, int maxLength, char special);
    void setExtra(gen::EventRng& rng, int currentSize, int averageSize, Value& out);
    std::string baseUrl(gen::EventRng& rng);

    Stream m_stream;
    std::string m_buf;     ///< scratch for string columns (reused)
    std::string m_letters; ///< seeded pool of 'a'-'z' (nextExactString draws slices of it)
    std::string m_spaced;  ///< seeded pool of 'a'-'z' with 1 in 13 blanks (nextString)
    std::array<std::string, 4> m_hotUrls;
    std::string m_urls;                      ///< URLs of channel-0..9999, concatenated
    std::vector<std::uint32_t> m_urlOffsets; ///< channel i: m_urls[off[i], off[i + 1])
};

} // namespace sw::runtime
