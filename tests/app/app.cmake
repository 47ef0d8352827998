# Designer application tests (real widgets, offscreen).
sw_add_qtest(tst_document SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_document.cpp LIBS sw_app LABELS gui)
