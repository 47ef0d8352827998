# Redis (runtime/redis, connectors/redis, dedup's Redis store) against a real redis-server that
# each test starts on 127.0.0.1 (tests/runtime/RedisTestServer.h); hiredis is the oracle client.
sw_add_qtest(tst_redis SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_redis.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tst_redis_pipelines.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tst_redis_changelog.cpp
  LIBS sw_runtime PkgConfig::HIREDIS SQLite::SQLite3 LABELS integration TIMEOUT 300)
