# The canvas benchmark links the designer (sw_app), so it is built only with SW_BUILD_GUI.
# Included from bench/CMakeLists.txt between the glob and the loop, so the loop skips it.
list(FILTER SW_BENCH_SOURCES EXCLUDE REGEX "/bench_canvas\\.cpp$")
if(SW_BUILD_GUI)
  add_executable(bench_canvas ${CMAKE_CURRENT_LIST_DIR}/bench_canvas.cpp)
  target_link_libraries(bench_canvas PRIVATE sw_app)
  sw_set_warnings(bench_canvas)
endif()
