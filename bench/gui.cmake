# GUI benchmarks: they link the designer (sw_app), so they are built only with SW_BUILD_GUI.
# Included from bench/CMakeLists.txt between the glob and the loop, so the loop skips them.
list(FILTER SW_BENCH_SOURCES EXCLUDE REGEX "/bench_gui_[^/]*\\.cpp$")
if(SW_BUILD_GUI)
  add_executable(bench_gui_run ${CMAKE_CURRENT_LIST_DIR}/bench_gui_run.cpp)
  target_link_libraries(bench_gui_run PRIVATE sw_app)
  target_compile_definitions(bench_gui_run PRIVATE SW_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  set_target_properties(bench_gui_run PROPERTIES AUTOMOC ON)
  sw_set_warnings(bench_gui_run)
endif()
