# Reusable widgets (canvas, property editor) over the application's Document, offscreen.
foreach(t tst_canvas tst_properties)
  sw_add_qtest(${t} SOURCES ${CMAKE_CURRENT_LIST_DIR}/${t}.cpp LIBS sw_app LABELS gui)
endforeach()
