# streamwright-run dlq replay: dead letters back into a fixed pipeline (~3 s).
sw_add_qtest(tst_cli_dlq SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cli_dlq.cpp LIBS sw_runtime LABELS integration)
target_compile_definitions(tst_cli_dlq PRIVATE SW_CLI_PATH="$<TARGET_FILE:streamwright-run>")
add_dependencies(tst_cli_dlq streamwright-run)
