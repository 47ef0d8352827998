#include "run/DlqBrowser.h"

#include <QVBoxLayout>

#include "dlq/DlqBrowserView.h"
#include "dlq/DlqTableModel.h"
#include "run/DlqReplay.h"
#include "run/RecordInjector.h"
#include "run/RunController.h"
#include "types/Value.h"

namespace sw::app {

DlqBrowser::DlqBrowser(RunController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_view(new widgets::DlqBrowserView(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    connect(controller, &RunController::tapBatch, this, &DlqBrowser::onTapBatch);
    connect(controller, &RunController::stateChanged, this, &DlqBrowser::updateAvailability);
    connect(m_view, &widgets::DlqBrowserView::replayRequested, this,
            [this](const std::vector<std::uint64_t>& ids) { replay(ids); });
    updateAvailability();
}

void DlqBrowser::onTapBatch(const TapBatch& batch)
{
    if (!m_controller->isErrorsPort(batch.port)) return;
    if (batch.run != m_run) {
        m_run = batch.run;
        m_nextSeq.clear();
    }
    const std::string key = batch.port.node + "." + batch.port.port;
    std::vector<widgets::DlqEntry> entries;
    std::uint64_t missed = 0;
    auto [it, fresh] = m_nextSeq.try_emplace(key, 0);
    for (const runtime::TappedRecord& r : *batch.records) {
        if (r.sequence > it->second) missed += r.sequence - it->second; // the ring overwrote them
        it->second = r.sequence + 1;
        widgets::DlqEntry e = widgets::dlqEntryFromErrorRow(r.row, batch.schema);
        e.run = batch.run;
        e.eventTimeMs = r.timestamp;
        entries.push_back(std::move(e));
    }
    if (missed) m_view->addMissed(missed);
    if (!entries.empty()) {
        m_view->addEntries(std::move(entries));
        Q_EMIT countChanged(m_view->model()->count());
    }
}

void DlqBrowser::updateAvailability()
{
    const RunState s = m_controller->state();
    const bool live = (s == RunState::Running || s == RunState::Paused) &&
                      m_controller->injector() && m_controller->injector()->canInject();
    m_view->setReplayAvailable(live, tr("Replay feeds records into a running pipeline: start the "
                                        "pipeline (with your fix) first"));
}

int DlqBrowser::replay(const std::vector<std::uint64_t>& ids)
{
    RecordInjector* injector = m_controller->injector();
    int injected = 0;
    for (std::uint64_t id : ids) {
        const widgets::DlqEntry* e = m_view->model()->find(id);
        if (!e) continue;
        if (!injector || !injector->canInject()) {
            m_view->setReplayResult(id, false, tr("no pipeline is running"));
            continue;
        }
        auto prepared = prepareReplay(*e, m_controller->pipeline(), *injector);
        if (!prepared) {
            m_view->setReplayResult(id, false, QString::fromStdString(prepared.error().message));
            continue;
        }
        std::vector<runtime::Record> records;
        records.push_back(std::move(prepared->record));
        runtime::Status st = injector->inject(prepared->nodeId, prepared->port, std::move(records));
        if (!st) {
            m_view->setReplayResult(id, false, QString::fromStdString(st.error().message));
            continue;
        }
        ++injected;
        m_view->setReplayResult(id, true,
                                tr("replayed into '%1' in run %2")
                                    .arg(QString::fromStdString(prepared->nodeId))
                                    .arg(m_controller->runNumber()));
    }
    return injected;
}

} // namespace sw::app
