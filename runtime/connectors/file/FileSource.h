#pragma once
// The `file-source` node: JSON Lines or CSV with a header row, read in 1 MiB chunks.
//
// Paths are resolved against OperatorSpec::dataDirectory when relative (the engine's
// EngineOptions::dataDirectory; the app sets it to the pipeline file's directory). A UTF-8 BOM
// is skipped; lines end with LF or CRLF (the newline is not part of a record's raw bytes);
// blank lines are skipped. Every record carries its provenance (file, 1-based line). A line
// that does not parse goes to the errors port with class `parse` (bad JSON / CSV quoting /
// field count) or `type` (a value that does not convert to its column's type, or NULL in a
// NOT NULL column), its file, line and exact bytes. With keepRawBytes (the engine sets it when a
// node downstream has its errors output connected) every record keeps its bytes too, so a later
// error (expression, late, sink) reports them.
//
// CSV: fields map to columns by header name (extra fields are ignored; a nullable column
// missing from the header is NULL, a NOT NULL one fails open()). An empty unquoted field is
// NULL; an empty quoted field is '' for STRING columns and NULL otherwise.
//
// replay = event-time: records are emitted when (t - t0) / replay_speed of wall time has
// passed since the first record (t = the rowtime column); out-of-order records go at once.
#include <chrono>
#include <cstdio>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

#include "connectors/format/CsvRecordParser.h"
#include "connectors/format/JsonRowParser.h"
#include "exec/Operator.h"

namespace sw::runtime {

class FileSource final : public SourceOperator {
public:
    enum class Format { Jsonl, Csv };
    struct Options {
        std::string path; ///< already resolved
        Format format = Format::Jsonl;
        Schema schema; ///< output schema (rowtime = the replay time column)
        bool eventTimeReplay = false;
        double replaySpeed = 1.0;
        /// Every record carries its line's bytes (Provenance::raw), not only failed lines.
        bool keepRawBytes = false;
    };

    explicit FileSource(Options options);
    ~FileSource() override;

    Status open(OperatorContext& ctx) override;
    SourceStatus poll(Collector& out, std::size_t maxRecords) override;
    void close() override;
    /// State: the byte offset and line number of the next record (a record waiting for its
    /// replay time counts as not read). Restore seeks there (after open(), so after a CSV header).
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;

    /// Lines (physical) read so far.
    std::int64_t line() const { return m_line; }

private:
    enum class Next { Record, Skip, Error, NeedMore, End };
    Next nextRecord(std::string& message, ErrorClass& cls, std::string_view& raw);
    Next nextJsonl(std::string& message, ErrorClass& cls, std::string_view& raw);
    Next nextCsv(std::string& message, ErrorClass& cls, std::string_view& raw);
    bool csvToRow(std::string& message, ErrorClass& cls);
    Status readHeader();
    bool readMore();
    bool paceRecord();
    void emitError(Collector& out, ErrorClass cls, std::string message, std::string_view raw,
                   std::int64_t line);

    Options m_opt;
    std::FILE* m_file = nullptr;
    std::string m_buf;
    std::size_t m_pos = 0;
    std::int64_t m_bufStart = 0; ///< file offset of m_buf[0]
    bool m_eof = false;
    std::int64_t m_pendingOffset = 0; ///< where the pending record starts (offset, line before)
    std::int64_t m_pendingLine = 0;
    std::int64_t m_line = 0;       ///< physical lines consumed
    std::int64_t m_recordLine = 0; ///< first line of the current record
    std::shared_ptr<const std::string> m_origin;
    JsonRowParser m_json;
    CsvRecordParser m_csv;
    std::vector<int> m_csvColumn; ///< schema column -> header field (-1 = absent)
    std::size_t m_csvFields = 0;
    Record m_record;
    bool m_pending = false; ///< m_record waits for its replay time
    int m_timeColumn = -1;
    std::int64_t m_firstTs = 0;
    bool m_haveFirst = false;
    std::chrono::steady_clock::time_point m_wallStart{};
    const Clock* m_clock = &SystemClock::instance(); // replay_speed pacing: processing time
    std::string m_nodeId;
};

} // namespace sw::runtime
