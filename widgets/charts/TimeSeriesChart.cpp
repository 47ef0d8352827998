#include "charts/TimeSeriesChart.h"

#include "charts/ChartStyle.h"

#include <algorithm>
#include <cmath>

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QPalette>
#include <QPen>
#include <QPixmap>
#include <QVBoxLayout>
#include <QValueAxis>

namespace sw::widgets {

TimeSeriesChart::TimeSeriesChart(QWidget* parent) : QWidget(parent)
{
    m_chart = chartstyle::newChart();

    m_timeAxis = new QDateTimeAxis;
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_timeAxis->setTickCount(6);
    // A valid range before the view is first laid out: with QDateTimeAxis's default range the
    // time labels and grid never appear, whatever ranges follow (Qt 6.4).
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(now - m_windowMs),
                         QDateTime::fromMSecsSinceEpoch(now));
    m_valueAxis = new QValueAxis;
    m_valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_valueAxis->setMin(0);
    m_valueAxis->setMax(1);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);

    m_view = chartstyle::newView(m_chart, this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    m_placeholder = chartstyle::newPlaceholder(this);
    applyPalette();
}

TimeSeriesChart::~TimeSeriesChart() = default;

void TimeSeriesChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) applyPalette();
}

void TimeSeriesChart::applyPalette()
{
    chartstyle::applyPalette(m_chart, m_view, palette(), {m_timeAxis, m_valueAxis});
    for (const auto& entry : m_lines)
        styleMarker(entry.first);
}

void TimeSeriesChart::setTitle(const QString& title)
{
    m_chart->setTitle(title);
}
QString TimeSeriesChart::title() const
{
    return m_chart->title();
}
void TimeSeriesChart::setValueTitle(const QString& title)
{
    m_valueAxis->setTitleText(title);
}

void TimeSeriesChart::setFixedValueRange(double min, double max)
{
    m_fixedRange = true;
    m_fixedMin = min;
    m_fixedMax = max;
    m_valueAxis->setRange(min, max);
}

void TimeSeriesChart::setPlaceholderText(const QString& text)
{
    m_placeholder->setText(text);
    updatePlaceholder();
}

QString TimeSeriesChart::placeholderText() const
{
    return m_placeholder->text();
}

void TimeSeriesChart::setWindowMs(std::int64_t ms)
{
    m_windowMs = std::max<std::int64_t>(ms, 1000);
    for (auto& [id, line] : m_lines)
        line.data.setWindowMs(m_windowMs);
    if (!m_paused) redraw();
}

TimeSeriesChart::Line& TimeSeriesChart::lineFor(const QString& id, const QString& label)
{
    auto it = m_lines.find(id);
    if (it != m_lines.end()) return it->second;
    Line& line = m_lines[id];
    line.label = label;
    line.data.setWindowMs(m_windowMs);
    line.color = colorFor(m_colorIndex++);
    line.series = new QLineSeries;
    line.series->setName(label);
    QPen pen(line.color);
    pen.setWidthF(1.8);
    line.series->setPen(pen);
    m_chart->addSeries(line.series);
    line.series->attachAxis(m_timeAxis);
    line.series->attachAxis(m_valueAxis);
    m_order.push_back(id);
    connectMarker(id);
    updatePlaceholder();
    return line;
}

void TimeSeriesChart::ensureSeries(const QString& id, const QString& label)
{
    Line& line = lineFor(id, label);
    if (line.label != label) {
        line.label = label;
        line.series->setName(label);
    }
}

void TimeSeriesChart::removeSeries(const QString& id)
{
    auto it = m_lines.find(id);
    if (it == m_lines.end()) return;
    m_chart->removeSeries(it->second.series);
    delete it->second.series;
    m_lines.erase(it);
    m_order.removeAll(id);
    updatePlaceholder();
}

void TimeSeriesChart::clear()
{
    for (auto& [id, line] : m_lines) {
        m_chart->removeSeries(line.series);
        delete line.series;
    }
    m_lines.clear();
    m_order.clear();
    m_colorIndex = 0;
    m_lastTimeMs = 0;
    updatePlaceholder();
}

void TimeSeriesChart::appendPoints(std::int64_t timeMs,
                                   const std::vector<std::pair<QString, double>>& values)
{
    for (const auto& [id, value] : values) {
        double v = std::isfinite(value) ? value : 0.0;
        lineFor(id, id).data.append(timeMs, v);
    }
    m_lastTimeMs = std::max(m_lastTimeMs, timeMs);
    // Every line shares the time axis: trim lines that got no point this time too.
    for (auto& [id, line] : m_lines)
        if (!line.data.empty() && line.data.points().back().timeMs < m_lastTimeMs - m_windowMs)
            line.data.clear();
    // Hidden charts (the other tabs of the Metrics dock) record data but draw nothing until
    // they are shown: one redraw of the visible chart per tick, not of every chart.
    if (m_paused) return;
    if (isVisible())
        redraw();
    else
        m_stale = true;
}

void TimeSeriesChart::showEvent(QShowEvent* event)
{
    if (m_stale && !m_paused) redraw();
    QWidget::showEvent(event);
}

void TimeSeriesChart::setViewPaused(bool paused)
{
    if (m_paused == paused) return;
    m_paused = paused;
    if (!m_paused) redraw();
}

void TimeSeriesChart::redraw()
{
    for (auto& [id, line] : m_lines) {
        QList<QPointF> pts;
        pts.reserve(static_cast<qsizetype>(line.data.size()));
        for (const ChartPoint& p : line.data.points())
            pts.append(QPointF(static_cast<double>(p.timeMs), p.value));
        line.series->replace(pts);
    }
    updateRanges();
    m_stale = false;
    ++m_redraws;
}

void TimeSeriesChart::updateRanges()
{
    // The time axis spans the data (at least kMinSpanMs, filling from the left) until the data
    // covers the whole window; then it rolls. A fresh run is not squeezed into the right edge.
    constexpr std::int64_t kMinSpanMs = 20'000;
    const std::int64_t end = m_lastTimeMs ? m_lastTimeMs : QDateTime::currentMSecsSinceEpoch();
    std::int64_t first = end;
    for (const auto& [id, line] : m_lines)
        if (!line.data.empty()) first = std::min(first, line.data.points().front().timeMs);
    const std::int64_t start = std::max(end - m_windowMs, first);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(start),
                         QDateTime::fromMSecsSinceEpoch(std::max(end, start + kMinSpanMs)));
    if (m_fixedRange) return;
    double top = 0;
    for (const auto& [id, line] : m_lines)
        if (line.visible) top = std::max(top, line.data.maxValue());
    chartstyle::setNiceRange(m_valueAxis, 0, top);
}

void TimeSeriesChart::connectMarker(const QString& id)
{
    const Line& line = m_lines.at(id);
    for (QLegendMarker* marker : m_chart->legend()->markers(line.series)) {
        connect(marker, &QLegendMarker::clicked, this,
                [this, id] { setSeriesVisible(id, !isSeriesVisible(id)); });
    }
}

void TimeSeriesChart::styleMarker(const QString& id)
{
    const Line& line = m_lines.at(id);
    for (QLegendMarker* marker : m_chart->legend()->markers(line.series)) {
        // A hidden line keeps its marker (so it can be picked again), drawn faded.
        QColor c = line.color;
        if (!line.visible) c.setAlphaF(0.25);
        marker->setBrush(c);
        marker->setPen(QPen(c));
        QColor label = m_chart->legend()->labelColor();
        if (!line.visible) label.setAlphaF(0.4);
        marker->setLabelBrush(label);
        marker->setVisible(true);
    }
}

void TimeSeriesChart::setSeriesVisible(const QString& id, bool visible)
{
    auto it = m_lines.find(id);
    if (it == m_lines.end() || it->second.visible == visible) return;
    it->second.visible = visible;
    it->second.series->setVisible(visible);
    styleMarker(id);
    if (!m_paused) updateRanges();
    Q_EMIT seriesVisibilityChanged(id, visible);
}

bool TimeSeriesChart::isSeriesVisible(const QString& id) const
{
    auto it = m_lines.find(id);
    return it != m_lines.end() && it->second.visible;
}

QStringList TimeSeriesChart::seriesIds() const
{
    return m_order;
}

QString TimeSeriesChart::seriesLabel(const QString& id) const
{
    auto it = m_lines.find(id);
    return it == m_lines.end() ? QString() : it->second.label;
}

int TimeSeriesChart::pointCount(const QString& id) const
{
    auto it = m_lines.find(id);
    return it == m_lines.end() ? 0 : static_cast<int>(it->second.data.size());
}

const RollingSeries* TimeSeriesChart::data(const QString& id) const
{
    auto it = m_lines.find(id);
    return it == m_lines.end() ? nullptr : &it->second.data;
}

int TimeSeriesChart::drawnPointCount(const QString& id) const
{
    auto it = m_lines.find(id);
    return it == m_lines.end() ? 0 : static_cast<int>(it->second.series->count());
}

bool TimeSeriesChart::exportPng(const QString& path)
{
    // A paused view exports what it shows; a live one first catches up with the data.
    if (!m_paused) redraw();
    return m_view->grab().save(path, "PNG");
}

void TimeSeriesChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_placeholder->setGeometry(rect().adjusted(24, 40, -24, -40));
}

void TimeSeriesChart::updatePlaceholder()
{
    m_placeholder->setVisible(m_lines.empty() && !m_placeholder->text().isEmpty());
    m_placeholder->raise();
}

QColor TimeSeriesChart::colorFor(int index)
{
    return chartstyle::seriesColor(index);
}

} // namespace sw::widgets
