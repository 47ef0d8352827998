#include "connectors/PropertyReader.h"

#include <filesystem>

namespace sw::runtime {

std::string resolvePath(const std::string& baseDir, const std::string& path)
{
    if (baseDir.empty() || path.empty()) return path;
    std::filesystem::path p(path);
    if (p.is_absolute()) return path;
    return (std::filesystem::path(baseDir) / p).string();
}

} // namespace sw::runtime
