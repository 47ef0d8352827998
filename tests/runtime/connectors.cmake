# Embedded connectors (runtime/connectors): generator, file source/sink, sqlite sink, DLQ.
sw_add_qtest(tst_generator SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_generator.cpp
  LIBS sw_runtime LABELS unit)
sw_add_qtest(tst_file_connectors SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_file_connectors.cpp
  LIBS sw_runtime LABELS unit)
sw_add_qtest(tst_sqlite_sink SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sqlite_sink.cpp
  LIBS sw_runtime SQLite::SQLite3 LABELS unit)
# tst_dlq also runs small pipelines through the Engine (generator/file -> sinks + DLQ).
# Both run engine threads without Kafka, so they are in the TSan set (label concurrency).
sw_add_qtest(tst_dlq SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dlq.cpp
  LIBS sw_runtime SQLite::SQLite3 LABELS unit integration concurrency)
# Poison records (parse, type, expression, late) through a whole pipeline into a SQLite DLQ.
sw_add_qtest(tst_poison SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_poison.cpp
  LIBS sw_runtime SQLite::SQLite3 LABELS unit integration concurrency)
# The lake sink: Avro / gzip JSONL files read back by Debian's python3-avro (tests/tools/lake).
sw_add_qtest(tst_lake_sink SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_lake_sink.cpp
  LIBS sw_runtime SQLite::SQLite3 LABELS unit integration)
target_compile_definitions(tst_lake_sink PRIVATE
  SW_LAKE_READER="${PROJECT_SOURCE_DIR}/tests/tools/lake/read_lake.py")
sw_add_qtest(tst_lake_sink_eo SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_lake_sink_eo.cpp
  LIBS sw_runtime SQLite::SQLite3 LABELS integration)
target_compile_definitions(tst_lake_sink_eo PRIVATE
  SW_LAKE_READER="${PROJECT_SOURCE_DIR}/tests/tools/lake/read_lake.py")
