# streamwright-run run --record/--replay and streamwright-run test: byte-identical replays at
# parallelism 1, 2, 4 with processing-time windows, golden files and their diff, damaged
# recordings, a Kafka recording without broker (~20 s).
sw_add_qtest(tst_cli_replay SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cli_replay.cpp LIBS sw_runtime LABELS integration)
target_compile_definitions(tst_cli_replay PRIVATE SW_CLI_PATH="$<TARGET_FILE:streamwright-run>")
add_dependencies(tst_cli_replay streamwright-run)
