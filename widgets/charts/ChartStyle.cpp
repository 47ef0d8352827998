#include "charts/ChartStyle.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLegend>
#include <QPainter>
#include <QPalette>
#include <QPen>
#include <QValueAxis>

namespace sw::widgets::chartstyle {

QChart* newChart()
{
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setShowToolTips(true);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    return chart;
}

QChartView* newView(QChart* chart, QWidget* parent)
{
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    // QChartView's own minimum (axes + legend) would hold every dock tabbed with the charts
    // (Problems, Dead Letters) at ~250 px; the chart shrinks to what the dock is given.
    view->setMinimumSize(120, 80);
    return view;
}

QLabel* newPlaceholder(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setAttribute(Qt::WA_TransparentForMouseEvents);
    label->setForegroundRole(QPalette::PlaceholderText); // legible on light and dark
    QFont italic = label->font();
    italic.setItalic(true);
    label->setFont(italic);
    label->hide();
    return label;
}

void applyPalette(QChart* chart, QChartView* view, const QPalette& pal,
                  std::initializer_list<QAbstractAxis*> axes)
{
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = pal.color(QPalette::Mid);
    chart->setBackgroundBrush(pal.base());
    chart->setBackgroundPen(QPen(pal.color(QPalette::Mid)));
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis : axes) {
        if (!axis) continue;
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid.lighter(pal.base().color().lightness() > 128 ? 130 : 80));
    }
    view->setBackgroundBrush(pal.window());
}

QColor seriesColor(int index)
{
    static const QColor palette[] = {
        QColor(0x4e79a7), QColor(0xf28e2b), QColor(0x59a14f), QColor(0xe15759), QColor(0x76b7b2),
        QColor(0xedc948), QColor(0xb07aa1), QColor(0xff9da7), QColor(0x9c755f), QColor(0xbab0ac),
    };
    return palette[index % static_cast<int>(std::size(palette))];
}

double niceCeil(double v)
{
    if (v <= 0) return 1;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (v <= m * p) return m * p;
    return 10 * p;
}

void setNiceRange(QValueAxis* axis, double low, double top, const QString& suffix)
{
    // Round steps (1, 2 or 5 x 10^k: 5 or 6 ticks over a positive range) labelled as plain
    // numbers, never exponents. Negative values extend the axis below 0 by whole steps.
    top = std::max(top, 0.0);
    low = std::min(low, 0.0);
    const double max = niceCeil((top - low) * 1.1);
    const double p10 = std::pow(10.0, std::floor(std::log10(max) + 1e-9));
    const bool two = std::abs(max / p10 - 2.0) < 1e-6;
    const double step = two ? max / 4 : max / 5;
    const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(decimals) + suffix);
    if (low >= 0) {
        axis->setTickCount(two ? 5 : 6);
        axis->setRange(0, max);
        return;
    }
    const double lo = -std::ceil(-low * 1.05 / step) * step;
    const double hi = std::max(step, std::ceil(top * 1.05 / step) * step);
    axis->setTickCount(static_cast<int>(std::lround((hi - lo) / step)) + 1);
    axis->setRange(lo, hi);
}

double labelScale(double maxAbs, QString* suffix)
{
    if (maxAbs >= 1e6) {
        *suffix = QStringLiteral(" M");
        return 1e6;
    }
    if (maxAbs >= 1e4) {
        *suffix = QStringLiteral(" k");
        return 1e3;
    }
    suffix->clear();
    return 1;
}

} // namespace sw::widgets::chartstyle
