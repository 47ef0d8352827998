#!/bin/sh
# Kafka topics of nexmark-q5-hot-items, created idempotently. Usage: KAFKA_BOOTSTRAP_SERVERS=host:9092 sh nexmark-q5-hot-items-create-topics.sh
set -eu
: "${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}"
