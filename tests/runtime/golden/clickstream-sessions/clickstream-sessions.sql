-- Flink SQL for pipeline 'clickstream-sessions' (job clickstream-sessions), exported by Streamwright.
-- Target: Apache Flink 1.20 with the Kafka, JDBC and filesystem connectors.
-- Not carried over exactly (per node, see the export report):
--   clicks: [approximated] generator: Flink's datagen connector emits uniformly random values: the clickstream value distributions, key skew, duplicates, malformed records, the seed and the start time are lost, event time is the wall clock (minus up to the generated disorder) (closest equivalent: replay a recorded Kafka topic with a kafka-source)
--   humans: [not-exportable] errors-output: records whose evaluation fails go to the errors output here, in Flink SQL an expression error fails the job (closest equivalent: guard the expression (TRY_CAST, CASE WHEN ... ) or a DataStream ProcessFunction with a side output)
--   sessions: [not-exportable] errors-output: late records go to the errors output here, Flink SQL windows drop late records (closest equivalent: DataStream windows with sideOutputLateData())
--   sessions_file: [approximated] file-output: Flink's filesystem sink writes a directory of part files committed on checkpoints, not the single file 'sessions.jsonl' (closest equivalent: point 'path' at a directory on shared storage (e.g. s3://bucket/output/))
--   errors: [not-exportable] dlq-routing: Flink SQL has no dead-letter routing: records that fail are not diverted to the jsonl dead-letter queue (closest equivalent: a DataStream side output to a Kafka DLQ topic, or 'json.ignore-parse-errors' = 'true' on the sources to skip malformed records)

SET 'pipeline.name' = 'clickstream-sessions';
SET 'parallelism.default' = '2';
SET 'execution.checkpointing.interval' = '30 s';
SET 'execution.checkpointing.mode' = 'AT_LEAST_ONCE';
SET 'state.checkpoints.num-retained' = '3';
SET 'execution.checkpointing.tolerable-failed-checkpoints' = '2';
SET 'restart-strategy.type' = 'fixed-delay';
SET 'restart-strategy.fixed-delay.attempts' = '3';
SET 'restart-strategy.fixed-delay.delay' = '1 s';

CREATE TABLE clicks (
  event_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  session_id STRING NOT NULL,
  page STRING NOT NULL,
  `action` STRING NOT NULL,
  event_time TIMESTAMP(3) NOT NULL,
  WATERMARK FOR event_time AS event_time - INTERVAL '5.001' SECOND
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '5000',
  'fields.user_id.min' = '1',
  'fields.user_id.max' = '5000',
  'fields.event_time.max-past' = '2000 ms'
);

CREATE TEMPORARY VIEW humans AS
SELECT event_id, user_id, session_id, page, `action`, event_time
FROM clicks
WHERE `action` <> 'bot' AND page NOT LIKE '/health%';

CREATE TEMPORARY VIEW sessions AS
SELECT
  SESSION_START(event_time, INTERVAL '30' MINUTE) AS window_start,
  SESSION_END(event_time, INTERVAL '30' MINUTE) AS window_end,
  user_id,
  COUNT(*) AS `views`,
  COUNT(DISTINCT page) AS distinct_pages,
  FIRST_VALUE(page) AS first_page,
  LAST_VALUE(page) AS last_page
FROM humans
GROUP BY SESSION(event_time, INTERVAL '30' MINUTE), user_id;

CREATE TABLE sessions_file (
  window_start TIMESTAMP(3) NOT NULL,
  window_end TIMESTAMP(3) NOT NULL,
  user_id BIGINT NOT NULL,
  `views` BIGINT NOT NULL,
  distinct_pages BIGINT NOT NULL,
  first_page STRING,
  last_page STRING
) WITH (
  'connector' = 'filesystem',
  'path' = 'sessions.jsonl',
  'format' = 'json'
);

INSERT INTO sessions_file
SELECT window_start, window_end, user_id, `views`, distinct_pages, first_page, last_page FROM sessions;
