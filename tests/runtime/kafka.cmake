# Kafka connector tests (runtime/connectors/kafka). They use the embedded broker (librdkafka's
# mock cluster), so they always run. tst_kafka: config, codecs, broker, sink.
sw_add_qtest(tst_kafka SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kafka.cpp
  LIBS sw_runtime PkgConfig::RDKAFKA LABELS integration TIMEOUT 600)
sw_add_qtest(tst_kafka_source SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kafka_source.cpp
  LIBS sw_runtime PkgConfig::RDKAFKA LABELS integration TIMEOUT 900)
sw_add_qtest(tst_kafka_pipeline SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kafka_pipeline.cpp
  LIBS sw_runtime PkgConfig::RDKAFKA LABELS integration slow TIMEOUT 900)
