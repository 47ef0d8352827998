#include "dlq/DlqTableModel.h"

#include <algorithm>

#include <QColor>

#include "types/Value.h"

namespace sw::widgets {

DlqTableModel::DlqTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void DlqTableModel::append(std::vector<DlqEntry> entries)
{
    if (entries.empty()) return;
    const std::size_t skip = entries.size() > m_max ? entries.size() - m_max : 0;
    m_dropped += skip;
    const std::size_t incoming = entries.size() - skip;
    const std::size_t overflow =
        m_entries.size() + incoming > m_max ? m_entries.size() + incoming - m_max : 0;
    if (overflow > 0) {
        beginRemoveRows({}, 0, static_cast<int>(overflow) - 1);
        m_entries.erase(m_entries.begin(),
                        m_entries.begin() + static_cast<std::ptrdiff_t>(overflow));
        m_dropped += overflow;
        endRemoveRows();
    }
    bool newCategory = false;
    const int first = static_cast<int>(m_entries.size());
    beginInsertRows({}, first, first + static_cast<int>(incoming) - 1);
    for (std::size_t i = skip; i < entries.size(); ++i) {
        DlqEntry& e = entries[i];
        e.id = m_nextId++;
        newCategory |= m_reasons.insert(e.errorClass).second;
        newCategory |= m_nodes.insert(e.nodeId).second;
        m_entries.push_back(std::move(e));
    }
    endInsertRows();
    if (newCategory) Q_EMIT categoriesChanged();
}

void DlqTableModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_dropped = 0;
    m_reasons.clear();
    m_nodes.clear();
    endResetModel();
    Q_EMIT categoriesChanged();
}

int DlqTableModel::rowOf(std::uint64_t id) const
{
    // Ids increase with the row: binary search.
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), id,
                               [](const DlqEntry& e, std::uint64_t v) { return e.id < v; });
    if (it == m_entries.end() || it->id != id) return -1;
    return static_cast<int>(it - m_entries.begin());
}

const DlqEntry* DlqTableModel::find(std::uint64_t id) const
{
    const int r = rowOf(id);
    return r < 0 ? nullptr : &m_entries[static_cast<std::size_t>(r)];
}

void DlqTableModel::setReplayState(std::uint64_t id, DlqEntry::Replay state,
                                   const std::string& note)
{
    const int r = rowOf(id);
    if (r < 0) return;
    m_entries[static_cast<std::size_t>(r)].replay = state;
    m_entries[static_cast<std::size_t>(r)].replayNote = note;
    Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
}

void DlqTableModel::setEditedText(std::uint64_t id, const std::string& text)
{
    const int r = rowOf(id);
    if (r < 0) return;
    m_entries[static_cast<std::size_t>(r)].editedText = text;
    Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
}

int DlqTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int DlqTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DlqTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()) return {};
    const DlqEntry& e = entry(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TimeColumn:
            return QString::fromStdString(runtime::formatTimestamp(e.errorTime));
        case NodeColumn:
            return QString::fromStdString(e.nodeId);
        case ReasonColumn:
            return QString::fromStdString(e.errorClass);
        case SourceColumn: {
            // Generated records have no topic/offset or file/line.
            const std::string pos = e.sourcePosition();
            return pos.empty() ? QStringLiteral("—") : QString::fromStdString(pos);
        }
        case MessageColumn:
            return QString::fromStdString(e.message);
        case ReplayColumn:
            switch (e.replay) {
            case DlqEntry::Replay::None:
                return e.editedText ? tr("edited") : QString();
            case DlqEntry::Replay::Replayed:
                return tr("replayed");
            case DlqEntry::Replay::Failed:
                return role == Qt::ToolTipRole ? QString::fromStdString(e.replayNote)
                                               : tr("replay failed");
            }
        }
    }
    if (role == Qt::ForegroundRole && index.column() == ReplayColumn) {
        if (e.replay == DlqEntry::Replay::Replayed) return QColor(0x2e, 0x8b, 0x57);
        if (e.replay == DlqEntry::Replay::Failed) return QColor(0xc0, 0x39, 0x2b);
    }
    return {};
}

QVariant DlqTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case NodeColumn:
        return tr("Node");
    case ReasonColumn:
        return tr("Reason");
    case SourceColumn:
        return tr("Source position");
    case MessageColumn:
        return tr("Message");
    case ReplayColumn:
        return tr("Replay");
    }
    return {};
}

// ------------------------------------------------------------------------ filter

DlqFilterProxy::DlqFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {}

void DlqFilterProxy::setReason(const QString& reason)
{
    m_reason = reason;
    invalidateFilter();
}

void DlqFilterProxy::setNode(const QString& node)
{
    m_node = node;
    invalidateFilter();
}

bool DlqFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const auto* model = static_cast<const DlqTableModel*>(sourceModel());
    const DlqEntry& e = model->entry(sourceRow);
    if (!m_reason.isEmpty() && QString::fromStdString(e.errorClass) != m_reason) return false;
    if (!m_node.isEmpty() && QString::fromStdString(e.nodeId) != m_node) return false;
    return true;
}

} // namespace sw::widgets
