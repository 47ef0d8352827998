#include "exec/Subtask.h"

#include <exception>

#include "types/Duration.h"

namespace sw::runtime {

namespace {
std::int64_t durationOf(const NodeSpec& n, const char* prop)
{
    auto v = n.property(prop);
    if (!v.is_string()) return 0;
    return parseDuration(v.get<std::string>()).value_or(0);
}

int errorPortOf(const NodeType& t)
{
    for (std::size_t i = 0; i < t.outputs.size(); ++i)
        if (t.outputs[i].errors) return static_cast<int>(i);
    return -1;
}
} // namespace

Subtask::Subtask(const PlanNode& node, int index, std::unique_ptr<Operator> op, TaskEnv& env)
    : m_node(node), m_index(index), m_op(std::move(op)), m_env(env),
      m_ctx(node.spec->id, index, node.parallelism, node.inputSchemas, node.outputSchemas, m_counters),
      m_out(node.spec->id, std::vector<OutputPort>(node.type->outputs.size()), errorPortOf(*node.type),
            &m_counters)
{
    m_source = dynamic_cast<SourceOperator*>(m_op.get());
    m_ctx.setDataDirectory(env.options.dataDirectory);
    for (OutputPort& p : m_out.ports()) {
        p.setBatchSize(env.options.batchSize);
        p.setSubtask(index);
    }
    m_out.setUnconnectedErrorHandler(
        [this](const std::string& msg) { m_env.warn(m_node.spec->id, msg); });
    if (m_source) {
        const Schema& s = node.outputSchemas.empty() ? Schema() : node.outputSchemas[0];
        int rowtime = s.rowtime().empty() ? -1 : s.indexOf(s.rowtime());
        m_out.setSourceStamping(rowtime, &m_maxTs);
        if (rowtime >= 0 && node.spec->property("watermark") == "bounded-out-of-orderness")
            m_wm.emplace(durationOf(*node.spec, "max_out_of_orderness"));
        m_idleness = IdlenessTimer(durationOf(*node.spec, "idle_timeout"));
    }
}

void Subtask::start()
{
    m_thread = std::jthread([this] { run(m_stop.get_token()); });
}

void Subtask::run(std::stop_token st)
{
    const std::string& id = m_node.spec->id;
    bool opened = false;
    try {
        m_ctx.setStopToken(st);
        for (OutputPort& p : m_out.ports()) p.setStopToken(st);
        Status s = m_op->open(m_ctx);
        if (!s) {
            m_env.fail(id, "open failed: " + s.message());
        } else {
            opened = true;
            if (m_source) runSource(st);
            else runOperator(st);
        }
    } catch (const std::exception& e) {
        m_env.fail(id, e.what());
    } catch (...) {
        m_env.fail(id, "unknown exception");
    }
    if (opened) {
        try {
            m_op->close();
        } catch (const std::exception& e) {
            m_env.fail(id, std::string("close failed: ") + e.what());
        } catch (...) {
            m_env.fail(id, "close failed");
        }
    }
    m_env.finished();
}

// ---------------------------------------------------------------- operators

std::chrono::steady_clock::time_point Subtask::nextDeadline() const
{
    using namespace std::chrono;
    auto now = steady_clock::now();
    auto deadline = now + milliseconds(std::max<std::int64_t>(1, m_env.options.flushIntervalMs));
    if (!m_ctx.processingTimers().empty()) {
        std::int64_t wait = m_ctx.processingTimers().next() - OperatorContext::processingTimeMs();
        auto t = now + milliseconds(std::max<std::int64_t>(0, wait));
        if (t < deadline) deadline = t;
    }
    return deadline;
}

void Subtask::fireTimers(std::int64_t nowWallMs)
{
    std::int64_t t;
    while (m_ctx.processingTimers().popDue(nowWallMs, t)) m_op->onProcessingTime(t, m_out);
}

void Subtask::runOperator(const std::stop_token& st)
{
    InputGate& gate = *m_gate;
    m_aligner.reset(static_cast<std::size_t>(gate.channelCount()));
    m_barrierSeen.assign(static_cast<std::size_t>(gate.channelCount()), false);
    const auto maxAge = std::chrono::milliseconds(m_env.options.flushIntervalMs);
    bool done = gate.channelCount() == 0;
    if (done) m_op->endOfInput(m_out);
    while (!done) {
        int ch = 0;
        StreamElement e;
        auto r = gate.tryPop(ch, e);
        if (r != InputGate::PopResult::Element) {
            m_out.flushAll();
            r = gate.pop(ch, e, st, nextDeadline());
        }
        if (r == InputGate::PopResult::Stopped) return;
        auto t0 = std::chrono::steady_clock::now();
        if (r == InputGate::PopResult::Element) done = handle(ch, e);
        if (!m_ctx.processingTimers().empty()) fireTimers(OperatorContext::processingTimeMs());
        m_out.updateCounters();
        auto t1 = std::chrono::steady_clock::now();
        m_counters.busyNs.add(static_cast<std::uint64_t>((t1 - t0).count()));
        if (r == InputGate::PopResult::Timeout || m_out.hasStale(t1, maxAge))
            m_out.flushAll();
        if (st.stop_requested()) return;
    }
    m_out.emitControl(StreamElement::endOfInput());
    m_out.updateCounters();
}

bool Subtask::handle(int ch, StreamElement& e)
{
    using K = StreamElement::Kind;
    const auto c = static_cast<std::size_t>(ch);
    switch (e.kind) {
    case K::Records:
        m_counters.recordsIn.add(e.batch->size());
        m_op->processBatch(m_gate->portOf(ch), *e.batch, m_out);
        m_gate->release(ch, std::move(e.batch));
        return false;
    case K::Watermark:
        if (m_aligner.onWatermark(c, e.value)) advanceWatermark();
        if (m_idle) {
            m_idle = false;
            m_out.emitControl(StreamElement::active());
        }
        return false;
    case K::Idle:
        if (m_aligner.onIdle(c)) advanceWatermark();
        if (!m_idle && m_aligner.allIdle()) {
            m_idle = true;
            m_out.emitControl(StreamElement::idle());
        }
        return false;
    case K::Active:
        m_aligner.onActive(c);
        if (m_idle) {
            m_idle = false;
            m_out.emitControl(StreamElement::active());
        }
        return false;
    case K::Barrier: onBarrier(ch, e.value); return false;
    case K::EndOfInput:
        ++m_ended;
        if (m_barriers > 0) onBarrier(ch, -1);
        if (m_aligner.onEnd(c)) advanceWatermark();
        if (m_ended < m_gate->channelCount()) return false;
        m_op->endOfInput(m_out);
        return true;
    }
    return false;
}

void Subtask::advanceWatermark()
{
    EventTime w = m_aligner.current();
    m_ctx.setCurrentWatermark(w);
    m_counters.watermark.set(w);
    m_op->processWatermark(w, m_out);
}

void Subtask::onBarrier(int ch, std::int64_t id)
{
    // Aligned barriers: block a channel once its barrier arrived; when every live channel
    // delivered it, snapshot and forward. (id < 0: re-check after a channel ended.)
    if (id >= 0) {
        m_barrierSeen[static_cast<std::size_t>(ch)] = true;
        m_gate->setBlocked(ch, true);
        ++m_barriers;
        m_checkpoint = id;
    }
    if (m_barriers < m_gate->channelCount() - m_ended) return;
    struct NullWriter : StateWriter {
        void put(const std::string&, std::string) override {}
    } writer;
    m_op->snapshotState(m_checkpoint, writer);
    m_out.emitControl(StreamElement::barrier(m_checkpoint));
    for (int i = 0; i < m_gate->channelCount(); ++i) {
        m_barrierSeen[static_cast<std::size_t>(i)] = false;
        m_gate->setBlocked(i, false);
    }
    m_barriers = 0;
}

} // namespace sw::runtime
