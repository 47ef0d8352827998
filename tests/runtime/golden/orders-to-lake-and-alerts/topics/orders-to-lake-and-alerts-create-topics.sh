#!/bin/sh
# Kafka topics of orders-to-lake-and-alerts, created idempotently. Usage: KAFKA_BOOTSTRAP_SERVERS=host:9092 sh orders-to-lake-and-alerts-create-topics.sh
set -eu
: "${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}"
