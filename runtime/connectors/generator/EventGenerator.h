#pragma once
// Deterministic event generators: record `index` of a stream is a pure function of
// (seed, settings, index). The GeneratorSource decides which indices a subtask emits, when
// (pacing) and how (duplicates, malformed bytes); an EventGenerator only fills rows.
#include <cstdint>
#include <memory>

#include "connectors/generator/GeneratorConfig.h"
#include "connectors/generator/Random.h"
#include "time/EventTime.h"
#include "types/Row.h"
#include "types/Schema.h"
#include "util/Result.h"

namespace sw::runtime {

class EventGenerator {
public:
    explicit EventGenerator(const GeneratorConfig& config);
    virtual ~EventGenerator() = default;

    /// Builds the generator of config.kind (and config.nexmarkStream).
    static Result<std::unique_ptr<EventGenerator>> create(const GeneratorConfig& config);

    const GeneratorConfig& config() const { return m_config; }
    /// The output schema (catalog/GeneratorSchemas.h), rowtime not set.
    const Schema& schema() const { return m_schema; }

    /// Position of record `index` on the event timeline: the record index itself, except for a
    /// Nexmark stream, whose records sit at their Nexmark event ids in the 1:3:46 mix.
    virtual std::uint64_t timelineIndex(std::uint64_t index) const { return index; }
    /// Records of this stream per timeline step (1; a Nexmark stream's share of the 1:3:46 mix).
    virtual double timelineShare() const { return 1.0; }

    /// Event time before jitter: start + t * 1000 / rate ms (t = timelineIndex), or 1 ms per
    /// timeline step when unthrottled. Non-decreasing in index; independent of parallelism.
    EventTime scheduledTime(std::uint64_t index) const { return timeAt(timelineIndex(index)); }
    /// The scheduled event time of timeline position `t`.
    EventTime timeAt(std::uint64_t t) const;
    /// The record's event time: scheduledTime minus a deterministic jitter in
    /// [0, out_of_orderness], never before start_time.
    EventTime eventTime(std::uint64_t index) const;

    /// Writes record `index` into `row` (resized to the schema; existing string buffers reused
    /// where the Value API allows). `eventTime` is eventTime(index).
    virtual void fill(std::uint64_t index, EventTime eventTime, Row& row) = 0;

protected:
    /// Per-record field randomness: independent of every other record.
    gen::EventRng rngFor(std::uint64_t index) const
    {
        return gen::EventRng(m_fieldStream.at(index));
    }

    GeneratorConfig m_config;
    Schema m_schema;

private:
    gen::HashStream m_fieldStream;
    gen::HashStream m_jitterStream;
};

} // namespace sw::runtime
