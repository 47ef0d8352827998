#pragma once
// All dead-letter records of the runs as a table (time, node, reason, source position, message,
// replay state), bounded, with a filter by reason and node.
#include <cstdint>
#include <deque>
#include <set>

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include "dlq/DlqEntry.h"

namespace sw::widgets {

class DlqTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        NodeColumn,
        ReasonColumn,
        SourceColumn,
        MessageColumn,
        ReplayColumn,
        ColumnCount
    };

    explicit DlqTableModel(QObject* parent = nullptr);

    void setMaxEntries(std::size_t n) { m_max = n ? n : 1; }
    /// Appends entries; assigns their ids. Beyond the bound the oldest are dropped (counted).
    void append(std::vector<DlqEntry> entries);
    void clear();

    int count() const { return static_cast<int>(m_entries.size()); }
    const DlqEntry& entry(int row) const { return m_entries[static_cast<std::size_t>(row)]; }
    /// Row of entry `id`, or -1.
    int rowOf(std::uint64_t id) const;
    const DlqEntry* find(std::uint64_t id) const;
    void setReplayState(std::uint64_t id, DlqEntry::Replay state, const std::string& note);
    void setEditedText(std::uint64_t id, const std::string& text);
    std::uint64_t dropped() const { return m_dropped; }
    const std::set<std::string>& reasons() const { return m_reasons; }
    const std::set<std::string>& nodes() const { return m_nodes; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

Q_SIGNALS:
    /// New reasons or nodes appeared (filters update their choices).
    void categoriesChanged();

private:
    std::deque<DlqEntry> m_entries;
    std::size_t m_max = 100000;
    std::uint64_t m_nextId = 1;
    std::uint64_t m_dropped = 0;
    std::set<std::string> m_reasons;
    std::set<std::string> m_nodes;
};

class DlqFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit DlqFilterProxy(QObject* parent = nullptr);
    /// Empty = any.
    void setReason(const QString& reason);
    void setNode(const QString& node);
    QString reason() const { return m_reason; }
    QString node() const { return m_node; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_reason;
    QString m_node;
};

} // namespace sw::widgets
