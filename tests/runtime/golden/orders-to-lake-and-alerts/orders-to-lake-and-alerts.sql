-- Flink SQL for pipeline 'orders-to-lake-and-alerts' (job orders-to-lake-and-alerts), exported by Streamwright.
-- Target: Apache Flink 1.20 with the Kafka, JDBC and filesystem connectors.
-- Not carried over exactly (per node, see the export report):
--   orders: [approximated] generator: Flink's datagen connector emits uniformly random values: the orders value distributions, key skew, duplicates, malformed records, the seed and the start time are lost, event time is the wall clock (minus up to the generated disorder) (closest equivalent: replay a recorded Kafka topic with a kafka-source)
--   orders: [not-exportable] errors-output: the generator's malformed records and its errors output have no datagen equivalent: datagen emits only well-formed rows (closest equivalent: exercise error handling against a Kafka topic that holds recorded bad records)
--   archive: [note] lake-files: part files are named part-<uuid>-<subtask>-<n> by Flink (part-<subtask>-<n>.avro or .jsonl.gz here), a partition gets a _SUCCESS file once the watermark passes its end (closest equivalent: point 'path' at shared storage (e.g. s3://bucket/archive/))
--   archive: [not-exportable] errors-output: records the sink cannot write go to the errors output here, in Flink a write failure fails the job and it restarts from the last checkpoint (closest equivalent: restart strategy + alerting on job restarts)
--   revenue: [not-exportable] errors-output: late records go to the errors output here, Flink SQL windows drop late records (closest equivalent: DataStream windows with sideOutputLateData())
--   alerts: [not-exportable] node-type: node type 'alert-sink' has no Flink SQL translation (closest equivalent: no Flink SQL connector posts alerts: write the alerts to a Kafka topic (kafka-sink) consumed by an alert service, or use a community HTTP sink connector (e.g. flink-http-connector) in the DataStream API)
--   leaderboard: [not-exportable] redis-sink: Flink SQL has no Redis connector (zadd into keys 'revenue:by-category...') (closest equivalent: a community Redis connector (e.g. Apache Bahir's flink-connector-redis, DataStream API), or an upsert-kafka table keyed like the Redis keys, applied to Redis by a small consumer service)
--   leaderboard: [not-exportable] errors-output: records the sink cannot write go to the errors output here, in Flink a write failure fails the job and it restarts from the last checkpoint (closest equivalent: restart strategy + alerting on job restarts)
--   dead_letters: [not-exportable] dlq-routing: Flink SQL has no dead-letter routing: records that fail are not diverted to the sqlite dead-letter queue (closest equivalent: a DataStream side output to a Kafka DLQ topic, or 'json.ignore-parse-errors' = 'true' on the sources to skip malformed records)

SET 'pipeline.name' = 'orders-to-lake-and-alerts';
SET 'parallelism.default' = '2';
SET 'execution.checkpointing.interval' = '10 s';
SET 'execution.checkpointing.mode' = 'AT_LEAST_ONCE';
SET 'state.checkpoints.num-retained' = '3';
SET 'execution.checkpointing.tolerable-failed-checkpoints' = '2';
SET 'restart-strategy.type' = 'fixed-delay';
SET 'restart-strategy.fixed-delay.attempts' = '3';
SET 'restart-strategy.fixed-delay.delay' = '1 s';

CREATE TABLE orders (
  order_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  amount DECIMAL(10, 2) NOT NULL,
  category STRING NOT NULL,
  event_time TIMESTAMP(3) NOT NULL,
  WATERMARK FOR event_time AS event_time - INTERVAL '5.001' SECOND
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '2000',
  'fields.customer_id.min' = '1',
  'fields.customer_id.max' = '1000',
  'fields.event_time.max-past' = '3000 ms'
);

CREATE TABLE archive (
  order_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  amount DECIMAL(10, 2) NOT NULL,
  category STRING NOT NULL,
  event_time TIMESTAMP(3) NOT NULL,
  dt STRING,
  hr STRING
) PARTITIONED BY (dt, hr) WITH (
  'connector' = 'filesystem',
  'path' = 'lake/orders',
  'format' = 'avro',
  'avro.codec' = 'deflate',
  'partition.time-extractor.kind' = 'default',
  'partition.time-extractor.timestamp-pattern' = '$dt $hr:00',
  'partition.time-extractor.timestamp-formatter' = 'yyyy-MM-dd HH:mm',
  'sink.partition-commit.trigger' = 'partition-time',
  'sink.partition-commit.delay' = '1 h',
  'sink.partition-commit.watermark-time-zone' = 'UTC',
  'sink.partition-commit.policy.kind' = 'success-file',
  'sink.rolling-policy.file-size' = '128mb',
  'sink.rolling-policy.rollover-interval' = '15 min'
);

CREATE TEMPORARY VIEW large_orders AS
SELECT order_id, customer_id, amount, category, event_time
FROM orders
WHERE amount > 950;

CREATE TEMPORARY VIEW revenue AS
SELECT
  window_start,
  window_end,
  category,
  SUM(amount) AS revenue,
  COUNT(*) AS orders
FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end, category;

INSERT INTO archive
SELECT order_id, customer_id, amount, category, event_time, DATE_FORMAT(event_time, 'yyyy-MM-dd') AS dt, DATE_FORMAT(event_time, 'HH') AS hr FROM orders;
