#pragma once
// What the redis-sink writes for a row: its Redis commands, by the node's `command`.
//   set   SET <key> <value> [PX ttl]               value: value_fields as JSON object or text
//   hset  HSET <key> <field> <value> ...           one hash field per value column (NULL
//         [HDEL <key> <null fields>] [PEXPIRE]     columns are deleted: the hash equals the row)
//   zadd  ZADD <key> <score> <member> [PEXPIRE]    score: score_field; member: value_fields
//   xadd  XADD <key> [MAXLEN ~ n] * <f> <v> ...    one entry field per non-NULL value column;
//         [PEXPIRE]                                ids chosen by Redis (at-least-once)
// Keys: redis/RedisKey.h (key_prefix + key columns joined by ':'). Text values: Flink's csv
// rendering without quotes (text::appendPlain); several text columns are joined by ':'. JSON:
// Flink's json format (JsonRowWriter). SET, HSET, ZADD and PEXPIRE are idempotent, so a batch
// may be sent again after a reconnect; XADD is not (see docs/redis-sink.md).
//
// Changelog inputs (RedisSink applies the row kinds; catalog rule in SinkTypes.cpp):
//   set, hset  upsert by key (Flink's upsert sinks): +I/+U write, -D deletes (DEL <key>), -U is
//              skipped (the +U that follows overwrites the key)
//   zadd       retract: +I/+U add the member, -U/-D remove it (ZREM <key> <member>), so a
//              changed score or member leaves one member per row
//   xadd       every change is an entry with its row kind in an `op` field (as the file sink's
//              op column); xadd has no delete path
#include <cstdint>
#include <string>
#include <vector>

#include "connectors/format/JsonRowWriter.h"
#include "redis/RedisConnection.h"
#include "types/RowKind.h"
#include "types/Schema.h"

namespace sw::runtime::redis {

enum class SinkCommand : std::uint8_t { Set, HSet, ZAdd, XAdd };

struct RedisSinkOptions {
    RedisUrl url;
    SinkCommand command = SinkCommand::Set;
    std::vector<int> keyColumns;
    std::string keyPrefix;
    std::vector<int> valueColumns; ///< resolved: never empty
    bool jsonValue = true;         ///< set value / zadd member: JSON object (else text)
    int scoreColumn = -1;          ///< zadd
    std::int64_t ttlMs = 0;        ///< 0 = keys do not expire
    std::int64_t maxLength = 0;    ///< xadd: MAXLEN ~ n (0 = unbounded)
    std::size_t batchSize = 1000;  ///< commands per pipelined round trip
    std::string rowKindField;      ///< xadd of an updating input: the `op` field's name
    Schema schema;                 ///< input schema
};

class RedisCommandBuilder {
public:
    explicit RedisCommandBuilder(const RedisSinkOptions& o);

    /// Appends the commands that write `row`. Returns "" or why the row cannot be written
    /// (NULL in a key column or the score, nothing to write).
    std::string upsert(const Row& row, std::vector<RedisCommand>& out,
                       RowKind kind = RowKind::Insert);
    /// Appends the commands that delete what upsert(row) wrote (see above).
    std::string remove(const Row& row, std::vector<RedisCommand>& out);

    /// The key of the last upsert/remove (messages).
    const std::string& key() const { return m_key; }

private:
    void renderValue(const Row& row, std::string& out);
    void appendFields(const Row& row, RedisCommand& cmd, std::vector<std::string>* nulls);

    const RedisSinkOptions& m_o;
    Schema m_valueSchema;
    JsonRowWriter m_json;
    std::string m_key;
    Row m_projected;
};

/// "SET", "HSET", ... (messages).
const char* commandName(SinkCommand c);

} // namespace sw::runtime::redis
