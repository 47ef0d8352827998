#pragma once
// Captured records of one tapped edge as a table: sequence, event time, key, one column per
// schema field, subtask. Bounded (oldest rows are evicted and counted). Records come from the
// engine's taps as plain TappedRecord values; this model never sees the engine.
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include "expr/Expression.h"
#include "metrics/Tap.h"
#include "types/Schema.h"

namespace sw::widgets {

class RecordTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum FixedColumn {
        SequenceColumn = 0,
        EventTimeColumn = 1,
        KeyColumn = 2,
        FirstFieldColumn = 3
    };

    explicit RecordTableModel(QObject* parent = nullptr);

    /// Sets the columns; clears the rows. `keyColumns` index `schema` (empty = no key).
    void setSchema(const runtime::Schema& schema, std::vector<int> keyColumns);
    const runtime::Schema& schema() const { return m_schema; }
    void setMaxRows(std::size_t n) { m_maxRows = n ? n : 1; }
    std::size_t maxRows() const { return m_maxRows; }

    /// Appends records (oldest first); evicts the oldest rows beyond maxRows().
    void append(std::vector<runtime::TappedRecord> records);
    void clear();

    const runtime::TappedRecord& record(int row) const
    {
        return m_rows[static_cast<std::size_t>(row)];
    }
    /// Rows evicted because the table was full.
    std::uint64_t evicted() const { return m_evicted; }

    /// The record as a compact JSON object (Flink-style values).
    std::string recordJson(int row) const;
    /// The record as pretty JSON, with event time and subtask in a "$meta" member.
    std::string prettyJson(int row) const;
    QString keyText(const runtime::TappedRecord& r) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    runtime::Schema m_schema;
    std::vector<int> m_keys;
    std::deque<runtime::TappedRecord> m_rows;
    std::size_t m_maxRows = 10000;
    std::uint64_t m_evicted = 0;
};

/// Shows the rows for which a SQL expression (the pipeline's expression language) is TRUE.
class RecordFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RecordFilterProxy(QObject* parent = nullptr);

    /// Compiles `text` against the source model's schema; empty text shows everything. On error
    /// the previous filter stays and the error (with column) is returned.
    runtime::Status setExpression(const QString& text);
    QString expressionText() const { return m_text; }
    bool hasExpression() const { return m_expr.has_value(); }
    /// Rows whose evaluation failed (e.g. division by zero), hidden.
    std::uint64_t evaluationErrors() const { return m_evalErrors; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    std::optional<runtime::expr::Expression> m_expr;
    QString m_text;
    mutable std::uint64_t m_evalErrors = 0;
};

} // namespace sw::widgets
