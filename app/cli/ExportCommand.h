#pragma once
// `streamwright-run export FILE --target flink-sql|k8s|topics|readiness|all --out DIR [options]`
// (declared with the other subcommands in Commands.h).
#include "Commands.h"
