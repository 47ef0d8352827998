#pragma once
// The `dlq` node's "kafka" target: dead letters as Kafka records.
//
// Topic: the node's `topic`, else dlq.<consumer-group>.<source topic> for records read by a
// Kafka source, else dlq.<pipeline node that failed>. Each DLQ record keeps the original key,
// value (byte-identical; a record that had no raw bytes carries its JSON rendering) and
// timestamp, keeps the original headers, and adds Kafka Connect's error headers:
//   __connect.errors.topic / .partition / .offset    where the record was read
//   __connect.errors.connector.name                  the node that failed (node id)
//   __connect.errors.stage                           VALUE_CONVERTER (parse/type errors),
//                                                    TRANSFORMATION (expression, late),
//                                                    KAFKA_PRODUCE (sink)
//   __connect.errors.exception.class.name            streamwright.ParseError, .TypeError,
//                                                    .ExpressionError, .LateRecord, .SinkError
//   __connect.errors.exception.message               the error message
//   __connect.errors.class.name                      the error class (parse, type, expression,
//   late, sink)
//   __connect.errors.timestamp                       when the error happened (ms since epoch)
// flush() (end of input, every checkpoint barrier) waits until everything is delivered, so a
// source commits dead letters' offsets only once they are in the topic; a record whose delivery
// finally fails stops the pipeline (a DLQ must not lose records silently).
#include <memory>

#include "connectors/dlq/DlqWriter.h"

namespace sw::runtime::kafka {

Result<std::unique_ptr<DlqWriter>> makeKafkaDlqWriter(const OperatorSpec& spec);

} // namespace sw::runtime::kafka
