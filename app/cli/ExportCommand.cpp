#include "ExportCommand.h"

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "catalog/PipelineLoader.h"
#include "export/Exporter.h"

namespace sw::cli {
namespace {

namespace ex = sw::runtime::exporting;

constexpr const char* kUsage =
    "usage: streamwright-run export FILE --target flink-sql|k8s|topics|readiness|all --out DIR\n"
    "         [--name NAME] [--namespace NS] [--image IMAGE] [--flink-version v1_20]\n"
    "         [--kafka-cluster NAME] [--kafka-bootstrap HOST:PORT] [--state-dir URI]\n";

int usage(const std::string& problem)
{
    std::fprintf(stderr, "streamwright-run export: %s\n%s", problem.c_str(), kUsage);
    return 2;
}

struct Args {
    std::string file, out;
    ex::ExportTarget target = ex::ExportTarget::All;
    bool haveTarget = false;
    ex::ExportOptions options;
};

/// Parses the arguments; returns an empty string or the usage problem.
std::string parse(int argc, char** argv, Args& a)
{
    std::map<std::string, std::string*> values = {
        {"--out", &a.out},
        {"--name", &a.options.name},
        {"--namespace", &a.options.namespaceName},
        {"--image", &a.options.flinkImage},
        {"--flink-version", &a.options.flinkVersion},
        {"--kafka-cluster", &a.options.kafkaCluster},
        {"--kafka-bootstrap", &a.options.kafkaBootstrap},
        {"--state-dir", &a.options.stateDir},
    };
    for (int i = 0; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--target") {
            if (i + 1 >= argc) return "--target needs a value";
            auto t = ex::parseExportTarget(argv[++i]);
            if (!t) return std::string("unknown target '") + argv[i] + "'";
            a.target = *t;
            a.haveTarget = true;
        } else if (auto it = values.find(arg); it != values.end()) {
            if (i + 1 >= argc) return arg + " needs a value";
            *it->second = argv[++i];
        } else if (arg.rfind("--", 0) == 0) {
            return "unknown option '" + arg + "'";
        } else if (a.file.empty()) {
            a.file = arg;
        } else {
            return "more than one pipeline file given";
        }
    }
    if (a.file.empty()) return "no pipeline file given";
    if (!a.haveTarget) return "--target is required";
    if (a.out.empty()) return "--out is required";
    return {};
}

} // namespace

int runExportCommand(int argc, char** argv)
{
    Args a;
    if (argc == 1 && (std::string(argv[0]) == "--help" || std::string(argv[0]) == "-h")) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (std::string problem = parse(argc, argv, a); !problem.empty()) return usage(problem);
    auto pipeline = sw::runtime::loadPipelineFile(a.file);
    if (!pipeline) {
        std::fprintf(stderr, "%s: %s\n", a.file.c_str(), pipeline.error().toString().c_str());
        return 1;
    }
    auto bundle = ex::exportPipeline(pipeline.value(), a.target, a.options);
    if (!bundle) {
        std::fprintf(stderr, "%s: %s\n", a.file.c_str(), bundle.error().toString().c_str());
        return 1;
    }
    if (auto s = ex::writeBundle(bundle.value(), a.out); !s) {
        std::fprintf(stderr, "%s\n", s.message().c_str());
        return 1;
    }
    for (const auto& f : bundle->files)
        std::printf("wrote %s/%s\n", a.out.c_str(), f.path.c_str());
    int notExportable = 0;
    for (const auto& i : bundle->issues)
        notExportable += i.kind == ex::IssueKind::NotExportable;
    if (!bundle->issues.empty())
        std::printf("%zu export issue(s), %d not exportable:\n%s", bundle->issues.size(),
                    notExportable, ex::issuesToText(bundle->issues).c_str());
    return 0;
}

} // namespace sw::cli
