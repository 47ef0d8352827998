#pragma once
// Where an operator sends its output: records to output ports (by index in the node type's
// `outputs`), errors to the `errors` port, watermarks to all ports.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "exec/ErrorRecord.h"
#include "exec/OutputPort.h"
#include "exec/SourceRecorder.h"
#include "metrics/NodeMetrics.h"
#include "time/Clock.h"

namespace sw::runtime {

class Collector {
public:
    Collector() = default;
    Collector(std::string nodeId, std::vector<OutputPort> ports, int errorPort,
              SubtaskCounters* counters)
        : m_nodeId(std::move(nodeId)), m_ports(std::move(ports)), m_errorPort(errorPort),
          m_counters(counters)
    {
    }

    /// Sends `r` to output port `port` (0 = the main output). Swap semantics: afterwards `r`
    /// holds a recycled record's storage (unspecified content): clear/overwrite it to reuse it
    /// without allocating. May block while downstream is full (backpressure).
    void emit(int port, Record& r)
    {
        if (m_stamp) [[unlikely]]
            stamp(port, r);
        m_ports[static_cast<std::size_t>(port)].emit(r);
    }
    void emit(int port, Record&& r) { emit(port, r); }
    void emit(Record& r) { emit(0, r); }
    void emit(Record&& r) { emit(0, r); }

    /// Sends an error record (errorSchema()) for this node to its `errors` port and counts it.
    /// When the port is not connected the record is counted and reported once as an engine
    /// warning, never silently lost.
    void emitError(const ErrorInfo& info, EventTime eventTime = kNoTimestamp);
    /// Convenience: an error about `failed` (a record of schema `schema`): copies its
    /// provenance and renders it as JSON; a record that is not an insert (+I) names its row
    /// kind at the end of the message ("... (row kind -U)").
    void emitError(ErrorClass cls, std::string message, const Record& failed, const Schema& schema);

    /// Sends a watermark to every output port (the errors port too).
    void emitWatermark(EventTime w);

    /// Index of the `errors` port, or -1 when the node type has none.
    int errorPort() const { return m_errorPort; }
    bool connected(int port) const { return m_ports[static_cast<std::size_t>(port)].connected(); }
    std::size_t portCount() const { return m_ports.size(); }
    const std::string& nodeId() const { return m_nodeId; }

    // ---- engine side ----
    std::vector<OutputPort>& ports() { return m_ports; }
    /// Sends a control element to every port.
    void emitControl(const StreamElement& e);
    void flushAll();
    /// True when some port holds a partial batch older than `maxAge`.
    bool hasStale(std::chrono::steady_clock::time_point now, std::chrono::nanoseconds maxAge) const
    {
        for (const OutputPort& p : m_ports)
            if (p.hasStale(now, maxAge)) return true;
        return false;
    }
    /// The clock error rows take their error_time from (nullptr: the system clock).
    void setClock(const Clock* c) { m_clock = c; }
    /// Source mode: every record emitted (any port, after stamping) is shown to `r` first.
    void setRecorder(SourceRecorder* r) { m_recorder = r; }
    /// Moves per-port emit counts into the subtask's out counter.
    void updateCounters();
    /// Called with (node id, message) for errors on an unconnected errors port.
    void setUnconnectedErrorHandler(std::function<void(const std::string&)> h)
    {
        m_onUnconnectedError = std::move(h);
    }
    /// Source mode: records emitted on port 0 without a timestamp get it from column
    /// `rowtimeColumn` (-1 = none); the largest timestamp emitted is kept in *maxTimestamp.
    void setSourceStamping(int rowtimeColumn, EventTime* maxTimestamp)
    {
        m_stamp = true;
        m_rowtime = rowtimeColumn;
        m_maxTs = maxTimestamp;
    }

private:
    void stamp(int port, Record& r)
    {
        if (port != 0) {
            if (m_recorder) m_recorder->onRecord(port, r);
            return;
        }
        if (r.timestamp == kNoTimestamp && m_rowtime >= 0) {
            const Value& v = r.row[static_cast<std::size_t>(m_rowtime)];
            if (!v.isNull()) r.timestamp = v.asTimestamp();
        }
        if (r.timestamp != kNoTimestamp && r.timestamp > *m_maxTs) *m_maxTs = r.timestamp;
        if (m_recorder) m_recorder->onRecord(port, r);
    }

    std::string m_nodeId;
    std::vector<OutputPort> m_ports;
    int m_errorPort = -1;
    SubtaskCounters* m_counters = nullptr;
    std::function<void(const std::string&)> m_onUnconnectedError;
    bool m_reportedUnconnected = false;
    bool m_stamp = false;
    int m_rowtime = -1;
    EventTime* m_maxTs = nullptr;
    const Clock* m_clock = nullptr;
    SourceRecorder* m_recorder = nullptr;
};

} // namespace sw::runtime
