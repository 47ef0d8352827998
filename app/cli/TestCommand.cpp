// streamwright-run test FILE: replays a recording into the pipeline (stream time, every source
// replaced, every sink captured) and compares each sink's output with its golden file
// (replay/GoldenOutput.h, docs/recording.md). Exit 0 = all equal (or --update wrote them),
// 1 = a difference or a failed run, 2 = bad usage, unreadable pipeline or recording.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "CommandSupport.h"
#include "Commands.h"
#include "RecordReplay.h"
#include "exec/Engine.h"
#include "replay/GoldenOutput.h"
#include "replay/ReplaySource.h"

namespace sw::cli {
namespace {

const char* kTestUsage = R"(Usage: streamwright-run test FILE [options]

Replays a recording into the pipeline and compares every sink's output with its
golden file (rows sorted, one "<row kind> <row JSON>" a line: diff-friendly).
  --recording DIR   the recording (default: <FILE without .pipeline.json>.test/recording)
  --golden DIR      the golden files, <sink id>.golden (default: <...>.test/golden)
  --update          write the golden files from this replay instead of comparing
  --parallelism N   the pipeline's default parallelism for this replay
Exit codes: 0 every sink matches (or --update), 1 a difference or a failed run,
            2 bad usage, or the pipeline or recording cannot be read.
)";

struct TestArgs {
    std::string file, recording, golden;
    bool update = false;
    RecordReplayArgs rr;
};

std::string testDirFor(const std::string& file)
{
    std::string stem = file;
    for (const char* ext : {".pipeline.json", ".json"})
        if (stem.size() > std::strlen(ext) && stem.ends_with(ext)) {
            stem.resize(stem.size() - std::strlen(ext));
            break;
        }
    return stem + ".test";
}

int parseTestArgs(int argc, char** argv, TestArgs& a)
{
    for (int i = 0; i < argc; ++i) {
        const std::string s = argv[i];
        auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        if (s == "--help" || s == "-h") {
            std::fputs(kTestUsage, stdout);
            return 0;
        }
        if (s == "--update") {
            a.update = true;
        } else if (s == "--recording" || s == "--golden") {
            const char* v = next();
            if (!v) {
                std::fprintf(stderr, "test: %s needs a directory\n", s.c_str());
                return 2;
            }
            (s == "--recording" ? a.recording : a.golden) = v;
        } else if (s == "--parallelism") {
            if (parseRecordReplayArg("test", s, next, a.rr) == 2) return 2;
        } else if (!s.empty() && s[0] == '-') {
            std::fprintf(stderr, "test: unknown option '%s'\n%s", s.c_str(), kTestUsage);
            return 2;
        } else if (a.file.empty()) {
            a.file = s;
        } else {
            std::fprintf(stderr, "test: only one FILE may be given\n");
            return 2;
        }
    }
    if (a.file.empty()) {
        std::fputs(kTestUsage, stderr);
        return 2;
    }
    const std::string dir = testDirFor(a.file);
    if (a.recording.empty()) a.recording = dir + "/recording";
    if (a.golden.empty()) a.golden = dir + "/golden";
    return -1;
}

std::optional<std::string> readText(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    if (!f) return std::nullopt;
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

/// Runs the replay to its end; false (printed) when it failed.
bool replayToEnd(const runtime::PipelineSpec& pipeline, runtime::EngineOptions opts,
                 const std::string& file)
{
    runtime::Engine engine;
    if (auto st = engine.start(pipeline, std::move(opts)); !st) {
        std::fprintf(stderr, "%s: %s\n", file.c_str(), st.message().c_str());
        return false;
    }
    engine.wait(-1);
    bool ok = engine.state() != runtime::EngineState::Failed;
    for (const runtime::EngineEvent& e : engine.pollEvents())
        if (e.kind == runtime::EngineEvent::Kind::Error) {
            std::fprintf(stderr, "error in %s: %s\n", e.nodeId.c_str(), e.message.c_str());
            ok = false;
        }
    return ok;
}

} // namespace

int runTestCommand(int argc, char** argv)
{
    TestArgs a;
    if (int rc = parseTestArgs(argc, argv, a); rc >= 0) return rc;
    auto loaded = loadPipelineOrReport(a.file);
    if (!loaded) return 2;
    applyParallelism(a.rr, *loaded);
    const runtime::PipelineSpec& pipeline = *loaded;
    runtime::EngineOptions opts;
    opts.dataDirectory = dataDirectoryFor(pipeline, "");
    runtime::applyPipelineSettings(opts, pipeline.settings);
    opts.restartStrategy = runtime::EngineOptions::RestartStrategy{
        runtime::EngineOptions::RestartStrategy::Kind::None};
    if (auto st = runtime::applyReplay(a.recording, pipeline, opts); !st) {
        std::fprintf(stderr, "test: %s\n", st.message().c_str());
        return 2;
    }
    runtime::SinkCapture capture;
    capture.install(pipeline, opts);
    if (!replayToEnd(pipeline, std::move(opts), a.file)) return 1;

    namespace fs = std::filesystem;
    int failures = 0;
    for (const std::string& sink : capture.sinks()) {
        const std::string path = (fs::path(a.golden) / (sink + ".golden")).string();
        const std::string actual = capture.golden(sink);
        if (a.update) {
            std::error_code ec;
            fs::create_directories(a.golden, ec);
            std::ofstream f(path, std::ios::binary | std::ios::trunc);
            f << actual;
            if (!f) {
                std::fprintf(stderr, "test: cannot write %s\n", path.c_str());
                return 1;
            }
            std::printf("wrote %s\n", path.c_str());
            continue;
        }
        auto expected = readText(path);
        if (!expected) {
            std::printf("FAIL sink '%s': no golden file %s (run with --update)\n", sink.c_str(),
                        path.c_str());
            ++failures;
            continue;
        }
        const std::string diff = runtime::diffGolden(
            sink, *expected, actual, capture.schemaOf(sink), capture.keyColumns(sink));
        if (diff.empty()) {
            std::printf("ok   sink '%s'\n", sink.c_str());
        } else {
            std::printf("FAIL %s", diff.c_str());
            ++failures;
        }
    }
    if (a.update) return 0;
    std::printf("%s: %zu sink(s), %d failed\n", failures ? "FAILED" : "PASSED",
                capture.sinks().size(), failures);
    return failures ? 1 : 0;
}

} // namespace sw::cli
