#pragma once
// Subcommands of streamwright-run. Each takes the arguments after its name and returns the
// process exit code.
namespace sw::cli {

int runValidateCommand(int argc, char** argv);
int runExportCommand(int argc, char** argv);
int runRunCommand(int argc, char** argv);
int runBrokerCommand(int argc, char** argv);
int runDlqCommand(int argc, char** argv);
int runTestCommand(int argc, char** argv);

/// True when stdout is a terminal and NO_COLOR is not set.
bool useColour();

} // namespace sw::cli
