#include "connectors/lake/AvroPartWriter.h"

#include <avro.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <random>
#include <stdexcept>

#include "connectors/file/FileIo.h"

namespace sw::runtime {

namespace {

constexpr const char* kCodec = "deflate";
/// libavro's block buffer: a whole datum must fit (AvroRowEncoder::kMaxDatumBytes) plus the
/// rows of a block not yet written.
constexpr std::size_t kAvroBufferBytes = AvroRowEncoder::kMaxDatumBytes + 2 * kLakeBlockBytes;

[[noreturn]] void avroError(const std::string& what, const std::string& path)
{
    throw std::runtime_error("libavro: " + what + " '" + path + "' failed: " + avro_strerror());
}

/// The file header without its sync marker: magic and the metadata map {avro.schema,
/// avro.codec}, encoded with libavro.
std::string headerPrefix(const std::string& schemaJson)
{
    avro_schema_t mapSchema = avro_schema_map(avro_schema_bytes());
    avro_value_iface_t* iface = avro_generic_class_from_schema(mapSchema);
    avro_value_t meta;
    avro_generic_value_new(iface, &meta);
    avro_value_t e;
    avro_value_add(&meta, "avro.schema", &e, nullptr, nullptr);
    avro_value_set_bytes(&e, const_cast<char*>(schemaJson.data()), schemaJson.size());
    avro_value_add(&meta, "avro.codec", &e, nullptr, nullptr);
    avro_value_set_bytes(&e, const_cast<char*>(kCodec), std::strlen(kCodec));
    std::size_t size = 0;
    avro_value_sizeof(&meta, &size);
    std::string out = std::string("Obj\x01", 4);
    std::string encoded(size, '\0');
    avro_writer_t w = avro_writer_memory(encoded.data(), static_cast<int64_t>(encoded.size()));
    const int rc = avro_value_write(w, &meta);
    avro_writer_free(w);
    avro_value_decref(&meta);
    avro_value_iface_decref(iface);
    avro_schema_decref(mapSchema);
    if (rc != 0) throw std::runtime_error(std::string("libavro: file header: ") + avro_strerror());
    return out + encoded;
}

class AvroFormat;

class AvroPartWriter final : public LakePartWriter {
public:
    AvroPartWriter(AvroRowEncoder& enc, const std::string& header, std::string path)
        : m_enc(enc), m_path(std::move(path))
    {
        const int fd = createFile(m_path, true);
        try {
            writeAll(fd, header, m_path);
            std::string sync(16, '\0');
            std::random_device rd;
            for (char& c : sync)
                c = static_cast<char>(rd());
            writeAll(fd, sync, m_path);
        } catch (...) {
            ::close(fd);
            throw;
        }
        ::close(fd);
        if (avro_file_writer_open_bs(m_path.c_str(), &m_w, kAvroBufferBytes) != 0)
            avroError("opening", m_path);
        m_written = header.size() + 16;
    }
    ~AvroPartWriter() override { abandon(); }

    std::optional<std::string> append(const Row& row) override
    {
        if (auto problem = m_enc.encode(row)) return problem;
        if (avro_file_writer_append_encoded(m_w, m_enc.data(), static_cast<int64_t>(m_enc.size())))
            avroError("writing", m_path);
        m_pending += m_enc.size();
        if (m_pending >= kLakeBlockBytes) {
            if (avro_file_writer_flush(m_w) != 0) avroError("writing", m_path);
            struct stat st {};
            if (::stat(m_path.c_str(), &st) == 0)
                m_written = static_cast<std::uint64_t>(st.st_size);
            m_pending = 0;
        }
        return std::nullopt;
    }
    std::uint64_t size() const override { return m_written + m_pending; }
    void finish() override
    {
        avro_file_writer_t w = std::exchange(m_w, nullptr);
        if (avro_file_writer_close(w) != 0) avroError("closing", m_path);
        syncPath(m_path);
    }
    void abandon() override
    {
        // libavro's close writes the buffered block: harmless, the part stays hidden and is
        // deleted by the next start.
        if (m_w) avro_file_writer_close(std::exchange(m_w, nullptr));
    }

private:
    AvroRowEncoder& m_enc;
    std::string m_path;
    avro_file_writer_t m_w = nullptr;
    std::uint64_t m_written = 0;
    std::uint64_t m_pending = 0;
};

class AvroFormat final : public LakeFormat {
public:
    explicit AvroFormat(std::unique_ptr<AvroRowEncoder> enc)
        : m_enc(std::move(enc)), m_header(headerPrefix(m_enc->schemaJson()))
    {
    }
    std::string extension() const override { return "avro"; }
    std::unique_ptr<LakePartWriter> create(const std::string& path) override
    {
        return std::make_unique<AvroPartWriter>(*m_enc, m_header, path);
    }

private:
    std::unique_ptr<AvroRowEncoder> m_enc;
    std::string m_header;
};

} // namespace

Result<std::unique_ptr<LakeFormat>> makeAvroFormat(const Schema& schema)
{
    auto enc = AvroRowEncoder::make(schema);
    if (!enc) return enc.error();
    try {
        return std::unique_ptr<LakeFormat>(std::make_unique<AvroFormat>(std::move(*enc)));
    } catch (const std::exception& e) {
        return makeError(e.what());
    }
}

} // namespace sw::runtime
