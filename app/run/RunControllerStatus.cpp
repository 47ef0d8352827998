// RunController's state texts, status line and problem list (split from RunController.cpp).
#include "run/RunController.h"

#include "catalog/Catalog.h"
#include "run/OverlayModel.h"

namespace sw::app {

namespace {
constexpr std::size_t kMaxProblems = 1000;

QString formatUptime(std::int64_t ms)
{
    const std::int64_t s = ms / 1000;
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

QString toDisplayString(RunState s)
{
    switch (s) {
    case RunState::Idle:
        return RunController::tr("Idle");
    case RunState::Starting:
        return RunController::tr("Starting");
    case RunState::Running:
        return RunController::tr("Running");
    case RunState::Paused:
        return RunController::tr("Paused");
    case RunState::Stopping:
        return RunController::tr("Stopping");
    }
    return {};
}

QString toDisplayString(RunOutcome o)
{
    switch (o) {
    case RunOutcome::None:
        return {};
    case RunOutcome::Finished:
        return RunController::tr("Finished");
    case RunOutcome::Stopped:
        return RunController::tr("Stopped");
    case RunOutcome::Failed:
        return RunController::tr("Failed");
    case RunOutcome::StartFailed:
        return RunController::tr("Could not start");
    }
    return {};
}

bool RunController::isErrorsPort(const runtime::PortRef& port) const
{
    const runtime::NodeSpec* n = m_pipeline.findNode(port.node);
    const runtime::NodeType* t = n ? runtime::Catalog::instance().find(n->type) : nullptr;
    if (!t) return false;
    for (const auto& p : t->outputs)
        if (p.name == port.port) return p.errors;
    return false;
}

std::vector<runtime::PortRef> RunController::errorPorts(const runtime::PipelineSpec& pipeline)
{
    std::vector<runtime::PortRef> ports;
    for (const auto& n : pipeline.nodes)
        if (const runtime::NodeType* t = runtime::Catalog::instance().find(n.type))
            for (const auto& p : t->outputs)
                if (p.errors) ports.push_back({n.id, p.name});
    return ports;
}

double RunController::throughput() const
{
    double total = 0;
    for (const auto& n : m_pipeline.nodes) {
        const runtime::NodeType* t = runtime::Catalog::instance().find(n.type);
        if (!t || !t->isSource()) continue;
        if (const widgets::NodeRates* r = m_sample.rates.node(n.id)) total += r->outPerSec;
    }
    return total;
}

QString RunController::statusText() const
{
    QString text = toDisplayString(m_state);
    if (m_state == RunState::Idle) {
        if (m_outcome == RunOutcome::None) return text;
        text = toDisplayString(m_outcome);
        if (m_outcome == RunOutcome::StartFailed || m_sample.snapshot.takenAtMs == 0) return text;
        return text + tr(" after %1").arg(formatUptime(m_sample.snapshot.uptimeMs));
    }
    if (m_state == RunState::Starting) return text + QStringLiteral("…");
    text += QStringLiteral(" · %1 · %2")
                .arg(formatUptime(m_sample.snapshot.uptimeMs),
                     QString::fromStdString(formatRate(throughput())));
    if (!m_brokerAddress.isEmpty()) text += tr(" · Kafka %1").arg(m_brokerAddress);
    return text;
}

void RunController::addProblem(RunProblem::Severity sev, const std::string& node,
                               const std::string& msg, std::int64_t timeMs)
{
    if (m_problems.size() >= kMaxProblems) {
        ++m_droppedProblems;
        if (m_droppedProblems == 1)
            m_problems.back() =
                RunProblem{RunProblem::Severity::Warning,
                           {},
                           tr("More runtime problems were not listed (limit %1)").arg(kMaxProblems),
                           timeMs,
                           m_run};
        return;
    }
    m_problems.push_back(
        RunProblem{sev, QString::fromStdString(node), QString::fromStdString(msg), timeMs, m_run});
    Q_EMIT problemsChanged();
}

void RunController::clearProblems()
{
    m_problems.clear();
    m_droppedProblems = 0;
    Q_EMIT problemsChanged();
}

} // namespace sw::app
