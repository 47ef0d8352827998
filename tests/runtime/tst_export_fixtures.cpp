#include "tst_export_fixtures.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "catalog/PipelineLoader.h"

namespace sw::test_export {

using namespace sw::runtime;

std::vector<std::string> exampleFiles()
{
    std::vector<std::string> out;
    for (const auto& e :
         std::filesystem::directory_iterator(std::string(SW_SOURCE_DIR) + "/examples")) {
        std::string p = e.path().string();
        if (p.size() > 14 && p.substr(p.size() - 14) == ".pipeline.json") out.push_back(p);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string exampleStem(const std::string& path)
{
    std::string name = std::filesystem::path(path).filename().string();
    return name.substr(0, name.size() - std::string(".pipeline.json").size());
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

PipelineSpec parseOrFail(const std::string& json, const std::string& what)
{
    auto r = parsePipeline(json);
    if (!r) {
        std::fprintf(stderr, "%s does not parse: %s\n", what.c_str(), r.error().toString().c_str());
        return {};
    }
    return r.value();
}

namespace {

const char* kCoverage = R"json({
  "format": "streamwright.pipeline/1",
  "pipeline": {"name": "Export Coverage", "description": "every node type", "delivery": "exactly-once",
               "parallelism": 4, "checkpoint_interval": "30 s", "schema_evolution": "backward"},
  "nodes": [
    {"id": "gen_orders", "type": "generator", "properties": {"kind": "orders", "events_per_second": 500,
      "out_of_orderness": "2 s", "max_out_of_orderness": "3 s", "key_cardinality": 200, "parallelism": 2}},
    {"id": "big_orders", "type": "filter", "properties": {"condition": "amount > 100 AND category <> 'test'"}},
    {"id": "enriched", "type": "map", "properties": {"columns": [
      {"name": "order_id", "expr": "order_id"}, {"name": "customer_id", "expr": "customer_id"},
      {"name": "amount_cents", "expr": "CAST(amount * 100 AS BIGINT)"},
      {"name": "category", "expr": "UPPER(category)"}, {"name": "event_time", "expr": "event_time"}]}},
    {"id": "by_customer", "type": "key-by", "properties": {"keys": ["customer_id"]}},
    {"id": "unique_orders", "type": "dedup", "properties": {"keys": ["order_id"], "ttl": "2 h"}},
    {"id": "revenue_5m", "type": "tumbling-window", "properties": {"size": "5 min", "offset": "1 min",
      "keys": ["category"], "allowed_lateness": "30 s", "aggregates": [
        {"function": "COUNT", "column": "*", "as": "orders"},
        {"function": "SUM", "column": "amount_cents", "as": "revenue"},
        {"function": "COUNT_DISTINCT", "column": "customer_id"}]}},
    {"id": "revenue_out", "type": "kafka-sink", "properties": {"topic": "metrics.shop.revenue",
      "key_fields": ["category"], "partitions": 6}},
    {"id": "revenue_cache", "type": "redis-sink", "properties": {"url": "redis://cache:6379/2",
      "command": "zadd", "key_prefix": "revenue:top", "value_fields": ["category"],
      "value_format": "text", "score_field": "revenue", "ttl": "1 h"}},
    {"id": "clicks", "type": "kafka-source", "properties": {"topic": "web.clicks.viewed",
      "group_id": "coverage-clicks", "start_from": "timestamp", "start_timestamp": 1700000000000,
      "idle_timeout": "1 min", "partitions": 8,
      "schema": [{"name": "event_id", "type": "BIGINT"}, {"name": "user_id", "type": "BIGINT"},
                 {"name": "value", "type": "DOUBLE"}, {"name": "page", "type": "STRING"},
                 {"name": "event_time", "type": "TIMESTAMP(3)"}]}},
    {"id": "clicks_file", "type": "file-source", "properties": {"path": "data/clicks.csv", "format": "csv",
      "replay": "event-time",
      "schema": [{"name": "event_id", "type": "BIGINT"}, {"name": "user_id", "type": "BIGINT"},
                 {"name": "value", "type": "DOUBLE"}, {"name": "page", "type": "STRING"},
                 {"name": "event_time", "type": "TIMESTAMP(3)"}]}},
    {"id": "all_clicks", "type": "union"},
    {"id": "click_rate", "type": "hop-window", "properties": {"size": "10 s", "slide": "2 s",
      "keys": ["page"], "aggregates": [{"function": "COUNT", "column": "*", "as": "views"},
        {"function": "AVG", "column": "value", "as": "avg_value"}]}},
    {"id": "click_rate_db", "type": "sqlite-sink", "properties": {"path": "rates.sqlite", "table": "click_rate",
      "key_fields": ["window_start", "page"]}},
    {"id": "sessions", "type": "session-window", "properties": {"gap": "30 min", "time": "processing-time",
      "keys": ["user_id"], "aggregates": [{"function": "COUNT", "column": "*", "as": "clicks"},
        {"function": "MAX", "column": "event_time", "as": "last_seen"}]}},
    {"id": "sessions_file", "type": "file-sink", "properties": {"path": "out/sessions.jsonl"}},
    {"id": "totals", "type": "global-window", "properties": {"keys": ["user_id"],
      "aggregates": [{"function": "SUM", "column": "value", "as": "total_value"}]}},
    {"id": "totals_out", "type": "kafka-sink", "properties": {"topic": "metrics.web.user-totals",
      "key_fields": ["user_id"], "mode": "upsert"}},
    {"id": "user_clicks", "type": "aggregate", "properties": {"keys": ["user_id"], "aggregates": [
      {"function": "COUNT", "column": "*", "as": "clicks"}, {"function": "SUM", "column": "value", "as": "total"}]}},
    {"id": "user_clicks_db", "type": "sqlite-sink", "properties": {"path": "clicks.sqlite", "table": "user_clicks",
      "key_fields": ["user_id"]}},
    {"id": "orders_paid", "type": "join", "properties": {"left_keys": ["order_id"], "right_keys": ["order_id"],
      "join_type": "left"}},
    {"id": "orders_paid_out", "type": "file-sink", "properties": {"path": "out/orders-paid.jsonl"}},
    {"id": "audit", "type": "kafka-source", "properties": {"topic": "audit.logins.recorded",
      "group_id": "coverage-audit", "format": "raw", "include_metadata": true, "watermark": "processing-time",
      "start_from": "latest"}},
    {"id": "logins", "type": "filter", "properties": {"condition": "value LIKE '%login%'"}},
    {"id": "logins_out", "type": "console-sink"},
    {"id": "payments", "type": "kafka-source", "properties": {"topic": "shop.payments.settled",
      "group_id": "coverage-payments", "bootstrap_servers": "broker-1:9093,broker-2:9093",
      "schema": [{"name": "order_id", "type": "BIGINT"}, {"name": "paid", "type": "DECIMAL(10, 2)"},
                 {"name": "event_time", "type": "TIMESTAMP(3)"}]}},
    {"id": "order_payments", "type": "interval-join", "properties": {"left_keys": ["order_id"],
      "right_keys": ["order_id"], "lower_bound": "-5 min", "upper_bound": "10 min"}},
    {"id": "order_payments_out", "type": "console-sink"},
    {"id": "paid_in_minute", "type": "window-join", "properties": {"left_keys": ["order_id"],
      "right_keys": ["order_id"], "size": "1 min"}},
    {"id": "paid_in_minute_out", "type": "file-sink", "properties": {"path": "out/paid.csv", "format": "csv"}},
    {"id": "paid_hop_full", "type": "window-join", "properties": {"left_keys": ["order_id"],
      "right_keys": ["order_id"], "window": "hop", "size": "10 min", "slide": "5 min", "join_type": "full"}},
    {"id": "paid_hop_full_out", "type": "console-sink"},
    {"id": "unpaid_in_minute", "type": "window-join", "properties": {"left_keys": ["order_id"],
      "right_keys": ["order_id"], "size": "1 min", "join_type": "anti"}},
    {"id": "unpaid_in_minute_out", "type": "console-sink"},
    {"id": "orders_lake", "type": "lake-sink", "properties": {"path": "s3://lake/orders", "parallelism": 4}},
    {"id": "revenue_lake", "type": "lake-sink", "properties": {"path": "lake/revenue", "format": "jsonl",
      "partition_pattern": "{yyyy}/{MM}/day={dd}", "roll_size": 1000000, "roll_interval": "20 s"}},
    {"id": "users", "type": "kafka-source", "properties": {"topic": "cdc.crm.users", "group_id": "coverage-users",
      "timestamp_column": "updated_at", "start_from": "earliest",
      "schema": [{"name": "user_id", "type": "BIGINT"}, {"name": "name", "type": "STRING"},
                 {"name": "tier", "type": "STRING"}, {"name": "updated_at", "type": "TIMESTAMP(3)"}]}},
    {"id": "clicks_with_user", "type": "temporal-join", "properties": {"left_keys": ["user_id"],
      "right_keys": ["user_id"], "join_type": "left"}},
    {"id": "clicks_with_user_out", "type": "kafka-sink", "properties": {"topic": "web.clicks.enriched",
      "key_fields": ["user_id"], "format": "csv"}},
    {"id": "dead_letters", "type": "dlq", "properties": {"target": "kafka"}},
    {"id": "kin_clicks", "type": "kinesis-source", "properties": {"stream": "web-clicks", "region": "eu-west-1",
      "start_position": "AT_TIMESTAMP", "start_timestamp": 1704067200000, "timestamp_column": "ts",
      "properties": {"aws.credentials.basic.accesskeyid": "AKIDCOVERAGE", "aws.credentials.basic.secretkey": "kinesis-canary-secret"},
      "schema": [{"name": "user_id", "type": "BIGINT"}, {"name": "page", "type": "STRING"},
                 {"name": "ts", "type": "TIMESTAMP(3)"}]}},
    {"id": "kin_clicks_out", "type": "kinesis-sink", "properties": {"stream": "web-clicks-copy",
      "region": "eu-west-1", "partition_key_fields": ["user_id"], "shards": 2,
      "expected_records_per_second": 5000, "expected_record_bytes": 200}},
    {"id": "big_order_alerts", "type": "alert-sink", "properties": {"url": "http://alertmanager:9093",
      "labels": ["category"], "constant_labels": {"alertname": "BigOrder"},
      "annotations": {"summary": "'Order ' || CAST(order_id AS STRING)"}, "resolve_timeout": "15 min"}}
  ],
  "edges": [
    {"from": {"node": "gen_orders", "port": "out"}, "to": {"node": "big_orders", "port": "in"}},
    {"from": {"node": "big_orders", "port": "out"}, "to": {"node": "enriched", "port": "in"}},
    {"from": {"node": "big_orders", "port": "out"}, "to": {"node": "big_order_alerts", "port": "in"}},
    {"from": {"node": "enriched", "port": "out"}, "to": {"node": "by_customer", "port": "in"}},
    {"from": {"node": "by_customer", "port": "out"}, "to": {"node": "unique_orders", "port": "in"}},
    {"from": {"node": "unique_orders", "port": "out"}, "to": {"node": "revenue_5m", "port": "in"}},
    {"from": {"node": "revenue_5m", "port": "out"}, "to": {"node": "revenue_out", "port": "in"}},
    {"from": {"node": "revenue_5m", "port": "out"}, "to": {"node": "revenue_cache", "port": "in"}},
    {"from": {"node": "clicks", "port": "out"}, "to": {"node": "all_clicks", "port": "in"}},
    {"from": {"node": "clicks_file", "port": "out"}, "to": {"node": "all_clicks", "port": "in"}},
    {"from": {"node": "all_clicks", "port": "out"}, "to": {"node": "click_rate", "port": "in"}},
    {"from": {"node": "click_rate", "port": "out"}, "to": {"node": "click_rate_db", "port": "in"}},
    {"from": {"node": "all_clicks", "port": "out"}, "to": {"node": "sessions", "port": "in"}},
    {"from": {"node": "sessions", "port": "out"}, "to": {"node": "sessions_file", "port": "in"}},
    {"from": {"node": "all_clicks", "port": "out"}, "to": {"node": "totals", "port": "in"}},
    {"from": {"node": "totals", "port": "out"}, "to": {"node": "totals_out", "port": "in"}},
    {"from": {"node": "all_clicks", "port": "out"}, "to": {"node": "user_clicks", "port": "in"}},
    {"from": {"node": "user_clicks", "port": "out"}, "to": {"node": "user_clicks_db", "port": "in"}},
    {"from": {"node": "enriched", "port": "out"}, "to": {"node": "orders_paid", "port": "left"}},
    {"from": {"node": "payments", "port": "out"}, "to": {"node": "orders_paid", "port": "right"}},
    {"from": {"node": "orders_paid", "port": "out"}, "to": {"node": "orders_paid_out", "port": "in"}},
    {"from": {"node": "audit", "port": "out"}, "to": {"node": "logins", "port": "in"}},
    {"from": {"node": "logins", "port": "out"}, "to": {"node": "logins_out", "port": "in"}},
    {"from": {"node": "enriched", "port": "out"}, "to": {"node": "order_payments", "port": "left"}},
    {"from": {"node": "payments", "port": "out"}, "to": {"node": "order_payments", "port": "right"}},
    {"from": {"node": "order_payments", "port": "out"}, "to": {"node": "order_payments_out", "port": "in"}},
    {"from": {"node": "payments", "port": "out"}, "to": {"node": "paid_in_minute", "port": "left"}},
    {"from": {"node": "enriched", "port": "out"}, "to": {"node": "paid_in_minute", "port": "right"}},
    {"from": {"node": "paid_in_minute", "port": "out"}, "to": {"node": "paid_in_minute_out", "port": "in"}},
    {"from": {"node": "payments", "port": "out"}, "to": {"node": "paid_hop_full", "port": "left"}},
    {"from": {"node": "enriched", "port": "out"}, "to": {"node": "paid_hop_full", "port": "right"}},
    {"from": {"node": "paid_hop_full", "port": "out"}, "to": {"node": "paid_hop_full_out", "port": "in"}},
    {"from": {"node": "enriched", "port": "out"}, "to": {"node": "unpaid_in_minute", "port": "left"}},
    {"from": {"node": "payments", "port": "out"}, "to": {"node": "unpaid_in_minute", "port": "right"}},
    {"from": {"node": "unpaid_in_minute", "port": "out"}, "to": {"node": "unpaid_in_minute_out", "port": "in"}},
    {"from": {"node": "enriched", "port": "out"}, "to": {"node": "orders_lake", "port": "in"}},
    {"from": {"node": "revenue_5m", "port": "out"}, "to": {"node": "revenue_lake", "port": "in"}},
    {"from": {"node": "all_clicks", "port": "out"}, "to": {"node": "clicks_with_user", "port": "left"}},
    {"from": {"node": "users", "port": "out"}, "to": {"node": "clicks_with_user", "port": "right"}},
    {"from": {"node": "clicks_with_user", "port": "out"}, "to": {"node": "clicks_with_user_out", "port": "in"}},
    {"from": {"node": "kin_clicks", "port": "out"}, "to": {"node": "kin_clicks_out", "port": "in"}},
    {"from": {"node": "clicks", "port": "errors"}, "to": {"node": "dead_letters", "port": "in"}},
    {"from": {"node": "big_orders", "port": "errors"}, "to": {"node": "dead_letters", "port": "in"}},
    {"from": {"node": "revenue_5m", "port": "errors"}, "to": {"node": "dead_letters", "port": "in"}}
  ]
})json";

const char* kCanaryJson = R"json({
  "format": "streamwright.pipeline/1",
  "pipeline": {"name": "secure-orders", "delivery": "exactly-once", "parallelism": 2,
               "checkpoint_interval": "10 s", "schema_evolution": "full"},
  "nodes": [
    {"id": "orders_in", "type": "kafka-source", "properties": {"topic": "shop.orders.created",
      "group_id": "secure-orders", "bootstrap_servers": "broker-1:9093",
      "properties": {"security.protocol": "SASL_SSL", "sasl.mechanism": "SCRAM-SHA-512",
                     "sasl.username": "svc-orders", "sasl.password": "@CANARY@",
                     "ssl.ca.location": "/etc/kafka/ca.pem"},
      "schema": [{"name": "order_id", "type": "BIGINT"}, {"name": "amount", "type": "DECIMAL(10, 2)"},
                 {"name": "event_time", "type": "TIMESTAMP(3)"}]}},
    {"id": "orders_out", "type": "kafka-sink", "properties": {"topic": "shop.orders.validated",
      "key_fields": ["order_id"], "bootstrap_servers": "broker-1:9093",
      "properties": {"security.protocol": "SSL", "ssl.key.password": "@CANARY@",
                     "sasl.jaas.config": "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"@CANARY@\";"}}},
    {"id": "dlq", "type": "dlq", "properties": {"target": "kafka", "bootstrap_servers": "broker-1:9093",
      "properties": {"sasl.password": "@CANARY@", "sasl.username": "svc-dlq"}}},
    {"id": "order_alerts", "type": "alert-sink", "properties": {
      "url": "https://ops:@CANARY@@alertmanager:9093", "constant_labels": {"alertname": "Order"},
      "auth": {"bearer_token": "@CANARY@"}, "headers": {"X-Api-Key": "@CANARY@"}}},
    {"id": "once", "type": "dedup", "properties": {"keys": ["order_id"], "store": "redis",
      "redis_url": "redis://svc:@CANARY@@cache:6379/0"}},
    {"id": "orders_cache", "type": "redis-sink", "properties": {"url": "redis://:@CANARY@@cache:6379/1",
      "key_fields": ["order_id"], "key_prefix": "order:"}}
  ],
  "edges": [
    {"from": {"node": "orders_in", "port": "out"}, "to": {"node": "orders_out", "port": "in"}},
    {"from": {"node": "orders_in", "port": "out"}, "to": {"node": "order_alerts", "port": "in"}},
    {"from": {"node": "orders_in", "port": "out"}, "to": {"node": "once", "port": "in"}},
    {"from": {"node": "once", "port": "out"}, "to": {"node": "orders_cache", "port": "in"}},
    {"from": {"node": "orders_in", "port": "errors"}, "to": {"node": "dlq", "port": "in"}}
  ]
})json";

} // namespace

PipelineSpec coveragePipeline()
{
    return parseOrFail(kCoverage, "coverage pipeline");
}

PipelineSpec canaryPipeline()
{
    std::string json = kCanaryJson;
    for (std::size_t pos; (pos = json.find("@CANARY@")) != std::string::npos;)
        json.replace(pos, 8, kCanary);
    return parseOrFail(json, "canary pipeline");
}

} // namespace sw::test_export
