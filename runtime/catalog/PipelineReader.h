#pragma once
// Turns a parsed pipeline document into a PipelineSpec, checking its shape against the format
// (docs/pipeline-format.md) and the node catalog. Internal to catalog/ (PipelineLoader.cpp).
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "model/PipelineSpec.h"

namespace sw::runtime {

/// The first problem found: message, JSON Pointer, and whether the position to report is the
/// member's name (unknown members) rather than its value.
struct LoadProblem {
    std::string message;
    std::string path;
    bool atName = false;
};

/// Fills `out` or returns the first problem (then `out` is unspecified; callers discard it).
std::optional<LoadProblem> readPipelineDocument(const nlohmann::json& doc, PipelineSpec& out);

} // namespace sw::runtime
