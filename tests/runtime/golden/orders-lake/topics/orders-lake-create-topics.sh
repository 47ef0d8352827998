#!/bin/sh
# Kafka topics of orders-lake, created idempotently. Usage: KAFKA_BOOTSTRAP_SERVERS=host:9092 sh orders-lake-create-topics.sh
set -eu
: "${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}"
