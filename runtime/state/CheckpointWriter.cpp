#include "state/CheckpointWriter.h"

namespace sw::runtime {

CheckpointWriter::CheckpointWriter(std::unique_ptr<CheckpointStore> store)
    : m_store(std::move(store))
{
    m_thread = std::jthread([this](std::stop_token st) { loop(std::move(st)); });
}

CheckpointWriter::~CheckpointWriter()
{
    drain();
    m_thread.request_stop();
    m_cv.notify_all();
}

void CheckpointWriter::submit(CheckpointData data, Done done)
{
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(Job{std::move(data), std::move(done)});
    }
    m_cv.notify_all();
}

void CheckpointWriter::drain()
{
    std::unique_lock lock(m_mutex);
    m_cv.wait(lock, [&] { return m_jobs.empty() && !m_busy; });
}

std::size_t CheckpointWriter::inFlight()
{
    std::lock_guard lock(m_mutex);
    return m_jobs.size() + (m_busy ? 1 : 0);
}

void CheckpointWriter::failNextWrites(int n)
{
    std::lock_guard lock(m_mutex);
    m_injectedFailures = n;
}

void CheckpointWriter::loop(std::stop_token st)
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_cv.wait(lock, st, [&] { return !m_jobs.empty(); });
        if (m_jobs.empty()) return; // stop requested with nothing left
        Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_busy = true;
        const bool inject = m_injectedFailures > 0;
        if (inject) --m_injectedFailures;
        lock.unlock();
        Status result;
        if (inject)
            result = makeError("checkpoint store '" + m_store->path() +
                               "': injected write failure (test)");
        else
            result = m_store->write(job.data);
        try {
            if (job.done) job.done(job.data.id, result);
        } catch (...) { // never let an exception leave the thread
        }
        lock.lock();
        m_busy = false;
        m_cv.notify_all();
    }
}

} // namespace sw::runtime
