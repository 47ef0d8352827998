#pragma once
// In-test sources and sinks (so engine tests do not depend on connectors) and pipeline helpers.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "exec/Engine.h"
#include "exec/Operator.h"
#include "model/PipelineSpec.h"

/// QVERIFY2 for enums with toString() (include QtTest first).
#define SW_COMPARE_ENUM(a, b)                                                                      \
    QVERIFY2((a) == (b), qPrintable(QString("%1 != %2")                                            \
                                        .arg(QString::fromStdString(std::string(toString(a))))     \
                                        .arg(QString::fromStdString(std::string(toString(b))))))

namespace sw::test {
using namespace sw::runtime;

/// Emits a fixed vector of rows (event time from the schema's rowtime column, assigned by the
/// engine), `perPoll` records per poll. Subtask i of n emits rows i, i+n, i+2n, ...
struct VectorSourceConfig {
    std::shared_ptr<const std::vector<Row>> rows;
    std::size_t perPoll = 64;
    std::int64_t failAt = -1;                     ///< throw when reaching this record index
    std::atomic<std::int64_t>* emitted = nullptr; ///< optional progress counter
    bool unbounded = false;             ///< after the rows: return Idle forever (until stopped)
    std::chrono::microseconds pause{0}; ///< sleep after each poll (rate limiting)
    std::atomic<bool>* go = nullptr;    ///< when set: emit nothing (Idle) until *go is true
    /// When set: emit only rows with index < *release (Idle at that point until the test raises
    /// it), so a test hands out rows one event at a time.
    std::atomic<std::int64_t>* release = nullptr;
};

class VectorSource : public SourceOperator {
public:
    VectorSource(VectorSourceConfig c, int subtask, int parallelism)
        : m_c(std::move(c)), m_next(static_cast<std::size_t>(subtask)),
          m_step(static_cast<std::size_t>(parallelism))
    {
    }
    SourceStatus poll(Collector& out, std::size_t maxRecords) override
    {
        if (m_c.go && !m_c.go->load()) return SourceStatus::Idle;
        std::size_t n = std::min(maxRecords, m_c.perPoll);
        const auto& rows = *m_c.rows;
        const std::size_t end =
            m_c.release
                ? std::min(rows.size(),
                           static_cast<std::size_t>(std::max<std::int64_t>(0, m_c.release->load())))
                : rows.size();
        for (std::size_t k = 0; k < n && m_next < end; ++k, m_next += m_step) {
            if (m_c.failAt >= 0 && static_cast<std::int64_t>(m_next) >= m_c.failAt)
                throw std::runtime_error("injected failure at record " + std::to_string(m_next));
            m_rec.row.assign(rows[m_next].begin(), rows[m_next].end());
            m_rec.timestamp = kNoTimestamp;
            out.emit(m_rec);
            if (m_c.emitted) m_c.emitted->fetch_add(1);
        }
        if (m_c.pause.count() > 0) std::this_thread::sleep_for(m_c.pause);
        if (m_next < end) return SourceStatus::More;
        if (m_next < rows.size()) return SourceStatus::Idle; // held back by `release`
        return m_c.unbounded ? SourceStatus::Idle : SourceStatus::End;
    }

private:
    VectorSourceConfig m_c;
    std::size_t m_next;
    std::size_t m_step;
    Record m_rec;
};

inline OperatorFactory vectorSource(VectorSourceConfig c)
{
    return [c](const OperatorSpec& s) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<VectorSource>(c, s.subtask, s.parallelism);
    };
}

/// What a CollectingSink saw (shared by all its subtasks).
struct Collected {
    std::mutex mutex;
    std::vector<Record> records;
    std::atomic<std::int64_t> count{0};
    std::atomic<bool> ended{false};
    std::atomic<bool> closed{false};
    /// Throttle: sleep this long per record (0 = none); changeable while running.
    std::atomic<std::int64_t> nanosPerRecord{0};
    /// Block in processBatch until released (or the stop token fires).
    std::atomic<bool> block{false};
    std::condition_variable_any cv;

    std::vector<Record> take()
    {
        std::lock_guard l(mutex);
        return records;
    }
};

class CollectingSink : public Operator {
public:
    explicit CollectingSink(std::shared_ptr<Collected> c) : m_c(std::move(c)) {}
    Status open(OperatorContext& ctx) override
    {
        m_stop = ctx.stopToken();
        return Status::ok();
    }
    void processBatch(int, RecordBatch& batch, Collector&) override
    {
        if (m_c->block.load()) {
            std::unique_lock l(m_c->mutex);
            m_c->cv.wait(l, m_stop, [&] { return !m_c->block.load(); });
        }
        if (std::int64_t ns = m_c->nanosPerRecord.load(); ns > 0) {
            std::unique_lock l(m_c->mutex);
            auto until = std::chrono::steady_clock::now() +
                         std::chrono::nanoseconds(ns * static_cast<std::int64_t>(batch.size()));
            m_c->cv.wait_until(l, m_stop, until, [] { return false; });
        }
        std::lock_guard l(m_c->mutex);
        for (const Record& r : batch)
            m_c->records.push_back(r);
        m_c->count.fetch_add(static_cast<std::int64_t>(batch.size()));
    }
    void endOfInput(Collector&) override { m_c->ended = true; }
    void close() override { m_c->closed = true; }

private:
    std::shared_ptr<Collected> m_c;
    std::stop_token m_stop;
};

inline OperatorFactory collectingSink(std::shared_ptr<Collected> c)
{
    return [c](const OperatorSpec&) -> Result<std::unique_ptr<Operator>> {
        return makeOperator<CollectingSink>(c);
    };
}

/// A file-source node with an explicit schema [{name, type}], used as the test source
/// (its operator is replaced by a VectorSource). Event time from `tsColumn` with bound `bound`.
inline NodeSpec sourceNode(const std::string& id,
                           const std::vector<std::pair<std::string, std::string>>& columns,
                           const std::string& tsColumn = "", const std::string& bound = "0 ms")
{
    NodeSpec n;
    n.id = id;
    n.type = "file-source";
    n.properties["path"] = "unused.jsonl";
    nlohmann::json schema = nlohmann::json::array();
    for (const auto& [name, type] : columns)
        schema.push_back({{"name", name}, {"type", type}});
    n.properties["schema"] = schema;
    if (tsColumn.empty()) {
        n.properties["watermark"] = "processing-time";
    } else {
        n.properties["timestamp_column"] = tsColumn;
        n.properties["max_out_of_orderness"] = bound;
    }
    return n;
}

inline NodeSpec node(const std::string& id, const std::string& type,
                     nlohmann::json props = nlohmann::json::object())
{
    NodeSpec n;
    n.id = id;
    n.type = type;
    n.properties = std::move(props);
    return n;
}

inline EdgeSpec edge(const std::string& from, const std::string& to,
                     const std::string& fromPort = "out", const std::string& toPort = "in")
{
    return EdgeSpec{PortRef{from, fromPort}, PortRef{to, toPort}};
}

/// Runs until finished (bounded input); returns the engine's events.
inline std::vector<EngineEvent> runToEnd(Engine& e, std::int64_t timeoutMs = 120000)
{
    if (!e.wait(timeoutMs)) {
        e.stop(StopMode::Cancel);
        e.wait();
    }
    return e.pollEvents();
}

inline std::string errorsOf(const std::vector<EngineEvent>& ev)
{
    std::string s;
    for (const auto& e : ev)
        if (e.kind == EngineEvent::Kind::Error) s += e.nodeId + ": " + e.message + "\n";
    return s;
}

} // namespace sw::test
