#pragma once
// `streamwright-run export FILE --target flink-sql|k8s|topics|readiness|all --out DIR [options]`

namespace sw::app {

/// Runs the export subcommand. `argv` holds the arguments after "export" (argv[0] is the first
/// of them, not a program name). Returns the process exit code: 0 written, 1 the pipeline could
/// not be loaded or exported, 2 bad usage. Output goes to stdout, errors to stderr.
int runExportCommand(int argc, char** argv);

} // namespace sw::app
