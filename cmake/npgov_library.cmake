# npgov_library(NAME SOURCES a.cpp b.cpp DEPS x y)  — one library per engine/module,
# target npgov_<NAME>, includes rooted at src/ so headers read "core/cas_number.hpp".
function(npgov_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(npgov_${name} STATIC ${ARG_SOURCES})
  target_include_directories(npgov_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(npgov_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
endfunction()

# npgov_test(NAME SOURCES … DEPS … LABELS unit) — one GoogleTest binary, registered with CTest.
function(npgov_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  if(NOT NPGOV_BUILD_TESTS)
    return()
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main)
  # gtest_discover_tests flattens lists once per level of CMake code it generates: escape the
  # separators so that every label survives (otherwise only the first one does).
  string(REPLACE ";" "\\\\\\\\\\\\\\\\;" labels "${ARG_LABELS}")
  gtest_discover_tests(${name} PROPERTIES LABELS "${labels}"
                       WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} DISCOVERY_TIMEOUT 60)
endfunction()
