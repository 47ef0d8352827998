# Expression language (runtime/expr): table-driven unit tests, the stored fuzz corpus replayed as
# a normal test, and (only with -DSW_FUZZ=ON, clang required) the libFuzzer target fuzz_expr.
sw_add_qtest(tst_expr
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_expr.cpp ${CMAKE_CURRENT_LIST_DIR}/tst_expr_cases.cpp
          ${CMAKE_CURRENT_LIST_DIR}/tst_expr_functions.cpp ${CMAKE_CURRENT_LIST_DIR}/tst_expr_errors.cpp
          ${CMAKE_CURRENT_LIST_DIR}/tst_expr_types.cpp ${CMAKE_CURRENT_LIST_DIR}/tst_expr_support.cpp
  LIBS sw_runtime LABELS unit)
sw_add_qtest(tst_expr_corpus
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_expr_corpus.cpp ${CMAKE_CURRENT_LIST_DIR}/fuzz/ExprFuzzCase.cpp
  LIBS sw_runtime LABELS unit)

if(SW_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "SW_FUZZ=ON needs clang: configure with -DCMAKE_CXX_COMPILER=clang++ "
                        "-DCMAKE_C_COMPILER=clang")
  endif()
  # Built from the expression sources directly (not sw_runtime) so that exactly the code under
  # test is coverage-instrumented and the target does not depend on Kafka/SQLite.
  set(SW_RT ${CMAKE_SOURCE_DIR}/runtime)
  file(GLOB SW_EXPR_SOURCES CONFIGURE_DEPENDS ${SW_RT}/expr/*.cpp)
  add_executable(fuzz_expr ${CMAKE_CURRENT_LIST_DIR}/fuzz/fuzz_expr.cpp
    ${CMAKE_CURRENT_LIST_DIR}/fuzz/ExprFuzzCase.cpp ${SW_EXPR_SOURCES}
    ${SW_RT}/types/DataType.cpp ${SW_RT}/types/Value.cpp ${SW_RT}/types/ValueText.cpp
    ${SW_RT}/types/Schema.cpp ${SW_RT}/util/Result.cpp ${SW_RT}/util/Utf8.cpp)
  target_include_directories(fuzz_expr PRIVATE ${SW_RT})
  target_compile_options(fuzz_expr PRIVATE -g -O1 -fsanitize=fuzzer,address,undefined
                         -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(fuzz_expr PRIVATE -fsanitize=fuzzer,address,undefined)
endif()
