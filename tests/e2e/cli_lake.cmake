# streamwright-run with an exactly-once lake sink, SIGKILLed 8 times at seeded random points and
# restarted; the python3-avro reader checks what is visible between kills (~20 s on 2 cores).
sw_add_qtest(tst_cli_lake SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cli_lake.cpp
  LIBS sw_runtime SQLite::SQLite3 LABELS integration slow)
target_include_directories(tst_cli_lake PRIVATE ${PROJECT_SOURCE_DIR}/tests/runtime)
target_compile_definitions(tst_cli_lake PRIVATE SW_CLI_PATH="$<TARGET_FILE:streamwright-run>"
  SW_LAKE_READER="${PROJECT_SOURCE_DIR}/tests/tools/lake/read_lake.py")
add_dependencies(tst_cli_lake streamwright-run)
