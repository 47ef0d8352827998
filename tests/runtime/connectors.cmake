# Embedded connectors (runtime/connectors): generator, file source/sink, sqlite sink, DLQ.
sw_add_qtest(tst_generator SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_generator.cpp
  LIBS sw_runtime LABELS unit)
