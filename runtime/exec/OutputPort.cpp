#include "exec/OutputPort.h"

namespace sw::runtime {

void OutputPort::addEdge(Partitioning kind, std::vector<int> keyColumns,
                         std::vector<Target> targets)
{
    Edge e;
    e.kind = kind;
    e.keys = std::move(keyColumns);
    for (const Target& t : targets)
        e.lanes.push_back(Lane{t, nullptr, nullptr, {}});
    if (e.lanes.size() == 1) e.kind = Partitioning::Forward; // one target: no routing needed
    m_edges.push_back(std::move(e));
}

namespace {
void copyRecord(Record& dst, const Record& src)
{
    dst.row.assign(src.row.begin(), src.row.end());
    dst.timestamp = src.timestamp;
    dst.provenance = src.provenance;
    dst.kind = src.kind;
}
} // namespace

void OutputPort::emitSlow(Record& r)
{
    if (m_edges.empty()) {
        if (Tap* tap = m_tap.load(std::memory_order_acquire)) tap->append(&r, &r + 1, m_subtask);
        swap(r, m_discard);
        return;
    }
    for (std::size_t i = 0; i + 1 < m_edges.size(); ++i) {
        Edge& e = m_edges[i];
        copyRecord(e.scratch, r);
        emitTo(e, e.scratch);
    }
    emitTo(m_edges.back(), r);
}

void OutputPort::emitBroadcast(Edge& e, Record& r)
{
    static thread_local Record copy;
    for (std::size_t i = 0; i < e.lanes.size(); ++i) {
        Lane& lane = e.lanes[i];
        if (!lane.batch) startBatch(lane);
        if (i + 1 < e.lanes.size()) {
            copyRecord(copy, r);
            lane.batch->appendSwap(copy);
        } else {
            lane.batch->appendSwap(r);
        }
        if (lane.batch->size() >= m_batchSize) flushLane(e, lane);
    }
}

void OutputPort::startBatch(Lane& lane)
{
    if (lane.target.local)
        lane.batch = lane.spare ? std::move(lane.spare) : std::make_unique<RecordBatch>();
    else
        lane.batch = lane.target.gate->acquireBatch(lane.target.channel);
    lane.firstAt = std::chrono::steady_clock::now();
}

void OutputPort::flushLane(Edge& e, Lane& lane)
{
    if (!lane.batch || lane.batch->empty()) return;
    if (&e == &m_edges.front())
        if (Tap* tap = m_tap.load(std::memory_order_acquire))
            tap->append(lane.batch->begin(), lane.batch->end(), m_subtask);
    push(lane, StreamElement::records(std::move(lane.batch)));
    lane.batch = nullptr;
    if (e.kind == Partitioning::Rebalance) e.next = (e.next + 1) % e.lanes.size();
}

void OutputPort::push(Lane& lane, StreamElement&& el)
{
    if (m_cancelled) return;
    if (m_timeTag) el.procTime = m_timeTag->nowMs();
    if (lane.target.local) {
        if (lane.target.counters && el.kind == StreamElement::Kind::Records) {
            lane.target.counters->batches.add(1);
            lane.target.counters->records.add(el.batch->size());
        }
        lane.target.local->receive(el);
        if (el.batch) {
            el.batch->clear();
            lane.spare = std::move(el.batch);
        }
        return;
    }
    if (!lane.target.gate->push(lane.target.channel, std::move(el), m_stop)) m_cancelled = true;
}

void OutputPort::flushAll()
{
    for (Edge& e : m_edges)
        for (Lane& lane : e.lanes)
            flushLane(e, lane);
}

void OutputPort::emitControl(const StreamElement& el)
{
    flushAll();
    for (Edge& e : m_edges)
        for (Lane& lane : e.lanes) {
            StreamElement copy;
            copy.kind = el.kind;
            copy.value = el.value;
            push(lane, std::move(copy));
        }
}

bool OutputPort::hasStale(std::chrono::steady_clock::time_point now,
                          std::chrono::nanoseconds maxAge) const
{
    for (const Edge& e : m_edges)
        for (const Lane& lane : e.lanes)
            if (lane.batch && !lane.batch->empty() && now - lane.firstAt >= maxAge) return true;
    return false;
}

} // namespace sw::runtime
