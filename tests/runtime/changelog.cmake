# Changelog streams (row kinds, changelog modes, group aggregation, keep-last dedup, regular join,
# updating sinks): unit checks and SQLite-oracle runs at parallelism 1, 2 and 4.
sw_add_qtest(tst_changelog SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_changelog.cpp
  LIBS sw_runtime SQLite::SQLite3 LABELS unit concurrency)
# Upsert-kafka round trip through the embedded broker (tombstones delete).
sw_add_qtest(tst_changelog_kafka SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_changelog_kafka.cpp
  LIBS sw_runtime SQLite::SQLite3 PkgConfig::RDKAFKA LABELS integration kafka TIMEOUT 300)
