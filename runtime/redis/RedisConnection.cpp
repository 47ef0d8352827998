#include "redis/RedisConnection.h"

#include <hiredis/hiredis.h>

namespace sw::runtime::redis {

namespace {

RedisReply convert(const redisReply* r)
{
    RedisReply out;
    switch (r->type) {
    case REDIS_REPLY_STATUS:
        out.type = RedisReply::Type::Status;
        out.text.assign(r->str, r->len);
        break;
    case REDIS_REPLY_ERROR:
        out.type = RedisReply::Type::Error;
        out.text.assign(r->str, r->len);
        break;
    case REDIS_REPLY_INTEGER:
        out.type = RedisReply::Type::Integer;
        out.integer = r->integer;
        break;
    case REDIS_REPLY_STRING:
        out.type = RedisReply::Type::String;
        out.text.assign(r->str, r->len);
        break;
    case REDIS_REPLY_ARRAY:
        out.type = RedisReply::Type::Array;
        out.integer = static_cast<std::int64_t>(r->elements);
        break;
    default:
        out.type = RedisReply::Type::Nil;
        break;
    }
    return out;
}

} // namespace

RedisConnection::RedisConnection(RedisUrl url, int timeoutMs)
    : m_url(std::move(url)), m_timeoutMs(timeoutMs)
{
}

RedisConnection::~RedisConnection()
{
    close();
}

void RedisConnection::close()
{
    if (m_ctx) redisFree(m_ctx);
    m_ctx = nullptr;
}

Status RedisConnection::fail(const std::string& what)
{
    std::string msg = what + (m_ctx && m_ctx->err ? std::string(": ") + m_ctx->errstr : "");
    close();
    return Status(makeError(msg));
}

Status RedisConnection::command(const RedisCommand& cmd, RedisReply& reply)
{
    std::vector<RedisReply> replies;
    Status s = execute({cmd}, 0, 1, replies);
    if (s) reply = replies.front();
    return s;
}

Status RedisConnection::connect()
{
    close();
    m_refused = false;
    timeval tv{m_timeoutMs / 1000, (m_timeoutMs % 1000) * 1000};
    m_ctx = redisConnectWithTimeout(m_url.host.c_str(), m_url.port, tv);
    if (!m_ctx) return Status(makeError("out of memory"));
    if (m_ctx->err) return fail("cannot connect to " + m_url.address());
    if (redisSetTimeout(m_ctx, tv) != REDIS_OK) return fail("cannot set the socket timeout");
    redisEnableKeepAlive(m_ctx);
    RedisReply reply;
    if (!m_url.password.empty()) {
        RedisCommand auth = {"AUTH"};
        if (!m_url.user.empty()) auth.push_back(m_url.user);
        auth.push_back(m_url.password);
        if (Status s = command(auth, reply); !s) return s;
        if (reply.isError()) {
            m_refused = true;
            close();
            return Status(makeError("authentication failed: " + reply.text));
        }
    }
    if (m_url.db != 0) {
        if (Status s = command({"SELECT", std::to_string(m_url.db)}, reply); !s) return s;
        if (reply.isError()) {
            m_refused = true;
            close();
            return Status(makeError("cannot select database " + std::to_string(m_url.db) + ": " +
                                    reply.text));
        }
    }
    return Status::ok();
}

Status RedisConnection::execute(const std::vector<RedisCommand>& cmds, std::size_t from,
                                std::size_t to, std::vector<RedisReply>& replies)
{
    if (!m_ctx) return Status(makeError("not connected"));
    for (std::size_t i = from; i < to; ++i) {
        m_argv.clear();
        m_argvLen.clear();
        for (const std::string& a : cmds[i]) {
            m_argv.push_back(a.data());
            m_argvLen.push_back(a.size());
        }
        if (redisAppendCommandArgv(m_ctx, static_cast<int>(m_argv.size()), m_argv.data(),
                                   m_argvLen.data()) != REDIS_OK)
            return fail("cannot queue a command");
    }
    for (std::size_t i = from; i < to; ++i) {
        void* raw = nullptr;
        if (redisGetReply(m_ctx, &raw) != REDIS_OK || !raw)
            return fail("connection to " + m_url.address() + " lost");
        auto* r = static_cast<redisReply*>(raw);
        replies.push_back(convert(r));
        freeReplyObject(r);
    }
    return Status::ok();
}

} // namespace sw::runtime::redis
