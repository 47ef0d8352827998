#pragma once
// The `file-sink` node: JSON Lines (Flink json format values) or CSV with a header row.
// The file is created (parent directories too) and truncated at open; relative paths resolve
// against OperatorSpec::dataDirectory. Each input batch is written with one write call, so the
// file grows as the pipeline runs; an I/O failure stops the pipeline with the path and reason.
#include <cstdio>
#include <string>

#include "connectors/format/CsvRowWriter.h"
#include "connectors/format/JsonRowWriter.h"
#include "exec/Operator.h"

namespace sw::runtime {

class FileSink final : public Operator {
public:
    enum class Format { Jsonl, Csv };
    FileSink(std::string path, Format format, Schema schema);
    ~FileSink() override;

    Status open(OperatorContext& ctx) override;
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void endOfInput(Collector& out) override;
    /// A checkpoint barrier: what came before it is written and flushed to the OS.
    void prepareSnapshotPreBarrier(std::int64_t, Collector& out) override { endOfInput(out); }
    void close() override;
    /// Updating input: rows are written with an `op` column first (format/RowKindColumn.h);
    /// the schema given to the constructor already has it.
    void setWriteRowKind(bool on) { m_writeKind = on; }

private:
    void write();

    std::string m_path;
    Format m_format;
    JsonRowWriter m_json;
    CsvRowWriter m_csv;
    std::FILE* m_file = nullptr;
    std::string m_buf;
    bool m_writeKind = false;
    Row m_opRow;
};

} // namespace sw::runtime
