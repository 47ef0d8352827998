#include "connectors/lake/LakeSink.h"

#include <algorithm>

#include "connectors/ConnectorFactories.h"
#include "connectors/PropertyReader.h"

namespace sw::runtime {

LakeSink::LakeSink(Settings settings, Schema schema)
    : m_s(std::move(settings)), m_schema(std::move(schema))
{
}

LakeSink::~LakeSink()
{
    close();
}

Status LakeSink::open(OperatorContext& ctx)
{
    m_ctx = &ctx;
    auto format = makeLakeFormat(m_s.format, m_schema);
    if (!format)
        return makeError("node '" + ctx.nodeId() +
                         "': property 'format': " + format.error().message);
    m_format = std::move(*format);
    PartFileCommitter::Options o;
    o.directory = m_s.directory;
    o.extension = m_format->extension();
    o.buckets = !m_s.pattern.empty();
    o.keepFinished = true;
    m_files = std::make_unique<PartFileCommitter>(std::move(o));
    return m_files->open(ctx, "the lake sink");
}

const std::string& LakeSink::bucketOf(std::int64_t eventTime)
{
    const std::int64_t g = m_s.pattern.granularityMs();
    // Floor division: times before 1970 are negative.
    const std::int64_t span =
        g == 0 ? 0 : (eventTime >= 0 ? eventTime / g : -((-eventTime - 1) / g) - 1);
    if (!m_cacheValid || span != m_cachedSpan) {
        m_cachedBucket = m_s.pattern.format(eventTime);
        m_cachedSpan = span;
        m_cacheValid = true;
    }
    return m_cachedBucket;
}

LakeSink::OpenPart& LakeSink::partFor(const std::string& bucket)
{
    for (OpenPart& p : m_open)
        if (p.part.bucket == bucket) {
            p.lastUse = ++m_useClock;
            return p;
        }
    if (m_open.size() >= kMaxOpenParts) {
        auto lru = std::min_element(
            m_open.begin(), m_open.end(),
            [](const OpenPart& a, const OpenPart& b) { return a.lastUse < b.lastUse; });
        roll(static_cast<std::size_t>(lru - m_open.begin()));
    }
    OpenPart p;
    p.part = m_files->newPart(bucket);
    p.writer = m_format->create(m_files->inProgressPath(p.part));
    p.openedMs = m_ctx->processingTimeMs();
    p.lastUse = ++m_useClock;
    m_ctx->registerProcessingTimer(p.openedMs + m_s.rollIntervalMs);
    m_open.push_back(std::move(p));
    return m_open.back();
}

void LakeSink::processBatch(int, RecordBatch& batch, Collector& out)
{
    m_files->ensureStarted();
    for (const Record& r : batch) {
        if (r.timestamp == kNoTimestamp && !m_s.pattern.empty()) {
            out.emitError(ErrorClass::Sink,
                          "the record has no event time, so its partition ('" + m_s.pattern.text() +
                              "') is unknown: give the source a watermark (timestamp_column)",
                          r, m_schema);
            continue;
        }
        OpenPart& p = partFor(bucketOf(r.timestamp == kNoTimestamp ? 0 : r.timestamp));
        if (auto problem = p.writer->append(r.row)) {
            out.emitError(ErrorClass::Sink,
                          "lake file '" + m_files->inProgressPath(p.part) + "': " + *problem, r,
                          m_schema);
            continue;
        }
        ++p.rows;
        if (p.writer->size() >= m_s.rollSize) roll(static_cast<std::size_t>(&p - m_open.data()));
    }
}

void LakeSink::roll(std::size_t i)
{
    OpenPart p = std::move(m_open[i]);
    m_open.erase(m_open.begin() + static_cast<std::ptrdiff_t>(i));
    p.writer->finish();
    if (m_s.exactlyOnce)
        m_files->stage(p.part);
    else
        m_files->publish(p.part);
}

void LakeSink::rollAll()
{
    while (!m_open.empty())
        roll(m_open.size() - 1);
}

void LakeSink::onProcessingTime(std::int64_t nowMs, Collector&)
{
    for (std::size_t i = m_open.size(); i-- > 0;)
        if (m_open[i].openedMs + m_s.rollIntervalMs <= nowMs) roll(i);
}

void LakeSink::prepareSnapshotPreBarrier(std::int64_t checkpointId, Collector&)
{
    m_files->ensureStarted();
    rollAll();
    if (m_s.exactlyOnce) m_files->preCommit(checkpointId);
}

void LakeSink::snapshotState(std::int64_t, StateWriter& w)
{
    if (m_s.exactlyOnce) m_files->snapshot(w);
}

void LakeSink::restoreState(const StateReader& r)
{
    m_files->restore(r); // at-least-once: no blob, a fresh (appending) start
}

void LakeSink::notifyCheckpointComplete(std::int64_t checkpointId)
{
    m_files->commitUpTo(checkpointId);
}

void LakeSink::endOfInput(Collector&)
{
    m_files->ensureStarted();
    // Exactly-once: the final checkpoint's barrier rolls and commits what is open.
    if (!m_s.exactlyOnce) rollAll();
}

void LakeSink::close()
{
    // Open parts stay hidden: the next start removes them (their records come again after a
    // restore; a cancelled at-least-once run loses only what a cancel does).
    for (OpenPart& p : m_open)
        p.writer->abandon();
    m_open.clear();
}

Result<std::unique_ptr<Operator>> makeLakeSinkOperator(const OperatorSpec& spec)
{
    PropertyReader p(spec.node);
    LakeSink::Settings s;
    s.directory = resolvePath(spec.dataDirectory, p.string("path"));
    s.format = p.string("format");
    const std::string pattern = p.string("partition_pattern");
    const std::int64_t rollSize = p.integer("roll_size");
    s.rollIntervalMs = p.durationMs("roll_interval");
    if (!p.ok()) return p.error();
    if (s.directory.empty()) p.fail("path", "a directory is required");
    auto parsed = PartitionPattern::parse(pattern);
    if (p.ok() && !parsed) p.fail("partition_pattern", parsed.error().message);
    if (p.ok() && rollSize < 1024) p.fail("roll_size", "must be at least 1024 bytes");
    if (p.ok() && s.rollIntervalMs <= 0) p.fail("roll_interval", "must be positive");
    if (p.ok() && std::find(lakeFormatNames().begin(), lakeFormatNames().end(), s.format) ==
                      lakeFormatNames().end())
        p.fail("format", "expected avro or jsonl");
    if (!p.ok()) return p.error();
    if (spec.inputSchemas.empty()) return makeError("node '" + spec.node.id + "': no input schema");
    s.pattern = std::move(*parsed);
    s.rollSize = static_cast<std::uint64_t>(rollSize);
    s.exactlyOnce = spec.delivery == DeliveryGuarantee::ExactlyOnce;
    return makeOperator<LakeSink>(std::move(s), spec.inputSchemas[0]);
}

} // namespace sw::runtime
