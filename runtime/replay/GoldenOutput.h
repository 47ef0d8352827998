#pragma once
// Pipeline tests (streamwright-run test; docs/recording.md): every sink of a replayed run is
// captured, written as a canonical golden file, and compared with one.
//
// Golden file `<golden>/<sink id>.golden`: one line per row the sink received, "<row kind>
// <row as JSON>" (rowToJson: the sink input's column names, Flink-style values), sorted
// bytewise: the order of a sink's input is not defined across parallelisms, so a golden file
// is a sorted multiset, stable under any replay and friendly to `git diff`.
//
// The diff groups rows by a key: the key columns of the node feeding the sink (`keys`), plus
// `window_start`/`window_end` when the sink's input has them; without any, the whole row. A key
// on both sides with different rows is "changed"; only expected: "missing"; only actual:
// "extra".
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "exec/EngineOptions.h"
#include "model/PipelineSpec.h"
#include "types/Schema.h"

namespace sw::runtime {

/// What the sinks of a run received (thread-safe; one per run).
class SinkCapture {
public:
    /// Replaces every sink of `pipeline` in `options` by a capturing one.
    void install(const PipelineSpec& pipeline, EngineOptions& options);
    /// Sink ids, sorted.
    std::vector<std::string> sinks() const;
    /// A sink's rows as canonical golden text (sorted lines, each ending in '\n').
    std::string golden(const std::string& sink) const;
    /// The key columns of `sink` (see above) given its input schema.
    std::vector<std::string> keyColumns(const std::string& sink) const;
    const Schema& schemaOf(const std::string& sink) const;

    // capture side
    void add(const std::string& sink, std::vector<std::string> lines, const Schema& schema);

private:
    mutable std::mutex m_mutex;
    std::map<std::string, std::vector<std::string>> m_lines;
    std::map<std::string, Schema> m_schemas;
    std::map<std::string, std::vector<std::string>> m_upstreamKeys;
    std::vector<std::string> m_sinks;
};

/// A readable diff of golden text `expected` vs `actual` for one sink ("" = equal).
std::string diffGolden(const std::string& sink, const std::string& expected,
                       const std::string& actual, const Schema& schema,
                       const std::vector<std::string>& keyColumns);

} // namespace sw::runtime
