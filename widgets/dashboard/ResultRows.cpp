#include "dashboard/ResultRows.h"

#include <algorithm>

#include <QColor>

#include "types/Value.h"

namespace sw::widgets {

namespace {

bool valueLess(const runtime::Value& a, const runtime::Value& b)
{
    return compare(a, b) < 0;
}

/// One cell of a chart or a tile: the fold of the non-null values of its rows.
struct Fold {
    std::uint64_t count = 0;
    double sum = 0, min = 0, max = 0, last = 0;

    void add(const runtime::Value& v)
    {
        if (v.isNull()) return;
        const double d = v.toDouble();
        min = count ? std::min(min, d) : d;
        max = count ? std::max(max, d) : d;
        sum += d;
        last = d;
        ++count;
    }
    std::optional<double> result(ResultRows::Aggregate a) const
    {
        using A = ResultRows::Aggregate;
        if (a == A::Count) return static_cast<double>(count);
        if (count == 0) return std::nullopt;
        switch (a) {
        case A::Sum:
            return sum;
        case A::Min:
            return min;
        case A::Max:
            return max;
        case A::Avg:
            return sum / static_cast<double>(count);
        default:
            return last;
        }
    }
};

bool isNumeric(const runtime::Value& v)
{
    const auto k = v.kind();
    return k == runtime::Value::Kind::Int || k == runtime::Value::Kind::Double ||
           k == runtime::Value::Kind::Decimal;
}

const runtime::Value& cell(const runtime::Row& row, int column)
{
    static const runtime::Value null;
    return column >= 0 && static_cast<std::size_t>(column) < row.size()
               ? row[static_cast<std::size_t>(column)]
               : null;
}

/// Labels of distinct category or series values: text(), and for timestamps only what differs:
/// "00:05" for windows of one day (not "2024-01-01 00:05:00.000").
QStringList labelsFor(const std::vector<runtime::Value>& values)
{
    QStringList out;
    bool times = !values.empty();
    for (const runtime::Value& v : values) {
        out << QString::fromStdString(v.toString());
        times = times && v.kind() == runtime::Value::Kind::Timestamp;
    }
    if (!times) {
        for (int i = 0; i < out.size(); ++i)
            out[i] = ResultRows::text(values[static_cast<std::size_t>(i)]);
        return out;
    }
    auto all = [&](auto&& pred) { return std::all_of(out.begin(), out.end(), pred); };
    if (all([&](const QString& s) { return s.left(11) == out.front().left(11); }))
        for (QString& s : out)
            s = s.mid(11);
    if (all([](const QString& s) { return s.endsWith(QLatin1String(".000")); }))
        for (QString& s : out)
            s.chop(4);
    if (all([](const QString& s) { return s.endsWith(QLatin1String(":00")) && s.size() > 5; }))
        for (QString& s : out)
            s.chop(3);
    return out;
}

} // namespace

ResultRows::ResultRows(QObject* parent) : QAbstractTableModel(parent), m_windows(&valueLess) {}

void ResultRows::setSchema(const runtime::Schema& schema)
{
    beginResetModel();
    m_schema = schema;
    m_windowColumn = schema.indexOf("window_end");
    m_rows.clear();
    m_windows.clear();
    m_evicted = 0;
    endResetModel();
}

void ResultRows::setLimit(int limit, bool byWindows)
{
    m_limit = std::max(1, limit);
    if (byWindows != m_byWindows) {
        m_byWindows = byWindows;
        m_windows.clear();
        if (limitsWindows())
            for (const runtime::Row& r : m_rows)
                ++m_windows[cell(r, m_windowColumn)];
    }
    evict();
}

void ResultRows::append(const std::vector<runtime::TappedRecord>& records)
{
    if (records.empty()) return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(records.size()) - 1);
    for (const runtime::TappedRecord& r : records) {
        m_rows.push_back(r.row);
        if (limitsWindows()) ++m_windows[cell(r.row, m_windowColumn)];
    }
    endInsertRows();
    evict();
}

void ResultRows::clear()
{
    beginResetModel();
    m_rows.clear();
    m_windows.clear();
    m_evicted = 0;
    endResetModel();
}

void ResultRows::forgetWindow(const runtime::Row& row)
{
    auto it = m_windows.find(cell(row, m_windowColumn));
    if (it != m_windows.end() && --it->second == 0) m_windows.erase(it);
}

void ResultRows::evict()
{
    if (!limitsWindows()) {
        const std::size_t limit = static_cast<std::size_t>(m_limit);
        if (m_rows.size() <= limit) return;
        const int n = static_cast<int>(m_rows.size() - limit);
        beginRemoveRows({}, 0, n - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + n);
        endRemoveRows();
        m_evicted += static_cast<std::uint64_t>(n);
        return;
    }
    // The oldest windows go first (by window_end, not by arrival: a late window's rows are
    // the first to leave), with every row they hold.
    while (static_cast<int>(m_windows.size()) > m_limit) {
        const runtime::Value oldest = m_windows.begin()->first;
        m_windows.erase(m_windows.begin());
        for (int i = static_cast<int>(m_rows.size()) - 1; i >= 0; --i) {
            if (compare(cell(m_rows[static_cast<std::size_t>(i)], m_windowColumn), oldest) != 0)
                continue;
            beginRemoveRows({}, i, i);
            m_rows.erase(m_rows.begin() + i);
            endRemoveRows();
            ++m_evicted;
        }
    }
}

CategoryChartData ResultRows::chartData(int x, int value, int series, Aggregate aggregate) const
{
    CategoryChartData out;
    if (x < 0 || value < 0) return out;
    std::map<runtime::Value, int, decltype(&valueLess)> xs(&valueLess), ss(&valueLess);
    for (const runtime::Row& r : m_rows) {
        xs.emplace(cell(r, x), 0);
        if (series >= 0) ss.emplace(cell(r, series), 0);
    }
    int i = 0;
    std::vector<runtime::Value> xValues, sValues;
    for (auto& [v, index] : xs) {
        index = i++;
        xValues.push_back(v);
    }
    out.categories = labelsFor(xValues);
    i = 0;
    for (auto& [v, index] : ss) {
        index = i++;
        sValues.push_back(v);
    }
    const std::size_t nSeries = series >= 0 ? ss.size() : (xs.empty() ? 0 : 1);
    std::vector<std::vector<Fold>> folds(nSeries, std::vector<Fold>(xs.size()));
    for (const runtime::Row& r : m_rows) {
        const int si = series >= 0 ? ss.at(cell(r, series)) : 0;
        folds[static_cast<std::size_t>(si)][static_cast<std::size_t>(xs.at(cell(r, x)))].add(
            cell(r, value));
    }
    const QString valueName =
        static_cast<std::size_t>(value) < m_schema.size()
            ? QString::fromStdString(m_schema[static_cast<std::size_t>(value)].name)
            : QString();
    std::vector<QString> names(nSeries, valueName);
    if (series >= 0) {
        const QStringList labels = labelsFor(sValues);
        for (std::size_t s = 0; s < nSeries; ++s)
            names[s] = labels[static_cast<qsizetype>(s)];
    }
    for (std::size_t s = 0; s < nSeries; ++s) {
        CategoryChartData::Series cs{names[s], {}};
        for (const Fold& f : folds[s])
            cs.values.push_back(f.result(aggregate));
        out.series.push_back(std::move(cs));
    }
    return out;
}

std::optional<double> ResultRows::tileValue(int value, Aggregate aggregate) const
{
    if (value < 0 || m_rows.empty()) return std::nullopt;
    Fold f;
    for (const runtime::Row& r : m_rows)
        f.add(cell(r, value));
    return f.result(aggregate);
}

QString ResultRows::text(const runtime::Value& v)
{
    QString s = QString::fromStdString(v.toString());
    // Window bounds are whole seconds: "2024-01-01 00:05:00", not "...:00.000".
    if (v.kind() == runtime::Value::Kind::Timestamp && s.endsWith(QLatin1String(".000"))) s.chop(4);
    return s;
}

int ResultRows::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ResultRows::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_schema.size());
}

QVariant ResultRows::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()) return {};
    const runtime::Value& v = cell(m_rows[static_cast<std::size_t>(index.row())], index.column());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return text(v);
    if (role == Qt::TextAlignmentRole && isNumeric(v))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && v.isNull()) return QColor(Qt::gray);
    return {};
}

QVariant ResultRows::headerData(int section, Qt::Orientation o, int role) const
{
    if (role != Qt::DisplayRole) return {};
    if (o == Qt::Vertical) return section + 1;
    if (static_cast<std::size_t>(section) < m_schema.size())
        return QString::fromStdString(m_schema[static_cast<std::size_t>(section)].name);
    return {};
}

} // namespace sw::widgets
