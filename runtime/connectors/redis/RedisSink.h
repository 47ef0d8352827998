#pragma once
// The `redis-sink` node: writes keyed results into Redis for dashboards and caches (SET/HSET
// by key with an optional TTL, ZADD leaderboards, XADD streams; RedisCommands.h says what each
// row becomes). Each input batch is turned into commands and pipelined (batch_size commands per
// round trip); processBatch returns once every command has its reply, so what the engine
// counts as written is in Redis (at-least-once; no extra flush at a checkpoint barrier).
//
// Outages: while the server cannot be reached the batch is retried until written (reconnect
// with backoff, redis/RedisSession.h): processBatch blocks, the input channel fills and the
// pipeline is backpressured; nothing is dropped. A warning event says the server is unreachable
// (after warnAfterMs, then repeated, OutageWarnings) and another when it answers again. A stop
// ends the wait at once (the stop token); the rows not written are then reported in a warning
// (sources have not committed them). Commands whose reply was lost are sent again: SET, HSET,
// ZADD and PEXPIRE are idempotent; an XADD may then be appended twice.
//
// Changelog inputs: set/hset apply upserts and deletes by key (-U skipped), zadd adds and
// removes members, xadd appends every change with an `op` field (RedisCommands.h).
//
// A command Redis answers with an error (WRONGTYPE, a score that is not a number, OOM) fails
// its row: the row goes to the errors port with class `sink` and Redis's message; so does a row
// with a NULL key or score. A server that refuses the connection (authentication, database)
// fails the node. The password of the URL never appears in a message (RedisUrl::redacted).
#include <memory>
#include <string>
#include <vector>

#include "connectors/redis/RedisCommands.h"
#include "exec/Operator.h"
#include "redis/RedisSession.h"

namespace sw::runtime::redis {

class RedisSink final : public Operator {
public:
    explicit RedisSink(RedisSinkOptions o);

    Status open(OperatorContext& ctx) override;
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void close() override;

    /// Rows written so far (every command of the row answered without error).
    std::uint64_t written() const { return m_written; }

private:
    /// What a record of `kind` does to Redis (RedisCommands.h: changelog inputs).
    enum class Change : std::uint8_t { Write, Remove, Skip };
    Change changeFor(RowKind kind) const;

    RedisSinkOptions m_opt;
    RedisCommandBuilder m_builder;
    std::unique_ptr<RedisSession> m_session;
    OperatorContext* m_ctx = nullptr;
    std::vector<RedisCommand> m_cmds;
    std::vector<RedisReply> m_replies;
    std::vector<std::size_t> m_firstCmd; ///< per record: index of its first command (or npos)
    std::vector<std::string> m_keys;     ///< per record: its key (messages)
    std::uint64_t m_written = 0;
};

} // namespace sw::runtime::redis
