#pragma once
// A rolling line chart over wall-clock time: one line per series id, the last `window` of data
// (default 5 minutes), legend markers toggle lines (legend-to-pick), the view can be paused
// while data keeps being recorded, and the chart exports as PNG.
//
// All Qt Charts code of the application lives in widgets/charts/ behind this class (Qt Charts is
// deprecated after Qt 6.10; a move to Qt Graphs touches only this folder). Callers never see a
// Qt Charts type.
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include <QColor>
#include <QString>
#include <QStringList>
#include <QWidget>

#include "charts/RollingSeries.h"

class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace sw::widgets {

class TimeSeriesChart : public QWidget {
    Q_OBJECT
public:
    explicit TimeSeriesChart(QWidget* parent = nullptr);
    ~TimeSeriesChart() override;

    void setTitle(const QString& title);
    QString title() const;
    /// Title of the value axis, e.g. "records/s".
    void setValueTitle(const QString& title);
    /// Fixes the value axis to [min, max] (e.g. 0..100 for percentages); without it the axis
    /// grows to fit the visible lines.
    void setFixedValueRange(double min, double max);
    /// Shown over the chart while it has no series (e.g. why there is nothing to show).
    void setPlaceholderText(const QString& text);
    QString placeholderText() const;

    /// Length of the rolling window (default 5 minutes).
    void setWindowMs(std::int64_t ms);
    std::int64_t windowMs() const { return m_windowMs; }

    /// Adds a series (or renames it). Ids are stable keys such as node ids.
    void ensureSeries(const QString& id, const QString& label);
    void removeSeries(const QString& id);
    /// Removes every series and its data.
    void clear();

    /// Appends one point per listed series at time `timeMs` (ms since the epoch); unknown ids are
    /// added with the id as label. Redraws unless the view is paused.
    void appendPoints(std::int64_t timeMs, const std::vector<std::pair<QString, double>>& values);

    /// A paused view keeps recording data but does not redraw until resumed.
    void setViewPaused(bool paused);
    bool isViewPaused() const { return m_paused; }

    void setSeriesVisible(const QString& id, bool visible);
    bool isSeriesVisible(const QString& id) const;

    QStringList seriesIds() const;
    QString seriesLabel(const QString& id) const;
    /// Points recorded for `id` within the window (0 for unknown ids).
    int pointCount(const QString& id) const;
    /// The recorded data of `id` (nullptr for unknown ids).
    const RollingSeries* data(const QString& id) const;
    /// Points currently drawn for `id` (differs from pointCount while the view is paused).
    int drawnPointCount(const QString& id) const;
    /// Number of times the view was redrawn (tests assert a paused view does not redraw).
    int redrawCount() const { return m_redraws; }

    /// Saves what the chart shows as a PNG image.
    bool exportPng(const QString& path);

Q_SIGNALS:
    void seriesVisibilityChanged(const QString& id, bool visible);

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Line {
        QString label;
        RollingSeries data;
        QLineSeries* series = nullptr;
        QColor color;
        bool visible = true;
    };

    Line& lineFor(const QString& id, const QString& label);
    void redraw();
    /// Chart background, text, axes and grid from the widget's palette (light/dark).
    void applyPalette();
    void updateRanges();
    void connectMarker(const QString& id);
    void styleMarker(const QString& id);
    void updatePlaceholder();
    static QColor colorFor(int index);

    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QDateTimeAxis* m_timeAxis = nullptr;
    QValueAxis* m_valueAxis = nullptr;
    QLabel* m_placeholder = nullptr;
    std::map<QString, Line> m_lines;
    QStringList m_order; // insertion order (colours, legend)
    std::int64_t m_windowMs = 5 * 60 * 1000;
    std::int64_t m_lastTimeMs = 0;
    bool m_paused = false;
    bool m_stale = false; ///< data arrived while hidden (e.g. another tab): redraw when shown
    bool m_fixedRange = false;
    double m_fixedMin = 0;
    double m_fixedMax = 0;
    int m_redraws = 0;
    int m_colorIndex = 0;
};

} // namespace sw::widgets
