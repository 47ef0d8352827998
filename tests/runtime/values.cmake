# The one value-text module (types/ValueText, util/Base64, util/Utf8, util/JsonEscape): one
# timestamp grammar across CAST and every reader, base64 and UTF-8 against their RFCs.
sw_add_qtest(tst_value_text SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_value_text.cpp
  LIBS sw_runtime LABELS unit)
