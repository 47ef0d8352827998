#!/bin/sh
# Kafka topics of export-coverage, created idempotently. Usage: KAFKA_BOOTSTRAP_SERVERS=host:9092 sh export-coverage-create-topics.sh
set -eu
: "${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}"

kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
  --topic 'audit.logins.recorded' --partitions 3 --replication-factor 3 \
  --config cleanup.policy=compact --config retention.ms=-1 --config min.insync.replicas=2

kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
  --topic 'cdc.crm.users' --partitions 3 --replication-factor 3 \
  --config cleanup.policy=delete --config retention.ms=604800000 --config min.insync.replicas=2

kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
  --topic 'dlq.coverage-clicks.web.clicks.viewed' --partitions 1 --replication-factor 3 \
  --config cleanup.policy=delete --config retention.ms=2592000000 --config min.insync.replicas=2

kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
  --topic 'metrics.shop.revenue' --partitions 6 --replication-factor 3 \
  --config cleanup.policy=delete --config retention.ms=259200000 --config min.insync.replicas=2

kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
  --topic 'metrics.web.user-totals' --partitions 3 --replication-factor 3 \
  --config cleanup.policy=delete --config retention.ms=259200000 --config min.insync.replicas=2

kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
  --topic 'shop.payments.settled' --partitions 3 --replication-factor 3 \
  --config cleanup.policy=compact --config retention.ms=-1 --config min.insync.replicas=2

kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
  --topic 'web.clicks.enriched' --partitions 3 --replication-factor 3 \
  --config cleanup.policy=compact --config retention.ms=-1 --config min.insync.replicas=2

kafka-topics.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
  --topic 'web.clicks.viewed' --partitions 8 --replication-factor 3 \
  --config cleanup.policy=compact --config retention.ms=-1 --config min.insync.replicas=2
