#pragma once
// The run's metrics in Prometheus' text exposition format, served on 127.0.0.1 (prometheus-cpp's
// pull exposer): `streamwright-run run --metrics-port PORT`. Each scrape reads one
// MetricsSnapshot (Engine::snapshot never stalls the pipeline) and renders it; nothing is
// counted twice, so counters only increase within a run.
//
// Names follow Prometheus' conventions (base units, `_total` for counters, one `pipeline`
// label on every series):
//   streamwright_node_records_in_total{node}        counter
//   streamwright_node_records_out_total{node}       counter (data ports)
//   streamwright_node_errors_total{node}            counter (records sent to `errors`)
//   streamwright_node_late_records_total{node}      counter
//   streamwright_node_dropped_records_total{node}   counter (dedup duplicates)
//   streamwright_node_busy_seconds_total{node}      counter (processing time over subtasks)
//   streamwright_node_watermark_lag_seconds{node}   gauge (max event time - watermark)
//   streamwright_edge_queue_fill_ratio{from,to}     gauge 0..1 (queued / capacity batches)
//   streamwright_edge_backpressure_seconds_total{from,to} counter (producers blocked)
//   streamwright_kafka_consumer_lag{node,topic,partition}  gauge (records behind the end)
//   streamwright_kafka_consumer_position{node,topic,partition} gauge (next offset to read)
//   streamwright_uptime_seconds                     gauge
//   streamwright_checkpoints_completed_total        counter (restarts included)
//   streamwright_checkpoints_failed_total           counter
//   streamwright_checkpoints_in_progress            gauge
//   streamwright_checkpoint_duration_seconds        histogram (completed, trigger to stored)
//   streamwright_last_checkpoint_duration_seconds   gauge  \  of the latest completed
//   streamwright_last_checkpoint_size_bytes         gauge   | checkpoint (absent before
//   streamwright_last_checkpoint_alignment_seconds  gauge   | the first one)
//   streamwright_last_checkpoint_timestamp_seconds  gauge  /
//   streamwright_restored_checkpoint_id             gauge (0 = started from scratch)
//   streamwright_restarts_total                     counter
#include <functional>
#include <memory>
#include <string>

#include "metrics/MetricsSnapshot.h"
#include "util/Result.h"

namespace sw::runtime {

/// The exposition text of `s` (what GET /metrics returns).
std::string prometheusText(const MetricsSnapshot& s, const std::string& pipeline);

class MetricsEndpoint {
public:
    /// Serves GET /metrics on 127.0.0.1:`port` (0 = a free port) with the snapshots `source`
    /// returns (called on the server's threads: it must be thread-safe). Fails with a message
    /// naming the port when it cannot listen there (in use, not permitted).
    static Result<std::unique_ptr<MetricsEndpoint>> start(int port, std::string pipeline,
                                                          std::function<MetricsSnapshot()> source);
    ~MetricsEndpoint();
    MetricsEndpoint(const MetricsEndpoint&) = delete;
    MetricsEndpoint& operator=(const MetricsEndpoint&) = delete;

    int port() const { return m_port; }
    /// The `pipeline` label of its series.
    const std::string& pipeline() const { return m_pipeline; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/metrics"; }

    struct Impl;

private:
    MetricsEndpoint() = default;
    std::unique_ptr<Impl> m_impl;
    int m_port = 0;
    std::string m_pipeline;
};

} // namespace sw::runtime
