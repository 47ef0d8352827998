#include "exec/Collector.h"

namespace sw::runtime {

void Collector::emitError(const ErrorInfo& info, EventTime eventTime)
{
    if (m_counters) m_counters->errors.add(1);
    bool connected = m_errorPort >= 0 && m_ports[static_cast<std::size_t>(m_errorPort)].connected();
    if (!connected && !m_reportedUnconnected && m_onUnconnectedError) {
        m_reportedUnconnected = true;
        m_onUnconnectedError(std::string(toString(info.errorClass)) +
                             " error with no DLQ connected "
                             "to its errors output (counted in errors; first: " +
                             info.message + ")");
    }
    if (m_errorPort < 0) return;
    if (info.errorTime == 0 && m_clock) { // error_time is processing time (replays repeat it)
        ErrorInfo timed = info;
        timed.errorTime = m_clock->nowMs();
        Record r = makeErrorRecord(m_nodeId, timed, eventTime);
        m_ports[static_cast<std::size_t>(m_errorPort)].emit(r);
        return;
    }
    Record r = makeErrorRecord(m_nodeId, info, eventTime);
    m_ports[static_cast<std::size_t>(m_errorPort)].emit(r);
}

void Collector::emitError(ErrorClass cls, std::string message, const Record& failed,
                          const Schema& schema)
{
    ErrorInfo info;
    info.errorClass = cls;
    info.message = std::move(message);
    // A change that is not an insert says so: replaying its row as an insert would be wrong.
    if (failed.kind != RowKind::Insert)
        info.message += " (row kind " + std::string(toString(failed.kind)) + ")";
    info.provenance = failed.provenance;
    info.recordJson = rowToJson(failed.row, schema);
    emitError(info, failed.timestamp);
}

void Collector::emitWatermark(EventTime w)
{
    emitControl(StreamElement::watermark(w));
}

void Collector::emitControl(const StreamElement& e)
{
    for (OutputPort& p : m_ports)
        p.emitControl(e);
}

void Collector::flushAll()
{
    for (OutputPort& p : m_ports)
        p.flushAll();
}

void Collector::updateCounters()
{
    std::uint64_t out = 0;
    for (std::size_t i = 0; i < m_ports.size(); ++i) {
        std::uint64_t c = m_ports[i].takeCount();
        if (static_cast<int>(i) != m_errorPort) out += c;
    }
    if (m_counters && out) m_counters->recordsOut.add(out);
}

} // namespace sw::runtime
