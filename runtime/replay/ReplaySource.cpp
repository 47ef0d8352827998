#include "replay/ReplaySource.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "catalog/Catalog.h"
#include "exec/Operator.h"
#include "exec/OperatorContext.h"

namespace sw::runtime {

namespace {

/// Emits the recorded events of the files assigned to it (file i goes to subtask
/// i % parallelism), merged by (time, file), one event per poll.
class ReplaySource final : public SourceOperator {
public:
    ReplaySource(std::string node, std::vector<std::string> paths)
        : m_node(std::move(node)), m_paths(std::move(paths))
    {
    }

    Status open(OperatorContext& ctx) override
    {
        for (std::size_t f = 0; f < m_paths.size(); ++f) {
            auto events = RecordingReader::readFile(m_paths[f], m_node, ctx.outputSchemas());
            if (!events) return events.status();
            for (RecordedEvent& e : *events)
                m_events.push_back({std::move(e), f});
        }
        // Stable: within one file the recorded order; at equal times the lower file first.
        std::stable_sort(m_events.begin(), m_events.end(), [](const Item& a, const Item& b) {
            return a.event.t != b.event.t ? a.event.t < b.event.t : a.file < b.file;
        });
        m_watermarks.assign(m_paths.size(), kMinWatermark);
        m_ended.assign(m_paths.size(), false);
        return Status::ok();
    }

    std::optional<std::int64_t> nextProcessingTime() override
    {
        if (m_next >= m_events.size()) return std::nullopt;
        return m_events[m_next].event.t;
    }

    SourceStatus poll(Collector& out, std::size_t) override
    {
        while (m_next < m_events.size()) {
            Item& it = m_events[m_next++];
            RecordedEvent& e = it.event;
            switch (e.kind) {
            case RecordedEvent::Kind::Batch:
                for (auto& [port, r] : e.records)
                    out.emit(port, r);
                e.records.clear();
                e.records.shrink_to_fit();
                return SourceStatus::More;
            case RecordedEvent::Kind::Watermark:
                m_watermarks[it.file] = std::max(m_watermarks[it.file], e.watermark);
                m_haveWatermark = true;
                return SourceStatus::More;
            case RecordedEvent::Kind::Idle: // the engine's idleness follows the replayed time
                return SourceStatus::More;
            case RecordedEvent::Kind::End:
                m_ended[it.file] = true;
                return m_next < m_events.size() ? SourceStatus::More : SourceStatus::End;
            }
        }
        return SourceStatus::End;
    }

    /// The recorded watermarks (minimum over this subtask's files that have not ended), so
    /// downstream sees the watermarks of the recorded run, not ones re-derived from rows.
    std::optional<EventTime> splitWatermark() override
    {
        if (!m_haveWatermark) return std::nullopt;
        EventTime w = kMaxWatermark;
        bool any = false;
        for (std::size_t f = 0; f < m_watermarks.size(); ++f)
            if (!m_ended[f]) {
                w = std::min(w, m_watermarks[f]);
                any = true;
            }
        return any ? w : *std::max_element(m_watermarks.begin(), m_watermarks.end());
    }

private:
    struct Item {
        RecordedEvent event;
        std::size_t file = 0;
    };
    std::string m_node;
    std::vector<std::string> m_paths;
    std::vector<Item> m_events;
    std::size_t m_next = 0;
    std::vector<EventTime> m_watermarks;
    std::vector<bool> m_ended;
    bool m_haveWatermark = false;
};

} // namespace

Status applyReplay(const std::string& dir, const PipelineSpec& pipeline, EngineOptions& options)
{
    auto manifest = readManifest(dir);
    if (!manifest) return manifest.status();
    const std::string mpath = (std::filesystem::path(dir) / kRecordingManifest).string();
    std::set<std::string> recorded;
    for (const RecordedSource& s : manifest->sources)
        recorded.insert(s.node);
    std::set<std::string> sources;
    for (const NodeSpec& n : pipeline.nodes) {
        const NodeType* t = Catalog::instance().find(n.type);
        if (!t || !t->isSource()) continue;
        sources.insert(n.id);
        if (!recorded.count(n.id))
            return makeError(mpath + ": the recording has no source '" + n.id +
                             "' (a replay needs the same source ids)");
    }
    for (const RecordedSource& s : manifest->sources) {
        if (!sources.count(s.node))
            return makeError(mpath + ": recorded source '" + s.node +
                             "' is not a source of the pipeline");
        std::vector<std::string> paths;
        for (const std::string& f : s.files) {
            if (f.empty() || f.find('/') != std::string::npos)
                return makeError(mpath + ": source '" + s.node + "' lists a bad file name");
            paths.push_back((std::filesystem::path(dir) / f).string());
        }
        const std::string node = s.node;
        options.operatorOverrides[node] =
            [node, paths](const OperatorSpec& spec) -> Result<std::unique_ptr<Operator>> {
            std::vector<std::string> mine;
            for (std::size_t i = 0; i < paths.size(); ++i)
                if (static_cast<int>(i % static_cast<std::size_t>(spec.parallelism)) ==
                    spec.subtask)
                    mine.push_back(paths[i]);
            return makeOperator<ReplaySource>(node, std::move(mine));
        };
    }
    options.streamTime = true;
    options.streamTimeStartMs = manifest->startedMs;
    options.watermarkIntervalMs = 0; // a watermark after every replayed batch, as recorded
    options.restore = EngineOptions::Restore::None;
    return Status::ok();
}

} // namespace sw::runtime
