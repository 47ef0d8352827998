# bench_replay reads examples/orders.pipeline.json.
target_compile_definitions(bench_replay PRIVATE SW_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
