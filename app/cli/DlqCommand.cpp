// streamwright-run dlq replay FILE: feeds the dead letters a pipeline's dlq node stored back into
// the pipeline, each at the node that failed it, on the same Engine::inject the designer's DLQ
// browser uses; then drains so every window fires.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "BrokerCommand.h"
#include "CommandSupport.h"
#include "Commands.h"
#include "catalog/Catalog.h"
#include "connectors/dlq/DeadLetterReplay.h"
#include "exec/Engine.h"
#include "exec/PhysicalPlan.h"

namespace sw::cli {
namespace {

const char* kDlqUsage = R"(Usage: streamwright-run dlq replay FILE [options]

Feeds the dead letters stored by the pipeline's dlq node (SQLite or JSONL
target) back into the pipeline, each at the node that failed it: records that
failed to parse at a source are re-parsed from their raw bytes (JSON sources),
others re-enter the failing node's input as their record JSON. Sources read
nothing new; the run then drains, so every window fires. Records that fail
again are dead letters again (appended to the same store).
  --dlq NODE        the dlq node whose store to read (default: the only one)
  --class C         only dead letters of error class C (parse, type, expression,
                    late, sink)
  --node N          only dead letters failed by node N
  --limit N         at most N dead letters (oldest first)
  --data-dir DIR    as for 'run' (default: ./<pipeline name>.data)
  --dry-run         prepare every record and report, run nothing
Exit codes: 0 every selected dead letter was replayed, 1 some could not be
prepared or the run failed, 2 usage or file errors.
)";

struct DlqArgs {
    std::string file, dlqNode, errorClass, failedNode, dataDir;
    std::size_t limit = 0;
    bool dryRun = false;
};

int parseArgs(int argc, char** argv, DlqArgs& a)
{
    if (argc < 1 || std::string(argv[0]) == "--help" || std::string(argv[0]) == "-h") {
        std::fputs(kDlqUsage, argc < 1 ? stderr : stdout);
        return argc < 1 ? 2 : 0;
    }
    if (std::string(argv[0]) != "replay") {
        std::fprintf(stderr, "dlq: unknown subcommand '%s'\n%s", argv[0], kDlqUsage);
        return 2;
    }
    for (int i = 1; i < argc; ++i) {
        const std::string s = argv[i];
        const char* v = (i + 1 < argc) ? argv[i + 1] : nullptr;
        auto value = [&](std::string& out) {
            if (!v) return false;
            out = v;
            ++i;
            return true;
        };
        std::string limit;
        bool ok = true;
        if (s == "--help" || s == "-h") {
            std::fputs(kDlqUsage, stdout);
            return 0;
        } else if (s == "--dry-run") {
            a.dryRun = true;
        } else if (s == "--dlq") {
            ok = value(a.dlqNode);
        } else if (s == "--class") {
            ok = value(a.errorClass);
        } else if (s == "--node") {
            ok = value(a.failedNode);
        } else if (s == "--data-dir") {
            ok = value(a.dataDir);
        } else if (s == "--limit") {
            ok = value(limit);
            char* end = nullptr;
            const long long n = ok ? std::strtoll(limit.c_str(), &end, 10) : 0;
            if (ok && (!end || *end || n <= 0)) {
                std::fprintf(stderr, "dlq: --limit needs a positive integer, got '%s'\n",
                             limit.c_str());
                return 2;
            }
            a.limit = static_cast<std::size_t>(n);
        } else if (!s.empty() && s[0] == '-') {
            std::fprintf(stderr, "dlq: unknown option '%s'\n%s", s.c_str(), kDlqUsage);
            return 2;
        } else if (a.file.empty()) {
            a.file = s;
        } else {
            std::fprintf(stderr, "dlq: only one FILE may be given\n");
            return 2;
        }
        if (!ok) {
            std::fprintf(stderr, "dlq: %s needs a value\n", s.c_str());
            return 2;
        }
    }
    if (a.file.empty()) {
        std::fputs(kDlqUsage, stderr);
        return 2;
    }
    return -1;
}

/// The dlq node to read: --dlq, else the pipeline's only one.
runtime::Result<const runtime::NodeSpec*> dlqNode(const runtime::PipelineSpec& p,
                                                  const std::string& wanted)
{
    std::vector<const runtime::NodeSpec*> found;
    for (const runtime::NodeSpec& n : p.nodes) {
        const runtime::NodeType* t = runtime::nodeTypeOf(n);
        if (t && t->deadLetters && (wanted.empty() || n.id == wanted)) found.push_back(&n);
    }
    if (found.empty())
        return runtime::makeError(wanted.empty() ? "the pipeline has no dlq node"
                                                 : "no dlq node '" + wanted + "'");
    if (found.size() > 1)
        return runtime::makeError("the pipeline has several dlq nodes: choose one with --dlq");
    return found.front();
}

struct Prepared {
    runtime::PortRef port;
    runtime::Record record;
};

/// Where the dead letters of node `nodeId` re-enter (a source's data output, else its first
/// input), whether that node is a source, and the schema records need there.
struct ReplayPort {
    runtime::PortRef port;
    bool source = false;
    const runtime::Schema* schema = nullptr;
};
std::optional<ReplayPort> replayPort(const runtime::PhysicalPlan& plan, const std::string& nodeId)
{
    const int idx = plan.indexOf(nodeId);
    if (idx < 0) return std::nullopt;
    const runtime::PlanNode& n = plan.nodes[static_cast<std::size_t>(idx)];
    if (n.type->isSource())
        return ReplayPort{{nodeId, n.type->outputs.front().name}, true, &n.outputSchemas.front()};
    if (n.type->inputs.empty()) return std::nullopt;
    return ReplayPort{{nodeId, n.type->inputs.front().name}, false, &n.inputSchemas.front()};
}

} // namespace

int runDlqCommand(int argc, char** argv)
{
    DlqArgs a;
    if (int rc = parseArgs(argc, argv, a); rc >= 0) return rc;
    auto loaded = loadPipelineOrReport(a.file);
    if (!loaded) return 2;
    const runtime::PipelineSpec& pipeline = *loaded;
    a.dataDir = dataDirectoryFor(pipeline, a.dataDir);
    auto node = dlqNode(pipeline, a.dlqNode);
    if (!node) {
        std::fprintf(stderr, "dlq: %s\n", node.error().message.c_str());
        return 2;
    }
    auto where = runtime::deadLetterLocation(**node, a.dataDir);
    if (!where) {
        std::fprintf(stderr, "dlq: %s\n", where.error().message.c_str());
        return 2;
    }
    if (where->target == "kafka") {
        std::fprintf(stderr,
                     "dlq: %s writes to a Kafka topic; replay reads SQLite and JSONL "
                     "stores only (read the topic with kcat)\n",
                     (*node)->id.c_str());
        return 2;
    }
    if (!std::filesystem::exists(where->path)) {
        std::printf("dlq: %s has no dead letters yet (%s does not exist)\n", (*node)->id.c_str(),
                    where->path.c_str());
        return 0;
    }
    auto letters = runtime::readDeadLetters(where->target, where->path);
    if (!letters) {
        std::fprintf(stderr, "dlq: %s\n", letters.error().message.c_str());
        return 2;
    }
    auto plan = runtime::compilePlan(pipeline);
    if (!plan) {
        std::fprintf(stderr, "%s: %s\n", a.file.c_str(), plan.error().message.c_str());
        return 2;
    }
    std::vector<Prepared> prepared;
    std::size_t selected = 0, failed = 0;
    for (const runtime::DeadLetter& d : *letters) {
        if (a.limit && selected >= a.limit) break;
        if (!a.errorClass.empty() && d.errorClass != a.errorClass) continue;
        if (!a.failedNode.empty() && d.nodeId != a.failedNode) continue;
        ++selected;
        const auto port = replayPort(*plan, d.nodeId);
        const runtime::NodeSpec* failing = pipeline.findNode(d.nodeId);
        auto rec = (!port || !failing)
                       ? runtime::Result<runtime::Record>(runtime::makeError(
                             "node '" + d.nodeId + "' is not in the pipeline or takes no records"))
                       : runtime::replayRecord(runtime::replayText(d), runtime::replaysRawBytes(d),
                                               *failing, port->source, *port->schema);
        if (!rec) {
            ++failed;
            std::printf("  not replayed: %s at %s: %s\n", d.errorClass.c_str(), d.nodeId.c_str(),
                        rec.error().message.c_str());
            continue;
        }
        prepared.push_back(Prepared{port->port, std::move(*rec)});
    }
    std::map<std::string, std::size_t> perNode;
    bool runFailed = false;
    if (a.dryRun) {
        for (const Prepared& p : prepared)
            ++perNode[p.port.node];
    } else {
        // Sources never read (the start gate stays closed): only the replayed records flow.
        auto kafka = KafkaRunInfo::prepare(pipeline);
        if (!kafka) {
            std::fprintf(stderr, "%s: %s\n", a.file.c_str(), kafka.error().message.c_str());
            return 2;
        }
        runtime::EngineOptions opts;
        opts.dataDirectory = a.dataDir;
        opts.startGated = true;
        runtime::Engine engine;
        if (auto st = engine.start(pipeline, opts); !st) {
            std::fprintf(stderr, "%s: %s\n", a.file.c_str(), st.message().c_str());
            return 2;
        }
        for (Prepared& p : prepared) {
            std::vector<runtime::Record> one;
            one.push_back(std::move(p.record));
            if (auto st = engine.inject(p.port, std::move(one)); !st) {
                ++failed;
                std::printf("  not replayed into %s: %s\n", p.port.node.c_str(),
                            st.message().c_str());
                continue;
            }
            ++perNode[p.port.node];
        }
        engine.stop(runtime::StopMode::DrainAll);
        engine.wait(-1);
        for (const runtime::EngineEvent& e : engine.pollEvents())
            if (e.kind == runtime::EngineEvent::Kind::Error) {
                runFailed = true;
                std::fprintf(stderr, "error: %s: %s\n", e.nodeId.c_str(), e.message.c_str());
            }
    }
    std::size_t replayed = 0;
    for (const auto& [id, n] : perNode) {
        replayed += n;
        std::printf("  %s %zu into %s\n", a.dryRun ? "would replay" : "replayed", n, id.c_str());
    }
    std::printf("dlq %s: %zu of %zu dead letters %s (%zu could not be prepared) from %s\n",
                (*node)->id.c_str(), replayed, selected, a.dryRun ? "prepared" : "replayed", failed,
                where->path.c_str());
    return failed > 0 || runFailed ? 1 : 0;
}

} // namespace sw::cli
