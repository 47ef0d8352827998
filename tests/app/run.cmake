# Run & debug in the designer (issue 6): views with constructed metrics, and the run controller
# driving the real engine end to end (real widgets, offscreen).
sw_add_qtest(tst_run_views SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_run_views.cpp LIBS sw_app LABELS gui unit)
set_target_properties(tst_run_views PROPERTIES AUTOMOC ON)
sw_add_qtest(tst_run_e2e SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_run_e2e.cpp LIBS sw_app LABELS gui integration concurrency)
set_target_properties(tst_run_e2e PROPERTIES AUTOMOC ON)
