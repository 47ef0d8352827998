#pragma once
// Feeding records back into a running pipeline (DLQ replay). The DLQ browser codes against this
// interface only.
//
// The engine has no injection API yet. RunHooks implements it by wrapping every node's operator
// (EngineOptions::operatorOverrides). The engine API that should replace it:
//
//   /// Feeds `records` into the running pipeline at `port`: for an input port, as if they
//   /// arrived on that input (routed to subtasks like the edge into it: key-hash by the port's
//   /// key columns, else subtask 0); for a source's output port, as if the source emitted them
//   /// (timestamps assigned from the rowtime column when kNoTimestamp). Thread-safe, returns at
//   /// once; the records are processed on the subtask threads at their next loop iteration and
//   /// counted in recordsIn. Fails when not running, the node/port is unknown or a row does not
//   /// have the port's column count.
//   Status Engine::inject(const PortRef& port, std::vector<Record> records);
#include <string>
#include <vector>

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

} // namespace sw::app
