#include "RecordReplay.h"

#include <cstdio>
#include <cstdlib>

#include "catalog/Catalog.h"
#include "replay/ReplaySource.h"
#include "types/Duration.h"

namespace sw::cli {

const char* kRecordReplayUsage =
    R"(  --record DIR      record what every source emits into DIR (docs/recording.md)
  --record-max-duration D / --record-max-records N / --record-max-bytes N
                    bound the recording (it stops, the run goes on)
  --replay DIR      replace every source by its recording in DIR and run in the
                    recorded processing time (no broker or input files needed)
  --parallelism N   the pipeline's default parallelism for this run
)";

namespace {
bool positive(const char* v, std::uint64_t& out)
{
    char* end = nullptr;
    long long n = std::strtoll(v, &end, 10);
    if (!end || *end || n <= 0) return false;
    out = static_cast<std::uint64_t>(n);
    return true;
}
} // namespace

int parseRecordReplayArg(const std::string& cmd, const std::string& s,
                         const std::function<const char*()>& next, RecordReplayArgs& a)
{
    if (s != "--record" && s != "--replay" && s != "--record-max-duration" &&
        s != "--record-max-records" && s != "--record-max-bytes" && s != "--parallelism")
        return 0;
    const char* v = next();
    if (!v) {
        std::fprintf(stderr, "%s: %s needs a value\n", cmd.c_str(), s.c_str());
        return 2;
    }
    std::uint64_t n = 0;
    if (s == "--record") {
        a.record = v;
    } else if (s == "--replay") {
        a.replay = v;
    } else if (s == "--record-max-duration") {
        std::string err;
        auto d = runtime::parseDuration(v, &err);
        if (!d || *d <= 0) {
            std::fprintf(stderr, "%s: --record-max-duration: %s\n", cmd.c_str(),
                         d ? "must be positive" : err.c_str());
            return 2;
        }
        a.limits.maxDurationMs = *d;
    } else if (!positive(v, n)) {
        std::fprintf(stderr, "%s: %s needs a positive integer, got '%s'\n", cmd.c_str(), s.c_str(),
                     v);
        return 2;
    } else if (s == "--record-max-records") {
        a.limits.maxRecords = n;
    } else if (s == "--record-max-bytes") {
        a.limits.maxBytes = n;
    } else {
        a.parallelism = static_cast<int>(n);
    }
    return 1;
}

void applyParallelism(const RecordReplayArgs& a, runtime::PipelineSpec& pipeline)
{
    if (a.parallelism > 0) pipeline.settings.parallelism = a.parallelism;
}

runtime::PipelineSpec withoutSources(const runtime::PipelineSpec& pipeline)
{
    runtime::PipelineSpec p = pipeline;
    std::erase_if(p.nodes, [](const runtime::NodeSpec& n) {
        const runtime::NodeType* t = runtime::Catalog::instance().find(n.type);
        return t && t->isSource();
    });
    return p;
}

bool setUpRecordReplay(const RecordReplayArgs& a, const runtime::PipelineSpec& pipeline,
                       runtime::EngineOptions& opts,
                       std::unique_ptr<runtime::RecordingSession>& session)
{
    if (!a.record.empty() && !a.replay.empty()) {
        std::fprintf(stderr, "run: --record and --replay exclude each other\n");
        return false;
    }
    if (!a.replay.empty()) {
        if (auto st = runtime::applyReplay(a.replay, pipeline, opts); !st) {
            std::fprintf(stderr, "replay: %s\n", st.message().c_str());
            return false;
        }
        return true;
    }
    if (a.record.empty()) return true;
    session = std::make_unique<runtime::RecordingSession>(a.record, a.limits,
                                                          runtime::SystemClock::instance().nowMs());
    if (auto st = session->prepare(); !st) {
        std::fprintf(stderr, "record: %s\n", st.message().c_str());
        return false;
    }
    opts.sourceRecorders = session->factory();
    // A restart would rewind the sources and record their input twice: a recorded run fails
    // instead (the recording then ends with "closed").
    opts.restartStrategy = runtime::EngineOptions::RestartStrategy{
        runtime::EngineOptions::RestartStrategy::Kind::None};
    return true;
}

} // namespace sw::cli
