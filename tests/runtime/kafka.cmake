# Kafka connector tests (runtime/connectors/kafka). They use the embedded broker (librdkafka's
# mock cluster), so they always run. tst_kafka: config, codecs, broker, sink.
sw_add_qtest(tst_kafka SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kafka.cpp
  LIBS sw_runtime PkgConfig::RDKAFKA LABELS integration kafka TIMEOUT 300)
sw_add_qtest(tst_kafka_source SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kafka_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TsanC11Threads.cpp
  LIBS sw_runtime PkgConfig::RDKAFKA LABELS integration kafka slow TIMEOUT 300)
# Under TSan (preset `tsan`, label concurrency, ~1 min) as tst_kafka_source_tsan: the source's
# poll, monitor and librdkafka threads and the test's own drainer thread. TsanC11Threads.cpp
# makes librdkafka's C11 threads and locks visible to TSan (without it the embedded broker
# crashes under TSan as soon as a topic is created). Not registered in other builds, where
# tst_kafka_source runs once as above.
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=thread")
  add_test(NAME tst_kafka_source_tsan COMMAND tst_kafka_source)
  set_tests_properties(tst_kafka_source_tsan PROPERTIES LABELS "kafka;concurrency" TIMEOUT 600
    ENVIRONMENT "TSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/runtime/tsan.supp")
endif()
sw_add_qtest(tst_kafka_pipeline SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kafka_pipeline.cpp
  LIBS sw_runtime PkgConfig::RDKAFKA LABELS integration kafka slow TIMEOUT 300)
# At-least-once under faults: broker down/up, injected request errors, cancel + restart.
sw_add_qtest(tst_kafka_faults SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kafka_faults.cpp
  LIBS sw_runtime PkgConfig::RDKAFKA LABELS integration kafka slow TIMEOUT 300)
# Persistent client errors made visible: auth failure, unreachable/down brokers, missing topic.
sw_add_qtest(tst_kafka_health SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kafka_health.cpp
  LIBS sw_runtime PkgConfig::RDKAFKA LABELS integration kafka TIMEOUT 300)
# Offsets committed only after results are durable (checkpoints, window holds), stop + restart.
sw_add_qtest(tst_kafka_commits SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kafka_commits.cpp
  LIBS sw_runtime PkgConfig::RDKAFKA LABELS integration kafka TIMEOUT 300)
# streamwright-run with Kafka: broker subcommand, the orders-kafka example, secrets canary.
sw_add_qtest(tst_kafka_cli SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kafka_cli.cpp
  LABELS integration kafka slow TIMEOUT 300)
target_compile_definitions(tst_kafka_cli PRIVATE SW_CLI_PATH="$<TARGET_FILE:streamwright-run>")
add_dependencies(tst_kafka_cli streamwright-run)
# Exact windows across restarts (replay closure): disorder across window boundaries, duplicates,
# stops where a fired window straddles the commit (~15 s).
sw_add_qtest(tst_kafka_replay SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kafka_replay.cpp
  LIBS sw_runtime PkgConfig::RDKAFKA SQLite::SQLite3 LABELS integration kafka TIMEOUT 300)
# tst_kafka_exactly_once: the transactional kafka-sink and Kafka DLQ (exactly-once delivery):
# one transaction per checkpoint, restarts, injected transaction errors, a coordinator outage;
# read back by Debian's Python client.
sw_add_qtest(tst_kafka_exactly_once SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kafka_exactly_once.cpp
  LIBS sw_runtime PkgConfig::RDKAFKA LABELS integration kafka slow TIMEOUT 600)
# tst_kafka_kills: streamwright-run (Kafka source -> transactional kafka-sink, SQLite and file
# sinks, exactly-once) killed 10 times against `streamwright-run broker` in its own process,
# input written and output read back by Debian's Python client (~1 min).
sw_add_qtest(tst_kafka_kills SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kafka_kills.cpp
  LIBS sw_runtime SQLite::SQLite3 LABELS integration kafka slow TIMEOUT 600)
target_compile_definitions(tst_kafka_kills PRIVATE SW_CLI_PATH="$<TARGET_FILE:streamwright-run>")
add_dependencies(tst_kafka_kills streamwright-run)
