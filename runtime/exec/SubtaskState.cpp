// The state side of Subtask: its part of a checkpoint (the operator's blobs plus the engine's
// watermark state) and restoring both from a checkpoint.
#include "exec/Subtask.h"
#include "state/StateCodec.h"

namespace sw::runtime {

namespace {
/// Engine state of a subtask, next to the operator's blobs (operators never use '~' keys).
const std::string kEngineKey = "~engine";
constexpr std::uint64_t kEngineFormat = 1;

class DiscardingWriter final : public StateWriter {
public:
    void put(const std::string&, std::string) override {}
};
} // namespace

SubtaskSnapshot Subtask::takeSnapshot(std::int64_t id, std::int64_t alignmentMs)
{
    if (!m_env.persistState) {
        DiscardingWriter w;
        m_op->snapshotState(id, w);
        return {};
    }
    BlobStateWriter w;
    m_op->snapshotState(id, w);
    // Watermarks: a source's generator (max timestamp, last emitted), an operator's per-input
    // watermarks and combined one, so a restored subtask neither re-fires nor lets late data in.
    StateOutput out;
    out.u64(kEngineFormat);
    if (m_source) {
        out.time(m_maxTs);
        out.time(m_lastWatermark);
    } else {
        const std::vector<EventTime> channels = m_aligner.channelWatermarks();
        out.u64(channels.size());
        for (EventTime t : channels)
            out.time(t);
        out.time(m_aligner.current());
    }
    w.put(kEngineKey, out.take());
    return SubtaskSnapshot{m_node.spec->id, m_index, std::move(w.blobs()), alignmentMs};
}

void Subtask::restoreState()
{
    static const StateBlobs kNone;
    const auto& all = m_restore->subtasks;
    const StateBlobs& own = static_cast<std::size_t>(m_index) < all.size()
                                ? all[static_cast<std::size_t>(m_index)]
                                : kNone;
    BlobStateReader reader(&own, &all);
    m_op->restoreState(reader);
    auto it = own.find(kEngineKey);
    if (it == own.end()) return;
    StateInput in(it->second);
    if (in.u64() != kEngineFormat) in.fail("unknown engine state format");
    if (m_source) {
        const EventTime maxTs = in.time(), last = in.time();
        if (!in.ok()) throw std::runtime_error(in.finish("engine state"));
        m_maxTs = maxTs;
        m_lastWatermark = last;
        if (m_wm && maxTs != kMinWatermark) m_wm->onEvent(maxTs);
        m_counters.watermark.set(last);
        return;
    }
    std::vector<EventTime> channels(in.count());
    for (EventTime& t : channels)
        t = in.time();
    const EventTime current = in.time();
    if (std::string e = in.finish("engine state"); !e.empty()) throw std::runtime_error(e);
    m_aligner.restore(channels, current);
    m_ctx.setCurrentWatermark(m_aligner.current());
    m_counters.watermark.set(m_aligner.current());
}

} // namespace sw::runtime
