# First run, start page, shortcuts and the Language preference (real widgets and the real
# designer executable).
sw_add_qtest(tst_firstrun SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_firstrun.cpp LIBS sw_app LABELS gui)
add_dependencies(tst_firstrun streamwright)

# Translations complete and current (runs lupdate on copies), user strings wrapped in tr().
if(TARGET Qt6::lupdate)
  sw_add_qtest(tst_translations SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_translations.cpp
    LIBS sw_app LABELS gui)
  target_compile_definitions(tst_translations PRIVATE SW_LUPDATE="$<TARGET_FILE:Qt6::lupdate>")
  add_dependencies(tst_translations streamwright)
endif()

# The .deb: built with cpack from this build tree, validated (desktop-file-validate,
# appstreamcli, lintian) and unpacked with dpkg-deb -x into a temporary root where both
# programs start (packaging/test-package.sh; ~20 s, most of it lintian).
add_test(NAME tst_package COMMAND bash ${CMAKE_SOURCE_DIR}/packaging/test-package.sh
  ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR})
set_tests_properties(tst_package PROPERTIES LABELS integration TIMEOUT 600)
