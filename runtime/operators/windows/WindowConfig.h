#pragma once
// Configuration shared by the window operators, parsed from a window node's properties.
#include <cstdint>
#include <vector>

#include "exec/Operator.h"
#include "operators/windows/Aggregates.h"
#include "operators/windows/GroupKey.h"
#include "operators/windows/WindowAssigner.h"

namespace sw::runtime {

struct WindowConfig {
    enum class Kind : std::uint8_t { Tumbling, Hop, Session, Global };
    Kind kind = Kind::Tumbling;
    std::int64_t size = 0;   ///< tumbling/hop
    std::int64_t slide = 0;  ///< hop
    std::int64_t offset = 0; ///< tumbling
    std::int64_t gap = 0;    ///< session
    std::int64_t allowedLateness = 0;
    bool eventTime = true;
    // global windows
    bool countTrigger = true;
    std::int64_t triggerCount = 100;
    std::int64_t triggerInterval = 10000;

    std::vector<int> keyColumns; ///< in the input schema
    Aggregates aggregates;
    Schema input;
    Schema output;
};

/// Shared plumbing: time (event-time windows move on the watermark, processing-time windows on
/// timers, both flush at the end of input), output rows, late records, the input's event time.
class WindowOperatorBase : public Operator {
public:
    explicit WindowOperatorBase(WindowConfig c) : m_c(std::move(c)) {}
    Status open(OperatorContext& ctx) override
    {
        m_ctx = &ctx;
        return Status::ok();
    }
    void processWatermark(EventTime watermark, Collector& out) override
    {
        if (m_c.eventTime) advance(watermark, out);
        out.emitWatermark(watermark);
    }
    void onProcessingTime(std::int64_t nowMs, Collector& out) override
    {
        if (!m_c.eventTime) advance(nowMs, out);
    }
    /// Event time: the final MAX watermark already fired everything. Processing time: flush the
    /// open windows so a bounded run reports all its data.
    void endOfInput(Collector& out) override { advance(kMaxWatermark, out); }

protected:
    /// Fires and purges what `time` (the watermark, or processing time) has passed. None by
    /// default: global windows fire on a count or on their own timer, not on time.
    virtual void advance(EventTime time, Collector& out)
    {
        (void)time;
        (void)out;
    }

    /// Emits [window_start, window_end,] keys..., aggregates... with event time `ts`.
    void emitResult(const TimeWindow* w, const GroupKey& key, const Acc* accs, EventTime ts,
                    Collector& out)
    {
        Row& row = m_out.row;
        row.clear();
        if (w) {
            row.push_back(Value::timestamp(w->start));
            row.push_back(Value::timestamp(w->end));
        }
        for (const Value& v : key.values)
            row.push_back(v);
        m_c.aggregates.results(accs, row);
        m_out.timestamp = ts;
        m_out.provenance = {};
        out.emit(m_out);
    }
    /// Sends a record whose windows are all past the allowed lateness to the errors port.
    void emitLate(const Record& r, Collector& out)
    {
        m_ctx->counters().late.add(1);
        out.emitError(ErrorClass::Late,
                      "late record: event time " + formatTimestamp(r.timestamp) +
                          " is behind watermark " + formatTimestamp(m_ctx->currentWatermark()) +
                          " beyond the allowed lateness",
                      r, m_c.input);
    }
    /// The time a record is assigned by: its event time, or processing time.
    EventTime timeOf(const Record& r) const
    {
        return m_c.eventTime ? r.timestamp : m_ctx->processingTimeMs();
    }

    WindowConfig m_c;
    OperatorContext* m_ctx = nullptr;
    Record m_out;
    std::uint64_t m_seq = 0;
};

} // namespace sw::runtime
