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
/// i % parallelism), merged by (time, file), one event per poll. Files are read as the replay
/// goes (a damaged line fails the run naming file and line when it is reached); headers and
/// schemas are checked at open.
class ReplaySource final : public SourceOperator {
public:
    ReplaySource(std::string node, std::vector<std::string> paths)
        : m_node(std::move(node)), m_paths(std::move(paths))
    {
    }

    Status open(OperatorContext& ctx) override
    {
        for (const std::string& path : m_paths) {
            auto r = RecordingReader::open(path, m_node, ctx.outputSchemas());
            if (!r) return r.status();
            m_files.push_back(File{std::move(*r), {}, false});
            try {
                advance(m_files.back());
            } catch (const std::exception& e) {
                return makeError(e.what());
            }
        }
        return Status::ok();
    }

    std::optional<std::int64_t> nextProcessingTime() override
    {
        const File* f = earliest();
        if (!f) return std::nullopt;
        return f->event.t;
    }

    SourceStatus poll(Collector& out, std::size_t) override
    {
        File* f = earliest();
        if (!f) return SourceStatus::End;
        RecordedEvent& e = f->event;
        switch (e.kind) {
        case RecordedEvent::Kind::Batch:
            for (auto& [port, r] : e.records)
                out.emit(port, r);
            break;
        case RecordedEvent::Kind::Watermark:
            f->watermark = std::max(f->watermark, e.watermark);
            m_haveWatermark = true;
            break;
        case RecordedEvent::Kind::Idle: // the engine's idleness follows the replayed time
            break;
        case RecordedEvent::Kind::End:
            f->ended = true;
            break;
        }
        advance(*f);
        return earliest() ? SourceStatus::More : SourceStatus::End;
    }

    /// The recorded watermarks (minimum over this subtask's files that have not ended), so
    /// downstream sees the watermarks of the recorded run, not ones re-derived from rows.
    std::optional<EventTime> splitWatermark() override
    {
        if (!m_haveWatermark) return std::nullopt;
        EventTime w = kMaxWatermark, all = kMinWatermark;
        bool any = false;
        for (const File& f : m_files) {
            all = std::max(all, f.watermark);
            if (f.ended) continue;
            w = std::min(w, f.watermark);
            any = true;
        }
        return any ? w : all;
    }

private:
    struct File {
        std::unique_ptr<RecordingReader> reader;
        RecordedEvent event; ///< the next event (when `pending`)
        bool pending = false;
        EventTime watermark = kMinWatermark;
        bool ended = false;
    };
    /// Reads `f`'s next event; a damaged file fails the run (the message names file and line).
    void advance(File& f)
    {
        auto more = f.reader->next(f.event);
        if (!more) throw std::runtime_error(more.error().message);
        f.pending = *more;
    }
    /// The file whose next event comes first: earliest time, then lowest file index.
    File* earliest()
    {
        File* best = nullptr;
        for (File& f : m_files)
            if (f.pending && (!best || f.event.t < best->event.t)) best = &f;
        return best;
    }

    std::string m_node;
    std::vector<std::string> m_paths;
    std::vector<File> m_files;
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
