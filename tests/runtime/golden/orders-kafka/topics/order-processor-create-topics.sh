#!/bin/sh
# Kafka topics of order-processor, created idempotently. Usage: KAFKA_BOOTSTRAP_SERVERS=host:9092 sh order-processor-create-topics.sh
set -eu
: "${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}"

kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
  --topic 'dlq.order-processor.orders.created' --partitions 1 --replication-factor 3 \
  --config cleanup.policy=delete --config retention.ms=2592000000 --config min.insync.replicas=2

kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
  --topic 'metrics.orders.revenue' --partitions 3 --replication-factor 3 \
  --config cleanup.policy=delete --config retention.ms=259200000 --config min.insync.replicas=2

kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
  --topic 'orders.created' --partitions 3 --replication-factor 3 \
  --config cleanup.policy=compact --config retention.ms=-1 --config min.insync.replicas=2
