#pragma once
// What the connectors' factories use to read their nodes: PropertyReader (catalog/PropertyAccess.h)
// and resolving file paths against the run's data directory.
#include <string>

#include "catalog/PropertyAccess.h"

namespace sw::runtime {

/// Resolves `path` against `baseDir` unless it is absolute or baseDir is empty.
std::string resolvePath(const std::string& baseDir, const std::string& path);

} // namespace sw::runtime
