#!/bin/sh
# Kafka topics of clickstream-sessions, created idempotently. Usage: KAFKA_BOOTSTRAP_SERVERS=host:9092 sh clickstream-sessions-create-topics.sh
set -eu
: "${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}"
