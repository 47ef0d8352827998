# alert-sink (runtime/connectors/alert): template, validation and rendering without a server;
# then against a real Prometheus Alertmanager and a cpp-httplib webhook receiver, both on
# 127.0.0.1 (packaging/install-deps.sh installs prometheus-alertmanager and libcpp-httplib-dev).
sw_add_qtest(tst_alert_sink SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_alert_sink.cpp
  LIBS sw_runtime LABELS unit)
pkg_check_modules(CPPHTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
sw_add_qtest(tst_alert_alertmanager SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_alert_alertmanager.cpp
  LIBS sw_runtime PkgConfig::CPPHTTPLIB SQLite::SQLite3 LABELS integration)
# streamwright-run with alert-sinks: no secret in the output or the --report (~9 s).
sw_add_qtest(tst_alert_cli SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_alert_cli.cpp
  LIBS sw_runtime PkgConfig::CPPHTTPLIB LABELS integration slow TIMEOUT 300)
target_compile_definitions(tst_alert_cli PRIVATE SW_CLI_PATH="$<TARGET_FILE:streamwright-run>")
add_dependencies(tst_alert_cli streamwright-run)
