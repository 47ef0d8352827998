#pragma once
// A bar or line chart over categories (the x values of a result: categories, window ends): one
// bar set or line per series, at most one value per (category, series). Fed whole data sets
// (setData), drawn in the application's chart style (charts/ChartStyle.h, as TimeSeriesChart),
// follows the palette, exports as PNG. Callers never see a Qt Charts type.
#include <optional>
#include <vector>

#include <QString>
#include <QStringList>
#include <QWidget>

class QBarCategoryAxis;
class QChart;
class QChartView;
class QLabel;
class QValueAxis;

namespace sw::widgets {

struct CategoryChartData {
    struct Series {
        QString name;
        std::vector<std::optional<double>> values; ///< one per category; nullopt = no value
        friend bool operator==(const Series&, const Series&) = default;
    };
    QStringList categories;
    std::vector<Series> series;
    friend bool operator==(const CategoryChartData&, const CategoryChartData&) = default;
};

class CategoryChart : public QWidget {
    Q_OBJECT
public:
    enum class Kind { Bars, Lines };

    explicit CategoryChart(QWidget* parent = nullptr);
    ~CategoryChart() override;

    void setKind(Kind kind);
    Kind kind() const { return m_kind; }
    void setTitle(const QString& title);
    QString title() const;
    void setValueTitle(const QString& title);
    /// Shown over the chart while it has no data.
    void setPlaceholderText(const QString& text);
    QString placeholderText() const;

    /// Replaces what the chart shows (redrawn now, or when shown if hidden).
    void setData(const CategoryChartData& data);
    const CategoryChartData& data() const { return m_data; }
    /// Values drawn (bars or points), for tests: what the Qt Charts series hold now.
    int drawnValueCount() const;
    int redrawCount() const { return m_redraws; }

    /// Saves what the chart shows as a PNG image of the chart's size.
    bool exportPng(const QString& path);

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void redraw();
    void applyPalette();
    void updatePlaceholder();
    void fitCategoryLabels();

    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QBarCategoryAxis* m_xAxis = nullptr;
    QValueAxis* m_valueAxis = nullptr;
    QLabel* m_placeholder = nullptr;
    CategoryChartData m_data;
    Kind m_kind = Kind::Bars;
    bool m_stale = false;
    int m_redraws = 0;
};

} // namespace sw::widgets
