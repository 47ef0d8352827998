#pragma once
// Drives connector operators directly through the engine interfaces (no Engine): a Collector
// whose ports feed InputGates that the test drains, and helpers to build node specs.
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

#include "catalog/Catalog.h"
#include "exec/Collector.h"
#include "exec/InputGate.h"
#include "exec/Operator.h"
#include "exec/OperatorContext.h"
#include "exec/OperatorRegistry.h"

namespace sw::test {
using namespace sw::runtime;

/// Captures everything an operator emits on each output port.
class CaptureCollector {
public:
    /// `ports` output ports; `errorPort` the index of the errors port (or -1).
    CaptureCollector(std::size_t ports, int errorPort, std::string nodeId = "node")
    {
        std::vector<OutputPort> out(ports); // OutputPort is not movable: build in place
        for (std::size_t i = 0; i < ports; ++i) {
            auto gate = std::make_unique<InputGate>(1u << 30);
            int ch = gate->addChannel(0, nullptr);
            out[i].setBatchSize(64);
            out[i].addEdge(Partitioning::Forward, {},
                           {OutputPort::Target{gate.get(), ch, nullptr}});
            m_gates.push_back(std::move(gate));
        }
        m_records.resize(ports);
        m_collector = Collector(std::move(nodeId), std::move(out), errorPort, &m_counters);
    }

    Collector& out() { return m_collector; }
    SubtaskCounters& counters() { return m_counters; }

    /// Flushes pending batches and moves every emitted record into records(port).
    void drain()
    {
        m_collector.flushAll();
        for (std::size_t i = 0; i < m_gates.size(); ++i) {
            int ch = 0;
            StreamElement e;
            while (m_gates[i]->tryPop(ch, e) == InputGate::PopResult::Element) {
                if (e.kind == StreamElement::Kind::Records && e.batch) {
                    for (const Record& r : *e.batch)
                        m_records[i].push_back(copy(r));
                    m_gates[i]->release(ch, std::move(e.batch));
                }
            }
        }
    }
    std::vector<Record>& records(std::size_t port)
    {
        drain();
        return m_records[port];
    }

    static Record copy(const Record& r)
    {
        Record c;
        c.row = r.row;
        c.timestamp = r.timestamp;
        c.provenance = r.provenance;
        return c;
    }

private:
    std::vector<std::unique_ptr<InputGate>> m_gates;
    std::vector<std::vector<Record>> m_records;
    SubtaskCounters m_counters;
    Collector m_collector;
};

inline NodeSpec makeNode(std::string id, std::string type, nlohmann::json props)
{
    NodeSpec n;
    n.id = std::move(id);
    n.type = std::move(type);
    n.properties = std::move(props);
    return n;
}

/// Output schemas of a node as the catalog derives them (inputs given).
inline std::vector<Schema> deriveOutputs(const NodeSpec& n, std::vector<const Schema*> inputs = {})
{
    Diagnostics d;
    return Catalog::instance().deriveSchemas(n, inputs, d);
}

/// Owns what an operator's open() needs.
struct OperatorHarness {
    NodeSpec node;
    std::vector<Schema> inputs;
    std::vector<Schema> outputs;
    SubtaskCounters counters;
    std::unique_ptr<OperatorContext> ctx;
    std::stop_source stop;

    OperatorHarness(NodeSpec n, std::vector<Schema> in, int subtask = 0, int parallelism = 1,
                    std::string dataDir = {})
        : node(std::move(n)), inputs(std::move(in))
    {
        std::vector<const Schema*> ptrs;
        for (const auto& s : inputs)
            ptrs.push_back(&s);
        outputs = deriveOutputs(node, ptrs);
        ctx = std::make_unique<OperatorContext>(node.id, subtask, parallelism, inputs, outputs,
                                                counters);
        ctx->setStopToken(stop.get_token());
        ctx->setDataDirectory(std::move(dataDir));
    }

    /// Builds the operator with the engine's built-in factory for this node type.
    Result<std::unique_ptr<Operator>> build(int subtask = 0, int parallelism = 1,
                                            std::string dataDir = {}) const
    {
        const NodeType* t = Catalog::instance().find(node.type);
        const OperatorFactory* f = t ? builtinOperators().find(node.type) : nullptr;
        if (!f) return makeError("no operator factory for " + node.type);
        OperatorSpec spec{node, *t, inputs, outputs, subtask, parallelism, std::move(dataDir)};
        return (*f)(spec);
    }
};

/// Feeds `records` to a processing operator as one batch on port 0.
inline void feed(Operator& op, const std::vector<Record>& records, Collector& out)
{
    RecordBatch batch;
    for (const Record& r : records) {
        Record c = CaptureCollector::copy(r);
        batch.appendSwap(c);
    }
    op.processBatch(0, batch, out);
}

} // namespace sw::test
