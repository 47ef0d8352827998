#include "charts/CategoryChart.h"

#include <algorithm>

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFontMetrics>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QPixmap>
#include <QVBoxLayout>
#include <QValueAxis>

#include "charts/ChartStyle.h"

namespace sw::widgets {

CategoryChart::CategoryChart(QWidget* parent) : QWidget(parent)
{
    m_chart = chartstyle::newChart();
    m_xAxis = new QBarCategoryAxis;
    m_valueAxis = new QValueAxis;
    m_valueAxis->setRange(0, 1);
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_view = chartstyle::newView(m_chart, this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_placeholder = chartstyle::newPlaceholder(this);
    applyPalette();
    updatePlaceholder();
}

CategoryChart::~CategoryChart() = default;

void CategoryChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) applyPalette();
}

void CategoryChart::applyPalette()
{
    chartstyle::applyPalette(m_chart, m_view, palette(), {m_xAxis, m_valueAxis});
}

void CategoryChart::setKind(Kind kind)
{
    if (m_kind == kind) return;
    m_kind = kind;
    redraw();
}

void CategoryChart::setTitle(const QString& title)
{
    m_chart->setTitle(title);
}
QString CategoryChart::title() const
{
    return m_chart->title();
}
void CategoryChart::setValueTitle(const QString& title)
{
    m_valueAxis->setTitleText(title);
}

void CategoryChart::setPlaceholderText(const QString& text)
{
    m_placeholder->setText(text);
    updatePlaceholder();
}
QString CategoryChart::placeholderText() const
{
    return m_placeholder->text();
}

void CategoryChart::setData(const CategoryChartData& data)
{
    if (data == m_data) return;
    m_data = data;
    if (isVisible())
        redraw();
    else
        m_stale = true; // drawn when shown (a view on a hidden dock tab costs nothing)
}

void CategoryChart::showEvent(QShowEvent* event)
{
    if (m_stale) redraw();
    QWidget::showEvent(event);
}

void CategoryChart::redraw()
{
    m_chart->removeAllSeries();
    m_xAxis->setCategories(m_data.categories);
    double low = 0, top = 0;
    for (const CategoryChartData::Series& s : m_data.series)
        for (const auto& v : s.values)
            if (v) low = std::min(low, *v), top = std::max(top, *v);
    // Large values are drawn in thousands or millions (" k", " M" on the axis labels).
    QString suffix;
    const double scale = chartstyle::labelScale(std::max(top, -low), &suffix);
    int index = 0;
    auto* bars = m_kind == Kind::Bars ? new QBarSeries : nullptr;
    for (const CategoryChartData::Series& s : m_data.series) {
        const QColor color = chartstyle::seriesColor(index++);
        if (bars) {
            auto* set = new QBarSet(s.name);
            set->setColor(color);
            set->setBorderColor(color);
            for (const auto& v : s.values)
                *set << v.value_or(0.0) / scale;
            bars->append(set);
            continue;
        }
        auto* line = new QLineSeries;
        line->setName(s.name);
        QPen pen(color);
        pen.setWidthF(1.8);
        line->setPen(pen);
        line->setPointsVisible(true);
        for (std::size_t i = 0; i < s.values.size(); ++i)
            if (s.values[i]) line->append(static_cast<double>(i), *s.values[i] / scale);
        m_chart->addSeries(line);
        line->attachAxis(m_xAxis);
        line->attachAxis(m_valueAxis);
    }
    if (bars) {
        bars->setBarWidth(0.85);
        m_chart->addSeries(bars);
        bars->attachAxis(m_xAxis);
        bars->attachAxis(m_valueAxis);
    }
    chartstyle::setNiceRange(m_valueAxis, low / scale, top / scale, suffix);
    fitCategoryLabels();
    m_chart->legend()->setVisible(m_data.series.size() > 1);
    updatePlaceholder();
    m_stale = false;
    ++m_redraws;
}

int CategoryChart::drawnValueCount() const
{
    int n = 0;
    for (QAbstractSeries* s : m_chart->series()) {
        if (auto* bars = qobject_cast<QBarSeries*>(s))
            for (QBarSet* set : bars->barSets())
                n += set->count();
        else if (auto* line = qobject_cast<QLineSeries*>(s))
            n += line->count();
    }
    return n;
}

bool CategoryChart::exportPng(const QString& path)
{
    if (m_stale) redraw();
    return m_view->grab().save(path, "PNG");
}

void CategoryChart::fitCategoryLabels()
{
    // Labels wider than their slot are turned (instead of elided to "bea..."), as spreadsheets do.
    const QFontMetrics fm(m_xAxis->labelsFont());
    int widest = 0;
    for (const QString& c : m_data.categories)
        widest = std::max(widest, fm.horizontalAdvance(c));
    const qreal slot =
        m_chart->plotArea().width() / std::max<qsizetype>(1, m_data.categories.size());
    const bool turn = widest + 6 > slot && slot > 0;
    m_xAxis->setLabelsAngle(turn ? -40 : 0);
    m_xAxis->setTruncateLabels(!turn); // turned labels have the room: whole words
}

void CategoryChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitCategoryLabels();
    m_placeholder->setGeometry(rect().adjusted(24, 40, -24, -40));
}

void CategoryChart::updatePlaceholder()
{
    m_placeholder->setVisible(m_data.categories.isEmpty() && !m_placeholder->text().isEmpty());
    m_placeholder->raise();
}

} // namespace sw::widgets
