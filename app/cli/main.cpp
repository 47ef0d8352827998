// streamwright-run: the headless CLI. Runtime only (no Qt): the same pipeline file the designer
// edits runs here in production.
#include <cstdio>
#include <cstring>
#include <string>

#include "Commands.h"

namespace {

const char* kUsage = R"(Usage: streamwright-run <command> [options]

Commands:
  validate FILE [--json]    Check a pipeline file: structure, properties, schemas,
                            expressions, event time, joins and topic naming.
                            Prints diagnostics for people (coloured on a terminal)
                            or as JSON with --json.
                            Exit codes: 0 valid (warnings allowed), 1 errors found,
                            2 file unreadable or not a pipeline file.
  run FILE [options]        Run a pipeline until its bounded inputs end, --events N,
                            --duration D or Ctrl-C (drains cleanly). See 'run --help'.
  export FILE --target T --out DIR
                            Export for production: T is flink-sql, k8s, topics,
                            readiness or all. See 'export --help'.
  dlq replay FILE [options] Feed the dead letters stored by the pipeline's dlq
                            node back into the pipeline at the nodes that failed
                            them. See 'dlq --help'.
  test FILE [--recording DIR] [--golden DIR] [--update]
                            Replay a recording (run --record DIR) and compare every
                            sink's output with golden files; exit 1 on a difference.
                            See 'test --help' and docs/recording.md.
  broker [--topics t1:3,t2:1]
                            Run only the embedded Kafka broker and Schema
                            Registry until Ctrl-C. See 'broker --help'.
  help, --help, -h          Show this help.
  --version                 Show the version.

Pipeline files use the format "streamwright.pipeline/1" (docs/pipeline-format.md).
)";

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    std::string cmd = argv[1];
    if (cmd == "help" || cmd == "--help" || cmd == "-h") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (cmd == "--version") {
        std::puts("streamwright-run 0.1.0");
        return 0;
    }
    if (cmd == "validate") return sw::cli::runValidateCommand(argc - 2, argv + 2);
    if (cmd == "run") return sw::cli::runRunCommand(argc - 2, argv + 2);
    if (cmd == "export") return sw::cli::runExportCommand(argc - 2, argv + 2);
    if (cmd == "dlq") return sw::cli::runDlqCommand(argc - 2, argv + 2);
    if (cmd == "broker") return sw::cli::runBrokerCommand(argc - 2, argv + 2);
    if (cmd == "test") return sw::cli::runTestCommand(argc - 2, argv + 2);
    std::fprintf(stderr, "streamwright-run: unknown command '%s'\n\n%s", cmd.c_str(), kUsage);
    return 2;
}
