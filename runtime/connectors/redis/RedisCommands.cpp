#include "connectors/redis/RedisCommands.h"

#include "connectors/format/TextCodec.h"
#include "redis/RedisKey.h"

namespace sw::runtime::redis {

namespace {

Schema project(const Schema& s, const std::vector<int>& cols)
{
    std::vector<Field> f;
    for (int c : cols)
        f.push_back(s[static_cast<std::size_t>(c)]);
    return Schema(std::move(f));
}

const Value& at(const Row& row, int c)
{
    static const Value null;
    return static_cast<std::size_t>(c) < row.size() ? row[static_cast<std::size_t>(c)] : null;
}

} // namespace

const char* commandName(SinkCommand c)
{
    switch (c) {
    case SinkCommand::Set:
        return "SET";
    case SinkCommand::HSet:
        return "HSET";
    case SinkCommand::ZAdd:
        return "ZADD";
    case SinkCommand::XAdd:
        return "XADD";
    }
    return "?";
}

RedisCommandBuilder::RedisCommandBuilder(const RedisSinkOptions& o)
    : m_o(o), m_valueSchema(project(o.schema, o.valueColumns)), m_json(m_valueSchema)
{
}

void RedisCommandBuilder::renderValue(const Row& row, std::string& out)
{
    out.clear();
    if (m_o.jsonValue) {
        m_projected.clear();
        for (int c : m_o.valueColumns)
            m_projected.push_back(at(row, c));
        m_json.append(m_projected, out);
        return;
    }
    for (std::size_t i = 0; i < m_o.valueColumns.size(); ++i) {
        if (i) out += ':';
        const int c = m_o.valueColumns[i];
        text::appendPlain(out, at(row, c), m_o.schema[static_cast<std::size_t>(c)].type);
    }
}

void RedisCommandBuilder::appendFields(const Row& row, RedisCommand& cmd,
                                       std::vector<std::string>* nulls)
{
    for (int c : m_o.valueColumns) {
        const Field& f = m_o.schema[static_cast<std::size_t>(c)];
        const Value& v = at(row, c);
        if (v.isNull()) {
            if (nulls) nulls->push_back(f.name);
            continue;
        }
        cmd.push_back(f.name);
        std::string& text = cmd.emplace_back();
        text::appendPlain(text, v, f.type);
    }
}

std::string RedisCommandBuilder::upsert(const Row& row, std::vector<RedisCommand>& out,
                                        RowKind kind)
{
    if (!makeKey(m_key, m_o.keyPrefix, row, m_o.keyColumns)) return "NULL in a key column";
    const std::string ttl = std::to_string(m_o.ttlMs);
    switch (m_o.command) {
    case SinkCommand::Set: {
        RedisCommand& cmd = out.emplace_back(RedisCommand{"SET", m_key, {}});
        renderValue(row, cmd[2]);
        if (m_o.ttlMs > 0) cmd.insert(cmd.end(), {"PX", ttl});
        return {};
    }
    case SinkCommand::HSet: {
        RedisCommand cmd{"HSET", m_key};
        RedisCommand del{"HDEL", m_key};
        std::vector<std::string> nulls;
        appendFields(row, cmd, &nulls);
        if (cmd.size() == 2) return "every value column is NULL (a hash needs a field)";
        out.push_back(std::move(cmd));
        if (!nulls.empty()) {
            del.insert(del.end(), nulls.begin(), nulls.end());
            out.push_back(std::move(del));
        }
        break;
    }
    case SinkCommand::ZAdd: {
        const Value& score = at(row, m_o.scoreColumn);
        if (score.isNull()) return "NULL score";
        RedisCommand& cmd = out.emplace_back(RedisCommand{"ZADD", m_key, {}, {}});
        text::appendPlain(cmd[2], score,
                          m_o.schema[static_cast<std::size_t>(m_o.scoreColumn)].type);
        renderValue(row, cmd[3]);
        break;
    }
    case SinkCommand::XAdd: {
        RedisCommand cmd{"XADD", m_key};
        if (m_o.maxLength > 0)
            cmd.insert(cmd.end(), {"MAXLEN", "~", std::to_string(m_o.maxLength)});
        cmd.push_back("*");
        if (!m_o.rowKindField.empty())
            cmd.insert(cmd.end(), {m_o.rowKindField, std::string(toString(kind))});
        const std::size_t head = cmd.size();
        appendFields(row, cmd, nullptr);
        if (cmd.size() == head) return "every value column is NULL (a stream entry needs a field)";
        out.push_back(std::move(cmd));
        break;
    }
    }
    if (m_o.ttlMs > 0) out.push_back({"PEXPIRE", m_key, ttl});
    return {};
}

std::string RedisCommandBuilder::remove(const Row& row, std::vector<RedisCommand>& out)
{
    if (!makeKey(m_key, m_o.keyPrefix, row, m_o.keyColumns)) return "NULL in a key column";
    switch (m_o.command) {
    case SinkCommand::Set:
    case SinkCommand::HSet:
        out.push_back({"DEL", m_key});
        return {};
    case SinkCommand::ZAdd: {
        RedisCommand& cmd = out.emplace_back(RedisCommand{"ZREM", m_key, {}});
        renderValue(row, cmd[2]);
        return {};
    }
    case SinkCommand::XAdd:
        break;
    }
    return "a stream entry cannot be deleted by its row (XADD appends)";
}

} // namespace sw::runtime::redis
