-- Flink SQL for pipeline 'nexmark-q5-hot-items' (job nexmark-q5-hot-items), exported by Streamwright.
-- Target: Apache Flink 1.20 with the Kafka, JDBC and filesystem connectors.
-- Not carried over exactly (per node, see the export report):
--   bids: [approximated] generator: Flink's datagen connector emits uniformly random values: the nexmark value distributions, key skew, duplicates, malformed records, the seed and the start time are lost, event time is the wall clock (minus up to the generated disorder) (closest equivalent: the Nexmark benchmark's Flink source connector ('connector' = 'nexmark'), or replay a recorded Kafka topic)
--   console: [note] console: rows are printed to the TaskManagers' standard output (kubectl logs), max_rows is not applied (closest equivalent: a Kafka or JDBC sink for results someone reads)

SET 'pipeline.name' = 'nexmark-q5-hot-items';
SET 'parallelism.default' = '2';
SET 'execution.checkpointing.interval' = '10 s';
SET 'execution.checkpointing.mode' = 'AT_LEAST_ONCE';
SET 'state.checkpoints.num-retained' = '3';
SET 'execution.checkpointing.tolerable-failed-checkpoints' = '2';
SET 'restart-strategy.type' = 'fixed-delay';
SET 'restart-strategy.fixed-delay.attempts' = '3';
SET 'restart-strategy.fixed-delay.delay' = '1 s';

CREATE TABLE bids (
  auction BIGINT NOT NULL,
  bidder BIGINT NOT NULL,
  price BIGINT NOT NULL,
  channel STRING NOT NULL,
  url STRING NOT NULL,
  date_time TIMESTAMP(3) NOT NULL,
  extra STRING NOT NULL,
  WATERMARK FOR date_time AS date_time - INTERVAL '1.001' SECOND
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '10000',
  'fields.bidder.min' = '1',
  'fields.bidder.max' = '1000',
  'fields.date_time.max-past' = '0 ms'
);

CREATE TEMPORARY VIEW priced AS
SELECT
  auction,
  CAST(price AS DOUBLE) * 0.908 AS price_eur,
  date_time
FROM bids;

CREATE TEMPORARY VIEW hot AS
SELECT
  window_start,
  window_end,
  auction,
  COUNT(*) AS bids,
  MAX(price_eur) AS max_price,
  MIN(price_eur) AS min_price
FROM TABLE(HOP(TABLE priced, DESCRIPTOR(date_time), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end, auction;

CREATE TABLE console (
  window_start TIMESTAMP(3) NOT NULL,
  window_end TIMESTAMP(3) NOT NULL,
  auction BIGINT NOT NULL,
  bids BIGINT NOT NULL,
  max_price DOUBLE,
  min_price DOUBLE
) WITH (
  'connector' = 'print',
  'print-identifier' = 'console'
);

INSERT INTO console
SELECT window_start, window_end, auction, bids, max_price, min_price FROM hot;
