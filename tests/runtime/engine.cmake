# Engine core tests (runtime/exec, time, operators, metrics).
sw_add_qtest(tst_engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_engine.cpp
  LIBS sw_runtime LABELS unit concurrency)
sw_add_qtest(tst_windows SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_windows.cpp
  LIBS sw_runtime LABELS unit)
sw_add_qtest(tst_oracle SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_oracle.cpp
  LIBS sw_runtime SQLite::SQLite3 LABELS unit concurrency)
# Backpressure: a throttled sink blocks the source, bounds records in flight, loses nothing.
sw_add_qtest(tst_backpressure SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_backpressure.cpp
  LIBS sw_runtime LABELS unit concurrency)
# Time through the engine: processing-time triggers, source idleness (~2 s).
sw_add_qtest(tst_time SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_time.cpp
  LIBS sw_runtime LABELS unit concurrency)
# Checkpoint coordinator through the engine: barrier alignment, holds, stop without drain.
sw_add_qtest(tst_checkpoints SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_checkpoints.cpp
  LIBS sw_runtime LABELS unit concurrency)
# Replay closure (exact windows after a restart): the algorithm alone and in the coordinator.
sw_add_qtest(tst_replay_closure SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_replay_closure.cpp
  LIBS sw_runtime LABELS unit)
# Durable state (runtime/state): codec, checkpoint store, fingerprints; operator snapshot/restore
# round trips; restore through the engine (fallback, compatibility refusals, write failures).
sw_add_qtest(tst_state SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_state.cpp
  LIBS sw_runtime SQLite::SQLite3 LABELS unit)
sw_add_qtest(tst_state_roundtrip SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_state_roundtrip.cpp
  LIBS sw_runtime LABELS unit)
sw_add_qtest(tst_state_recovery SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_state_recovery.cpp
  LIBS sw_runtime SQLite::SQLite3 LABELS integration)
# Keyed state redistributed by key group on a parallelism change, against a SQLite oracle.
sw_add_qtest(tst_state_rescale SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_state_rescale.cpp
  LIBS sw_runtime SQLite::SQLite3 LABELS integration)
# Engine features used by the designer and the CLI: gated start, inject, split metrics, DrainAll.
sw_add_qtest(tst_engine_inject SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_engine_inject.cpp
  LIBS sw_runtime LABELS unit concurrency)
# Exactly-once SQLite and file sinks: every crash point of their two-phase commit, the console
# warning, and a fault plan (map, snapshot and restore failures) against a SQLite oracle.
sw_add_qtest(tst_exactly_once SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_exactly_once.cpp
  LIBS sw_runtime SQLite::SQLite3 LABELS integration)
# The processing-time clock (runtime/time/Clock.h): a virtual clock drives processing-time
# windows, triggers and TTLs through the engine without sleeping.
sw_add_qtest(tst_clock SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_clock.cpp
  LIBS sw_runtime LABELS unit concurrency)
