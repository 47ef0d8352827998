#include "CommandSupport.h"

#include <cstdio>

#include "catalog/PipelineLoader.h"

namespace sw::cli {

std::optional<runtime::PipelineSpec> loadPipelineOrReport(const std::string& file)
{
    auto loaded = runtime::loadPipelineFile(file);
    if (!loaded) {
        std::fprintf(stderr, "%s: %s\n", file.c_str(), loaded.error().toString().c_str());
        return std::nullopt;
    }
    return std::move(loaded).value();
}

std::string dataDirectoryFor(const runtime::PipelineSpec& pipeline, const std::string& dir)
{
    if (!dir.empty()) return dir;
    return pipeline.defaultDataDirectoryName();
}

} // namespace sw::cli
