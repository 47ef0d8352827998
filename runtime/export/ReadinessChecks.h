#pragma once
// Internal: checklist items of ReadinessReport implemented in ReadinessOperationalChecks.cpp.
#include "export/ReadinessReport.h"
#include "export/TopicPlan.h"

namespace sw::runtime::exporting {

ReadinessItem checkDelivery(const PipelineSpec& p, const TopicPlan& plan);
ReadinessItem checkMonitoring(const PipelineSpec& p);
ReadinessItem checkBackpressure(const PipelineSpec& p);
ReadinessItem checkRetention(const PipelineSpec& p, const TopicPlan& plan);
ReadinessItem checkSchemaEvolution(const PipelineSpec& p);
ReadinessItem checkLagAlerts(const PipelineSpec& p);
ReadinessItem checkAutoscaling(const PipelineSpec& p);
/// Kinesis sinks: shards for the expected rate (1 MiB/s or 1000 records/s each), partition key
/// (ReadinessKinesis.cpp; findings of the topic-partitioning item).
void kinesisShardFindings(const PipelineSpec& p, ReadinessItem& item);
int requiredKinesisShards(long long recordsPerSecond, long long recordBytes);

} // namespace sw::runtime::exporting
