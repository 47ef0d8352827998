#include "run/RunSettings.h"

#include <algorithm>

#include "files/AppPaths.h"

namespace sw::app {

namespace {
const char* const kEnabledKey = "run/metricsEndpoint";
const char* const kPortKey = "run/metricsPort";
} // namespace

MetricsEndpointSetting loadMetricsEndpointSetting()
{
    auto settings = makeSettings();
    MetricsEndpointSetting s;
    s.enabled = settings->value(kEnabledKey, false).toBool();
    s.port = std::clamp(settings->value(kPortKey, MetricsEndpointSetting::kDefaultPort).toInt(), 0,
                        65535);
    return s;
}

void storeMetricsEndpointSetting(const MetricsEndpointSetting& s)
{
    auto settings = makeSettings();
    settings->setValue(kEnabledKey, s.enabled);
    settings->setValue(kPortKey, s.port);
}

} // namespace sw::app
