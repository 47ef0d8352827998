#pragma once
// What travels through a channel, in order: record batches and in-band control elements.
#include <cstdint>
#include <limits>

#include "exec/Record.h"

namespace sw::runtime {

/// One channel element. Control elements travel in-band, in order with the batches around them:
/// a watermark W sent after a batch guarantees the receiver processed that batch first.
struct StreamElement {
    enum class Kind : std::uint8_t {
        Records,    ///< `batch` holds records
        Watermark,  ///< `value` is the watermark: no later record on this channel has ts <= value
        Idle,       ///< the sender is idle: exclude this channel from watermark alignment
        Active,     ///< the sender is active again after Idle
        EndOfInput, ///< the sender will send nothing more; `value` 1 = stopped without drain
        Barrier,    ///< checkpoint barrier; `value` is the checkpoint id (aligned per input)
        Time,       ///< stream time (EngineOptions::streamTime): the sender's processing time
                    ///< moved to `procTime`; nothing earlier follows on this channel
    };
    Kind kind = Kind::Records;
    EventTime value = 0;
    /// Stream time only: the sender's processing time when it sent this element (non-decreasing
    /// per channel). Receivers take elements in (procTime, channel) order (exec/InputGate.h).
    std::int64_t procTime = 0;
    RecordBatchPtr batch; ///< only for Kind::Records

    static StreamElement records(RecordBatchPtr b)
    {
        StreamElement e;
        e.kind = Kind::Records;
        e.batch = std::move(b);
        return e;
    }
    static StreamElement watermark(EventTime w) { return control(Kind::Watermark, w); }
    static StreamElement idle() { return control(Kind::Idle, 0); }
    static StreamElement active() { return control(Kind::Active, 0); }
    /// End of input. `drained` false: the sender stopped without draining (an unbounded source
    /// stopped: its open state must not fire; Flink's stop without --drain): downstream keeps
    /// its watermark, skips endOfInput() and forwards the same kind of end.
    static StreamElement endOfInput(bool drained = true)
    {
        return control(Kind::EndOfInput, drained ? 0 : 1);
    }
    bool drained() const { return kind != Kind::EndOfInput || value == 0; }
    static StreamElement barrier(std::int64_t checkpointId)
    {
        return control(Kind::Barrier, checkpointId);
    }

    static StreamElement time(std::int64_t t)
    {
        StreamElement e = control(Kind::Time, 0);
        e.procTime = t;
        return e;
    }

private:
    static StreamElement control(Kind k, EventTime v)
    {
        StreamElement e;
        e.kind = k;
        e.value = v;
        return e;
    }
};

} // namespace sw::runtime
