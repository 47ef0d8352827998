sw_add_qtest(tst_validate SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_validate.cpp
  LIBS sw_runtime LABELS unit)
sw_add_qtest(tst_layering SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_layering.cpp
  LIBS sw_runtime LABELS unit)
