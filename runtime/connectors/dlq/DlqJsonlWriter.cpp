// DLQ target "jsonl": one JSON object per line with every errorSchema() column; raw_key and
// raw_value are base64 (exact bytes, as Flink's json format writes BYTES) and are followed by
// raw_key_text / raw_value_text (the bytes as UTF-8, invalid sequences shown as U+FFFD) for
// people reading the file. Appends across runs; each batch is one write.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "catalog/NodeType.h"
#include "connectors/PropertyReader.h"
#include "connectors/dlq/DlqWriter.h"
#include "connectors/format/JsonRowWriter.h"
#include "connectors/format/TextCodec.h"
#include "util/JsonEscape.h"
#include "util/Utf8.h"

namespace sw::runtime {

namespace {

class DlqJsonlWriter final : public DlqWriter {
public:
    explicit DlqJsonlWriter(std::string path) : m_path(std::move(path)) {}
    ~DlqJsonlWriter() override { close(); }

    Status open() override
    {
        std::error_code ec;
        auto parent = std::filesystem::path(m_path).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent, ec);
        m_file = std::fopen(m_path.c_str(), "ab");
        if (!m_file)
            return makeError("cannot open DLQ file '" + m_path + "': " + std::strerror(errno));
        std::setvbuf(m_file, nullptr, _IONBF, 0);
        return Status::ok();
    }

    Status write(const RecordBatch& batch) override
    {
        m_buf.clear();
        for (const Record& r : batch)
            appendLine(r.row);
        if (std::fwrite(m_buf.data(), 1, m_buf.size(), m_file) != m_buf.size())
            return makeError("writing DLQ file '" + m_path + "' failed: " + std::strerror(errno));
        return Status::ok();
    }

    Status flush() override
    {
        if (m_file && std::fflush(m_file) != 0)
            return makeError("writing DLQ file '" + m_path + "' failed: " + std::strerror(errno));
        return Status::ok();
    }

    void close() override
    {
        if (m_file) std::fclose(m_file);
        m_file = nullptr;
    }

private:
    void appendLine(const Row& row)
    {
        const Schema& s = errorSchema();
        for (std::size_t c = 0; c < s.size(); ++c) {
            m_buf += c == 0 ? "{" : ",";
            appendJsonString(m_buf, s[c].name);
            m_buf += ':';
            const Value v = c < row.size() ? row[c] : Value();
            JsonRowWriter::appendValue(m_buf, v, s[c].type);
            if (s[c].type.kind() == TypeKind::Bytes) {
                m_buf += ',';
                appendJsonString(m_buf, s[c].name + "_text");
                m_buf += ':';
                if (v.isNull())
                    m_buf += "null";
                else
                    appendJsonString(m_buf, utf8Lossy(v.asString()));
            }
        }
        m_buf += "}\n";
    }

    std::string m_path;
    std::FILE* m_file = nullptr;
    std::string m_buf;
};

} // namespace

Result<std::unique_ptr<DlqWriter>> makeJsonlDlqWriter(const OperatorSpec& spec)
{
    PropertyReader p(spec.node);
    std::string path = p.string("path");
    // The catalog default ("dlq.sqlite") names the SQLite target's file; unset path -> dlq.jsonl.
    if (!spec.node.properties.contains("path")) path = "dlq.jsonl";
    if (p.ok() && path.empty()) p.fail("path", "a JSONL file path is required");
    if (!p.ok()) return p.error();
    return std::unique_ptr<DlqWriter>(
        std::make_unique<DlqJsonlWriter>(resolvePath(spec.dataDirectory, path)));
}

} // namespace sw::runtime
