#pragma once
// Which consumer group read a record: every record a KafkaSource emits carries a Provenance whose
// `origin` string object is owned by that source subtask, so its address identifies the reader.
// The Kafka DLQ target names its default topic dlq.<consumer-group>.<topic> from it. (Commits do
// not go through here: sources commit on checkpoint completion, see KafkaSource.h.)
//
// Thread-safe. Plain C++ (no librdkafka).
#include <string>

#include "exec/Record.h"

namespace sw::runtime::kafka {

/// Registers the consumer group of the source that owns `origin`. Kept after the source closes
/// (a DLQ may still write its last errors); an address is reused only after every record of the
/// old source is gone, and is then registered again.
void registerOrigin(const std::string* origin, const std::string& groupId);

/// The consumer group of the Kafka source that read the record `p` came from ("" when `p` is
/// not from a Kafka source of this process).
std::string consumerGroupOf(const Provenance& p);

} // namespace sw::runtime::kafka
