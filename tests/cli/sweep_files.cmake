# Sweep files end to end: a crashed-then-resumed sweep and a sharded-then-merged sweep both end
# with the file an uninterrupted sweep writes (up to the '# command:' line), and merge refuses
# shards of different sweeps.
#   cmake -DTRIAD=path/to/triad -DWORK=dir -DSOURCE=repo -P sweep_files.cmake
set(args sweep scenarios/baseline.yaml --param russia.regime_fear=0:3:6 --param ambition.a.china.russia=0:4:7
    --analysis pure -q --chunk 4)
file(MAKE_DIRECTORY ${WORK})
function(run_triad)
  execute_process(COMMAND ${TRIAD} ${ARGN} WORKING_DIRECTORY ${SOURCE} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(last_code ${code} PARENT_SCOPE)
  set(last_output "${out}${err}" PARENT_SCOPE)
endfunction()
function(read_without_command path variable)
  file(STRINGS ${path} lines)
  list(FILTER lines EXCLUDE REGEX "^# command:")
  set(${variable} "${lines}" PARENT_SCOPE)
endfunction()

run_triad(${args} -j 1 -o ${WORK}/full.csv)
if(NOT last_code EQUAL 0)
  message(FATAL_ERROR "full sweep failed: ${last_output}")
endif()
read_without_command(${WORK}/full.csv full)

# A crash: the file stops in the middle of a row.
file(READ ${WORK}/full.csv text)
string(FIND "${text}" "\n13," cut)
math(EXPR cut "${cut} + 6")
string(SUBSTRING "${text}" 0 ${cut} partial)
file(WRITE ${WORK}/resumed.csv "${partial}")
run_triad(${args} -j 2 --resume -o ${WORK}/resumed.csv)
if(NOT last_code EQUAL 0)
  message(FATAL_ERROR "resume failed: ${last_output}")
endif()
read_without_command(${WORK}/resumed.csv resumed)
if(NOT "${resumed}" STREQUAL "${full}")
  message(FATAL_ERROR "the resumed file differs from the uninterrupted one")
endif()

# Resuming with a different design is refused.
run_triad(sweep scenarios/baseline.yaml --param russia.regime_fear=0:3:5 --param ambition.a.china.russia=0:4:7
          --analysis pure -q --resume -o ${WORK}/resumed.csv)
if(last_code EQUAL 0 OR NOT last_output MATCHES "written by a different sweep")
  message(FATAL_ERROR "resume accepted a different sweep: ${last_output}")
endif()

# Shards, merged in any order, give the full file.
foreach(k 1 2 3)
  run_triad(${args} --shard ${k}/3 -o ${WORK}/part${k}.csv)
  if(NOT last_code EQUAL 0)
    message(FATAL_ERROR "shard ${k} failed: ${last_output}")
  endif()
endforeach()
run_triad(merge ${WORK}/part3.csv ${WORK}/part1.csv ${WORK}/part2.csv -o ${WORK}/merged.csv)
if(NOT last_code EQUAL 0)
  message(FATAL_ERROR "merge failed: ${last_output}")
endif()
read_without_command(${WORK}/merged.csv merged)
if(NOT "${merged}" STREQUAL "${full}")
  message(FATAL_ERROR "the merged file differs from the unsharded one")
endif()

# Merge refuses a missing shard and a shard of another sweep.
run_triad(merge ${WORK}/part1.csv ${WORK}/part2.csv -o ${WORK}/bad.csv)
if(last_code EQUAL 0 OR NOT last_output MATCHES "shard 3/3 is missing")
  message(FATAL_ERROR "merge accepted a missing shard: ${last_output}")
endif()
run_triad(sweep scenarios/baseline.yaml --param russia.regime_fear=0:2:6 --param ambition.a.china.russia=0:4:7
          --analysis pure -q --chunk 4 --shard 3/3 -o ${WORK}/other3.csv)
run_triad(merge ${WORK}/part1.csv ${WORK}/part2.csv ${WORK}/other3.csv -o ${WORK}/bad.csv)
if(last_code EQUAL 0 OR NOT last_output MATCHES "different sweep")
  message(FATAL_ERROR "merge accepted a shard of another sweep: ${last_output}")
endif()
if(EXISTS ${WORK}/bad.csv)
  message(FATAL_ERROR "a refused merge left a file behind")
endif()
message(STATUS "sweep files: resume and merge reproduce the full sweep")
