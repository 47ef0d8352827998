-- Flink SQL for pipeline 'Export Coverage' (job export-coverage), exported by Streamwright.
-- Target: Apache Flink 1.20 with the Kafka, JDBC and filesystem connectors.
-- Placeholders are substituted from the environment before the script runs:
--   KAFKA_BOOTSTRAP_SERVERS: Kafka bootstrap servers (nodes without bootstrap_servers)
--   KIN_CLICKS_AWS_ACCESS_KEY_ID (secret): AWS access key id of node kin_clicks
--   KIN_CLICKS_AWS_SECRET_ACCESS_KEY (secret): AWS secret access key of node kin_clicks
--   CLICK_RATE_DB_JDBC_URL (secret): JDBC URL replacing SQLite rates.sqlite (node click_rate_db)
--   CLICK_RATE_DB_JDBC_USERNAME (secret): JDBC user of node click_rate_db
--   CLICK_RATE_DB_JDBC_PASSWORD (secret): JDBC password of node click_rate_db
--   USER_CLICKS_DB_JDBC_URL (secret): JDBC URL replacing SQLite clicks.sqlite (node user_clicks_db)
--   USER_CLICKS_DB_JDBC_USERNAME (secret): JDBC user of node user_clicks_db
--   USER_CLICKS_DB_JDBC_PASSWORD (secret): JDBC password of node user_clicks_db
-- Not carried over exactly (per node, see the export report):
--   gen_orders: [approximated] parallelism: per-source parallelism 2 is not expressible in Flink SQL, the source runs at parallelism.default (closest equivalent: set parallelism.default, or 'scan.parallelism' where the connector supports it)
--   gen_orders: [approximated] generator: Flink's datagen connector emits uniformly random values: the orders value distributions, key skew, duplicates, malformed records, the seed and the start time are lost, event time is the wall clock (minus up to the generated disorder) (closest equivalent: replay a recorded Kafka topic with a kafka-source)
--   clicks: [not-exportable] errors-output: undecodable records go to the errors output here, Flink SQL has no per-record error output, so a malformed record fails the job (closest equivalent: 'json.ignore-parse-errors' = 'true' (skips them, uncounted), or a DataStream deserializer that routes failures to a side output / DLQ topic)
--   clicks_file: [note] file-path: the path 'data/clicks.csv' is resolved by every TaskManager (the desktop resolves it relative to the pipeline file) (closest equivalent: an absolute path on shared storage, e.g. s3://bucket/input/)
--   clicks_file: [approximated] csv-header: Flink's csv format has no header handling: the header line is read as a record (closest equivalent: remove the header line, or 'csv.ignore-parse-errors' = 'true')
--   clicks_file: [approximated] replay: event-time paced replay has no Flink equivalent: the file is read as fast as possible (results are the same, timing is not) (closest equivalent: replay the file into a Kafka topic at the recorded pace)
--   clicks_file: [note] malformed-records: a line that does not parse fails the Flink job (the desktop runtime counts and drops it) (closest equivalent: 'csv.ignore-parse-errors' = 'true' to skip such lines)
--   audit: [approximated] include_metadata: kafka_headers is JSON_STRING of Flink's headers metadata (MAP<STRING, BYTES>), whose values Flink serializes as base64, the desktop runtime gives them as text (closest equivalent: read a header from kafka_headers_map['name'] (BYTES))
--   payments: [note] malformed-records: a record that does not parse as json fails the Flink job (the desktop runtime counts and drops it) (closest equivalent: 'json.ignore-parse-errors' = 'true' to skip such records)
--   users: [note] malformed-records: a record that does not parse as json fails the Flink job (the desktop runtime counts and drops it) (closest equivalent: 'json.ignore-parse-errors' = 'true' to skip such records)
--   kin_clicks: [note] malformed-records: a record that does not parse as json fails the Flink job (the desktop runtime sends it to errors) (closest equivalent: 'json.ignore-parse-errors' = 'true' to skip such records)
--   big_orders: [not-exportable] errors-output: records whose evaluation fails go to the errors output here, in Flink SQL an expression error fails the job (closest equivalent: guard the expression (TRY_CAST, CASE WHEN ... ) or a DataStream ProcessFunction with a side output)
--   big_order_alerts: [not-exportable] node-type: node type 'alert-sink' has no Flink SQL translation (closest equivalent: no Flink SQL connector posts alerts: write the alerts to a Kafka topic (kafka-sink) consumed by an alert service, or use a community HTTP sink connector (e.g. flink-http-connector) in the DataStream API)
--   totals: [approximated] trigger: a non-windowed GROUP BY emits an update for every input record instead of firing on the count trigger, the result is an updating stream (written with upserts) (closest equivalent: 'table.exec.mini-batch.enabled' = 'true' with 'table.exec.mini-batch.allow-latency' to batch updates)
--   logins_out: [note] console: rows are printed to the TaskManagers' standard output (kubectl logs) (closest equivalent: a Kafka or JDBC sink for results someone reads)
--   by_customer: [note] key-by: no statement of its own: Flink SQL hash-partitions by the keys of the next GROUP BY, JOIN or PARTITION BY
--   orders_lake: [note] lake-files: part files are named part-<uuid>-<subtask>-<n> by Flink (part-<subtask>-<n>.avro or .jsonl.gz here), a partition gets a _SUCCESS file once the watermark passes its end (closest equivalent: point 'path' at shared storage (e.g. s3://bucket/archive/))
--   click_rate_db: [approximated] sqlite: SQLite is a desktop store and Flink's JDBC connector has no SQLite dialect: the table 'click_rate' is written to the database named by CLICK_RATE_DB_JDBC_URL with upserts by primary key (closest equivalent: a PostgreSQL or MySQL table with the same columns)
--   click_rate_db: [approximated] delivery: Flink SQL's JDBC sink is at-least-once, its upserts by primary key make replays idempotent (closest equivalent: key_fields on the sink (idempotent upserts), or JdbcSink.exactlyOnceSink (XA) in the DataStream API)
--   sessions_file: [approximated] file-output: Flink's filesystem sink writes a directory of part files committed on checkpoints, not the single file 'out/sessions.jsonl' (closest equivalent: point 'path' at a directory on shared storage (e.g. s3://bucket/output/))
--   user_clicks_db: [approximated] sqlite: SQLite is a desktop store and Flink's JDBC connector has no SQLite dialect: the table 'user_clicks' is written to the database named by USER_CLICKS_DB_JDBC_URL with upserts by primary key (closest equivalent: a PostgreSQL or MySQL table with the same columns)
--   user_clicks_db: [approximated] delivery: Flink SQL's JDBC sink is at-least-once, its upserts by primary key make replays idempotent (closest equivalent: key_fields on the sink (idempotent upserts), or JdbcSink.exactlyOnceSink (XA) in the DataStream API)
--   unique_orders: [approximated] dedup: Flink keeps the record with the smallest event time per key (the desktop keeps the first to arrive) and emits an update if an earlier duplicate arrives late, so the result is an updating stream, the TTL becomes the job-wide 'table.exec.state.ttl' (closest equivalent: idempotent writes keyed by order_id (an upsert sink) downstream)
--   orders_paid_out: [not-exportable] updating-input: the filesystem sink writes append-only files but the input is an updating stream (closest equivalent: an upsert sink (Kafka with key_fields or SQLite/JDBC with a primary key))
--   order_payments_out: [note] console: rows are printed to the TaskManagers' standard output (kubectl logs) (closest equivalent: a Kafka or JDBC sink for results someone reads)
--   paid_in_minute_out: [approximated] file-output: Flink's filesystem sink writes a directory of part files committed on checkpoints, not the single file 'out/paid.csv', and CSV without a header line (closest equivalent: point 'path' at a directory on shared storage (e.g. s3://bucket/output/))
--   paid_hop_full_out: [note] console: rows are printed to the TaskManagers' standard output (kubectl logs) (closest equivalent: a Kafka or JDBC sink for results someone reads)
--   unpaid_in_minute_out: [note] console: rows are printed to the TaskManagers' standard output (kubectl logs) (closest equivalent: a Kafka or JDBC sink for results someone reads)
--   revenue_5m: [approximated] allowed-lateness: Flink SQL windows have no allowed lateness: records later than the watermark are dropped instead of updating the window (closest equivalent: raise the source's max_out_of_orderness by the lateness (adds latency), or DataStream windows with allowedLateness())
--   revenue_5m: [note] updating-input: the input is an updating stream, Flink accepts window aggregation over updates from 1.19 on (closest equivalent: deduplicate by processing time upstream to keep the input append-only)
--   revenue_5m: [not-exportable] errors-output: late records go to the errors output here, Flink SQL windows drop late records (closest equivalent: DataStream windows with sideOutputLateData())
--   revenue_cache: [not-exportable] redis-sink: Flink SQL has no Redis connector (zadd into keys 'revenue:top...') (closest equivalent: a community Redis connector (e.g. Apache Bahir's flink-connector-redis, DataStream API), or an upsert-kafka table keyed like the Redis keys, applied to Redis by a small consumer service)
--   revenue_lake: [approximated] compression: Flink's filesystem json format writes uncompressed JSON Lines, the runtime writes gzip (.jsonl.gz) (closest equivalent: format avro (deflate), or compress the finished files in a partition-commit policy)
--   revenue_lake: [approximated] partition-directories: Flink's filesystem sink writes Hive-style name=value directories: '{yyyy}/{MM}/day={dd}' levels without a name are written as part1=..., part2=... (closest equivalent: name each level in partition_pattern (e.g. dt={yyyy-MM-dd}/hr={HH}))
--   revenue_lake: [note] lake-files: part files are named part-<uuid>-<subtask>-<n> by Flink (part-<subtask>-<n>.avro or .jsonl.gz here), a partition gets a _SUCCESS file once the watermark passes its end (closest equivalent: point 'path' at shared storage (e.g. s3://bucket/archive/))
--   dead_letters: [not-exportable] dlq-routing: Flink SQL has no dead-letter routing: records that fail are not diverted to the kafka dead-letter queue (closest equivalent: a DataStream job (or custom deserialization schema) that writes failures to the DLQ topic through a side output, the topic stays in the topic plan)

SET 'pipeline.name' = 'export-coverage';
SET 'parallelism.default' = '4';
SET 'execution.checkpointing.interval' = '30 s';
SET 'execution.checkpointing.mode' = 'EXACTLY_ONCE';
SET 'state.checkpoints.num-retained' = '3';
SET 'execution.checkpointing.tolerable-failed-checkpoints' = '2';
SET 'restart-strategy.type' = 'fixed-delay';
SET 'restart-strategy.fixed-delay.attempts' = '3';
SET 'restart-strategy.fixed-delay.delay' = '1 s';
SET 'table.exec.state.ttl' = '2 h';
SET 'table.exec.source.idle-timeout' = '1 min';

CREATE TABLE gen_orders (
  order_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  amount DECIMAL(10, 2) NOT NULL,
  category STRING NOT NULL,
  event_time TIMESTAMP(3) NOT NULL,
  WATERMARK FOR event_time AS event_time - INTERVAL '3.001' SECOND
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '500',
  'fields.customer_id.min' = '1',
  'fields.customer_id.max' = '200',
  'fields.event_time.max-past' = '2000 ms'
);

CREATE TABLE clicks (
  event_id BIGINT,
  user_id BIGINT,
  `value` DOUBLE,
  page STRING,
  event_time TIMESTAMP(3),
  WATERMARK FOR event_time AS event_time - INTERVAL '5.001' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'web.clicks.viewed',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.isolation.level' = 'read_committed',
  'properties.group.id' = 'coverage-clicks',
  'scan.startup.mode' = 'timestamp',
  'scan.startup.timestamp-millis' = '1700000000000',
  'format' = 'json'
);

CREATE TABLE clicks_file (
  event_id BIGINT,
  user_id BIGINT,
  `value` DOUBLE,
  page STRING,
  event_time TIMESTAMP(3),
  WATERMARK FOR event_time AS event_time - INTERVAL '5.001' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = 'data/clicks.csv',
  'format' = 'csv'
);

CREATE TABLE audit (
  `value` STRING,
  kafka_key BYTES,
  kafka_topic STRING METADATA FROM 'topic' VIRTUAL,
  kafka_partition INT METADATA FROM 'partition' VIRTUAL,
  kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
  kafka_timestamp TIMESTAMP(3) METADATA FROM 'timestamp' VIRTUAL,
  kafka_headers_map MAP<STRING, BYTES> METADATA FROM 'headers' VIRTUAL,
  kafka_headers AS JSON_STRING(kafka_headers_map)
) WITH (
  'connector' = 'kafka',
  'topic' = 'audit.logins.recorded',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.isolation.level' = 'read_committed',
  'properties.group.id' = 'coverage-audit',
  'scan.startup.mode' = 'latest-offset',
  'key.format' = 'raw',
  'key.fields' = 'kafka_key',
  'value.format' = 'raw',
  'value.fields-include' = 'EXCEPT_KEY'
);

CREATE TABLE payments (
  order_id BIGINT,
  paid DECIMAL(10, 2),
  event_time TIMESTAMP(3),
  WATERMARK FOR event_time AS event_time - INTERVAL '5.001' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'shop.payments.settled',
  'properties.bootstrap.servers' = 'broker-1:9093,broker-2:9093',
  'properties.isolation.level' = 'read_committed',
  'properties.group.id' = 'coverage-payments',
  'scan.startup.mode' = 'group-offsets',
  'properties.auto.offset.reset' = 'earliest',
  'format' = 'json'
);

CREATE TABLE users (
  user_id BIGINT,
  `name` STRING,
  tier STRING,
  updated_at TIMESTAMP(3),
  WATERMARK FOR updated_at AS updated_at - INTERVAL '5.001' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'cdc.crm.users',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.isolation.level' = 'read_committed',
  'properties.group.id' = 'coverage-users',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

CREATE TABLE kin_clicks (
  user_id BIGINT,
  page STRING,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5.001' SECOND
) WITH (
  'connector' = 'kinesis',
  'stream' = 'web-clicks',
  'aws.region' = 'eu-west-1',
  'aws.credentials.provider' = 'BASIC',
  'aws.credentials.basic.accesskeyid' = '${KIN_CLICKS_AWS_ACCESS_KEY_ID}',
  'aws.credentials.basic.secretkey' = '${KIN_CLICKS_AWS_SECRET_ACCESS_KEY}',
  'scan.stream.initpos' = 'AT_TIMESTAMP',
  'scan.stream.initpos-timestamp' = '1704067200.000',
  'format' = 'json'
);

CREATE TEMPORARY VIEW big_orders AS
SELECT order_id, customer_id, amount, category, event_time
FROM gen_orders
WHERE amount > 100 AND category <> 'test';

CREATE TEMPORARY VIEW all_clicks AS
SELECT event_id, user_id, `value`, page, event_time FROM clicks
UNION ALL
SELECT event_id, user_id, `value`, page, event_time FROM clicks_file;

CREATE TEMPORARY VIEW logins AS
SELECT `value`, kafka_key, kafka_topic, kafka_partition, kafka_offset, kafka_timestamp, kafka_headers
FROM audit
WHERE `value` LIKE '%login%';

CREATE TABLE kin_clicks_out (
  user_id BIGINT,
  page STRING,
  ts TIMESTAMP(3)
) PARTITIONED BY (user_id) WITH (
  'connector' = 'kinesis',
  'stream' = 'web-clicks-copy',
  'aws.region' = 'eu-west-1',
  'format' = 'json'
);

CREATE TEMPORARY VIEW enriched AS
SELECT
  order_id,
  customer_id,
  CAST(amount * 100 AS BIGINT) AS amount_cents,
  UPPER(category) AS category,
  event_time
FROM big_orders;

CREATE TEMPORARY VIEW click_rate AS
SELECT
  window_start,
  window_end,
  page,
  COUNT(*) AS `views`,
  AVG(`value`) AS avg_value
FROM TABLE(HOP(TABLE all_clicks, DESCRIPTOR(event_time), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end, page;

CREATE TEMPORARY VIEW sessions_pt AS
SELECT event_id, user_id, `value`, page, event_time, PROCTIME() AS sw_proc_time
FROM all_clicks;

CREATE TEMPORARY VIEW sessions AS
SELECT
  SESSION_START(sw_proc_time, INTERVAL '30' MINUTE) AS window_start,
  SESSION_END(sw_proc_time, INTERVAL '30' MINUTE) AS window_end,
  user_id,
  COUNT(*) AS clicks,
  MAX(event_time) AS last_seen
FROM sessions_pt
GROUP BY SESSION(sw_proc_time, INTERVAL '30' MINUTE), user_id;

CREATE TEMPORARY VIEW totals AS
SELECT
  user_id,
  SUM(`value`) AS total_value
FROM all_clicks
GROUP BY user_id;

CREATE TEMPORARY VIEW user_clicks AS
SELECT
  user_id,
  COUNT(*) AS clicks,
  SUM(`value`) AS total
FROM all_clicks
GROUP BY user_id;

CREATE TEMPORARY VIEW clicks_with_user_versions AS
SELECT user_id, `name`, tier, updated_at
FROM (
  SELECT user_id, `name`, tier, updated_at,
    ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY updated_at DESC) AS sw_row_num
  FROM users
)
WHERE sw_row_num = 1;

CREATE TEMPORARY VIEW clicks_with_user AS
SELECT
  l.event_id,
  l.user_id,
  l.`value`,
  l.page,
  l.event_time,
  r.user_id AS right_user_id,
  r.`name`,
  r.tier,
  r.updated_at
FROM all_clicks AS l
LEFT JOIN clicks_with_user_versions FOR SYSTEM_TIME AS OF l.event_time AS r
  ON l.user_id = r.user_id;

CREATE TABLE logins_out (
  `value` STRING,
  kafka_key BYTES,
  kafka_topic STRING NOT NULL,
  kafka_partition INT NOT NULL,
  kafka_offset BIGINT NOT NULL,
  kafka_timestamp TIMESTAMP(3),
  kafka_headers STRING NOT NULL
) WITH (
  'connector' = 'print',
  'print-identifier' = 'logins_out'
);

CREATE TEMPORARY VIEW orders_paid AS
SELECT
  l.order_id,
  l.customer_id,
  l.amount_cents,
  l.category,
  l.event_time,
  r.order_id AS right_order_id,
  r.paid,
  r.event_time AS right_event_time
FROM enriched AS l
LEFT JOIN payments AS r
  ON l.order_id = r.order_id;

CREATE TEMPORARY VIEW order_payments AS
SELECT
  l.order_id,
  l.customer_id,
  l.amount_cents,
  l.category,
  l.event_time,
  r.order_id AS right_order_id,
  r.paid,
  r.event_time AS right_event_time
FROM enriched AS l
JOIN payments AS r
  ON l.order_id = r.order_id
  AND r.event_time BETWEEN l.event_time - INTERVAL '5' MINUTE AND l.event_time + INTERVAL '10' MINUTE;

CREATE TEMPORARY VIEW paid_in_minute AS
SELECT
  l.window_start,
  l.window_end,
  l.order_id,
  l.paid,
  l.event_time,
  r.order_id AS right_order_id,
  r.customer_id,
  r.amount_cents,
  r.category,
  r.event_time AS right_event_time
FROM (
  SELECT * FROM TABLE(TUMBLE(TABLE payments, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
) AS l
JOIN (
  SELECT * FROM TABLE(TUMBLE(TABLE enriched, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
) AS r
  ON l.order_id = r.order_id
  AND l.window_start = r.window_start AND l.window_end = r.window_end;

CREATE TEMPORARY VIEW paid_hop_full AS
SELECT
  COALESCE(l.window_start, r.window_start) AS window_start,
  COALESCE(l.window_end, r.window_end) AS window_end,
  l.order_id,
  l.paid,
  l.event_time,
  r.order_id AS right_order_id,
  r.customer_id,
  r.amount_cents,
  r.category,
  r.event_time AS right_event_time
FROM (
  SELECT * FROM TABLE(HOP(TABLE payments, DESCRIPTOR(event_time), INTERVAL '5' MINUTE, INTERVAL '10' MINUTE))
) AS l
FULL OUTER JOIN (
  SELECT * FROM TABLE(HOP(TABLE enriched, DESCRIPTOR(event_time), INTERVAL '5' MINUTE, INTERVAL '10' MINUTE))
) AS r
  ON l.order_id = r.order_id
  AND l.window_start = r.window_start AND l.window_end = r.window_end;

CREATE TEMPORARY VIEW unpaid_in_minute AS
SELECT
  l.window_start,
  l.window_end,
  l.order_id,
  l.customer_id,
  l.amount_cents,
  l.category,
  l.event_time
FROM (
  SELECT * FROM TABLE(TUMBLE(TABLE enriched, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
) AS l
WHERE NOT EXISTS (
  SELECT * FROM (
  SELECT * FROM TABLE(TUMBLE(TABLE payments, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
) AS r
  WHERE l.order_id = r.order_id
  AND l.window_start = r.window_start AND l.window_end = r.window_end
);

CREATE TABLE orders_lake (
  order_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  amount_cents BIGINT NOT NULL,
  category STRING NOT NULL,
  event_time TIMESTAMP(3) NOT NULL,
  dt STRING,
  hr STRING
) PARTITIONED BY (dt, hr) WITH (
  'connector' = 'filesystem',
  'path' = 's3://lake/orders',
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
  'sink.rolling-policy.rollover-interval' = '30 min',
  'sink.parallelism' = '4'
);

CREATE TABLE click_rate_db (
  window_start TIMESTAMP(3) NOT NULL,
  window_end TIMESTAMP(3) NOT NULL,
  page STRING,
  `views` BIGINT NOT NULL,
  avg_value DOUBLE,
  PRIMARY KEY (window_start, page) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = '${CLICK_RATE_DB_JDBC_URL}',
  'table-name' = 'click_rate',
  'username' = '${CLICK_RATE_DB_JDBC_USERNAME}',
  'password' = '${CLICK_RATE_DB_JDBC_PASSWORD}',
  'sink.buffer-flush.max-rows' = '1000'
);

CREATE TABLE sessions_file (
  window_start TIMESTAMP(3) NOT NULL,
  window_end TIMESTAMP(3) NOT NULL,
  user_id BIGINT,
  clicks BIGINT NOT NULL,
  last_seen TIMESTAMP(3)
) WITH (
  'connector' = 'filesystem',
  'path' = 'out/sessions.jsonl',
  'format' = 'json'
);

CREATE TABLE totals_out (
  user_id BIGINT,
  total_value DOUBLE,
  PRIMARY KEY (user_id) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = 'metrics.web.user-totals',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'key.format' = 'json',
  'value.format' = 'json',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = 'export-coverage-totals_out',
  'properties.transaction.timeout.ms' = '900000'
);

CREATE TABLE user_clicks_db (
  user_id BIGINT,
  clicks BIGINT NOT NULL,
  total DOUBLE,
  PRIMARY KEY (user_id) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = '${USER_CLICKS_DB_JDBC_URL}',
  'table-name' = 'user_clicks',
  'username' = '${USER_CLICKS_DB_JDBC_USERNAME}',
  'password' = '${USER_CLICKS_DB_JDBC_PASSWORD}',
  'sink.buffer-flush.max-rows' = '1000'
);

CREATE TABLE clicks_with_user_out (
  event_id BIGINT,
  user_id BIGINT,
  `value` DOUBLE,
  page STRING,
  event_time TIMESTAMP(3),
  right_user_id BIGINT,
  `name` STRING,
  tier STRING,
  updated_at TIMESTAMP(3)
) WITH (
  'connector' = 'kafka',
  'topic' = 'web.clicks.enriched',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'key.format' = 'csv',
  'key.fields' = 'user_id',
  'value.format' = 'csv',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = 'export-coverage-clicks_with_user_out',
  'properties.transaction.timeout.ms' = '900000'
);

CREATE TEMPORARY VIEW unique_orders AS
SELECT order_id, customer_id, amount_cents, category, event_time
FROM (
  SELECT order_id, customer_id, amount_cents, category, event_time,
    ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY event_time ASC) AS sw_row_num
  FROM enriched
)
WHERE sw_row_num = 1;

CREATE TABLE order_payments_out (
  order_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  amount_cents BIGINT NOT NULL,
  category STRING NOT NULL,
  event_time TIMESTAMP(3) NOT NULL,
  right_order_id BIGINT,
  paid DECIMAL(10, 2),
  right_event_time TIMESTAMP(3)
) WITH (
  'connector' = 'print',
  'print-identifier' = 'order_payments_out'
);

CREATE TABLE paid_in_minute_out (
  window_start TIMESTAMP(3) NOT NULL,
  window_end TIMESTAMP(3) NOT NULL,
  order_id BIGINT,
  paid DECIMAL(10, 2),
  event_time TIMESTAMP(3),
  right_order_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  amount_cents BIGINT NOT NULL,
  category STRING NOT NULL,
  right_event_time TIMESTAMP(3) NOT NULL
) WITH (
  'connector' = 'filesystem',
  'path' = 'out/paid.csv',
  'format' = 'csv'
);

CREATE TABLE paid_hop_full_out (
  window_start TIMESTAMP(3) NOT NULL,
  window_end TIMESTAMP(3) NOT NULL,
  order_id BIGINT,
  paid DECIMAL(10, 2),
  event_time TIMESTAMP(3),
  right_order_id BIGINT,
  customer_id BIGINT,
  amount_cents BIGINT,
  category STRING,
  right_event_time TIMESTAMP(3)
) WITH (
  'connector' = 'print',
  'print-identifier' = 'paid_hop_full_out'
);

CREATE TABLE unpaid_in_minute_out (
  window_start TIMESTAMP(3) NOT NULL,
  window_end TIMESTAMP(3) NOT NULL,
  order_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  amount_cents BIGINT NOT NULL,
  category STRING NOT NULL,
  event_time TIMESTAMP(3) NOT NULL
) WITH (
  'connector' = 'print',
  'print-identifier' = 'unpaid_in_minute_out'
);

CREATE TEMPORARY VIEW revenue_5m AS
SELECT
  window_start,
  window_end,
  category,
  COUNT(*) AS orders,
  SUM(amount_cents) AS revenue,
  COUNT(DISTINCT customer_id) AS count_distinct_customer_id
FROM TABLE(TUMBLE(TABLE unique_orders, DESCRIPTOR(event_time), INTERVAL '5' MINUTE, INTERVAL '1' MINUTE))
GROUP BY window_start, window_end, category;

CREATE TABLE revenue_out (
  window_start TIMESTAMP(3) NOT NULL,
  window_end TIMESTAMP(3) NOT NULL,
  category STRING NOT NULL,
  orders BIGINT NOT NULL,
  revenue BIGINT,
  count_distinct_customer_id BIGINT NOT NULL
) WITH (
  'connector' = 'kafka',
  'topic' = 'metrics.shop.revenue',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'key.format' = 'json',
  'key.fields' = 'category',
  'value.format' = 'json',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = 'export-coverage-revenue_out',
  'properties.transaction.timeout.ms' = '900000'
);

CREATE TABLE revenue_lake (
  window_start TIMESTAMP(3) NOT NULL,
  window_end TIMESTAMP(3) NOT NULL,
  category STRING NOT NULL,
  orders BIGINT NOT NULL,
  revenue BIGINT,
  count_distinct_customer_id BIGINT NOT NULL,
  part1 STRING,
  part2 STRING,
  `day` STRING
) PARTITIONED BY (part1, part2, `day`) WITH (
  'connector' = 'filesystem',
  'path' = 'lake/revenue',
  'format' = 'json',
  'partition.time-extractor.kind' = 'default',
  'partition.time-extractor.timestamp-pattern' = '$part1 $part2 $day',
  'partition.time-extractor.timestamp-formatter' = 'yyyy MM dd',
  'sink.partition-commit.trigger' = 'partition-time',
  'sink.partition-commit.delay' = '1 d',
  'sink.partition-commit.watermark-time-zone' = 'UTC',
  'sink.partition-commit.policy.kind' = 'success-file',
  'sink.rolling-policy.file-size' = '1000000b',
  'sink.rolling-policy.rollover-interval' = '20 s',
  'sink.rolling-policy.check-interval' = '20 s'
);

EXECUTE STATEMENT SET
BEGIN
INSERT INTO kin_clicks_out
SELECT user_id, page, ts FROM kin_clicks;
INSERT INTO logins_out
SELECT `value`, kafka_key, kafka_topic, kafka_partition, kafka_offset, kafka_timestamp, kafka_headers FROM logins;
INSERT INTO orders_lake
SELECT order_id, customer_id, amount_cents, category, event_time, DATE_FORMAT(event_time, 'yyyy-MM-dd') AS dt, DATE_FORMAT(event_time, 'HH') AS hr FROM enriched;
INSERT INTO click_rate_db
SELECT window_start, window_end, page, `views`, avg_value FROM click_rate;
INSERT INTO sessions_file
SELECT window_start, window_end, user_id, clicks, last_seen FROM sessions;
INSERT INTO totals_out
SELECT user_id, total_value FROM totals;
INSERT INTO user_clicks_db
SELECT user_id, clicks, total FROM user_clicks;
INSERT INTO clicks_with_user_out
SELECT event_id, user_id, `value`, page, event_time, right_user_id, `name`, tier, updated_at FROM clicks_with_user;
INSERT INTO order_payments_out
SELECT order_id, customer_id, amount_cents, category, event_time, right_order_id, paid, right_event_time FROM order_payments;
INSERT INTO paid_in_minute_out
SELECT window_start, window_end, order_id, paid, event_time, right_order_id, customer_id, amount_cents, category, right_event_time FROM paid_in_minute;
INSERT INTO paid_hop_full_out
SELECT window_start, window_end, order_id, paid, event_time, right_order_id, customer_id, amount_cents, category, right_event_time FROM paid_hop_full;
INSERT INTO unpaid_in_minute_out
SELECT window_start, window_end, order_id, customer_id, amount_cents, category, event_time FROM unpaid_in_minute;
INSERT INTO revenue_out
SELECT window_start, window_end, category, orders, revenue, count_distinct_customer_id FROM revenue_5m;
INSERT INTO revenue_lake
SELECT window_start, window_end, category, orders, revenue, count_distinct_customer_id, DATE_FORMAT(window_end - INTERVAL '0.001' SECOND, 'yyyy') AS part1, DATE_FORMAT(window_end - INTERVAL '0.001' SECOND, 'MM') AS part2, DATE_FORMAT(window_end - INTERVAL '0.001' SECOND, 'dd') AS `day` FROM revenue_5m;
END;
