#pragma once
// A strict, non-recursive JSON pre-scan used before nlohmann builds the document.
// It checks syntax (RFC 8259), UTF-8, nesting depth and duplicate member names, and reports the
// first problem with its byte offset and JSON Pointer; it never builds values and never recurses,
// so 100000 '[' cannot overflow the stack. It also locates where a given JSON Pointer's value
// (or member name) starts, so errors found later on the document can carry a line and column.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "util/Result.h"

namespace sw::runtime {

struct TextPosition {
    int line = 0;   ///< 1-based
    int column = 0; ///< 1-based, in characters (UTF-8 sequences count as one)
};

/// Line/column of byte `offset` in `text`.
TextPosition textPosition(std::string_view text, std::size_t offset);

/// Appends one reference token to a JSON Pointer ("/nodes" + "3" = "/nodes/3"), escaping '~'
/// and '/' as RFC 6901 requires.
std::string appendPointer(std::string pointer, std::string_view token);

class JsonScanner {
public:
    JsonScanner(std::string_view text, int maxDepth) : m_text(text), m_maxDepth(maxDepth) {}

    /// Checks the whole text. The Error carries message, path (the value being read), line and
    /// column of the offending character.
    Status validate();

    /// Byte offset where the value at `pointer` starts; with `atName`, where its member name
    /// starts (array elements have no name: their value's offset). nullopt if absent or the text
    /// is invalid before reaching it.
    std::optional<std::size_t> locate(std::string_view pointer, bool atName = false);

private:
    struct Scan;
    std::string_view m_text;
    int m_maxDepth;
};

} // namespace sw::runtime
