#pragma once
// The `generator` node's source operator.
//
// Subtask i of p emits the records with index = i (mod p) below total_events (a disjoint,
// deterministic share; together the subtasks emit exactly the single-subtask stream). For each
// index: with probability malformed_ratio the event is serialized to JSON, corrupted and parsed
// again, and the parse failure goes to the errors port (class parse, raw bytes in raw_value);
// otherwise the row goes to `out`. After an index, with probability duplicate_ratio one of the
// subtask's previous (up to 16) indices is emitted again, exactly as it was the first time
// (same id, same event time, same bytes). All decisions hash (seed, index): same seed + same
// settings = same stream at any parallelism.
//
// Pacing: a token bucket on the subtask's steady clock refilled at rate / p (for a Nexmark
// stream, its share of the mixed rate), banking at most 100 ms of tokens; duplicates are free.
// Waits happen inside poll() in slices of at most 10 ms and end at once on a stop request.
#include <chrono>
#include <cstdint>
#include <memory>
#include <stop_token>
#include <string>

#include "connectors/Pacing.h"
#include "connectors/format/JsonRowParser.h"
#include "connectors/format/JsonRowWriter.h"
#include "connectors/generator/EventGenerator.h"
#include "exec/Operator.h"

namespace sw::runtime {

class GeneratorSource final : public SourceOperator {
public:
    GeneratorSource(std::unique_ptr<EventGenerator> generator, int subtask, int parallelism);

    Status open(OperatorContext& ctx) override;
    SourceStatus poll(Collector& out, std::size_t maxRecords) override;
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;

    /// Emits record `index` (its row or its malformed bytes) as the generator defines it.
    void emitIndex(std::uint64_t index, Collector& out);
    /// The corrupted JSON bytes of a malformed index and the parser's message (for tests).
    void malformedBytes(std::uint64_t index, std::string& bytes, std::string& message);
    bool isMalformed(std::uint64_t index) const;
    /// The earlier index re-emitted after `index`, or UINT64_MAX when none.
    std::uint64_t duplicateAfter(std::uint64_t index) const;

    const EventGenerator& generator() const { return *m_gen; }
    /// Records emitted so far by this subtask (fresh, duplicates, malformed).
    std::uint64_t emitted() const { return m_emitted; }

private:
    bool exhausted() const { return m_total != 0 && m_next >= m_total; }

    std::unique_ptr<EventGenerator> m_gen;
    const std::uint64_t m_subtask;
    const std::uint64_t m_parallelism;
    std::uint64_t m_total;
    std::uint64_t m_next; ///< next fresh index of this subtask's share
    std::uint64_t m_emitted = 0;
    bool m_setTimestamp = false; ///< the rowtime is the generator's own time column
    gen::HashStream m_malformed;
    gen::HashStream m_duplicate;
    gen::HashStream m_corrupt;
    TokenBucket m_bucket;
    const Clock* m_clock = &SystemClock::instance(); // pacing: the run's processing time
    Record m_record;
    JsonRowWriter m_writer;
    JsonRowParser m_parser;
    std::string m_bytes;
    std::string m_message;
};

} // namespace sw::runtime
