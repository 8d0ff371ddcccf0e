# The product concordances culturetrade ships, compiled in from the CSV files of
# import/data/hs_concordances (converted once from UNSD's workbooks; its README says how), so that
# nothing is typed by hand and a change to a CSV rebuilds the library.
set(CT_HS_CONCORDANCES_DIR ${PROJECT_SOURCE_DIR}/import/data/hs_concordances)

# `{"010121", "010110", "1"},` and a newline for each row of the CSV file `csv`, whose header
# must be `product_code,group_code,weight`; a line of any other form stops the configuration
# with its line number. The test checks the codes and weights themselves.
function(ct_concordance_rows csv out_var)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${csv})
  file(STRINGS ${csv} lines)
  list(POP_FRONT lines header)
  if(NOT header STREQUAL "product_code,group_code,weight")
    message(FATAL_ERROR "${csv}:1: header '${header}' is not 'product_code,group_code,weight'")
  endif()
  set(rows "")
  set(line_number 1)
  foreach(line IN LISTS lines)
    math(EXPR line_number "${line_number} + 1")
    if(NOT line MATCHES "^([0-9]+),([0-9]+),([0-9.]+)$")
      message(FATAL_ERROR "${csv}:${line_number}: '${line}' is not product_code,group_code,weight")
    endif()
    string(APPEND rows "{\"${CMAKE_MATCH_1}\", \"${CMAKE_MATCH_2}\", \"${CMAKE_MATCH_3}\"},\n")
  endforeach()
  set(${out_var} "${rows}" PARENT_SCOPE)
endfunction()
