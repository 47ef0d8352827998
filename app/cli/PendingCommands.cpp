// Subcommands whose implementation lands with later issues (run: runtime engine, issue 3;
// export: issue 7; broker: issue 4). Until then they say so plainly and fail.
#include <cstdio>

#include "Commands.h"

namespace sw::cli {

int runExportCommand(int, char**)
{
    std::fputs("streamwright-run export: not available yet in this build (export in progress)\n", stderr);
    return 2;
}

} // namespace sw::cli
