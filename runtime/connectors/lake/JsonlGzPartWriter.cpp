#include "connectors/lake/JsonlGzPartWriter.h"

#include <unistd.h>
#include <zlib.h>

#include <stdexcept>

#include "connectors/file/FileIo.h"

namespace sw::runtime {

namespace {

class JsonlGzPartWriter final : public LakePartWriter {
public:
    JsonlGzPartWriter(const JsonRowWriter& rows, std::string path)
        : m_rows(rows), m_path(std::move(path))
    {
        m_fd = createFile(m_path, true);
        // windowBits 15 + 16: a gzip header and trailer around the deflate stream.
        if (deflateInit2(&m_z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
            ::close(m_fd);
            throw std::runtime_error("zlib: cannot start a gzip stream for '" + m_path + "'");
        }
    }
    ~JsonlGzPartWriter() override { abandon(); }

    std::optional<std::string> append(const Row& row) override
    {
        m_rows.append(row, m_buf);
        m_buf += '\n';
        if (m_buf.size() >= kLakeBlockBytes) compress(Z_SYNC_FLUSH);
        return std::nullopt;
    }
    std::uint64_t size() const override { return m_written + m_buf.size(); }
    void finish() override
    {
        compress(Z_FINISH);
        deflateEnd(&m_z);
        m_open = false;
        syncAndClose(std::exchange(m_fd, -1), m_path);
    }
    void abandon() override
    {
        if (m_open) deflateEnd(&m_z);
        m_open = false;
        if (m_fd >= 0) ::close(std::exchange(m_fd, -1));
    }

private:
    void compress(int flush)
    {
        m_z.next_in = reinterpret_cast<Bytef*>(m_buf.data());
        m_z.avail_in = static_cast<uInt>(m_buf.size());
        int rc = Z_OK;
        do {
            m_z.next_out = m_out;
            m_z.avail_out = sizeof m_out;
            rc = deflate(&m_z, flush);
            if (rc == Z_STREAM_ERROR)
                throw std::runtime_error("zlib: compressing '" + m_path + "' failed");
            const std::size_t n = sizeof m_out - m_z.avail_out;
            writeAll(m_fd, {reinterpret_cast<const char*>(m_out), n}, m_path);
            m_written += n;
        } while (m_z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
        m_buf.clear();
    }

    const JsonRowWriter& m_rows;
    std::string m_path;
    z_stream m_z{};
    bool m_open = true;
    int m_fd = -1;
    std::string m_buf;
    std::uint64_t m_written = 0;
    unsigned char m_out[65536];
};

} // namespace

std::unique_ptr<LakePartWriter> JsonlGzFormat::create(const std::string& path)
{
    return std::make_unique<JsonlGzPartWriter>(m_rows, path);
}

} // namespace sw::runtime
