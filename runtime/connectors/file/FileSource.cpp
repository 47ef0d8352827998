#include "connectors/file/FileSource.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "connectors/ConnectorFactories.h"
#include "connectors/PropertyReader.h"
#include "connectors/format/TextCodec.h"
#include "state/StateCodec.h"

namespace sw::runtime {

namespace {
constexpr std::size_t kChunk = 1 << 20;
constexpr std::uint64_t kPositionFormat = 1;

std::string_view stripNewline(std::string_view s)
{
    if (!s.empty() && s.back() == '\n') s.remove_suffix(1);
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    return s;
}
} // namespace

FileSource::FileSource(Options options) : m_opt(std::move(options)), m_json(m_opt.schema) {}

FileSource::~FileSource()
{
    close();
}

Status FileSource::open(OperatorContext& ctx)
{
    m_clock = &ctx.clock();
    m_nodeId = ctx.nodeId();
    m_file = std::fopen(m_opt.path.c_str(), "rb");
    if (!m_file)
        return makeError("node '" + m_nodeId + "': cannot open '" + m_opt.path +
                         "': " + std::strerror(errno));
    m_origin = std::make_shared<const std::string>(m_opt.path);
    m_buf.reserve(kChunk * 2);
    readMore();
    if (m_buf.compare(0, 3, "\xEF\xBB\xBF") == 0) m_pos = 3; // UTF-8 byte order mark
    if (m_opt.eventTimeReplay) {
        m_timeColumn = m_opt.schema.indexOf(m_opt.schema.rowtime());
        if (m_timeColumn < 0)
            return makeError("node '" + m_nodeId +
                             "': replay = event-time needs an event-time column "
                             "(timestamp_column with the bounded-out-of-orderness watermark)");
    }
    if (m_opt.format == Format::Csv) return readHeader();
    return Status::ok();
}

void FileSource::close()
{
    if (m_file) std::fclose(m_file);
    m_file = nullptr;
}

bool FileSource::readMore()
{
    if (m_eof || !m_file) {
        m_eof = true;
        return false;
    }
    if (m_pos > 0) {
        m_buf.erase(0, m_pos);
        m_bufStart += static_cast<std::int64_t>(m_pos);
        m_pos = 0;
    }
    const std::size_t old = m_buf.size();
    m_buf.resize(old + kChunk);
    const std::size_t n = std::fread(m_buf.data() + old, 1, kChunk, m_file);
    m_buf.resize(old + n);
    if (n == 0) {
        if (std::ferror(m_file))
            throw std::runtime_error("reading '" + m_opt.path +
                                     "' failed: " + std::strerror(errno));
        m_eof = true;
    }
    return n > 0;
}

Status FileSource::readHeader()
{
    std::size_t end = 0;
    for (;;) {
        if (m_pos >= m_buf.size() && m_eof) return Status::ok(); // empty file: no records
        auto st = m_csv.parse(m_buf, m_pos, m_eof, end);
        if (st == CsvRecordParser::Status::NeedMore) {
            readMore();
            continue;
        }
        std::string_view rec(m_buf.data() + m_pos, end - m_pos);
        m_line +=
            std::count(rec.begin(), rec.end(), '\n') + (rec.empty() || rec.back() == '\n' ? 0 : 1);
        if (st == CsvRecordParser::Status::Error)
            return makeError("node '" + m_nodeId + "': bad CSV header in '" + m_opt.path +
                             "': " + m_csv.error());
        break;
    }
    m_csvFields = m_csv.size();
    m_csvColumn.assign(m_opt.schema.size(), -1);
    for (std::size_t c = 0; c < m_opt.schema.size(); ++c) {
        for (std::size_t f = 0; f < m_csv.size(); ++f)
            if (m_csv.field(f) == m_opt.schema[c].name) m_csvColumn[c] = static_cast<int>(f);
        if (m_csvColumn[c] < 0 && !m_opt.schema[c].type.nullable())
            return makeError("node '" + m_nodeId + "': the CSV header of '" + m_opt.path +
                             "' has no column '" + m_opt.schema[c].name + "' (declared NOT NULL)");
    }
    m_pos = end;
    return Status::ok();
}

FileSource::Next FileSource::nextJsonl(std::string& message, ErrorClass& cls, std::string_view& raw)
{
    for (;;) {
        const char* b = m_buf.data() + m_pos;
        const std::size_t avail = m_buf.size() - m_pos;
        const void* nl = std::memchr(b, '\n', avail);
        std::size_t len;
        if (!nl) {
            if (!m_eof) {
                readMore();
                continue;
            }
            if (avail == 0) return Next::End;
            len = avail;
            m_pos = m_buf.size();
        } else {
            len = static_cast<std::size_t>(static_cast<const char*>(nl) - b);
            m_pos += len + 1;
        }
        m_recordLine = ++m_line;
        raw = stripNewline(std::string_view(b, len));
        if (raw.find_first_not_of(" \t\r") == std::string_view::npos) continue; // blank line
        if (m_json.parse(raw, m_record.row)) return Next::Record;
        message = m_json.error();
        cls = m_json.errorClass();
        return Next::Error;
    }
}

FileSource::Next FileSource::nextCsv(std::string& message, ErrorClass& cls, std::string_view& raw)
{
    for (;;) {
        if (m_pos >= m_buf.size() && m_eof) return Next::End;
        std::size_t end = 0;
        auto st = m_csv.parse(m_buf, m_pos, m_eof, end);
        if (st == CsvRecordParser::Status::NeedMore) {
            readMore();
            continue;
        }
        std::string_view rec(m_buf.data() + m_pos, end - m_pos);
        m_recordLine = m_line + 1;
        m_line +=
            std::count(rec.begin(), rec.end(), '\n') + (rec.empty() || rec.back() == '\n' ? 0 : 1);
        m_pos = end;
        raw = stripNewline(rec);
        if (raw.empty()) continue; // blank line
        cls = ErrorClass::Parse;
        if (st == CsvRecordParser::Status::Error) {
            message = "CSV: " + m_csv.error();
            return Next::Error;
        }
        if (m_csv.size() != m_csvFields) {
            message = "CSV: expected " + std::to_string(m_csvFields) +
                      " fields (as in the header), found " + std::to_string(m_csv.size());
            return Next::Error;
        }
        return csvToRow(message, cls) ? Next::Record : Next::Error;
    }
}

bool FileSource::csvToRow(std::string& message, ErrorClass& cls)
{
    Row& row = m_record.row;
    row.resize(m_opt.schema.size());
    std::string err;
    for (std::size_t c = 0; c < m_opt.schema.size(); ++c) {
        const Field& f = m_opt.schema[c];
        const int h = m_csvColumn[c];
        std::string_view text =
            h >= 0 ? m_csv.field(static_cast<std::size_t>(h)) : std::string_view();
        if (text.empty()) {
            if (h >= 0 && m_csv.quoted(static_cast<std::size_t>(h)) &&
                f.type.kind() == TypeKind::String) {
                row[c].assignString("");
                continue;
            }
            if (!f.type.nullable()) {
                cls = ErrorClass::Type;
                message = "column '" + f.name + "' is NOT NULL but the field is empty";
                return false;
            }
            row[c].setNull();
            continue;
        }
        if (!text::parseValue(text, f.type, row[c], err)) {
            cls = ErrorClass::Type;
            message = "column '" + f.name + "': " + err;
            return false;
        }
    }
    return true;
}

FileSource::Next FileSource::nextRecord(std::string& message, ErrorClass& cls,
                                        std::string_view& raw)
{
    return m_opt.format == Format::Csv ? nextCsv(message, cls, raw) : nextJsonl(message, cls, raw);
}

bool FileSource::paceRecord()
{
    std::int64_t ts = 0;
    const Value& v = m_record.row[static_cast<std::size_t>(m_timeColumn)];
    if (v.kind() != Value::Kind::Timestamp) return true;
    ts = v.asTimestamp();
    const auto now = m_clock->pacingNow();
    if (!m_haveFirst) {
        m_haveFirst = true;
        m_firstTs = ts;
        m_wallStart = now;
        return true;
    }
    const auto due =
        m_wallStart + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                          std::chrono::duration<double, std::milli>(
                              static_cast<double>(ts - m_firstTs) / m_opt.replaySpeed));
    return now >= due; // not yet: poll returns Idle and the engine waits outside poll
}

void FileSource::emitError(Collector& out, ErrorClass cls, std::string message,
                           std::string_view raw, std::int64_t line)
{
    ErrorInfo info;
    info.errorClass = cls;
    info.message = std::move(message);
    info.provenance.kind = Provenance::Kind::File;
    info.provenance.origin = m_origin;
    info.provenance.position = line;
    auto bytes = std::make_shared<RawBytes>();
    bytes->value.assign(raw.data(), raw.size());
    info.provenance.raw = std::move(bytes);
    out.emitError(info, kNoTimestamp);
}

SourceStatus FileSource::poll(Collector& out, std::size_t maxRecords)
{
    std::size_t count = 0;
    if (m_pending) {
        if (!paceRecord()) return SourceStatus::Idle;
        m_pending = false;
        out.emit(0, m_record);
        ++count;
    }
    std::string message;
    ErrorClass cls = ErrorClass::Parse;
    std::string_view raw;
    while (count < maxRecords) {
        const std::int64_t startOffset = m_bufStart + static_cast<std::int64_t>(m_pos);
        const std::int64_t startLine = m_line;
        switch (nextRecord(message, cls, raw)) {
        case Next::End:
            return SourceStatus::End;
        case Next::Error:
            emitError(out, cls, std::move(message), raw, m_recordLine);
            ++count;
            continue;
        default:
            break;
        }
        m_record.timestamp = kNoTimestamp;
        m_record.provenance.kind = Provenance::Kind::File;
        m_record.provenance.origin = m_origin;
        m_record.provenance.position = m_recordLine;
        m_record.provenance.partition = -1;
        if (m_opt.keepRawBytes) {
            auto bytes = std::make_shared<RawBytes>();
            bytes->value.assign(raw.data(), raw.size());
            m_record.provenance.raw = std::move(bytes);
        } else {
            m_record.provenance.raw = nullptr;
        }
        if (m_timeColumn >= 0 && !paceRecord()) {
            m_pending = true;
            m_pendingOffset = startOffset;
            m_pendingLine = startLine;
            return SourceStatus::More;
        }
        out.emit(0, m_record);
        ++count;
    }
    return SourceStatus::More;
}

void FileSource::snapshotState(std::int64_t, StateWriter& w)
{
    StateOutput out;
    out.u64(kPositionFormat);
    out.i64(m_pending ? m_pendingOffset : m_bufStart + static_cast<std::int64_t>(m_pos));
    out.i64(m_pending ? m_pendingLine : m_line);
    w.put("position", out.take());
}

void FileSource::restoreState(const StateReader& r)
{
    const std::string* s = r.get("position");
    if (!s || !m_file) return;
    StateInput in(*s);
    if (in.u64() != kPositionFormat) in.fail("unknown file position format");
    const std::int64_t offset = in.i64(), line = in.i64();
    if (std::string e = in.finish("file position"); !e.empty()) throw std::runtime_error(e);
    if (offset < 0 || line < 0 || std::fseek(m_file, static_cast<long>(offset), SEEK_SET) != 0)
        throw std::runtime_error("file position: cannot seek '" + m_opt.path + "' to byte " +
                                 std::to_string(offset));
    m_buf.clear();
    m_pos = 0;
    m_bufStart = offset;
    m_eof = false;
    m_line = line;
    m_pending = false;
    readMore();
}

Result<std::unique_ptr<Operator>> makeFileSourceOperator(const OperatorSpec& spec)
{
    PropertyReader p(spec.node);
    FileSource::Options o;
    o.path = resolvePath(spec.dataDirectory, p.string("path"));
    std::string format = p.string("format");
    o.eventTimeReplay = p.string("replay") == "event-time";
    o.replaySpeed = p.number("replay_speed");
    o.keepRawBytes = spec.keepRawBytes;
    if (p.ok() && o.path.empty()) p.fail("path", "a file path is required");
    if (p.ok() && format != "jsonl" && format != "csv") p.fail("format", "expected jsonl or csv");
    if (p.ok() && !(o.replaySpeed > 0)) p.fail("replay_speed", "must be greater than 0");
    if (!p.ok()) return p.error();
    o.format = format == "csv" ? FileSource::Format::Csv : FileSource::Format::Jsonl;
    if (spec.outputSchemas.empty())
        return makeError("node '" + spec.node.id + "': no output schema");
    o.schema = spec.outputSchemas[0];
    return makeOperator<FileSource>(std::move(o));
}

} // namespace sw::runtime
