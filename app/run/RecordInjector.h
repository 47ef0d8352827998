#pragma once
// Feeding records back into a running pipeline (DLQ replay). The DLQ browser codes against this
// interface only.
//
// EngineInjector implements it with Engine::inject (the records enter on the subtask threads,
// key-hash routed like the edge into the port).

#include <string>
#include <vector>

#include "exec/Engine.h"
#include "exec/Record.h"
#include "types/Schema.h"
#include "util/Result.h"

namespace sw::app {

class RecordInjector {
public:
    virtual ~RecordInjector() = default;

    /// Sends records into node `nodeId`: for a source node, out of its first data output as if
    /// it had produced them; for any other node, into input port `inputPort` (catalog order).
    /// Returns at once; fails when no pipeline is running or the node cannot take records.
    virtual runtime::Status inject(const std::string& nodeId, int inputPort,
                                   std::vector<runtime::Record> records) = 0;
    /// True while records can be injected (a pipeline is running).
    virtual bool canInject() const = 0;
    /// Schema records must have to enter `nodeId` at `inputPort` (a source: its data output);
    /// nullptr when unknown.
    virtual const runtime::Schema* injectionSchema(const std::string& nodeId,
                                                   int inputPort) const = 0;
    virtual bool isSource(const std::string& nodeId) const = 0;
};

/// The running engine's injection, addressed by node id and input port index as the DLQ
/// browser knows them. Use on the GUI thread only, while the engine is not being restarted.
class EngineInjector final : public RecordInjector {
public:
    explicit EngineInjector(runtime::Engine& engine) : m_engine(engine) {}
    /// Set while a run is Running or Paused.
    void setActive(bool active) { m_active = active; }

    runtime::Status inject(const std::string& nodeId, int inputPort,
                           std::vector<runtime::Record> records) override;
    bool canInject() const override { return m_active; }
    const runtime::Schema* injectionSchema(const std::string& nodeId, int inputPort) const override;
    bool isSource(const std::string& nodeId) const override;

private:
    /// The engine port of (node, input index): a source's data output, else the input port.
    runtime::Result<runtime::PortRef> portOf(const std::string& nodeId, int inputPort) const;

    runtime::Engine& m_engine;
    bool m_active = false;
};

} // namespace sw::app
