# Designer application tests (real widgets, offscreen).
sw_add_qtest(tst_document SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_document.cpp LIBS sw_app LABELS gui)
sw_add_qtest(tst_mainwindow SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_mainwindow.cpp LIBS sw_app LABELS gui)
# The crash-recovery test runs the real designer executable.
add_dependencies(tst_mainwindow streamwright)
sw_add_qtest(tst_designer_export SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_designer_export.cpp LIBS sw_app LABELS gui)
