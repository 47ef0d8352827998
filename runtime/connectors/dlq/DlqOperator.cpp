#include "connectors/dlq/DlqOperator.h"

#include <stdexcept>

#include "catalog/NodeType.h"
#include "connectors/ConnectorFactories.h"
#include "connectors/PropertyReader.h"

namespace sw::runtime {

namespace {
constexpr ErrorClass kAll[] = {ErrorClass::Parse, ErrorClass::Type, ErrorClass::Expression,
                               ErrorClass::Late, ErrorClass::Sink};
const int kClassColumn = errorSchema().indexOf("error_class");
} // namespace

DlqOperator::DlqOperator(std::unique_ptr<DlqWriter> writer, std::string target)
    : m_writer(std::move(writer)), m_target(std::move(target))
{
}

Status DlqOperator::open(OperatorContext& ctx)
{
    m_nodeId = ctx.nodeId();
    m_ctx = &ctx;
    Status s = m_writer->open();
    if (!s) return makeError("node '" + m_nodeId + "' (DLQ " + m_target + "): " + s.message());
    m_open = true;
    return Status::ok();
}

void DlqOperator::count(const Record& r)
{
    const Value& v = r.row.size() > static_cast<std::size_t>(kClassColumn)
                         ? r.row[static_cast<std::size_t>(kClassColumn)]
                         : Value();
    const std::string& cls = v.kind() == Value::Kind::String ? v.asString() : std::string();
    for (std::size_t i = 0; i < kClasses; ++i)
        if (cls == toString(kAll[i])) {
            m_counts[i].store(m_counts[i].load(std::memory_order_relaxed) + 1,
                              std::memory_order_relaxed);
            return;
        }
    std::lock_guard lock(m_otherMutex);
    ++m_other[cls.empty() ? "unknown" : cls];
}

void DlqOperator::processBatch(int, RecordBatch& batch, Collector&)
{
    if (batch.empty()) return;
    Status s = m_writer->write(batch);
    if (!s) throw std::runtime_error("DLQ " + m_target + ": " + s.message());
    for (const Record& r : batch)
        count(r);
    m_total.store(m_total.load(std::memory_order_relaxed) + batch.size(),
                  std::memory_order_relaxed);
}

void DlqOperator::endOfInput(Collector&)
{
    if (m_writer->twoPhaseCommit()) return; // the final checkpoint commits
    Status s = m_writer->flush();
    if (!s) throw std::runtime_error("DLQ " + m_target + ": " + s.message());
}

void DlqOperator::prepareSnapshotPreBarrier(std::int64_t checkpointId, Collector& out)
{
    if (!m_writer->twoPhaseCommit()) return endOfInput(out);
    Status s = m_writer->preCommit(checkpointId);
    if (!s) throw std::runtime_error("DLQ " + m_target + ": " + s.message());
}

void DlqOperator::restoreState(const StateReader& r)
{
    std::string warning;
    Status s = m_writer->restoreState(r, warning);
    if (!s) throw std::runtime_error("DLQ " + m_target + ": " + s.message());
    if (!warning.empty() && m_ctx) m_ctx->warn(warning);
}

void DlqOperator::notifyCheckpointComplete(std::int64_t checkpointId)
{
    Status s = m_writer->commit(checkpointId);
    if (!s) throw std::runtime_error("DLQ " + m_target + ": " + s.message());
}

void DlqOperator::close()
{
    if (!m_open) return;
    m_open = false;
    m_writer->flush();
    m_writer->close();
}

std::map<std::string, std::uint64_t> DlqOperator::countsByClass() const
{
    std::map<std::string, std::uint64_t> out;
    for (std::size_t i = 0; i < kClasses; ++i)
        if (std::uint64_t n = m_counts[i].load(std::memory_order_relaxed))
            out[std::string(toString(kAll[i]))] = n;
    std::lock_guard lock(m_otherMutex);
    for (const auto& [k, n] : m_other)
        out[k] += n;
    return out;
}

Result<std::unique_ptr<Operator>> makeDlqOperator(const OperatorSpec& spec)
{
    PropertyReader p(spec.node);
    std::string target = p.string("target");
    if (!p.ok()) return p.error();
    DlqWriterFactory factory = findDlqWriter(target);
    if (!factory)
        return makeError("node '" + spec.node.id + "': property 'target': DLQ target '" + target +
                         "' is not available in this build");
    auto writer = factory(spec);
    if (!writer) return writer.error();
    return makeOperator<DlqOperator>(std::move(*writer), target);
}

} // namespace sw::runtime
