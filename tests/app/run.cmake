# Run & debug in the designer (issue 6). Built with the GUI only (the tsan preset has no sw_app).
#  - tst_run_views: charts, metrics and overlays fed constructed snapshots (no engine);
#  - tst_run_records: inspector and DLQ views fed constructed records (no engine);
#  - tst_run_e2e: the run controller driving the real engine with real widgets (offscreen);
#  - tst_run_window: installRunAndDebug in a window of the test's own (actions, edits, problems);
#  - tst_run_screenshots: run & debug installed in a window, orders example running, PNGs.
if(SW_BUILD_GUI)
  sw_add_qtest(tst_run_views SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_run_views.cpp LIBS sw_app
    LABELS gui unit TIMEOUT 120)
  sw_add_qtest(tst_run_records SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_run_records.cpp
    LIBS sw_app LABELS gui unit TIMEOUT 120)
  sw_add_qtest(tst_run_e2e SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_run_e2e.cpp LIBS sw_app
    LABELS gui kafka concurrency TIMEOUT 180)
  sw_add_qtest(tst_run_window SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_run_window.cpp LIBS sw_app
    LABELS gui TIMEOUT 180)
  sw_add_qtest(tst_run_screenshots SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_run_screenshots.cpp
    LIBS sw_app LABELS gui slow TIMEOUT 180)
  # Checkpoints panel, Run / Run from Scratch and the designer's metrics endpoint (a real HTTP
  # GET with QtNetwork, part of qt6-base-dev).
  find_package(Qt6 REQUIRED COMPONENTS Network)
  sw_add_qtest(tst_run_checkpoints SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_run_checkpoints.cpp
    LIBS sw_app Qt6::Network LABELS gui TIMEOUT 180)
  set_target_properties(tst_run_views tst_run_records tst_run_e2e tst_run_window tst_run_screenshots
    tst_run_checkpoints PROPERTIES AUTOMOC ON)
endif()
