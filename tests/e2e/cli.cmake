sw_add_qtest(tst_cli SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cli.cpp LIBS sw_runtime LABELS integration)
target_compile_definitions(tst_cli PRIVATE SW_CLI_PATH="$<TARGET_FILE:streamwright-run>")
add_dependencies(tst_cli streamwright-run)
