# streamwright-run --metrics-port: promtool and a real prometheus against a running Kafka
# pipeline (~25 s; needs promtool and prometheus from Debian's prometheus package).
sw_add_qtest(tst_monitoring SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_monitoring.cpp
  LIBS sw_runtime LABELS integration slow TIMEOUT 240)
target_compile_definitions(tst_monitoring PRIVATE SW_CLI_PATH="$<TARGET_FILE:streamwright-run>")
add_dependencies(tst_monitoring streamwright-run)
