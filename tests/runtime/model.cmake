# tst_model: pipeline file format v1 (runtime/model): round trips, byte-stable saving, bad files.
sw_add_qtest(tst_model
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_model.cpp ${CMAKE_CURRENT_LIST_DIR}/RandomPipeline.cpp
  LIBS sw_runtime
  LABELS unit)
