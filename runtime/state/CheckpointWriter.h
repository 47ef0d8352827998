#pragma once
// The asynchronous phase of a checkpoint (Flink's AsyncCheckpointRunnable): once every subtask
// acknowledged a checkpoint with its state blobs (copied synchronously at the barrier), the
// coordinator submits them here and a background std::jthread writes them to the checkpoint
// store; `done` is called on that thread with the outcome. Jobs are written in submission order.
// The pipeline never waits for a write (only drain(), at the end of a run, does).
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>

#include "state/CheckpointStore.h"

namespace sw::runtime {

class CheckpointWriter {
public:
    using Done = std::function<void(std::int64_t id, const Status& result)>;
    explicit CheckpointWriter(std::unique_ptr<CheckpointStore> store);
    /// Writes what was submitted, then stops.
    ~CheckpointWriter();
    CheckpointWriter(const CheckpointWriter&) = delete;
    CheckpointWriter& operator=(const CheckpointWriter&) = delete;

    void submit(CheckpointData data, Done done);
    /// Blocks until every submitted checkpoint was written (or failed).
    void drain();
    /// Checkpoints submitted and not written yet (queued or being written).
    std::size_t inFlight();
    /// Test hook: the next `n` writes fail with an injected error (a full disk).
    void failNextWrites(int n);

    const CheckpointStore& store() const { return *m_store; }

private:
    struct Job {
        CheckpointData data;
        Done done;
    };
    void loop(std::stop_token st);

    std::unique_ptr<CheckpointStore> m_store;
    std::mutex m_mutex;
    std::condition_variable_any m_cv;
    std::deque<Job> m_jobs;
    bool m_busy = false;
    int m_injectedFailures = 0;
    std::jthread m_thread;
};

} // namespace sw::runtime
