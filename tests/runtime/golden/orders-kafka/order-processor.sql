-- Flink SQL for pipeline 'order-processor' (job order-processor), exported by Streamwright.
-- Target: Apache Flink 1.20 with the Kafka, JDBC and filesystem connectors.
-- Placeholders are substituted from the environment before the script runs:
--   KAFKA_BOOTSTRAP_SERVERS: Kafka bootstrap servers (nodes without bootstrap_servers)
-- Not carried over exactly (per node, see the export report):
--   order_gen: [approximated] generator: Flink's datagen connector emits uniformly random values: the orders value distributions, key skew, duplicates, malformed records, the seed and the start time are lost, event time is the wall clock (minus up to the generated disorder) (closest equivalent: replay a recorded Kafka topic with a kafka-source)
--   orders_in: [not-exportable] errors-output: undecodable records go to the errors output here, Flink SQL has no per-record error output, so a malformed record fails the job (closest equivalent: 'json.ignore-parse-errors' = 'true' (skips them, uncounted), or a DataStream deserializer that routes failures to a side output / DLQ topic)
--   dedup: [approximated] dedup: Flink keeps the record with the smallest event time per key (the desktop keeps the first to arrive) and emits an update if an earlier duplicate arrives late, so the result is an updating stream, the TTL becomes the job-wide 'table.exec.state.ttl' (closest equivalent: idempotent writes keyed by order_id (an upsert sink) downstream)
--   revenue: [note] updating-input: the input is an updating stream, Flink accepts window aggregation over updates from 1.19 on (closest equivalent: deduplicate by processing time upstream to keep the input append-only)
--   revenue: [not-exportable] errors-output: late records go to the errors output here, Flink SQL windows drop late records (closest equivalent: DataStream windows with sideOutputLateData())
--   dlq: [not-exportable] dlq-routing: Flink SQL has no dead-letter routing: records that fail are not diverted to the kafka dead-letter queue (closest equivalent: a DataStream job (or custom deserialization schema) that writes failures to the DLQ topic through a side output, the topic stays in the topic plan)

SET 'pipeline.name' = 'order-processor';
SET 'parallelism.default' = '3';
SET 'execution.checkpointing.interval' = '10 s';
SET 'execution.checkpointing.mode' = 'AT_LEAST_ONCE';
SET 'state.checkpoints.num-retained' = '3';
SET 'execution.checkpointing.tolerable-failed-checkpoints' = '2';
SET 'restart-strategy.type' = 'fixed-delay';
SET 'restart-strategy.fixed-delay.attempts' = '3';
SET 'restart-strategy.fixed-delay.delay' = '1 s';
SET 'table.exec.state.ttl' = '1 h';

CREATE TABLE order_gen (
  order_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  amount DECIMAL(10, 2) NOT NULL,
  category STRING NOT NULL,
  event_time TIMESTAMP(3) NOT NULL,
  WATERMARK FOR event_time AS event_time - INTERVAL '5.001' SECOND
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '1000',
  'fields.customer_id.min' = '1',
  'fields.customer_id.max' = '1000',
  'fields.event_time.max-past' = '0 ms'
);

CREATE TABLE orders_in (
  order_id BIGINT,
  customer_id BIGINT,
  amount DECIMAL(10, 2),
  category STRING,
  event_time TIMESTAMP(3),
  WATERMARK FOR event_time AS event_time - INTERVAL '5.001' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders.created',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.group.id' = 'order-processor',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

CREATE TABLE orders_out (
  order_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  amount DECIMAL(10, 2) NOT NULL,
  category STRING NOT NULL,
  event_time TIMESTAMP(3) NOT NULL
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders.created',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'key.format' = 'json',
  'key.fields' = 'order_id',
  'value.format' = 'json',
  'sink.delivery-guarantee' = 'at-least-once'
);

CREATE TEMPORARY VIEW dedup AS
SELECT order_id, customer_id, amount, category, event_time
FROM (
  SELECT order_id, customer_id, amount, category, event_time,
    ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY event_time ASC) AS sw_row_num
  FROM orders_in
)
WHERE sw_row_num = 1;

CREATE TEMPORARY VIEW revenue AS
SELECT
  window_start,
  window_end,
  category,
  COUNT(*) AS orders,
  SUM(amount) AS revenue,
  AVG(amount) AS avg_amount
FROM TABLE(TUMBLE(TABLE dedup, DESCRIPTOR(event_time), INTERVAL '5' MINUTE))
GROUP BY window_start, window_end, category;

CREATE TABLE revenue_out (
  window_start TIMESTAMP(3) NOT NULL,
  window_end TIMESTAMP(3) NOT NULL,
  category STRING,
  orders BIGINT NOT NULL,
  revenue DECIMAL(18, 2),
  avg_amount DECIMAL(18, 6)
) WITH (
  'connector' = 'kafka',
  'topic' = 'metrics.orders.revenue',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'key.format' = 'json',
  'key.fields' = 'category',
  'value.format' = 'json',
  'sink.delivery-guarantee' = 'at-least-once'
);

EXECUTE STATEMENT SET
BEGIN
INSERT INTO orders_out
SELECT order_id, customer_id, amount, category, event_time FROM order_gen;
INSERT INTO revenue_out
SELECT window_start, window_end, category, orders, revenue, avg_amount FROM revenue;
END;
