// streamwright-run validate FILE [--json]
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "Commands.h"
#include "catalog/PipelineLoader.h"
#include "validate/Validator.h"

namespace sw::cli {
namespace {

const char* kValidateUsage = R"(Usage: streamwright-run validate FILE [--json]

Checks a pipeline file and prints its diagnostics.
  --json     machine-readable output: {"file", "valid", "errors", "warnings",
             "diagnostics": [{"severity", "node", "property", "message", "column"}]}
Exit codes: 0 valid (warnings allowed), 1 errors found, 2 file unreadable/not a pipeline.
)";

void printHuman(const std::string& file, const runtime::Diagnostics& diags, bool colour)
{
    const char* red = colour ? "\033[1;31m" : "";
    const char* yellow = colour ? "\033[1;33m" : "";
    const char* cyan = colour ? "\033[36m" : "";
    const char* bold = colour ? "\033[1m" : "";
    const char* reset = colour ? "\033[0m" : "";
    int errors = 0, warnings = 0;
    for (const auto& d : diags) {
        bool err = d.severity == runtime::Severity::Error;
        errors += err;
        warnings += d.severity == runtime::Severity::Warning;
        std::string where = d.nodeId.empty() ? std::string("pipeline") : "node " + d.nodeId;
        if (!d.property.empty()) where += ", " + d.property;
        if (d.column > 0) where += ", column " + std::to_string(d.column);
        std::printf("%s%s:%s %s%s%s: %s\n", err ? red : yellow,
                    std::string(runtime::toString(d.severity)).c_str(), reset, cyan, where.c_str(),
                    reset, d.message.c_str());
    }
    std::printf("%s%s: %d error(s), %d warning(s)%s\n", bold, file.c_str(), errors, warnings, reset);
}

nlohmann::json toJson(const std::string& file, const runtime::Diagnostics& diags)
{
    nlohmann::json arr = nlohmann::json::array();
    int errors = 0, warnings = 0;
    for (const auto& d : diags) {
        errors += d.severity == runtime::Severity::Error;
        warnings += d.severity == runtime::Severity::Warning;
        arr.push_back({{"severity", runtime::toString(d.severity)},
                       {"node", d.nodeId},
                       {"property", d.property},
                       {"message", d.message},
                       {"column", d.column}});
    }
    return {{"file", file},      {"valid", errors == 0}, {"errors", errors},
            {"warnings", warnings}, {"diagnostics", arr}};
}

} // namespace

bool useColour() { return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr; }

int runValidateCommand(int argc, char** argv)
{
    std::string file;
    bool json = false;
    for (int i = 0; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            std::fputs(kValidateUsage, stdout);
            return 0;
        }
        if (a == "--json") json = true;
        else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "validate: unknown option '%s'\n%s", a.c_str(), kValidateUsage);
            return 2;
        } else if (file.empty()) file = a;
        else {
            std::fprintf(stderr, "validate: only one FILE may be given\n");
            return 2;
        }
    }
    if (file.empty()) {
        std::fputs(kValidateUsage, stderr);
        return 2;
    }
    auto loaded = runtime::loadPipelineFile(file);
    if (!loaded) {
        if (json) {
            nlohmann::json j = {{"file", file}, {"valid", false}, {"error", loaded.error().toString()}};
            std::puts(j.dump(2).c_str());
        } else {
            std::fprintf(stderr, "%s: %s\n", file.c_str(), loaded.error().toString().c_str());
        }
        return 2;
    }
    auto result = runtime::validate(*loaded);
    if (json) std::puts(toJson(file, result.diagnostics).dump(2).c_str());
    else printHuman(file, result.diagnostics, useColour());
    return result.ok() ? 0 : 1;
}

} // namespace sw::cli
