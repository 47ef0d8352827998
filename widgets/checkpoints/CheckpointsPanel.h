#pragma once
// The Checkpoints dock's content (Flink web UI's checkpoint tab): an overview (completed, failed
// and in-progress counts, restarts, the checkpoint the run resumed from, the latest completed
// checkpoint) and the history of the latest checkpoints: id, status, trigger time, end-to-end
// duration, time until every subtask acknowledged, state size and the longest alignment; each
// row expands to its subtasks (alignment time and state size). Fed the run's CheckpointStats
// (a plain value of MetricsSnapshot) once per tick; rebuilds only when they changed. No
// application logic.
#include <cstdint>
#include <set>

#include <QWidget>

#include "metrics/CheckpointStats.h"

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace sw::widgets {

class CheckpointsPanel : public QWidget {
    Q_OBJECT
public:
    enum Column { Id, Status, Triggered, Duration, Acknowledged, Size, Alignment, ColumnCount };

    explicit CheckpointsPanel(QWidget* parent = nullptr);

    /// The figures of the current run (MetricsSnapshot::checkpoints).
    void setStats(const runtime::CheckpointStats& stats);
    /// Where the run's checkpoints are stored (shown in the overview).
    void setStorePath(const QString& path);
    /// Before a run: no figures, the placeholder text.
    void clear();

    const runtime::CheckpointStats& stats() const { return m_stats; }
    QLabel* overview() const { return m_overview; }
    QTreeWidget* history() const { return m_history; }

    static QString formatDuration(std::int64_t ms);
    static QString formatBytes(std::uint64_t bytes);
    static QString statusText(runtime::CheckpointStatus s);

private:
    void rebuild();
    void updateOverview();
    QTreeWidgetItem* itemFor(const runtime::CheckpointRecord& r) const;

    runtime::CheckpointStats m_stats;
    bool m_hasStats = false;
    QString m_store;
    QLabel* m_overview = nullptr;
    QTreeWidget* m_history = nullptr;
    std::set<std::int64_t> m_expanded; ///< ids the user expanded (kept across rebuilds)
};

} // namespace sw::widgets
