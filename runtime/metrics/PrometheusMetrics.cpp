#include "metrics/PrometheusMetrics.h"

#include <limits>
#include <sstream>

#include <prometheus/collectable.h>
#include <prometheus/exposer.h>
#include <prometheus/metric_family.h>
#include <prometheus/text_serializer.h>

namespace sw::runtime {

namespace {

using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;

class Families {
public:
    explicit Families(std::string pipeline) : m_pipeline(std::move(pipeline)) {}

    /// Adds one sample to the family `name` (created on first use, in order of first use).
    void add(const std::string& name, const std::string& help, MetricType type, double value,
             std::vector<ClientMetric::Label> labels = {})
    {
        ClientMetric& m = sample(name, help, type, std::move(labels));
        if (type == MetricType::Counter)
            m.counter.value = value;
        else
            m.gauge.value = value;
    }
    /// Adds a histogram sample: cumulative bucket counts for `bounds`, +Inf is `count`.
    void histogram(const std::string& name, const std::string& help, const double* bounds,
                   const std::vector<std::uint64_t>& buckets, std::uint64_t count, double sum)
    {
        ClientMetric& m = sample(name, help, MetricType::Histogram, {});
        m.histogram.sample_count = count;
        m.histogram.sample_sum = sum;
        for (std::size_t i = 0; i < buckets.size(); ++i)
            m.histogram.bucket.push_back({buckets[i], bounds[i]});
        m.histogram.bucket.push_back({count, std::numeric_limits<double>::infinity()});
    }
    std::vector<MetricFamily> take() { return std::move(m_families); }

private:
    ClientMetric& sample(const std::string& name, const std::string& help, MetricType type,
                         std::vector<ClientMetric::Label> labels)
    {
        MetricFamily* f = nullptr;
        for (MetricFamily& existing : m_families)
            if (existing.name == name) f = &existing;
        if (!f) {
            m_families.push_back(MetricFamily{name, help, type, {}});
            f = &m_families.back();
        }
        ClientMetric m;
        m.label.push_back({"pipeline", m_pipeline});
        for (auto& l : labels)
            m.label.push_back(std::move(l));
        f->metric.push_back(std::move(m));
        return f->metric.back();
    }

    std::string m_pipeline;
    std::vector<MetricFamily> m_families;
};

/// Checkpoint counts, the last completed checkpoint, the duration histogram and restarts.
void addCheckpoints(Families& f, const CheckpointStats& c)
{
    const auto C = MetricType::Counter;
    const auto G = MetricType::Gauge;
    f.add("streamwright_checkpoints_completed_total",
          "Checkpoints completed (durably stored) in this run, restarts included.", C,
          static_cast<double>(c.completed));
    f.add("streamwright_checkpoints_failed_total",
          "Checkpoints that failed (write error, timeout) in this run.", C,
          static_cast<double>(c.failed));
    f.add("streamwright_checkpoints_in_progress", "Checkpoints triggered and not finished yet.", G,
          static_cast<double>(c.inProgress));
    f.histogram("streamwright_checkpoint_duration_seconds",
                "End-to-end duration of completed checkpoints (trigger to stored).",
                kDurationBucketsSec, c.durationBuckets, c.completed, c.durationSumSec);
    if (const auto& last = c.latestCompleted) {
        f.add("streamwright_last_checkpoint_duration_seconds",
              "End-to-end duration of the latest completed checkpoint.", G,
              static_cast<double>(last->durationMs) / 1000.0);
        f.add("streamwright_last_checkpoint_size_bytes",
              "State size of the latest completed checkpoint, summed over subtasks.", G,
              static_cast<double>(last->stateBytes));
        f.add("streamwright_last_checkpoint_alignment_seconds",
              "Longest barrier alignment of a subtask in the latest completed checkpoint.", G,
              static_cast<double>(last->maxAlignmentMs) / 1000.0);
        f.add("streamwright_last_checkpoint_timestamp_seconds",
              "When the latest completed checkpoint completed (Unix time).", G,
              static_cast<double>(last->endMs) / 1000.0);
    }
    f.add("streamwright_restored_checkpoint_id",
          "The checkpoint the run restored (0 = started from scratch).", G,
          static_cast<double>(c.restored.id));
    f.add("streamwright_restarts_total", "Restarts of the run after failures.", C,
          static_cast<double>(c.restarts));
}

std::vector<MetricFamily> families(const MetricsSnapshot& s, const std::string& pipeline)
{
    Families f(pipeline);
    const auto C = MetricType::Counter;
    const auto G = MetricType::Gauge;
    f.add("streamwright_uptime_seconds", "Time since the run started.", G,
          static_cast<double>(s.uptimeMs) / 1000.0);
    for (const NodeMetrics& n : s.nodes) {
        const ClientMetric::Label node{"node", n.nodeId};
        f.add("streamwright_node_records_in_total", "Records a node received.", C,
              static_cast<double>(n.recordsIn), {node});
        f.add("streamwright_node_records_out_total", "Records a node emitted on its data ports.", C,
              static_cast<double>(n.recordsOut), {node});
        f.add("streamwright_node_errors_total", "Records a node sent to its errors port.", C,
              static_cast<double>(n.errors), {node});
        f.add("streamwright_node_late_records_total", "Records too late for any window.", C,
              static_cast<double>(n.late), {node});
        f.add("streamwright_node_dropped_records_total", "Duplicates a dedup node dropped.", C,
              static_cast<double>(n.dropped), {node});
        f.add("streamwright_node_busy_seconds_total",
              "Processing time of a node, summed over its subtasks.", C,
              static_cast<double>(n.busyNs) / 1e9, {node});
        f.add("streamwright_node_watermark_lag_seconds",
              "Largest event time seen minus the node's watermark.", G,
              static_cast<double>(n.eventTimeLagMs) / 1000.0, {node});
    }
    for (const EdgeMetrics& e : s.edges) {
        const ClientMetric::Label from{"from", e.edge.from.node + "." + e.edge.from.port};
        const ClientMetric::Label to{"to", e.edge.to.node + "." + e.edge.to.port};
        f.add("streamwright_edge_queue_fill_ratio",
              "Batches queued on an edge over its capacity (0 for chained edges).", G, e.fill,
              {from, to});
        f.add("streamwright_edge_backpressure_seconds_total",
              "Time producers spent blocked on a full edge.", C,
              static_cast<double>(e.blockedNs) / 1e9, {from, to});
    }
    for (const SplitMetrics& p : s.splits) {
        std::vector<ClientMetric::Label> labels{
            {"node", p.nodeId}, {"topic", p.topic}, {"partition", std::to_string(p.partition)}};
        if (p.lag >= 0)
            f.add("streamwright_kafka_consumer_lag",
                  "Records between a Kafka source's position and the partition's end.", G,
                  static_cast<double>(p.lag), labels);
        if (p.position >= 0)
            f.add("streamwright_kafka_consumer_position",
                  "Next offset a Kafka source reads in a partition.", G,
                  static_cast<double>(p.position), labels);
    }
    addCheckpoints(f, s.checkpoints);
    return f.take();
}

class SnapshotCollector final : public prometheus::Collectable {
public:
    SnapshotCollector(std::string pipeline, std::function<MetricsSnapshot()> source)
        : m_pipeline(std::move(pipeline)), m_source(std::move(source))
    {
    }
    std::vector<MetricFamily> Collect() const override { return families(m_source(), m_pipeline); }

private:
    std::string m_pipeline;
    std::function<MetricsSnapshot()> m_source;
};

} // namespace

std::string prometheusText(const MetricsSnapshot& s, const std::string& pipeline)
{
    return prometheus::TextSerializer().Serialize(families(s, pipeline));
}

struct MetricsEndpoint::Impl {
    std::shared_ptr<SnapshotCollector> collector;
    std::unique_ptr<prometheus::Exposer> exposer;
};

Result<std::unique_ptr<MetricsEndpoint>>
MetricsEndpoint::start(int port, std::string pipeline, std::function<MetricsSnapshot()> source)
{
    if (port < 0 || port > 65535)
        return makeError("metrics port " + std::to_string(port) + " is not a port (0..65535)");
    std::unique_ptr<MetricsEndpoint> e(new MetricsEndpoint());
    e->m_impl = std::make_unique<Impl>();
    e->m_pipeline = pipeline;
    e->m_impl->collector =
        std::make_shared<SnapshotCollector>(std::move(pipeline), std::move(source));
    try {
        // One server thread: scrapes are rare and each renders one snapshot.
        e->m_impl->exposer =
            std::make_unique<prometheus::Exposer>("127.0.0.1:" + std::to_string(port), 1);
    } catch (const std::exception& ex) {
        return makeError("cannot serve metrics on 127.0.0.1:" + std::to_string(port) +
                         " (port in use or not permitted): " + ex.what());
    }
    e->m_impl->exposer->RegisterCollectable(e->m_impl->collector);
    const auto ports = e->m_impl->exposer->GetListeningPorts();
    e->m_port = ports.empty() ? port : ports.front();
    return e;
}

MetricsEndpoint::~MetricsEndpoint() = default;

} // namespace sw::runtime
