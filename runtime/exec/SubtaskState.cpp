// The state side of Subtask: its part of a checkpoint (the operator's blobs plus the engine's
// watermark state) and restoring both from a checkpoint.
#include "exec/Subtask.h"
#include "state/StateCodec.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

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
    // At another parallelism no old subtask is "this" one: keyed operators read their key
    // groups from every old subtask, union state every subtask's blobs (the engine refused
    // any other state, EngineRestore.cpp).
    const bool rescaled = m_restore->parallelism != m_node.parallelism;
    const StateBlobs& own = !rescaled && static_cast<std::size_t>(m_index) < all.size()
                                ? all[static_cast<std::size_t>(m_index)]
                                : kNone;
    BlobStateReader reader(&own, &all, keyGroupRangeOf(m_index, m_node.parallelism));
    m_op->restoreState(reader);
    std::optional<EngineState> restored;
    if (!rescaled) {
        if (auto it = own.find(kEngineKey); it != own.end()) restored = readEngineState(it->second);
    } else {
        // The lowest watermarks of the old subtasks (behind a key-hash edge they are equal),
        // never their channels' (another number of channels).
        for (const StateBlobs& b : all) {
            auto it = b.find(kEngineKey);
            if (it == b.end()) continue;
            EngineState e = readEngineState(it->second);
            e.channels.clear();
            if (!restored) {
                restored = std::move(e);
                continue;
            }
            restored->maxTs = std::min(restored->maxTs, e.maxTs);
            restored->watermark = std::min(restored->watermark, e.watermark);
        }
    }
    if (!restored) return;
    if (m_source) {
        m_maxTs = restored->maxTs;
        m_lastWatermark = restored->watermark;
        if (m_wm && m_maxTs != kMinWatermark) m_wm->onEvent(m_maxTs);
        m_counters.watermark.set(m_lastWatermark);
        return;
    }
    m_aligner.restore(restored->channels, restored->watermark);
    m_ctx.setCurrentWatermark(m_aligner.current());
    m_counters.watermark.set(m_aligner.current());
}

Subtask::EngineState Subtask::readEngineState(const std::string& blob) const
{
    StateInput in(blob);
    if (in.u64() != kEngineFormat) in.fail("unknown engine state format");
    EngineState e;
    if (m_source) {
        e.maxTs = in.time();
        e.watermark = in.time();
    } else {
        e.channels.resize(in.count());
        for (EventTime& t : e.channels)
            t = in.time();
        e.watermark = in.time();
    }
    if (std::string err = in.finish("engine state"); !err.empty()) throw std::runtime_error(err);
    return e;
}

} // namespace sw::runtime
