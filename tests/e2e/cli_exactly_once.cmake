# streamwright-run with exactly-once SQLite and file sinks, SIGKILLed 12 times at seeded random
# points and restarted; a reader checks what is visible between kills (~20 s on 2 cores).
sw_add_qtest(tst_cli_exactly_once SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cli_exactly_once.cpp
  LIBS SQLite::SQLite3 LABELS integration slow)
target_compile_definitions(tst_cli_exactly_once PRIVATE SW_CLI_PATH="$<TARGET_FILE:streamwright-run>")
add_dependencies(tst_cli_exactly_once streamwright-run)
