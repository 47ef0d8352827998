# Run & debug in the designer (issue 6): the run controller driving the real engine end to end
# with real widgets (offscreen). Built with the GUI only (the tsan preset has no sw_app).
if(SW_BUILD_GUI)
  sw_add_qtest(tst_run_e2e SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_run_e2e.cpp LIBS sw_app
    LABELS gui kafka concurrency TIMEOUT 180)
  set_target_properties(tst_run_e2e PROPERTIES AUTOMOC ON)
endif()
