# tst_dashboard_model: the pipeline file's optional `dashboard` section (runtime/model/Dashboard.h,
# catalog/DashboardReader.cpp): typed views, byte-stable round trips and precise read errors.
sw_add_qtest(tst_dashboard_model SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dashboard_model.cpp
  LIBS sw_runtime LABELS unit)
