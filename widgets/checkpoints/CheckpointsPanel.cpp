#include "checkpoints/CheckpointsPanel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sw::widgets {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;

QString timeOfDay(std::int64_t ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"))
                  : QString();
}
} // namespace

CheckpointsPanel::CheckpointsPanel(QWidget* parent) : QWidget(parent)
{
    m_overview = new QLabel(this);
    m_overview->setObjectName(QStringLiteral("checkpointsOverview"));
    m_overview->setWordWrap(true);
    m_overview->setTextFormat(Qt::RichText);
    m_overview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_history = new QTreeWidget(this);
    m_history->setObjectName(QStringLiteral("checkpointsHistory"));
    m_history->setColumnCount(ColumnCount);
    m_history->setHeaderLabels({tr("ID"), tr("Status"), tr("Triggered"), tr("Duration"),
                                tr("Acknowledged"), tr("State size"), tr("Alignment")});
    m_history->headerItem()->setToolTip(
        Duration, tr("End to end: from the trigger until the checkpoint was stored"));
    m_history->headerItem()->setToolTip(
        Acknowledged, tr("From the trigger until every subtask acknowledged its barrier"));
    m_history->headerItem()->setToolTip(
        Alignment, tr("Barrier alignment: the longest subtask (per subtask when expanded)"));
    m_history->setRootIsDecorated(true);
    m_history->setUniformRowHeights(true);
    m_history->setAlternatingRowColors(true);
    m_history->header()->setStretchLastSection(false);
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_history, &QTreeWidget::itemExpanded, this, [this](QTreeWidgetItem* item) {
        m_expanded.insert(item->data(Id, kIdRole).toLongLong());
    });
    connect(m_history, &QTreeWidget::itemCollapsed, this, [this](QTreeWidgetItem* item) {
        m_expanded.erase(item->data(Id, kIdRole).toLongLong());
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_overview);
    layout->addWidget(m_history, 1);
    clear();
}

QString CheckpointsPanel::formatDuration(std::int64_t ms)
{
    if (ms < 1000) return tr("%1 ms").arg(ms);
    return tr("%1 s").arg(QLocale().toString(static_cast<double>(ms) / 1000.0, 'f', 2));
}

QString CheckpointsPanel::formatBytes(std::uint64_t bytes)
{
    return QLocale().formattedDataSize(static_cast<qint64>(bytes), 1,
                                       QLocale::DataSizeTraditionalFormat);
}

QString CheckpointsPanel::statusText(runtime::CheckpointStatus s)
{
    switch (s) {
    case runtime::CheckpointStatus::InProgress:
        return tr("In progress");
    case runtime::CheckpointStatus::Completed:
        return tr("Completed");
    case runtime::CheckpointStatus::Failed:
        return tr("Failed");
    case runtime::CheckpointStatus::Abandoned:
        return tr("Abandoned");
    }
    return {};
}

void CheckpointsPanel::clear()
{
    m_stats = {};
    m_hasStats = false;
    m_expanded.clear();
    m_history->clear();
    updateOverview();
}

void CheckpointsPanel::setStorePath(const QString& path)
{
    m_store = path;
    updateOverview();
}

void CheckpointsPanel::setStats(const runtime::CheckpointStats& stats)
{
    if (m_hasStats && stats.version == m_stats.version) return;
    m_stats = stats;
    m_hasStats = true;
    rebuild();
    updateOverview();
}

QTreeWidgetItem* CheckpointsPanel::itemFor(const runtime::CheckpointRecord& r) const
{
    auto* item = new QTreeWidgetItem;
    item->setData(Id, kIdRole, QVariant::fromValue<qlonglong>(r.id));
    item->setText(Id, QString::number(r.id));
    item->setText(Status, statusText(r.status));
    QStyle* st = style();
    switch (r.status) {
    case runtime::CheckpointStatus::Completed:
        item->setIcon(Status, st->standardIcon(QStyle::SP_DialogApplyButton));
        break;
    case runtime::CheckpointStatus::Failed:
        item->setIcon(Status, st->standardIcon(QStyle::SP_MessageBoxCritical));
        break;
    case runtime::CheckpointStatus::InProgress:
        item->setIcon(Status, st->standardIcon(QStyle::SP_BrowserReload));
        break;
    case runtime::CheckpointStatus::Abandoned:
        item->setIcon(Status, st->standardIcon(QStyle::SP_DialogCancelButton));
        break;
    }
    if (!r.failure.empty()) item->setToolTip(Status, QString::fromStdString(r.failure));
    item->setText(Triggered, timeOfDay(r.triggerMs));
    if (r.attempt > 0) item->setToolTip(Triggered, tr("After restart %1").arg(r.attempt));
    if (r.status != runtime::CheckpointStatus::InProgress)
        item->setText(Duration, formatDuration(r.durationMs));
    if (r.acknowledgedMs >= 0) {
        item->setText(Acknowledged, formatDuration(r.acknowledgedMs));
        if (!r.subtasks.empty()) {
            item->setText(Size, formatBytes(r.stateBytes));
            item->setText(Alignment, formatDuration(r.maxAlignmentMs));
        }
    }
    for (const runtime::SubtaskCheckpointStats& s : r.subtasks) {
        auto* child = new QTreeWidgetItem(item);
        child->setText(
            Id, QStringLiteral("%1 [%2]").arg(QString::fromStdString(s.nodeId)).arg(s.subtask));
        child->setText(Size, formatBytes(s.stateBytes));
        child->setText(Alignment, formatDuration(s.alignmentMs));
    }
    for (int c = Duration; c < ColumnCount; ++c)
        item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    for (int i = 0; i < item->childCount(); ++i)
        for (int c = Duration; c < ColumnCount; ++c)
            item->child(i)->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void CheckpointsPanel::rebuild()
{
    m_history->setUpdatesEnabled(false);
    m_history->clear();
    for (const runtime::CheckpointRecord& r : m_stats.history) {
        QTreeWidgetItem* item = itemFor(r);
        m_history->addTopLevelItem(item);
        if (m_expanded.count(r.id)) item->setExpanded(true);
    }
    m_history->setUpdatesEnabled(true);
}

void CheckpointsPanel::updateOverview()
{
    if (!m_hasStats) {
        m_overview->setText(tr("Run the pipeline to see its checkpoints."));
        return;
    }
    const runtime::CheckpointStats& s = m_stats;
    if (!s.enabled) {
        m_overview->setText(
            tr("This run takes no checkpoints (the pipeline has no checkpoint interval)."));
        return;
    }
    QStringList lines;
    lines << tr("<b>Completed</b> %1 &nbsp; <b>Failed</b> %2 &nbsp; <b>In progress</b> %3 "
                "&nbsp; <b>Restarts</b> %4")
                 .arg(s.completed)
                 .arg(s.failed)
                 .arg(s.inProgress)
                 .arg(s.restarts);
    if (s.restored.id > 0)
        lines << (s.restored.atRestart ? tr("Restored checkpoint %1 at a restart (%2)")
                                       : tr("Resumed from checkpoint %1 (%2)"))
                     .arg(s.restored.id)
                     .arg(timeOfDay(s.restored.atMs));
    else if (s.persisted)
        lines << tr("Started from scratch");
    else
        lines << tr("Checkpoints are not stored: a later run cannot resume from them");
    if (const auto& last = s.latestCompleted)
        lines << tr("Latest completed: %1 at %2, %3, %4, alignment %5")
                     .arg(last->id)
                     .arg(timeOfDay(last->endMs), formatDuration(last->durationMs),
                          formatBytes(last->stateBytes), formatDuration(last->maxAlignmentMs));
    if (!m_store.isEmpty() && s.persisted) lines << tr("Store: %1").arg(m_store.toHtmlEscaped());
    m_overview->setText(lines.join(QStringLiteral("<br>")));
}

} // namespace sw::widgets
