#include "run/RunHooks.h"

#include "catalog/NodeType.h"
#include "exec/Operator.h"
#include "exec/OperatorRegistry.h"
#include "exec/Partitioner.h"

namespace sw::app {

using runtime::Collector;
using runtime::EventTime;
using runtime::Operator;
using runtime::OperatorContext;
using runtime::Record;
using runtime::RecordBatch;
using runtime::SourceOperator;
using runtime::SourceStatus;
using runtime::Status;

void InjectionQueue::push(std::vector<Item> items)
{
    std::lock_guard lock(m_mutex);
    for (Item& i : items)
        m_items.push_back(std::move(i));
    m_pending.store(!m_items.empty(), std::memory_order_release);
}

bool InjectionQueue::drain(std::vector<Item>& out)
{
    if (!m_pending.load(std::memory_order_relaxed)) return false;
    std::lock_guard lock(m_mutex);
    out.swap(m_items);
    m_items.clear();
    m_pending.store(false, std::memory_order_release);
    return !out.empty();
}

namespace {

/// Forwards everything to the wrapped operator; processes injected records first at each call
/// that carries the subtask's control (batches, watermarks, end of input).
class InjectingOperator final : public Operator {
public:
    InjectingOperator(std::unique_ptr<Operator> inner, std::shared_ptr<InjectionQueue> q)
        : m_inner(std::move(inner)), m_queue(std::move(q))
    {
    }
    Status open(OperatorContext& ctx) override { return m_inner->open(ctx); }
    void processBatch(int port, RecordBatch& batch, Collector& out) override
    {
        if (m_queue->pending()) [[unlikely]]
            injectPending(out);
        m_inner->processBatch(port, batch, out);
    }
    void processRecord(int port, Record& r, Collector& out) override
    {
        m_inner->processRecord(port, r, out);
    }
    void processWatermark(EventTime w, Collector& out) override
    {
        if (m_queue->pending()) [[unlikely]]
            injectPending(out);
        m_inner->processWatermark(w, out);
    }
    void onProcessingTime(std::int64_t now, Collector& out) override
    {
        if (m_queue->pending()) [[unlikely]]
            injectPending(out);
        m_inner->onProcessingTime(now, out);
    }
    void endOfInput(Collector& out) override
    {
        if (m_queue->pending()) injectPending(out);
        m_inner->endOfInput(out);
    }
    void close() override { m_inner->close(); }
    void prepareSnapshotPreBarrier(std::int64_t id, Collector& out) override
    {
        if (m_queue->pending()) injectPending(out);
        m_inner->prepareSnapshotPreBarrier(id, out);
    }
    void snapshotState(std::int64_t id, runtime::StateWriter& w) override
    {
        m_inner->snapshotState(id, w);
    }
    void restoreState(const runtime::StateReader& r) override { m_inner->restoreState(r); }
    void collectHolds(runtime::SourceHolds& h) const override { m_inner->collectHolds(h); }

private:
    void injectPending(Collector& out)
    {
        std::vector<InjectionQueue::Item> items;
        if (!m_queue->drain(items)) return;
        std::size_t i = 0;
        while (i < items.size()) {
            const int port = items[i].port;
            m_batch.clear();
            for (; i < items.size() && items[i].port == port; ++i)
                m_batch.appendSwap(items[i].record);
            m_inner->processBatch(port, m_batch, out);
        }
    }

    std::unique_ptr<Operator> m_inner;
    std::shared_ptr<InjectionQueue> m_queue;
    RecordBatch m_batch;
};

/// A source behind the start gate that also emits injected records.
class GatedSource final : public SourceOperator {
public:
    GatedSource(std::unique_ptr<Operator> inner, std::shared_ptr<InjectionQueue> q,
                std::shared_ptr<StartGate> gate)
        : m_owned(std::move(inner)), m_inner(static_cast<SourceOperator*>(m_owned.get())),
          m_queue(std::move(q)), m_gate(std::move(gate))
    {
    }
    Status open(OperatorContext& ctx) override { return m_inner->open(ctx); }
    SourceStatus poll(Collector& out, std::size_t maxRecords) override
    {
        if (!m_gate->isOpen()) [[unlikely]]
            return SourceStatus::Idle;
        if (m_queue->pending()) [[unlikely]] {
            std::vector<InjectionQueue::Item> items;
            if (m_queue->drain(items)) {
                for (auto& item : items)
                    out.emit(0, item.record);
                return SourceStatus::More;
            }
        }
        return m_inner->poll(out, maxRecords);
    }
    void stopReading() override { m_inner->stopReading(); }
    bool commitsOnCheckpoint() const override { return m_inner->commitsOnCheckpoint(); }
    bool stopsWithoutDrain() const override { return m_inner->stopsWithoutDrain(); }
    void notifyCheckpointComplete(std::int64_t id, const runtime::SourceHolds& holds) override
    {
        m_inner->notifyCheckpointComplete(id, holds);
    }
    std::optional<EventTime> splitWatermark() override { return m_inner->splitWatermark(); }
    void onProcessingTime(std::int64_t now, Collector& out) override
    {
        m_inner->onProcessingTime(now, out);
    }
    void endOfInput(Collector& out) override { m_inner->endOfInput(out); }
    void close() override { m_inner->close(); }
    void snapshotState(std::int64_t id, runtime::StateWriter& w) override
    {
        m_inner->snapshotState(id, w);
    }
    void restoreState(const runtime::StateReader& r) override { m_inner->restoreState(r); }

private:
    std::unique_ptr<Operator> m_owned;
    SourceOperator* m_inner;
    std::shared_ptr<InjectionQueue> m_queue;
    std::shared_ptr<StartGate> m_gate;
};

} // namespace

RunHooks::RunHooks(const runtime::PhysicalPlan& plan)
{
    for (const runtime::PlanNode& pn : plan.nodes) {
        NodeInfo info;
        info.source = pn.type->isSource();
        info.inputSchemas = pn.inputSchemas;
        if (!pn.outputSchemas.empty()) info.outputSchema = pn.outputSchemas.front();
        for (std::size_t port = 0; port < pn.inputSchemas.size(); ++port) {
            std::optional<std::vector<int>> cols;
            if (auto keys = runtime::partitionKeys(*pn.spec, *pn.type, static_cast<int>(port))) {
                cols.emplace();
                for (const std::string& k : *keys)
                    cols->push_back(pn.inputSchemas[port].indexOf(k));
            }
            info.keyColumns.push_back(std::move(cols));
        }
        for (int i = 0; i < pn.parallelism; ++i)
            info.queues.push_back(std::make_shared<InjectionQueue>());
        if (const runtime::OperatorFactory* f = runtime::builtinOperators().find(pn.type->name))
            info.inner = *f;
        m_nodes.emplace(pn.spec->id, std::move(info));
    }
}

void RunHooks::install(runtime::EngineOptions& options)
{
    for (auto& [id, info] : m_nodes) {
        runtime::OperatorFactory inner = info.inner;
        if (auto it = options.operatorOverrides.find(id); it != options.operatorOverrides.end())
            inner = it->second;
        if (!inner) continue; // the engine reports that the node type cannot run
        auto queues = info.queues;
        auto gate = m_gate;
        const bool source = info.source;
        options.operatorOverrides[id] =
            [inner, queues, gate, source](
                const runtime::OperatorSpec& spec) -> runtime::Result<std::unique_ptr<Operator>> {
            auto op = inner(spec);
            if (!op || !*op) return op;
            auto q = queues.at(static_cast<std::size_t>(spec.subtask) % queues.size());
            if (source) {
                if (!dynamic_cast<SourceOperator*>(op->get())) return op; // the engine reports it
                return std::unique_ptr<Operator>(
                    std::make_unique<GatedSource>(std::move(*op), q, gate));
            }
            return std::unique_ptr<Operator>(
                std::make_unique<InjectingOperator>(std::move(*op), q));
        };
    }
}

const runtime::Schema* RunHooks::injectionSchema(const std::string& nodeId, int port) const
{
    auto it = m_nodes.find(nodeId);
    if (it == m_nodes.end()) return nullptr;
    if (it->second.source) return &it->second.outputSchema;
    if (port < 0 || static_cast<std::size_t>(port) >= it->second.inputSchemas.size())
        return nullptr;
    return &it->second.inputSchemas[static_cast<std::size_t>(port)];
}

bool RunHooks::isSource(const std::string& nodeId) const
{
    auto it = m_nodes.find(nodeId);
    return it != m_nodes.end() && it->second.source;
}

Status RunHooks::inject(const std::string& nodeId, int inputPort, std::vector<Record> records)
{
    if (!canInject()) return runtime::makeError("no pipeline is running");
    auto it = m_nodes.find(nodeId);
    if (it == m_nodes.end()) return runtime::makeError("unknown node '" + nodeId + "'");
    NodeInfo& info = it->second;
    const runtime::Schema* schema = injectionSchema(nodeId, inputPort);
    if (!schema) return runtime::makeError(nodeId + ": no input port " + std::to_string(inputPort));
    std::vector<std::vector<InjectionQueue::Item>> perSubtask(info.queues.size());
    for (Record& r : records) {
        if (r.row.size() != schema->size())
            return runtime::makeError(nodeId + ": a replayed record has " +
                                      std::to_string(r.row.size()) + " columns, the port expects " +
                                      std::to_string(schema->size()));
        std::size_t target = 0;
        if (!info.source) {
            const auto& keys = info.keyColumns[static_cast<std::size_t>(inputPort)];
            if (keys)
                target =
                    runtime::keyHashChannel(runtime::keyHash(r.row, *keys), info.queues.size());
        }
        perSubtask[target].push_back({inputPort, std::move(r)});
    }
    for (std::size_t i = 0; i < perSubtask.size(); ++i)
        if (!perSubtask[i].empty()) info.queues[i]->push(std::move(perSubtask[i]));
    return Status::ok();
}

} // namespace sw::app
