#include "connectors/file/PartFileSink.h"

#include <unistd.h>

#include <utility>

#include "connectors/file/FileIo.h"
#include "connectors/format/RowKindColumn.h"
#include "state/StateCodec.h"

namespace sw::runtime {

namespace {
PartFileCommitter::Options committerOptions(std::string directory, PartFileSink::Format f)
{
    PartFileCommitter::Options o;
    o.directory = std::move(directory);
    o.extension = f == PartFileSink::Format::Csv ? "csv" : "jsonl";
    return o;
}
} // namespace

PartFileSink::PartFileSink(std::string directory, Format format, Schema schema)
    : m_format(format), m_files(committerOptions(std::move(directory), format)), m_json(schema),
      m_csv(schema)
{
}

PartFileSink::~PartFileSink()
{
    close();
}

Status PartFileSink::open(OperatorContext& ctx)
{
    return m_files.open(ctx, "under exactly-once the file sink");
}

void PartFileSink::openPart()
{
    m_part = m_files.newPart("");
    m_fd = createFile(m_files.inProgressPath(m_part), false);
    if (m_format == Format::Csv) {
        m_csv.appendHeader(m_buf);
        m_buf += '\n';
    }
}

void PartFileSink::writeBuffer()
{
    writeAll(m_fd, m_buf, m_files.inProgressPath(m_part));
    m_buf.clear();
}

void PartFileSink::processBatch(int, RecordBatch& batch, Collector&)
{
    m_files.ensureStarted();
    if (batch.size() == 0) return;
    if (m_fd < 0) openPart();
    for (const Record& r : batch) {
        const Row& row = rowToWrite(r, m_writeKind, m_opRow);
        if (m_format == Format::Csv)
            m_csv.append(row, m_buf);
        else
            m_json.append(row, m_buf);
        m_buf += '\n';
    }
    writeBuffer();
}

void PartFileSink::prepareSnapshotPreBarrier(std::int64_t checkpointId, Collector&)
{
    m_files.ensureStarted();
    if (m_fd >= 0) {
        writeBuffer();
        const int fd = std::exchange(m_fd, -1);
        syncAndClose(fd, m_files.inProgressPath(m_part));
        m_files.stage(m_part);
    }
    m_files.preCommit(checkpointId);
}

void PartFileSink::snapshotState(std::int64_t, StateWriter& w)
{
    m_files.snapshot(w);
}

void PartFileSink::restoreState(const StateReader& r)
{
    m_files.restore(r);
}

void PartFileSink::notifyCheckpointComplete(std::int64_t checkpointId)
{
    m_files.commitUpTo(checkpointId);
}

void PartFileSink::endOfInput(Collector&)
{
    m_files.ensureStarted(); // nothing arrived: still a fresh start
}

void PartFileSink::close()
{
    // An in-progress part stays hidden: the next start removes it (its records are after the
    // last checkpoint and are read again).
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
    m_buf.clear();
}

} // namespace sw::runtime
