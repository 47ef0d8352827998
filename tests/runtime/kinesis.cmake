# Amazon Kinesis Data Streams (runtime/connectors/kinesis).
#
# tst_kinesis_sigv4 (unit): AWS Signature Version 4 against AWS's published test suite and
# against botocore's signer (Debian python3-botocore, offline).
sw_add_qtest(tst_kinesis_sigv4 SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kinesis_sigv4.cpp
  LIBS sw_runtime LABELS unit)

# kinesalite (npm, in memory, offline once installed) for the integration tests: installed by a
# fixture into the BUILD directory, pinned by tests/tools/kinesis/package-lock.json and
# reinstalled only when it changes (as the export validators). Tests start
# tests/tools/kinesis/kinesalite-server.js on a free 127.0.0.1 port (KinesaliteProcess.h).
set(SW_KINESIS_NODE_DIR ${CMAKE_BINARY_DIR}/node/kinesis-tools)
foreach(f package.json package-lock.json kinesalite-server.js)
  configure_file(${CMAKE_SOURCE_DIR}/tests/tools/kinesis/${f} ${SW_KINESIS_NODE_DIR}/${f} COPYONLY)
endforeach()
add_test(NAME npm_install_kinesis_tools
  COMMAND sh -c "set -e; cmp -s package-lock.json node_modules/.sw-installed-lock || { npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.sw-installed-lock; }"
  WORKING_DIRECTORY ${SW_KINESIS_NODE_DIR})
set_tests_properties(npm_install_kinesis_tools PROPERTIES
  FIXTURES_SETUP sw_node_kinesis_tools LABELS integration TIMEOUT 300)

# tst_kinesis_client (integration): the JSON 1.1 client and the credential chain against
# kinesalite: every operation, ListShards pagination, error classes and messages (missing
# stream, bad credentials, unreachable endpoint, timeouts), nothing hangs, no secret in a message.
sw_add_qtest(tst_kinesis_client SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kinesis_client.cpp
  LIBS sw_runtime LABELS integration)
target_compile_definitions(tst_kinesis_client PRIVATE SW_KINESIS_NODE_DIR="${SW_KINESIS_NODE_DIR}")
set_tests_properties(tst_kinesis_client PROPERTIES FIXTURES_REQUIRED sw_node_kinesis_tools)

# tst_kinesis_pipeline (integration): kinesis-source / kinesis-sink in whole pipelines against
# kinesalite: round trip, the aws CLI (Debian awscli) on both ends, split + merge mid-run,
# injected throttling, restart from a checkpoint, errors and failure modes.
sw_add_qtest(tst_kinesis_pipeline SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kinesis_pipeline.cpp
  LIBS sw_runtime PkgConfig::RDKAFKA LABELS integration TIMEOUT 600)
target_compile_definitions(tst_kinesis_pipeline PRIVATE SW_KINESIS_NODE_DIR="${SW_KINESIS_NODE_DIR}")
set_tests_properties(tst_kinesis_pipeline PROPERTIES FIXTURES_REQUIRED sw_node_kinesis_tools)
