# Runs the triad program once and checks its exit code and output.
#   cmake -DEXPECT_EXIT=N -DEXPECT=REGEX [-DREJECT=REGEX] [-DWORKDIR=DIR] [-DREAD_BACK=FILE]
#         -P run_cli.cmake -- PROGRAM ARGS...
# The test passes when the exit code is N and standard output plus standard error match REGEX
# (and do not match REJECT, when given). With READ_BACK (a file the command writes, e.g. its
# -o FILE; relative to WORKDIR), the file is removed before the run, must exist after it, and
# its content is appended to the output that EXPECT and REJECT are matched against.
set(command "")
set(collect OFF)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE ${last})
  if(collect)
    list(APPEND command "${CMAKE_ARGV${i}}")
  elseif("${CMAKE_ARGV${i}}" STREQUAL "--")
    set(collect ON)
  endif()
endforeach()
if(NOT WORKDIR)
  set(WORKDIR ".")
endif()
if(READ_BACK AND NOT IS_ABSOLUTE "${READ_BACK}")
  set(READ_BACK "${WORKDIR}/${READ_BACK}")
endif()
if(READ_BACK)
  file(REMOVE "${READ_BACK}")  # so that a file left by an earlier run cannot pass for this one's
endif()
execute_process(COMMAND ${command} WORKING_DIRECTORY "${WORKDIR}"
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(all "${out}${err}")
if(READ_BACK)
  if(NOT EXISTS "${READ_BACK}")
    message(FATAL_ERROR "the command did not write ${READ_BACK}\n--- output ---\n${all}")
  endif()
  file(READ "${READ_BACK}" written)
  string(APPEND all "${written}")
endif()
if(NOT "${code}" STREQUAL "${EXPECT_EXIT}")
  message(FATAL_ERROR "exit code ${code}, expected ${EXPECT_EXIT}\n--- output ---\n${all}")
endif()
if(NOT all MATCHES "${EXPECT}")
  message(FATAL_ERROR "output does not match '${EXPECT}'\n--- output ---\n${all}")
endif()
if(REJECT AND all MATCHES "${REJECT}")
  message(FATAL_ERROR "output matches '${REJECT}', which it must not\n--- output ---\n${all}")
endif()
