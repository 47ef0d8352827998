# streamwright-run run: examples headless, limits, Ctrl-C drain, report, failures (~10 s).
sw_add_qtest(tst_cli_run SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cli_run.cpp LIBS sw_runtime LABELS integration)
target_compile_definitions(tst_cli_run PRIVATE SW_CLI_PATH="$<TARGET_FILE:streamwright-run>")
add_dependencies(tst_cli_run streamwright-run)
