# `triad compare scenarios/` gives byte-identical JSON with 1 and 2 threads, and twice in a row:
# every claim and disagreement is a pure function of the scenarios and the seed (40 draws per
# region keep the three runs short; the draws are seeded whatever their number).
#   cmake -DTRIAD=path/to/triad -DWORK=dir -DSOURCE=repo -P compare_stable.cmake
foreach(run one two again)
  if(run STREQUAL "one")
    set(threads 1)
  else()
    set(threads 2)
  endif()
  execute_process(COMMAND ${TRIAD} compare scenarios/ --format json --samples 40 -j ${threads} -o ${WORK}/compare_${run}.json
                  WORKING_DIRECTORY ${SOURCE} RESULT_VARIABLE code ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "triad compare (-j ${threads}) failed: ${err}")
  endif()
  file(READ ${WORK}/compare_${run}.json text_${run})
endforeach()
if(NOT text_one STREQUAL text_two)
  message(FATAL_ERROR "compare output differs between 1 and 2 threads")
endif()
if(NOT text_two STREQUAL text_again)
  message(FATAL_ERROR "compare output differs from one run to the next")
endif()
string(LENGTH "${text_one}" size)
if(size LESS 1000)
  message(FATAL_ERROR "compare output is suspiciously short (${size} bytes)")
endif()
