# tst_model: pipeline file format v1 (runtime/model): round trips, byte-stable saving, bad files.
sw_add_qtest(tst_model
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_model.h ${CMAKE_CURRENT_LIST_DIR}/tst_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tst_model_errors.cpp ${CMAKE_CURRENT_LIST_DIR}/RandomPipeline.cpp
  LIBS sw_runtime
  LABELS unit)

# tst_schema_examples: docs/pipeline.schema.json equals the schema generated from the catalog, and
# every examples/*.pipeline.json validates against it with Ajv (npm). Ajv is installed by a CTest
# fixture into the BUILD directory (never the source tree), pinned by a committed lockfile, and
# reinstalled only when that lockfile changes.
sw_add_qtest(tst_schema_examples
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_schema_examples.cpp
  LIBS sw_runtime
  LABELS unit)
set(SW_SCHEMA_NODE_DIR ${CMAKE_BINARY_DIR}/node/json-schema)
configure_file(${CMAKE_SOURCE_DIR}/tests/tools/validate-json-schema.package.json
  ${SW_SCHEMA_NODE_DIR}/package.json COPYONLY)
configure_file(${CMAKE_SOURCE_DIR}/tests/tools/validate-json-schema.package-lock.json
  ${SW_SCHEMA_NODE_DIR}/package-lock.json COPYONLY)
add_test(NAME npm_install_json_schema_tools
  COMMAND sh -c "cmp -s package-lock.json node_modules/.sw-installed-lock || { npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.sw-installed-lock; }"
  WORKING_DIRECTORY ${SW_SCHEMA_NODE_DIR})
set_tests_properties(npm_install_json_schema_tools PROPERTIES
  FIXTURES_SETUP sw_node_json_schema LABELS unit TIMEOUT 300)
set_tests_properties(tst_schema_examples PROPERTIES FIXTURES_REQUIRED sw_node_json_schema)
