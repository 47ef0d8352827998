#include "connectors/file/ConsoleSink.h"

#include "connectors/ConnectorFactories.h"
#include "connectors/PropertyReader.h"
#include "connectors/format/RowKindColumn.h"
#include "connectors/format/TextCodec.h"

namespace sw::runtime {

namespace {

std::size_t typeWidth(const DataType& t)
{
    switch (t.kind()) {
    case TypeKind::Boolean:
        return 5;
    case TypeKind::Int:
        return 11;
    case TypeKind::BigInt:
        return 12;
    case TypeKind::Double:
        return 12;
    case TypeKind::Decimal:
        return static_cast<std::size_t>(t.precision()) + 2;
    case TypeKind::Timestamp:
        return 23;
    default:
        return 12;
    }
}

bool rightAligned(const DataType& t)
{
    return t.isNumeric();
}

/// Table cell text: NULL as "<NULL>", control characters escaped so a row stays one line.
void cellText(std::string& out, const Value& v, const DataType& t)
{
    out.clear();
    switch (v.kind()) {
    case Value::Kind::Null:
        out = "<NULL>";
        return;
    case Value::Kind::Bool:
        out = v.asBool() ? "TRUE" : "FALSE";
        return;
    case Value::Kind::Int:
        text::appendInt(out, v.asInt());
        return;
    case Value::Kind::Decimal:
        appendDecimal(out, v.decimalUnscaled(), v.decimalScale());
        return;
    case Value::Kind::Double:
        text::appendDouble(out, v.asDouble());
        return;
    case Value::Kind::Timestamp:
        appendTimestamp(out, v.asTimestamp());
        return;
    case Value::Kind::String:
        break;
    }
    if (t.kind() == TypeKind::Bytes) {
        out = "x'";
        static constexpr char kHex[] = "0123456789abcdef";
        for (unsigned char c : v.asString()) {
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
        out += '\'';
        return;
    }
    for (char c : v.asString()) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else
            out += c;
    }
}

} // namespace

ConsoleSink::ConsoleSink(Schema schema, bool json, std::uint64_t maxRows, std::FILE* stream)
    : m_schema(std::move(schema)), m_json(json), m_maxRows(maxRows), m_stream(stream),
      m_writer(m_schema)
{
    for (const auto& f : m_schema.fields())
        m_widths.push_back(std::max(f.name.size(), typeWidth(f.type)));
}

void ConsoleSink::appendHeader()
{
    std::string sep = "+";
    for (std::size_t w : m_widths)
        sep += std::string(w + 2, '-') + "+";
    m_buf += sep + "\n|";
    for (std::size_t i = 0; i < m_schema.size(); ++i) {
        const std::string& n = m_schema[i].name;
        m_buf += ' ' + n + std::string(m_widths[i] - n.size(), ' ') + " |";
    }
    m_buf += "\n" + sep + "\n";
}

void ConsoleSink::appendTableRow(const Row& row)
{
    m_buf += '|';
    for (std::size_t i = 0; i < m_schema.size(); ++i) {
        cellText(m_cell, i < row.size() ? row[i] : Value(), m_schema[i].type);
        const std::size_t pad = m_cell.size() < m_widths[i] ? m_widths[i] - m_cell.size() : 0;
        m_buf += ' ';
        if (rightAligned(m_schema[i].type)) m_buf.append(pad, ' ');
        m_buf += m_cell;
        if (!rightAligned(m_schema[i].type)) m_buf.append(pad, ' ');
        m_buf += " |";
    }
    m_buf += '\n';
}

void ConsoleSink::processBatch(int, RecordBatch& batch, Collector&)
{
    for (const Record& r : batch) {
        if (m_maxRows && m_printed >= m_maxRows) {
            ++m_hidden;
            continue;
        }
        const Row& row = rowToWrite(r, m_writeKind, m_opRow);
        if (m_json) {
            m_writer.append(row, m_buf);
            m_buf += '\n';
        } else {
            if (!m_headerDone) appendHeader();
            m_headerDone = true;
            appendTableRow(row);
        }
        ++m_printed;
    }
    flush();
}

void ConsoleSink::reportHidden()
{
    if (m_reported || m_hidden == 0) return;
    m_reported = true;
    m_buf += "... " + std::to_string(m_hidden) + " more row" + (m_hidden == 1 ? "" : "s") +
             " not shown (max_rows = " + std::to_string(m_maxRows) + ")\n";
    flush();
}

void ConsoleSink::endOfInput(Collector&)
{
    reportHidden();
}

void ConsoleSink::close()
{
    reportHidden();
    flush();
}

void ConsoleSink::flush()
{
    if (m_buf.empty()) return;
    std::fwrite(m_buf.data(), 1, m_buf.size(), m_stream);
    std::fflush(m_stream);
    m_buf.clear();
}

Result<std::unique_ptr<Operator>> makeConsoleSinkOperator(const OperatorSpec& spec)
{
    PropertyReader p(spec.node);
    std::string format = p.string("format");
    std::int64_t maxRows = p.integer("max_rows");
    if (p.ok() && format != "table" && format != "json") p.fail("format", "expected table or json");
    if (p.ok() && maxRows < 0) p.fail("max_rows", "must be >= 0");
    if (!p.ok()) return p.error();
    if (spec.inputSchemas.empty()) return makeError("node '" + spec.node.id + "': no input schema");
    const bool kinds = writesRowKinds(spec.inputChangelogs);
    auto sink = std::make_unique<ConsoleSink>(
        kinds ? withRowKindColumn(spec.inputSchemas[0]) : spec.inputSchemas[0], format == "json",
        static_cast<std::uint64_t>(maxRows));
    sink->setWriteRowKind(kinds);
    return std::unique_ptr<Operator>(std::move(sink));
}

} // namespace sw::runtime
