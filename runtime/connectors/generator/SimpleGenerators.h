#pragma once
// The orders, clickstream and IoT generators (internal to connectors/generator).
#include <array>
#include <string>

#include "connectors/generator/EventGenerator.h"
#include "connectors/generator/ZipfSampler.h"

namespace sw::runtime {

/// orders: order_id (= index + 1), customer_id (Zipf over key_cardinality), amount
/// DECIMAL(10, 2) in [1.00, 500.00], category (8 values), event_time.
class OrdersGenerator final : public EventGenerator {
public:
    explicit OrdersGenerator(const GeneratorConfig& c);
    void fill(std::uint64_t index, EventTime eventTime, Row& row) override;

private:
    gen::ZipfSampler m_keys;
};

/// clickstream: event_id, user_id (Zipf), session_id (per user and 30 minutes of event time),
/// page, action (view 60%, click 25%, scroll 7%, add_to_cart 6%, purchase 2%), event_time.
class ClickstreamGenerator final : public EventGenerator {
public:
    explicit ClickstreamGenerator(const GeneratorConfig& c);
    void fill(std::uint64_t index, EventTime eventTime, Row& row) override;

private:
    gen::ZipfSampler m_keys;
    std::uint64_t m_sessionKey;
};

/// iot: reading_id, sensor_id ("sensor-<n>", Zipf), temperature (per-sensor base 18-28 C
/// plus noise), humidity (30-70 %), battery (per-sensor start level draining 1 %/hour of
/// event time), event_time.
class IotGenerator final : public EventGenerator {
public:
    explicit IotGenerator(const GeneratorConfig& c);
    void fill(std::uint64_t index, EventTime eventTime, Row& row) override;

private:
    gen::ZipfSampler m_keys;
    std::uint64_t m_sensorKey;
};

} // namespace sw::runtime
