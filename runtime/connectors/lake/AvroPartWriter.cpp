#include "connectors/lake/AvroPartWriter.h"

#include <avro.h>
#include <unistd.h>
#include <zlib.h>

#include <cstring>
#include <random>
#include <stdexcept>

#include "connectors/file/FileIo.h"

namespace sw::runtime {

namespace {

constexpr const char* kCodec = "deflate";
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

/// Appends `v` as an Avro long (zig-zag varint).
void appendLong(std::string& out, std::int64_t v)
{
    auto u = (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
    while (u >= 0x80) {
        out += static_cast<char>((u & 0x7f) | 0x80);
        u >>= 7;
    }
    out += static_cast<char>(u);
}

class AvroPartWriter final : public LakePartWriter {
public:
    AvroPartWriter(AvroRowEncoder& enc, const std::string& header, std::string path)
        : m_enc(enc), m_path(std::move(path))
    {
        // Raw deflate (no zlib header), as the Avro spec's deflate codec (RFC 1951).
        if (deflateInit2(&m_z, Z_BEST_SPEED, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            throw std::runtime_error("zlib: cannot start a deflate stream for '" + m_path + "'");
        m_zOpen = true;
        m_sync.resize(16);
        std::random_device rd;
        for (char& c : m_sync)
            c = static_cast<char>(rd());
        m_fd = createFile(m_path, true);
        writeAll(m_fd, header, m_path);
        writeAll(m_fd, m_sync, m_path);
        m_written = header.size() + m_sync.size();
    }
    ~AvroPartWriter() override { abandon(); }

    std::optional<std::string> append(const Row& row) override
    {
        if (auto problem = m_enc.encode(row)) return problem;
        m_block.append(m_enc.data(), m_enc.size());
        ++m_count;
        if (m_block.size() >= kLakeBlockBytes) writeBlock();
        return std::nullopt;
    }
    std::uint64_t size() const override { return m_written + m_block.size(); }
    void finish() override
    {
        writeBlock();
        syncAndClose(std::exchange(m_fd, -1), m_path);
        abandon();
    }
    void abandon() override
    {
        if (m_zOpen) deflateEnd(&m_z);
        m_zOpen = false;
        if (m_fd >= 0) ::close(std::exchange(m_fd, -1));
    }

private:
    /// One data block: row count, byte count, the deflated rows, the sync marker.
    void writeBlock()
    {
        if (m_count == 0) return;
        deflateReset(&m_z);
        m_out.resize(deflateBound(&m_z, static_cast<uLong>(m_block.size())));
        m_z.next_in = reinterpret_cast<Bytef*>(m_block.data());
        m_z.avail_in = static_cast<uInt>(m_block.size());
        m_z.next_out = reinterpret_cast<Bytef*>(m_out.data());
        m_z.avail_out = static_cast<uInt>(m_out.size());
        if (deflate(&m_z, Z_FINISH) != Z_STREAM_END)
            throw std::runtime_error("zlib: compressing a block of '" + m_path + "' failed");
        const std::size_t compressed = m_out.size() - m_z.avail_out;
        m_frame.clear();
        appendLong(m_frame, static_cast<std::int64_t>(m_count));
        appendLong(m_frame, static_cast<std::int64_t>(compressed));
        m_frame.append(m_out.data(), compressed);
        m_frame += m_sync;
        writeAll(m_fd, m_frame, m_path);
        m_written += m_frame.size();
        m_block.clear();
        m_count = 0;
    }

    AvroRowEncoder& m_enc;
    std::string m_path;
    z_stream m_z{};
    bool m_zOpen = false;
    int m_fd = -1;
    std::string m_sync;
    std::string m_block; ///< encoded rows of the open block
    std::uint64_t m_count = 0;
    std::string m_out, m_frame;
    std::uint64_t m_written = 0;
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
