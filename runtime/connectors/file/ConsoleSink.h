#pragma once
// The `console-sink` node: prints records to standard output as a table (a header, then one
// '| v | v |' line per record, columns padded to a per-type width, never truncated) or as JSON
// lines. After max_rows rows (0 = all) it prints nothing more but counts the rest and reports
// "... N more rows not shown" when the input ends or the pipeline stops.
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "connectors/format/JsonRowWriter.h"
#include "exec/Operator.h"

namespace sw::runtime {

class ConsoleSink final : public Operator {
public:
    ConsoleSink(Schema schema, bool json, std::uint64_t maxRows, std::FILE* stream = stdout);

    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void endOfInput(Collector& out) override;
    void close() override;

    std::uint64_t printed() const { return m_printed; }
    std::uint64_t hidden() const { return m_hidden; }
    /// Updating input: an `op` column first (format/RowKindColumn.h; the schema has it).
    void setWriteRowKind(bool on) { m_writeKind = on; }

private:
    void appendHeader();
    void appendTableRow(const Row& row);
    void reportHidden();
    void flush();

    Schema m_schema;
    bool m_json;
    std::uint64_t m_maxRows;
    std::FILE* m_stream;
    JsonRowWriter m_writer;
    std::vector<std::size_t> m_widths;
    std::string m_buf;
    std::string m_cell;
    std::uint64_t m_printed = 0;
    std::uint64_t m_hidden = 0;
    bool m_headerDone = false;
    bool m_reported = false;
    bool m_writeKind = false;
    Row m_opRow;
};

} // namespace sw::runtime
