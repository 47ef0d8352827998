#pragma once
// The rows one dashboard view holds: the latest `limit` rows of a result stream, or the rows of
// its latest `limit` windows (distinct `window_end` values), as a table model with one column per
// schema field. Charts and tiles are folds over exactly these rows (chartData, tileValue), and
// CSV export writes exactly these rows, so what a view shows is what it exports. Fed with the
// engine taps' TappedRecord values; knows nothing of the engine.
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <vector>

#include <QAbstractTableModel>

#include "charts/CategoryChart.h"
#include "metrics/Tap.h"
#include "model/Dashboard.h"
#include "types/Schema.h"

namespace sw::widgets {

class ResultRows : public QAbstractTableModel {
    Q_OBJECT
public:
    using Aggregate = runtime::DashboardView::Aggregate;

    explicit ResultRows(QObject* parent = nullptr);

    /// Sets the columns; clears the rows.
    void setSchema(const runtime::Schema& schema);
    const runtime::Schema& schema() const { return m_schema; }
    /// Keeps the latest `limit` rows, or windows when `byWindows` and the schema has a
    /// `window_end` column (else rows). Evicts what no longer fits.
    void setLimit(int limit, bool byWindows);
    int limit() const { return m_limit; }
    /// True when the limit counts windows (the schema has `window_end`).
    bool limitsWindows() const { return m_byWindows && m_windowColumn >= 0; }

    /// Appends records (oldest first), then evicts beyond the limit.
    void append(const std::vector<runtime::TappedRecord>& records);
    void clear();

    const std::deque<runtime::Row>& rows() const { return m_rows; }
    /// Rows evicted by the limit since the last clear.
    std::uint64_t evicted() const { return m_evicted; }
    /// Windows held (distinct window_end values; 0 without that column).
    int windowCount() const { return static_cast<int>(m_windows.size()); }

    /// Bars/lines over the held rows: categories are the distinct values of column `x` in
    /// value order; one series per distinct value of `series` (or one, named after `value`,
    /// when `series` < 0); each cell folds the `value` column of its rows with `aggregate`.
    CategoryChartData chartData(int x, int value, int series, Aggregate aggregate) const;
    /// The `value` column of every held row folded with `aggregate` (nullopt without rows, or
    /// for min/max/avg/last without a non-null value).
    std::optional<double> tileValue(int value, Aggregate aggregate) const;
    /// How a value of this model shows as text (category labels, table cells).
    static QString text(const runtime::Value& v);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    void evict();
    void forgetWindow(const runtime::Row& row);

    runtime::Schema m_schema;
    std::deque<runtime::Row> m_rows;
    std::map<runtime::Value, int, bool (*)(const runtime::Value&, const runtime::Value&)>
        m_windows; // rows held per window_end value
    int m_limit = runtime::DashboardView::kDefaultLimit;
    bool m_byWindows = false;
    int m_windowColumn = -1;
    std::uint64_t m_evicted = 0;
};

} // namespace sw::widgets
