#include "connectors/redis/RedisSink.h"

#include <algorithm>
#include <stdexcept>

#include "connectors/ConnectorFactories.h"
#include "connectors/PropertyReader.h"
#include "connectors/format/RowKindColumn.h"
#include "connectors/kafka/ClientConfig.h"

namespace sw::runtime::redis {

RedisSink::RedisSink(RedisSinkOptions o) : m_opt(std::move(o)), m_builder(m_opt) {}

Status RedisSink::open(OperatorContext& ctx)
{
    m_ctx = &ctx;
    m_session = std::make_unique<RedisSession>(m_opt.url, "redis-sink '" + ctx.nodeId() + "'",
                                               [this](const std::string& w) { m_ctx->warn(w); });
    return m_session->tryConnect();
}

void RedisSink::processBatch(int, RecordBatch& batch, Collector& out)
{
    constexpr std::size_t npos = static_cast<std::size_t>(-1);
    m_cmds.clear();
    m_replies.clear();
    m_firstCmd.clear();
    m_keys.clear();
    const std::string cmd = commandName(m_opt.command);
    std::uint64_t skipped = 0;
    for (Record& r : batch) {
        const std::size_t first = m_cmds.size();
        const Change change = changeFor(r.kind);
        if (change == Change::Skip) { // -U before the +U that overwrites the key (upsert)
            m_keys.emplace_back();
            m_firstCmd.push_back(npos);
            ++skipped;
            continue;
        }
        std::string why = change == Change::Remove ? m_builder.remove(r.row, m_cmds)
                                                   : m_builder.upsert(r.row, m_cmds, r.kind);
        m_keys.push_back(m_builder.key());
        if (!why.empty()) {
            m_cmds.resize(first);
            m_firstCmd.push_back(npos);
            out.emitError(ErrorClass::Sink, "Redis " + cmd + ": " + why, r, m_opt.schema);
            continue;
        }
        m_firstCmd.push_back(first);
    }
    if (skipped) m_ctx->counters().dropped.add(skipped); // as upsert-kafka's -U
    if (m_cmds.empty()) return;
    auto done = m_session->execute(m_cmds, m_replies, m_opt.batchSize, m_ctx->stopToken());
    if (!done) throw std::runtime_error(done.error().message);
    if (!*done) {
        m_ctx->warn("redis-sink '" + m_ctx->nodeId() + "': stopped while writing to " +
                    m_opt.url.redacted() + "; " + std::to_string(m_cmds.size() - m_replies.size()) +
                    " command(s) not written (the sources have not committed their records)");
        return;
    }
    std::size_t i = 0;
    for (Record& r : batch) {
        const std::size_t first = m_firstCmd[i];
        const std::string& key = m_keys[i];
        ++i;
        if (first == npos) continue;
        std::size_t end = m_cmds.size();
        for (std::size_t j = i; j < m_firstCmd.size(); ++j)
            if (m_firstCmd[j] != npos) {
                end = m_firstCmd[j];
                break;
            }
        std::string error;
        for (std::size_t c = first; c < end && error.empty(); ++c)
            if (m_replies[c].isError())
                error = "Redis " + m_cmds[c][0] + " '" + key + "': " + m_replies[c].text;
        if (error.empty())
            ++m_written;
        else
            out.emitError(ErrorClass::Sink, error, r, m_opt.schema);
    }
}

RedisSink::Change RedisSink::changeFor(RowKind kind) const
{
    const bool accumulate = kind == RowKind::Insert || kind == RowKind::UpdateAfter;
    switch (m_opt.command) {
    case SinkCommand::Set:
    case SinkCommand::HSet:
        if (accumulate) return Change::Write;
        return kind == RowKind::Delete ? Change::Remove : Change::Skip;
    case SinkCommand::ZAdd:
        return accumulate ? Change::Write : Change::Remove;
    case SinkCommand::XAdd:
        break;
    }
    return Change::Write; // every change is an entry (its kind in the op field)
}

void RedisSink::close()
{
    m_session.reset();
}

} // namespace sw::runtime::redis

namespace sw::runtime {

namespace {

Result<std::vector<int>> columns(const Schema& in, const std::vector<std::string>& names,
                                 const char* property)
{
    std::vector<int> out;
    for (const std::string& n : names) {
        const int c = in.indexOf(n);
        if (c < 0) return makeError(std::string(property) + ": unknown column '" + n + "'");
        out.push_back(c);
    }
    return out;
}

} // namespace

Result<std::unique_ptr<Operator>> makeRedisSinkOperator(const OperatorSpec& spec)
{
    using namespace redis;
    PropertyReader props(spec.node);
    RedisSinkOptions o;
    o.schema = spec.inputSchemas.at(0);
    auto url = RedisUrl::parse(props.string("url"));
    if (!url) return makeError("url: " + url.error().message);
    o.url = *url;
    kafka::registerSecret(o.url.password); // never in any text that leaves the runtime
    const std::string cmd = props.string("command");
    o.command = cmd == "hset"   ? SinkCommand::HSet
                : cmd == "zadd" ? SinkCommand::ZAdd
                : cmd == "xadd" ? SinkCommand::XAdd
                                : SinkCommand::Set;
    auto keys = columns(o.schema, props.stringList("key_fields"), "key_fields");
    auto values = columns(o.schema, props.stringList("value_fields"), "value_fields");
    if (!keys) return keys.error();
    if (!values) return values.error();
    o.keyColumns = *keys;
    o.valueColumns = *values;
    o.keyPrefix = props.string("key_prefix");
    o.jsonValue = props.string("value_format") != "text";
    o.ttlMs = props.durationMs("ttl");
    o.maxLength = props.integer("max_length");
    o.batchSize = static_cast<std::size_t>(std::max<std::int64_t>(1, props.integer("batch_size")));
    if (!props.ok()) return props.error();
    if (o.keyColumns.empty() && (o.command == SinkCommand::Set || o.command == SinkCommand::HSet))
        return makeError("key_fields: " + cmd + " needs key columns");
    if (o.command == SinkCommand::ZAdd) {
        if (o.valueColumns.empty()) return makeError("value_fields: zadd needs the member columns");
        o.scoreColumn = o.schema.indexOf(props.string("score_field"));
        if (o.scoreColumn < 0 ||
            !o.schema[static_cast<std::size_t>(o.scoreColumn)].type.isNumeric())
            return makeError("score_field: zadd needs a numeric score column");
    }
    if (o.command == SinkCommand::XAdd && writesRowKinds(spec.inputChangelogs))
        o.rowKindField = rowKindColumnName(o.schema);
    if (o.valueColumns.empty())
        for (std::size_t i = 0; i < o.schema.size(); ++i)
            o.valueColumns.push_back(static_cast<int>(i));
    return makeOperator<RedisSink>(std::move(o));
}

} // namespace sw::runtime
