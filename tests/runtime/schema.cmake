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

# tst_schema_interop (integration, ~15 s): clients nobody here wrote - npm's
# @kafkajs/confluent-schema-registry and kafkajs with kafkajs-lz4 - against `streamwright-run
# broker` (embedded broker + registry) and a pipeline run by streamwright-run: registration and
# refusal, 3 writer versions decoded into one reader schema, bad input in the DLQ, the pipeline's
# avro-confluent output decoded by the npm client. The npm packages are installed by a fixture into
# the BUILD directory, pinned by tests/tools/schema/package-lock.json (as the export validators).
set(SW_SCHEMA_NODE_DIR ${CMAKE_BINARY_DIR}/node/schema-tools)
foreach(f package.json package-lock.json interop.cjs)
  configure_file(${CMAKE_SOURCE_DIR}/tests/tools/schema/${f} ${SW_SCHEMA_NODE_DIR}/${f} COPYONLY)
endforeach()
add_test(NAME npm_install_schema_tools
  COMMAND sh -c "set -e; cmp -s package-lock.json node_modules/.sw-installed-lock || { npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.sw-installed-lock; }"
  WORKING_DIRECTORY ${SW_SCHEMA_NODE_DIR})
set_tests_properties(npm_install_schema_tools PROPERTIES
  FIXTURES_SETUP sw_node_schema_tools LABELS integration TIMEOUT 300)
sw_add_qtest(tst_schema_interop SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_schema_interop.cpp
  LIBS sw_runtime SQLite::SQLite3 LABELS integration kafka TIMEOUT 300)
target_compile_definitions(tst_schema_interop PRIVATE SW_SCHEMA_NODE_DIR="${SW_SCHEMA_NODE_DIR}"
  SW_CLI_PATH="$<TARGET_FILE:streamwright-run>")
set_tests_properties(tst_schema_interop PROPERTIES FIXTURES_REQUIRED sw_node_schema_tools)
add_dependencies(tst_schema_interop streamwright-run)
