#pragma once
// Run settings of the designer kept in the settings file (Edit > Preferences): whether runs
// serve their metrics in Prometheus' format ("run/metricsEndpoint", off by default) and on which
// port ("run/metricsPort", default 9464; 0 = a free port each time).
namespace sw::app {

struct MetricsEndpointSetting {
    static constexpr int kDefaultPort = 9464;
    bool enabled = false;
    int port = kDefaultPort;
};

MetricsEndpointSetting loadMetricsEndpointSetting();
void storeMetricsEndpointSetting(const MetricsEndpointSetting& s);

} // namespace sw::app
