#include "connectors/generator/GeneratorSource.h"

#include <algorithm>
#include <stdexcept>

#include "catalog/GeneratorSchemas.h"
#include "connectors/ConnectorFactories.h"
#include "state/StateCodec.h"

namespace sw::runtime {

namespace {

constexpr std::uint64_t kMalformedSalt = 0x6d616c666f726d01ULL;
constexpr std::uint64_t kDuplicateSalt = 0x6475706c69636102ULL;
constexpr std::uint64_t kCorruptSalt = 0x636f727275707403ULL;
constexpr std::uint64_t kNone = UINT64_MAX;
constexpr std::uint64_t kDuplicateWindow = 16;
constexpr std::uint64_t kPositionFormat = 1;

/// Offsets of every occurrence of `pattern` in `s`.
std::vector<std::size_t> findAll(const std::string& s, std::string_view pattern)
{
    std::vector<std::size_t> at;
    for (std::size_t p = s.find(pattern); p != std::string::npos; p = s.find(pattern, p + 1))
        at.push_back(p);
    return at;
}

/// Applies corruption `kind` (0-4) to JSON text `s` using the random bits `h`.
void corrupt(std::string& s, unsigned kind, std::uint64_t h)
{
    switch (kind) {
    case 1: { // drop one double quote: unbalanced strings never parse
        auto q = findAll(s, "\"");
        if (!q.empty()) {
            s.erase(q[h % q.size()], 1);
            return;
        }
        break;
    }
    case 2: { // a letter where a number starts: "amount":x12.50
        std::vector<std::size_t> at;
        for (std::size_t p : findAll(s, "\":"))
            if (p + 2 < s.size() && (s[p + 2] == '-' || (s[p + 2] >= '0' && s[p + 2] <= '9')))
                at.push_back(p + 2);
        if (!at.empty()) {
            s[at[h % at.size()]] = static_cast<char>('g' + h % 20);
            return;
        }
        break;
    }
    case 3: { // '=' instead of ':' after a member name
        auto at = findAll(s, "\":");
        if (!at.empty()) {
            s[at[h % at.size()] + 1] = '=';
            return;
        }
        break;
    }
    case 4: { // invalid UTF-8 at the start of a string value (bytes that are no text)
        auto at = findAll(s, "\":\"");
        if (!at.empty()) {
            s.insert(at[h % at.size()] + 3, "\xC3\x28");
            return;
        }
        break;
    }
    default:
        break;
    }
    s.resize(1 + h % (s.size() - 1)); // truncated record
}

} // namespace

GeneratorSource::GeneratorSource(std::unique_ptr<EventGenerator> generator, int subtask,
                                 int parallelism)
    : m_gen(std::move(generator)), m_subtask(static_cast<std::uint64_t>(subtask)),
      m_parallelism(static_cast<std::uint64_t>(parallelism < 1 ? 1 : parallelism)),
      m_total(m_gen->config().totalEvents), m_next(m_subtask),
      m_malformed(m_gen->config().seed, kMalformedSalt),
      m_duplicate(m_gen->config().seed, kDuplicateSalt),
      m_corrupt(m_gen->config().seed, kCorruptSalt), m_writer(m_gen->schema()),
      m_parser(m_gen->schema())
{
    const GeneratorConfig& c = m_gen->config();
    if (c.eventsPerSecond > 0) {
        double rate = static_cast<double>(c.eventsPerSecond) * m_gen->timelineShare() /
                      static_cast<double>(m_parallelism);
        m_bucket = TokenBucket(rate, rate * 0.1);
    }
}

Status GeneratorSource::open(OperatorContext& ctx)
{
    m_clock = &ctx.clock();
    if (!ctx.outputSchemas().empty()) {
        const Schema& out = ctx.outputSchemas()[0];
        if (out.size() != m_gen->schema().size())
            return makeError("node '" + ctx.nodeId() +
                             "': output schema does not match the generator's");
        m_setTimestamp = out.rowtime() == generatorTimeColumn(m_gen->config().kind);
    }
    return Status::ok();
}

bool GeneratorSource::isMalformed(std::uint64_t index) const
{
    const double r = m_gen->config().malformedRatio;
    return r > 0 && m_malformed.unitAt(index) < r;
}

std::uint64_t GeneratorSource::duplicateAfter(std::uint64_t index) const
{
    const double r = m_gen->config().duplicateRatio;
    if (r <= 0 || index == 0 || m_duplicate.unitAt(index) >= r) return kNone;
    const std::uint64_t back =
        1 + gen::mix64(m_duplicate.at(index)) % std::min(index, kDuplicateWindow);
    return index - back;
}

void GeneratorSource::malformedBytes(std::uint64_t index, std::string& bytes, std::string& message)
{
    m_gen->fill(index, m_gen->eventTime(index), m_record.row);
    bytes.clear();
    m_writer.append(m_record.row, bytes);
    const std::uint64_t h = m_corrupt.at(index);
    corrupt(bytes, static_cast<unsigned>(h % 5), h >> 8);
    if (m_parser.parse(bytes, m_record.row)) { // cannot happen for the corruptions above
        corrupt(bytes, 0, h >> 8);
        m_parser.parse(bytes, m_record.row);
    }
    message = m_parser.error();
}

void GeneratorSource::emitIndex(std::uint64_t index, Collector& out)
{
    ++m_emitted;
    const EventTime t = m_gen->eventTime(index);
    if (isMalformed(index)) {
        ErrorInfo info;
        info.errorClass = ErrorClass::Parse;
        malformedBytes(index, m_bytes, info.message);
        auto raw = std::make_shared<RawBytes>();
        raw->value = m_bytes;
        info.provenance.raw = std::move(raw);
        out.emitError(info, t);
        return;
    }
    m_gen->fill(index, t, m_record.row);
    m_record.timestamp = m_setTimestamp ? t : kNoTimestamp;
    m_record.provenance = Provenance();
    out.emit(0, m_record);
}

SourceStatus GeneratorSource::poll(Collector& out, std::size_t maxRecords)
{
    if (exhausted()) return SourceStatus::End;
    std::uint64_t n = maxRecords ? maxRecords : 1;
    if (!m_bucket.unlimited()) {
        std::uint64_t avail = m_bucket.available(m_clock->pacingNow());
        // No token yet: Idle (the engine waits ~1 ms outside poll, so pacing is not counted
        // as busy time and partial batches are flushed meanwhile).
        if (avail == 0) return SourceStatus::Idle;
        n = std::min(n, avail);
    }
    std::uint64_t fresh = 0;
    while (fresh < n && !exhausted()) {
        const std::uint64_t index = m_next;
        m_next += m_parallelism;
        ++fresh;
        emitIndex(index, out);
        const std::uint64_t dup = duplicateAfter(index);
        if (dup != kNone) emitIndex(dup, out);
    }
    if (!m_bucket.unlimited()) m_bucket.take(fresh);
    return exhausted() ? SourceStatus::End : SourceStatus::More;
}

void GeneratorSource::snapshotState(std::int64_t, StateWriter& w)
{
    // Every event is a pure function of (seed, index): the next index of this subtask's share
    // is the whole position and random state (a restored generator continues the same stream).
    StateOutput out;
    out.u64(kPositionFormat);
    out.u64(m_subtask);
    out.u64(m_parallelism);
    out.u64(m_next);
    out.u64(m_emitted);
    w.put("position", out.take());
}

void GeneratorSource::restoreState(const StateReader& r)
{
    const std::string* s = r.get("position");
    if (!s) return;
    StateInput in(*s);
    if (in.u64() != kPositionFormat) in.fail("unknown generator position format");
    const std::uint64_t subtask = in.u64(), parallelism = in.u64(), next = in.u64(),
                        emitted = in.u64();
    if (std::string e = in.finish("generator position"); !e.empty()) throw std::runtime_error(e);
    if (subtask != m_subtask || parallelism != m_parallelism || next % m_parallelism != m_subtask)
        throw std::runtime_error("generator position: written by subtask " +
                                 std::to_string(subtask) + " of " + std::to_string(parallelism) +
                                 ", restored into subtask " + std::to_string(m_subtask) + " of " +
                                 std::to_string(m_parallelism));
    m_next = next;
    m_emitted = emitted;
}

Result<std::unique_ptr<Operator>> makeGeneratorOperator(const OperatorSpec& spec)
{
    auto config = GeneratorConfig::fromNode(spec.node);
    if (!config) return config.error();
    auto gen = EventGenerator::create(*config);
    if (!gen) return gen.error();
    return makeOperator<GeneratorSource>(std::move(*gen), spec.subtask, spec.parallelism);
}

} // namespace sw::runtime
