# Hostile and unlucky inputs (issue 15), end to end: each case runs the program on an input
# that once crashed it, exhausted memory, took minutes or printed something misleading, and
# checks the exit code and a located message. Large inputs are generated here
# (tests/data/hostile/make_inputs.py), not committed. Memory is capped with `ulimit -v` (not
# under AddressSanitizer, which reserves terabytes of address space); time is bounded by the
# timeout of 120 s per case (a hang is reported by name), not measured.
#   cmake -DTRIAD=triad -DPYTHON=python3 -DWORK=dir -DSOURCE=repo [-DSANITIZED=ON] -P hostile.cmake
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${PYTHON} ${SOURCE}/tests/data/hostile/make_inputs.py ${WORK} RESULT_VARIABLE made)
if(NOT made EQUAL 0)
  message(FATAL_ERROR "could not generate the hostile inputs")
endif()
set(limit "ulimit -v 2000000;")  # 2 GB of address space: each case needs a few hundred MB
if(SANITIZED)
  set(limit "")
endif()
set(failures "")
function(expect name code regex)
  execute_process(COMMAND sh -c "${limit} exec timeout 120 \"$0\" \"$@\"" ${TRIAD} ${ARGN}
                  WORKING_DIRECTORY ${WORK} RESULT_VARIABLE got OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(SUBSTRING "${out}${err}" 0 2000 shown)
  if(NOT got STREQUAL code OR NOT "${out}${err}" MATCHES "${regex}")
    set(failures "${failures}\n${name}: exit ${got} (expected ${code}); output:\n${shown}" PARENT_SCOPE)
  else()
    message(STATUS "ok: ${name}")
  endif()
endfunction()

expect(extends_chain 1 "chain/c63.yaml:1:10: the extends chain is longer than 64 files" validate chain/c0.yaml)
expect(billion_laughs 1 "laughs.yaml:[0-9]+:[0-9]+: the YAML holds more than 1000000 values once its aliases" validate laughs.yaml)
expect(deep_flow 1 "deep_flow.yaml:1:[0-9]+: the YAML nests deeper than 64 levels" validate deep_flow.yaml)
expect(deep_block 1 "deep_block.yaml:[0-9]+:[0-9]+: the YAML nests deeper than 64 levels" validate deep_block.yaml)
expect(many_keys 1 "many_keys.yaml:2:1: unknown key 'sets'" validate many_keys.yaml)
expect(many_actions 0 "ok \\(2 players, 200000 profiles" validate many_actions.yaml)
expect(many_nfg_players 0 "ok \\(100000 players, 1 profiles\\)" validate many_players.nfg)
expect(many_nfg_players_solve 0 "100000 players, 1 x 1 x 1 x 1 x 1 x 1 x 1 x 1 x \\.\\.\\. actions" solve many_players.nfg)
expect(constant_game 0 "1048576 pure equilibria: only the first 1000" solve constant.nfg)
expect(four_without_drivers 0 "531441 pure equilibria: only the first 1000" solve four_no_drivers.yaml)
expect(players_21 1 "players21.yaml:2:3: the game has 2.1e\\+06 pure profiles" validate players21.yaml)
expect(players_21_default 1 "players_default21.yaml:2:3: the game has 2.46e\\+200 pure profiles \\(3486784401 x" validate players_default21.yaml)
expect(device 1 "/dev/zero: is not a regular file" validate /dev/zero)
expect(folder 1 "chain: is a folder, not a file" validate chain)
expect(missing 1 "no_such.yaml: no such file" validate no_such.yaml)

# A size limit, lowered for the test (the default is 64 MB).
set(ENV{TRIAD_MAX_INPUT_MB} 0.01)
expect(size_limit 1 "baseline.yaml: is [0-9]+ KB, more than the 10 KB an input may have; set TRIAD_MAX_INPUT_MB"
       validate ${SOURCE}/scenarios/baseline.yaml)
unset(ENV{TRIAD_MAX_INPUT_MB})

# Results that cannot be written are failures, never successes.
foreach(command "solve" "sweep")
  set(arguments ${SOURCE}/scenarios/baseline.yaml)
  if(command STREQUAL "sweep")
    list(APPEND arguments --param russia.regime_fear=0:3:4 -q)
  endif()
  execute_process(COMMAND sh -c "exec \"$0\" \"$@\" > /dev/full" ${TRIAD} ${command} ${arguments}
                  WORKING_DIRECTORY ${WORK} RESULT_VARIABLE got ERROR_VARIABLE err)
  if(got EQUAL 0 OR NOT err MATCHES "cannot write the results to standard output")
    set(failures "${failures}\n${command} to a full standard output: exit ${got}; ${err}")
  else()
    message(STATUS "ok: ${command} to a full standard output")
  endif()
endforeach()

if(failures)
  message(FATAL_ERROR "hostile inputs:${failures}")
endif()
