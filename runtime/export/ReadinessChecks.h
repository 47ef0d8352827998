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

} // namespace sw::runtime::exporting
