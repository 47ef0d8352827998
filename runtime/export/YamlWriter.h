#pragma once
// Block-style YAML from JSON values (ordered keys), enough for Kubernetes manifests: plain
// scalars where unambiguous, double quotes otherwise, literal blocks (|) for multi-line text.
#include <string>

#include <nlohmann/json.hpp>

namespace sw::runtime::exporting {

/// One YAML document (no leading '---'), ending with a newline.
std::string toYaml(const nlohmann::ordered_json& document);

/// A scalar as YAML would need it in flow position ("true" quoted, plain words as is).
std::string yamlScalar(const std::string& text);

} // namespace sw::runtime::exporting
