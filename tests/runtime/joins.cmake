# Temporal, window and lookup joins against SQLite computing the same join (random out-of-order
# input, parallelism 1, 2 and 4), plus their cleanup and changelog rules.
sw_add_qtest(tst_joins_oracle SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_joins_oracle.cpp
  LIBS sw_runtime SQLite::SQLite3 LABELS unit concurrency)
