#pragma once
// The Metrics dock's content: live charts of a running pipeline, one tab each: throughput in/out
// per node, Kafka consumer lag per partition and total, watermark lag per node, queue fill
// (backpressure) per edge and error rate per node. Fed one MetricsSample per tick (4 Hz); keeps
// the last 5 minutes. No application logic: whoever owns the engine calls addSample().
#include <array>

#include <QWidget>

#include "metrics/MetricsRates.h"
#include "model/PipelineSpec.h"

class QLabel;
class QTabWidget;
class QToolButton;

namespace sw::widgets {

class TimeSeriesChart;

class MetricsPanel : public QWidget {
    Q_OBJECT
public:
    enum class Chart { Throughput, ConsumerLag, WatermarkLag, Backpressure, Errors };
    static constexpr int kChartCount = 5;

    explicit MetricsPanel(QWidget* parent = nullptr);

    /// Sets the pipeline whose metrics follow (series names use node labels); clears all data.
    void setPipeline(const runtime::PipelineSpec& pipeline);
    /// Adds one tick of metrics to every chart.
    void addSample(const MetricsSample& sample);
    /// Drops all recorded data (keeps the series).
    void clearData();

    TimeSeriesChart* chart(Chart c) const { return m_charts[static_cast<std::size_t>(c)]; }
    TimeSeriesChart* currentChart() const;
    void showChart(Chart c);

    void setViewPaused(bool paused);
    bool isViewPaused() const;
    /// Shows where the run's metrics are served in Prometheus' format (empty = hidden).
    void setEndpointUrl(const QString& url);
    QString endpointUrl() const { return m_endpointUrl; }
    /// Saves the chart on the current tab as PNG.
    bool exportCurrentChart(const QString& path);

    /// Series ids used by the charts, so callers and tests can address lines.
    static QString throughputId(const std::string& nodeId, bool in);
    static QString edgeId(const runtime::EdgeSpec& e);
    static QString partitionId(const PartitionLag& p);
    static QString totalLagId(const std::string& nodeId);

private:
    void createCharts();
    void addSeries();
    void onExportClicked();
    QString labelOf(const std::string& nodeId) const;
    void addThroughput(const MetricsSample& s);
    void addLag(const MetricsSample& s);
    void addWatermarkLag(const MetricsSample& s);
    void addBackpressure(const MetricsSample& s);
    void addErrors(const MetricsSample& s);

    runtime::PipelineSpec m_pipeline;
    std::array<TimeSeriesChart*, kChartCount> m_charts{};
    QTabWidget* m_tabs = nullptr;
    QToolButton* m_pauseButton = nullptr;
    QToolButton* m_exportButton = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_endpoint = nullptr;
    QString m_endpointUrl;
    WatermarkLagMode m_lagMode = WatermarkLagMode::ProcessingTime;
    bool m_hasKafkaSource = false;
};

} // namespace sw::widgets
