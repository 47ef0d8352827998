# Engine core tests (runtime/exec, time, operators, metrics).
sw_add_qtest(tst_engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_engine.cpp
  LIBS sw_runtime LABELS unit concurrency)
