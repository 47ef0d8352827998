#include "connectors/file/FileSink.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "connectors/ConnectorFactories.h"
#include "connectors/PropertyReader.h"
#include "connectors/file/PartFileSink.h"
#include "connectors/format/RowKindColumn.h"

namespace sw::runtime {

FileSink::FileSink(std::string path, Format format, Schema schema)
    : m_path(std::move(path)), m_format(format), m_json(schema), m_csv(schema)
{
}

FileSink::~FileSink()
{
    close();
}

Status FileSink::open(OperatorContext& ctx)
{
    std::error_code ec;
    auto parent = std::filesystem::path(m_path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    m_file = std::fopen(m_path.c_str(), "wb");
    if (!m_file)
        return makeError("node '" + ctx.nodeId() + "': cannot create '" + m_path +
                         "': " + std::strerror(errno));
    std::setvbuf(m_file, nullptr, _IONBF, 0); // we write whole batches ourselves
    if (m_format == Format::Csv) {
        m_csv.appendHeader(m_buf);
        m_buf += '\n';
        write();
    }
    return Status::ok();
}

void FileSink::processBatch(int, RecordBatch& batch, Collector&)
{
    for (const Record& r : batch) {
        const Row& row = rowToWrite(r, m_writeKind, m_opRow);
        if (m_format == Format::Csv)
            m_csv.append(row, m_buf);
        else
            m_json.append(row, m_buf);
        m_buf += '\n';
    }
    write();
}

void FileSink::write()
{
    if (m_buf.empty() || !m_file) return;
    if (std::fwrite(m_buf.data(), 1, m_buf.size(), m_file) != m_buf.size())
        throw std::runtime_error("writing '" + m_path + "' failed: " + std::strerror(errno));
    m_buf.clear();
}

void FileSink::endOfInput(Collector&)
{
    write();
    if (m_file && std::fflush(m_file) != 0)
        throw std::runtime_error("writing '" + m_path + "' failed: " + std::strerror(errno));
}

void FileSink::close()
{
    if (!m_file) return;
    if (!m_buf.empty()) std::fwrite(m_buf.data(), 1, m_buf.size(), m_file);
    m_buf.clear();
    std::fclose(m_file);
    m_file = nullptr;
}

Result<std::unique_ptr<Operator>> makeFileSinkOperator(const OperatorSpec& spec)
{
    PropertyReader p(spec.node);
    std::string path = resolvePath(spec.dataDirectory, p.string("path"));
    std::string format = p.string("format");
    if (p.ok() && path.empty()) p.fail("path", "a file path is required");
    if (p.ok() && format != "jsonl" && format != "csv") p.fail("format", "expected jsonl or csv");
    if (!p.ok()) return p.error();
    if (spec.inputSchemas.empty()) return makeError("node '" + spec.node.id + "': no input schema");
    const bool kinds = writesRowKinds(spec.inputChangelogs);
    const Schema schema = kinds ? withRowKindColumn(spec.inputSchemas[0]) : spec.inputSchemas[0];
    if (spec.delivery == DeliveryGuarantee::ExactlyOnce) {
        auto sink = std::make_unique<PartFileSink>(
            std::move(path),
            format == "csv" ? PartFileSink::Format::Csv : PartFileSink::Format::Jsonl, schema);
        sink->setWriteRowKind(kinds);
        return std::unique_ptr<Operator>(std::move(sink));
    }
    auto sink = std::make_unique<FileSink>(
        std::move(path), format == "csv" ? FileSink::Format::Csv : FileSink::Format::Jsonl, schema);
    sink->setWriteRowKind(kinds);
    return std::unique_ptr<Operator>(std::move(sink));
}

} // namespace sw::runtime
