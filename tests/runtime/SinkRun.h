#pragma once
// A two-phase-commit sink driven outside the engine (barrier, snapshot, restore), shared by the
// exactly-once sink tests (tst_exactly_once, tst_lake_sink_eo).
#include <cstdint>
#include <memory>
#include <vector>

#include "ConnectorTestHarness.h"
#include "state/OperatorState.h"

namespace sw::test {

/// from, from + 1, ..., to - 1.
inline std::vector<std::int64_t> range(std::int64_t from, std::int64_t to)
{
    std::vector<std::int64_t> v;
    for (std::int64_t i = from; i < to; ++i)
        v.push_back(i);
    return v;
}

/// A sink under test with what it needs to run outside the engine.
struct SinkRun {
    std::unique_ptr<OperatorHarness> h;
    std::unique_ptr<CaptureCollector> out;
    std::unique_ptr<runtime::Operator> op;

    void barrier(std::int64_t id, runtime::StateBlobs* blobs)
    {
        op->prepareSnapshotPreBarrier(id, out->out());
        runtime::BlobStateWriter w;
        op->snapshotState(id, w);
        if (blobs) *blobs = w.blobs();
    }
    void restore(const runtime::StateBlobs& blobs)
    {
        runtime::BlobStateReader r(&blobs);
        op->restoreState(r);
    }
};

} // namespace sw::test
