// The `redis` dedup store (DedupStore.h).
#include <random>

#include "operators/DedupStore.h"
#include "redis/RedisKey.h"
#include "redis/RedisSession.h"

namespace sw::runtime {

namespace {

class RedisDedupStore final : public DedupStore {
public:
    RedisDedupStore(redis::RedisUrl url, RedisDedupOptions o)
        : m_url(std::move(url)), m_o(std::move(o))
    {
        std::random_device rd;
        m_run = std::to_string((std::uint64_t(rd()) << 32) ^ rd());
    }

    Status open(OperatorContext& ctx) override
    {
        m_ctx = &ctx;
        m_session = std::make_unique<redis::RedisSession>(
            m_url, "dedup '" + ctx.nodeId() + "' (store redis)",
            [this](const std::string& w) { m_ctx->warn(w); });
        return m_session->tryConnect();
    }

    Result<bool> markFirst(RecordBatch& batch, std::vector<std::uint8_t>& first,
                           std::vector<std::string>& errors) override;

private:
    void token(const Record& r, std::string& out);

    redis::RedisUrl m_url;
    RedisDedupOptions m_o;
    std::string m_run;
    std::uint64_t m_counter = 0;
    OperatorContext* m_ctx = nullptr;
    std::unique_ptr<redis::RedisSession> m_session;
    std::vector<redis::RedisCommand> m_cmds;
    std::vector<redis::RedisReply> m_replies;
    std::vector<std::size_t> m_cmdOf; // record -> its command (npos: NULL key)
};

void RedisDedupStore::token(const Record& r, std::string& out)
{
    const Provenance& p = r.provenance;
    out = m_o.identity;
    if (p.kind == Provenance::Kind::Kafka && p.origin && p.position >= 0) {
        out +=
            "@" + *p.origin + ":" + std::to_string(p.partition) + ":" + std::to_string(p.position);
    } else if (p.kind == Provenance::Kind::File && p.origin && p.position >= 0) {
        out += "@" + *p.origin + ":" + std::to_string(p.position);
    } else {
        out += "#" + m_run + ":" + std::to_string(m_counter++);
    }
}

Result<bool> RedisDedupStore::markFirst(RecordBatch& batch, std::vector<std::uint8_t>& first,
                                        std::vector<std::string>& errors)
{
    constexpr std::size_t npos = static_cast<std::size_t>(-1);
    m_cmds.clear();
    m_replies.clear();
    m_cmdOf.clear();
    const std::string ttl = std::to_string(m_o.ttlMs);
    std::string key;
    for (Record& r : batch) {
        if (!redis::makeKey(key, m_o.keyPrefix, r.row, m_o.keyColumns)) {
            m_cmdOf.push_back(npos);
            continue;
        }
        m_cmdOf.push_back(m_cmds.size());
        redis::RedisCommand& c =
            m_cmds.emplace_back(redis::RedisCommand{"SET", key, {}, "NX", "GET", "PX", ttl});
        token(r, c[2]);
    }
    auto done = m_session->execute(m_cmds, m_replies, 1000, m_ctx->stopToken());
    if (!done || !*done) return done;
    first.assign(m_cmdOf.size(), 0);
    errors.assign(m_cmdOf.size(), {});
    for (std::size_t i = 0; i < m_cmdOf.size(); ++i) {
        if (m_cmdOf[i] == npos) {
            first[i] = 2;
            errors[i] = "NULL in a key column";
            continue;
        }
        const redis::RedisReply& rep = m_replies[m_cmdOf[i]];
        const redis::RedisCommand& c = m_cmds[m_cmdOf[i]];
        if (rep.isError()) {
            first[i] = 2;
            errors[i] = "Redis store refused SET '" + c[1] + "': " + rep.text;
        } else {
            // Absent before (nil), or our own token (a retry or a replay of this record).
            first[i] = rep.type == redis::RedisReply::Type::Nil || rep.text == c[2] ? 1 : 0;
        }
    }
    return true;
}

} // namespace

Result<std::unique_ptr<DedupStore>> makeRedisDedupStore(RedisDedupOptions o)
{
    auto url = redis::RedisUrl::parse(o.url);
    if (!url) return makeError("redis_url: " + url.error().message);
    return std::unique_ptr<DedupStore>(std::make_unique<RedisDedupStore>(*url, std::move(o)));
}

} // namespace sw::runtime
