#include "inspector/RecordTableModel.h"

#include <nlohmann/json.hpp>

#include <QColor>

#include "types/RowJson.h"
#include "types/Value.h"

namespace sw::widgets {

RecordTableModel::RecordTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RecordTableModel::setSchema(const runtime::Schema& schema, std::vector<int> keyColumns)
{
    beginResetModel();
    m_schema = schema;
    m_keys.clear();
    for (int k : keyColumns)
        if (k >= 0 && static_cast<std::size_t>(k) < schema.size()) m_keys.push_back(k);
    m_rows.clear();
    m_evicted = 0;
    endResetModel();
}

void RecordTableModel::append(std::vector<runtime::TappedRecord> records)
{
    if (records.empty()) return;
    // More than fit: only the newest maxRows are kept at all.
    std::size_t skip = records.size() > m_maxRows ? records.size() - m_maxRows : 0;
    m_evicted += skip;
    const std::size_t incoming = records.size() - skip;
    const std::size_t overflow =
        m_rows.size() + incoming > m_maxRows ? m_rows.size() + incoming - m_maxRows : 0;
    if (overflow > 0) {
        beginRemoveRows({}, 0, static_cast<int>(overflow) - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + static_cast<std::ptrdiff_t>(overflow));
        m_evicted += overflow;
        endRemoveRows();
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(incoming) - 1);
    for (std::size_t i = skip; i < records.size(); ++i)
        m_rows.push_back(std::move(records[i]));
    endInsertRows();
}

void RecordTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_evicted = 0;
    endResetModel();
}

std::string RecordTableModel::recordJson(int row) const
{
    return runtime::rowToJson(record(row).row, m_schema);
}

std::string RecordTableModel::prettyJson(int row) const
{
    const runtime::TappedRecord& r = record(row);
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(recordJson(row), nullptr, false);
    if (j.is_discarded()) return recordJson(row);
    nlohmann::ordered_json meta;
    meta["sequence"] = r.sequence;
    meta["event_time"] = r.timestamp == runtime::kNoTimestamp
                             ? nlohmann::ordered_json()
                             : nlohmann::ordered_json(runtime::formatTimestamp(r.timestamp));
    meta["subtask"] = r.subtask;
    j["$meta"] = meta;
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

QString RecordTableModel::keyText(const runtime::TappedRecord& r) const
{
    QStringList parts;
    for (int k : m_keys)
        if (static_cast<std::size_t>(k) < r.row.size())
            parts << QString::fromStdString(r.row[static_cast<std::size_t>(k)].toString());
    return parts.join(QStringLiteral(", "));
}

int RecordTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RecordTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FirstFieldColumn + static_cast<int>(m_schema.size());
}

QVariant RecordTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()) return {};
    const runtime::TappedRecord& r = record(index.row());
    const int c = index.column();
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        if (c == SequenceColumn) return QVariant::fromValue<qulonglong>(r.sequence);
        if (c == EventTimeColumn)
            return r.timestamp == runtime::kNoTimestamp
                       ? QString()
                       : QString::fromStdString(runtime::formatTimestamp(r.timestamp));
        if (c == KeyColumn) return keyText(r);
        const std::size_t f = static_cast<std::size_t>(c - FirstFieldColumn);
        if (f < r.row.size()) return QString::fromStdString(r.row[f].toString());
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        if (c >= FirstFieldColumn) {
            const std::size_t f = static_cast<std::size_t>(c - FirstFieldColumn);
            if (f < r.row.size()) {
                const auto k = r.row[f].kind();
                if (k == runtime::Value::Kind::Int || k == runtime::Value::Kind::Double ||
                    k == runtime::Value::Kind::Decimal)
                    return QVariant(Qt::AlignRight | Qt::AlignVCenter);
            }
        }
        if (c == SequenceColumn) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ForegroundRole && c >= FirstFieldColumn) {
        const std::size_t f = static_cast<std::size_t>(c - FirstFieldColumn);
        if (f < r.row.size() && r.row[f].isNull()) return QColor(Qt::gray);
    }
    return {};
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal) return {};
    if (role == Qt::DisplayRole) {
        if (section == SequenceColumn) return tr("#");
        if (section == EventTimeColumn) return tr("event time");
        if (section == KeyColumn) return tr("key");
        const std::size_t f = static_cast<std::size_t>(section - FirstFieldColumn);
        if (f < m_schema.size()) return QString::fromStdString(m_schema[f].name);
    }
    if (role == Qt::ToolTipRole && section >= FirstFieldColumn) {
        const std::size_t f = static_cast<std::size_t>(section - FirstFieldColumn);
        if (f < m_schema.size())
            return QString::fromStdString(m_schema[f].name + " " + m_schema[f].type.toString());
    }
    return {};
}

// ------------------------------------------------------------------------ filter

RecordFilterProxy::RecordFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {}

runtime::Status RecordFilterProxy::setExpression(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        m_expr.reset();
        m_text.clear();
        m_evalErrors = 0;
        invalidateFilter();
        return runtime::Status::ok();
    }
    auto* model = qobject_cast<RecordTableModel*>(sourceModel());
    if (!model) return runtime::makeError("no records to filter");
    auto compiled = runtime::expr::Expression::compile(trimmed.toStdString(), model->schema());
    if (!compiled) return compiled.error();
    m_expr = std::move(compiled).value();
    m_text = trimmed;
    m_evalErrors = 0;
    invalidateFilter();
    return runtime::Status::ok();
}

bool RecordFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    if (!m_expr) return true;
    auto* model = static_cast<RecordTableModel*>(sourceModel());
    const runtime::TappedRecord& r = model->record(sourceRow);
    runtime::expr::EvalError err;
    const bool keep = m_expr->test(runtime::RowView(r.row.data(), r.row.size()), err);
    if (err.set()) ++m_evalErrors;
    return keep && !err.set();
}

} // namespace sw::widgets
