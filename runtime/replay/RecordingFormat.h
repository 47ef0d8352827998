#pragma once
// The recording format (docs/recording.md): what `streamwright-run run --record DIR` writes
// and `--replay DIR` / `streamwright-run test` read. A directory with
//   manifest.json            {"format": "streamwright.recording/1", pipeline, fingerprint,
//                             started_ms, limits, sources: [{node, parallelism, schema, files}]}
//   <node>.<subtask>.jsonl   one JSON object a line, in the order the source subtask emitted:
//     {"format": ..., "node", "subtask", "parallelism", "schema"}          (the header, line 1)
//     {"t": ms, "records": [{"port", "kind", "ts", "row", ...provenance}]} (a batch: arrival time)
//     {"t": ms, "watermark": w} | {"t": ms, "idle": true|false}
//     {"t": ms, "end": "input"|"limit"|"closed"}                          (the last line)
// JSON Lines: appendable while the run goes, readable with any tool, and a truncated file is
// recognised (no end line, or a line cut short) and named with its line number.
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "connectors/format/JsonRowParser.h"
#include "exec/Record.h"
#include "types/Schema.h"
#include "util/Result.h"

namespace sw::runtime {

inline constexpr const char* kRecordingFormat = "streamwright.recording/1";
inline constexpr const char* kRecordingManifest = "manifest.json";

/// Bounds of a recording (0 = unbounded). Time is processing time since the recording started.
struct RecordingLimits {
    std::int64_t maxDurationMs = 0;
    std::uint64_t maxRecords = 0;
    std::uint64_t maxBytes = 0;
};

struct RecordedSource {
    std::string node;
    int parallelism = 1;
    std::string schema;             ///< Schema::toString() of the data output
    std::vector<std::string> files; ///< by subtask, relative to the directory
};

struct RecordingManifest {
    std::string format = kRecordingFormat;
    std::string pipeline;    ///< the pipeline's name
    std::string fingerprint; ///< of the recorded sources' ids and schemas
    std::int64_t startedMs = 0;
    RecordingLimits limits;
    std::vector<RecordedSource> sources;
};

/// Hex FNV-1a of the sources' ids and schemas (what a replay must match).
std::string recordingFingerprint(const std::vector<RecordedSource>& sources);
std::string recordingFileName(const std::string& node, int subtask);

Status writeManifest(const std::string& dir, const RecordingManifest& m);
/// Reads DIR/manifest.json; errors name the file and what is wrong (missing, not JSON, wrong
/// format version, missing fields).
Result<RecordingManifest> readManifest(const std::string& dir);

/// One line of a source file, decoded.
struct RecordedEvent {
    enum class Kind : std::uint8_t { Batch, Watermark, Idle, End };
    Kind kind = Kind::Batch;
    std::int64_t t = 0;
    std::vector<std::pair<int, Record>> records; ///< (port, record) of a batch
    EventTime watermark = 0;
    bool idle = false;
    std::string endReason;
};

/// The header line of a source file.
std::string encodeHeader(const std::string& node, int subtask, int parallelism,
                         const Schema& schema);
/// Appends one record of a batch line's "records" array.
void encodeRecord(std::string& out, int port, const Record& r, const Schema& schema);

/// Reads one source file line by line. `schemas` by port (the data output and the errors
/// output); every failure names the file and the 1-based line.
class RecordingReader {
public:
    /// Opens `path` and checks its header (format version, node, schema == schemas[0]).
    static Result<std::unique_ptr<RecordingReader>>
    open(const std::string& path, const std::string& node, const std::vector<Schema>& schemas);
    /// The next event: true, false after the end line (nothing follows it), or an error (a
    /// damaged or cut line, time going backwards, no end line: truncated).
    Result<bool> next(RecordedEvent& e);
    /// Reads the whole file (open + next until the end).
    static Result<std::vector<RecordedEvent>>
    readFile(const std::string& path, const std::string& node, const std::vector<Schema>& schemas);

private:
    RecordingReader(std::string path, std::vector<Schema> schemas);
    Error at(const std::string& what) const;

    std::string m_path;
    std::vector<Schema> m_schemas;
    std::vector<JsonRowParser> m_parsers;
    std::ifstream m_in;
    std::string m_line;
    int m_lineNo = 0;
    std::int64_t m_lastT = INT64_MIN;
    bool m_ended = false;
    std::map<std::string, std::shared_ptr<const std::string>> m_origins;
};

} // namespace sw::runtime
