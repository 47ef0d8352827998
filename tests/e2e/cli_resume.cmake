# streamwright-run resumes from checkpoints: SIGKILL, resume, SQLite oracle (~10 s).
sw_add_qtest(tst_cli_resume SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cli_resume.cpp
  LIBS SQLite::SQLite3 LABELS integration)
target_compile_definitions(tst_cli_resume PRIVATE SW_CLI_PATH="$<TARGET_FILE:streamwright-run>")
add_dependencies(tst_cli_resume streamwright-run)
