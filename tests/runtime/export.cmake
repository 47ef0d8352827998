# Export for production (runtime/export): Flink SQL, Kubernetes manifests, topic plan, readiness.
#
# tst_export (unit): golden files for every examples/*.pipeline.json and for a generated pipeline
# covering every exportable node type (SW_UPDATE_GOLDEN=1 rewrites them), the secrets canary,
# topic conventions, the readiness checklist and the SQL spelling rules.
sw_add_qtest(tst_export
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_export.cpp ${CMAKE_CURRENT_LIST_DIR}/tst_export_fixtures.cpp
          ${CMAKE_CURRENT_LIST_DIR}/tst_export_units.cpp
  LIBS sw_runtime
  LABELS unit)

# tst_export_tools (integration): every exported SQL script parses with dt-sql-parser's FlinkSQL
# grammar and every manifest validates against the pinned CRDs (docs/crds) with unknown
# properties rejected. The npm packages are installed by a fixture into the BUILD directory,
# pinned by tests/tools/package-lock.json and reinstalled only when it changes; the validators are
# bundled with esbuild into CommonJS (dt-sql-parser's ESM build does not import under Node 20).
# Once installed the tests run offline.
set(SW_EXPORT_NODE_DIR ${CMAKE_BINARY_DIR}/node/export-tools)
foreach(f package.json package-lock.json flink-sql-validate.mjs k8s-validate.mjs)
  configure_file(${CMAKE_SOURCE_DIR}/tests/tools/${f} ${SW_EXPORT_NODE_DIR}/${f} COPYONLY)
endforeach()
add_test(NAME npm_install_export_tools
  COMMAND sh -c "set -e; cmp -s package-lock.json node_modules/.sw-installed-lock || { npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.sw-installed-lock; }; for t in flink-sql-validate k8s-validate; do ./node_modules/.bin/esbuild $t.mjs --bundle --platform=node --format=cjs --log-level=warning --outfile=$t.cjs; done"
  WORKING_DIRECTORY ${SW_EXPORT_NODE_DIR})
set_tests_properties(npm_install_export_tools PROPERTIES
  FIXTURES_SETUP sw_node_export_tools LABELS integration TIMEOUT 300)

sw_add_qtest(tst_export_tools
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_export_tools.cpp ${CMAKE_CURRENT_LIST_DIR}/tst_export_fixtures.cpp
  LIBS sw_runtime
  LABELS integration)
target_compile_definitions(tst_export_tools PRIVATE SW_EXPORT_NODE_DIR="${SW_EXPORT_NODE_DIR}")
set_tests_properties(tst_export_tools PROPERTIES FIXTURES_REQUIRED sw_node_export_tools)
# The CLI end to end: `streamwright-run export` writes the same files as the library.
add_dependencies(tst_export_tools streamwright-run)
target_compile_definitions(tst_export_tools PRIVATE SW_CLI_PATH="$<TARGET_FILE:streamwright-run>")
