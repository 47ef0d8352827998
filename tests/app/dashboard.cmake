# tst_dashboard: the designer's Dashboard dock (app/dashboard): pin/unpin/edit/reorder as undo
# steps on the document, live views fed by the engine's taps compared with SQLite over the sink's
# output, CSV and PNG export, "Pin to Dashboard" menus.
if(SW_BUILD_GUI)
  sw_add_qtest(tst_dashboard SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dashboard.cpp LIBS sw_app
    LABELS gui TIMEOUT 180)
  set_target_properties(tst_dashboard PROPERTIES AUTOMOC ON)
  # e2e/CliProcess.h (its sqliteRows reads the sink's output) names the CLI; not run here.
  target_compile_definitions(tst_dashboard PRIVATE SW_CLI_PATH="$<TARGET_FILE:streamwright-run>")
endif()
