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

# A crash: the partial file stops in the middle of a row, and FILE itself is not there yet.
file(READ ${WORK}/full.csv text)
string(FIND "${text}" "\n13," cut)
math(EXPR cut "${cut} + 6")
string(SUBSTRING "${text}" 0 ${cut} partial)
file(WRITE ${WORK}/resumed.csv.partial "${partial}")
run_triad(${args} -j 2 --resume -o ${WORK}/resumed.csv)
if(NOT last_code EQUAL 0)
  message(FATAL_ERROR "resume failed: ${last_output}")
endif()
read_without_command(${WORK}/resumed.csv resumed)
if(NOT "${resumed}" STREQUAL "${full}")
  message(FATAL_ERROR "the resumed file differs from the uninterrupted one")
endif()
if(EXISTS ${WORK}/resumed.csv.partial)
  message(FATAL_ERROR "a finished sweep left its .partial file behind")
endif()

# A file cut by an earlier version (which appended to FILE itself) is resumed too.
file(WRITE ${WORK}/legacy.csv "${partial}")
run_triad(${args} -j 2 --resume -o ${WORK}/legacy.csv)
read_without_command(${WORK}/legacy.csv legacy)
if(NOT last_code EQUAL 0 OR NOT "${legacy}" STREQUAL "${full}")
  message(FATAL_ERROR "resuming a cut FILE failed: ${last_output}")
endif()

# Garbage is never appended to: a partial file that is not a sweep is refused and kept.
file(WRITE ${WORK}/garbage.csv.partial "not a sweep\n1,2,3\n")
run_triad(${args} --resume -o ${WORK}/garbage.csv)
file(READ ${WORK}/garbage.csv.partial garbage)
if(last_code EQUAL 0 OR EXISTS ${WORK}/garbage.csv OR NOT garbage STREQUAL "not a sweep\n1,2,3\n")
  message(FATAL_ERROR "resume appended to a file that is not a sweep: ${last_output}")
endif()

# A second writer on the same FILE fails at once while the first holds the lock (flock(1)
# stands for the first sweep), and the first one's partial file is untouched.
file(WRITE ${WORK}/locked.csv.partial "${partial}")
find_program(FLOCK flock)
if(FLOCK)
  execute_process(COMMAND ${FLOCK} ${WORK}/locked.csv.partial ${TRIAD} ${args} -o ${WORK}/locked.csv
                  WORKING_DIRECTORY ${SOURCE} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  file(READ ${WORK}/locked.csv.partial locked)
  if(code EQUAL 0 OR NOT err MATCHES "being written by another triad sweep" OR NOT locked STREQUAL partial)
    message(FATAL_ERROR "a second writer was not refused: ${code} ${err}")
  endif()
endif()

# A failed write (here: a file size limit) exits non-zero and leaves an earlier FILE intact.
file(COPY_FILE ${WORK}/full.csv ${WORK}/kept.csv)
execute_process(COMMAND sh -c "trap '' XFSZ; ulimit -f 2; exec \"$0\" \"$@\"" ${TRIAD} ${args} -o ${WORK}/kept.csv
                WORKING_DIRECTORY ${SOURCE} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(READ ${WORK}/full.csv before)
file(READ ${WORK}/kept.csv after)
if(code EQUAL 0 OR NOT err MATCHES "cannot write .*kept.csv.partial" OR NOT before STREQUAL after)
  message(FATAL_ERROR "a failed write was reported as success or destroyed the earlier file: ${code} ${err}")
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
