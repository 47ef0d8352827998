#pragma once
// What the designer adds to a run without changing what the pipeline computes, by wrapping each
// node's operator (EngineOptions::operatorOverrides) in a thin forwarding decorator:
//  - a start gate: sources poll nothing until the gate opens, so the run controller can open
//    taps (DLQ capture, inspectors) after Engine::start and before the first record flows;
//  - record injection (RecordInjector) for DLQ replay: records re-enter at the node that failed
//    them, on that node's subtask thread (sources emit them; other nodes process them as input,
//    key-hash routed like the edge into the port).
// Cost per batch: one extra virtual call and one relaxed atomic load. Plain C++ (no Qt).
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "exec/Engine.h"
#include "exec/PhysicalPlan.h"
#include "run/RecordInjector.h"

namespace sw::app {

/// Records waiting to enter one subtask. Any thread pushes; the subtask thread drains.
class InjectionQueue {
public:
    struct Item {
        int port = 0;
        runtime::Record record;
    };
    void push(std::vector<Item> items);
    /// Takes everything queued (nothing when empty; one relaxed load in the common case).
    bool drain(std::vector<Item>& out);
    bool pending() const { return m_pending.load(std::memory_order_relaxed); }

private:
    std::mutex m_mutex;
    std::vector<Item> m_items;
    std::atomic<bool> m_pending{false};
};

/// Opens when the run controller has attached its taps; sources wait (poll returns Idle) until.
class StartGate {
public:
    void open() { m_open.store(true, std::memory_order_release); }
    bool isOpen() const { return m_open.load(std::memory_order_acquire); }

private:
    std::atomic<bool> m_open{false};
};

class RunHooks : public RecordInjector {
public:
    /// `plan` must be compiled from the pipeline that will run (for parallelism, schemas, keys).
    explicit RunHooks(const runtime::PhysicalPlan& plan);

    /// Wraps the factory of every node (catalog factory, or an override already in `options`).
    void install(runtime::EngineOptions& options);

    StartGate& gate() { return *m_gate; }
    /// Marks whether a run is accepting injections (set by the run controller).
    void setActive(bool active) { m_active.store(active); }

    runtime::Status inject(const std::string& nodeId, int inputPort,
                           std::vector<runtime::Record> records) override;
    bool canInject() const override { return m_active.load(); }

    const runtime::Schema* injectionSchema(const std::string& nodeId, int port) const override;
    bool isSource(const std::string& nodeId) const override;

private:
    struct NodeInfo {
        bool source = false;
        std::vector<runtime::Schema> inputSchemas;
        runtime::Schema outputSchema;                            // data output 0
        std::vector<std::optional<std::vector<int>>> keyColumns; // per input port
        std::vector<std::shared_ptr<InjectionQueue>> queues;     // per subtask
        runtime::OperatorFactory inner;
    };

    std::map<std::string, NodeInfo> m_nodes;
    std::shared_ptr<StartGate> m_gate = std::make_shared<StartGate>();
    std::atomic<bool> m_active{false};
};

} // namespace sw::app
