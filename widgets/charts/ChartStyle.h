#pragma once
// What every chart of the application shares (TimeSeriesChart, CategoryChart): a QChart set up
// the same way, colours and axes that follow the widget's palette (light/dark), the series
// colour cycle, the placeholder label shown over an empty chart and round value-axis ranges.
// Internal to widgets/charts/: callers never see a Qt Charts type.
#include <initializer_list>

#include <QColor>
#include <QString>

class QAbstractAxis;
class QChart;
class QChartView;
class QLabel;
class QPalette;
class QValueAxis;
class QWidget;

namespace sw::widgets::chartstyle {

/// A chart without animations, small margins, legend at the bottom, bold title.
QChart* newChart();
/// A view of `chart` in `parent` with antialiasing and a small minimum size.
QChartView* newView(QChart* chart, QWidget* parent);
/// An italic, palette-aware label shown over an empty chart (hidden at first).
QLabel* newPlaceholder(QWidget* parent);
/// Background, title, legend and `axes` coloured from `pal`.
void applyPalette(QChart* chart, QChartView* view, const QPalette& pal,
                  std::initializer_list<QAbstractAxis*> axes);
/// The n-th colour of the series cycle (Tableau 10: distinct on light and dark).
QColor seriesColor(int index);
/// Rounds `v` up to 1, 2 or 5 times a power of ten.
double niceCeil(double v);
/// Sets `axis` to [min(0, low), top] rounded, with 5 or 6 round ticks labelled without exponents
/// (`suffix` after each label, e.g. " M" for values drawn in millions).
void setNiceRange(QValueAxis* axis, double low, double top, const QString& suffix = {});
/// The power of 1000 (1, 1e3 or 1e6) to divide values by so axis labels stay short, and the
/// suffix saying so (" k", " M").
double labelScale(double maxAbs, QString* suffix);

} // namespace sw::widgets::chartstyle
