#include "connectors/kinesis/KinesisSink.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>

#include "exec/OperatorContext.h"

namespace sw::runtime::kinesis {
namespace {

constexpr std::size_t kMaxRecordBytes = 1 << 20; // Kinesis: data + partition key per record

/// What Kinesis counts against a request's 5 MiB: data and partition keys (not the base64).
std::size_t requestBytes(const PutEntry& e)
{
    return e.data.size() + e.partitionKey.size();
}

} // namespace

KinesisSink::KinesisSink(SinkSettings s)
    : m_s(std::move(s)), m_encoder(m_s.format, m_s.inputSchema, m_s.keyColumns),
      m_random(std::random_device{}())
{
}

Status KinesisSink::open(OperatorContext& ctx)
{
    m_ctx = &ctx;
    m_client = std::make_unique<KinesisClient>(m_s.client);
    std::stop_token st = ctx.stopToken();
    m_client->setAbort([st] { return st.stop_requested(); });
    return Status::ok();
}

void KinesisSink::processBatch(int, RecordBatch& batch, Collector& out)
{
    for (Record& r : batch) {
        Pending p;
        m_encoder.encodeValue(r.row, p.entry.data);
        if (!m_encoder.encodeKey(r.row, p.entry.partitionKey) || p.entry.partitionKey.empty()) {
            // No key columns (or an empty key, which Kinesis refuses): a random key spreads
            // records over the shards.
            char buf[17];
            std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(m_random()));
            p.entry.partitionKey = buf;
        }
        if (p.entry.partitionKey.size() > 256) p.entry.partitionKey.resize(256);
        p.provenance = r.provenance;
        p.timestamp = r.timestamp;
        if (requestBytes(p.entry) > kMaxRecordBytes) {
            // Kinesis would refuse the whole request: this record alone goes to errors.
            p.lastError = "the record has " + std::to_string(requestBytes(p.entry)) +
                          " bytes (data + partition key); Kinesis takes at most 1 MiB";
            fail(p, out);
            continue;
        }
        m_pendingBytes += requestBytes(p.entry);
        m_pending.push_back(std::move(p));
        if (m_pending.size() >= m_s.maxBatchRecords || m_pendingBytes >= m_s.maxBatchBytes)
            sendOnce(out);
    }
}

void KinesisSink::endOfInput(Collector& out)
{
    flush(out);
}

void KinesisSink::prepareSnapshotPreBarrier(std::int64_t, Collector& out)
{
    flush(out);
}

void KinesisSink::flush(Collector& out)
{
    while (!m_pending.empty() && !m_ctx->stopToken().stop_requested())
        sendOnce(out);
}

bool KinesisSink::backoff(int attempt)
{
    const std::int64_t ms = std::min<std::int64_t>(100LL << std::min(attempt, 6), 5000);
    std::mutex m;
    std::condition_variable_any cv;
    std::unique_lock lock(m);
    std::stop_token st = m_ctx->stopToken();
    cv.wait_for(lock, st, std::chrono::milliseconds(ms), [] { return false; });
    return !st.stop_requested();
}

void KinesisSink::fail(Pending& p, Collector& out)
{
    ErrorInfo info;
    info.errorClass = ErrorClass::Sink;
    info.message =
        "kinesis-sink '" + m_s.nodeId + "': PutRecords to stream '" + m_s.stream +
        (p.attempts > 0 ? "' failed " + std::to_string(p.attempts) + " times: " : "' not sent: ") +
        p.lastError;
    info.provenance = p.provenance;
    auto raw = std::make_shared<RawBytes>();
    raw->key = p.entry.partitionKey;
    raw->hasKey = true;
    raw->value = p.entry.data;
    info.provenance.raw = std::move(raw);
    if (m_s.format == kafka::Format::Json) info.recordJson = p.entry.data;
    out.emitError(info, p.timestamp);
}

void KinesisSink::sendOnce(Collector& out)
{
    // The head of the queue, within 500 records and 5 MiB.
    std::size_t n = 0, bytes = 0;
    while (n < m_pending.size() && n < m_s.maxBatchRecords) {
        const std::size_t b = requestBytes(m_pending[n].entry);
        if (n > 0 && bytes + b > m_s.maxBatchBytes) break;
        bytes += b;
        ++n;
    }
    std::vector<PutEntry> entries;
    entries.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        entries.push_back(m_pending[i].entry);
    ++m_requests;
    auto r = m_client->putRecords(m_s.stream, entries);
    int maxAttempt = 0;
    std::vector<Pending> keep;
    if (!r.ok()) {
        if (r.error.kind == ErrorKind::Aborted) return; // stopping
        if (!r.error.retryable())
            throw std::runtime_error("kinesis-sink '" + m_s.nodeId + "' (stream '" + m_s.stream +
                                     "'): " + r.error.message);
        for (std::size_t i = 0; i < n; ++i) {
            m_pending[i].lastError = r.error.message;
            ++m_pending[i].attempts;
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        Pending& p = m_pending[i];
        if (r.ok() && (*r.value)[i].ok) {
            ++m_written;
            continue;
        }
        if (r.ok()) {
            ++p.attempts;
            p.lastError = (*r.value)[i].errorCode + ": " + (*r.value)[i].errorMessage;
        }
        if (p.attempts >= m_s.maxAttempts) {
            fail(p, out);
            continue;
        }
        ++m_retried;
        maxAttempt = std::max(maxAttempt, p.attempts);
        keep.push_back(std::move(p));
    }
    // Failed entries first (in their order), then what was not sent yet.
    m_pendingBytes = 0;
    for (std::size_t i = n; i < m_pending.size(); ++i)
        keep.push_back(std::move(m_pending[i]));
    m_pending = std::move(keep);
    for (const Pending& p : m_pending)
        m_pendingBytes += requestBytes(p.entry);
    if (maxAttempt > 0) backoff(maxAttempt - 1);
}

} // namespace sw::runtime::kinesis
