# Schema Registry (runtime/schema): the embedded Confluent-compatible registry over HTTP (driven
# by cpp-httplib's client, not by our own), its SQLite persistence, and the Avro compatibility
# rules against a table of Confluent's documented cases at every level.
sw_add_qtest(tst_schema_registry SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_schema_registry.cpp
  LIBS sw_runtime PkgConfig::CPPHTTPLIB LABELS unit)
sw_add_qtest(tst_schema_compat SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_schema_compat.cpp
  LIBS sw_runtime LABELS unit)
# The avro-confluent format: decoding with schema resolution, logical types, bad input, encoder.
sw_add_qtest(tst_avro_confluent SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_avro_confluent.cpp
  LIBS sw_runtime LABELS unit)
